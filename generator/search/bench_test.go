package search

import (
	"cmp"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"zhinan/generator/tmpl"
)

var bench10k []Doc

func corpus10k() []Doc {
	if bench10k == nil {
		bench10k = genCorpus(corpusOptions{pages: 10000, bodyRunes: 550, seed: 10})
	}
	return bench10k
}

// bigramsByDF lists the two-character words of page bodies, most common first.
func bigramsByDF(docs []Doc) []string {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, p := range d.Parts {
			for _, t := range Tokenize(p.Text) {
				if utf8.RuneCountInString(t.Text) == 2 && !seen[t.Text] {
					seen[t.Text] = true
					df[t.Text]++
				}
			}
		}
	}
	words := slices.Collect(maps.Keys(df))
	slices.SortFunc(words, func(a, b string) int { return cmp.Or(df[b]-df[a], strings.Compare(a, b)) })
	return words
}

// firstQueryBytes is what a browser downloads for its first query: the
// client's two scripts (minified, as a build writes them), the manifest and
// every file a fresh Index reads to show n results.
func firstQueryBytes(tb testing.TB, files map[string][]byte, q string, n int) (int, []string) {
	scripts := 0
	for _, path := range []string{searchJS, searchBoxJS} {
		js, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		scripts += len(tmpl.Minify(path, js))
	}
	ix, err := Open(memFS(files))
	if err != nil {
		tb.Fatal(err)
	}
	if len(ix.Search(q, n)) == 0 {
		tb.Fatalf("query %q found nothing", q)
	}
	return scripts + ix.bytes, ix.read
}

func BenchmarkSearchIndex10k(b *testing.B) {
	docs := corpus10k()
	var files map[string][]byte
	var built, cpu time.Duration
	runs := 0
	for b.Loop() {
		start, cpu0 := time.Now(), cpuTime()
		files = Build(docs)
		built += time.Since(start)
		cpu += cpuTime() - cpu0
		runs++
	}
	b.ReportMetric(float64(built.Nanoseconds())/float64(runs), "build-ns")
	// CPU time is steadier than wall time on a machine shared with others.
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(runs), "build-cpu-ns")
	total := 0
	for _, v := range files {
		total += len(v)
	}
	words := bigramsByDF(docs)
	word := words[200] // a common word: the 200th most frequent bigram
	fq, read := firstQueryBytes(b, files, word, 10)
	text := 0
	for _, d := range docs {
		text += len(d.Title) + len(d.Section)
		for _, p := range d.Parts {
			text += len(p.Heading) + len(p.Text)
		}
	}
	b.ReportMetric(float64(text), "text-bytes")
	b.ReportMetric(float64(total), "index-bytes")
	b.ReportMetric(float64(len(files)), "index-files")
	b.ReportMetric(float64(fq), "first-query-bytes")
	b.ReportMetric(float64(len(read)), "first-query-files")
	b.Logf("query %q read %d files: %v", word, len(read), read)
	// The worst case: the most common two-character word of the corpus.
	fq, _ = firstQueryBytes(b, files, words[0], 10)
	b.ReportMetric(float64(fq), "first-query-bytes-commonest")
	b.Logf("commonest bigram %q", words[0])
}

func BenchmarkSearchQuery10k(b *testing.B) {
	docs := corpus10k()
	files := Build(docs)
	ix, err := Open(memFS(files))
	if err != nil {
		b.Fatal(err)
	}
	queries := []string{bigramsByDF(docs)[200], "wechat 设置", "wec", docs[42].Title}
	var cpu time.Duration
	for b.Loop() {
		cpu0 := cpuTime()
		for _, q := range queries {
			ix.Search(q, 10)
		}
		cpu += cpuTime() - cpu0
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(queries)), "ns/query")
	// CPU time is steadier than wall time on a machine shared with others.
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*len(queries)), "cpu-ns/query")
}
