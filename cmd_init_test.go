package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zhinan init in an empty folder gives a site that checks clean and builds.
func TestInitEmpty(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if rc := runInit([]string{dir}); rc != 0 {
		t.Fatalf("init exit status %d", rc)
	}
	for _, f := range []string{"zhinan.yaml", "content/_index.md", "content/guide/_index.md", "content/guide/first-page.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init made no %s", f)
		}
	}
	settings, _ := os.ReadFile(filepath.Join(dir, "zhinan.yaml"))
	for _, key := range []string{"title", "description", "language", "base_url", "repo_url", "unsafe_html", "content", "exclude"} {
		if !strings.Contains(string(settings), key+":") {
			t.Errorf("zhinan.yaml does not mention %s:\n%s", key, settings)
		}
	}
	if rc := runCheck([]string{"-src", dir}); rc != 0 {
		t.Errorf("check of the new site: exit status %d", rc)
	}
	if rc := runBuild([]string{"-src", dir}); rc != 0 {
		t.Errorf("build of the new site: exit status %d", rc)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "guide", "first-page", "index.html")); err != nil {
		t.Errorf("the built site lacks its page: %v", err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "zhinan.yaml"))
	if rc := runInit([]string{dir}); rc != 1 {
		t.Errorf("a second init: exit status %d, want 1", rc)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "zhinan.yaml")); string(after) != string(before) {
		t.Errorf("a second init changed zhinan.yaml")
	}
}

// zhinan init in a book's folder moves nothing and points content: at the
// Markdown, so the book builds where it is.
func TestInitBook(t *testing.T) {
	for _, tc := range []struct{ archive, content string }{
		{"generator/testdata/books/natural.txtar", "content: ."},
		{"generator/testdata/books/summary.txtar", "content: ."}, // SUMMARY.md at the root
		{"generator/testdata/books/topics.txtar", "content: ."},  // pages by topic in several folders
	} {
		t.Run(filepath.Base(tc.archive), func(t *testing.T) {
			dir := writeSite(t, tc.archive)
			os.Remove(filepath.Join(dir, "zhinan.yaml"))
			before := snapshot(t, dir)
			if rc := runInit([]string{dir}); rc != 0 {
				t.Fatalf("init exit status %d", rc)
			}
			after := snapshot(t, dir)
			settings := after["zhinan.yaml"]
			delete(after, "zhinan.yaml")
			if len(after) != len(before) {
				t.Errorf("init added or moved files: %d before, %d after", len(before), len(after))
			}
			if !strings.Contains(settings, tc.content) || !strings.Contains(settings, "language: zh-CN") {
				t.Errorf("zhinan.yaml:\n%s\nwant %q and language zh-CN", settings, tc.content)
			}
			if rc := runCheck([]string{"-src", dir}); rc != 0 {
				t.Errorf("check of the book: exit status %d", rc)
			}
		})
	}
}

// An mdBook keeps SUMMARY.md and the chapters in src/; its README.md at the
// root is not the book.
func TestInitMdBook(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"README.md":         "# The repository\n",
		"book.toml":         "[book]\nauthors = [\"a\"]\ntitle = \"The x book\"\n",
		"src/SUMMARY.md":    "# Summary\n\n- [Intro](intro.md)\n- [Next](next.md)\n",
		"src/intro.md":      "# Intro\n\nSee [next](next.md).\n",
		"src/next.md":       "# Next\n",
		"book/index.html":   "mdBook's output\n",
		"book/intro.html":   "mdBook's output\n",
		".github/README.md": "# not the book\n",
	} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	if rc := runInit([]string{dir}); rc != 0 {
		t.Fatalf("init exit status %d", rc)
	}
	settings, _ := os.ReadFile(filepath.Join(dir, "zhinan.yaml"))
	for _, want := range []string{"content: src", "language: en", `title: "The x book"`} {
		if !strings.Contains(string(settings), want) {
			t.Errorf("zhinan.yaml:\n%s\nwant %s", settings, want)
		}
	}
	if rc := runCheck([]string{"-src", dir}); rc != 0 {
		t.Errorf("check of the mdBook: exit status %d", rc)
	}
}

// serve on a busy default port takes the next one; a chosen port stays an error.
func TestListenBusyPort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	addr := busy.Addr().String()
	if ln, err := listen(addr, true); err == nil {
		ln.Close()
		t.Errorf("a chosen busy address was taken")
	}
	ln, err := listen(addr, false)
	if err != nil {
		t.Fatalf("busy default address: %v", err)
	}
	defer ln.Close()
	if ln.Addr().String() == addr {
		t.Errorf("listened on the busy address itself")
	}
}

// -src that is not a folder says what it should be, before any build.
func TestBadSrc(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	stderr := captureStderr(t, func() {
		if rc := runCheck([]string{"-src", missing}); rc != 1 {
			t.Errorf("exit status %d, want 1", rc)
		}
	})
	if want := "zhinan check: -src " + missing + ": no such folder; it should be the site's folder, holding zhinan.yaml and the Markdown pages"; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}
