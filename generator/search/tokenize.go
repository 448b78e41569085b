package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is one searchable unit of a text: a lower-cased word, or one or two
// CJK characters. Start and End are rune offsets into the original string.
type Token struct {
	Text       string
	Start, End int
}

// char is one folded character and the rune index it came from.
type char struct {
	r   rune
	src int
}

// run is a maximal sequence of characters of one kind: a word or a CJK run.
type run struct {
	cjk   bool
	chars []char
}

// Tokenize splits s into tokens: words (letters, digits and the marks that
// follow them) and, for every run of CJK characters, each character alone
// (unigram) and each overlapping pair (bigram), in order of position. See the
// package documentation for the exact rules; templates/assets/search.js
// implements the same algorithm.
func Tokenize(s string) []Token {
	var toks []Token
	for _, rn := range runs(s) {
		toks = appendRunTokens(toks, rn)
	}
	return toks
}

func appendRunTokens(toks []Token, rn run) []Token {
	c := rn.chars
	if !rn.cjk {
		return append(toks, Token{Text: charsText(c), Start: c[0].src, End: c[len(c)-1].src + 1})
	}
	for i := range c {
		toks = append(toks, Token{Text: string(c[i].r), Start: c[i].src, End: c[i].src + 1})
		if i+1 < len(c) {
			toks = append(toks, Token{Text: charsText(c[i : i+2]), Start: c[i].src, End: c[i+1].src + 1})
		}
	}
	return toks
}

func charsText(c []char) string {
	b := make([]byte, 0, len(c)*3)
	for _, ch := range c {
		b = utf8.AppendRune(b, ch.r)
	}
	return string(b)
}

// runs folds s character by character and groups the result into runs.
func runs(s string) []run {
	var out []run
	var cur run
	flush := func() {
		if len(cur.chars) > 0 {
			out = append(out, cur)
		}
		cur = run{}
	}
	var buf []rune
	i := 0
	for _, r := range s {
		buf = fold(buf[:0], r)
		for _, f := range buf {
			switch k := kind(f); {
			case k == kindCJK:
				if !cur.cjk {
					flush()
					cur.cjk = true
				}
				cur.chars = append(cur.chars, char{f, i})
			case k == kindWord || (k == kindMark && !cur.cjk && len(cur.chars) > 0):
				if cur.cjk {
					flush()
				}
				cur.chars = append(cur.chars, char{f, i})
			default:
				flush()
			}
		}
		i++
	}
	flush()
	return out
}

// fold appends the NFKC form of r, lower-cased code point by code point.
// Each rune is normalized on its own, so offsets map back trivially and the
// result equals JavaScript's per-code-point ch.normalize("NFKC").toLowerCase().
func fold(dst []rune, r rune) []rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, r)
	}
	var tmp [utf8.UTFMax]byte
	n := utf8.EncodeRune(tmp[:], r)
	src := tmp[:n]
	if norm.NFKC.IsNormal(src) {
		return append(dst, unicode.ToLower(r))
	}
	var out [32]byte
	for _, f := range string(norm.NFKC.Append(out[:0], src...)) {
		dst = append(dst, unicode.ToLower(f))
	}
	return dst
}

const (
	kindSep = iota
	kindWord
	kindMark
	kindCJK
)

// kind classifies a folded character.
func kind(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z' {
			return kindWord
		}
		return kindSep
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return kindCJK
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return kindWord
	case unicode.IsMark(r):
		return kindMark
	}
	return kindSep
}
