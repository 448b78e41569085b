package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strings"
	"sync"
)

// Index is an index written by Build, opened for querying from Go. Like the
// browser client, it reads the manifest at once and shards and documents
// only when a query needs them. It is safe for concurrent use.
type Index struct {
	fsys    fs.FS
	base    string
	nshards int
	ndocs   int

	mu     sync.Mutex
	shards map[string]map[string]string
	docs   map[int]*Doc
	read   []string // files read so far, in order
	bytes  int      // their total size
	params params   // the query tunables, from the manifest

	decoded map[string][]readPosting // during a Search: posting lists decoded so far
}

// Result is one page found by a query.
type Result struct {
	URL        string   `json:"url"`
	Anchor     string   `json:"anchor"`  // heading id of the part with the match; "" for the top of the page
	Heading    string   `json:"heading"` // that heading's text
	Title      string   `json:"title"`
	Section    string   `json:"section"`
	Excerpt    string   `json:"excerpt"`
	Score      float64  `json:"score"`
	Highlights [][2]int `json:"highlights"` // rune offsets in Excerpt, sorted, not overlapping
}

// Open reads the manifest of an index written by Build from fsys, whose
// paths are those Build returned ("search/manifest.js", ...).
func Open(fsys fs.FS) (*Index, error) {
	ix := &Index{fsys: fsys, shards: make(map[string]map[string]string), docs: make(map[int]*Doc)}
	var m struct {
		V      int    `json:"v"`
		Base   string `json:"base"`
		Shards int    `json:"shards"`
		Docs   int    `json:"docs"`
		Q      params `json:"q"`
	}
	if err := ix.load(manifestKey, &m); err != nil {
		return nil, err
	}
	if m.V != formatVer || m.Shards < 1 || m.Shards&(m.Shards-1) != 0 {
		return nil, fmt.Errorf("search/manifest.js: unsupported index (version %d, %d shards)", m.V, m.Shards)
	}
	if m.Q.Scale <= 0 || m.Q.Parts < 1 || m.Q.MaxQuery < 1 {
		return nil, fmt.Errorf("search/manifest.js: query parameters missing")
	}
	ix.base, ix.nshards, ix.ndocs, ix.params = m.Base, m.Shards, m.Docs, m.Q
	return ix, nil
}

// Base is the site's base path recorded in the manifest.
func (ix *Index) Base() string { return ix.base }

