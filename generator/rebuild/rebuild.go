// Package rebuild is the loop shared by "zhinan serve" and "zhinan watch":
// build the site once, then again after every batch of changes a watcher
// reports, with the same generator.Builder (so unchanged pages come from its
// cache), handing each outcome, a Rebuild, to a callback. serve swaps the
// site in memory and tells browsers; watch writes the output folder.
//
// A batch becomes a generator.Change: its paths, and All when the watcher
// lost events (Batch.Rescan), so that a file whose event was lost is read
// again even though the batch names others. Problems the watcher meets but
// survives (a folder it cannot watch, the inotify limit) are passed to a
// callback of their own, so the editor is told.
//
// Rebuild.CSS is set when the only change was to stylesheets under
// templates/ and the only output files that changed are stylesheets, so a
// browser can swap them without reloading. Summary formats the one line
// printed per rebuild.
package rebuild

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"zhinan/generator"
	"zhinan/generator/diag"
	"zhinan/generator/watch"
)

// Builder is the part of *generator.Builder the loop uses.
type Builder interface {
	Build(generator.Change) (*generator.Result, diag.List)
}

// Source is what the loop needs of a *watch.Watcher.
type Source interface {
	Batches() <-chan watch.Batch
	Errors() <-chan error
}

// Rebuild is the outcome of one build of the loop.
type Rebuild struct {
	First  bool              // the build before any change
	Batch  watch.Batch       // what changed; empty for the first build
	Result *generator.Result // nil when a site-wide problem left nothing to show
	Diags  diag.List         // every problem of the build, errors and warnings, sorted
	// CSS, when not nil, lists the output stylesheets ("assets/site.css")
	// that are the only output files changed since the previous build,
	// which was triggered by stylesheet edits under templates/ only.
	CSS  []string
	Took time.Duration // wall time of the build
}

// Loop says what to run. Apply is called after every build; WatchError,
// when set, for every problem the watcher survived.
type Loop struct {
	Source     Source
	Builder    Builder
	Apply      func(Rebuild)
	WatchError func(error)
}

// Run builds once, then rebuilds after every batch until ctx is done or the
// source is closed. Builds run one at a time on this goroutine, so the
// Builder needs no locking.
func (l Loop) Run(ctx context.Context) {
	r := build(l.Builder, watch.Batch{}, nil, true)
	l.Apply(r)
	prev := r.Result
	batches, errs := l.Source.Batches(), l.Source.Errors()
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-errs:
			if !ok {
				errs = nil
			} else if l.WatchError != nil {
				l.WatchError(err)
			}
		case batch, ok := <-batches:
			if !ok {
				return
			}
			r := build(l.Builder, batch, prev, false)
			prev = r.Result // after a failure, the next good build reloads pages
			l.Apply(r)
		}
	}
}

// Change is what a batch means to the Builder: the first build (the zero
// Batch) and a batch whose events were partly lost are All.
func Change(b watch.Batch, first bool) generator.Change {
	return generator.Change{Paths: b.Paths, All: first || b.Rescan}
}

func build(b Builder, batch watch.Batch, prev *generator.Result, first bool) Rebuild {
	start := time.Now()
	res, diags := b.Build(Change(batch, first))
	r := Rebuild{First: first, Batch: batch, Result: res, Diags: diags, Took: time.Since(start)}
	if res != nil && prev != nil && stylesOnly(batch) {
		r.CSS = changedStyles(prev.Assets(), res.Assets())
	}
	return r
}

// stylesOnly reports whether every change is to a stylesheet under templates/.
func stylesOnly(b watch.Batch) bool {
	if b.Rescan || len(b.Paths) == 0 {
		return false
	}
	for _, p := range b.Paths {
		if !strings.HasPrefix(p, "templates/") || !strings.HasSuffix(p, ".css") {
			return false
		}
	}
	return true
}

// changedStyles lists the theme files that differ between old and new when
// all of them are stylesheets, or returns nil. Only theme files are compared:
// when nothing but stylesheets under templates/ changed, no page can have.
func changedStyles(old, new map[string][]byte) []string {
	css := []string{}
	note := func(name string) bool {
		if !strings.HasSuffix(name, ".css") {
			return false
		}
		css = append(css, name)
		return true
	}
	for name, data := range new {
		if o, ok := old[name]; !ok || !bytes.Equal(o, data) {
			if !note(name) {
				return nil
			}
		}
	}
	for name := range old {
		if _, ok := new[name]; !ok && !note(name) {
			return nil
		}
	}
	slices.Sort(css)
	return css
}

// Summary is the one line printed for a rebuild:
//
//	built 42 pages in 130 ms
//	built 42 pages in 130 ms: 1 error, 3 warnings
//	content/a.md and 2 more: 1 of 42 pages re-rendered in 12 ms
//	templates/assets/site.css: stylesheet updated in 9 ms
//	zhinan.yaml: build failed in 8 ms: 2 errors (showing the last good site)
func Summary(r Rebuild) string {
	ms := r.Took.Milliseconds()
	var s string
	switch {
	case r.Result == nil && r.First:
		s = fmt.Sprintf("build failed in %d ms", ms)
	case r.Result == nil:
		s = fmt.Sprintf("%s: build failed in %d ms", r.Batch, ms)
	case r.First:
		s = fmt.Sprintf("built %d pages in %d ms", r.Result.Pages, ms)
	case r.CSS != nil:
		s = fmt.Sprintf("%s: stylesheet updated in %d ms", r.Batch, ms)
	default:
		s = fmt.Sprintf("%s: %d of %d pages re-rendered in %d ms", r.Batch, r.Result.Rendered, r.Result.Pages, ms)
	}
	if len(r.Diags) > 0 {
		s += ": " + r.Diags.Count()
	}
	if r.Result == nil && !r.First {
		s += " (the last good site stays)"
	}
	return s
}
