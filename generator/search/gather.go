package search

import (
	"math"
	"runtime"

	"zhinan/generator/parallel"
)

// termStat is what one document holds of one term.
type termStat struct {
	tf   [numFields]uint16
	mask uint32
}

// termEntry is one term of a document: a CJK term by its cjkKey, or a word
// by its index in docStats.words. It holds no pointer, so the garbage
// collector need not look into the batches of them Build keeps.
type termEntry struct {
	cjk  uint64
	word int32
	st   termStat
}

// docStats is the tokenized form of one document: its terms split into
// partitions by hash, so partitions can be gathered in parallel. Its
// memory is reused from one batch of documents to the next.
type docStats struct {
	parts [partitions][]termEntry
	lens  [numFields]int
	words []string    // the words of termEntry.word
	buf   []termEntry // backing array of parts
}

// partitions is how many groups of terms gatherAll and encodeTerms work on
// in parallel.
const partitions = 16

func (ds *docStats) partition(e *termEntry) int {
	if e.cjk != 0 {
		return int(e.cjk * 0x9E3779B97F4A7C15 >> 60)
	}
	return int(hashKey(ds.words[e.word]) >> 28)
}

// analyzer is one worker's reusable state for analyze.
type analyzer struct {
	han    []hanSlot        // by rune - 0x4E00: unified Han unigram -> index in ents
	stamp  uint32           // han slots of this document carry it
	cjk    keyTable         // other CJK terms -> index in ents
	words  map[string]int32 // word -> index in ents
	intern map[string]string
	ents   []termEntry
}

// hanUnigrams is the size of the CJK Unified Ideographs block (isUnifiedHan).
const hanUnigrams = 0x9FFF - 0x4E00 + 1

// hanSlot is a unigram's entry in analyzer.han: the commonest tokens are
// looked up by rune, with no hashing.
type hanSlot struct {
	stamp uint32
	idx   int32
}

func newAnalyzer() *analyzer {
	return &analyzer{han: make([]hanSlot, hanUnigrams), words: make(map[string]int32), intern: make(map[string]string)}
}

// analyze tokenizes d into ds: each distinct term with its counts per field
// and the parts holding it.
func (a *analyzer) analyze(d Doc, ds *docStats) {
	a.cjk.reset()
	a.stamp++
	if a.stamp == 0 {
		clear(a.han)
		a.stamp = 1
	}
	clear(a.words)
	a.ents = a.ents[:0]
	ds.words = ds.words[:0]
	ds.lens = [numFields]int{}
	add := func(s string, field int, mask uint32) {
		scan(s, func(text []byte, key uint64, _, _ int) {
			if field == fieldBody && key != 0 && key>>42 == 0 {
				// A character alone is looked for in titles, headings and
				// descriptions only (see the package documentation).
				ds.lens[field]++
				return
			}
			var i int32
			var found bool
			if h := key - 0x4E00; h < uint64(len(a.han)) { // a unified Han unigram
				slot := &a.han[h]
				if found = slot.stamp == a.stamp; found {
					i = slot.idx
				} else {
					i = int32(len(a.ents))
					*slot = hanSlot{a.stamp, i}
					a.ents = append(a.ents, termEntry{cjk: key})
				}
			} else if key != 0 {
				i, found = a.cjk.lookup(key, int32(len(a.ents)))
				if !found {
					a.ents = append(a.ents, termEntry{cjk: key})
				}
			} else if i, found = a.words[string(text)]; !found {
				w, ok := a.intern[string(text)]
				if !ok {
					w = string(text)
					a.intern[w] = w
				}
				i = int32(len(a.ents))
				a.words[w] = i
				a.ents = append(a.ents, termEntry{word: int32(len(ds.words))})
				ds.words = append(ds.words, w)
			}
			st := &a.ents[i].st
			if st.tf[field] < math.MaxUint16 {
				st.tf[field]++
			}
			st.mask |= mask
			ds.lens[field]++
		})
	}
	eachField(&d, add)
	// Split the terms into partitions in one array: count, then place.
	var count [partitions]int
	for i := range a.ents {
		e := &a.ents[i]
		count[ds.partition(e)]++
	}
	if cap(ds.buf) < len(a.ents) {
		ds.buf = make([]termEntry, len(a.ents)+len(a.ents)/4)
	}
	at := 0
	for p, n := range count {
		ds.parts[p] = ds.buf[at : at : at+n]
		at += n
	}
	for _, e := range a.ents {
		p := ds.partition(&e)
		ds.parts[p] = append(ds.parts[p], e)
	}
}

// gathered holds every posting of the site, split into partitions by term.
type gathered struct {
	parts [partitions]*termLists
	lens  [][numFields]int // per document: tokens in each field
}

