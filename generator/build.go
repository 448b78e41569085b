package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"zhinan/generator/config"
	"zhinan/generator/content"
	"zhinan/generator/diag"
	"zhinan/generator/i18n"
	"zhinan/generator/markdown"
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
}

// Result is one build: every output file by slash path relative to the
// output root ("index.html", "platforms/ios/index.html", "assets/site.css").
type Result struct {
	Files    map[string][]byte // every file; nil after Prepare until Complete
	Site     *site.Site        // the site graph the files were made from
	Pages    int               // pages in the site
	Rendered int               // pages whose Markdown was rendered this time (the rest came from the cache)
	Elapsed  time.Duration     // wall time of the build

	out *output
}

// File returns one output file, making it if it was not made yet. A path
// that is not part of the site gives an error satisfying
// errors.Is(err, fs.ErrNotExist); a template that fails gives a *diag.Diag.
// It is safe for concurrent use.
func (r *Result) File(name string) ([]byte, error) {
	if r.Files != nil {
		if b, ok := r.Files[name]; ok {
			return b, nil
		}
		return nil, fs.ErrNotExist
	}
	return r.out.file(name, true)
}

// Make is File without keeping what it made: for writing each file once.
func (r *Result) Make(name string) ([]byte, error) {
	if r.out == nil {
		return r.File(name)
	}
	return r.out.file(name, false)
}

// Names lists every output file, sorted.
func (r *Result) Names() []string {
	if r.out == nil {
		names := make([]string, 0, len(r.Files))
		for n := range r.Files {
			names = append(names, n)
		}
		slices.Sort(names)
		return names
	}
	return r.out.names()
}

// Assets are the theme's files (the output's assets/ folder), by output path.
func (r *Result) Assets() map[string][]byte {
	files := map[string][]byte{}
	all := r.Files
	if r.out != nil {
		all = r.out.static
	}
	for name, b := range all {
		if strings.HasPrefix(name, "assets/") {
			files[name] = b
		}
	}
	return files
}

// Complete makes every file of a prepared result (in parallel) and fills
// Files. Template problems come back as a diag.List.
func (r *Result) Complete() error {
	if r.Files != nil {
		return nil
	}
	files, diags := r.out.all()
	if len(diags) > 0 {
		return diags.Err()
	}
	r.Files = files
	return nil
}

// Builder builds a site again and again, reusing what did not change: parsed
// front matter and rendered Markdown of unchanged files. A Builder is not
// safe for concurrent use.
type Builder struct {
	opts    Options
	pages   content.Cache
	renders renderCache
	cfg     config.Config // the settings of the last build; a change empties the caches
	loaded  *content.Site // what the last build found under content/
	theme   *tmpl.Set     // the last build's templates, if they loaded cleanly
	changed []string      // set by PrepareChanged for one build
	words   words         // the reader-facing words, for templates' {{t}}
}

// NewBuilder returns a Builder for opts.
func NewBuilder(opts Options) *Builder { return &Builder{opts: opts} }

// Build reads the site and builds it in memory. When the site has problems,
// the error is a diag.List with every one of them, sorted, and Result is nil.
func (b *Builder) Build() (*Result, error) {
	start := time.Now()
	res, err := b.prepare(true)
	if err != nil {
		return nil, err
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// Prepare does all of a build but running the page templates and building
// the search index: every URL, link and anchor is checked, every problem
// outside templates reported, and Result.File makes any file on demand. The
// preview server uses it so that a save shows in the browser at once, however
// big the site. Complete finishes the job.
func (b *Builder) Prepare() (*Result, error) {
	return b.prepare(false)
}

// PrepareChanged is Prepare when the caller knows that only the given files
// (paths relative to the site root) changed since the last build: if they are
// all existing files under content/, only they are read again; otherwise it is
// a plain Prepare.
func (b *Builder) PrepareChanged(paths []string) (*Result, error) {
	b.changed = paths
	defer func() { b.changed = nil }()
	return b.prepare(false)
}

// BuildChanged is Build when the caller knows which files changed since the
// last build (as a file watcher does): those are read again whatever their
// size and time say, and if the set of files is the same, only they are.
func (b *Builder) BuildChanged(paths []string) (*Result, error) {
	b.changed = paths
	defer func() { b.changed = nil }()
	return b.Build()
}

func (b *Builder) prepare(complete bool) (*Result, error) {
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
	ws, d := i18n.Load(templates.FS, fsys, cfg.Language)
	diags.Merge(d)
	if b.words.set(ws) || cfg != b.cfg {
		b.renders = renderCache{}
		b.cfg = cfg
	}
	tree := content.Tree{Dir: cfg.Content, Exclude: cfg.Exclude}
	for _, c := range b.changed {
		if rel, ok := tree.Rel(c); ok {
			b.pages.Forget(rel)
		}
	}
	loaded, d, ok := content.Reload(fsys, tree, &b.pages, b.loaded, b.changed)
	if !ok {
		loaded, d = content.Load(fsys, tree, &b.pages)
	}
	b.loaded = loaded
	diags.Merge(d)
	pages := loaded.Pages
	if !b.opts.Drafts {
		pages = withoutDrafts(pages)
	}
	table, d := site.NewTable(cfg.BasePath(), tree, pages, loaded.Assets)
	diags.Merge(d)
	theme := b.theme
	if theme == nil || !ok || !onlyContent(tree, b.changed) {
		theme, d = tmpl.Load(templates.FS, fsys, b.words.templateFuncs())
		diags.Merge(d)
		b.theme = nil
		if len(d) == 0 {
			b.theme = theme
		}
	}

	md := markdown.New(markdown.Options{UnsafeHTML: cfg.UnsafeHTML, Words: markdownWords(ws)})
	docs, rendered := renderAll(md, pages, table, &b.renders)
	for _, p := range pages {
		diags.Merge(docs[p.Path].Diags)
	}
	graph, d := site.Build(site.Input{Config: cfg, Table: table, Pages: pages, Docs: docs, Summary: loaded.Summary, Folder: folderName(b.opts.Src), Words: ws})
	diags.Merge(d)
	out, d := planSite(graph, theme, fsys, loaded.Assets)
	diags.Merge(d)
	res := &Result{Site: graph, Pages: len(graph.Pages), Rendered: rendered, out: out}
	if complete {
		// Templates run even when something above failed, so that one
		// report holds template problems too.
		files, d := out.all()
		diags.Merge(d)
		res.Files = files
	}
	// The cache keeps this build's documents even when it failed: the fix is
	// usually one file, and the rebuild should not render all the others.
	b.renders.keep(pages, docs, table)
	if len(diags) > 0 {
		return nil, diags.Err()
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// onlyContent reports whether every changed path is a page or asset, so
// that the templates need not be read again. No paths means unknown.
func onlyContent(tree content.Tree, paths []string) bool {
	for _, p := range paths {
		if _, ok := tree.Rel(p); !ok {
			return false
		}
	}
	return len(paths) > 0
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
