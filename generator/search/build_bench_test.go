package search

import (
	"runtime"
	"testing"
	"time"

	"zhinan/internal/heappeak"
)

// BenchmarkSearchBuild10k measures what Build costs at 10,000 pages: time,
// CPU, allocations (-benchmem) and its memory at the peak, sampled every five
// milliseconds while it runs, above the heap before it: peak-heap-bytes is
// the heap in use (live objects and garbage not yet collected, what the
// process's memory follows), peak-live-bytes the most a GC found live.
// Both count the finished files Build returns.
//
//	go test ./generator/search -run '^$' -bench SearchBuild10k -benchtime 3x -benchmem
func BenchmarkSearchBuild10k(b *testing.B) {
	docs := corpus10k()
	var cpu time.Duration
	var peak struct{ inUse, live uint64 }
	runs := 0
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		stop := heappeak.Watch(5 * time.Millisecond)
		b.StartTimer()
		cpu0 := cpuTime()
		files := Build(docs)
		cpu += cpuTime() - cpu0
		b.StopTimer()
		runtime.GC() // the files returned are live: count them
		p, start := stop()
		b.StartTimer()
		peak.inUse = max(peak.inUse, p.Objects-min(start.Objects, p.Objects))
		peak.live = max(peak.live, p.Live-min(start.Live, p.Live))
		runtime.KeepAlive(files)
		runs++
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(runs), "cpu-ns/op")
	b.ReportMetric(float64(peak.inUse), "peak-heap-bytes")
	b.ReportMetric(float64(peak.live), "peak-live-bytes")
}
