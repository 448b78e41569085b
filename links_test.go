package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bookWithBrokenLinks is a Markdown book as people have them: no front
// matter, links to example files that are not in the folder, a
// Windows-style path, a typo, a heading that is not there.
var bookWithBrokenLinks = map[string]string{
	"content/_index.md": "# 示例书\n\n从[第一章](01.md)开始。\n",
	"content/01.md":     "# 第一章\n\n代码见[示例](src/main.go)。\n\n下一章：[第二章](./02md)\n",
	"content/02.md":     "# 第二章\n\n## 小结\n\n见 [代码](src\\util.go) 和 [第一章的小结](01.md#小结)。\n",
}

const bookWarnings = `content/01.md:3:4: warning: broken link "src/main.go": no file or section content/src/main.go
content/01.md:5:5: warning: broken link "./02md": no file or section content/02md
content/02.md:5:3: warning: broken link "src\\util.go": no file or section content/src\util.go
content/02.md:5:25: warning: broken link "01.md#小结": no heading "小结" in content/01.md
zhinan.yaml: warning: base_url "/" has no scheme and host: sitemap.xml, index.xml, robots.txt and canonical links need absolute URLs (set base_url: https://example.org/path/ to the published address, or pass -base-url)
5 warnings`

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// positions drops the column of each diagnostic line: columns are counted
// in characters or bytes depending on a setting of the diagnostics.
func positions(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		parts := strings.SplitN(l, ":", 4)
		if len(parts) == 4 {
			lines[i] = parts[0] + ":" + parts[1] + ":" + parts[3]
		}
	}
	return strings.Join(lines, "\n")
}

// With -links warn, a book with broken links builds: every one is printed
// with its position, the exit status is 0, and the output is written with
// the links marked. By default the same book fails and public/ stays.
func TestLinksWarn(t *testing.T) {
	dir := writeFiles(t, bookWithBrokenLinks)
	out := filepath.Join(dir, "public")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("last good build"), 0o644)

	stderr := captureStderr(t, func() {
		if rc := run([]string{"build", "-src", dir}, os.Stderr); rc != 1 {
			t.Errorf("build with broken links: exit %d, want 1", rc)
		}
	})
	errors := strings.ReplaceAll(strings.ReplaceAll(bookWarnings, "warning: broken", "broken"), "5 warnings", "4 errors, 1 warning")
	if got := positions(stderr); got != positions(errors) {
		t.Errorf("default build printed:\n%s\nwant:\n%s", stderr, errors)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "last good build" {
		t.Errorf("a failed build touched public/: %q", b)
	}

	stderr = captureStderr(t, func() {
		if rc := run([]string{"build", "-src", dir, "-links", "warn"}, os.Stderr); rc != 0 {
			t.Errorf("build -links warn: exit %d, want 0", rc)
		}
	})
	if got := positions(stderr); got != positions(bookWarnings) {
		t.Errorf("build -links warn printed:\n%s\nwant:\n%s", stderr, bookWarnings)
	}
	page, err := os.ReadFile(filepath.Join(out, "02", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<a href="src%5Cutil.go" class="broken-link" title="broken link: no file or section content/src\util.go">`,
		`<a href="01.md#%E5%B0%8F%E7%BB%93" class="broken-link" title="broken link: no heading &quot;小结&quot; in content/01.md">`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("02/index.html lacks %s:\n%s", want, page)
		}
	}

	// The setting does what the flag does; the flag wins over it.
	os.WriteFile(filepath.Join(dir, "zhinan.yaml"), []byte("links: warn\n"), 0o644)
	if rc := run([]string{"build", "-src", dir}, os.Stderr); rc != 0 {
		t.Errorf("build with links: warn: exit %d, want 0", rc)
	}
	if rc := run([]string{"build", "-src", dir, "-links", "error"}, os.Stderr); rc != 1 {
		t.Errorf("build -links error over links: warn: exit %d, want 1", rc)
	}
	if rc := run([]string{"build", "-src", dir, "-links", "maybe"}, os.Stderr); rc != 2 {
		t.Errorf("build -links maybe: exit %d, want 2", rc)
	}
}

// check prints every problem and ends with their count.
func TestCheckCounts(t *testing.T) {
	files := map[string]string{"content/03.md": "---\ntitel: 错字\n---\n\n# 第三章\n"}
	for k, v := range bookWithBrokenLinks {
		files[k] = v
	}
	dir := writeFiles(t, files)
	var rc int
	stdout := capture(t, &os.Stdout, func() {
		stderr := captureStderr(t, func() { rc = run([]string{"check", "-src", dir, "-links", "warn"}, os.Stderr) })
		if !strings.Contains(stderr, `content/03.md:2:1: unknown front matter key "titel"`) {
			t.Errorf("check stderr lacks the front matter error:\n%s", stderr)
		}
	})
	if rc != 1 || strings.TrimSpace(stdout) != "4 pages: 1 error, 5 warnings" {
		t.Errorf("check: exit %d, stdout %q; want 1 and the count", rc, stdout)
	}
}
