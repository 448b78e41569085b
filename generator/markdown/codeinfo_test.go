package markdown

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func TestParseFenceInfo(t *testing.T) {
	tests := []struct {
		info string
		want fenceInfo
	}{
		{"", fenceInfo{start: 1}},
		{"go", fenceInfo{lang: "go", start: 1}},
		{"ruby startline=3 $%@#$", fenceInfo{lang: "ruby", start: 1}},
		// VitePress and VuePress.
		{"js{2,4-5}", fenceInfo{lang: "js", lines: [][2]int{{2, 2}, {4, 5}}, start: 1}},
		{"js [a.js]", fenceInfo{lang: "js", title: "a.js", start: 1}},
		{"js [a.js]{1}", fenceInfo{lang: "js", title: "a.js", lines: [][2]int{{1, 1}}, start: 1}},
		{"js{1} [a.js]", fenceInfo{lang: "js", title: "a.js", lines: [][2]int{{1, 1}}, start: 1}},
		{"js [配置 文件.js]", fenceInfo{lang: "js", title: "配置 文件.js", start: 1}},
		{"ts:line-numbers", fenceInfo{lang: "ts", numbers: true, start: 1}},
		{"ts:line-numbers=5 {1}", fenceInfo{lang: "ts", numbers: true, start: 5, lines: [][2]int{{1, 1}}}},
		{"ts:no-line-numbers", fenceInfo{lang: "ts", start: 1}},
		{"[README]", fenceInfo{title: "README", start: 1}},
		// MkDocs.
		{`py title="a.py" hl_lines="2 3" linenums="1"`, fenceInfo{lang: "py", title: "a.py", lines: [][2]int{{2, 3}}, numbers: true, start: 1}},
		{`py linenums="10 2"`, fenceInfo{lang: "py", numbers: true, start: 10}},
		{`py hl_lines="1-2 5"`, fenceInfo{lang: "py", lines: [][2]int{{1, 2}, {5, 5}}, start: 1}},
		{`{ .py title="a.py" }`, fenceInfo{lang: "py", title: "a.py", start: 1}},
		{`{.sh .annotate #x linenums='3'}`, fenceInfo{lang: "sh", numbers: true, start: 3}},
		{`py title=a.py`, fenceInfo{lang: "py", title: "a.py", start: 1}},
		// Docusaurus.
		{`jsx title="/src/a.js" {1,4-6} showLineNumbers`, fenceInfo{lang: "jsx", title: "/src/a.js", lines: [][2]int{{1, 1}, {4, 6}}, numbers: true, start: 1}},
		// Ranges are sorted and merged; nonsense is dropped.
		{"js{5,1-3,2,4}", fenceInfo{lang: "js", lines: [][2]int{{1, 5}}, start: 1}},
		{"js{0,3-1,x}", fenceInfo{lang: "js", start: 1}},
		{`py hl_lines="a 2-" title="unclosed`, fenceInfo{lang: "py", title: "unclosed", start: 1}},
		{"js{99999999999}", fenceInfo{lang: "js", start: 1}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, parseFenceInfo(tt.info), cmp.AllowUnexported(fenceInfo{})); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.info, diff)
		}
	}
}

// FuzzParseFenceInfo: any info string gives a language without spaces,
// sorted, disjoint ranges of real lines, no more than allowed, and a start
// in range.
func FuzzParseFenceInfo(f *testing.F) {
	for _, s := range []string{"js{2,4-5}", "js [a.js]{1}", `py title="a.py" hl_lines="2 3" linenums="1"`,
		`{ .py title="a.py" }`, "ts:line-numbers=5 {1}", "{", "[", `x="`, "=", ":line-numbers=", "{.}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fi := parseFenceInfo(s)
		if strings.ContainsAny(fi.lang, " \t") {
			t.Errorf("%q: language %q has a space", s, fi.lang)
		}
		if len(fi.lines) > maxRanges || fi.start < 0 || fi.start > maxLineNumber {
			t.Errorf("%q: %d ranges, start %d", s, len(fi.lines), fi.start)
		}
		for i, r := range fi.lines {
			if r[0] < 1 || r[1] < r[0] || r[1] > maxLineNumber || i > 0 && r[0] <= fi.lines[i-1][1]+1 {
				t.Errorf("%q: bad ranges %v", s, fi.lines)
			}
		}
		if fi.key() == "" && fi.decorated() {
			t.Errorf("%q: options without a memo key", s)
		}
	})
}

// TestNoTitle: a block a tab set labels (attribute "notitle") shows no title
// bar; the same block on its own does.
func TestNoTitle(t *testing.T) {
	r := New(Options{})
	src := []byte("```js [config.js]\nx\n```\n")
	root := r.md.Parser().Parse(text.NewReader(src))
	block := root.FirstChild()
	if _, ok := block.(*ast.FencedCodeBlock); !ok {
		t.Fatalf("first block is %T", block)
	}
	var with strings.Builder
	if err := r.md.Renderer().Render(&with, src, root); err != nil {
		t.Fatal(err)
	}
	block.SetAttributeString("notitle", []byte(""))
	var without strings.Builder
	if err := r.md.Renderer().Render(&without, src, root); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(with.String(), `<div class="code-title">config.js</div>`) {
		t.Errorf("no title bar: %s", with.String())
	}
	if strings.Contains(without.String(), "code-title") || !strings.Contains(without.String(), `class="language-js"`) {
		t.Errorf("notitle block: %s", without.String())
	}
}
