package generator

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"

	"zhinan/generator/content"
	"zhinan/generator/diag"
	"zhinan/generator/markdown"
	"zhinan/generator/parallel"
	"zhinan/generator/search"
	"zhinan/generator/site"
	"zhinan/generator/tmpl"
)

// PageData is what every template gets as its dot. generator/doc.go
// documents each field.
type PageData struct {
	Site *site.Site
	Page *site.Page
	Root string // relative path from the output file to the site root ("../../"); for 404.html the base path
	// Redirect is set on alias pages: the old URL that leads to Page.
	Redirect string
}

var funcs = template.FuncMap{
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	},
	"iso":  func(t time.Time) string { return t.Format(time.RFC3339) },
	"add":  func(a, b int) int { return a + b },
	"join": strings.Join,
	"pair": func(a, b any) []any { return []any{a, b} },
	// href writes href="URL" with the URL as it is, only HTML-escaped: html/template
	// would percent-encode Chinese, tripling the bytes of every such link.
	// Use it for the site's own URLs and heading IDs only.
	"href": func(url string) template.HTMLAttr {
		return template.HTMLAttr(`href="` + template.HTMLEscapeString(url) + `"`)
	},
}

// job is one output file made from a template.
type job struct {
	out    string // output path
	layout string
	data   PageData
	source string // file to blame for a missing layout
}

// fileSet is a site's files before they are all made. Static files (theme
// and content assets, sitemap, feed) are ready; each page is a template job
// run on demand; the search index is built on first use. Build runs
// everything at once; serve asks for the files a browser wants, so a rebuild
// on a big site is ready long before every page could be rendered.
type fileSet struct {
	theme  *tmpl.Set
	site   *site.Site
	fsys   fs.FS
	static map[string][]byte
	assets map[string]bool // content files, read when asked for
	// mermaid is the site-root path of the site's copy of Mermaid's
	// script, written to mermaidAsset; "" when no page loads it.
	mermaid string
	jobs    map[string]job
	made    sync.Map // output path -> []byte, for jobs already run
	search  struct {
		once  sync.Once
		index *search.Lazy
	}
	// dropContent: a page's HTML is let go once its file is made without
	// being kept (see planSite), and the search index is built after the
	// pages are written, so the two never hold memory at once.
	dropContent bool
	siteFiles   struct {
		once  sync.Once
		files map[string][]byte
	}
}

// generated are the files made from the whole graph (sitemap, feed, robots),
// made on first use.
func (o *fileSet) generated() map[string][]byte {
	o.siteFiles.once.Do(func() { o.siteFiles.files = siteFiles(o.site) })
	return o.siteFiles.files
}

// planSite lists every output file of the site without running templates.
// It also decides whether pages with a diagram load the site's Mermaid
// (mermaidScript; the warning when there is none is among its diagnostics).
//
// once says the files are made once, by one Write (a one-shot build): then,
// when the theme reads no page's HTML but where that page is made, each
// page's HTML is let go as soon as its file is made.
func planSite(s *site.Site, theme *tmpl.Set, fsys fs.FS, assets []string, once bool) (*fileSet, diag.List) {
	jobs, diags := pageJobs(s, theme)
	o := &fileSet{theme: theme, site: s, fsys: fsys, static: map[string][]byte{},
		assets: map[string]bool{}, jobs: make(map[string]job, len(jobs)),
		dropContent: once && theme.OwnContentOnly()}
	for _, j := range jobs {
		o.jobs[j.out] = j
	}
	for name, b := range theme.Assets() {
		o.static["assets/"+name] = b
	}
	o.static["assets/chroma.css"] = chromaCSS()
	for _, a := range assets {
		if what := o.madeAt(a); what != "" {
			// An app shell's index.html beside README.md, a copy of an
			// old build: the site's own file has the place.
			diags.Warn(o.assetFile(a), 0, 0, "file not copied: %s is written there", what)
			continue
		}
		o.assets[a] = true
	}
	var d diag.List
	if o.mermaid, d = mermaidScript(fsys, s.Config, s.Pages); o.mermaid != "" {
		s.Mermaid = mermaidAsset
	}
	return o, append(diags, d...)
}

// madeAt names the page or theme file the site makes at output path name,
// or "".
func (o *fileSet) madeAt(name string) string {
	if _, ok := o.static[name]; ok {
		return "the theme's " + name
	}
	j, ok := o.jobs[name]
	switch {
	case !ok:
		return ""
	case j.data.Redirect != "":
		return "the redirect to " + j.data.Page.URL
	case j.data.Page.File != "":
		return "the page of " + j.data.Page.File
	}
	return fmt.Sprintf("the page %q", j.data.Page.Title)
}

// chromaCSS is the code highlighting style sheet, minified once.
var chromaCSS = sync.OnceValue(func() []byte { return tmpl.Minify("chroma.css", markdown.StyleCSS()) })

// assetFile is the site-root path of a content file copied to output path
// name: the folder of pages (content: in zhinan.yaml) holds it.
func (o *fileSet) assetFile(name string) string {
	return content.Tree{Dir: o.site.Config.Content}.File(name)
}

// names lists every output path, sorted.
func (o *fileSet) names() []string {
	names := append(o.siteNames(), o.searchNames()...)
	sort.Strings(names)
	return names
}

