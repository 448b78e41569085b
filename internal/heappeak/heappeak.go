// Package heappeak watches the Go heap while a benchmark runs and reports
// the most it held, for benchmarks that state a memory figure (peak-MB in
// generator's BenchmarkBuild, peak-heap-bytes in search's BenchmarkSearchBuild10k).
// A sample every few milliseconds misses short spikes, so the figures are a
// floor of the true peak; GNU time's maximum resident set size is the
// figure for a whole process.
package heappeak

import (
	"runtime/metrics"
	"sync"
	"time"
)

// Sample is the heap at one moment, in bytes.
type Sample struct {
	Objects uint64 // objects, live and not yet swept
	InUse   uint64 // Objects plus the free space of spans in use (as MemStats.HeapInuse): what the process's memory follows
	Live    uint64 // what the last collection found live
}

// Read samples the heap now.
func Read() Sample {
	s := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
	metrics.Read(s)
	objects := s[0].Value.Uint64()
	return Sample{Objects: objects, InUse: objects + s[1].Value.Uint64(), Live: s[2].Value.Uint64()}
}

// Watch samples the heap every interval until the returned stop is called,
// which takes a last sample and returns the most of each figure seen, and
// the sample taken when Watch was called.
func Watch(every time.Duration) (stop func() (peak, start Sample)) {
	start := Read()
	peak := start
	var mu sync.Mutex
	raise := func() {
		s := Read()
		mu.Lock()
		peak.Objects, peak.InUse, peak.Live = max(peak.Objects, s.Objects), max(peak.InUse, s.InUse), max(peak.Live, s.Live)
		mu.Unlock()
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				raise()
			}
		}
	})
	return func() (Sample, Sample) {
		close(done)
		wg.Wait()
		raise()
		return peak, start
	}
}
