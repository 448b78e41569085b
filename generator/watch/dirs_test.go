package watch

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// A book whose pages are the site root itself: every file there is watched,
// the output folder never is (a build writing it must not trigger a build).
func TestWatchRootAsContent(t *testing.T) {
	for _, poll := range []time.Duration{0, 20 * time.Millisecond} {
		root := t.TempDir()
		write(t, root, "README.md", "# Book\n")
		write(t, root, "public/index.html", "old\n")
		w := start(t, root, Options{Poll: poll, Dirs: []string{".", "templates"}, Skip: []string{"public"}})
		time.Sleep(50 * time.Millisecond)
		write(t, root, "public/index.html", "new\n")
		write(t, root, "ch/01.1.md", "# 1.1\n")
		b := next(t, w)
		if !slices.Contains(b.Paths, "ch/01.1.md") || slices.ContainsFunc(b.Paths, func(p string) bool { return strings.HasPrefix(p, "public") }) {
			t.Errorf("poll %v: batch %q, want ch/01.1.md and nothing under public/", poll, b.Paths)
		}
	}
}
