package search

import (
	"sync"
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
// package documentation for the exact rules; templates/assets/search-core.js
// implements the same algorithm.
func Tokenize(s string) []Token {
	var toks []Token
	scan(s, func(text []byte, key uint64, start, end int) {
		t := Token{Start: start, End: end}
		if key != 0 {
			t.Text = cjkText(key)
		} else {
			t.Text = string(text)
		}
		toks = append(toks, t)
	})
	return toks
}

// markKind is the class of a character of class k after a word character
// (inWord) or not: a mark (a combining accent) continues a word and
// separates anywhere else.
func markKind(k int, inWord bool) int {
	if k != kindMark {
		return k
	}
	if inWord {
		return kindWord
	}
	return kindSep
}

// classify is the one definition of how text splits into tokens: it folds
// s code point by code point and calls f for every folded character with
// its class (kindCJK, kindWord or kindSep) and the rune index it came from.
// A mark is kindWord right after a word character and kindSep elsewhere.
// scan (the indexer), runs (queries) and search-core.js's classify all
// follow it; a fuzz test checks scan and runs agree.
func classify(s string, f func(r rune, k int, src int)) {
	var fb [8]rune
	inWord := false
	i := 0
	for _, r := range s {
		for _, c := range fold(fb[:0], r) {
			k := markKind(kind(c), inWord)
			inWord = k == kindWord
			f(c, k, i)
		}
		i++
	}
}

// scan calls emit for every token of s, in the order of Tokenize, with the
// token's cjkKey. A word comes with its text (valid only during the call)
// and key 0; a CJK token with its key and no text (cjkText makes it). It
// streams: this is the indexer's hot loop, so it follows classify with the
// commonest characters, Han ideographs and ASCII, handled in place.
func scan(s string, emit func(text []byte, key uint64, start, end int)) {
	var word []byte
	wordStart, wordEnd := 0, 0
	prev, prevSrc := rune(-1), 0 // the previous character of a CJK run
	inWord := false              // the previous character was a word character (classify's inWord)
	flushWord := func() {
		if len(word) > 0 {
			emit(word, 0, wordStart, wordEnd)
			word = word[:0]
		}
	}
	cjkChar := func(f rune, i int) {
		flushWord()
		if prev >= 0 {
			emit(nil, cjkKey(prev, f), prevSrc, i+1)
		}
		emit(nil, cjkKey(f, -1), i, i+1)
		prev, prevSrc = f, i
	}
	var fb [8]rune
	seps := foldedSeps()
	i := 0
	for j := 0; j < len(s); i++ {
		// Decode as range over a string does, with the three-byte forms of
		// U+4000–U+9FFF (most Chinese text) decoded here.
		var r rune
		if c := s[j]; c < utf8.RuneSelf {
			r = rune(c)
			j++
		} else if 0xE4 <= c && c <= 0xE9 && j+2 < len(s) && s[j+1]&0xC0 == 0x80 && s[j+2]&0xC0 == 0x80 {
			r = rune(c&0x0F)<<12 | rune(s[j+1]&0x3F)<<6 | rune(s[j+2]&0x3F)
			j += 3
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[j:])
			j += n
		}
		switch {
		case isUnifiedHan(r): // folds to itself
			cjkChar(r, i)
			inWord = false
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			inWord = 'a' <= r && r <= 'z' || '0' <= r && r <= '9'
			if inWord {
				if len(word) == 0 {
					wordStart = i
				}
				word = append(word, byte(r))
				wordEnd = i + 1
			} else {
				flushWord()
			}
			prev = -1
		case seps.has(r): // punctuation of Chinese text: "，", "。", "“"
			flushWord()
			prev = -1
			inWord = false
		default:
			for _, f := range fold(fb[:0], r) {
				k := markKind(kind(f), inWord)
				inWord = k == kindWord
				switch k {
				case kindCJK:
					cjkChar(f, i)
				case kindWord:
					if len(word) == 0 {
						wordStart = i
					}
					word = utf8.AppendRune(word, f)
					wordEnd = i + 1
					prev = -1
				default:
					flushWord()
					prev = -1
				}
			}
		}
	}
	flushWord()
}

