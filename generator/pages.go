package generator

import (
	"bytes"
	"html/template"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"time"

	"zhinan/generator/content"
	"zhinan/generator/diag"
	"zhinan/generator/markdown"
	"zhinan/generator/site"
	"zhinan/generator/tmpl"
)

// PageData is what every template gets as its dot. generator/doc.go
// documents each field.
type PageData struct {
	Site *site.Site
	Page *site.Page
	Root string // relative path from the page to the site root ("../../"); for 404.html the base path
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

// writeSite executes every page template (in parallel) and gathers all other
// output files: site files, theme assets and content assets.
func writeSite(s *site.Site, theme *tmpl.Set, fsys fs.FS, assets []string) (map[string][]byte, diag.List) {
	jobs, diags := pageJobs(s, theme)
	files := make(map[string][]byte, len(jobs)+len(assets)+16)
	out := make([][]byte, len(jobs))
	errs := make([]*diag.Diag, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range next {
				buf.Reset()
				errs[i] = theme.Execute(&buf, jobs[i].layout, jobs[i].data)
				out[i] = bytes.Clone(buf.Bytes())
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, j := range jobs {
		if errs[i] != nil {
			diags = append(diags, *errs[i])
			continue
		}
		files[j.out] = out[i]
	}
	for name, b := range theme.Assets() {
		files["assets/"+name] = b
	}
	files["assets/chroma.css"] = markdown.StyleCSS()
	for _, a := range assets {
		b, err := fs.ReadFile(fsys, content.Dir+"/"+a)
		if err != nil {
			diags.Add(content.Dir+"/"+a, 0, 0, "%v", err)
			continue
		}
		files[a] = b
	}
	for name, b := range siteFiles(s) {
		files[name] = b
	}
	for name, b := range searchFiles(s) {
		files[name] = b
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
		if p.Meta.Layout != "" {
			layout = p.Meta.Layout
			if !theme.Has(layout) {
				diags.Add(p.File, p.Meta.Line("layout"), 1, "layout %q: no template %s/%s.html", layout, tmpl.Dir, layout)
				return
			}
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
	for _, a := range s.Aliases {
		jobs = append(jobs, job{out: aliasFile(a.Rel), layout: "alias",
			data: PageData{Site: s, Page: a.Target, Root: s.BasePath, Redirect: s.BasePath + a.Rel}})
	}
	notFound := &site.Page{Kind: "404", Title: "页面未找到", Rel: "404.html", URL: s.BasePath + "404.html"}
	notFound.Ancestors = []*site.Page{s.Home}
	jobs = append(jobs, job{out: "404.html", layout: "404", data: PageData{Site: s, Page: notFound, Root: s.BasePath}})
	return jobs, diags
}

func aliasFile(rel string) string {
	if strings.HasSuffix(rel, ".html") {
		return rel
	}
	return rel + "index.html"
}
