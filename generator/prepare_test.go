package generator

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrepareChangedEqualsBuild is the preview's promise: after any sequence
// of edits, the site that PrepareChanged gives (pages made on demand, only
// changed files re-read, cached renders reused) is byte for byte the site a
// clean Build of the same files gives.
func TestPrepareChangedEqualsBuild(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// page i, version v: its headings change with v; it links to a heading
	// of the next page that always exists, or, when broken, to one that
	// never does (the build fails until the page is written again).
	page := func(i, v int, tag string, weight int, broken bool) string {
		anchor := "说明"
		if broken {
			anchor = "第9节"
		}
		return fmt.Sprintf("---\ntitle: 页面%d 版本%d\ntags: [%s]\nweight: %d\n---\n## 说明\n## 第%d节\n正文 %d。见 [下一页](p%d.md#%s) 和 [首页](../_index.md)。\n",
			i, v, tag, weight, v%3, v, (i+1)%8, anchor)
	}
	write("content/_index.md", "# 首页\n\n[开始](s/p0.md)\n")
	write("content/s/_index.md", "---\ntitle: 栏目\n---\n")
	for i := range 8 {
		write(fmt.Sprintf("content/s/p%d.md", i), page(i, 0, "甲", i, false))
	}
	// A site template overriding the theme's page layout, changed by one
	// kind of step: later content-only steps must use the new one.
	layout, err := os.ReadFile("../templates/page.html")
	if err != nil || !bytes.Contains(layout, []byte(`<article class="guide">`)) {
		t.Fatalf("the theme's page.html (%v) has no <article class=\"guide\"> to mark", err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	b := NewBuilder(Options{Src: dir})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	compared, failed := 0, 0
	for step := range 40 {
		i := rng.IntN(8)
		rel := fmt.Sprintf("content/s/p%d.md", i)
		switch rng.IntN(5) {
		case 0: // body and headings change: links into this page must follow
			write(rel, page(i, step, "甲", i, rng.IntN(6) == 0))
		case 1: // front matter: title, tag and order change
			write(rel, page(i, step%3, []string{"甲", "乙", "丙"}[rng.IntN(3)], rng.IntN(5), false))
		case 2: // the section's title changes
			write("content/s/_index.md", fmt.Sprintf("---\ntitle: 栏目%d\n---\n", step))
			rel = "content/s/_index.md"
		case 3: // an image is added: the set of files changes
			write(fmt.Sprintf("content/s/img%d.png", step), "PNG")
			rel = fmt.Sprintf("content/s/img%d.png", step)
		case 4: // the site's page layout changes
			rel = "templates/page.html"
			write(rel, strings.Replace(string(layout), `<article class="guide">`, fmt.Sprintf(`<article class="guide" data-step="%d">`, step), 1))
		}
		got, gotErr := b.PrepareChanged([]string{rel})
		want, wantErr := NewBuilder(Options{Src: dir}).Build()
		if (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("step %d: PrepareChanged error %v, clean Build error %v", step, gotErr, wantErr)
		}
		if wantErr != nil {
			if gotErr.Error() != wantErr.Error() {
				t.Fatalf("step %d: diagnostics differ:\n%v\nclean:\n%v", step, gotErr, wantErr)
			}
			failed++
			continue
		}
		names := got.Names()
		if len(names) != len(want.Files) {
			t.Fatalf("step %d: %d files, clean build has %d", step, len(names), len(want.Files))
		}
		for _, name := range names {
			data, err := got.File(name)
			if err != nil || !bytes.Equal(data, want.Files[name]) {
				t.Fatalf("step %d: %s differs from a clean build (err %v)", step, name, err)
			}
		}
		compared++
	}
	// Both kinds of state must have been met, mostly good ones.
	if compared < 20 || failed < 2 {
		t.Errorf("%d steps compared files, %d compared diagnostics: want at least 20 and 2", compared, failed)
	}
}
