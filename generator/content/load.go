package content

import (
	"crypto/sha256"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"zhinan/generator/config"
	"zhinan/generator/diag"
	"zhinan/generator/mkdocs"
	"zhinan/generator/parallel"
	"zhinan/generator/summary"
)

// Page is one Markdown file under content/.
type Page struct {
	Path    string   // slash path relative to the folder of pages: "platforms/ios.md"
	File    string   // path for diagnostics, relative to the site root: "content/platforms/ios.md"
	Section bool     // the file is _index.md, index.md, or a README.md without either: it describes its folder
	Meta    Meta     // front matter; zero when the file has none
	Body    []byte   // the file with front matter blanked out; lines keep their numbers
	Hash    [32]byte // SHA-256 of the whole file, for caches
}

// Dir is the folder the page describes (for a section) or lives in, relative
// to content/ ("" for the top).
func (p *Page) Dir() string {
	d := path.Dir(p.Path)
	if d == "." {
		return ""
	}
	return d
}

// Site is everything found in the folder of pages.
type Site struct {
	Tree    Tree              // where the pages were found
	Pages   []*Page           // sorted by Path
	Assets  []string          // non-Markdown files, slash paths relative to the folder of pages, sorted
	Summary *summary.Summary  // the book's SUMMARY.md, when it has one
	Folders map[string]Folder // what _category_.json files say of their folders, by folder ("" for the top)

	unreadable bool // some Markdown file could not be read as a page
}

// Cache remembers parsed pages by their bytes so an unchanged file is not
// parsed again. The zero value is ready; it is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	pages map[string]cached
}

type cached struct {
	page  *Page
	diags diag.List
	stamp fileStamp // zero when the file system gives no modification times
}

// fileStamp is what a file's metadata says about its bytes.
type fileStamp struct {
	size  int64
	mtime int64
}

// Load reads every file in the folder of pages in fsys, parsing Markdown
// pages in parallel, and the book's SUMMARY.md if there is one. Drafts are
// kept; the caller decides. Problems are returned all at once; only a page
// that could not be read (or is not UTF-8) is left out.
func Load(fsys fs.FS, src Tree, cache *Cache) (*Site, diag.List) {
	var diags diag.List
	var mdPaths []string
	site := &Site{Tree: src}
	root := src.Root()
	if info, err := fs.Stat(fsys, root); err != nil || !info.IsDir() {
		diags.Add(root, 0, 0, "%s", missingFolder(fsys, root))
		return site, diags
	}
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Add(p, 0, 0, "%v", err)
			return nil
		}
		if p == root {
			return nil
		}
		rel := p
		if root != "." {
			rel = strings.TrimPrefix(p, root+"/")
		}
		if src.skip(rel, d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if name := d.Name(); strings.HasSuffix(strings.ToLower(name), ".md") {
			if rel, ok := src.pageRel(rel); ok {
				mdPaths = append(mdPaths, rel)
			}
		} else if !isEditorLeftover(name) {
			site.Assets = append(site.Assets, rel)
		}
		return nil
	})
	if err != nil {
		diags.Add(root, 0, 0, "%v", err)
	}
	pages, pd := loadPages(fsys, src, mdPaths, indexReadmes(mdPaths), cache)
	diags.Merge(pd)
	diags.Merge(UnknownKeys(pages))
	site.Pages = pages
	site.unreadable = len(pages) < len(mdPaths)
	sort.Strings(site.Assets)
	site.Summary, pd = loadSummary(fsys, src)
	diags.Merge(pd)
	site.Folders, pd = loadFolders(fsys, src, site.Assets)
	diags.Merge(pd)
	return site, diags
}

// loadSummary reads the file nav: names (a mkdocs.yml's nav: key, or a
// Markdown list of links such as docsify's _sidebar.md), else SUMMARY.md
// beside the pages or, failing that, at the site root (where GitBook keeps
// it when the chapters are in docs/).
func loadSummary(fsys fs.FS, src Tree) (*summary.Summary, diag.List) {
	if src.Nav != "" {
		return loadNav(fsys, src)
	}
	for _, file := range []string{src.File(summary.Name), summary.Name} {
		b, err := fs.ReadFile(fsys, file)
		if err == nil {
			return summary.Parse(file, b)
		}
	}
	return nil, nil
}

