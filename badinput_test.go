package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// badInput is one malformed site: the files to write (a value starting with
// "symlink:" makes a symbolic link to the rest), and either the exact
// diagnostics "zhinan build" must print (and then exit 1 and leave the old
// public/ untouched) or, when want is empty, a documented acceptance: the
// build succeeds, and ok checks what it wrote.
type badInput struct {
	name  string
	files map[string]string
	want  string // errors; "" when the build must succeed
	warn  string // warnings of a build that succeeds
	ok    func(t *testing.T, out string)
}

const home = "content/_index.md"

func page(fm, body string) string {
	if fm == "" {
		return body
	}
	return "---\n" + fm + "\n---\n" + body
}

func contains(file string, subs ...string) func(*testing.T, string) {
	return func(t *testing.T, out string) {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range subs {
			if neg, ok := strings.CutPrefix(s, "!"); ok {
				if strings.Contains(strings.ToLower(string(b)), strings.ToLower(neg)) {
					t.Errorf("%s holds %q", file, neg)
				}
			} else if !strings.Contains(string(b), s) {
				t.Errorf("%s lacks %q", file, s)
			}
		}
	}
}

func badInputs() []badInput {
	many := strings.Builder{}
	for i := range 20000 {
		fmt.Fprintf(&many, "[%d](b.md#节%d) ", i, i%3)
	}
	return []badInput{
		{name: "unknown front matter key", files: map[string]string{home: "# 首页\n", "content/a.md": page("titel: 错字", "正文\n")},
			want: `content/a.md:2:1: unknown front matter key "titel" (did you mean "title"?)`},
		{name: "front matter of another tool", files: map[string]string{home: "# 首页\n", "content/a.md": page("sidebar_position: 2\nicon: lock\nmykey: 1", "正文\n"),
			"content/b.md": page("tag: 群主\nmykey: 2", "正文\n")},
			warn: `content/a.md:4:1: warning: unknown front matter key "mykey" on 2 pages (kept in .Params): content/a.md:4:1, content/b.md:3:1`,
			ok:   contains("tags/群主/index.html", "正文")},
		{name: "a mapped front matter key of the wrong type", files: map[string]string{home: "# 首页\n", "content/a.md": page("sidebar_position: 第二", "正文\n")},
			want: `content/a.md:2:19: front matter "sidebar_position": want a whole number, got "第二"`},
		{name: "front matter value of the wrong type", files: map[string]string{home: "# 首页\n", "content/a.md": page("weight: 很重", "正文\n")},
			want: `content/a.md:2:9: front matter "weight": want a whole number, got "很重"`},
		{name: "front matter YAML not closed", files: map[string]string{home: "# 首页\n", "content/a.md": page("tags: [甲, 乙", "正文\n")},
			want: `content/a.md:2:1: invalid front matter: did not find expected ',' or ']'`},
		// Read as Markdown (it may be a page that opens with a thematic
		// break), with a warning at the line.
		{name: "front matter never ends", files: map[string]string{home: "# 首页\n", "content/a.md": "---\ntitle: 甲\n正文\n"},
			warn: `content/a.md:1:1: warning: front matter has no closing "---" line: the whole file is read as Markdown`,
			ok:   contains("a/index.html", "<hr>", "title: 甲")},
		{name: "front matter not a mapping", files: map[string]string{home: "# 首页\n", "content/a.md": page("- 一\n- 二", "正文\n")},
			want: "content/a.md:2:1: front matter must be a mapping of keys to values"},
		{name: "bad date", files: map[string]string{home: "# 首页\n", "content/a.md": page("date: 2026-13-45", "正文\n")},
			want: `content/a.md:2:7: front matter "date": want a date like 2026-01-31, got "2026-13-45"`},
		{name: "sources not a list of title and url", files: map[string]string{home: "# 首页\n", "content/a.md": page("sources: https://example.org/", "正文\n")},
			want: `content/a.md:2:10: front matter "sources": want a list of {title, url}, got "https://example.org/"`},
		{name: "invalid UTF-8", files: map[string]string{home: "# 首页\n", "content/a.md": "# 甲\n\n好\xff坏\n"},
			want: "content/a.md:3:2: file is not valid UTF-8 text (save it as UTF-8)"},
		// CommonMark: a NUL becomes U+FFFD.
		{name: "NUL bytes", files: map[string]string{home: "# 首页\n", "content/a.md": "# 甲\n\n前\x00后\n"},
			ok: contains("a/index.html", "前\ufffd后")},
		{name: "byte order mark and CRLF", files: map[string]string{home: "# 首页\n", "content/a.md": "\ufeff---\r\ntitle: 甲\r\n---\r\n正文\r\n"},
			ok: contains("a/index.html", "<h1", "甲")},
		{name: "link to a missing page", files: map[string]string{home: "# 首页\n\n见[甲](甲.md)\n"},
			want: `content/_index.md:3:2: broken link "甲.md": no page content/甲.md`},
		{name: "link to a missing heading", files: map[string]string{home: "# 首页\n\n见[甲](a.md#没有)\n", "content/a.md": "# 甲\n## 有\n"},
			want: `content/_index.md:3:2: broken link "a.md#没有": no heading "没有" in content/a.md`},
		{name: "link to a folder without an index", files: map[string]string{home: "# 首页\n\n见[图](img/)\n", "content/img/a.png": "PNG"},
			want: `content/_index.md:3:2: broken link "img/": no index page in content/img/ (add _index.md or README.md)`},
		{name: "link leaving the site", files: map[string]string{home: "# 首页\n\n见[密码](../../../etc/passwd)\n"},
			want: `content/_index.md:3:2: broken link "../../../etc/passwd": ../../etc/passwd is outside the folder of pages content/ (link to it by URL, or widen content: in zhinan.yaml)`},
		{name: "missing image", files: map[string]string{home: "# 首页\n\n![图](none.png)\n"},
			want: `content/_index.md:3:1: broken link "none.png": no file or section content/none.png`},
		{name: "fragment on an image", files: map[string]string{home: "# 首页\n\n[图](a.png#x)\n", "content/a.png": "PNG"},
			want: `content/_index.md:3:1: broken link "a.png#x": a fragment on file content/a.png`},
		{name: "bad percent escape", files: map[string]string{home: "# 首页\n\n[坏](a%zz.md)\n"},
			want: `content/_index.md:3:1: broken link "a%zz.md": bad escape in path`},
		{name: "two pages, one URL", files: map[string]string{home: "# 首页\n", "content/a.md": "# 甲\n", "content/a/_index.md": "# 甲栏\n"},
			want: `content/a/_index.md: page URL "/a/" is also the URL of content/a.md`},
		{name: "a page and a file, one URL", files: map[string]string{home: "# 首页\n", "content/a.md": "# 甲\n", "content/a/index.html": "<p>x</p>"},
			warn: "content/a/index.html: warning: file not copied: the page of content/a.md is written there",
			ok:   contains("a/index.html", "甲")},
		{name: "custom heading IDs that clash", files: map[string]string{home: "# 首页\n\n## 一 {#x}\n\n## 二 {#x}\n"},
			want: `content/_index.md:5:1: duplicate heading id "x"`},
		{name: "alias leaving the site", files: map[string]string{home: "# 首页\n", "content/a.md": page("aliases: [../../x/]", "正文\n")},
			want: `content/a.md:2:1: alias "../../x/": not a path inside the site`},
		{name: "alias on a page's URL", files: map[string]string{home: "# 首页\n", "content/a.md": page("aliases: [/b/]", "正文\n"), "content/b.md": "# 乙\n"},
			want: `content/a.md:2:1: alias "/b/": URL "/b/" is already the URL of content/b.md`},
		{name: "two aliases, one URL", files: map[string]string{home: "# 首页\n", "content/a.md": page("aliases: [/old/]", "甲\n"), "content/b.md": page("aliases: [/old/]", "乙\n")},
			want: `content/b.md:2:1: alias "/old/": URL "/old/" is already the URL of content/a.md (alias)`},
		{name: "missing layout", files: map[string]string{home: "# 首页\n", "content/a.md": page("layout: fancy", "正文\n")},
			want: `content/a.md:2:1: layout "fancy": no template templates/fancy.html`},
		{name: "template that does not parse", files: map[string]string{home: "# 首页\n", "templates/page.html": "{{template \"base\" .}}{{define \"main\"}}{{if}}{{end}}"},
			want: "templates/page.html:1: missing value for if"},
		{name: "base template that does not parse", files: map[string]string{home: "# 首页\n", "templates/base.html": "{{define \"base\"}}{{range}}{{end}}"},
			want: "templates/base.html:1: missing value for range"},
		{name: "template that fails on a page", files: map[string]string{home: "# 首页\n", "content/a.md": "# 甲\n", "templates/page.html": "{{template \"base\" .}}{{define \"main\"}}{{.Page.Nope}}{{end}}"},
			want: `templates/page.html:1:46: executing "main" at <.Page.Nope>: can't evaluate field Nope in type *site.Page`},
		{name: "settings not YAML", files: map[string]string{home: "# 首页\n", "zhinan.yaml": "title: [不对\n"},
			want: "zhinan.yaml:1:1: invalid YAML: did not find expected ',' or ']'"},
		{name: "settings not a mapping", files: map[string]string{home: "# 首页\n", "zhinan.yaml": "- 一\n"},
			want: "zhinan.yaml:1:1: settings must be a mapping of keys to values"},
		{name: "unknown setting", files: map[string]string{home: "# 首页\n", "zhinan.yaml": "titel: 站\n"},
			want: `zhinan.yaml:1:1: unknown setting "titel"`},
		{name: "setting of the wrong type", files: map[string]string{home: "# 首页\n", "zhinan.yaml": "unsafe_html: 也许\nlinks: maybe\nstale_after: -1\n"},
			want: `zhinan.yaml:1:1: setting "unsafe_html": want true or false, got "也许"
zhinan.yaml:2:1: setting "links": want error or warn, got "maybe"
zhinan.yaml:3:1: setting "stale_after": want a number of days (0 or more), got "-1"`},
		{name: "folder of pages outside the site", files: map[string]string{home: "# 首页\n", "zhinan.yaml": "content: ../elsewhere\n"},
			want: `zhinan.yaml:1:1: setting "content": want a folder inside the site, such as content, docs or ., got "../elsewhere"`},
		{name: "no folder of pages", files: map[string]string{"zhinan.yaml": "title: 站\n", "notes/a.md": "# 甲\n"},
			want: `content: no folder content/ for the site's Markdown pages; Markdown files are in notes/ (1): set "content: notes" in zhinan.yaml (or run zhinan init)`},
		{name: "pages spread over folders, none holding nearly all", files: map[string]string{"zhinan.yaml": "title: 站\n", "common/a.md": "# 甲\n", "common/b.md": "# 乙\n", "linux/c.md": "# 丙\n"},
			want: `content: no folder content/ for the site's Markdown pages; Markdown files are in common/ (2), linux/ (1): to build them all, set "content: ." in zhinan.yaml (or run zhinan init)`},
		{name: "SUMMARY.md with a missing chapter", files: map[string]string{"content/SUMMARY.md": "# Summary\n\n- [甲](a.md)\n- [乙](b.md)\n", "content/a.md": "# 甲\n"},
			want: `content/SUMMARY.md:4:7: broken link "b.md": no page content/b.md`},
		{name: "SUMMARY.md listing a page twice and leaving the site", files: map[string]string{"content/SUMMARY.md": "- [甲](a.md)\n  - [又是甲](a.md)\n- [外面](../x.md)\n", "content/a.md": "# 甲\n"},
			want: "content/SUMMARY.md:2:11: warning: content/a.md is listed twice; the first place counts\n" +
				`content/SUMMARY.md:3:8: broken link "../x.md": x.md is outside the folder of pages content/ (link to it by URL, or widen content: in zhinan.yaml)`},
		{name: "SUMMARY.md with a broken list", files: map[string]string{"content/SUMMARY.md": "- [甲](a.md\n- [乙]\n", "content/a.md": "# 甲\n"},
			want: `content/SUMMARY.md:1:7: unclosed "(" in chapter link`},
		{name: "dangling symbolic link", files: map[string]string{home: "# 首页\n", "content/gone.md": "symlink:/nonexistent/zhinan/gone.md"},
			want: "content/gone.md: open content/gone.md: no such file or directory"},
		{name: "a folder named like a page", files: map[string]string{home: "# 首页\n", "content/x.md/a.md": "# 甲\n"},
			ok: contains("x.md/a/index.html", "甲")},
		{name: "raw HTML with XSS vectors", files: map[string]string{home: "# 首页\n\n<script>alert(1)</script>\n\n<img src=https://example.org/x.png onerror=alert(2)>\n\n" +
			"<a href=\"javascript:alert(3)\">x</a> <a href=\"JaVaScRiPt:alert(4)\">y</a> <svg onload=alert(5)></svg>\n\n" +
			"<iframe src=\"javascript:alert(6)\"></iframe><div style=\"background:url(javascript:alert(7))\">z</div>\n\n" +
			"<details open ontoggle=alert(8)><summary>s</summary></details> <body onload=alert(9)> <meta http-equiv=refresh content=0;url=javascript:alert(10)>\n"},
			ok: contains("index.html", "!alert(", "!javascript:", "!onerror", "!onload", "!ontoggle", "!<iframe", "!<svg", "!http-equiv")},
		{name: "10 MB page", files: map[string]string{home: "# 首页\n\n[大](big.md)\n", "content/big.md": "# 大页\n\n" + strings.Repeat("群聊解散以后，聊天记录还在各自的手机上。\n\n", 180000)},
			ok: contains("big/index.html", "大页")},
		{name: "100,000-character lines", files: map[string]string{home: "# 首页\n\n" + strings.Repeat("长", 100000) + "\n\n" + strings.Repeat("a", 100000) + "\n"},
			ok: contains("index.html", "长长长")},
		{name: "20,000 links", files: map[string]string{home: "# 首页\n\n" + many.String() + "\n", "content/b.md": "# 乙\n## 节0\n## 节1\n## 节2\n"},
			ok: contains("index.html", ">19999</a>")},
	}
}

