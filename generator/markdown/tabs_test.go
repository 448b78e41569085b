package markdown

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestTabLine(t *testing.T) {
	for _, c := range []struct {
		line, label  string
		newSet, plus bool
		ok           bool
	}{
		{`=== "iOS"`, "iOS", false, false, true},
		{"=== \"企业微信手机\"  \n", "企业微信手机", false, false, true},
		{`===! "A"`, "A", true, false, true},
		{`===+ "A"`, "A", false, true, true},
		{`===!+ "A"`, "A", true, true, true},
		{`===+! "A"`, "A", true, true, true},
		{`=== ""`, "", false, false, true},
		{`=== "say "hi""`, `say "hi"`, false, false, true},
		{`=== "a\*b"`, "a*b", false, false, true},
		{`===!! "A"`, "", false, false, false},
		{`===++ "A"`, "", false, false, false},
		{`==== "A"`, "", false, false, false},
		{`==="A"`, "", false, false, false},
		{`=== A`, "", false, false, false},
		{`=== "A`, "", false, false, false},
		{`=== "A" x`, "", false, false, false},
		{`===`, "", false, false, false},
		{`=== "`, "", false, false, false},
	} {
		label, newSet, plus, ok := tabLine([]byte(c.line))
		if label != c.label || newSet != c.newSet || plus != c.plus || ok != c.ok {
			t.Errorf("tabLine(%q) = %q, %v, %v, %v; want %q, %v, %v, %v",
				c.line, label, newSet, plus, ok, c.label, c.newSet, c.plus, c.ok)
		}
	}
}

// checkTabMarkup checks what the script and the theme rely on: element IDs
// unique in the page, every aria-controls and aria-labelledby pointing at
// one, and exactly one selected tab and one selected panel per set.
func checkTabMarkup(t *testing.T, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	var refs []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					if ids[a.Val] {
						t.Fatalf("id %q twice in\n%s", a.Val, page)
					}
					ids[a.Val] = true
				case "aria-controls", "aria-labelledby":
					refs = append(refs, a.Val)
				}
			}
			if hasClass(n, "tabs") {
				checkSet(t, n, page)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, r := range refs {
		if !ids[r] {
			t.Fatalf("reference to missing id %q in\n%s", r, page)
		}
	}
}

func checkSet(t *testing.T, set *html.Node, page string) {
	t.Helper()
	tabs, panels := 0, 0
	for c := set.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case hasClass(c, "tab-list"):
			for b := c.FirstChild; b != nil; b = b.NextSibling {
				if attr(b, "aria-selected") == "true" {
					tabs++
				}
			}
		case hasClass(c, "tab-panel") && hasClass(c, "selected"):
			panels++
		}
	}
	if tabs != 1 || panels != 1 {
		t.Fatalf("a tab set with %d selected tabs and %d selected panels in\n%s", tabs, panels, page)
	}
}

func hasClass(n *html.Node, class string) bool {
	return n.Type == html.ElementNode && strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
}

func TestTabMarkup(t *testing.T) {
	r := New(Options{})
	for _, s := range append(tabSeeds, groupSeeds...) {
		checkTabMarkup(t, r.Render("content/f.md", "f.md", []byte(s), nil).HTML)
	}
}

var tabSeeds = []string{
	"=== \"A\"\n    a\n=== \"A\"\n    b\n\n## A\n\n## tab-a\n",
	"===+ \"x\"\n===+ \"y\"\n===! \"z\"\n\n    === \"n\"\n        m\n",
	"- a\n\n    === \"i\"\n        x\n\n    === \"j\"\n",
	"> === \"q\"\n>     in a quote\n\n=== \"\"\n\t```\n\tcode\n\t```\n",
}

var groupSeeds = []string{
	"::: code-group\n```js [a.js]\n:::\n```\n```\n```\n:::\n",
	"::: code-group\ntext\n:::\n\n:::: code-group\n```ts{1} [b]\n```\n::::\n",
	"1. ::: code-group\n   ```sh [npm]\n   x\n   ```\n   :::\n\n=== \"t\"\n    :::code-group\n    ```\n",
}

// FuzzTabs and FuzzCodeGroups render tabs and code groups mixed with other
// Markdown: no panic, and markup the script can rely on.
func FuzzTabs(f *testing.F) { fuzzTabMarkup(f, tabSeeds) }

func FuzzCodeGroups(f *testing.F) { fuzzTabMarkup(f, groupSeeds) }

func fuzzTabMarkup(f *testing.F, seeds []string) {
	for _, s := range seeds {
		f.Add(s)
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		d := r.Render("content/f.md", "f.md", []byte(s), nil)
		for _, x := range d.Diags {
			if strings.Contains(x.String(), "internal error") {
				t.Fatal(x)
			}
		}
		checkTabMarkup(t, d.HTML)
	})
}

func TestHasTabs(t *testing.T) {
	r := New(Options{})
	for src, want := range map[string]bool{
		"=== \"a\"\n    x\n": true, "::: code-group\n```\n```\n:::\n": true,
		"::: code-group\ntext\n:::\n": false, "=== a\n": false, "# t\n": false,
	} {
		if got := r.Render("content/f.md", "f.md", []byte(src), nil).HasTabs; got != want {
			t.Errorf("HasTabs of %q = %v, want %v", src, got, want)
		}
	}
}