// load reads search/NAME.js into v. The caller holds ix.mu or owns ix.
func (ix *Index) load(name string, v any) error {
	path := "search/" + name + ".js"
	b, err := fs.ReadFile(ix.fsys, path)
	if err != nil {
		return err
	}
	ix.read = append(ix.read, path)
	ix.bytes += len(b)
	data, err := jsPayload(b)
	if err == nil {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

// lookup returns the stored value of key ("" when absent), loading its shard.
// A missing or broken shard reads as empty.
func (ix *Index) lookup(key string) string {
	name := shardName(key, ix.nshards)
	sh, ok := ix.shards[name]
	if !ok {
		if err := ix.load(name, &sh); err != nil {
			sh = nil
		}
		ix.shards[name] = sh
	}
	return sh[key]
}

// doc loads document id.
func (ix *Index) doc(id int) *Doc {
	if d, ok := ix.docs[id]; ok {
		return d
	}
	var rec struct {
		U, T, S string
		P       [][3]string
	}
	d := &Doc{}
	if ix.load(docName(id), &rec) == nil {
		d = &Doc{URL: rec.U, Title: rec.T, Section: rec.S}
		for _, p := range rec.P {
			d.Parts = append(d.Parts, Part{Anchor: p[0], Heading: p[1], Text: p[2]})
		}
	}
	ix.docs[id] = d
	return d
}

// hit is how one document matches a unit, or the whole query.
type hit struct {
	doc     int
	full    int     // units matched in full
	partial int     // units matched in part
	cover   float64 // the rarity (idf) of the units matched, partial ones at params.Partial
	score   float64
	and, or uint32 // part masks: parts holding every matched unit, parts holding any
}

func (h hit) mask() uint32 {
	if h.and != 0 {
		return h.and
	}
	return h.or
}

// Search returns the best n results for query (all of them if n <= 0):
// the pages matching more units of the query first, each set by
// descending score (see the package documentation).
func (ix *Index) Search(query string, n int) []Result {
	us := parseQuery(query, &ix.params)
	if len(us) == 0 {
		return nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.decoded = make(map[string][]readPosting)
	defer func() { ix.decoded = nil }()
	ix.fixTypos(us)
	us, joins := ix.segmentRuns(us)
	all := make(map[int]*hit, 256)
	totalW := 0.0
	for i := range us {
		uhs := ix.unitHits(&us[i])
		w := idf(ix.ndocs, len(uhs)) // the unit's rarity
		totalW += w
		for doc, uh := range uhs {
			h := all[doc]
			if h == nil {
				h = &hit{doc: doc, and: ^uint32(0)}
				all[doc] = h
			}
			if uh.partial > 0 {
				h.partial++
				h.cover += w * ix.params.Partial
			} else {
				h.full++
				h.cover += w
			}
			h.score += uh.score
			h.and &= uh.mask()
			h.or |= uh.or
		}
	}
	for _, t := range joins {
		for _, p := range ix.postings(t) {
			if h := all[p.doc]; h != nil {
				h.score += p.score
			}
		}
	}
	hits := make([]*hit, 0, len(all))
	for _, h := range all {
		if h.full+h.partial > 1 && h.and != 0 {
			h.score *= 1 + ix.params.Together
		}
		c := h.cover / totalW
		h.score *= c * c
		hits = append(hits, h)
	}
	hits = best(hits, n)
	m := newMatcher(us)
	res := make([]Result, len(hits))
	for i, h := range hits {
		res[i] = ix.result(h, m)
	}
	return res
}

func (ix *Index) result(h *hit, m matcher) Result {
	d := ix.doc(h.doc)
	r := Result{URL: d.URL, Title: d.Title, Section: d.Section, Score: h.score}
	p := bestPart(d.Parts, h.mask(), m, ix.params.Parts)
	if p >= 0 {
		r.Anchor, r.Heading = d.Parts[p].Anchor, d.Parts[p].Heading
	}
	r.Excerpt, r.Highlights = excerpt(excerptText(d.Parts, max(p, 0), d.Title), m, &ix.params)
	return r
}

// fixTypos turns a word of params.TypoMin runes or more that matches
// nothing (not even as a prefix) into a synonym unit of the indexed words
// one edit away that share its first params.TypoKeep runes (as listed under "^"+those runes).
func (ix *Index) fixTypos(us []unit) {
	for i := range us {
		u := &us[i]
		if len(u.alts) != 1 || len(u.alts[0]) != 1 || u.run != nil {
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

// readPosting is one document's entry in a term's list, as read back.
type readPosting struct {
	doc   int
	score float64
	mask  uint32
}

// postings decodes the posting list of term, once per query (segmentRuns
// and unitHits both read it). The caller holds ix.mu.
func (ix *Index) postings(term string) []readPosting {
	if ps, ok := ix.decoded[term]; ok {
		return ps
	}
	vs, err := decodeVarints(ix.lookup(term))
	if err != nil {
		vs = nil
	}
	ps := ix.decode(vs)
	ix.decoded[term] = ps
	return ps
}

func (ix *Index) decode(vs []uint32) []readPosting {
	out := make([]readPosting, 0, len(vs)/3)
	doc := 0
	for i := 0; i+2 < len(vs); i += 3 {
		doc += int(vs[i])
		out = append(out, readPosting{doc, math.Expm1(float64(vs[i+1]) / ix.params.Scale), vs[i+2]})
	}
	return out
}

// unitHits finds the documents matching one unit: for each alternative,
// the documents holding all its terms that occur anywhere, or (for three
// such terms or more) at least two of them and at least the Partial share
// of them. A term that occurs nowhere is left out, so a
// long question is not lost on the bigrams at its word junctions. A
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
		norm := math.Pow(float64(live), ix.params.WordNorm)
		for doc, a := range docs {
			a.h.score /= norm
			switch {
			case int(a.held) == live:
				better(doc, a.h)
			case live >= 3 && a.held >= 2 && a.held >= ix.params.Partial*float64(live):
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
