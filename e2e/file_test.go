package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestReadFromDisk opens the built guide site from file://, as a reader who
// unpacked it would, and reads it through its navigation only: from the
// home page it follows every link of the brand, the sidebar, the breadcrumbs
// and previous/next on every page it reaches. Each must lead to a file that
// is a page of the site (not a folder listing), with its stylesheet loaded,
// and together they must reach every page of the site's section tree.
func TestReadFromDisk(t *testing.T) {
	res := realSite(t)
	dir := writeSite(t, res.Files)
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
	tb := newTab(t, 1280, 800)
	start := root + "index.html"
	seen := map[string]bool{start: true}
	queue := []string{start}
	for len(queue) > 0 {
		page := queue[0]
		queue = queue[1:]
		tb.open(t, page)
		// site.js has run (it is deferred) once the load event fired.
		if !eval[bool](t, tb, `!!document.querySelector("main h1") && getComputedStyle(document.body).margin !== "8px"`) {
			t.Errorf("%s: not a styled page of the site", strings.TrimPrefix(page, root))
			continue
		}
		for _, p := range tb.take() {
			t.Errorf("%s: %s", strings.TrimPrefix(page, root), p)
		}
		links := eval[[]string](t, tb, `[...document.querySelectorAll(
			".brand, #sidebar a, .breadcrumbs a, .prevnext a")].map(a => a.href)`)
		for _, l := range links {
			u, err := url.Parse(l)
			if err != nil || u.Scheme != "file" || !strings.HasPrefix(l, root) {
				t.Errorf("%s: link %s leaves the site", strings.TrimPrefix(page, root), l)
				continue
			}
			u.Fragment = ""
			target := u.String()
			if fi, err := os.Stat(u.Path); err != nil || fi.IsDir() {
				t.Errorf("%s: dead link %s", strings.TrimPrefix(page, root), strings.TrimPrefix(target, root))
				continue
			}
			if !seen[target] {
				seen[target] = true
				queue = append(queue, target)
			}
		}
	}
	var missed []string
	for _, p := range res.Site.Pages {
		if u := root + (&url.URL{Path: p.Rel}).EscapedPath() + "index.html"; !seen[u] && !seen[root+p.Rel+"index.html"] {
			missed = append(missed, p.Rel)
		}
	}
	sort.Strings(missed)
	if len(missed) > 0 {
		t.Errorf("pages not reached through the navigation: %v", missed)
	}
	t.Logf("%d pages read from %s", len(seen), root)
}

// writeSite writes built files to a new folder, as a reader who unpacked
// the site would have them, and returns the folder.
func writeSite(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
