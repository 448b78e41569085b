package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"zhinan/generator/config"
	"zhinan/generator/content"
	"zhinan/generator/diag"
	"zhinan/generator/fresh"
	"zhinan/generator/i18n"
	"zhinan/generator/markdown"
	"zhinan/generator/output"
	"zhinan/generator/parallel"
	"zhinan/generator/site"
	"zhinan/generator/tmpl"
	"zhinan/templates"
)

// Options say what to build and how.
type Options struct {
	Src     string // the site root: the folder holding zhinan.yaml, the folder of pages (content/ unless it says otherwise) and optionally templates/
	FS      fs.FS  // the site root as a file system; when nil, os.DirFS(Src)
	Drafts  bool   // include pages whose front matter says draft: true
	BaseURL string // overrides base_url from zhinan.yaml when not empty
	Links   string // overrides the links setting when not empty: config.LinksError or config.LinksWarn
	// Out is the output folder (as -out gives it: relative to the current
	// folder, or absolute); empty means the output setting, inside Src.
	// When it lies inside the site, its files are never read as pages.
	Out string
	Now time.Time // "today" for stale_after (package fresh); zero means time.Now()
	// Once says the Builder builds once (zhinan build, check, search): it
	// keeps nothing for a next build, lets each page's Markdown source go as
	// soon as the page is rendered, and, when the theme reads no page's HTML
	// but where that page is made (tmpl.Set.OwnContentOnly), lets each
	// page's HTML go once Result.Write has written it, building the search
	// index after the pages. So a big site is not held whole through
	// templates and the search index. Set it only for a Builder whose Build
	// is called once, and make Write the last use of its Result.
	Once bool
	// Loaded, when set, is called with the number of pages once they are
	// read, before they are rendered: zhinan build sets its memory limit
	// from it.
	Loaded func(pages int)
}

// Change says what changed since a Builder's last build.
type Change struct {
	Paths []string // slash paths relative to the site root, as a watcher reports them
	All   bool     // anything may have changed: a first build, or a watcher that lost events
}

// All is the Change of a build from scratch.
var All = Change{All: true}

// Builder builds a site again and again, reusing what did not change: parsed
// front matter, rendered Markdown and parsed templates. A Builder is not
// safe for concurrent use.
type Builder struct {
	opts    Options
	pages   content.Cache
	renders renderCache
	built   bool          // a build has run, so cfg, loaded and theme describe it
	cfg     config.Config // the settings of the last build
	loaded  *content.Site // what the last build found under content/
	theme   *tmpl.Set     // the last build's templates, if they loaded cleanly
	words   words         // the reader-facing words, for templates' {{t}}
	anchors site.Anchors  // which pages link to missing headings, checked again only where renders changed
	graph   site.Cache    // how the last build's pages link to each other
	// part is set on the Builder of one language of a multilingual site;
	// langs, on a multilingual site's own Builder, are its languages'
	// Builders (see languages.go).
	part        *langPart
	langs       []*Builder
	loadedSoFar int // pages the languages built so far have, for Options.Loaded
}

// NewBuilder returns a Builder for opts.
func NewBuilder(opts Options) *Builder { return &Builder{opts: opts} }

