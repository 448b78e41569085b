package search

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
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

// Read reports the index files read so far (paths under search/ without
// ".js", in the order read) and their total size: what a browser would have
// downloaded for the queries searched, scripts aside.
func (ix *Index) Read() (files []string, bytes int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return append([]string(nil), ix.read...), ix.bytes
}

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
				h.score += p.score * ix.params.Join
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
	p := bestPart(d.Parts, d.Title, h.or, m, &ix.params)
	if p >= 0 {
		r.Anchor, r.Heading = d.Parts[p].Anchor, d.Parts[p].Heading
	}
	r.Excerpt, r.Highlights = excerpt(excerptText(d.Parts, max(p, 0), d.Title), m, &ix.params)
	return r
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
