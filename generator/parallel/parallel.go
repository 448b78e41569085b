// Package parallel runs a loop body over many indices on all cores. The
// pipeline's stages are pure functions of their inputs, so each writes only
// its own slot of a result slice and needs no locking.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// runMax is the most consecutive indices one worker takes at a time.
const runMax = 8

// For calls f(i) for every i in [0, n), on workers goroutines (all cores
// when workers <= 0), and returns when all calls have returned.
//
// A worker takes consecutive indices in runs (up to runMax, fewer when n
// is small, so the work still spreads evenly): neighbours tend to repeat
// each other's work (a page and its translation hold the same code
// blocks), and a memo of that work (markdown's highlighted code) only
// helps when the repeat comes after the first is done, not at the same
// moment on another core.
func For(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 0 {
		return
	}
	run := max(1, min(runMax, n/(16*workers)))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(int64(run))) - run
				if start >= n {
					return
				}
				for i := start; i < min(start+run, n); i++ {
					f(i)
				}
			}
		}()
	}
	wg.Wait()
}
