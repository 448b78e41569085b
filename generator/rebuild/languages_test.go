package rebuild

import (
	"bytes"
	"strings"
	"testing"

	"zhinan/generator"
	"zhinan/generator/watch"
)

// In a site of two languages, an edit to an English page reaches the
// served site, which is then the site a clean build gives, file for file;
// the Chinese pages stay.
func TestEnglishEditEqualsCleanBuild(t *testing.T) {
	root := t.TempDir()
	write(t, root, "zhinan.yaml", "languages:\n  - {code: zh-CN, name: 中文}\n  - {code: en, name: English, content: content.en}\n")
	write(t, root, "content/_index.md", "# 首页\n\n[甲](a.md)\n")
	write(t, root, "content/a.md", "# 甲\n\n甲一\n")
	write(t, root, "content.en/_index.md", "# Home\n\n[A](a.md)\n")
	write(t, root, "content.en/a.md", "# A\n\nfirst\n")
	src, got, _, rec := loop(t, root)
	next(t, got)

	write(t, root, "content.en/a.md", "# A\n\nsecond edit\n")
	src.batches <- watch.Batch{Paths: []string{"content.en/a.md"}}
	r := next(t, got)
	if !strings.Contains(page(t, r, "en/a/index.html"), "second edit") {
		t.Error("the English page was not rebuilt")
	}
	if !strings.Contains(page(t, r, "a/index.html"), "甲一") {
		t.Error("the Chinese page is gone")
	}
	if last := rec.changes[len(rec.changes)-1]; last.All {
		t.Errorf("Change = %+v, want the English file only", last)
	}
	clean, files, diags := generator.BuildFiles(generator.Options{Src: root})
	if clean == nil || files == nil {
		t.Fatal(diags)
	}
	names := r.Result.Names()
	if len(names) != len(files) {
		t.Fatalf("served %d files, a clean build makes %d", len(names), len(files))
	}
	for _, name := range names {
		b, err := r.Result.File(name)
		if err != nil || !bytes.Equal(b, files[name]) {
			t.Errorf("%s differs from a clean build (%v)", name, err)
		}
	}
}
