package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
)

// corpusOptions describe a generated corpus of Chinese guide pages.
type corpusOptions struct {
	pages     int
	bodyRunes int // about this many characters of body text per page
	seed      uint64
}

// latinWords are mixed into the Chinese text as a real guide would.
var latinWords = []string{"WeChat", "WeCom", "iOS", "Android", "Windows", "macOS", "QR", "API", "v2", "PC", "admin", "Web"}

// genCorpus writes a deterministic corpus: words of one to four characters
// drawn from 3,000 Han characters, with Zipf-distributed frequencies, in
// sentences, sections and headings.
func genCorpus(o corpusOptions) []Doc {
	rng := rand.New(rand.NewPCG(o.seed, 42))
	chars := make([]rune, 3000)
	for i := range chars {
		chars[i] = rune(0x4E00 + i*7)
	}
	charZipf := rand.NewZipf(rng, 1.1, 20, uint64(len(chars)-1))
	vocab := make([]string, 6000)
	for i := range vocab {
		n := []int{1, 2, 2, 2, 3, 4}[rng.IntN(6)]
		var b strings.Builder
		for range n {
			b.WriteRune(chars[charZipf.Uint64()])
		}
		vocab[i] = b.String()
	}
	g := &gen{rng: rng, vocab: vocab, zipf: rand.NewZipf(rng, 1.07, 5, uint64(len(vocab)-1))}
	sections := make([]string, 20)
	for i := range sections {
		sections[i] = g.words(2)
	}
	docs := make([]Doc, o.pages)
	for i := range docs {
		sec := rng.IntN(len(sections))
		docs[i] = Doc{
			URL:     fmt.Sprintf("/s%d/p%d/", sec, i),
			Title:   g.words(2 + rng.IntN(3)),
			Section: sections[sec],
			Parts:   g.parts(o.bodyRunes),
		}
	}
	return docs
}

type gen struct {
	rng   *rand.Rand
	vocab []string
	zipf  *rand.Zipf
}

func (g *gen) words(n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(g.vocab[g.zipf.Uint64()])
	}
	return b.String()
}

// parts writes about size characters split under 2 to 6 headings.
func (g *gen) parts(size int) []Part {
	n := 2 + g.rng.IntN(5)
	ps := make([]Part, n)
	for i := range ps {
		if i > 0 || g.rng.IntN(2) == 0 {
			ps[i].Heading = g.words(2)
			ps[i].Anchor = ps[i].Heading
			if i > 0 && ps[i].Anchor == ps[i-1].Anchor {
				ps[i].Anchor += fmt.Sprintf("-%d", i)
			}
		}
		ps[i].Text = g.text(size / n)
	}
	return ps
}

func (g *gen) text(size int) string {
	var b strings.Builder
	for b.Len()/3 < size {
		for range 3 + g.rng.IntN(10) {
			if g.rng.IntN(25) == 0 {
				b.WriteString(" " + latinWords[g.rng.IntN(len(latinWords))] + " ")
				continue
			}
			b.WriteString(g.vocab[g.zipf.Uint64()])
		}
		b.WriteString([]string{"，", "。", "；", "：", "。"}[g.rng.IntN(5)])
	}
	return b.String()
}

// memFS serves Build's output to Open.
func memFS(files map[string][]byte) fstest.MapFS {
	m := make(fstest.MapFS, len(files))
	for k, v := range files {
		m[k] = &fstest.MapFile{Data: v}
	}
	return m
}