// siteNames lists every output path but the search index's, unsorted.
func (o *fileSet) siteNames() []string {
	names := make([]string, 0, len(o.static)+len(o.assets)+len(o.jobs))
	for n := range o.static {
		names = append(names, n)
	}
	for n := range o.assets {
		names = append(names, n)
	}
	for n := range o.jobs {
		names = append(names, n)
	}
	for n := range o.generated() {
		names = append(names, n)
	}
	if o.mermaid != "" {
		names = append(names, mermaidAsset)
	}
	return names
}

// searchNames lists the search index's files, building it if need be.
func (o *fileSet) searchNames() []string { return o.searchIndex().Names() }

// searchIndex builds the search index on first use.
func (o *fileSet) searchIndex() *search.Lazy {
	o.search.once.Do(func() { o.search.index = searchIndex(o.site) })
	return o.search.index
}

// file makes one output file. A missing file is fs.ErrNotExist; a template
// that fails is a *diag.Diag. With keep, a page made from a template is kept
// for the next request (serve); without, it is left to the caller (build
// writes it and lets it go, so the site is never in memory whole).
func (o *fileSet) file(name string, keep bool) ([]byte, error) {
	if b, ok := o.static[name]; ok {
		return b, nil
	}
	if o.assets[name] {
		return fs.ReadFile(o.fsys, o.assetFile(name))
	}
	if name == mermaidAsset && o.mermaid != "" {
		return fs.ReadFile(o.fsys, o.mermaid)
	}
	if b, ok := o.generated()[name]; ok {
		return b, nil
	}
	if j, ok := o.jobs[name]; ok {
		if b, ok := o.made.Load(name); ok {
			return b.([]byte), nil
		}
		var buf bytes.Buffer
		// Pages are the body plus some 8 kB of head, bounded sidebar and
		// footer (a list page: 40 entries more): growing the buffer once
		// saves copying and clearing it many times.
		buf.Grow(len(j.data.Page.Content) + 12<<10)
		if d := o.theme.Execute(&buf, j.layout, j.data); d != nil {
			return nil, d
		}
		if keep {
			o.made.Store(name, buf.Bytes())
		} else if o.dropContent && j.data.Redirect == "" {
			j.data.Page.DropContent()
		}
		return buf.Bytes(), nil
	}
	if strings.HasPrefix(name, "search/") {
		if b, ok := o.searchIndex().File(name); ok {
			return b, nil
		}
	}
	return nil, fs.ErrNotExist
}

// all makes every file, running templates on all cores, and returns every
// problem met. With keep, made pages are also kept for file.
func (o *fileSet) all(keep bool) (map[string][]byte, diag.List) {
	names := o.names()
	data := make([][]byte, len(names))
	errs := make([]error, len(names))
	parallel.For(len(names), 0, func(i int) {
		data[i], errs[i] = o.file(names[i], keep)
	})
	files := make(map[string][]byte, len(names))
	var diags diag.List
	for i, name := range names {
		var d *diag.Diag
		switch {
		case errors.As(errs[i], &d):
			diags = append(diags, *d)
		case errs[i] != nil:
			diags.Add(name, 0, 0, "%v", errs[i])
		default:
			files[name] = data[i]
		}
	}
	diags.Sort()
	return files, diags
}

// pageJobs lists the template runs of the site: every page, term and
// taxonomy, alias and the 404 page.
func pageJobs(s *site.Site, theme *tmpl.Set) ([]job, diag.List) {
	var jobs []job
	var diags diag.List
	add := func(p *site.Page, layout string) {
		if l := p.Meta.Layout; l != "" && theme.Has(l) {
			layout = l
		} else if l != "" && vueLayout(l) {
			diags.Warn(p.File, p.Meta.Line("layout"), 1, "layout %q: no template %s/%s.html (a VuePress or VitePress layout?); the page uses the default", l, tmpl.Dir, l)
		} else if l != "" {
			diags.Add(p.File, p.Meta.Line("layout"), 1, "layout %q: no template %s/%s.html", l, tmpl.Dir, l)
			return
		}
		jobs = append(jobs, job{out: p.Rel + "index.html", layout: layout,
			data: PageData{Site: s, Page: p, Root: strings.Repeat("../", p.Depth())}})
	}
	for _, p := range s.Pages {
		add(p, p.Kind)
	}
	for _, p := range s.Taxonomies {
		add(p, site.KindTaxonomy)
	}
	for _, p := range s.Terms {
		add(p, site.KindTerm)
	}
	for _, p := range s.Listings {
		add(p, p.Kind)
	}
	for _, a := range s.Aliases {
		jobs = append(jobs, job{out: aliasFile(a.Rel), layout: "alias",
			data: PageData{Site: s, Page: a.Target, Root: strings.Repeat("../", strings.Count(a.Rel, "/")), Redirect: s.BasePath + a.Rel}})
	}
	notFound := &site.Page{Kind: site.Kind404, Title: s.Words.T("not_found"), Rel: "404.html", URL: s.BasePath + "404.html"}
	notFound.Ancestors = []*site.Page{s.Home}
	jobs = append(jobs, job{out: "404.html", layout: "404", data: PageData{Site: s, Page: notFound, Root: s.BasePath}})
	return jobs, diags
}

// vueLayout reports a layout name of VuePress or VitePress, whose layouts
// are Vue components (Blog, SlidePage) or VitePress's own doc: pages
// written for them build with our default layout.
func vueLayout(name string) bool {
	return name == "doc" || ('A' <= name[0] && name[0] <= 'Z')
}

func aliasFile(rel string) string {
	if strings.HasSuffix(rel, ".html") {
		return rel
	}
	return rel + "index.html"
}
