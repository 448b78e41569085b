package serve

import (
	"strings"
	"time"

	"zhinan/generator"
)

// Debounce is how long the preview waits for more changes after one. A save,
// even a write-temp-then-rename one, is a few events within a millisecond or
// two, and every millisecond waited here is one more before the browser
// shows the change; a burst of writes still comes as one or two rebuilds.
const Debounce = 10 * time.Millisecond

// GCPercent is the garbage collector setting serve runs with (the Go default
// is 100). A rebuild allocates a fresh site graph while the last one is still
// served; collecting less often spends memory, which a preview can afford, to
// answer a save sooner. cmd serve and the benchmark set it alike.
const GCPercent = 400

// Builder adapts a generator.Builder to the preview: after the first build
// (which makes every file, so the editor sees every problem at once), a
// change to content only prepares the site (generator.Builder.Prepare) and
// pages are made when a browser asks for them. A change to templates or
// settings still makes every page, because it can break any of them. This is
// what lets a save on a site of thousands of pages reach the browser at once.
type Builder struct {
	B *generator.Builder
}

// Build makes every file.
func (b Builder) Build() (*generator.Result, error) { return b.B.Build() }

// BuildChanged rebuilds after the given paths changed (none: the first build).
func (b Builder) BuildChanged(paths []string) (*generator.Result, error) {
	if len(paths) == 0 || !contentOnly(paths) {
		return b.B.Build()
	}
	return b.B.PrepareChanged(paths)
}

// contentOnly reports whether every path is under content/.
func contentOnly(paths []string) bool {
	for _, p := range paths {
		if !strings.HasPrefix(p, "content/") {
			return false
		}
	}
	return true
}
