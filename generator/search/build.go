package search

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"

	"zhinan/generator/parallel"
)

// Doc is one page of the site as search sees it.
type Doc struct {
	URL     string // site-absolute URL of the page, base path included: "/guide/platforms/ios/"
	Title   string
	Section string // title of the page's section, shown under the result
	// Description is the page's summary. It ranks like a heading and is
	// stored as a first part without a heading, shown as the excerpt when
	// it holds the match.
	Description string
	Parts       []Part // the page's text split at headings; Parts[0] may have an empty Anchor
}

// Part is the text under one heading (or before the first one).
type Part struct {
	Anchor  string // heading id, without '#'
	Heading string // heading text
	Text    string // plain text
}

// Option changes how Build writes the index.
type Option func(*config)

type config struct {
	base     string
	hasBase  bool
	shardMax int
	params   params
}

// WithBase records the site's base path ("/", "/docs/") in the manifest, so the
// client can turn site-absolute URLs into relative ones under file://. Without
// it, Build uses the longest common directory prefix of all Doc URLs.
func WithBase(base string) Option {
	return func(c *config) { c.base, c.hasBase = base, true }
}

// WithSynonyms declares sets of words a reader may use for one another
// (zhinan.yaml's search.synonyms). They are written into the manifest and
// applied when a query is read: a query word or a piece of a CJK run equal
// to a member asks for any member. A member of several words needs all of
// them.
func WithSynonyms(sets [][]string) Option {
	return func(c *config) { c.params.Synonyms = foldSynonyms(sets) }
}

// Field weights and BM25 parameters.
const (
	fieldTitle = iota
	fieldHeading
	fieldDesc
	fieldBody
	numFields
)

var fieldWeight = [numFields]float64{5, 2.5, 2.5, 1}

// fieldBonus is added, times idf, to a term's score when the field holds
// it (see encodeList).
var fieldBonus = [numFields]float64{4, 1.5, 1.5, 0}

const (
	bm25K1      = 1.2
	bm25B       = 0.75
	scoreScale  = 12    // scores s are stored as round(scoreScale*ln(1+s))
	maxParts    = 31    // mask bits; parts from maxParts-1 on share the last bit
	prefixMax   = 8     // expansions stored per prefix
	prefixLen   = 12    // longest prefix stored
	shardTarget = 16384 // aimed-for bytes of postings per shard
	shardsMax   = 8192  // most shards
	formatVer   = 2     // manifest "v"
	manifestKey = "manifest"
)

// termStat is what one document holds of one term.
type termStat struct {
	tf   [numFields]uint16
	mask uint32
}

// docStats is the tokenized form of one document: its terms split into
// partitions by hash, so partitions can be gathered in parallel.
type docStats struct {
	parts [partitions][]termEntry
	lens  [numFields]int
}

// termEntry is one term of a document: a CJK term by its cjkKey, or a word.
type termEntry struct {
	cjk  uint64
	word string
	st   termStat
}

// partitions is how many groups of terms encodeTerms works on in parallel.
const partitions = 16

func partition(cjk uint64, word string) int {
	if cjk != 0 {
		return int(cjk * 0x9E3779B97F4A7C15 >> 60)
	}
	return int(hashKey(word) >> 28)
}

// posting is one document's entry in a term's list.
type posting struct {
	doc int32
	st  termStat
}

// Build writes the search index for docs: files keyed by slash path relative
// to the output root, all under "search/". The same docs, in any order, give
// byte-identical files.
func Build(docs []Doc, opts ...Option) map[string][]byte {
	c := config{shardMax: shardsMax, params: defaultParams()}
	for _, o := range opts {
		o(&c)
	}
	docs = slices.Clone(docs)
	for i, d := range docs {
		if d.Description != "" {
			docs[i].Parts = append([]Part{{Text: d.Description}}, d.Parts...)
		}
	}
	slices.SortStableFunc(docs, func(a, b Doc) int {
		return cmp.Or(strings.Compare(a.URL, b.URL), strings.Compare(a.Title, b.Title))
	})
	if !c.hasBase {
		c.base = commonBase(docs)
	}
	es, df := encodeTerms(gatherAll(docs))
	es = append(es, prefixTable(df)...)
	n := shardCount(es, c.shardMax)
	files := writeShards(es, n)
	docFiles := make([][]byte, len(docs))
	parallel.For(len(docs), 0, func(id int) { docFiles[id] = jsFile(docName(id), docRecord(docs[id])) })
	for id, b := range docFiles {
		files[docName(id)] = b
	}
	files[manifestKey] = jsFile(manifestKey, map[string]any{
		"v": formatVer, "base": c.base, "shards": n, "docs": len(docs), "q": c.params,
	})
	out := make(map[string][]byte, len(files))
	for name, b := range files {
		out["search/"+name+".js"] = b
	}
	return out
}

