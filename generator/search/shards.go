package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"zhinan/generator/parallel"
)

// entry is one key of a shard and its value.
type entry struct {
	hash     uint32 // hashKey(key)
	key, val []byte
}

// prefixTable maps "^"+prefix to the most frequent words starting with it,
// given the document frequency of every word.
func prefixTable(df map[string]int, shortest int) []entry {
	cands := make(map[string][]string)
	for w := range df {
		rs := []rune(w)
		for p := max(1, shortest); p < len(rs) && p <= prefixLen; p++ {
			k := "^" + string(rs[:p])
			cands[k] = append(cands[k], w)
		}
	}
	out := make([]entry, 0, len(cands))
	for k, ws := range cands {
		slices.SortFunc(ws, func(a, b string) int { return cmp.Or(df[b]-df[a], strings.Compare(a, b)) })
		out = append(out, entry{hashKey(k), []byte(k), []byte(strings.Join(ws[:min(len(ws), prefixMax)], " "))})
	}
	return out
}

// shardCount picks a power of two so shards hold about shardTarget bytes.
func shardCount(ess [][]entry, most int) int {
	total := 0
	for _, es := range ess {
		for _, e := range es {
			total += len(e.key) + len(e.val) + 6
		}
	}
	n := 1
	for n < most && n*shardTarget < total {
		n *= 2
	}
	return n
}

// writeShards writes all n shards of the entries ess, empty ones included,
// keys sorted, into files ("search/s/HEX.js").
func writeShards(ess [][]entry, n int, files map[string][]byte) {
	// Group the entries by shard with a counting sort, in one array.
	start := make([]int, n+1)
	for _, es := range ess {
		for _, e := range es {
			start[e.hash&uint32(n-1)+1]++
		}
	}
	for i := range n {
		start[i+1] += start[i]
	}
	next := slices.Clone(start[:n])
	byShard := make([]entry, start[n])
	for j, es := range ess {
		for _, e := range es {
			i := e.hash & uint32(n-1)
			byShard[next[i]] = e
			next[i]++
		}
		ess[j] = nil
	}
	out := make([][]byte, n)
	parallel.For(n, 0, func(i int) {
		bucket := byShard[start[i]:start[i+1]]
		slices.SortFunc(bucket, func(a, b entry) int { return bytes.Compare(a.key, b.key) })
		out[i] = shardFile(shardFileName(i), bucket)
	})
	for i, b := range out {
		files[filePath(shardFileName(i))] = b
	}
}

func shardFileName(i int) string { return "s/" + strconv.FormatUint(uint64(i), 16) }

// shardFile writes what jsFile would for the map of es, faster.
func shardFile(name string, es []entry) []byte {
	size := 32 + len(name)
	for _, e := range es {
		size += len(e.key) + len(e.val) + 6
	}
	b := make([]byte, 0, size)
	b = append(b, `__zhinanSearch.load("`...)
	b = append(b, name...)
	b = append(b, `",{`...)
	for i, e := range es {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, e.key)
		// A value is posting digits or words, neither of which JSON escapes.
		b = append(b, `:"`...)
		b = append(b, e.val...)
		b = append(b, '"')
	}
	return append(b, "});\n"...)
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// would (HTML characters, U+2028 and U+2029 included, invalid UTF-8 as
// U+FFFD). Tokens never need escaping and page text seldom does: such
// strings are copied as they are, the others handed to encoding/json.
func appendJSONString[S string | []byte](b []byte, s S) []byte {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			if jsonSpecial[c] {
				return appendMarshaled(b, string(s))
			}
			i++
		case 0xE3 <= c && c <= 0xEC || c == 0xEE || c == 0xEF:
			// Three bytes, valid with any continuation bytes (this is most
			// CJK text); E0, E1, E2 (which starts U+2028) and ED are
			// checked below.
			if i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
				return appendMarshaled(b, string(s))
			}
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
			if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
				return appendMarshaled(b, string(s))
			}
			i += n
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// jsonSpecial marks the bytes encoding/json escapes.
var jsonSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = true
	}
	return t
}()

func appendMarshaled(b []byte, s string) []byte {
	q, _ := json.Marshal(s)
	return append(b, q...)
}