// termLists is the postings of one partition, in document order, each
// tagged with its term's id; encodeTerms sorts them by term (a counting
// sort, as it knows every term's count). Appending to one list of chunks
// rather than to a list per term copies nothing and allocates each posting
// once, and a posting takes 12 bytes: the largest structure of Build, so
// its size is the peak of Build's memory.
type termLists struct {
	han      []int32          // by rune - 0x4E00: unified Han unigram -> term id + 1, 0 if none yet
	cjk      keyTable         // other CJK terms -> term id
	words    map[string]int32 // word -> term id
	wordList []string         // the words of termKey.word
	terms    []termKey        // by term id
	df       []int32          // by term id: postings
	chunks   [][]flatPosting
	n        int                   // postings
	docEnd   []int                 // by document: n after its postings
	overflow map[[2]int32]termStat // by term id and document: stats a flatPosting cannot hold
}

type termKey struct {
	cjk  uint64 // 0 for a word
	word int32  // for a word, its index in termLists.wordList
}

// flatPosting is one document's entry for one term; the document is known
// from where it is (termLists.docEnd). tf counts of 255 and more are kept
// in termLists.overflow, and the posting's tf reads all 255.
type flatPosting struct {
	term int32
	tf   [numFields]uint8
	mask uint32
}

const tfOverflow = math.MaxUint8

// chunkLen is how many postings a chunk of termLists holds.
const chunkLen = 1 << 14

func (t *termLists) add(e *termEntry, ds *docStats, doc int32) {
	var id int32
	var found bool
	if h := e.cjk - 0x4E00; h < uint64(len(t.han)) {
		id, found = t.han[h]-1, t.han[h] != 0
		if !found {
			id = int32(len(t.terms))
			t.han[h] = id + 1
		}
	} else if e.cjk != 0 {
		id, found = t.cjk.lookup(e.cjk, int32(len(t.terms)))
	} else {
		w := ds.words[e.word]
		id, found = t.words[w]
		if !found {
			id = int32(len(t.terms))
			t.words[w] = id
			t.terms = append(t.terms, termKey{word: int32(len(t.wordList))})
			t.wordList = append(t.wordList, w)
			t.df = append(t.df, 0)
		}
	}
	if !found && e.cjk != 0 {
		t.terms = append(t.terms, termKey{cjk: e.cjk})
		t.df = append(t.df, 0)
	}
	t.df[id]++
	if t.n%chunkLen == 0 {
		t.chunks = append(t.chunks, make([]flatPosting, 0, chunkLen))
	}
	tf := &e.st.tf
	fp := flatPosting{term: id, mask: e.st.mask}
	if max(tf[0], tf[1], tf[2], tf[3]) < tfOverflow {
		fp.tf = [numFields]uint8{uint8(tf[0]), uint8(tf[1]), uint8(tf[2]), uint8(tf[3])}
	} else {
		fp.tf = [numFields]uint8{tfOverflow, tfOverflow, tfOverflow, tfOverflow}
		t.overflow[[2]int32{id, doc}] = e.st
	}
	c := &t.chunks[len(t.chunks)-1]
	*c = append(*c, fp)
	t.n++
}

// gatherBatch is how many documents are tokenized before their postings are
// added to the lists: enough to keep both cores busy, few enough that the
// tokenized form of the whole site is never held at once.
const gatherBatch = 512

// gatherAll tokenizes the documents batch by batch, each batch in parallel,
// then adds the postings of partitions lo to hi-1 to the lists, one
// goroutine per partition; the other partitions stay nil.
func gatherAll(docs []Doc, lo, hi int) *gathered {
	g := &gathered{lens: make([][numFields]int, len(docs))}
	for p := lo; p < hi; p++ {
		g.parts[p] = &termLists{han: make([]int32, hanUnigrams), words: make(map[string]int32), docEnd: make([]int, len(docs)), overflow: make(map[[2]int32]termStat)}
	}
	workers := runtime.GOMAXPROCS(0)
	free := make(chan *analyzer, workers)
	for range workers {
		free <- newAnalyzer()
	}
	stats := make([]docStats, min(gatherBatch, len(docs)))
	for first := 0; first < len(docs); first += gatherBatch {
		n := min(gatherBatch, len(docs)-first)
		parallel.For(n, workers, func(i int) {
			a := <-free
			a.analyze(docs[first+i], &stats[i])
			free <- a
		})
		parallel.For(hi-lo, workers, func(p int) {
			p += lo
			t := g.parts[p]
			for i := range n {
				ents := stats[i].parts[p]
				for j := range ents {
					t.add(&ents[j], &stats[i], int32(first+i))
				}
				t.docEnd[first+i] = t.n
			}
		})
		for i := range n {
			g.lens[first+i] = stats[i].lens
		}
	}
	return g
}

// roundPages is about how many pages' postings Build holds at once: a site
// with more is tokenized once per round, each round gathering and encoding
// some of the partitions, so a big site's peak memory is that of
// roundPages pages (some 120 MB) at the cost of tokenizing again.
const roundPages = 20000

// gatherRounds is how many rounds Build takes for n documents: at most
// partitions, so every round has a partition.
func gatherRounds(n int) int { return min(partitions, max(1, (n+roundPages-1)/roundPages)) }