func docName(id int) string { return "d/" + itoa(id) }

func itoa(i int) string { return string(appendInt(nil, i)) }

func appendInt(b []byte, i int) []byte {
	if i >= 10 {
		b = appendInt(b, i/10)
	}
	return append(b, byte('0'+i%10))
}

func docRecord(d Doc) map[string]any {
	parts := make([][3]string, len(d.Parts))
	for i, p := range d.Parts {
		parts[i] = [3]string{p.Anchor, p.Heading, p.Text}
	}
	return map[string]any{"u": d.URL, "t": d.Title, "s": d.Section, "p": parts}
}

// commonBase is the longest prefix ending in "/" shared by all URLs.
func commonBase(docs []Doc) string {
	if len(docs) == 0 {
		return "/"
	}
	p := docs[0].URL
	for _, d := range docs[1:] {
		for !strings.HasPrefix(d.URL, p) {
			p = p[:len(p)-1]
		}
	}
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i+1]
	}
	return "/"
}

// gathered holds every posting list, split into partitions by term; every
// list is in doc order.
type gathered struct {
	cjk   [partitions]*listSet[uint64]
	words [partitions]*listSet[string]
	lens  [][numFields]int // per document: tokens in each field
}

// listSet is posting lists by term, in order of first appearance.
type listSet[K comparable] struct {
	idx   map[K]int32
	keys  []K
	lists [][]posting
}

func (s *listSet[K]) add(k K, p posting) {
	i, ok := s.idx[k]
	if !ok {
		i = int32(len(s.keys))
		s.idx[k] = i
		s.keys = append(s.keys, k)
		s.lists = append(s.lists, nil)
	}
	s.lists[i] = append(s.lists[i], p)
}

// gatherBatch is how many documents are tokenized before their postings are
// added to the lists: enough to keep both cores busy, few enough that the
// tokenized form of the whole site is never held at once.
const gatherBatch = 512

// gatherAll tokenizes the documents batch by batch, each batch in parallel,
// then adds its postings to the lists, one goroutine per partition.
func gatherAll(docs []Doc) *gathered {
	g := &gathered{lens: make([][numFields]int, len(docs))}
	for p := range partitions {
		g.cjk[p] = &listSet[uint64]{idx: make(map[uint64]int32)}
		g.words[p] = &listSet[string]{idx: make(map[string]int32)}
	}
	stats := make([]docStats, min(gatherBatch, len(docs)))
	for lo := 0; lo < len(docs); lo += gatherBatch {
		n := min(gatherBatch, len(docs)-lo)
		parallel.For(n, 0, func(i int) { stats[i] = analyze(docs[lo+i]) })
		parallel.For(partitions, 0, func(p int) {
			for i := range n {
				for _, e := range stats[i].parts[p] {
					if e.cjk != 0 {
						g.cjk[p].add(e.cjk, posting{int32(lo + i), e.st})
					} else {
						g.words[p].add(e.word, posting{int32(lo + i), e.st})
					}
				}
			}
		})
		for i := range n {
			g.lens[lo+i] = stats[i].lens
		}
	}
	return g
}

// eachList calls f for every term of partition p with its posting list,
// and frees the partition.
func (g *gathered) eachList(p int, f func(cjk uint64, word string, ps []posting)) {
	for i, k := range g.cjk[p].keys {
		f(k, "", g.cjk[p].lists[i])
	}
	for i, t := range g.words[p].keys {
		f(0, t, g.words[p].lists[i])
	}
	g.cjk[p], g.words[p] = nil, nil
}

