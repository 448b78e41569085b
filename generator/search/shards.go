package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"zhinan/generator/parallel"
)

// entry is one key of a shard and its value.
type entry struct {
	hash     uint32 // hashKey(key)
	key, val string
}

// prefixTable maps "^"+prefix to the most frequent words starting with it,
// given the document frequency of every word.
func prefixTable(df map[string]int) []entry {
	cands := make(map[string][]string)
	for w := range df {
		rs := []rune(w)
		for p := 1; p < len(rs) && p <= prefixLen; p++ {
			k := "^" + string(rs[:p])
			cands[k] = append(cands[k], w)
		}
	}
	out := make([]entry, 0, len(cands))
	for k, ws := range cands {
		slices.SortFunc(ws, func(a, b string) int { return cmp.Or(df[b]-df[a], strings.Compare(a, b)) })
		out = append(out, entry{hashKey(k), k, strings.Join(ws[:min(len(ws), prefixMax)], " ")})
	}
	return out
}

// shardCount picks a power of two so shards hold about shardTarget bytes.
func shardCount(es []entry, most int) int {
	total := 0
	for _, e := range es {
		total += len(e.key) + len(e.val) + 6
	}
	n := 1
	for n < most && n*shardTarget < total {
		n *= 2
	}
	return n
}

// writeShards writes all n shards, empty ones included, keys sorted.
func writeShards(es []entry, n int) map[string][]byte {
	buckets := make([][]entry, n)
	for _, e := range es {
		i := e.hash & uint32(n-1)
		buckets[i] = append(buckets[i], e)
	}
	out := make([][]byte, n)
	parallel.For(n, 0, func(i int) {
		slices.SortFunc(buckets[i], func(a, b entry) int { return strings.Compare(a.key, b.key) })
		out[i] = shardFile(fmt.Sprintf("s/%x", i), buckets[i])
	})
	files := make(map[string][]byte, n)
	for i, b := range out {
		files[fmt.Sprintf("s/%x", i)] = b
	}
	return files
}

// shardFile writes what jsFile would for the map of es, faster.
func shardFile(name string, es []entry) []byte {
	size := 32 + len(name)
	for _, e := range es {
		size += len(e.key) + len(e.val) + 6
	}
	b := make([]byte, 0, size)
	b = fmt.Appendf(b, "__zhinanSearch.load(%q,{", name)
	for i, e := range es {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, e.key)
		b = append(b, ':')
		b = appendJSONString(b, e.val)
	}
	return append(b, "});\n"...)
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// would. Tokens and postings never need escaping; the check is a guard.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == 0xE2 {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
