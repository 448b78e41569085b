package generator

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of testdata archives with what the build gives")

// A site archive (testdata/sites/*.txtar, testdata/errors/*.txtar) holds the
// input files of a site and, under want/, what the build must give:
//
//	want/files        every output file outside assets/ and search/, one per line
//	want/<path>       the exact bytes of that output file
//	want/diagnostics  the build's error text, for sites that must fail
//
// The archive's comment may hold options, one per line: "drafts",
// "base-url: https://example.org/guide/". Every site gets the small theme in
// testdata/theme (so goldens show the data, not the default theme's markup)
// unless the archive brings its own templates.
func TestSites(t *testing.T) {
	for _, dir := range []string{"testdata/sites", "testdata/errors"} {
		files, _ := filepath.Glob(dir + "/*.txtar")
		for _, file := range files {
			t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
				testArchive(t, file)
			})
		}
	}
}

func testArchive(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys, opts := archiveSite(t, ar)
	opts.FS = fsys
	_, files, diags := BuildFiles(opts)
	got := map[string]string{}
	if len(diags) > 0 {
		got["want/diagnostics"] = diags.Error() + "\n"
	}
	if files != nil {
		var names []string
		for name, b := range files {
			if !strings.HasPrefix(name, "assets/") && !strings.HasPrefix(name, "search/") {
				names = append(names, name)
			}
			got["want/"+name] = string(b)
		}
		sort.Strings(names)
		got["want/files"] = strings.Join(names, "\n") + "\n"
	}
	compareArchive(t, file, ar, got)
}

// archiveSite turns an archive into a site file system and build options.
func archiveSite(t testing.TB, ar *txtar.Archive) (fstest.MapFS, Options) {
	fsys := fstest.MapFS{}
	theme := os.DirFS("testdata/theme")
	fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(theme, p)
			fsys["templates/"+p] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	var opts Options
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "drafts":
			opts.Drafts = true
		case strings.HasPrefix(line, "base-url:"):
			opts.BaseURL = strings.TrimSpace(strings.TrimPrefix(line, "base-url:"))
		}
	}
	return fsys, opts
}

// TestDeterministic builds the same site twice, with fresh builders, and
// wants identical bytes in every file.
func TestDeterministic(t *testing.T) {
	fsys := os.DirFS("..")
	_, a, diags := BuildFiles(Options{FS: fsys})
	if diags.HasErrors() {
		t.Skipf("the real site does not build yet: %v", diags)
	}
	_, b, _ := BuildFiles(Options{FS: fsys})
	if len(a) != len(b) {
		t.Fatalf("first build made %d files, second %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}
