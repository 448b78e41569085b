package markdown

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// specExample is one example of testdata/commonmark/spec.json.
type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// Differences from the CommonMark spec that zhinan makes on purpose, by
// example number, with the reason. Some differences are not listed because
// specHTML takes them out of both sides before comparing: heading IDs and
// their anchor links, loading="lazy" on images, rel="noopener" on links, the
// <div class="code"> around code blocks and chroma's highlighting inside them,
// XHTML's "<br />" against HTML's "<br>" (both are parsed as HTML).
var specDifferences = map[int]string{
	// GFM autolinks (DESIGN.md: Markdown is CommonMark + GFM): bare URLs and
	// e-mail addresses are links.
	608: "GFM autolink: the URL in '< https://foo.bar >' is linked",
	611: "GFM autolink: a bare https:// URL is linked",
	612: "GFM autolink: a bare e-mail address is linked",
	// goldmark's CJK option for Chinese text: "\ " is a space that is not
	// written, to end emphasis without a visible space (**强调**\ 文字).
	13: "CJK escaped space: '\\ ' writes nothing",
}

// sanitisedSections are the spec sections about raw HTML: there the
// sanitiser (rawhtml.go) changes examples on purpose (tags outside the
// allowlist lose their tags but keep their text; script, style and comments
// go). Under unsafe_html each of them must match the spec.
var sanitisedSections = map[string]bool{"HTML blocks": true, "Raw HTML": true}

// TestCommonMarkSpec runs the spec's own examples through the renderer: each
// must give the spec's HTML, except the deliberate differences listed above.
// With unsafe_html every raw HTML example must pass too; without it, the
// examples of raw HTML may differ only by what the allowlist removes.
func TestCommonMarkSpec(t *testing.T) {
	b, err := os.ReadFile("testdata/commonmark/spec.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples []specExample
	if err := json.Unmarshal(b, &examples); err != nil {
		t.Fatal(err)
	}
	for _, unsafe := range []bool{true, false} {
		r := New(Options{UnsafeHTML: unsafe})
		var failed []int
		sanitised := 0
		for _, ex := range examples {
			// A leading empty comment keeps a first "# heading" in the HTML
			// (Render leaves a page's leading h1 to the template).
			d := r.Render("content/spec.md", "spec.md", []byte("<!---->\n\n"+ex.Markdown), nil)
			got, want := specHTML(t, d.HTML), specHTML(t, ex.HTML)
			if got == want {
				if _, listed := specDifferences[ex.Example]; listed && unsafe {
					t.Errorf("example %d passes now: take it off specDifferences", ex.Example)
				}
				continue
			}
			if _, listed := specDifferences[ex.Example]; listed {
				continue
			}
			if !unsafe && (sanitisedSections[ex.Section] || strings.Contains(ex.Markdown, "<") && unsafeOnlyDiffers(t, ex)) {
				// What the allowlist let through must still be inert and balanced.
				if p := unsafeHTML(d.HTML, false) + unbalanced(d.HTML); p != "" {
					t.Errorf("example %d: %s\n%s", ex.Example, d.HTML, p)
				}
				sanitised++
				continue
			}
			failed = append(failed, ex.Example)
			t.Errorf("unsafe_html %v, example %d (%s):\n%s\n got %q\nwant %q", unsafe, ex.Example, ex.Section, ex.Markdown, got, want)
		}
		if len(failed) > 0 {
			t.Logf("unsafe_html %v: %d examples differ: %v", unsafe, len(failed), failed)
		}
		if !unsafe {
			t.Logf("%d of %d examples differ only by the sanitiser", sanitised, len(examples))
		}
	}
}

// unsafeOnlyDiffers reports whether an example outside the raw HTML sections
// that holds raw HTML passes with unsafe_html: then the sanitiser made the
// difference.
func unsafeOnlyDiffers(t *testing.T, ex specExample) bool {
	d := New(Options{UnsafeHTML: true}).Render("content/spec.md", "spec.md", []byte("<!---->\n\n"+ex.Markdown), nil)
	return specHTML(t, d.HTML) == specHTML(t, ex.HTML)
}

// specHTML parses h as the body of a page and writes it back in one form,
// without what zhinan adds on purpose (see specDifferences).
func specHTML(t *testing.T, h string) string {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(h), body)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, n := range nodes {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
		body.AppendChild(n)
	}
	normalise(body)
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			t.Fatal(err)
		}
	}
	return strings.TrimSpace(b.String())
}

func normalise(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode && c.Data == "":
			n.RemoveChild(c) // our leading <!---->
		case c.Type == html.ElementNode && c.DataAtom == atom.A && attr(c, "class") == "anchor":
			n.RemoveChild(c)
		case c.Type == html.ElementNode && c.DataAtom == atom.Div && attr(c, "class") == "code":
			// <div class="code"><pre class="chroma"><code …><span…>: the
			// plain <pre><code> it stands for.
			first := c.FirstChild
			for g := c.FirstChild; g != nil; g = c.FirstChild {
				c.RemoveChild(g)
				n.InsertBefore(g, c)
			}
			n.RemoveChild(c)
			if first != nil {
				next = first
			}
		default:
			if c.Type == html.ElementNode {
				dropAttr(c, "loading", "lazy")
				dropAttr(c, "rel", "noopener")
				if isHeading(c.DataAtom) {
					dropAttr(c, "id", "")
				}
				if c.DataAtom == atom.Pre && attr(c, "class") == "chroma" {
					dropAttr(c, "class", "chroma")
					flatten(c)
				}
			}
			normalise(c)
		}
		c = next
	}
}

func isHeading(a atom.Atom) bool {
	return slices.Contains([]atom.Atom{atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}, a)
}

// flatten replaces the highlighting spans inside a <pre><code> by their text.
func flatten(pre *html.Node) {
	code := pre.FirstChild
	if code == nil || code.DataAtom != atom.Code {
		return
	}
	var text strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(code)
	for code.FirstChild != nil {
		code.RemoveChild(code.FirstChild)
	}
	code.AppendChild(&html.Node{Type: html.TextNode, Data: text.String()})
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// dropAttr removes attribute key if its value is val ("" for any value).
func dropAttr(n *html.Node, key, val string) {
	n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool {
		return a.Key == key && (val == "" || a.Val == val)
	})
}
