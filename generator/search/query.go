package search

import "strings"

// group is one word or one CJK run of a query. A document matches a CJK
// group when it holds every term (the run's bigrams, or its single
// character), and in part when it holds enough of them (partialMatch); it
// matches a word group when it holds the word or, for the last word of the
// query, one of the words the word is a prefix of.
type group struct {
	terms  []string // CJK: all required; word: the word itself
	cjk    bool
	prefix bool     // the last word of the query: also match words it begins
	alts   []string // prefix expansions, filled in from the index
}

// partialMatch reports whether a document matches a CJK group of total
// distinct bigrams in part, holding held of the group's content bigrams
// (those not filler): at least half of them and at least two, in a run of
// four or more characters. Without a dictionary a long run is read as one
// phrase; a reader typing 「聊天记录保存多久」 wants the pages about 聊天记录
// and 保存 even if no page has those characters in a row. Partial matches
// rank after full ones (see Index.Search).
func partialMatch(held, content, total int) bool {
	return total >= 3 && held >= 2 && 2*held >= content
}

// fillerChars are particles, and fillerBigrams question words, that a
// reader types around the words that matter (「群主退群了怎么办」): a bigram
// holding one, or being one, is filler and does not count towards a partial
// match, which would otherwise ask for 了怎 and 么办 as much as for 退群.
// search-core.js has the same lists.
const fillerChars = "的了吗呢吧啊呀么"

var fillerBigrams = []string{"如何", "怎样", "为何", "为什", "是否", "能否", "可否", "请问", "一下"}

func isFiller(bigram string) bool {
	return strings.ContainsAny(bigram, fillerChars) || containsStr(fillerBigrams, bigram)
}

// maxQueryRunes bounds the query (search-core.js cuts at the same length): longer ones are cut, so a pasted paragraph
// cannot make the browser load hundreds of shards.
const maxQueryRunes = 64

// parseQuery splits a query into groups, dropping repeated groups.
func parseQuery(q string) []group {
	if rs := []rune(q); len(rs) > maxQueryRunes {
		q = string(rs[:maxQueryRunes])
	}
	var gs []group
	seen := make(map[string]bool)
	for _, rn := range runs(q) {
		g := group{cjk: rn.cjk}
		switch {
		case !rn.cjk:
			g.terms = []string{charsText(rn.chars)}
		case len(rn.chars) == 1:
			g.terms = []string{string(rn.chars[0].r)}
		default:
			for i := 0; i+1 < len(rn.chars); i++ {
				t := charsText(rn.chars[i : i+2])
				if !containsStr(g.terms, t) {
					g.terms = append(g.terms, t)
				}
			}
		}
		key := strings.Join(g.terms, " ")
		if seen[key] {
			continue
		}
		seen[key] = true
		gs = append(gs, g)
	}
	if n := len(gs); n > 0 && !gs[n-1].cjk {
		gs[n-1].prefix = true
	}
	return gs
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// matcher reports whether a token of a document's text matches the query.
type matcher struct {
	exact    map[string]bool
	prefixes []string
}

func newMatcher(gs []group) matcher {
	m := matcher{exact: make(map[string]bool)}
	for _, g := range gs {
		for _, t := range g.terms {
			m.exact[t] = true
		}
		if g.prefix {
			m.prefixes = append(m.prefixes, g.terms[0])
		}
	}
	return m
}

func (m matcher) match(tok string) bool {
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
