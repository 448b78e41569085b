package watch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// limitAfter is a watch adder that fails as a full inotify table does once
// n watches were added.
func limitAfter(n int32) func(*fsnotify.Watcher, string) error {
	var added atomic.Int32
	return func(w *fsnotify.Watcher, p string) error {
		if added.Add(1) > n {
			return &os.PathError{Op: "inotify_add_watch", Path: p, Err: syscall.ENOSPC}
		}
		return w.Add(p)
	}
}

// waitChange waits for a batch naming rel.
func waitChange(t *testing.T, w *Watcher, rel string) Batch {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case b := <-w.Batches():
			if slices.Contains(b.Paths, rel) {
				return b
			}
		case <-deadline:
			t.Fatalf("no batch with %s", rel)
		}
	}
}

func waitError(t *testing.T, w *Watcher, want string) {
	t.Helper()
	select {
	case err := <-w.Errors():
		if !strings.Contains(err.Error(), want) {
			t.Errorf("watcher error %q, want it to say %q", err, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the watcher said nothing about falling back")
	}
}

// When the system runs out of watches at the start, the watcher says so
// and scans instead: changes are still seen.
func TestFallbackToPollingAtStart(t *testing.T) {
	root := site(t)
	os.MkdirAll(filepath.Join(root, "content", "a", "b"), 0o755)
	w, err := newWatcher(root, Options{Debounce: 20 * time.Millisecond}, limitAfter(2))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	waitError(t, w, "scanning for changes every 500ms instead")
	write(t, root, "content/a/b/deep.md", "# deep")
	waitChange(t, w, "content/a/b/deep.md")
}

// When a folder made later cannot be watched, the watcher falls back to
// scanning, asks for a full rebuild (events may have been missed), and
// goes on reporting changes.
func TestFallbackToPollingLater(t *testing.T) {
	root := site(t)
	w, err := newWatcher(root, Options{Debounce: 20 * time.Millisecond}, limitAfter(int32(len(DefaultDirs)+1+countDirs(t, root))))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	os.MkdirAll(filepath.Join(root, "content", "new"), 0o755)
	waitError(t, w, "content/new")
	deadline := time.After(10 * time.Second)
	for rescan := false; !rescan; {
		select {
		case b := <-w.Batches():
			rescan = b.Rescan
		case <-deadline:
			t.Fatal("no Rescan batch after falling back")
		}
	}
	write(t, root, "content/new/page.md", "# new")
	waitChange(t, w, "content/new/page.md")
}

// countDirs counts the folders under content/ and templates/ of the test site.
func countDirs(t *testing.T, root string) int {
	n := 0
	for _, d := range DefaultDirs {
		filepath.WalkDir(filepath.Join(root, d), func(p string, e os.DirEntry, err error) error {
			if err == nil && e.IsDir() && p != filepath.Join(root, d) {
				n++
			}
			return nil
		})
	}
	return n
}
