package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher. The zero value is ready to use.
type Options struct {
	Debounce time.Duration // quiet period that ends a batch; 100 ms when 0
	MaxWait  time.Duration // longest a batch is held while events keep coming; 1 s when 0
	Poll     time.Duration // when > 0, scan every Poll instead of using fsnotify

	// What is watched, relative to the root. The caller gives the site's
	// folder of pages (zhinan.yaml's content:, "." for the whole root);
	// nil Dirs and Files mean the defaults: content and templates,
	// zhinan.yaml and SUMMARY.md.
	Dirs  []string // folders watched recursively
	Files []string // single files
	// Skip lists folders (slash paths relative to the root) never watched,
	// however Dirs reads: the output folder, which every build rewrites,
	// and which a watcher of "." would otherwise see as a change to build
	// again, forever.
	Skip []string
}

// The defaults of Options.Dirs and Files.
var (
	DefaultDirs  = []string{"content", "templates"}
	DefaultFiles = []string{"zhinan.yaml", "SUMMARY.md"}
)

// Batch is a set of changes delivered together.
type Batch struct {
	Paths  []string // sorted, unique slash paths relative to the root
	Rescan bool     // events were lost: treat everything as changed
}

// String names the first path and how many more there are:
// "content/a.md and 2 more".
func (b Batch) String() string {
	switch {
	case len(b.Paths) == 0 && b.Rescan:
		return "(events lost, full rebuild)"
	case len(b.Paths) == 0:
		return "(nothing)"
	case len(b.Paths) == 1:
		return b.Paths[0]
	}
	return fmt.Sprintf("%s and %d more", b.Paths[0], len(b.Paths)-1)
}

// change is one raw event, from fsnotify or the poller.
type change struct {
	rel     string // slash path relative to the root
	created bool   // the path came into existence with this event
	rescan  bool
}

// Watcher reports changes under a site root as Batches. Create one with New
// and stop it with Close.
type Watcher struct {
	root string
	opts Options
	in   chan change
	out  chan Batch
	errs chan error
	done chan struct{}
	wg   sync.WaitGroup

	fsw     *fsnotify.Watcher  // nil when polling from the start
	dirs    map[string]bool    // absolute folders watched by fsw; only the fsnotify goroutine touches it
	add     func(string) error // adds one watch to fsw (tests make it fail)
	limited error              // set when a watch could not be added for lack of resources: poll instead

	closeOnce sync.Once
}

// FallbackPoll is how often a Watcher scans when the system's file events
// fail it (the inotify watch limit reached, say): it falls back to polling
// by itself and says so on Errors.
const FallbackPoll = 500 * time.Millisecond

// New starts watching the site at root.
func New(root string, opts Options) (*Watcher, error) { return newWatcher(root, opts, nil) }

// newWatcher is New with the function that adds one watch, for tests.
func newWatcher(root string, opts Options, add func(*fsnotify.Watcher, string) error) (*Watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(abs); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("watch: %s is not a folder", root)
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 100 * time.Millisecond
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = time.Second
	}
	if opts.Dirs == nil {
		opts.Dirs = DefaultDirs
	}
	if opts.Files == nil {
		opts.Files = DefaultFiles
	}
	w := &Watcher{
		root: abs,
		opts: opts,
		in:   make(chan change, 256),
		out:  make(chan Batch),
		errs: make(chan error, 8),
		done: make(chan struct{}),
		dirs: map[string]bool{},
	}
	if add == nil {
		add = (*fsnotify.Watcher).Add
	}
	switch {
	case opts.Poll > 0:
		w.startPolling()
	default:
		if w.fsw, err = fsnotify.NewBufferedWatcher(1024); err != nil {
			w.fallBack(err)
			break
		}
		w.add = func(p string) error { return add(w.fsw, p) }
		if err := w.add(abs); err != nil {
			w.limited = err
		}
		for _, d := range opts.Dirs {
			w.addTree(filepath.Join(abs, d), false)
		}
		if w.limited != nil {
			w.fsw.Close()
			w.fallBack(w.limited)
			break
		}
		w.wg.Add(1)
		go w.readEvents()
	}
	w.wg.Add(1)
	go w.batch()
	return w, nil
}

// startPolling starts the poller goroutine.
func (w *Watcher) startPolling() {
	p := newPoller(w)
	w.wg.Add(1)
	go p.run()
}

// fallBack says why file events cannot be used and polls instead.
func (w *Watcher) fallBack(why error) {
	w.opts.Poll = FallbackPoll
	w.report(fmt.Errorf("watch: file system events failed (%v); scanning for changes every %v instead", why, FallbackPoll))
	w.startPolling()
}

