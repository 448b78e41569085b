package generator_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"zhinan/generator"
	"zhinan/generator/corpus"
)

// writeOnce builds fsys as zhinan build does (a one-shot Builder, whose
// pages let their HTML go as they are written) and reads back the output.
func writeOnce(t *testing.T, fsys fs.FS) map[string]string {
	t.Helper()
	res, diags := generator.NewBuilder(generator.Options{FS: fsys, Once: true}).Build(generator.All)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := res.Write(dir, false); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestOnceWritesTheSameSite: a one-shot build writes byte for byte the site
// a Builder that keeps everything makes, on a corpus site whose lists span
// several pages, and a theme whose list reads its children's HTML still
// gets it (the pages keep their HTML for it).
func TestOnceWritesTheSameSite(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, data := range corpus.ShapeFiles(corpus.Huge, 300, 1) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	_, kept, diags := generator.BuildFiles(generator.Options{FS: fsys})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := map[string]string{}
	for name, b := range kept {
		want[name] = string(b)
	}
	if diff := cmp.Diff(want, writeOnce(t, fsys)); diff != "" {
		t.Errorf("one-shot build differs from a kept build (-kept +once):\n%.3000s", diff)
	}

	// A section that shows its pages whole, as a blog's list might.
	fsys["templates/section.html"] = &fstest.MapFile{Data: []byte(
		`{{define "main"}}{{range .Page.Children}}<div class="whole">{{.Content}}</div>{{end}}{{end}}{{template "base" .}}`)}
	got := writeOnce(t, fsys)
	sections := 0
	for name, page := range got {
		if !strings.HasSuffix(name, "index.html") || !strings.Contains(page, `class="whole"`) {
			continue
		}
		sections++
		if strings.Contains(page, `<div class="whole"></div>`) {
			t.Errorf("%s lists a page without its HTML: the page let it go before its section was made", name)
		}
	}
	if sections == 0 {
		t.Fatal("no section page uses the custom layout")
	}
}
