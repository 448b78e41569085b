package search

import (
	"maps"
	"math"
	"runtime"
	"slices"
	"unicode/utf8"

	"zhinan/generator/parallel"
)

// encodeTerms encodes every posting list, one partition per goroutine,
// freeing each partition as it goes, into entries by partition. It also
// returns the document frequency of every word.
func encodeTerms(g *gathered) ([][]entry, map[string]int) {
	var avg [numFields]float64
	for _, l := range g.lens {
		for f := range avg {
			avg[f] += float64(l[f])
		}
	}
	for f := range avg {
		avg[f] = max(avg[f]/float64(max(len(g.lens), 1)), 1)
	}
	// A document's length normalization, once per field rather than once
	// per posting.
	norms := make([][numFields]float64, len(g.lens))
	for d, l := range g.lens {
		for f := range numFields {
			norms[d][f] = 1 - bm25B + bm25B*float64(l[f])/avg[f]
		}
	}
	encs := make([][]entry, partitions)
	dfs := make([]map[string]int, partitions)
	// One buffer for sorted postings per worker, reused across partitions.
	workers := runtime.GOMAXPROCS(0)
	bufs := make(chan []posting, workers)
	for range workers {
		bufs <- nil
	}
	parallel.For(partitions, workers, func(p int) {
		if g.parts[p] == nil {
			return // another round's
		}
		buf := <-bufs
		encs[p], dfs[p], buf = g.parts[p].encode(norms, buf)
		bufs <- buf
		g.parts[p] = nil
	})
	df := map[string]int{}
	for _, m := range dfs {
		maps.Copy(df, m)
	}
	return encs, df
}

// posting is one document's entry in a term's list: a flatPosting with
// its document in place of its term.
type posting struct {
	doc  int32
	tf   [numFields]uint8
	mask uint32
}

// encode writes the posting list of every term of t into one arena, and
// returns them as entries with the document frequency of every word.
// buf is memory to sort postings in, returned for the next partition.
func (t *termLists) encode(norms [][numFields]float64, buf []posting) ([]entry, map[string]int, []posting) {
	// Counting sort by term: start[id] is where the term's postings go; a
	// pass over the chunks in order keeps each list in doc order. Moving the
	// postings, not just indexing them, lets encodeList read each list from
	// contiguous memory.
	start := make([]int32, len(t.terms)+1)
	for id, n := range t.df {
		start[id+1] = start[id] + n
	}
	sorted := slices.Grow(buf[:0], t.n)[:t.n]
	next := slices.Clone(start[:len(t.terms)])
	i := 0
	for doc, end := range t.docEnd {
		for ; i < end; i++ {
			p := &t.chunks[i/chunkLen][i%chunkLen]
			at := &next[p.term]
			sorted[*at] = posting{int32(doc), p.tf, p.mask}
			*at++
		}
	}
	t.chunks = nil
	es := make([]entry, len(t.terms))
	df := make(map[string]int)
	var ar arena
	var scratch []byte
	for id, k := range t.terms {
		ps := sorted[start[id]:start[id+1]]
		var key []byte
		if k.cjk != 0 {
			key = ar.take(appendCJKText(scratch[:0], k.cjk))
		} else {
			w := t.wordList[k.word]
			key = ar.take(append(scratch[:0], w...))
			df[w] = len(ps)
		}
		scratch = encodeList(scratch[:0], ps, norms, t.overflow, int32(id))
		es[id] = entry{hashKey(key), key, ar.take(scratch)}
	}
	return es, df, sorted
}

// encodeList appends the posting list of term id, in doc order, as
// varint triples: doc id delta, score, part mask. overflow holds the counts
// of 255 and more (see flatPosting).
func encodeList(b []byte, ps []posting, norms [][numFields]float64, overflow map[[2]int32]termStat, id int32) []byte {
	ndocs, df := float64(len(norms)), float64(len(ps))
	idf := math.Log(1 + (ndocs-df+0.5)/(df+0.5))
	// Room for the longest triples, so the loop writes without checks.
	n := len(b)
	b = slices.Grow(b, len(ps)*3*maxVarint)
	b = b[:cap(b)]
	prev := int32(0)
	for i := range ps {
		p := &ps[i]
		c := [numFields]uint16{uint16(p.tf[0]), uint16(p.tf[1]), uint16(p.tf[2]), uint16(p.tf[3])}
		if p.tf[0] == tfOverflow {
			c = overflow[[2]int32{id, p.doc}].tf
		}
		// Σ w_f·tf_f/norm_f over the fields, in field order; a field the
		// term is not in adds 0, which changes nothing.
		norm := &norms[p.doc]
		var tf float64
		if c[fieldTitle] != 0 {
			tf += fieldWeight[fieldTitle] * float64(c[fieldTitle]) / norm[fieldTitle]
		}
		if c[fieldHeading] != 0 {
			tf += fieldWeight[fieldHeading] * float64(c[fieldHeading]) / norm[fieldHeading]
		}
		if c[fieldDesc] != 0 {
			tf += fieldWeight[fieldDesc] * float64(c[fieldDesc]) / norm[fieldDesc]
		}
		if c[fieldBody] != 0 {
			tf += fieldWeight[fieldBody] * float64(c[fieldBody]) / norm[fieldBody]
		}
		s := idf * tf * (bm25K1 + 1) / (tf + bm25K1)
		// BM25 saturates: a term said often in a short body scores almost
		// like one in the title. A page whose title, headings or
		// description hold the term is about it, so it gets a bonus that
		// does not saturate (the body has none).
		if c[fieldTitle] > 0 {
			s += idf * fieldBonus[fieldTitle]
		}
		if c[fieldHeading] > 0 {
			s += idf * fieldBonus[fieldHeading]
		}
		if c[fieldDesc] > 0 {
			s += idf * fieldBonus[fieldDesc]
		}
		n = putVarint(b, n, uint32(p.doc-prev))
		n = putVarint(b, n, fastStoredScore(s))
		n = putVarint(b, n, p.mask)
		prev = p.doc
	}
	return b[:n]
}

// appendCJKText appends the term a cjkKey stands for.
func appendCJKText(b []byte, k uint64) []byte {
	if k>>42 == 0 {
		return utf8.AppendRune(b, rune(k))
	}
	b = utf8.AppendRune(b, rune(k>>21&(1<<21-1)))
	return utf8.AppendRune(b, rune(k&(1<<21-1)))
}

// arena hands out copies of byte strings from large blocks, so the keys
// and posting lists of a partition take a few allocations, not one each.
type arena struct{ block []byte }

const arenaBlock = 256 << 10

func (a *arena) take(b []byte) []byte {
	if len(b) > arenaBlock/4 {
		return append([]byte(nil), b...)
	}
	if cap(a.block)-len(a.block) < len(b) {
		a.block = make([]byte, 0, arenaBlock)
	}
	at := len(a.block)
	a.block = append(a.block, b...)
	return a.block[at:len(a.block):len(a.block)]
}
