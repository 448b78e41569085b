package output

import (
	"os"
	"path/filepath"
	"testing"
)

func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func stat(t *testing.T, p string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

// TestWriteKeepsUnchangedFiles: a second Write gives exactly the new files;
// a file with the same bytes is the old file (linked, not written again),
// while a changed one, even of the same size and edited by hand in the
// output, is written anew.
func TestWriteKeepsUnchangedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first := map[string][]byte{
		"index.html":      []byte("home"),
		"a/index.html":    []byte("page a"),
		"b/index.html":    []byte("page b"),
		"gone/index.html": []byte("removed next time"),
		"edited.txt":      []byte("original"),
	}
	if err := Write(dir, first); err != nil {
		t.Fatal(err)
	}
	before := map[string]os.FileInfo{}
	for name := range first {
		before[name] = stat(t, filepath.Join(dir, name))
	}
	// Someone edits the output by hand, keeping the size.
	if err := os.WriteFile(filepath.Join(dir, "edited.txt"), []byte("ORIGINAL"), 0o644); err != nil {
		t.Fatal(err)
	}
	second := map[string][]byte{
		"index.html":   []byte("home"),
		"a/index.html": []byte("page a"),
		"b/index.html": []byte("page B"), // same size, new bytes
		"c/index.html": []byte("new page"),
		"edited.txt":   []byte("original"),
	}
	if err := Write(dir, second); err != nil {
		t.Fatal(err)
	}
	got := readAll(t, dir)
	if len(got) != len(second) {
		t.Errorf("output holds %d files, want %d: %v", len(got), len(second), got)
	}
	for name, b := range second {
		if got[name] != string(b) {
			t.Errorf("%s = %q, want %q", name, got[name], b)
		}
	}
	for name, same := range map[string]bool{"index.html": true, "a/index.html": true, "b/index.html": false, "edited.txt": false} {
		if os.SameFile(before[name], stat(t, filepath.Join(dir, name))) != same {
			t.Errorf("%s: kept the old file = %v, want %v", name, !same, same)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("beside the output: %v, want only public (no staging or old folder left)", entries)
	}
}

// TestGuard: the output folder may not be anything whose replacement loses
// work, and may lie among the pages only when they are the site root.
func TestGuard(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "site")
	docs := filepath.Join(root, "docs")
	home, _ := os.UserHomeDir()
	for _, c := range []struct {
		out, pages string
		ok         bool
	}{
		{"/", docs, false},
		{home, docs, false},
		{root, docs, false},
		{parent, docs, false},
		{docs, docs, false},
		{filepath.Join(docs, "public"), docs, false},
		{filepath.Join(root, "templates", "x"), docs, false},
		{filepath.Join(root, "public"), docs, true},
		{filepath.Join(root, "site"), root, true}, // content: .
		{filepath.Join(parent, "out"), root, true},
	} {
		if err := Guard(c.out, root, c.pages); (err == nil) != c.ok {
			t.Errorf("Guard(%s, pages %s) = %v, want ok=%v", c.out, c.pages, err, c.ok)
		}
	}
	if got := Within(root, filepath.Join(root, "build", "site")); got != "build/site" {
		t.Errorf("Within = %q", got)
	}
	if got := Within(root, filepath.Join(parent, "out")); got != "" {
		t.Errorf("Within outside = %q", got)
	}
}
