package markdown

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

// TestDelimiterFlags checks the flanking rules of the CJK-friendly amendment
// one clause at a time, on runs written out as "before RUN after".
func TestDelimiterFlags(t *testing.T) {
	const nl = '\n'
	tests := []struct {
		name               string
		c                  byte
		b2, b1, a1, a2     rune
		wantOpen, wantClos bool
	}{
		// CommonMark as it was, for comparison.
		{"letters both sides", '*', nl, 'a', 'b', nl, true, true},
		{"space before, letter after", '*', nl, ' ', 'a', nl, true, false},
		{"ASCII punct before, letter after", '*', nl, '.', 'a', nl, true, false},
		{"letter before, ASCII punct after", '*', nl, 'a', '.', nl, false, true},
		{"line start, ASCII punct after", '*', nl, nl, '(', nl, true, false},
		{"underscore inside a word", '_', nl, 'a', 'b', nl, false, false},
		// Left-flanking (2a): CJK punctuation after the run is not non-CJK
		// punctuation, so the run opens whatever precedes it.
		{"CJK before, CJK punct after", '*', nl, '看', '「', nl, true, true},
		{"letter before, CJK punct after", '*', nl, 'a', '「', nl, true, true},
		// Left-flanking (2bγ): preceded by a CJK character, a run followed by
		// ASCII punctuation opens: 中**(注)**.
		{"CJK before, ASCII punct after", '*', nl, '中', '(', nl, true, true},
		{"Hangul before, ASCII punct after", '*', nl, '한', '(', nl, true, true},
		// (2bγ) with a variation selector: a CJK sequence.
		{"CJK+VS before, ASCII punct after", '*', '塚', 0xFE00, '(', nl, true, true},
		// (2bδ): an ideographic variation selector before.
		{"IVS before, ASCII punct after", '*', '禰', 0xE0100, '(', nl, true, true},
		// Right-flanking (2a): CJK punctuation before the run is not non-CJK
		// punctuation, so the run closes whatever follows: 要。**然.
		{"CJK punct before, CJK after", '*', nl, '。', '然', nl, true, true},
		{"CJK punct before, letter after", '*', nl, '：', 'R', nl, true, true},
		// Right-flanking (2bγ): after ASCII punctuation, a run followed by a
		// CJK character closes: (注)**然.
		{"ASCII punct before, CJK after", '*', nl, ')', '然', nl, true, true},
		{"ASCII punct before, letter after (unchanged)", '*', nl, ')', 'a', nl, true, false},
		{"ASCII punct + VS before, letter after", '*', ')', 0xFE00, 'a', nl, true, false},
		// White space still wins on both sides.
		{"CJK before, space after", '*', nl, '中', ' ', nl, false, true},
		{"space before, CJK punct after", '*', nl, ' ', '。', nl, true, false},
		{"full-width space before", '*', nl, '\u3000', '中', nl, true, false},
		// Emoji shown as emoji are not CJK: 😀 is a symbol, so non-CJK
		// punctuation: after it a run only closes before white space or
		// punctuation, as in CommonMark.
		{"emoji before, ASCII punct after", '*', nl, '😀', '(', nl, true, true},
		{"emoji before, letter after", '*', nl, '😀', 'a', nl, true, false},
		{"emoji before, CJK after", '*', nl, '😀', '中', nl, true, true},
		// Wide characters that are not emoji by default are: 〽 ㊗ 🈂.
		{"part alternation mark before, letter after", '*', nl, '〽', 'x', nl, true, true},
		{"wide emoji before, ASCII punct after, letter", '*', nl, '⌚', 'x', nl, true, false},
		{"squared ideograph before, letter after", '*', nl, '🈂', 'x', nl, true, true},
		{"squared emoji ideograph before, letter after", '*', nl, '🈚', 'x', nl, true, false},
		// A quotation mark with U+FE01 is full-width: CJK punctuation.
		{"full-width quote before, letter after", '*', '”', 0xFE01, 'H', nl, true, true},
		{"plain quote before, letter after", '*', nl, '”', 'H', nl, true, false},
		{"letter before, full-width quote after", '*', nl, 'a', '“', 0xFE01, true, true},
		// A selector after white space is unspecified; here a letter.
		{"space + VS before", '*', ' ', 0xFE00, 'a', nl, true, true},
		// Underscore: rule 2 and 6 accept a run that is both flanking when
		// preceded by punctuation, CJK punctuation sequences included.
		{"underscore, CJK punct before, CJK after", '_', nl, '：', '注', nl, true, false},
		{"underscore, CJK punct+VS before, letter after", '_', '。', 0xFE01, 'T', nl, true, false},
		{"underscore, CJK before, CJK punct after", '_', nl, '意', '：', nl, false, true},
		{"underscore between CJK", '_', nl, '中', '文', nl, false, false},
	}
	for _, tt := range tests {
		open, clos := delimiterFlags(tt.c, tt.b2, tt.b1, tt.a1, tt.a2)
		if open != tt.wantOpen || clos != tt.wantClos {
			t.Errorf("%s: open, close = %v, %v; want %v, %v", tt.name, open, clos, tt.wantOpen, tt.wantClos)
		}
	}
}

