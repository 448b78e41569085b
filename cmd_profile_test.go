package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestLimitMemory: a build's soft memory limit is the floor for a small
// site, grows with the pages of a big one, never passes half the machine's
// memory, and is left alone when GOMEMLIMIT says otherwise.
func TestLimitMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	half := int64(physicalMemory() / 2)
	if half == 0 {
		half = math.MaxInt64
	}
	for _, c := range []struct {
		pages int
		want  int64
	}{
		{1000, memoryFloor},
		{10000, memoryFloor},
		{50000, min(50000*memoryPerPage, half)},
		{10_000_000, min(10_000_000*memoryPerPage, half)},
	} {
		limitMemory(c.pages)
		if got := debug.SetMemoryLimit(-1); got != c.want {
			t.Errorf("%d pages: limit %d MiB, want %d MiB", c.pages, got>>20, c.want>>20)
		}
	}
	t.Setenv("GOMEMLIMIT", "3GiB")
	debug.SetMemoryLimit(123 << 20)
	limitMemory(50000)
	if got := debug.SetMemoryLimit(-1); got != 123<<20 {
		t.Errorf("with GOMEMLIMIT set, limit changed to %d MiB", got>>20)
	}
}

// TestBuildProfiles: -cpuprofile and -memprofile write non-empty profiles.
func TestBuildProfiles(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1)) // build sets the process's limit
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.out"), filepath.Join(dir, "mem.out")
	if rc := run([]string{"build", "-out", filepath.Join(dir, "public"), "-cpuprofile", cpu, "-memprofile", mem}, os.Stderr); rc != 0 {
		t.Fatalf("build exited %d", rc)
	}
	for _, f := range []string{cpu, mem} {
		if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
			t.Errorf("profile %s: %v (size %v)", f, err, fi)
		}
	}
}
