package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// params are the tunables of querying. Build writes them into the manifest
// ("q"), and both Index.Search and search-core.js read them from there, so
// they are stated once, here.
type params struct {
	Scale     float64    `json:"scale"`     // stored scores q stand for e^(q/scale) − 1
	Prefix    float64    `json:"prefix"`    // weight of a word found by prefix ("wec" → "wecom")
	PrefixMin int        `json:"prefixMin"` // the shortest last word (runes) that also matches the words it begins
	Parts     int        `json:"parts"`     // part-mask bits; parts from parts−1 on share the last
	Excerpt   int        `json:"excerpt"`   // excerpt length, in runes
	Before    int        `json:"before"`    // runes of context before the first match
	Heading   float64    `json:"heading"`   // a term in a part's heading counts this many times in choosing the part a result links to
	MaxQuery  int        `json:"maxQuery"`  // a query is cut to this many runes
	Partial   float64    `json:"partial"`   // share of a unit's weight a page must hold to match it in part
	Together  float64    `json:"together"`  // score bonus when the matched units meet in one part
	Junction  float64    `json:"junction"`  // see segment
	Join      float64    `json:"join"`      // weight of a junction bigram's score (see segment)
	Synonym   float64    `json:"synonym"`   // weight of a synonym against the word typed
	WordNorm  float64    `json:"wordNorm"`  // a unit's score is divided by its number of terms to this power
	TypoMin   int        `json:"typoMin"`   // the shortest word (runes) read as a typo when it matches nothing
	TypoKeep  int        `json:"typoKeep"`  // how many of its first runes a typo is trusted to have right
	Soft      string     `json:"soft"`      // see segment
	Stop      []string   `json:"stop"`      // filler words cut out of CJK runs, longest first
	Synonyms  [][]string `json:"synonyms"`  // folded synonym sets (see WithSynonyms)
}

// defaultParams are the tunables Build writes unless told otherwise.
func defaultParams() params {
	return params{
		Scale: scoreScale, Prefix: 0.7, PrefixMin: 3, Parts: maxParts, Excerpt: 80, Before: 20, Heading: 20, MaxQuery: 64,
		Synonyms: [][]string{}, Partial: 0.5, Together: 0.3, Junction: 4, Join: 0.4, Synonym: 0.8, TypoMin: 4, TypoKeep: 3, WordNorm: 1, Soft: softChars, Stop: stopWords,
	}
}

// stopWords are the particles and question words a reader types around the
// words that matter: 「群主退群了怎么办」 is 群主退群. A query's CJK runs are
// cut at them, so that 了怎 and 么办 are not asked for; they are never cut
// out of pages. Longest first, so 怎么办 wins over 怎么.
var stopWords = []string{
	"是不是", "能不能", "可不可以", "要不要", "会不会", "有没有", "怎么办", "怎么样", "为什么",
	"怎么", "怎样", "如何", "为何", "什么", "是否", "能否", "可否", "请问", "一下", "哪些", "哪里", "的话",
	"以后", "之后", "以前", "之前",
	"的", "了", "吗", "呢", "吧", "啊", "呀", "么", "嘛",
}

// softChars are characters that mostly stand alone as function words
// (要 有 想 能 和 在 …) though some words hold them (需要, 没有): in a
// query piece of three characters or more, a bigram holding one is a
// junction (see segment). It still scores when a page holds it.
const softChars = "要有想能和与或在把被给对也都还就是做该"

// unit is one thing a query asks for: a word, a piece of a CJK run between
// stop words and synonyms, or a synonym set. A page matches the unit if it
// holds every term of one of its alternatives, and in part if it holds
// enough of them (see Index.unitHits).
type unit struct {
	alts   [][]string // alternatives, each a list of terms
	prefix bool       // the last word of the query: also match the words it begins
	run    []rune     // a piece of a CJK run, cut into words by segment once its bigrams are loaded
	// synonym: alts[0] is what the reader typed, the others its synonyms,
	// which score params.Synonym times as much.
	synonym bool
	join    bool // a bigram across a synonym and its neighbour: a junction (see segment)
}

// parseQuery splits a query into units, dropping repeated ones.
func parseQuery(q string, p *params) []unit {
	if rs := []rune(q); len(rs) > p.MaxQuery {
		q = string(rs[:p.MaxQuery])
	}
	var us []unit
	seen := make(map[string]bool)
	add := func(u unit) {
		key := ""
		if u.join {
			key = "~"
		}
		for _, a := range u.alts {
			key += strings.Join(a, " ") + "|"
		}
		if !seen[key] {
			seen[key] = true
			us = append(us, u)
		}
	}
	for _, rn := range runs(q) {
		text := charsText(rn.chars)
		if !rn.cjk {
			if set := synonymSet(p, text); set != nil {
				add(synonymUnit(set, text))
			} else {
				add(unit{alts: [][]string{{text}}})
			}
			continue
		}
		rs := []rune(text)
		pieces := splitRun(rs, p)
		for i, piece := range pieces {
			if i > 0 {
				// A synonym met its neighbour with no stop word between:
				// the bigram across them is a junction, as in segment.
				prev := pieces[i-1]
				if (prev.set != nil || piece.set != nil) && prev.at+len(prev.text) == piece.at {
					add(unit{alts: [][]string{{string(prev.text[len(prev.text)-1]) + string(piece.text[0])}}, join: true})
				}
			}
			switch {
			case piece.set != nil:
				add(synonymUnit(piece.set, string(piece.text)))
			case len(piece.text) == 1:
				add(unit{alts: charAlts(rs, piece.at)})
			default:
				add(unit{alts: [][]string{runTerms(piece.text)}, run: piece.text})
			}
		}
	}
	if len(us) == 0 && len(p.Stop) > 0 {
		// Only stop words (「怎么」): they are what the reader looks for.
		np := *p
		np.Stop = nil
		return parseQuery(q, &np)
	}
	if n := len(us); n > 0 && !us[n-1].join && len(us[n-1].alts) == 1 && len(us[n-1].alts[0]) == 1 && !isCJKTerm(us[n-1].alts[0][0]) &&
		utf8.RuneCountInString(us[n-1].alts[0][0]) >= p.PrefixMin {
		us[n-1].prefix = true
	}
	return us
}

