package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkRange fails unless r is a range of a line of n bytes.
func checkRange(t *testing.T, what string, r [2]int, n int) {
	t.Helper()
	if r[0] < 0 || r[0] > r[1] || r[1] > n {
		t.Fatalf("%s range %v outside the line (%d bytes)", what, r, n)
	}
}

// checkKind fails unless kind is a type name: one or more word characters.
func checkKind(t *testing.T, kind string) {
	t.Helper()
	if kind == "" {
		t.Fatal("opened with no kind")
	}
	for _, r := range kind {
		if !isWordRune(r) {
			t.Fatalf("kind %q holds %q", kind, r)
		}
	}
}

func FuzzContainerLine(f *testing.F) {
	for _, s := range []string{"::: tip 标题\n", ":::tip", ":::tip[标题]", "::::: details x {open}", ":::", "::: code-group",
		"::: [x]", ":::tip{#id}", "::: tip [", ":: tip", "::: 提示 😀\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		h, ok := parseContainerLine([]byte(line))
		if !ok {
			return
		}
		checkRange(t, "kind", h.kind, len(line))
		checkRange(t, "title", h.title, len(line))
		kind := line[h.kind[0]:h.kind[1]]
		checkKind(t, kind)
		if h.fence < 3 || strings.Trim(line[:h.fence], ":") != "" || kind == "code-group" {
			t.Fatalf("opened %q: fence %d, kind %q", line, h.fence, kind)
		}
		if isContainerEnd([]byte(line), h.fence) {
			t.Fatalf("%q both opens and closes", line)
		}
	})
}

func FuzzAdmonitionLine(f *testing.F) {
	for _, s := range []string{"!!! note \"标题\"\n", "???+ tip", "??? tip \"\"", "!!!note", "!!! note inline end", "!!!",
		"!!! \"x\"", "!!! a \"b\" c", "???- x", "!!! 提示 \"😀\"\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		h, ok := parseAdmonitionLine([]byte(line))
		if !ok {
			return
		}
		checkRange(t, "kind", h.kind, len(line))
		checkRange(t, "title", h.title, len(line))
		checkKind(t, line[h.kind[0]:h.kind[1]])
		if h.titled && (line[h.title[0]-1] != '"' || line[h.title[1]] != '"') {
			t.Fatalf("title of %q not between quotes: %v", line, h.title)
		}
	})
}

// FuzzCallouts renders documents made of callout lines: no panic, and every
// callout element that opens closes.
func FuzzCallouts(f *testing.F) {
	for _, s := range []string{
		"::: tip 标题\nx\n:::\n", ":::: a\n::: b\n- x\n:::\n::::\n", "!!! note \"t\"\n    x\n\n    ??? tip\n        y\n",
		"- a\n\n    !!! note\n        ```go\n        x\n        ```\n", "> ::: tip\n> x\n\ny\n:::\n", "???+ x \"\"\n\t::: details\n\t:::\n",
		"> [!NOTE]\n> ::: tip\n", "::: tip [a](b.md) `c`\n## h\n:::\n",
	} {
		f.Add(s)
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.Contains(s, "<") {
			return // raw HTML has its own balance rules (rawhtml.go)
		}
		d := r.Render("content/f.md", "f.md", []byte(s), testSite)
		for _, x := range d.Diags {
			if strings.Contains(x.Msg, "internal error") {
				t.Fatalf("%q: %v", s, x)
			}
		}
		for _, tag := range []string{"details", "summary"} {
			if o, c := strings.Count(d.HTML, "<"+tag), strings.Count(d.HTML, "</"+tag+">"); o != c {
				t.Fatalf("%q: %d <%s> and %d </%s>:\n%s", s, o, tag, c, tag, d.HTML)
			}
		}
		if o, c := strings.Count(d.HTML, "<div"), strings.Count(d.HTML, "</div>"); o != c {
			t.Fatalf("%q: %d <div> and %d </div>:\n%s", s, o, c, d.HTML)
		}
	})
}
