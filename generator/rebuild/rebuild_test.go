package rebuild

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"zhinan/generator"
	"zhinan/generator/diag"
	"zhinan/generator/watch"
)

// fakeSource is a watcher the test drives by hand.
type fakeSource struct {
	batches chan watch.Batch
	errs    chan error
}

func newSource() *fakeSource {
	return &fakeSource{batches: make(chan watch.Batch), errs: make(chan error, 1)}
}

func (f *fakeSource) Batches() <-chan watch.Batch { return f.batches }
func (f *fakeSource) Errors() <-chan error        { return f.errs }

// recorder wraps a real Builder and records the Changes it was asked for.
type recorder struct {
	b       *generator.Builder
	changes []generator.Change
}

func (r *recorder) Build(ch generator.Change) (*generator.Result, diag.List) {
	r.changes = append(r.changes, ch)
	return r.b.Build(ch)
}

func write(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// loop runs a Loop over a fresh site and returns the source, the channel of
// rebuilds, the recorder and a stop function.
func loop(t *testing.T, root string) (*fakeSource, chan Rebuild, chan error, *recorder) {
	src := newSource()
	got := make(chan Rebuild, 10)
	watchErrs := make(chan error, 10)
	rec := &recorder{b: generator.NewBuilder(generator.Options{Src: root})}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		Loop{Source: src, Builder: rec, Apply: func(r Rebuild) { got <- r },
			WatchError: func(err error) { watchErrs <- err }}.Run(ctx)
	}()
	t.Cleanup(func() { cancel(); <-done })
	return src, got, watchErrs, rec
}

func next(t *testing.T, got chan Rebuild) Rebuild {
	t.Helper()
	select {
	case r := <-got:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("no rebuild")
	}
	return Rebuild{}
}