func appendChars(b []byte, c []char) []byte {
	for _, ch := range c {
		b = utf8.AppendRune(b, ch.r)
	}
	return b
}

func charsText(c []char) string { return string(appendChars(nil, c)) }

// runs groups the classified characters of s into runs.
func runs(s string) []run {
	var out []run
	var cur run
	flush := func() {
		if len(cur.chars) > 0 {
			out = append(out, cur)
		}
		cur = run{}
	}
	classify(s, func(f rune, k int, i int) {
		if k == kindSep || (k == kindCJK) != cur.cjk {
			flush()
		}
		if k != kindSep {
			cur.cjk = k == kindCJK
			cur.chars = append(cur.chars, char{f, i})
		}
	})
	flush()
	return out
}

// sepSet marks the characters of three blocks, general punctuation
// (U+2000–U+206F), CJK punctuation (U+3000–U+303F) and full-width forms
// (U+FF00–U+FFEF), that fold to separators only. Chinese text has them in
// every sentence ("，", "。", "“"), and scan passes over them without
// folding or classifying.
type sepSet struct {
	general [0x70]bool
	cjk     [0x40]bool
	full    [0xF0]bool
}

func (t *sepSet) has(r rune) bool {
	switch {
	case uint32(r-0x2000) < 0x70:
		return t.general[r-0x2000]
	case uint32(r-0x3000) < 0x40:
		return t.cjk[r-0x3000]
	case uint32(r-0xFF00) < 0xF0:
		return t.full[r-0xFF00]
	}
	return false
}

// foldedSeps is the sepSet, made when first needed.
var foldedSeps = sync.OnceValue(func() *sepSet {
	t := &sepSet{}
	mark := func(block []bool, first rune) {
		for i := range block {
			block[i] = true
			for _, c := range fold(nil, first+rune(i)) {
				if kind(c) != kindSep {
					block[i] = false
				}
			}
		}
	}
	mark(t.general[:], 0x2000)
	mark(t.cjk[:], 0x3000)
	mark(t.full[:], 0xFF00)
	return t
})

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
	if isUnifiedHan(r) {
		return append(dst, r) // normal, no case: the common case, made fast
	}
	if f, ok := foldCache.Load(r); ok {
		return append(dst, f.([]rune)...)
	}
	var f []rune
	for _, c := range norm.NFKC.String(string(r)) {
		f = append(f, unicode.ToLower(c))
	}
	foldCache.Store(r, f)
	return append(dst, f...)
}

// foldCache holds the folding of every non-ASCII, non-Han rune met so far.
var foldCache sync.Map // rune -> []rune

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
	case isUnifiedHan(r) || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return kindCJK
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return kindWord
	case unicode.IsMark(r):
		return kindMark
	}
	return kindSep
}

// isUnifiedHan reports whether r is in the CJK Unified Ideographs block,
// all of whose characters are Han, NFKC-normal and caseless.
func isUnifiedHan(r rune) bool { return 0x4E00 <= r && r <= 0x9FFF }

// cjkKey packs a CJK unigram (r2 < 0) or bigram into a number, so the indexer
// can count them without making strings. It is never 0.
func cjkKey(r1, r2 rune) uint64 {
	if r2 < 0 {
		return uint64(r1)
	}
	return 1<<42 | uint64(r1)<<21 | uint64(r2)
}

// cjkText is the term a cjkKey stands for.
func cjkText(k uint64) string {
	if k>>42 == 0 {
		return string(rune(k))
	}
	return string([]rune{rune(k >> 21 & (1<<21 - 1)), rune(k & (1<<21 - 1))})
}
