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
	}
	if err := ix.load(manifestKey, &m); err != nil {
		return nil, err
	}
	if m.V != formatVer || m.Shards < 1 || m.Shards&(m.Shards-1) != 0 {
		return nil, fmt.Errorf("search/manifest.js: unsupported index (version %d, %d shards)", m.V, m.Shards)
	}
	ix.base, ix.nshards, ix.ndocs = m.Base, m.Shards, m.Docs
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

// hit is how one document matches a group, or the whole query.
type hit struct {
	doc     int
	groups  int // groups matched in full
	partial int // CJK groups matched in part (see partialMatch)
	score   float64
	and, or uint32 // part masks: parts holding every term, parts holding any
}

func (h hit) mask() uint32 {
	if h.and != 0 {
		return h.and
	}
	return h.or
}

// Search returns the best n results for query (all of them if n <= 0):
// first the pages matching every word of the query, then those matching
// some, each set by descending score.
func (ix *Index) Search(query string, n int) []Result {
	gs := parseQuery(query)
	if len(gs) == 0 {
		return nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	all := make(map[int]*hit)
	for i := range gs {
		for doc, gh := range ix.groupHits(&gs[i]) {
			h := all[doc]
			if h == nil {
				h = &hit{doc: doc, and: ^uint32(0)}
				all[doc] = h
			}
			if gh.partial > 0 {
				h.partial++
			} else {
				h.groups++
			}
			h.score += gh.score
			h.and &= gh.mask()
			h.or |= gh.or
		}
	}
	hits := make([]*hit, 0, len(all))
	for _, h := range all {
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b *hit) int {
		return cmp.Or(b.groups-a.groups, b.partial-a.partial, cmp.Compare(b.score, a.score), a.doc-b.doc)
	})
	if n > 0 && len(hits) > n {
		hits = hits[:n]
	}
	m := newMatcher(gs)
	res := make([]Result, len(hits))
	for i, h := range hits {
		res[i] = ix.result(h, m)
	}
	return res
}

func (ix *Index) result(h *hit, m matcher) Result {
	d := ix.doc(h.doc)
	r := Result{URL: d.URL, Title: d.Title, Section: d.Section, Score: h.score}
	text := ""
	if p := bestPart(d.Parts, h.mask(), m); p >= 0 {
		r.Anchor, r.Heading, text = d.Parts[p].Anchor, d.Parts[p].Heading, d.Parts[p].Text
	} else if len(d.Parts) > 0 {
		text = d.Parts[0].Text
	}
	r.Excerpt, r.Highlights = excerpt(text, m)
	return r
}

// groupHits finds the documents matching one group.
func (ix *Index) groupHits(g *group) map[int]hit {
	if g.cjk {
		// Count the terms each document holds, then keep the documents
		// holding all of them, or enough of them (partialMatch).
		acc := make(map[int]hit)
		held := make(map[int]int)    // terms a document holds
		content := make(map[int]int) // of which not filler
		contentTerms := 0
		for _, t := range g.terms {
			filler := isFiller(t)
			if !filler {
				contentTerms++
			}
			ix.eachPosting(t, func(doc int, score float64, mask uint32) {
				h, ok := acc[doc]
				if !ok {
					h = hit{doc: doc, and: ^uint32(0)}
				}
				acc[doc] = hit{doc: doc, score: h.score + score, and: h.and & mask, or: h.or | mask}
				held[doc]++
				if !filler {
					content[doc]++
				}
			})
		}
		for doc, n := range held {
			switch {
			case n == len(g.terms):
			case partialMatch(content[doc], contentTerms, len(g.terms)):
				h := acc[doc]
				h.partial = 1
				acc[doc] = h
			default:
				delete(acc, doc)
			}
		}
		return acc
	}
	w := g.terms[0]
	out := make(map[int]hit)
	add := func(term string, weight float64) {
		ix.eachPosting(term, func(doc int, score float64, mask uint32) {
			h := out[doc]
			h.score = max(h.score, score*weight)
			h.and, h.or = h.or|mask, h.or|mask
			out[doc] = h
		})
	}
	add(w, 1)
	if g.prefix {
		for _, alt := range strings.Fields(ix.lookup("^" + w)) {
			add(alt, prefixWeight)
		}
	}
	return out
}

// prefixWeight scales the score of a word found by prefix.
const prefixWeight = 0.7

// eachPosting calls f for every posting of term, in doc order.
func (ix *Index) eachPosting(term string, f func(doc int, score float64, mask uint32)) {
	vs, err := decodeVarints(ix.lookup(term))
	if err != nil {
		return
	}
	doc := 0
	for i := 0; i+2 < len(vs); i += 3 {
		doc += int(vs[i])
		f(doc, math.Expm1(float64(vs[i+1])/scoreScale), vs[i+2])
	}
}
