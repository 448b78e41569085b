// Package e2e checks the default theme on the real built site: in a real
// browser (Chromium via chromedp) at phone and desktop widths, and without a
// browser for the page-weight budget. Browser tests skip when Chromium is
// missing, unless CI=true.
package e2e

import (
	"mime"
	"net/http"
	"net/http/httptest"
	"path"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"zhinan/generator"
	"zhinan/generator/diag"
)

// built is a site built in memory, every file made.
type built struct {
	*generator.Result
	Files map[string][]byte
}

var (
	siteOnce  sync.Once
	siteRes   *built
	siteDiags diag.List
)

// build builds a site in memory, or fails the test with its problems.
func build(t *testing.T, opts generator.Options) (*built, diag.List) {
	t.Helper()
	res, files, diags := generator.BuildFiles(opts)
	if files == nil {
		return nil, diags
	}
	return &built{res, files}, diags
}

// realSite builds the repository's own site (content/ at the module root)
// once per test binary.
func realSite(t *testing.T) *built {
	t.Helper()
	siteOnce.Do(func() {
		siteRes, siteDiags = build(t, generator.Options{Src: ".."})
	})
	if len(siteDiags) > 0 {
		t.Fatalf("building the site: %v", siteDiags)
	}
	return siteRes
}

// codeSite builds a small site with highlighted code blocks (one with a
// title, a marked line and line numbers) and a task list, which the real
// content does not have.
func codeSite(t *testing.T) *built {
	t.Helper()
	fsys := fstest.MapFS{
		"content/_index.md": {Data: []byte("# 代码示例站\n\n见 [代码](code.md)。\n")},
		"content/code.md": {Data: []byte("---\ntitle: 代码\n---\n\n## 示例\n\n```go\n" +
			"package main\n\nfunc main() {\n\tprintln(\"解散\") // 注释\n}\n```\n\n" +
			"- [x] 已备份\n- [ ] 已通知\n\n" +
			"```py title=\"backup.py\" hl_lines=\"2\" linenums=\"9\"\nimport os\nos.remove(\"群.db\")\nprint(\"done\")\n```\n")},
	}
	res, diags := build(t, generator.Options{FS: fsys})
	if len(diags) > 0 {
		t.Fatalf("building the code site: %v", diags)
	}
	return res
}

// serve serves built files the way a static host does (siteHandler).
func serve(t *testing.T, files map[string][]byte) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(siteHandler(files))
	t.Cleanup(srv.Close)
	return srv
}

// siteHandler answers for built files the way a static host does: "/x/"
// is x/index.html, content types by extension, 404 for anything else.
// Tests that serve more (a slow file, a path prefix, a script of their
// own) wrap it.
func siteHandler(files map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		b, ok := files[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		ct := mime.TypeByExtension(path.Ext(name))
		if ct == "" {
			ct = http.DetectContentType(b)
		}
		w.Header().Set("Content-Type", ct)
		w.Write(b)
	})
}

// pageURLs lists the URL path of every HTML page of a build: each
// folder's index.html, and 404.html. Alias (redirect) pages are listed
// separately, as they leave at once.
func pageURLs(res *built) (pages, aliases []string) {
	isAlias := map[string]bool{}
	for _, a := range res.Site.Aliases {
		isAlias[a.Rel] = true
	}
	for name := range res.Files {
		switch {
		case name == "404.html":
			pages = append(pages, "/404.html")
		case name == "index.html" || strings.HasSuffix(name, "/index.html"):
			dir := strings.TrimSuffix(name, "index.html")
			if isAlias[dir] {
				aliases = append(aliases, "/"+dir)
			} else {
				pages = append(pages, "/"+dir)
			}
		}
	}
	sort.Strings(pages)
	sort.Strings(aliases)
	return pages, aliases
}

// guidePages are the built files of the site's guides (pages of kind "page").
func guidePages(res *built) map[string][]byte {
	out := map[string][]byte{}
	for _, p := range res.Site.Pages {
		if p.Kind == "page" {
			out[p.Rel+"index.html"] = res.Files[p.Rel+"index.html"]
		}
	}
	return out
}
