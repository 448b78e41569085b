package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func texts(toks []Token) []string {
	out := []string{}
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"，。！？", []string{}},
		{"Hello World", []string{"hello", "world"}},
		{"ＡＢＣ１２３", []string{"abc123"}},
		{"群主转让", []string{"群", "群主", "主", "主转", "转", "转让", "让"}},
		{"解", []string{"解"}},
		{"WeCom企业微信2.0版", []string{"wecom", "企", "企业", "业", "业微", "微", "微信", "信", "2", "0", "版"}},
		{"群👍主", []string{"群", "主"}},
		{"群 主", []string{"群", "主"}},
		{"群，主", []string{"群", "主"}},
		{"café", []string{"café"}},
		{"cafe\u0301", []string{"cafe\u0301"}},
		{"\u0301x", []string{"x"}},
		{"ｶﾀｶﾅ", []string{"カ", "カタ", "タ", "タカ", "カ", "カナ", "ナ"}},
		{"한국어", []string{"한", "한국", "국", "국어", "어"}},
		{"㍻", []string{"平", "平成", "成"}},
		{"snake_case-word", []string{"snake", "case", "word"}},
		{"İstanbul ΣΑΣ", []string{"istanbul", "σασ"}},
		{"𠀀𠀁", []string{"𠀀", "𠀀𠀁", "𠀁"}},
	}
	for _, tt := range tests {
		got := texts(Tokenize(tt.in))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	got := Tokenize("Ａb 群主")
	want := []Token{{"ab", 0, 2}, {"群", 3, 4}, {"群主", 3, 5}, {"主", 4, 5}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("offsets mismatch (-want +got):\n%s", diff)
	}
	// One source rune folding to two CJK characters: both map to it.
	got = Tokenize("x㍻")
	want = []Token{{"x", 0, 1}, {"平", 1, 2}, {"平成", 1, 2}, {"成", 1, 2}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("offsets mismatch (-want +got):\n%s", diff)
	}
}

// defParams are the tunables an index gets by default.
var defParams = defaultParams()

func TestParseQuery(t *testing.T) {
	gs := parseQuery("群主转让 wec 群主转让", &defParams)
	if len(gs) != 2 {
		t.Fatalf("got %d units, want 2 (duplicates dropped): %+v", len(gs), gs)
	}
	if diff := cmp.Diff([][]string{{"群主", "主转", "转让"}}, gs[0].alts); diff != "" || string(gs[0].run) != "群主转让" || gs[0].prefix {
		t.Errorf("unit 0 = %+v", gs[0])
	}
	if gs[1].alts[0][0] != "wec" || !gs[1].prefix {
		t.Errorf("unit 1 = %+v, want prefix word wec", gs[1])
	}
	if gs := parseQuery("解", &defParams); len(gs) != 1 || gs[0].alts[0][0] != "解" {
		t.Errorf("single char query: %+v", gs)
	}
	// Stop words cut runs; synonyms become units of their own, the word
	// typed first; the bigram across a synonym and its neighbour, with no
	// stop word between, is a junction (~): 果手 and 踢人, not 机踢.
	p := defaultParams()
	p.Synonyms = foldSynonyms([][]string{{"踢", "移出", "删除成员"}, {"苹果", "iPhone"}})
	var got []string
	for _, u := range parseQuery("苹果手机怎么踢人呢 IPHONE", &p) {
		s := fmt.Sprint(u.alts)
		if u.join {
			s = "~" + s
		}
		got = append(got, s)
	}
	want := []string{"[[苹果] [iphone]]", "~[[果手]]", "[[手机]]", "[[踢] [移出] [删除 除成 成员]]", "~[[踢人]]", "[[人] [踢人] [人呢]]", "[[iphone] [苹果]]"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseQuery(苹果手机怎么踢人呢 IPHONE) (-want +got):\n%s", diff)
	}
}

