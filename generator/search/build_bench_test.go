package search

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
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
	var peak heapPeak
	runs := 0
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		stop := sampleHeap()
		b.StartTimer()
		cpu0 := cpuTime()
		files := Build(docs)
		cpu += cpuTime() - cpu0
		b.StopTimer()
		p := stop()
		b.StartTimer()
		peak.inUse, peak.live = max(peak.inUse, p.inUse), max(peak.live, p.live)
		runtime.KeepAlive(files)
		runs++
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(runs), "cpu-ns/op")
	b.ReportMetric(float64(peak.inUse), "peak-heap-bytes")
	b.ReportMetric(float64(peak.live), "peak-live-bytes")
}

type heapPeak struct{ inUse, live uint64 }

func readHeap() heapPeak {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return heapPeak{s[0].Value.Uint64(), s[1].Value.Uint64()}
}

// sampleHeap samples the heap until the returned function is called, which
// returns the highest values seen less those at the start.
func sampleHeap() func() heapPeak {
	base := readHeap()
	peak := base
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				h := readHeap()
				peak.inUse, peak.live = max(peak.inUse, h.inUse), max(peak.live, h.live)
			}
		}
	})
	return func() heapPeak {
		close(done)
		wg.Wait()
		runtime.GC() // the files returned are live: count them
		h := readHeap()
		peak.inUse, peak.live = max(peak.inUse, h.inUse), max(peak.live, h.live)
		return heapPeak{peak.inUse - min(base.inUse, peak.inUse), peak.live - min(base.live, peak.live)}
	}
}