func analyze(d Doc) docStats {
	var ds docStats
	cjk := make(map[uint64]int32, 1024) // term -> index in sts
	words := make(map[string]int32)
	sts := make([]termStat, 0, 1024)
	add := func(s string, field int, mask uint32) {
		scan(s, func(text []byte, key uint64, _, _ int) {
			var i int32
			var ok bool
			if key != 0 {
				if i, ok = cjk[key]; !ok {
					i = int32(len(sts))
					cjk[key] = i
				}
			} else if i, ok = words[string(text)]; !ok {
				i = int32(len(sts))
				words[string(text)] = i
			}
			if !ok {
				sts = append(sts, termStat{})
			}
			st := &sts[i]
			if st.tf[field] < math.MaxUint16 {
				st.tf[field]++
			}
			st.mask |= mask
			ds.lens[field]++
		})
	}
	add(d.Title, fieldTitle, 0)
	for i, p := range d.Parts {
		bit := uint32(1) << min(i, maxParts-1)
		add(p.Heading, fieldHeading, bit)
		if i == 0 && d.Description != "" {
			add(p.Text, fieldDesc, bit)
		} else {
			add(p.Text, fieldBody, bit)
		}
	}
	// Split the terms into partitions in one allocation: count, then place.
	var count [partitions]int
	for k := range cjk {
		count[partition(k, "")]++
	}
	for w := range words {
		count[partition(0, w)]++
	}
	all := make([]termEntry, len(cjk)+len(words))
	at := 0
	for p, n := range count {
		ds.parts[p] = all[at : at : at+n]
		at += n
	}
	for k, st := range cjk {
		p := partition(k, "")
		ds.parts[p] = append(ds.parts[p], termEntry{cjk: k, st: sts[st]})
	}
	for w, st := range words {
		p := partition(0, w)
		ds.parts[p] = append(ds.parts[p], termEntry{word: w, st: sts[st]})
	}
	return ds
}

// encodeTerms encodes every posting list, one partition per goroutine,
// freeing each partition as it goes. It also returns the document frequency
// of every word.
func encodeTerms(g *gathered) ([]entry, map[string]int) {
	var avg [numFields]float64
	for _, l := range g.lens {
		for f := range avg {
			avg[f] += float64(l[f])
		}
	}
	for f := range avg {
		avg[f] = max(avg[f]/float64(max(len(g.lens), 1)), 1)
	}
	encs := make([][]entry, partitions)
	dfs := make([]map[string]int, partitions)
	parallel.For(partitions, 0, func(part int) {
		dfs[part] = make(map[string]int)
		var es []entry
		g.eachList(part, func(cjk uint64, t string, ps []posting) {
			if cjk != 0 {
				t = cjkText(cjk)
			} else {
				dfs[part][t] = len(ps)
			}
			es = append(es, entry{hashKey(t), t, encodeList(ps, g.lens, avg)})
		})
		encs[part] = es
	})
	df := dfs[0]
	for _, m := range dfs[1:] {
		maps.Copy(df, m)
	}
	return slices.Concat(encs...), df
}

// encodeList writes a posting list, in doc order, as varint triples: doc id
// delta, score, part mask.
func encodeList(ps []posting, lens [][numFields]int, avg [numFields]float64) string {
	ndocs, df := float64(len(lens)), float64(len(ps))
	idf := math.Log(1 + (ndocs-df+0.5)/(df+0.5))
	b := make([]byte, 0, len(ps)*4)
	prev := int32(0)
	for _, p := range ps {
		var tf float64
		for f := range numFields {
			norm := 1 - bm25B + bm25B*float64(lens[p.doc][f])/avg[f]
			tf += fieldWeight[f] * float64(p.st.tf[f]) / norm
		}
		s := idf * tf * (bm25K1 + 1) / (tf + bm25K1)
		// BM25 saturates: a term said often in a short body scores almost
		// like one in the title. A page whose title, headings or
		// description hold the term is about it, so it gets a bonus that
		// does not saturate.
		for f, bonus := range fieldBonus {
			if p.st.tf[f] > 0 {
				s += idf * bonus
			}
		}
		q := max(uint32(math.Round(scoreScale*math.Log1p(s))), 1)
		b = appendVarint(b, uint32(p.doc-prev))
		b = appendVarint(b, q)
		b = appendVarint(b, p.st.mask)
		prev = p.doc
	}
	return string(b)
}
