package watch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"zhinan/generator"
	"zhinan/generator/diag"
)

// Builder is the part of *generator.Builder the loop uses.
type Builder interface {
	Build() (*generator.Result, error)
}

// ChangeBuilder is a Builder that wants to know what changed: the loop calls
// BuildChanged with the batch's paths (none for the first build) instead of
// Build. The preview server uses it to skip work a change cannot affect.
type ChangeBuilder interface {
	BuildChanged(paths []string) (*generator.Result, error)
}

// Rebuild is the outcome of one build of the loop.
type Rebuild struct {
	First  bool              // the build before any change
	Batch  Batch             // what changed; empty for the first build
	Result *generator.Result // nil when Err is set
	Err    error             // usually a diag.List
	// CSS, when not nil, lists the output stylesheets ("assets/site.css")
	// that are the only output files changed since the previous build, which
	// was good and was triggered by stylesheet edits under templates/ only.
	CSS  []string
	Took time.Duration // wall time of the build
}

// Run builds once, then rebuilds after every batch from w until ctx is done
// or w is closed, calling apply after each build. Builds run one at a time
// on this goroutine, so b needs no locking.
func Run(ctx context.Context, w *Watcher, b Builder, apply func(Rebuild)) error {
	r := build(b, Batch{}, nil)
	r.First = true
	apply(r)
	var prev *generator.Result // the previous build, nil when it failed
	if r.Err == nil {
		prev = r.Result
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case batch, ok := <-w.Batches():
			if !ok {
				return nil
			}
			r := build(b, batch, prev)
			prev = nil
			if r.Err == nil {
				prev = r.Result
			}
			apply(r)
		}
	}
}

func build(b Builder, batch Batch, prev *generator.Result) Rebuild {
	start := time.Now()
	var res *generator.Result
	var err error
	if cb, ok := b.(ChangeBuilder); ok {
		res, err = cb.BuildChanged(batch.Paths)
	} else {
		res, err = b.Build()
	}
	r := Rebuild{Batch: batch, Result: res, Err: err, Took: time.Since(start)}
	if err != nil {
		r.Result = nil
		return r
	}
	if res == nil {
		r.Err = errors.New("build returned no result")
		return r
	}
	if prev != nil && stylesOnly(batch) {
		r.CSS = changedStyles(prev.Assets(), res.Assets())
	}
	return r
}

// stylesOnly reports whether every change is to a stylesheet under templates/.
func stylesOnly(b Batch) bool {
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
//	content/a.md and 2 more: 1 of 42 pages re-rendered in 12 ms
//	templates/assets/site.css: stylesheet updated in 9 ms
//	content/a.md: build failed with 2 problems in 8 ms
func Summary(r Rebuild) string {
	ms := r.Took.Milliseconds()
	if r.Err != nil {
		n := 1
		var l diag.List
		if errors.As(r.Err, &l) && len(l) > 0 {
			n = len(l)
		}
		what := "problem"
		if n > 1 {
			what = "problems"
		}
		if r.First {
			return fmt.Sprintf("build failed with %d %s in %d ms", n, what, ms)
		}
		return fmt.Sprintf("%s: build failed with %d %s in %d ms", r.Batch, n, what, ms)
	}
	if r.First {
		return fmt.Sprintf("built %d pages in %d ms", r.Result.Pages, ms)
	}
	if r.CSS != nil {
		return fmt.Sprintf("%s: stylesheet updated in %d ms", r.Batch, ms)
	}
	return fmt.Sprintf("%s: %d of %d pages re-rendered in %d ms", r.Batch, r.Result.Rendered, r.Result.Pages, ms)
}
