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

// limitMemory gives a one-shot build (build, check) a soft memory limit of a
// quarter of the machine's memory, unless the environment sets
// GOMEMLIMIT. Below it the collector runs as usual (GOGC: a heap up to twice
// the live data); near it the collector runs more often, so a site too big
// for the machine costs more CPU time instead of swapping or being killed.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	if total := physicalMemory(); total > 0 {
		debug.SetMemoryLimit(int64(total / 4))
	}
}
