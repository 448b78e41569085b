package search

import (
	"slices"
	"strings"
)

// segment cuts a piece of a CJK run into words without a dictionary, from
// how many pages hold each of its bigrams (df): a bigram is a junction
// between two words when no page holds it, or when Junction times its df
// is below the df of a neighbouring bigram (「通知大家」: 通知 and 大家 are
// common, 知大 is not). It returns the words, each as its distinct bigrams,
// and the junction bigrams some page holds, which add to a page's score
// when present (they say the words stand together, as typed). A character
// not covered by a word is dropped; a piece of one character is one word.
func segment(rs []rune, df func(string) int, junction float64, soft string) (words [][]string, joins []string) {
	if len(rs) < 2 {
		return [][]string{{string(rs)}}, nil
	}
	n := len(rs) - 1
	dfs := make([]float64, n)
	for i := range n {
		dfs[i] = float64(df(string(rs[i : i+2])))
	}
	var cur []string
	for i := range n {
		t := string(rs[i : i+2])
		neighbour := 0.0
		if i > 0 {
			neighbour = dfs[i-1]
		}
		if i+1 < n {
			neighbour = max(neighbour, dfs[i+1])
		}
		if dfs[i] == 0 || junction*dfs[i] < neighbour || strings.ContainsAny(t, soft) {
			if len(cur) > 0 {
				words = append(words, cur)
				cur = nil
			}
			if dfs[i] > 0 && !slices.Contains(joins, t) {
				joins = append(joins, t)
			}
			continue
		}
		if !slices.Contains(cur, t) {
			cur = append(cur, t)
		}
	}
	if len(cur) > 0 {
		words = append(words, cur)
	}
	return words, joins
}

// oneEdit reports whether a and b differ by exactly one edit: a character
// replaced, added, dropped, or two neighbours swapped ("andriod", "android").
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	switch len(y) - len(x) {
	case 0:
		if i == len(x) {
			return false
		}
		if string(x[i+1:]) == string(y[i+1:]) {
			return true
		}
		return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:])
	case 1:
		return string(x[i:]) == string(y[i+1:])
	}
	return false
}