// Build builds the site after ch, reusing what ch cannot have changed since
// the last build (planReuse decides what). It returns the site, whose files
// are made on demand, and every diagnostic, sorted, each an error or a
// warning.
//
// Problems that belong to one page (a broken link, bad front matter, a URL
// that another page has) leave the rest of the site whole: the result is
// there, and that page is built as well as it can be. Only site-wide
// problems, the settings or templates that do not load, give a nil result.
// Templates run when a file is asked for (Result.File, Check, Write), so a
// template that fails on one page is reported there.
func (b *Builder) Build(ch Change) (*Result, diag.List) {
	start := time.Now()
	fsys := b.opts.FS
	if fsys == nil {
		fsys = os.DirFS(b.opts.Src)
	}
	var diags, siteWide diag.List
	cfg, d := config.Load(fsys)
	siteWide.Merge(d)
	if b.opts.BaseURL != "" {
		cfg.BaseURL = b.opts.BaseURL
	}
	if b.opts.Links != "" {
		cfg.Links = b.opts.Links
	}
	if b.part == nil && cfg.Langs != "" && len(siteWide) == 0 {
		return b.buildLanguages(ch, cfg, start)
	}
	b.langs = nil
	if b.part != nil {
		cfg = b.part.config(cfg)
	}
	ws, d := i18n.Load(templates.FS, fsys, cfg.Language)
	siteWide.Merge(d)
	wordsChanged := b.words.set(ws)
	tree := b.contentTree(cfg)
	plan := planReuse(ch, tree, lastBuild{
		built: b.built, theme: b.theme != nil, config: b.built && cfg == b.cfg && !wordsChanged})
	b.built, b.cfg = true, cfg
	if !plan.renders {
		b.renders = renderCache{}
	}

	loaded, d := b.load(fsys, tree, plan)
	diags.Merge(d)
	pages := loaded.Pages
	if !b.opts.Drafts {
		pages = withoutDrafts(pages)
	}
	if b.opts.Loaded != nil {
		b.opts.Loaded(len(pages))
	}
	table, d := site.NewTable(cfg.BasePath(), tree, pages, loaded.Assets)
	diags.Merge(d)
	if b.part != nil && b.part.fallback != nil {
		f := *b.part.fallback
		f.Title = ws.T("untranslated_link")
		table.SetFallback(&f)
	}
	theme := b.theme
	if !plan.theme || theme == nil {
		theme, d = tmpl.Load(templates.FS, fsys, b.words.templateFuncs())
		if sharedBroken(d) {
			siteWide.Merge(d)
		} else {
			diags.Merge(d) // only the pages of the layouts that failed fail
		}
		b.theme = nil
		if len(d) == 0 {
			b.theme = theme
		}
	}

	md := markdown.New(markdown.Options{UnsafeHTML: cfg.UnsafeHTML, Words: markdownWords(ws)})
	docs, rendered := renderAll(md, pages, table, &b.renders)
	// The cache keeps this build's documents even when it failed: the fix is
	// usually one file, and the rebuild should not render all the others.
	if !b.opts.Once {
		b.renders.keep(pages, docs, table)
	}
	anchors, links := &b.anchors, &b.graph
	if b.opts.Once {
		anchors, links = &site.Anchors{}, nil // nothing is kept for a next build
	}
	markBrokenAnchors(md, docs, anchors.Broken(table, docs, pages, rendered), table)
	if b.opts.Once {
		// Sources are the biggest thing a page has after its HTML; the URL
		// table keeps the pages, and nothing reads a body once rendered.
		for _, p := range pages {
			p.Body = nil
		}
	}
	for _, p := range pages {
		diags.Merge(docs[p.Path].Diags)
	}
	graph, d := site.Build(site.Input{Config: cfg, Table: table, Pages: pages, Docs: docs,
		Summary: loaded.Summary, Folders: loaded.Folders, Folder: folderName(b.opts.Src), Words: ws, Cache: links})
	diags.Merge(d)
	diags.Merge(fresh.Mark(graph.Pages, cfg.StaleAfter, b.opts.Now))
	diags.Merge(siteWide)
	if cfg.Links == config.LinksWarn {
		diags.Demote(diag.BrokenLink)
	}
	diags.Sort()
	if len(siteWide) > 0 {
		b.theme = nil
		return nil, diags
	}
	out, d := planSite(graph, theme, fsys, loaded.Assets, b.opts.Once)
	if len(d) > 0 {
		diags.Merge(d)
		diags.Sort()
	}
	return &Result{Site: graph, Pages: len(graph.Pages), Rendered: len(rendered), Elapsed: time.Since(start), out: out}, diags
}

// contentTree is where the pages of a build with settings cfg are.
func (b *Builder) contentTree(cfg config.Config) content.Tree {
	return b.part.tree(content.Tree{Dir: cfg.Content, Exclude: cfg.Exclude, Output: OutputWithin(b.opts.Src, b.opts.Out, cfg),
		Nav: cfg.Nav, HashRoutes: cfg.HashRoutes})
}

// OutputDir is the output folder of the site at src: out (a -out flag) when
// given, else the output setting inside src.
func OutputDir(src, out string, cfg config.Config) string {
	if out != "" {
		return out
	}
	return filepath.Join(src, filepath.FromSlash(cfg.Output))
}

// OutputWithin is OutputDir as a slash path relative to the site root, when
// it lies inside the site, else "" (see content.Tree.Output).
func OutputWithin(src, out string, cfg config.Config) string {
	return output.Within(src, OutputDir(src, out, cfg))
}

// load reads the folder of pages again as far as plan says it must.
func (b *Builder) load(fsys fs.FS, tree content.Tree, plan reuse) (*content.Site, diag.List) {
	for _, p := range plan.forget {
		b.pages.Forget(p)
	}
	if !plan.reload && b.loaded != nil {
		if loaded, d, ok := content.Reload(fsys, tree, &b.pages, b.loaded, plan.changed); ok {
			b.loaded = loaded
			return loaded, d
		}
	}
	loaded, d := content.Load(fsys, tree, &b.pages)
	b.loaded = loaded
	return loaded, d
}

// markBrokenAnchors renders again the pages that link to a heading that is
// not there (broken, from site.Anchors), so those links are marked as broken
// in the page, as links to missing pages are. It is rare, and only possible
// once every page is rendered (a page's heading IDs come from rendering it).
func markBrokenAnchors(md *markdown.Renderer, docs map[string]*markdown.Doc, broken []*content.Page, t *site.Table) {
	if len(broken) == 0 {
		return
	}
	res := site.AnchorResolver(t, docs)
	again := make([]*markdown.Doc, len(broken))
	parallel.For(len(broken), 0, func(i int) {
		again[i] = md.Render(broken[i].File, broken[i].Path, broken[i].Body, res)
	})
	for i, p := range broken {
		docs[p.Path] = again[i]
	}
}

// sharedBroken reports whether a template problem is in the files every
// layout includes (base.html, partials/), so that no page can be made.
func sharedBroken(d diag.List) bool {
	for _, x := range d {
		if x.File == tmpl.Dir+"/base.html" || strings.HasPrefix(x.File, tmpl.Dir+"/partials/") || x.File == "" {
			return true
		}
	}
	return false
}

// folderName is the name of the site's folder, the title of last resort.
func folderName(src string) string {
	abs, err := filepath.Abs(src)
	if src == "" || err != nil {
		return ""
	}
	return filepath.Base(abs)
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
