// Package parallel runs a loop body over many indices on all cores. The
// pipeline's stages are pure functions of their inputs, so each writes only
// its own slot of a result slice and needs no locking.
package parallel

import (
	"runtime"
	"sync"
)

// For calls f(i) for every i in [0, n), on workers goroutines (all cores
// when workers <= 0), and returns when all calls have returned.
func For(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
