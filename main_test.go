package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// writeSite writes a txtar archive's input files (not want/) into a new folder.
func writeSite(t *testing.T, archive string) string {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "want/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return files
}

// TestFailedBuildKeepsOutput breaks a good site in each way the error
// archives describe and checks that build exits 1, prints the positioned
// diagnostics, and leaves the previous public/ exactly as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	archives, _ := filepath.Glob("generator/testdata/errors/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no error archives")
	}
	for _, archive := range archives {
		t.Run(filepath.Base(archive), func(t *testing.T) {
			dir := writeSite(t, archive)
			out := filepath.Join(dir, "public")
			os.MkdirAll(filepath.Join(out, "old"), 0o755)
			os.WriteFile(filepath.Join(out, "index.html"), []byte("last good build"), 0o644)
			os.WriteFile(filepath.Join(out, "old", "page.html"), []byte("old page"), 0o644)
			before := snapshot(t, out)
			stderr := captureStderr(t, func() {
				if rc := run([]string{"build", "-src", dir}, os.Stderr); rc != 1 {
					t.Errorf("build exit status %d, want 1", rc)
				}
			})
			ar, _ := txtar.ParseFile(archive)
			for _, f := range ar.Files {
				if f.Name == "want/diagnostics" && !strings.Contains(stderr, string(f.Data)) {
					t.Errorf("stderr:\n%s\nwant it to hold:\n%s", stderr, f.Data)
				}
			}
			after := snapshot(t, out)
			if len(after) != len(before) || after["index.html"] != before["index.html"] || after["old/page.html"] != before["old/page.html"] {
				t.Errorf("public/ changed: before %v, after %v", before, after)
			}
		})
	}
}

func captureStderr(t *testing.T, f func()) string {
	t.Helper()
	return capture(t, &os.Stderr, f)
}

// capture returns what f writes to *file (os.Stdout or os.Stderr).
func capture(t *testing.T, file **os.File, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := *file
	*file = w
	done := make(chan string)
	go func() {
		b, _ := readAll(r)
		done <- string(b)
	}()
	f()
	w.Close()
	*file = old
	return <-done
}

func readAll(r *os.File) ([]byte, error) {
	var out []byte
	buf := make([]byte, 4096)
	for {
		n, err := r.Read(buf)
		out = append(out, buf[:n]...)
		if err != nil {
			return out, nil
		}
	}
}

// TestPlainBook builds a folder of chapters with no front matter and no
// _index.md at all, linking each other, as many Markdown books are.
func TestPlainBook(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"content/01-intro.md":          "# 引言\n\n下一章：[权限](02-permissions.md#群主)\n",
		"content/02-permissions.md":    "# 权限\n\n## 群主\n\n回到[引言](01-intro.md)，看[附录](appendix/notes.md)。\n",
		"content/appendix/notes.md":    "Notes without a heading.\n\n[back](../01-intro.md)\n",
		"content/appendix/diagram.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	out := filepath.Join(dir, "site")
	if rc := run([]string{"build", "-src", dir, "-out", out}, os.Stderr); rc != 0 {
		t.Fatalf("build exit status %d", rc)
	}
	got := snapshot(t, out)
	for name, want := range map[string]string{
		"01-intro/index.html":       `href="../02-permissions/#%e7%be%a4%e4%b8%bb"`,
		"02-permissions/index.html": `<h2 id="群主">`,
		"appendix/notes/index.html": `<h1>notes</h1>`,
		"appendix/index.html":       `appendix`,
		"appendix/diagram.svg":      `<svg`,
		"index.html":                `href="01-intro/"`,
	} {
		if !strings.Contains(strings.ToLower(got[name]), strings.ToLower(want)) {
			t.Errorf("%s does not contain %q:\n%.600s", name, want, got[name])
		}
	}
}

// TestRefusedOutputs checks that build never replaces a folder whose loss
// would lose work.
func TestRefusedOutputs(t *testing.T) {
	dir := writeSite(t, "generator/testdata/sites/basic.txtar")
	home, _ := os.UserHomeDir()
	for _, out := range []string{"/", home, dir, filepath.Join(dir, "content"), filepath.Join(dir, "content", "guide"), filepath.Dir(dir)} {
		if rc := run([]string{"build", "-src", dir, "-out", out}, os.Stderr); rc != 1 {
			t.Errorf("build -out %s: exit status %d, want 1 (refused)", out, rc)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "_index.md")); err != nil {
		t.Fatalf("content damaged: %v", err)
	}
}

// TestLeftoversCleaned simulates a build killed half-way (a staging folder
// left beside the output) and checks the next build removes it.
func TestLeftoversCleaned(t *testing.T) {
	dir := writeSite(t, "generator/testdata/sites/basic.txtar")
	stale := filepath.Join(dir, ".public.staging-123")
	os.MkdirAll(filepath.Join(stale, "x"), 0o755)
	os.MkdirAll(filepath.Join(dir, ".public.old-456"), 0o755)
	if rc := run([]string{"build", "-src", dir}, os.Stderr); rc != 0 {
		t.Fatalf("build exit status %d", rc)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") {
			t.Errorf("leftover %s not cleaned", e.Name())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "guide", "a", "index.html")); err != nil {
		t.Error(err)
	}
}

func TestUsage(t *testing.T) {
	if rc := run([]string{"frobnicate"}, os.Stderr); rc != 2 {
		t.Errorf("unknown command: exit %d, want 2", rc)
	}
	if rc := run(nil, os.Stderr); rc != 2 {
		t.Errorf("no command: exit %d, want 2", rc)
	}
	if rc := run([]string{"build", "-nope"}, os.Stderr); rc != 2 {
		t.Errorf("bad flag: exit %d, want 2", rc)
	}
}
