package search

import (
	"cmp"
	"maps"
	"slices"
	"strings"
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
	scoreScale  = 12   // scores s are stored as round(scoreScale*ln(1+s))
	maxParts    = 31   // mask bits; parts from maxParts-1 on share the last bit
	prefixMax   = 8    // expansions stored per prefix
	prefixLen   = 12   // longest prefix stored
	shardTarget = 8192 // aimed-for bytes of postings per shard
	shardsMax   = 8192 // most shards
	formatVer   = 2    // manifest "v"
	manifestKey = "manifest"
)

// Build writes the search index for docs: files keyed by slash path relative
// to the output root, all under "search/". The same docs, in any order, give
// byte-identical files.
func Build(docs []Doc, opts ...Option) map[string][]byte {
	ix := BuildLazy(docs, opts...)
	files := make(map[string][]byte, len(ix.files)+len(ix.docs))
	for _, name := range ix.Names() {
		files[name], _ = ix.File(name)
	}
	return files
}

// Lazy is an index whose page records (search/d/ID.js) are made when asked
// for, from the Docs it keeps, instead of all at once: they are most of the
// index's bytes, and a build that writes each one as it is made never holds
// them all. The shards and the manifest are made by BuildLazy.
type Lazy struct {
	files map[string][]byte // shards and manifest, by path
	docs  []Doc             // in page ID order
}

// BuildLazy is Build with the page records left to Lazy.File. The Docs'
// strings are kept, not copied.
func BuildLazy(docs []Doc, opts ...Option) *Lazy {
	c := config{shardMax: shardsMax, params: defaultParams()}
	for _, o := range opts {
		o(&c)
	}
	docs = numbered(docs)
	if !c.hasBase {
		c.base = commonBase(docs)
	}
	es, df := encodeRounds(docs, gatherRounds(len(docs))) // entries by partition
	es = append(es, prefixTable(df, c.params.PrefixMin))
	n := shardCount(es, c.shardMax)
	files := make(map[string][]byte, n+1)
	writeShards(es, n, files)
	files[filePath(manifestKey)] = jsFile(manifestKey, map[string]any{
		"v": formatVer, "base": c.base, "shards": n, "docs": len(docs), "q": c.params,
	})
	return &Lazy{files: files, docs: docs}
}

// numbered is docs as the index numbers and reads them: a copy in order of
// URL (page IDs are positions in it), each description made the first part.
func numbered(docs []Doc) []Doc {
	docs = slices.Clone(docs)
	for i, d := range docs {
		if d.Description != "" {
			docs[i].Parts = append([]Part{{Text: d.Description}}, d.Parts...)
		}
	}
	slices.SortStableFunc(docs, func(a, b Doc) int {
		return cmp.Or(strings.Compare(a.URL, b.URL), strings.Compare(a.Title, b.Title))
	})
	return docs
}

// eachField calls add with each text of a numbered document, the field it
// counts in and its part's bit in the part mask: the title (no part), then
// each part's heading and text (the first part's text is the description
// when there is one).
func eachField(d *Doc, add func(text string, field int, bit uint32)) {
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
}

// encodeRounds gathers and encodes the postings of docs in rounds (see
// roundPages), each round some of the partitions, and returns the entries
// of every partition and the document frequency of every word, the same
// whatever the number of rounds.
func encodeRounds(docs []Doc, rounds int) ([][]entry, map[string]int) {
	es := make([][]entry, partitions)
	df := map[string]int{}
	for r := range rounds {
		lo, hi := r*partitions/rounds, (r+1)*partitions/rounds
		part, d := encodeTerms(gatherAll(docs, lo, hi))
		copy(es[lo:hi], part[lo:hi])
		maps.Copy(df, d)
	}
	return es, df
}

// Names lists every file of the index (paths under search/), unsorted.
func (ix *Lazy) Names() []string {
	names := make([]string, 0, len(ix.files)+len(ix.docs))
	for name := range ix.files {
		names = append(names, name)
	}
	for id := range ix.docs {
		names = append(names, filePath(docName(id)))
	}
	return names
}

// File makes one file of the index by its path ("search/d/12.js"), and
// reports whether there is such a file. It is safe for concurrent use.
func (ix *Lazy) File(name string) ([]byte, bool) {
	if b, ok := ix.files[name]; ok {
		return b, true
	}
	num, ok := strings.CutPrefix(name, "search/d/")
	if num, ok = strings.CutSuffix(num, ".js"); !ok || num == "" || (num[0] == '0' && num != "0") {
		return nil, false
	}
	id := 0
	for _, c := range num {
		if c < '0' || c > '9' || id > len(ix.docs) {
			return nil, false
		}
		id = id*10 + int(c-'0')
	}
	if id >= len(ix.docs) {
		return nil, false
	}
	return docFile(id, &ix.docs[id]), true
}

// filePath is the path of index file NAME: "search/NAME.js".
func filePath(name string) string { return "search/" + name + ".js" }

func docName(id int) string { return "d/" + itoa(id) }

func itoa(i int) string { return string(appendInt(nil, i)) }

func appendInt(b []byte, i int) []byte {
	if i >= 10 {
		b = appendInt(b, i/10)
	}
	return append(b, byte('0'+i%10))
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