func isCJKTerm(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return kind(r) == kindCJK
}

// piece is a part of a CJK run: plain text, or a synonym found in it.
type piece struct {
	text []rune
	set  []string
	at   int // where text starts in the run
}

// splitRun cuts a CJK run at stop words and synonyms: at each position the
// longest synonym or stop word starting there wins; a stop word is dropped.
func splitRun(rs []rune, p *params) []piece {
	var out []piece
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, piece{text: rs[start:end], at: start})
		}
	}
	for i := 0; i < len(rs); {
		n, set := longestAt(rs[i:], p)
		if n == 0 {
			i++
			continue
		}
		flush(i)
		if set != nil {
			out = append(out, piece{text: rs[i : i+n], set: set, at: i})
		}
		i += n
		start = i
	}
	flush(len(rs))
	return out
}

// longestAt is the length of the longest synonym or stop word rs begins
// with, and the synonym's set (nil for a stop word).
func longestAt(rs []rune, p *params) (int, []string) {
	best, var_ := 0, []string(nil)
	for _, set := range p.Synonyms {
		for _, m := range set {
			if n := prefixRunes(rs, m); n > best {
				best, var_ = n, set
			}
		}
	}
	for _, w := range p.Stop {
		if n := prefixRunes(rs, w); n > best {
			best, var_ = n, nil
		}
	}
	return best, var_
}

// prefixRunes is the length in runes of w if rs begins with it, else 0.
func prefixRunes(rs []rune, w string) int {
	n := 0
	for _, r := range w {
		if n >= len(rs) || rs[n] != r {
			return 0
		}
		n++
	}
	return n
}

// synonymSet is the set a whole word belongs to, or nil.
func synonymSet(p *params, word string) []string {
	for _, set := range p.Synonyms {
		if slices.Contains(set, word) {
			return set
		}
	}
	return nil
}

// synonymUnit has one alternative per member, the member's terms; the
// member the reader typed comes first.
func synonymUnit(set []string, typed string) unit {
	u := unit{synonym: true}
	set = append([]string{typed}, slices.DeleteFunc(slices.Clone(set), func(m string) bool { return m == typed })...)
	for _, m := range set {
		var terms []string
		for _, rn := range runs(m) {
			if rn.cjk {
				terms = append(terms, runTerms([]rune(charsText(rn.chars)))...)
			} else {
				terms = append(terms, charsText(rn.chars))
			}
		}
		if len(terms) > 0 {
			u.alts = append(u.alts, terms)
		}
	}
	return u
}

// runTerms are the distinct bigrams of a CJK run, or its one character.
func runTerms(rs []rune) []string {
	if len(rs) == 1 {
		return []string{string(rs)}
	}
	var terms []string
	for i := 0; i+1 < len(rs); i++ {
		if t := string(rs[i : i+2]); !slices.Contains(terms, t) {
			terms = append(terms, t)
		}
	}
	return terms
}

// charAlts are the alternatives of a piece of one character, rs[at], cut
// out of the CJK run rs by stop words or synonyms (「的假」 is 假, 「散之后」
// 散): the character itself, which the index holds from titles, headings
// and descriptions only, and the bigrams it makes with its neighbours in
// the run (的假; 散之), which it holds from bodies too. So a page that
// holds what was typed still matches, wherever it says it.
func charAlts(rs []rune, at int) [][]string {
	alts := [][]string{{string(rs[at])}}
	if at > 0 {
		alts = append(alts, []string{string(rs[at-1 : at+1])})
	}
	if at+1 < len(rs) {
		alts = append(alts, []string{string(rs[at : at+2])})
	}
	return alts
}

// foldSynonyms folds every member as the tokenizer folds text, drops sets
// left with fewer than two distinct members and sorts nothing: the order is
// the site's.
func foldSynonyms(sets [][]string) [][]string {
	out := [][]string{}
	for _, set := range sets {
		var f []string
		for _, m := range set {
			var b strings.Builder
			for i, rn := range runs(m) {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(charsText(rn.chars))
			}
			if s := b.String(); s != "" && !slices.Contains(f, s) {
				f = append(f, s)
			}
		}
		if len(f) >= 2 {
			out = append(out, f)
		}
	}
	return out
}

// matcher reports whether a token of a document's text matches the query.
// Typed terms, those the reader typed rather than their synonyms, are
// where an excerpt starts when the text holds one.
type matcher struct {
	exact    map[string]bool // term -> typed
	prefixes []string
}

func newMatcher(us []unit) matcher {
	m := matcher{exact: make(map[string]bool)}
	for _, u := range us {
		for i, a := range u.alts {
			for _, t := range a {
				m.exact[t] = m.exact[t] || i == 0
			}
		}
		if u.prefix {
			m.prefixes = append(m.prefixes, u.alts[0][0])
		}
	}
	return m
}

func (m matcher) match(tok string) bool {
	if _, ok := m.exact[tok]; ok {
		return true
	}
	return m.typed(tok)
}

// typed reports whether tok matches a term the reader typed.
func (m matcher) typed(tok string) bool {
	if m.exact[tok] {
		return true
	}
	for _, p := range m.prefixes {
		if strings.HasPrefix(tok, p) {
			return true
		}
	}
	return false
}
