package generator

import (
	"strings"
	"testing"

	"zhinan/generator/corpus"
)

// BenchmarkPages runs the templates of every HTML page of a 1,000-page
// synthetic site (package corpus), as Write does but without writing: the
// cost of the theme alone, per page.
//
//	go test ./generator -run '^$' -bench Pages -benchmem -cpuprofile cpu.out
func BenchmarkPages(b *testing.B) {
	src := b.TempDir()
	if err := corpus.WriteShape(src, corpus.Small, 1000, 1); err != nil {
		b.Fatal(err)
	}
	res, diags := NewBuilder(Options{Src: src}).Build(All)
	if len(diags) > 0 {
		b.Fatal(diags)
	}
	var pages []string
	for name := range res.out.jobs {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		}
	}
	b.ReportAllocs()
	var bytes int
	for b.Loop() {
		bytes = 0
		for _, name := range pages {
			page, err := res.out.file(name, false)
			if err != nil {
				b.Fatal(err)
			}
			bytes += len(page)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
	b.ReportMetric(float64(bytes)/float64(len(pages))/1000, "kB/page")
}
