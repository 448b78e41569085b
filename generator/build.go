package generator

import (
	"io/fs"
	"os"
	"time"

	"zhinan/generator/config"
	"zhinan/generator/content"
	"zhinan/generator/diag"
	"zhinan/generator/markdown"
	"zhinan/generator/site"
	"zhinan/generator/tmpl"
	"zhinan/templates"
)

// Options say what to build and how.
type Options struct {
	Src     string // the site root: the folder holding content/ (and optionally templates/, zhinan.yaml)
	FS      fs.FS  // the site root as a file system; when nil, os.DirFS(Src)
	Drafts  bool   // include pages whose front matter says draft: true
	BaseURL string // overrides base_url from zhinan.yaml when not empty
}

// Result is one finished build: every output file by slash path relative to
// the output root ("index.html", "platforms/ios/index.html", "assets/site.css").
type Result struct {
	Files    map[string][]byte
	Site     *site.Site    // the site graph the files were made from
	Pages    int           // pages in the site
	Rendered int           // pages whose Markdown was rendered this time (the rest came from the cache)
	Elapsed  time.Duration // wall time of the build
}

// Builder builds a site again and again, reusing what did not change: parsed
// front matter and rendered Markdown of unchanged files. A Builder is not
// safe for concurrent use.
type Builder struct {
	opts    Options
	pages   content.Cache
	renders renderCache
	cfg     config.Config // the settings of the last build; a change empties the caches
}

// NewBuilder returns a Builder for opts.
func NewBuilder(opts Options) *Builder { return &Builder{opts: opts} }

// Build reads the site and builds it in memory. When the site has problems,
// the error is a diag.List with every one of them, sorted, and Result is nil.
func (b *Builder) Build() (*Result, error) {
	start := time.Now()
	fsys := b.opts.FS
	if fsys == nil {
		fsys = os.DirFS(b.opts.Src)
	}
	var diags diag.List
	cfg, d := config.Load(fsys)
	diags.Merge(d)
	if b.opts.BaseURL != "" {
		cfg.BaseURL = b.opts.BaseURL
	}
	if cfg != b.cfg {
		b.renders = renderCache{}
		b.cfg = cfg
	}
	loaded, d := content.Load(fsys, &b.pages)
	diags.Merge(d)
	pages := loaded.Pages
	if !b.opts.Drafts {
		pages = withoutDrafts(pages)
	}
	table, d := site.NewTable(cfg.BasePath(), pages, loaded.Assets)
	diags.Merge(d)
	theme, d := tmpl.Load(templates.FS, fsys, funcs)
	diags.Merge(d)

	md := markdown.New(markdown.Options{UnsafeHTML: cfg.UnsafeHTML})
	docs, rendered := renderAll(md, pages, table, &b.renders)
	for _, p := range pages {
		diags.Merge(docs[p.Path].Diags)
	}
	graph, d := site.Build(site.Input{Config: cfg, Table: table, Pages: pages, Docs: docs})
	diags.Merge(d)
	// Templates run even when something above failed, so that one report
	// holds template problems too.
	files, d := writeSite(graph, theme, fsys, loaded.Assets)
	diags.Merge(d)
	if len(diags) > 0 {
		return nil, diags.Err()
	}
	b.renders.keep(pages, docs)
	return &Result{Files: files, Site: graph, Pages: len(graph.Pages), Rendered: rendered, Elapsed: time.Since(start)}, nil
}

func withoutDrafts(pages []*content.Page) []*content.Page {
	out := pages[:0:0]
	for _, p := range pages {
		if !p.Meta.Draft {
			out = append(out, p)
		}
	}
	return out
}
