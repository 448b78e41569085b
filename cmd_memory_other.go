//go:build !linux

package main

// physicalMemory is the machine's memory in bytes, 0 when unknown: only
// Linux says so without cgo here, so elsewhere builds have no memory limit.
func physicalMemory() uint64 { return 0 }