func TestBadInput(t *testing.T) {
	for _, tc := range badInputs() {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range tc.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if target, ok := strings.CutPrefix(text, "symlink:"); ok {
					if err := os.Symlink(target, p); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(dir, "public")
			os.MkdirAll(out, 0o755)
			os.WriteFile(filepath.Join(out, "index.html"), []byte("last good build"), 0o644)
			var rc int
			stderr := captureStderr(t, func() { rc = run([]string{"build", "-src", dir}, os.Stderr) })
			got := diagLines(stderr, dir)
			if os.Getenv("BADINPUT_DUMP") != "" {
				fmt.Printf("=== %s (exit %d)\n%s\n", tc.name, rc, got)
			}
			if tc.want == "" {
				if rc != 0 || got != tc.warn {
					t.Fatalf("exit %d, want 0 with warnings %q:\n%s", rc, tc.warn, stderr)
				}
				if tc.ok != nil {
					tc.ok(t, out)
				}
				return
			}
			if rc != 1 || got != tc.want {
				t.Errorf("exit %d, diagnostics:\n%s\nwant exit 1 and:\n%s", rc, got, tc.want)
			}
			if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "last good build" {
				t.Errorf("a failed build touched public/")
			}
		})
	}
}

// countLine matches the closing line of a report: "2 errors, 1 warning".
var countLine = regexp.MustCompile(`^\d+ (errors?|warnings?)(, \d+ warnings?)?$`)

// diagLines keeps the diagnostic lines of a build's standard error, without
// the count line, the publishing warning every such test site has, and the
// temporary folder's path.
func diagLines(stderr, dir string) string {
	var keep []string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if l == "" || strings.HasPrefix(l, "zhinan.yaml: warning: base_url") || countLine.MatchString(l) {
			continue
		}
		keep = append(keep, strings.ReplaceAll(l, dir, "SITE"))
	}
	return strings.Join(keep, "\n")
}
