package markdown

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestJoinsLines(t *testing.T) {
	for _, tc := range []struct {
		before, after rune
		want          bool
	}{
		{'散', '请', true}, {'，', '请', true}, {'。', '“', true}, {'”', '然', true}, {'の', '文', true},
		{'ｶ', 'ﾅ', true}, {'a', '\u200b', true},
		{',', 'a', false}, {'，', 'a', false}, {'a', '中', false}, {'中', 'E', false},
		{'국', '문', false}, {'“', '”', false}, {'.', '*', false}, {0, '中', false}, {'中', 0, false},
	} {
		if got := joinsLines(tc.before, tc.after); got != tc.want {
			t.Errorf("joinsLines(%q, %q) = %v, want %v", tc.before, tc.after, got, tc.want)
		}
	}
}

// TestSoftBreaksSearchAgreesWithHTML: for every paragraph, the search text is
// the text a browser shows (white space collapsed): one rule for both.
func TestSoftBreaksSearchAgreesWithHTML(t *testing.T) {
	r := New(Options{})
	for _, src := range []string{
		"See the guide,\n[and this one](a.md) too.",
		"Milkweed (syn.\n*Asclepias*) grows here.",
		"解散之前，\n请先备份。",
		"见\n[备份](a.md)\n和\n**强调**\n以及\n`go build`\n命令。",
		"他说：\n“你好”\n然后\n*‘走了’*。",
		"English\n中文，中文\nEnglish.",
		"한국어\n문장 and 日本語の\n文章。",
		"下一行<sup>上标</sup>\n<sub>继续</sub>。",
		"a <b>粗</b>\n<i>斜</i> b\n<kbd>K</kbd>",
		"**强调*里*\n的**强调**",
	} {
		d := r.Render("content/x.md", "x.md", []byte(src+"\n"), testSite)
		doc, err := html.Parse(strings.NewReader(d.HTML))
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.TextNode {
				text.WriteString(n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if shown, searched := collapse(text.String()), d.Parts[0].Text; shown != searched {
			t.Errorf("%q:\nHTML shows %q\nsearch has %q", src, shown, searched)
		}
	}
}
