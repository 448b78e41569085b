package generator_test

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"zhinan/generator"
	"zhinan/generator/corpus"
	"zhinan/generator/search"
)

// BenchmarkFirstQuery builds a synthetic site (package corpus, 10,000
// pages of every shape) and reports what a reader downloads for a first
// query, the two search scripts included, as a build writes them: the
// median and the most over the 20 commonest two-character words of page
// titles (what readers type), and the most over the 5 commonest Latin
// words typed as a prefix (the last word of a query also matches the
// words it begins). DESIGN.md's promise is under 100 kB.
//
//	go test ./generator -run '^$' -bench FirstQuery -benchtime 1x
func BenchmarkFirstQuery(b *testing.B) {
	for _, shape := range corpus.Shapes {
		b.Run(fmt.Sprintf("shape=%s/pages=10000", shape), func(b *testing.B) {
			fsys := fstest.MapFS{}
			for name, data := range corpus.ShapeFiles(shape, 10000, 1) {
				fsys[name] = &fstest.MapFile{Data: data}
			}
			var files map[string][]byte
			for b.Loop() {
				_, f, diags := generator.BuildFiles(generator.Options{FS: fsys, Once: true})
				if diags.HasErrors() {
					b.Fatal(diags)
				}
				files = f
			}
			index := fstest.MapFS{}
			var titles []string
			for name, data := range files {
				if strings.HasPrefix(name, "search/") {
					index[name] = &fstest.MapFile{Data: data}
				}
			}
			scripts := len(files["assets/search-core.js"]) + len(files["assets/search.js"])
			for _, name := range slices.Sorted(maps.Keys(fsys)) {
				if strings.HasSuffix(name, ".md") {
					if _, t, ok := strings.Cut(string(fsys[name].Data), "\ntitle: "); ok {
						titles = append(titles, strings.SplitN(t, "\n", 2)[0])
					}
				}
			}
			cjk, latin := commonWords(titles)
			first := func(q string) int {
				ix, err := search.Open(index)
				if err != nil {
					b.Fatal(err)
				}
				ix.Search(q, 10)
				_, n := ix.Read()
				return scripts + n
			}
			var sizes []int
			worst, worstQ := 0, ""
			for _, q := range cjk[:min(20, len(cjk))] {
				n := first(q)
				sizes = append(sizes, n)
				if n > worst {
					worst, worstQ = n, q
				}
			}
			slices.Sort(sizes)
			b.ReportMetric(float64(sizes[len(sizes)/2])/1000, "median-kB")
			b.ReportMetric(float64(worst)/1000, "max-kB")
			prefixWorst, prefixQ := 0, ""
			for _, q := range latin[:min(5, len(latin))] {
				if n := first(q[:max(2, len(q)-1)]); n > prefixWorst {
					prefixWorst, prefixQ = n, q[:max(2, len(q)-1)]
				}
			}
			if len(latin) > 0 { // some shapes' titles have no Latin words
				b.ReportMetric(float64(prefixWorst)/1000, "prefix-max-kB")
			}
			b.Logf("heaviest word %q %d B, heaviest prefix %q %d B", worstQ, worst, prefixQ, prefixWorst)
		})
	}
}

// commonWords lists the two-character Chinese words and the Latin words of
// texts by how many texts hold them, most first.
func commonWords(texts []string) (cjk, latin []string) {
	df := map[string]int{}
	for _, text := range texts {
		seen := map[string]bool{}
		for _, tok := range search.Tokenize(text) {
			w := tok.Text
			two := utf8.RuneCountInString(w) == 2 && w[0] >= 0x80
			word := w[0] < 0x80 && len(w) >= 3
			if (two || word) && !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	byDF := slices.SortedFunc(maps.Keys(df), func(a, b string) int { return cmp.Or(df[b]-df[a], strings.Compare(a, b)) })
	for _, w := range byDF {
		if w[0] >= 0x80 {
			cjk = append(cjk, w)
		} else {
			latin = append(latin, w)
		}
	}
	return cjk, latin
}