// outOfWatches reports an error that says the system has no more watches
// (inotify's max_user_watches, or open files) rather than a problem of one folder.
func outOfWatches(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE)
}

// Batches delivers the batches. It is closed after Close.
func (w *Watcher) Batches() <-chan Batch { return w.out }

// Errors delivers problems the Watcher met but survived (a folder it could
// not watch, say). Reading it is optional; errors are dropped when nobody does.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops watching and closes Batches.
func (w *Watcher) Close() error {
	var err error
	w.closeOnce.Do(func() {
		close(w.done)
		if w.fsw != nil {
			err = w.fsw.Close()
		}
		w.wg.Wait()
	})
	return err
}

func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}

func (w *Watcher) send(c change) {
	select {
	case w.in <- c:
	case <-w.done:
	}
}

// rel turns an absolute path into a watched slash path relative to the root,
// or "" when the path is not watched or is ignored.
func (w *Watcher) rel(abs string) string {
	r, err := filepath.Rel(w.root, abs)
	if err != nil || r == "." || strings.HasPrefix(r, "..") {
		return ""
	}
	r = filepath.ToSlash(r)
	if !w.watched(r) || ignored(r) {
		return ""
	}
	return r
}

func (w *Watcher) watched(rel string) bool {
	for _, s := range w.opts.Skip {
		s = filepath.ToSlash(filepath.Clean(s))
		if s != "." && (rel == s || strings.HasPrefix(rel, s+"/")) {
			return false
		}
	}
	for _, d := range w.opts.Dirs {
		d = filepath.ToSlash(filepath.Clean(d))
		if d == "." || rel == d || strings.HasPrefix(rel, d+"/") {
			return true
		}
	}
	for _, f := range w.opts.Files {
		if rel == f {
			return true
		}
	}
	return false
}

// ignored reports editor droppings and dot-files anywhere in the path.
func ignored(rel string) bool {
	for _, seg := range strings.Split(rel, "/") {
		if ignoredName(seg) {
			return true
		}
	}
	return false
}

func ignoredName(name string) bool {
	switch {
	case name == "" || name[0] == '.':
		return true // dot-files: .x.swp, .#x, .goutputstream-*, .DS_Store, .git
	case name == "4913":
		return true // vim checks it may write the folder
	case strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"):
		return true
	case len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#':
		return true // Emacs auto-save
	case strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"):
		return true
	}
	return false
}

// addTree watches dir and every folder below it. With report set, it also
// reports every file and folder found as created: they may have appeared
// before the watch was in place.
func (w *Watcher) addTree(dir string, report bool) {
	w.walk(dir, func(p, rel string, d fs.DirEntry) {
		if d.IsDir() && !w.dirs[p] && w.limited == nil {
			if err := w.add(p); outOfWatches(err) {
				w.limited = fmt.Errorf("%s: %w", rel, err)
			} else if err != nil {
				w.report(fmt.Errorf("watch: %s: %w", rel, err))
			} else {
				w.dirs[p] = true
			}
		}
		if report && p != dir {
			w.send(change{rel: rel, created: true})
		}
	})
}

// walk calls visit for every path below dir (dir included) that the watcher
// does not ignore, skipping ignored folders whole. A folder that vanished
// meanwhile is no error; other errors are reported.
func (w *Watcher) walk(dir string, visit func(p, rel string, d fs.DirEntry)) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.report(err)
			}
			return nil
		}
		if p == w.root {
			return nil // the root itself, when Dirs holds "."
		}
		rel := w.rel(p)
		if rel == "" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		visit(p, rel, d)
		return nil
	})
}

// dropTree forgets the watches on dir and everything below it.
func (w *Watcher) dropTree(dir string) {
	prefix := dir + string(filepath.Separator)
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, prefix) {
			delete(w.dirs, d)
			w.fsw.Remove(d) // the kernel may already have dropped it
		}
	}
}

func (w *Watcher) readEvents() {
	defer w.wg.Done()
	for {
		select {
		case <-w.done:
			return
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.send(change{rescan: true})
			} else {
				w.report(err)
			}
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.handle(ev)
			if w.limited != nil {
				// A new folder could not be watched: from now on, scan.
				// What changed meanwhile is not known, so rebuild all.
				w.fsw.Close()
				w.fallBack(w.limited)
				w.send(change{rescan: true})
				return
			}
		}
	}
}

func (w *Watcher) handle(ev fsnotify.Event) {
	rel := w.rel(ev.Name)
	if rel == "" || ev.Op == fsnotify.Chmod {
		return
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.dropTree(ev.Name)
	}
	created := ev.Has(fsnotify.Create)
	w.send(change{rel: rel, created: created})
	if created {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			w.addTree(ev.Name, true)
		}
	}
}
