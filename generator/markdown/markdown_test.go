package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"群主权限", "群主权限"},
		{"1. 备份 聊天记录（电脑端）", "1-备份-聊天记录电脑端"},
		{"Hello World", "hello-world"},
		{"  trim me  ", "trim-me"},
		{"a  b", "a--b"},
		{"snake_case-and-dash", "snake_case-and-dash"},
		{"What's new?", "whats-new"},
		{"《规则》“引号”：、。！？", "规则引号"},
		{"C++ & Go", "c--go"},
		{"ＡＢＣ全角", "ａｂｃ全角"},
		{"Ünïcödé", "ünïcödé"},
		{"emoji 🎉 here", "emoji--here"},
		{"！？。", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsExternal(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"https://a.b/", true}, {"HTTP://a", true}, {"mailto:x@y", true}, {"tel:10086", true},
		{"//cdn.example.com/x", true}, {"git+ssh://h/r", true},
		{"a.md", false}, {"../a.md#x", false}, {"#frag", false}, {"/x/", false}, {"img/a:b.png", false},
		{"%E7%BE%A4.md", false}, {"群:聊.md", false}, {":x", false}, {"1http://x", false}, {"", false},
	}
	for _, tt := range tests {
		if got := isExternal(tt.in); got != tt.want {
			t.Errorf("isExternal(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestLineIndex(t *testing.T) {
	idx := newLineIndex([]byte("ab\n群x\n\nz"))
	tests := []struct{ off, line, col int }{
		// 群 is three bytes but one column: x, at byte 6, is column 2.
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {6, 2, 2}, {7, 2, 3}, {8, 3, 1}, {9, 4, 1}, {-1, 0, 0},
	}
	for _, tt := range tests {
		if l, c := idx.pos(tt.off); l != tt.line || c != tt.col {
			t.Errorf("pos(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

func TestNilResolver(t *testing.T) {
	d := New(Options{}).Render("content/x.md", "x.md", []byte("[a](b.md) ![i](c.png)\n"), nil)
	want := `<p><a href="b.md">a</a> <img src="c.png" alt="i" loading="lazy"></p>` + "\n"
	if diff := cmp.Diff(want, string(d.HTML)); diff != "" {
		t.Errorf("HTML (-want +got):\n%s", diff)
	}
	if len(d.Links) != 0 || len(d.Diags) != 0 {
		t.Errorf("links %v, diags %v; want none", d.Links, d.Diags)
	}
}

func TestUnsafeHTML(t *testing.T) {
	src := []byte("<div class=\"x\">\nhi\n</div>\n\ntext <b>bold</b> <!-- c -->\n")
	got := string(New(Options{UnsafeHTML: true}).Render("content/x.md", "x.md", src, nil).HTML)
	want := "<div class=\"x\">\nhi\n</div>\n<p>text <b>bold</b> <!-- c --></p>\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("HTML (-want +got):\n%s", diff)
	}
}

func TestFrontMatterBlankedKeepsLines(t *testing.T) {
	// The caller blanks front matter without removing lines.
	src := []byte("\n\n\n\n# 标题\n\n见[坏](nope.md)\n")
	d := New(Options{}).Render("content/x.md", "x.md", src, testSite)
	if d.Title != "标题" || len(d.Headings) != 1 || d.Headings[0].Line != 5 {
		t.Errorf("title %q headings %+v", d.Title, d.Headings)
	}
	if got, want := d.Diags.Error(), `content/x.md:7:2: broken link "nope.md": no page "nope.md"`; got != want {
		t.Errorf("diags = %q, want %q", got, want)
	}
	if strings.Contains(string(d.HTML), "<h1") {
		t.Errorf("leading h1 not removed: %s", d.HTML)
	}
}

func TestStyleCSS(t *testing.T) {
	css := string(StyleCSS())
	for _, want := range []string{
		"\n.chroma .k,",
		"@media (prefers-color-scheme: dark) {\n",
		"\n  :root:not([data-theme=light]) .chroma .k,",
		"\n:root[data-theme=dark] .chroma .k,",
		// Token classes of the same colour share one rule.
		".chroma .k,.chroma .kc,",
	} {
		if !strings.Contains(css, want) {
			t.Errorf("StyleCSS lacks %q", want)
		}
	}
	// Pages with code pay for this file: the page budget is 50 kB.
	if len(css) > 12000 {
		t.Errorf("StyleCSS is %d bytes", len(css))
	}
	if !bytes.Equal(StyleCSS(), StyleCSS()) {
		t.Error("StyleCSS is not deterministic")
	}
}

// TestConcurrent renders many pages at once with one Renderer; run with -race.
func TestConcurrent(t *testing.T) {
	r := New(Options{})
	src := []byte("# 标题\n\n## 群主权限\n\n见[备份](data/backup.md#x)、[坏](no.md)。\n\n```go\nfunc f() {}\n```\n\n> [!TIP]\n> 提示\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
	want := r.Render("content/page.md", "page.md", src, testSite)
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				got := r.Render("content/page.md", "page.md", src, testSite)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("concurrent render differs:\n%s", diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"# a\n## a\n## a {#a-1}\n## a-1\n", "## ！？\n## \n##\n", "> [!NOTE]\n> x\n",
		"[x](y.md) ![i](img/a.png) <b>", "| a |\n|---|\n| [l](#f) |\n", "```go\nx := 1\n```\n",
		"Setext\n===\n\n[^1]\n\n[^1]: n\n", "## 标题 {#x}\n## 标题 {#x}\n## x\n",
		"这一步**很重要。**然后*注意：*下文\n", "```js [a.js]{2,4-5}\na\nb\n```\n", "- ```mermaid\n  graph TD\n  ```\n",
	} {
		f.Add(s)
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		d := r.Render("content/f.md", "f.md", []byte(s), testSite)
		seen := map[string]bool{}
		for _, h := range d.Headings {
			if h.ID == "" || seen[h.ID] {
				t.Fatalf("heading ID %q empty or repeated in %+v", h.ID, d.Headings)
			}
			seen[h.ID] = true
		}
		for _, l := range d.Links {
			if l.Line < 1 || l.Col < 1 {
				t.Fatalf("link without position: %+v", l)
			}
		}
		if len(d.Parts) != len(d.Headings)+1 && !(len(d.Headings) > 0 && len(d.Parts) == len(d.Headings)) {
			t.Fatalf("%d parts for %d headings", len(d.Parts), len(d.Headings))
		}
	})
}

func ExampleRenderer_Render() {
	d := New(Options{Words: zhWords}).Render("content/x.md", "x.md", []byte("# 解散群聊\n\n## 群主权限\n\n只有群主可以解散。\n"), nil)
	fmt.Println(d.Title)
	fmt.Print(string(d.HTML))
	// Output:
	// 解散群聊
	// <h2 id="群主权限">群主权限<a class="anchor" href="#群主权限" aria-label="链接到本节：群主权限">#</a></h2>
	// <p>只有群主可以解散。</p>
}

func TestLexerCache(t *testing.T) {
	r := New(Options{})
	src := []byte("```nosuchlang\nx\n```\n\n```go\nx := 1\n```\n")
	first := r.Render("content/x.md", "x.md", src, nil)
	for i := 0; i < 3; i++ { // later renders hit the cache, unknown language included
		if d := r.Render("content/x.md", "x.md", src, nil); d.HTML != first.HTML {
			t.Fatalf("render %d differs:\n%s\nvs\n%s", i, d.HTML, first.HTML)
		}
	}
	if !strings.Contains(string(first.HTML), `<pre class="chroma"><code class="language-go">`) {
		t.Errorf("go block not highlighted: %s", first.HTML)
	}
}
