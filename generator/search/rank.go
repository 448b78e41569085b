package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// The ranking steps of Index.Search, in the order it takes them (see the
// package documentation, Queries and Ranking).

// fixTypos turns a word of params.TypoMin runes or more that matches
// nothing (not even as a prefix) into a synonym unit of the indexed words
// one edit away that share its first params.TypoKeep runes (as listed under "^"+those runes).
func (ix *Index) fixTypos(us []unit) {
	for i := range us {
		u := &us[i]
		if u.join || len(u.alts) != 1 || len(u.alts[0]) != 1 || u.run != nil {
			continue
		}
		w := u.alts[0][0]
		rs := []rune(w)
		if len(rs) < ix.params.TypoMin || len(ix.postings(w)) > 0 || u.prefix && ix.lookup("^"+w) != "" {
			continue
		}
		for _, c := range strings.Fields(ix.lookup("^" + string(rs[:ix.params.TypoKeep]))) {
			if oneEdit(w, c) {
				u.alts = append(u.alts, []string{c})
			}
		}
		if len(u.alts) > 1 {
			u.synonym, u.prefix = true, false
		}
	}
}

// segmentRuns replaces every CJK-run unit by the words segment finds in it,
// and returns the junction bigrams found on the way.
func (ix *Index) segmentRuns(us []unit) ([]unit, []string) {
	var out []unit
	var joins []string
	df := func(t string) int { return len(ix.postings(t)) }
	for _, u := range us {
		if u.join {
			if t := u.alts[0][0]; df(t) > 0 && !slices.Contains(joins, t) {
				joins = append(joins, t)
			}
			continue
		}
		if u.run == nil {
			out = append(out, u)
			continue
		}
		words, js := segment(u.run, df, ix.params.Junction, ix.params.Soft)
		for _, w := range words {
			out = append(out, unit{alts: [][]string{w}})
		}
		joins = append(joins, js...)
	}
	if len(out) == 0 && len(joins) > 0 {
		// Only junctions (「需要」, 「没有」): they are what was asked.
		return []unit{{alts: [][]string{joins}}}, nil
	}
	return out, joins
}

// best returns the n best hits (all if n <= 0), best first: by
// descending score, then by page number. It keeps the n best in order as
// it goes, which beats sorting the thousands a common word matches.
func best(hits []*hit, n int) []*hit {
	before := func(a, b *hit) int { return cmp.Or(cmp.Compare(b.score, a.score), a.doc-b.doc) }
	if n <= 0 || len(hits) <= n {
		slices.SortFunc(hits, before)
		return hits
	}
	top := make([]*hit, 0, n+1)
	for _, h := range hits {
		if len(top) == n && before(h, top[n-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, h, before)
		top = slices.Insert(top, i, h)
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
}

// unitHits finds the documents matching one unit: for each alternative,
// the documents holding all its terms that occur anywhere, or (for three
// such terms or more) at least two of them and at least the Partial share
// of them. A term that occurs nowhere is left out, so a
// long question is not lost on the bigrams at its word junctions. A
// synonym member is a word the site declared, not a question: it matches
// only in full, and not at all if one of its terms occurs nowhere. A
// document takes its best alternative: full before partial, then score.
func (ix *Index) unitHits(u *unit) map[int]hit {
	out := make(map[int]hit, len(ix.postings(u.alts[0][0])))
	better := func(doc int, h hit) {
		if o, ok := out[doc]; !ok || h.partial < o.partial || h.partial == o.partial && h.score > o.score {
			out[doc] = h
		}
	}
	if u.prefix {
		w := u.alts[0][0]
		acc := make(map[int]hit)
		add := func(term string, weight float64) {
			for _, p := range ix.postings(term) {
				h := acc[p.doc]
				h.doc, h.score = p.doc, max(h.score, p.score*weight)
				h.or |= p.mask
				h.and = h.or
				acc[p.doc] = h
			}
		}
		add(w, 1)
		for _, alt := range strings.Fields(ix.lookup("^" + w)) {
			add(alt, ix.params.Prefix)
		}
		return acc
	}
	for ai, terms := range u.alts {
		weight := 1.0
		if u.synonym && ai > 0 {
			weight = ix.params.Synonym
		}
		type acc struct {
			h    hit
			held float64
		}
		docs := make(map[int]acc, len(ix.postings(terms[0])))
		live := 0
		for _, t := range terms {
			ps := ix.postings(t)
			if len(ps) == 0 {
				continue
			}
			live++
			w := weight
			if u.synonym {
				w /= idf(ix.ndocs, len(ps)) // the set's rarity is put back below
			}
			for _, p := range ps {
				a, ok := docs[p.doc]
				if !ok {
					a = acc{h: hit{doc: p.doc, and: ^uint32(0)}}
				}
				a.h.score += p.score * w
				a.h.and &= p.mask
				a.h.or |= p.mask
				a.held++
				docs[p.doc] = a
			}
		}
		if u.synonym && live < len(terms) {
			// A member needs all its terms: 苹果手机 is not 手机 where no
			// page says 苹果 (the other members carry the concept).
			continue
		}
		norm := math.Pow(float64(live), ix.params.WordNorm)
		for doc, a := range docs {
			a.h.score /= norm
			switch {
			case int(a.held) == live:
				better(doc, a.h)
			case !u.synonym && live >= 3 && a.held >= 2 && a.held >= ix.params.Partial*float64(live):
				a.h.partial = 1
				better(doc, a.h)
			}
		}
	}
	if u.synonym {
		// A synonym set is one concept: its members score with the set's
		// rarity, not their own, or a rare synonym (关闭) would outrank the
		// common word typed (解散) in a page's title.
		w := idf(ix.ndocs, len(out))
		for doc, h := range out {
			h.score *= w
			out[doc] = h
		}
	}
	return out
}

// idf is BM25's inverse document frequency of a term held by df of n documents.
func idf(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}
