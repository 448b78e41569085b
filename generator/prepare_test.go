package generator

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
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
	page := func(i, v int, tag string, weight int) string {
		return fmt.Sprintf("---\ntitle: 页面%d 版本%d\ntags: [%s]\nweight: %d\n---\n## 第%d节\n正文 %d。见 [下一页](p%d.md#第%d节) 和 [首页](../_index.md)。\n",
			i, v, tag, weight, v%3, v, (i+1)%8, 0)
	}
	write("content/_index.md", "# 首页\n\n[开始](s/p0.md)\n")
	write("content/s/_index.md", "---\ntitle: 栏目\n---\n")
	for i := range 8 {
		write(fmt.Sprintf("content/s/p%d.md", i), page(i, 0, "甲", i))
	}
	rng := rand.New(rand.NewPCG(7, 7))
	b := NewBuilder(Options{Src: dir})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	for step := range 40 {
		i := rng.IntN(8)
		rel := fmt.Sprintf("content/s/p%d.md", i)
		switch rng.IntN(4) {
		case 0: // body and headings change: links into this page must follow
			write(rel, page(i, step, "甲", i))
		case 1: // front matter: title, tag and order change
			write(rel, page(i, step%3, []string{"甲", "乙", "丙"}[rng.IntN(3)], rng.IntN(5)))
		case 2: // the section's title changes
			write("content/s/_index.md", fmt.Sprintf("---\ntitle: 栏目%d\n---\n", step))
			rel = "content/s/_index.md"
		case 3: // an image is added: the set of files changes
			write(fmt.Sprintf("content/s/img%d.png", step), "PNG")
			rel = fmt.Sprintf("content/s/img%d.png", step)
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
	}
}
