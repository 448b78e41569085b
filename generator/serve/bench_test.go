package serve

import (
	"bufio"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"zhinan/generator/rebuild"
)

// writeBigSite writes a site of sections×pages pages (plus section pages).
func writeBigSite(tb testing.TB, root string, sections, pages int) {
	tb.Helper()
	put := func(rel, text string) {
		p := filepath.Join(root, "content", filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	put("_index.md", "---\ntitle: 首页\n---\n\n# 首页\n")
	for s := range sections {
		put(fmt.Sprintf("s%03d/_index.md", s), fmt.Sprintf("---\ntitle: 第 %d 部分\n---\n\nSection %d.\n", s, s))
		for p := range pages {
			put(fmt.Sprintf("s%03d/p%03d.md", s, p), benchPage(s, p, 0))
		}
	}
}

func benchPage(s, p, edit int) string {
	return fmt.Sprintf("---\ntitle: 页面 %d-%d\n---\n\n# 解散群聊 %d\n\n编辑 %d：群主可以解散群聊，成员会收到通知。"+
		"The owner can close the group; members are notified.\n\n## 数据保留\n\n聊天记录保留在成员设备上。\n\n"+
		"- 第一步\n- 第二步\n- 第三步\n", s, p, p, edit)
}

// BenchmarkServeEdit10k measures, on a 10,000-page site, the time from
// saving one page to the "reload" event reaching a connected browser
// (debounce included), and the rebuild time alone. DESIGN.md's target is
// 100 ms for the notification.
func BenchmarkServeEdit10k(b *testing.B) { benchEdit(b, 100) }

// BenchmarkServeEdit1k is the same on 1,000 pages, for a quicker signal.
func BenchmarkServeEdit1k(b *testing.B) { benchEdit(b, 10) }

func benchEdit(b *testing.B, sections int) {
	defer debug.SetGCPercent(debug.SetGCPercent(GCPercent)) // as cmd serve runs
	root := b.TempDir()
	writeBigSite(b, root, sections, 100)
	var took atomic.Int64
	start := time.Now()
	url, hub := startLoop(b, root, func(r rebuild.Rebuild) {
		took.Store(int64(r.Took))
		if len(r.Diags) > 0 {
			b.Errorf("build has problems: %v", r.Diags)
		}
	})
	b.Logf("first build of %d pages: %v", sections*101+1, time.Since(start))

	resp, err := http.Get(url + EventsPath)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- name
			}
		}
	}()
	for hub.Subscribers() == 0 {
		time.Sleep(time.Millisecond)
	}
	page := filepath.Join(root, "content", "s005", "p050.md")
	var notify, build []float64
	b.ResetTimer()
	for i := range b.N {
		t0 := time.Now()
		if err := os.WriteFile(page, []byte(benchPage(5, 50, i+1)), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case name := <-events:
			if name != "reload" {
				b.Fatalf("event %q, want reload", name)
			}
		case <-time.After(5 * time.Minute):
			b.Fatal("no reload event within 5 minutes")
		}
		notify = append(notify, ms(time.Since(t0)))
		build = append(build, ms(time.Duration(took.Load())))
	}
	b.StopTimer()
	b.ReportMetric(median(notify), "notify-ms-median")
	b.ReportMetric(median(build), "rebuild-ms-median")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
