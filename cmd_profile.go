package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
)

// startProfiles starts a CPU profile into cpu and arranges a heap profile
// into mem, each when its name is not empty, for `zhinan build -cpuprofile
// -memprofile`. The returned stop ends both and must run before the command
// returns; it reports a profile it could not write on standard error, since
// the build itself went well.
func startProfiles(cpu, mem string) (stop func(), err error) {
	var cpuFile *os.File
	if cpu != "" {
		if cpuFile, err = os.Create(cpu); err != nil {
			return nil, err
		}
		if err = pprof.StartCPUProfile(cpuFile); err != nil {
			cpuFile.Close()
			return nil, fmt.Errorf("-cpuprofile: %w", err)
		}
	}
	return func() {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			if err := cpuFile.Close(); err != nil {
				fmt.Fprintln(os.Stderr, "zhinan: -cpuprofile:", err)
			}
		}
		if mem == "" {
			return
		}
		f, err := os.Create(mem)
		if err == nil {
			runtime.GC() // the profile's in-use figures are as of the last GC
			err = pprof.Lookup("allocs").WriteTo(f, 0)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "zhinan: -memprofile:", err)
		}
	}, nil
}

// Memory of a one-shot build (build, check). Go's collector lets the heap
// grow to twice the live data (GOGC=100); at the peak of a build (the search
// index made while pages are written) a page of the synthetic corpus holds
// about 25 kB, so 50,000 pages would take 3 GB where 1.25 GB are live. A soft
// memory limit makes the collector run more often as the heap nears it,
// which costs little CPU time when the live data is well below it.
const (
	memoryFloor   = 1536 << 20 // the soft limit of a small site
	memoryPerPage = 32 << 10   // the limit grows by this per page, so a big site's live data stays well below it
)

// limitMemory sets the soft memory limit for a build of pages pages:
// memoryPerPage times pages, at least memoryFloor, at most half the
// machine's memory, unless the environment sets GOMEMLIMIT.
func limitMemory(pages int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	limit := max(int64(memoryFloor), int64(memoryPerPage)*int64(pages))
	if total := physicalMemory(); total > 0 {
		limit = min(limit, int64(total/2))
	}
	debug.SetMemoryLimit(limit)
}