func page(t *testing.T, r Rebuild, name string) string {
	t.Helper()
	if r.Result == nil {
		t.Fatalf("no site: %v", r.Diags)
	}
	b, err := r.Result.File(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(b)
}

// A batch whose events were partly lost (Rescan) but that names some files
// must read every file again: the one whose event was lost too.
func TestRescanWithPathsReadsEverything(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/_index.md", "# 首页\n")
	write(t, root, "content/a.md", "# A\n\n甲一\n")
	write(t, root, "content/b.md", "# B\n\n乙一\n")
	src, got, _, rec := loop(t, root)
	next(t, got)

	write(t, root, "content/a.md", "# A\n\n甲二\n")
	write(t, root, "content/b.md", "# B\n\n乙二，事件丢失了\n") // its event was lost
	src.batches <- watch.Batch{Paths: []string{"content/a.md"}, Rescan: true}
	r := next(t, got)
	if !strings.Contains(page(t, r, "a/index.html"), "甲二") {
		t.Error("a.md, named in the batch, was not rebuilt")
	}
	if !strings.Contains(page(t, r, "b/index.html"), "乙二") {
		t.Error("b.md, whose event was lost, is stale after a Rescan batch")
	}
	if last := rec.changes[len(rec.changes)-1]; !last.All || !slices.Equal(last.Paths, []string{"content/a.md"}) {
		t.Errorf("Change for a Rescan batch = %+v, want All with the batch's paths", last)
	}
	if !rec.changes[0].All {
		t.Errorf("first build's Change = %+v, want All", rec.changes[0])
	}
}

// A broken link on one page does not stop another page from updating; the
// problem comes back as a diagnostic with the site.
func TestOnePageProblemDoesNotStopOthers(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/_index.md", "# 首页\n")
	write(t, root, "content/a.md", "# A\n\n正文\n")
	write(t, root, "content/b.md", "# B\n\n旧\n")
	src, got, _, _ := loop(t, root)
	next(t, got)

	write(t, root, "content/a.md", "# A\n\n见[未写的页](todo.md)\n")
	src.batches <- watch.Batch{Paths: []string{"content/a.md"}}
	r := next(t, got)
	if r.Result == nil || len(r.Diags) != 1 || !strings.HasPrefix(r.Diags[0].String(), "content/a.md:3:") ||
		!strings.Contains(r.Diags[0].Msg, `broken link "todo.md"`) {
		t.Fatalf("after a broken link: result %v, diags %v", r.Result != nil, r.Diags)
	}
	write(t, root, "content/b.md", "# B\n\n新\n")
	src.batches <- watch.Batch{Paths: []string{"content/b.md"}}
	r = next(t, got)
	if !strings.Contains(page(t, r, "b/index.html"), "新") {
		t.Error("b.md did not update while a.md has a broken link")
	}
	if a := page(t, r, "a/index.html"); !strings.Contains(a, `class="broken-link"`) {
		t.Errorf("the broken link is not marked in a's page:\n%s", a)
	}
	if got := Summary(r); !strings.HasSuffix(got, ": 1 error") {
		t.Errorf("Summary = %q, want it to count the error", got)
	}
}

func TestWatchErrorsReachTheCallback(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/_index.md", "# 首页\n")
	src, got, errs, _ := loop(t, root)
	next(t, got)
	src.errs <- errors.New("watch: content/x: no space left on device")
	select {
	case err := <-errs:
		if !strings.Contains(err.Error(), "no space left") {
			t.Errorf("WatchError got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the watcher's error never reached WatchError")
	}
}

func TestStylesheetOnlyChange(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/_index.md", "# 首页\n")
	write(t, root, "templates/assets/site.css", "body{color:blue}")
	src, got, _, _ := loop(t, root)
	next(t, got)
	write(t, root, "templates/assets/site.css", "body{color:red}")
	src.batches <- watch.Batch{Paths: []string{"templates/assets/site.css"}}
	if r := next(t, got); !slices.Equal(r.CSS, []string{"assets/site.css"}) {
		t.Errorf("CSS = %q after a stylesheet edit", r.CSS)
	}
	write(t, root, "zhinan.yaml", "titel: x\n") // a site-wide problem
	src.batches <- watch.Batch{Paths: []string{"zhinan.yaml"}}
	if r := next(t, got); r.Result != nil || !r.Diags.HasErrors() {
		t.Fatalf("bad settings: result %v, diags %v", r.Result != nil, r.Diags)
	}
	write(t, root, "templates/assets/site.css", "body{color:green}")
	src.batches <- watch.Batch{Paths: []string{"templates/assets/site.css"}}
	if r := next(t, got); r.CSS != nil {
		t.Errorf("a stylesheet edit while the settings are broken gave CSS %q", r.CSS)
	}
	write(t, root, "zhinan.yaml", "title: x\n")
	src.batches <- watch.Batch{Paths: []string{"zhinan.yaml"}}
	if r := next(t, got); r.Result == nil || r.CSS != nil {
		t.Errorf("fixed settings: result %v, CSS %q", r.Result != nil, r.CSS)
	}
	write(t, root, "templates/assets/site.css", "body{color:gray}")
	src.batches <- watch.Batch{Paths: []string{"templates/assets/site.css"}}
	if r := next(t, got); !slices.Equal(r.CSS, []string{"assets/site.css"}) {
		t.Errorf("CSS = %q after the fix", r.CSS)
	}
}

func TestChangedStyles(t *testing.T) {
	old := map[string][]byte{"index.html": []byte("a"), "assets/site.css": []byte("x"), "assets/old.css": nil}
	tests := []struct {
		new  map[string][]byte
		want []string
	}{
		{map[string][]byte{"index.html": []byte("a"), "assets/site.css": []byte("y"), "assets/old.css": nil}, []string{"assets/site.css"}},
		{map[string][]byte{"index.html": []byte("a"), "assets/site.css": []byte("x")}, []string{"assets/old.css"}},
		{map[string][]byte{"index.html": []byte("b"), "assets/site.css": []byte("y"), "assets/old.css": nil}, nil},
		{map[string][]byte{"assets/site.css": []byte("y"), "assets/old.css": nil}, nil},
		{map[string][]byte{"index.html": []byte("a"), "assets/site.css": []byte("x"), "assets/old.css": nil, "new.js": nil}, nil},
	}
	for i, tt := range tests {
		if got := changedStyles(old, tt.new); !slices.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
			t.Errorf("%d: changedStyles = %q, want %q", i, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	var l diag.List
	l.Add("content/a.md", 1, 1, "x")
	l.Warn("content/b.md", 1, 1, "y")
	batch := watch.Batch{Paths: []string{"content/a.md", "content/b.md", "content/c.md"}}
	res := &generator.Result{Pages: 42, Rendered: 2}
	for _, tt := range []struct {
		r    Rebuild
		want string
	}{
		{Rebuild{First: true, Result: res, Took: 130 * time.Millisecond}, "built 42 pages in 130 ms"},
		{Rebuild{Batch: batch, Result: res, Took: 12 * time.Millisecond}, "content/a.md and 2 more: 2 of 42 pages re-rendered in 12 ms"},
		{Rebuild{Batch: batch, Result: res, Diags: l, Took: 12 * time.Millisecond}, "content/a.md and 2 more: 2 of 42 pages re-rendered in 12 ms: 1 error, 1 warning"},
		{Rebuild{Batch: watch.Batch{Paths: []string{"templates/assets/site.css"}}, Result: res, CSS: []string{"assets/site.css"}, Took: 9 * time.Millisecond},
			"templates/assets/site.css: stylesheet updated in 9 ms"},
		{Rebuild{Batch: batch, Diags: l[:1], Took: 8 * time.Millisecond}, "content/a.md and 2 more: build failed in 8 ms: 1 error (the last good site stays)"},
		{Rebuild{First: true, Diags: l[:1]}, "build failed in 0 ms: 1 error"},
	} {
		if got := Summary(tt.r); got != tt.want {
			t.Errorf("Summary = %q, want %q", got, tt.want)
		}
	}
}
