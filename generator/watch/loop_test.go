package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"zhinan/generator"
	"zhinan/generator/diag"
)

// fakeBuilder maps content/x.md to x/index.html and templates/assets/y.css
// to assets/y.css; a page containing "BROKEN" is a diagnostic.
type fakeBuilder struct{ root string }

func (f fakeBuilder) Build() (*generator.Result, error) {
	files := map[string][]byte{}
	var l diag.List
	for _, dir := range []string{"content", "templates/assets"} {
		filepath.WalkDir(filepath.Join(f.root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(f.root, p)
			rel = filepath.ToSlash(rel)
			if strings.Contains(string(data), "BROKEN") {
				l.Add(rel, 1, 1, "broken page")
			}
			if name, ok := strings.CutPrefix(rel, "templates/"); ok {
				files[name] = data
			} else {
				files[strings.TrimSuffix(strings.TrimPrefix(rel, "content/"), ".md")+"/index.html"] = data
			}
			return nil
		})
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return &generator.Result{Files: files, Pages: len(files), Rendered: 1}, nil
}

func TestRun(t *testing.T) {
	root := site(t)
	w := start(t, root, Options{Debounce: 20 * time.Millisecond})
	got := make(chan Rebuild, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- Run(ctx, w, fakeBuilder{root}, func(r Rebuild) { got <- r }) }()
	step := func(what string, do func(), check func(r Rebuild) bool) {
		t.Helper()
		do()
		select {
		case r := <-got:
			if !check(r) {
				t.Fatalf("%s: unexpected rebuild %+v (%s)", what, r, Summary(r))
			}
		case <-time.After(3 * time.Second):
			t.Fatalf("%s: no rebuild", what)
		}
	}
	step("first", func() {}, func(r Rebuild) bool { return r.First && r.Err == nil && r.CSS == nil })
	step("css", func() { write(t, root, "templates/assets/site.css", "body{color:blue}") },
		func(r Rebuild) bool { return slices.Equal(r.CSS, []string{"assets/site.css"}) })
	step("page", func() { write(t, root, "content/a.md", "new") },
		func(r Rebuild) bool {
			return r.Err == nil && r.CSS == nil && string(r.Result.Files["a/index.html"]) == "new"
		})
	step("broken", func() { write(t, root, "content/a.md", "BROKEN") },
		func(r Rebuild) bool { return r.Err != nil && r.Result == nil })
	step("css while broken", func() { write(t, root, "templates/assets/site.css", "body{color:green}") },
		func(r Rebuild) bool { return r.Err != nil })
	step("fixed", func() { write(t, root, "content/a.md", "fixed") },
		func(r Rebuild) bool { return r.Err == nil && r.CSS == nil })
	step("css after fix", func() { write(t, root, "templates/assets/site.css", "body{color:red}") },
		func(r Rebuild) bool { return slices.Equal(r.CSS, []string{"assets/site.css"}) })
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
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
	l.Add("content/b.md", 1, 1, "y")
	batch := Batch{Paths: []string{"content/a.md", "content/b.md", "content/c.md"}}
	res := &generator.Result{Pages: 42, Rendered: 2}
	for _, tt := range []struct {
		r    Rebuild
		want string
	}{
		{Rebuild{First: true, Result: res, Took: 130 * time.Millisecond}, "built 42 pages in 130 ms"},
		{Rebuild{Batch: batch, Result: res, Took: 12 * time.Millisecond}, "content/a.md and 2 more: 2 of 42 pages re-rendered in 12 ms"},
		{Rebuild{Batch: Batch{Paths: []string{"templates/assets/site.css"}}, Result: res, CSS: []string{"assets/site.css"}, Took: 9 * time.Millisecond},
			"templates/assets/site.css: stylesheet updated in 9 ms"},
		{Rebuild{Batch: batch, Err: l.Err(), Took: 8 * time.Millisecond}, "content/a.md and 2 more: build failed with 2 problems in 8 ms"},
		{Rebuild{First: true, Err: errors.New("boom")}, "build failed with 1 problem in 0 ms"},
	} {
		if got := Summary(tt.r); got != tt.want {
			t.Errorf("Summary = %q, want %q", got, tt.want)
		}
	}
}