// TestSegment: junction bigrams, those no page holds, rarer than their
// neighbours or holding a soft character, are cut out of a query's words.
func TestSegment(t *testing.T) {
	df := map[string]int{"通知": 10, "知大": 1, "大家": 8, "群要": 3, "要通": 2, "主转": 5, "转让": 6}
	tests := []struct {
		in           string
		words, joins string
	}{
		{"群要通知大家", "[[通知] [大家]]", "[群要 要通 知大]"},
		{"群主转让", "[[主转 转让]]", "[]"}, // 群主 occurs nowhere: dropped
		{"解", "[[解]]", "[]"},
	}
	for _, tc := range tests {
		words, joins := segment([]rune(tc.in), func(s string) int { return df[s] }, 4, softChars)
		if got := fmt.Sprint(words); got != tc.words {
			t.Errorf("segment(%s) words = %s, want %s", tc.in, got, tc.words)
		}
		if got := fmt.Sprint(joins); got != tc.joins {
			t.Errorf("segment(%s) junctions = %s, want %s", tc.in, got, tc.joins)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range agreementStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		if want := tokensFromRuns(s); !slices.Equal(toks, want) {
			t.Fatalf("Tokenize(%q) = %v, but the query-side runs give %v", s, toks, want)
		}
		n := utf8.RuneCountInString(s)
		prev := 0
		for _, tok := range toks {
			if tok.Text == "" || strings.TrimSpace(tok.Text) != tok.Text {
				t.Fatalf("bad token %q in %q", tok.Text, s)
			}
			if tok.Start < 0 || tok.End > n || tok.Start >= tok.End || tok.Start < prev {
				t.Fatalf("token %+v out of range [0,%d) or out of order in %q", tok, n, s)
			}
			prev = tok.Start
		}
	})
}

// tokensFromRuns derives tokens from runs, which parseQuery uses; it must
// agree with the streaming scan the indexer uses.
func tokensFromRuns(s string) []Token {
	var toks []Token
	for _, rn := range runs(s) {
		c := rn.chars
		if !rn.cjk {
			toks = append(toks, Token{charsText(c), c[0].src, c[len(c)-1].src + 1})
			continue
		}
		for i := range c {
			toks = append(toks, Token{string(c[i].r), c[i].src, c[i].src + 1})
			if i+1 < len(c) {
				toks = append(toks, Token{charsText(c[i : i+2]), c[i].src, c[i+1].src + 1})
			}
		}
	}
	return toks
}

// FuzzParseQuery: reading any query, with synonyms and stop words at work,
// gives units whose terms are tokens of the query or of a synonym, never
// empty, and segmenting them never fails.
func FuzzParseQuery(f *testing.F) {
	for _, s := range append(slices.Clone(agreementStrings), "苹果手机怎么踢人", "解散群要通知大家吗", "怎么", "andriod 微信") {
		f.Add(s)
	}
	p := defaultParams()
	p.Synonyms = foldSynonyms([][]string{{"苹果手机", "iPhone"}, {"踢", "移出 失败"}, {"解散", "关闭"}})
	f.Fuzz(func(t *testing.T, q string) {
		for _, u := range parseQuery(q, &p) {
			if len(u.alts) == 0 {
				t.Fatalf("parseQuery(%q): a unit without alternatives", q)
			}
			for _, a := range u.alts {
				for _, term := range a {
					if term == "" || len(Tokenize(term)) == 0 {
						t.Fatalf("parseQuery(%q): bad term %q", q, term)
					}
				}
			}
			if u.run != nil {
				words, _ := segment(u.run, func(s string) int { return len(s) % 3 }, p.Junction, p.Soft)
				for _, w := range words {
					if len(w) == 0 {
						t.Fatalf("segment(%q): an empty word", string(u.run))
					}
				}
			}
		}
	})
}

// TestTokenizePunctuationBlocks: the characters scan passes over as
// separators tokenize as classify has them, between words and Han.
func TestTokenizePunctuationBlocks(t *testing.T) {
	for _, block := range [][2]rune{{0x2000, 0x2070}, {0x3000, 0x3040}, {0xFF00, 0xFFF0}} {
		for r := block[0]; r < block[1]; r++ {
			s := "ab" + string(r) + "c群" + string(r) + "主é" + string(r)
			if got, want := Tokenize(s), tokensFromRuns(s); !slices.Equal(got, want) {
				t.Errorf("Tokenize(%q) = %v, classify gives %v", s, got, want)
			}
		}
	}
}

// TestOneCharacterPieces: a character alone is indexed from titles,
// headings and descriptions, not bodies; a query piece of one character
// left between stop words (假 in 「的假」) also asks for the bigrams it
// makes with its neighbours, so every page that holds what was typed
// still matches.
func TestOneCharacterPieces(t *testing.T) {
	ix := openDocs(t, []Doc{
		fillerDoc("/body/", "其他话题", "不要相信别人转发的假通知。"),
		fillerDoc("/title/", "假冒的群", "无关。"),
		fillerDoc("/none/", "其他话题", "无关。"),
	})
	for q, want := range map[string][]string{
		"的假": {"/body/", "/title/"}, // 的 is a stop word: 假, or 的假
		"假":  {"/title/"},           // one character: titles and headings
		"假通": {"/body/"},
	} {
		got := urls(ix.Search(q, 10))
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("Search(%s) = %v, want %v", q, got, want)
		}
	}
}
