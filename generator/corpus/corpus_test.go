package corpus_test

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"zhinan/generator"
	"zhinan/generator/corpus"
)

func mapFS(files map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}

// TestBuilds checks that a corpus of every shape builds with no
// diagnostics, and that its links really reach other pages.
func TestBuilds(t *testing.T) {
	for _, shape := range corpus.Shapes {
		t.Run(string(shape), func(t *testing.T) {
			files := corpus.ShapeFiles(shape, 300, 1)
			res, _, diags := generator.BuildFiles(generator.Options{FS: mapFS(files)})
			if len(diags) > 0 {
				t.Fatalf("build: %v", diags)
			}
			sections := 0
			for name := range files {
				if strings.HasSuffix(name, "/_index.md") && name != "content/_index.md" {
					sections++
				}
			}
			if want := 300 + sections + 1; res.Pages != want {
				t.Errorf("built %d pages, want %d (300 pages, %d sections, home)", res.Pages, want, sections)
			}
			backlinks := 0
			for _, p := range res.Site.Pages {
				backlinks += len(p.Backlinks)
			}
			if backlinks < 300 {
				t.Errorf("%d backlinks in all, want at least one per page", backlinks)
			}
		})
	}
}

// TestShapes checks how each shape groups 10,000 pages: section sizes and
// how deep the pages lie.
func TestShapes(t *testing.T) {
	for _, tc := range []struct {
		shape         corpus.Shape
		sections      [2]int // fewest and most sections
		sizes         [2]int // smallest and largest section, the last one aside
		depth         int    // folders between content/ and a page
		topLevelLinks [2]int // sections listed on the home page
	}{
		{corpus.Small, [2]int{100, 200}, [2]int{50, 100}, 1, [2]int{100, 200}},
		{corpus.Huge, [2]int{5, 5}, [2]int{2000, 2000}, 1, [2]int{5, 5}},
		{corpus.Flat, [2]int{1, 1}, [2]int{10000, 10000}, 1, [2]int{1, 1}},
		{corpus.Deep, [2]int{100, 200}, [2]int{50, 100}, 4, [2]int{2, 4}},
		{corpus.Dense, [2]int{5, 5}, [2]int{2000, 2000}, 1, [2]int{5, 5}},
	} {
		t.Run(string(tc.shape), func(t *testing.T) {
			files := corpus.ShapeFiles(tc.shape, 10000, 1)
			perDir := map[string]int{}
			pages := 0
			for name := range files {
				dir, base := path.Split(strings.TrimPrefix(name, "content/"))
				if base == "_index.md" {
					continue
				}
				pages++
				perDir[dir]++
				if d := strings.Count(dir, "/"); d != tc.depth {
					t.Fatalf("%s is %d folders deep, want %d", name, d, tc.depth)
				}
				if _, ok := files["content/"+dir+"_index.md"]; !ok {
					t.Fatalf("%s has no section page", dir)
				}
			}
			if pages != 10000 {
				t.Errorf("%d pages", pages)
			}
			if n := len(perDir); n < tc.sections[0] || n > tc.sections[1] {
				t.Errorf("%d sections, want %d to %d", n, tc.sections[0], tc.sections[1])
			}
			dirs := slices.Sorted(maps.Keys(perDir))
			for _, dir := range dirs[:len(dirs)-1] {
				if n := perDir[dir]; n < tc.sizes[0] || n > tc.sizes[1] {
					t.Errorf("%s holds %d pages, want %d to %d", dir, n, tc.sizes[0], tc.sizes[1])
				}
			}
			if n := bytes.Count(files["content/_index.md"], []byte("\n- [")); n < tc.topLevelLinks[0] || n > tc.topLevelLinks[1] {
				t.Errorf("home lists %d sections, want %d to %d", n, tc.topLevelLinks[0], tc.topLevelLinks[1])
			}
		})
	}
}

// TestShape checks the file names, section sizes, page sizes and the
// parts every page must have.
func TestShape(t *testing.T) {
	files := corpus.Files(1000, 7)
	perSection := map[string]int{}
	for name, data := range files {
		dir, base := filepath.Split(name)
		if base == "_index.md" {
			continue
		}
		perSection[dir]++
		if !strings.HasPrefix(base, "p") || len(base) != len("p00000.md") {
			t.Errorf("page name %s", name)
		}
		body := data[bytes.Index(data[4:], []byte("\n---\n"))+9:]
		if n := len(body); n < 1800 || n > 5500 {
			t.Errorf("%s: body of %d bytes", name, n)
		}
		for _, part := range []string{"title: ", "description: ", "weight: ", "tags: [", "platforms: [",
			"last_checked: 2026-01-02", "\n## ", "\n| --- |", "\n```", "\n> [!NOTE]\n", "\n1. ", "](", "，", "。"} {
			if !bytes.Contains(data, []byte(part)) {
				t.Errorf("%s: no %q", name, part)
			}
		}
		if n := bytes.Count(data, []byte(".md")); n < 2 || n > 4 {
			t.Errorf("%s: %d links, want 2 to 4", name, n)
		}
	}
	if len(files) != 1000+len(perSection)+1 {
		t.Errorf("%d files for 1000 pages in %d sections", len(files), len(perSection))
	}
	for dir, n := range perSection {
		if n < 50 || n > 100 {
			if dir != fmt.Sprintf("content/s%03d/", len(perSection)-1) {
				t.Errorf("%s holds %d pages", dir, n)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	if !reflect.DeepEqual(corpus.Files(300, 3), corpus.Files(300, 3)) {
		t.Error("two corpora of the same seed differ")
	}
	if reflect.DeepEqual(corpus.Files(300, 3), corpus.Files(300, 4)) {
		t.Error("corpora of different seeds are the same")
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, 60, 1); err != nil {
		t.Fatal(err)
	}
	for name, data := range corpus.Files(60, 1) {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: not written as generated (%v)", name, err)
		}
	}
}
