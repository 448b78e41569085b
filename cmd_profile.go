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

// BuildMemoryLimit is the soft memory limit of a one-shot build (build,
// check), unless the environment sets GOMEMLIMIT. Below it the collector
// runs as usual (GOGC, heap twice the live data); near it the collector runs
// more often, so a big site's build takes some more CPU time instead of
// twice its live memory. A site whose live data alone is bigger still builds,
// with the collector taking at most about half the CPU (Go's limit).
const BuildMemoryLimit = 1536 << 20

// limitMemory applies BuildMemoryLimit unless GOMEMLIMIT is set.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(BuildMemoryLimit)
	}
}