// TestCJKEmphasis renders sentences as Chinese, Japanese and Korean
// documentation writes them: each must have its emphasis, and no asterisk or
// underscore may be left over.
func TestCJKEmphasis(t *testing.T) {
	tests := []struct{ in, want string }{
		// The examples of issue 21.
		{"这一步**很重要。**然后", "这一步<strong>很重要。</strong>然后"},
		{"请看**「设置」**页", "请看<strong>「设置」</strong>页"},
		{"*注意：*下文", "<em>注意：</em>下文"},
		// Full-width punctuation of every kind at the inner edge.
		{"**解散前，**请备份", "<strong>解散前，</strong>请备份"},
		{"**真？**她", "<strong>真？</strong>她"},
		{"群主**（仅限群主）**可以", "群主<strong>（仅限群主）</strong>可以"},
		{"见**《用户协议》**第三条", "见<strong>《用户协议》</strong>第三条"},
		{"**推荐：**React、Vue", "<strong>推荐：</strong>React、Vue"},
		// ASCII punctuation inside, CJK outside.
		{"微信**(WeChat)**和", "微信<strong>(WeChat)</strong>和"},
		{"**C#**或**F#**", "<strong>C#</strong>或<strong>F#</strong>"},
		{"税后**¥10,000**元", "税后<strong>¥10,000</strong>元"},
		// Japanese and Korean.
		{"これは**私のやりたかったこと。**だから", "これは<strong>私のやりたかったこと。</strong>だから"},
		{"**`npm publish`**를 실행", "<strong><code>npm publish</code></strong>를 실행"},
		// Variation selectors: a CJK sequence and a full-width quote.
		{"大塚\uFE00**(旧字)**と", "大塚\uFE00<strong>(旧字)</strong>と"},
		{"**“\uFE01Git”\uFE01**Hub", "<strong>“\uFE01Git”\uFE01</strong>Hub"},
		// Underscores next to CJK punctuation.
		{"__注意__：事项", "<strong>注意</strong>：事项"},
		{"注意：__事项__", "注意：<strong>事项</strong>"},
		// What stays as it was.
		{"我们**必须**完成", "我们<strong>必须</strong>完成"},
		{"中_文_字", "中_文_字"},
		{"**真，** 她", "<strong>真，</strong> 她"},
		{"a * b * c", "a * b * c"},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := strings.TrimSpace(r.Render("content/x.md", "x.md", []byte(tt.in), nil).HTML)
		if want := "<p>" + tt.want + "</p>"; got != want {
			t.Errorf("%s\n got %s\nwant %s", tt.in, got, want)
		}
	}
}

// FuzzEmphasisASCII checks that on text without a character beyond ASCII,
// where the amendment changes nothing, emphasis is parsed exactly as
// goldmark parses it. The seeds are the spec's emphasis examples.
func FuzzEmphasisASCII(f *testing.F) {
	if b, err := os.ReadFile("testdata/commonmark/spec.json"); err == nil {
		var examples []specExample
		_ = json.Unmarshal(b, &examples)
		for _, ex := range examples {
			if ex.Section == "Emphasis and strong emphasis" {
				f.Add(ex.Markdown)
			}
		}
	}
	plain := goldmark.New()
	ours := goldmark.New(goldmark.WithExtensions(cjkEmphasis{}))
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return
			}
		}
		var want, got bytes.Buffer
		if err := plain.Convert([]byte(s), &want); err != nil {
			return
		}
		if err := ours.Convert([]byte(s), &got); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if got.String() != want.String() {
			t.Fatalf("%q:\n got %s\nwant %s", s, got.String(), want.String())
		}
	})
}
