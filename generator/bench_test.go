package generator_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"zhinan/generator"
	"zhinan/generator/corpus"
	"zhinan/internal/heappeak"
)

// BenchmarkBuild is a cold build of a synthetic site (package corpus) of
// every shape from disk, written to an output folder, as "zhinan build"
// does. It reports pages/s, peak-MB, the most heap in use seen while
// building, out-MB, the bytes written, and max-page-kB, the heaviest HTML
// page of the site.
//
//	go test ./generator -run '^$' -bench 'Build/shape=huge/pages=10000' -benchmem
func BenchmarkBuild(b *testing.B) {
	for _, shape := range corpus.Shapes {
		for _, n := range []int{1000, 10000} {
			b.Run(fmt.Sprintf("shape=%s/pages=%d", shape, n), func(b *testing.B) { benchBuild(b, shape, n) })
		}
	}
}

func benchBuild(b *testing.B, shape corpus.Shape, n int) {
	src, out := b.TempDir(), filepath.Join(b.TempDir(), "public")
	if err := corpus.WriteShape(src, shape, n, 1); err != nil {
		b.Fatal(err)
	}
	var peak uint64
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		runtime.GC() // the last iteration's garbage must not count
		stop := heappeak.Watch(2 * time.Millisecond)
		b.StartTimer()
		// What "zhinan build" does: build, then make and write each
		// file as it comes.
		res, diags := generator.NewBuilder(generator.Options{Src: src, Once: true}).Build(generator.All)
		if len(diags) > 0 {
			b.Fatal(diags)
		}
		if err := res.Write(out, false); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		p, _ := stop()
		peak = max(peak, p.InUse)
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	total, heaviest := outputSize(b, out)
	b.ReportMetric(float64(total)/(1<<20), "out-MB")
	b.ReportMetric(float64(heaviest)/1000, "max-page-kB")
}

// outputSize is the bytes of every file under dir and of the biggest .html.
func outputSize(b *testing.B, dir string) (total, heaviest int64) {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += info.Size()
		if strings.HasSuffix(p, ".html") {
			heaviest = max(heaviest, info.Size())
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return total, heaviest
}

// BenchmarkRebuildOneEdit is the rebuild after one page's body changed on a
// warm 10,000-page site: what "serve" and "watch" do on a save. Only the
// edited page is rendered again (the rest comes from the cache).
func BenchmarkRebuildOneEdit(b *testing.B) {
	const n = 10000
	src := b.TempDir()
	if err := corpus.Write(src, n, 1); err != nil {
		b.Fatal(err)
	}
	bld := generator.NewBuilder(generator.Options{Src: src})
	if _, diags := bld.Build(generator.All); len(diags) > 0 {
		b.Fatal(diags)
	}
	pages, _ := filepath.Glob(filepath.Join(src, "content", "s001", "p*.md"))
	if len(pages) == 0 {
		b.Fatal("no pages in content/s001")
	}
	page := pages[len(pages)/2]
	rel := "s001/" + filepath.Base(page)
	orig, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	edits := 0
	b.ResetTimer()
	for b.Loop() {
		edits++
		b.StopTimer()
		edited := fmt.Appendf(append([]byte(nil), orig...), "\n修改第 %d 次：群主已经解散群聊。\n", edits)
		if err := os.WriteFile(page, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, diags := bld.Build(generator.Change{Paths: []string{"content/" + rel}})
		if len(diags) > 0 {
			b.Fatal(diags)
		}
		if res.Rendered != 1 {
			b.Fatalf("rendered %d pages after one edit, want 1", res.Rendered)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/rebuild")
}
