package main

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"zhinan/generator"
	"zhinan/generator/watch"
)

// rootSite is a book whose pages are the site folder itself (content: .),
// where any output folder lies among the pages.
func rootSite(t *testing.T) string {
	return writeFiles(t, map[string]string{
		"zhinan.yaml": "content: .\nbase_url: https://example.org/\n",
		"README.md":   "# Book\n\n[A](a.md)\n",
		"a.md":        "# A\n\n![img](img/x.png)\n",
		"img/x.png":   "png",
	})
}

// TestOutputNotRead builds a content: . site twice into an output folder
// not named public: the second build must not read the first one's files as
// pages or copy them (no site/site/), so both give the same files.
func TestOutputNotRead(t *testing.T) {
	dir := rootSite(t)
	out := filepath.Join(dir, "site")
	var builds []map[string]string
	for range 2 {
		if rc := run([]string{"build", "-src", dir, "-out", out}, os.Stderr); rc != 0 {
			t.Fatalf("build exit status %d", rc)
		}
		builds = append(builds, snapshot(t, out))
	}
	if !maps.Equal(builds[0], builds[1]) {
		names := slices.Sorted(maps.Keys(builds[1]))
		t.Errorf("the second build differs from the first; it made %d files, the first %d: %q", len(builds[1]), len(builds[0]), names)
	}
	if _, ok := builds[1]["site/index.html"]; ok {
		t.Error("the first output was copied into the second (site/site/)")
	}
	if _, ok := builds[1]["img/x.png"]; !ok {
		t.Error("img/x.png not copied")
	}
}

// TestWatchSettles: a watcher of a content: . site that writes into
// site2/ after a build must see nothing more to do; before the output folder
// was passed to it, each build's files were a change, and the next build
// copied them one folder deeper, forever.
func TestWatchSettles(t *testing.T) {
	dir := rootSite(t)
	out := filepath.Join(dir, "site2")
	wo := watchOptions(dir, out)
	wo.Debounce = 50 * time.Millisecond
	w, err := watch.New(dir, wo)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	b := generator.NewBuilder(generator.Options{Src: dir, Out: out})
	for i := range 2 {
		res, diags := b.Build(generator.All)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if err := res.Write(out, true); err != nil {
			t.Fatal(err)
		}
		select {
		case batch := <-w.Batches():
			t.Fatalf("after build %d the watcher saw %s", i+1, batch)
		case <-time.After(400 * time.Millisecond):
		}
	}
	if _, err := os.Stat(filepath.Join(out, "site2")); err == nil {
		t.Error("site2/site2/ was made")
	}
	// And a real change is still seen.
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A again\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case batch := <-w.Batches():
		if !slices.Contains(batch.Paths, "a.md") {
			t.Errorf("batch %v, want a.md", batch.Paths)
		}
	case <-time.After(3 * time.Second):
		t.Error("an edit of a.md was not seen")
	}
}

// TestRefusedOutputsOfPages: with the pages in docs/, the output folder may
// not be docs/ nor lie inside it; with the pages at the root, site/ is fine.
func TestRefusedOutputsOfPages(t *testing.T) {
	dir := writeFiles(t, map[string]string{"zhinan.yaml": "content: docs\n", "docs/README.md": "# Docs\n"})
	for _, out := range []string{filepath.Join(dir, "docs"), filepath.Join(dir, "docs", "site"), filepath.Join(dir, "templates")} {
		if rc := run([]string{"build", "-src", dir, "-out", out}, os.Stderr); rc != 1 {
			t.Errorf("build -out %s: exit status %d, want 1 (refused)", out, rc)
		}
	}
	if rc := run([]string{"build", "-src", dir, "-out", filepath.Join(dir, "site")}, os.Stderr); rc != 0 {
		t.Errorf("build -out site: exit status %d, want 0", rc)
	}
	if _, err := os.Stat(filepath.Join(dir, "docs", "README.md")); err != nil {
		t.Fatalf("pages damaged: %v", err)
	}
}

// A multilingual site's watcher follows every language's folder of pages,
// so an edit to an English page in content.en/ rebuilds the preview.
func TestWatchLanguageFolders(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"zhinan.yaml":       "languages:\n  - {code: zh-CN, name: 中文}\n  - {code: en, name: English, content: content.en}\n",
		"content/_index.md": "# 首页\n", "content.en/_index.md": "# Home\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wo := watchOptions(dir, "")
	if !slices.Contains(wo.Dirs, "content.en") || !slices.Contains(wo.Dirs, "content") {
		t.Fatalf("watched folders %q, want content and content.en", wo.Dirs)
	}
	wo.Debounce = 50 * time.Millisecond
	w, err := watch.New(dir, wo)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	time.Sleep(100 * time.Millisecond)
	if err := os.WriteFile(filepath.Join(dir, "content.en", "_index.md"), []byte("# Home again\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case batch := <-w.Batches():
		if !slices.Contains(batch.Paths, "content.en/_index.md") {
			t.Errorf("batch %v, want content.en/_index.md", batch.Paths)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the edit in content.en/ was not seen")
	}
}