// loadNav reads the navigation file the settings name.
func loadNav(fsys fs.FS, src Tree) (*summary.Summary, diag.List) {
	file := src.Nav
	if ext := strings.ToLower(path.Ext(file)); ext == ".yml" || ext == ".yaml" {
		c, diags := mkdocs.Read(fsys, file)
		s, d := c.Nav(src.Root())
		diags.Merge(d)
		return s, diags
	}
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		var diags diag.List
		diags.Add(config.File, 0, 0, "setting \"nav\": no file %s", file)
		return nil, diags
	}
	return summary.Parse(file, b)
}

// indexReadmes lists the README.md files that describe their folder: those
// in a folder with no _index.md or index.md, as GitHub and GitBook show them.
func indexReadmes(mdPaths []string) map[string]bool {
	hasIndex := map[string]bool{}
	for _, p := range mdPaths {
		if b := path.Base(p); b == "_index.md" || b == "index.md" {
			hasIndex[path.Dir(p)] = true
		}
	}
	readmes := map[string]bool{}
	for _, p := range mdPaths {
		if strings.EqualFold(path.Base(p), "README.md") && !hasIndex[path.Dir(p)] {
			readmes[p] = true
		}
	}
	return readmes
}

// Reload is Load for when the caller knows which files changed (paths
// relative to the site root, as a file watcher reports them) and the set of
// files is the same as in last: only the changed pages are read again. It
// returns false when that is not so (a file was added or removed, or a path
// is not a known page or asset), and the caller must Load. With no changed
// paths it gives last again, with the diagnostics its pages still have.
func Reload(fsys fs.FS, src Tree, cache *Cache, last *Site, changed []string) (*Site, diag.List, bool) {
	if last == nil || last.unreadable || last.Tree != src {
		return nil, nil, false
	}
	known := make(map[string]int, len(last.Pages))
	for i, p := range last.Pages {
		known[p.Path] = i
	}
	assets := map[string]bool{}
	for _, a := range last.Assets {
		assets[a] = true
	}
	var redo []int
	for _, c := range changed {
		rel, ok := src.Rel(c)
		if !ok {
			return nil, nil, false
		}
		if _, err := fs.Stat(fsys, c); err != nil {
			return nil, nil, false // gone: the set of files changed
		}
		if i, ok := known[rel]; ok {
			redo = append(redo, i)
		} else if !assets[rel] {
			return nil, nil, false
		}
	}
	site := &Site{Tree: src, Pages: append([]*Page(nil), last.Pages...), Assets: last.Assets, Summary: last.Summary}
	var diags diag.List
	for _, i := range redo {
		p, d := loadPage(fsys, src, site.Pages[i].Path, site.Pages[i].Section, cache)
		if p == nil || p.Body == nil {
			return nil, nil, false
		}
		site.Pages[i] = p
		diags.Merge(d)
	}
	// Diagnostics of the unchanged pages and of SUMMARY.md still stand;
	// a changed asset may be a _category_.json.
	if site.Summary != nil {
		_, d := loadSummary(fsys, src)
		diags.Merge(d)
	}
	var d diag.List
	site.Folders, d = loadFolders(fsys, src, site.Assets)
	diags.Merge(d)
	for i, p := range site.Pages {
		if !slices.Contains(redo, i) {
			if c, ok := cache.get(p.Path, p.Hash); ok {
				diags.Merge(c.diags)
			}
		}
	}
	diags.Merge(UnknownKeys(site.Pages))
	return site, diags, true
}

// isEditorLeftover reports files editors leave behind, which are never content.
func isEditorLeftover(name string) bool {
	return strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasPrefix(name, "#") || name == "4913" || strings.Contains(name, "___jb_")
}

