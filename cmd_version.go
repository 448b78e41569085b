package main

import (
	"fmt"
	"runtime/debug"
)

// runVersion prints the module version of the binary, or for a build from a
// checkout the commit it was built from.
func runVersion(args []string) int {
	fs := newFlags("version")
	if rc := parse(fs, args); rc >= 0 {
		return rc
	}
	fmt.Println("zhinan", version())
	return 0
}

// version reads the build information Go stamps into every binary.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	v := info.Main.Version
	if v != "" && v != "(devel)" {
		return v + " " + info.GoVersion
	}
	var rev, when, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = " " + s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev == "" {
		return "(devel) " + info.GoVersion
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return "(devel) " + rev + dirty + when + " " + info.GoVersion
}