func loadPages(fsys fs.FS, src Tree, paths []string, readmes map[string]bool, cache *Cache) ([]*Page, diag.List) {
	type result struct {
		page  *Page
		diags diag.List
	}
	results := make([]result, len(paths))
	parallel.For(len(paths), 0, func(i int) {
		results[i].page, results[i].diags = loadPage(fsys, src, paths[i], isIndex(paths[i]) || readmes[paths[i]], cache)
	})
	var pages []*Page
	var diags diag.List
	for _, r := range results {
		diags.Merge(r.diags)
		// A page with front matter problems still takes part, so links to it
		// resolve and its own links are checked; the build fails anyway.
		if r.page != nil && r.page.Body != nil {
			pages = append(pages, r.page)
		}
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
	return pages, diags
}

// loadPage reads one page; section says whether it describes its folder
// (which for a README.md depends on its neighbours, so the caller knows).
func loadPage(fsys fs.FS, src Tree, rel string, section bool, cache *Cache) (*Page, diag.List) {
	file := src.File(rel)
	var stamp fileStamp
	if cache != nil {
		// A file whose size and modification time are unchanged is not read
		// again: on a big site, reading and hashing every file would cost more
		// than the rebuild of the one that changed.
		if info, err := fs.Stat(fsys, file); err == nil && !info.ModTime().IsZero() {
			stamp = fileStamp{info.Size(), info.ModTime().UnixNano()}
			if c, ok := cache.byStamp(rel, stamp); ok && c.page.File == file && c.page.Section == section {
				return c.page, c.diags
			}
		}
	}
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		var d diag.List
		d.Add(file, 0, 0, "%v", err)
		return nil, d
	}
	hash := sha256.Sum256(b)
	if cache != nil {
		if c, ok := cache.get(rel, hash); ok && c.page.File == file && c.page.Section == section {
			cache.put(rel, cached{c.page, c.diags, stamp})
			return c.page, c.diags
		}
	}
	page, diags := Parse(file, rel, b)
	page.Section = section
	page.Hash = hash
	if cache != nil {
		cache.put(rel, cached{page, diags, stamp})
	}
	return page, diags
}

// isIndex reports an _index.md or index.md, which always describes its folder.
func isIndex(rel string) bool { return path.Base(rel) == "_index.md" || path.Base(rel) == "index.md" }

// Parse turns the bytes of one file into a Page. file names it in
// diagnostics; rel is its path relative to the folder of pages. Section is
// set for _index.md and index.md; Load also sets it for a README.md that
// stands for its folder.
func Parse(file, rel string, src []byte) (*Page, diag.List) {
	var diags diag.List
	page := &Page{Path: rel, File: file, Section: isIndex(rel)}
	if !utf8.Valid(src) {
		line, col := invalidUTF8At(src)
		diags.Add(file, line, col, "file is not valid UTF-8 text (save it as UTF-8)")
		return page, diags
	}
	yml, body, start, ok := splitFrontMatter(src)
	page.Body = body
	if ok {
		page.Meta, diags = parseMeta(file, yml, start)
		if page.Meta.hero != nil {
			page.Body = page.Meta.hero.apply(&page.Meta, body)
		}
	} else if _, opened := cutLine(src, "---"); opened {
		// Most likely the closing line was forgotten; a page that really
		// begins with a thematic break builds as it is, with this warning.
		diags.Warn(file, 1, 1, `front matter has no closing "---" line: the whole file is read as Markdown`)
	}
	return page, diags
}

// invalidUTF8At gives the line and column (in characters, as every
// diagnostic counts them) of the first invalid byte.
func invalidUTF8At(src []byte) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		col++
		if src[i] == '\n' {
			line, col = line+1, 1
		}
		i += size
	}
	return line, 1
}

func (c *Cache) get(rel string, hash [32]byte) (cached, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.pages[rel]
	if !ok || e.page.Hash != hash {
		return cached{}, false
	}
	return e, true
}

// Forget drops what the cache knows of a file's size and time, so the next
// load reads it even if they look the same: file times are only as fine as
// the kernel's clock tick, and a watcher that saw a change knows better.
func (c *Cache) Forget(rel string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.pages[rel]; ok {
		e.stamp = fileStamp{}
		c.pages[rel] = e
	}
}

func (c *Cache) byStamp(rel string, stamp fileStamp) (cached, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.pages[rel]
	if !ok || e.stamp != stamp || e.stamp == (fileStamp{}) {
		return cached{}, false
	}
	return e, true
}

func (c *Cache) put(rel string, e cached) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil {
		c.pages = map[string]cached{}
	}
	c.pages[rel] = e
}
