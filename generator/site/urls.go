package site

import (
	"crypto/sha256"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
	"unicode"

	"zhinan/generator/content"
	"zhinan/generator/diag"
	"zhinan/generator/markdown"
)

// Table knows every URL of the site before anything is rendered: which page
// or asset each source path becomes, so links can be resolved (and checked)
// while pages render in parallel. It implements markdown.Resolver.
type Table struct {
	basePath string
	tree     content.Tree             // where the pages are, to name files in messages
	pages    map[string]*content.Page // by source path ("platforms/ios.md")
	dirs     map[string]string        // folder ("platforms") -> source path of the page that describes it
	assets   map[string]bool          // asset paths relative to content/
	outputs  map[string]string        // output dir ("platforms/ios/") -> what claimed it, for collision checks
	folders  map[string]bool          // every folder holding a page or asset ("platforms", "platforms/img"), for messages
	sum      [32]byte                 // identifies the set of pages and assets, see Sum
	fallback *Fallback                // in a multilingual site's other languages: the default language's pages
}

// Sum identifies what links can resolve to: the base path and the set of
// page and asset paths. Two tables with the same Sum resolve every link the
// same way, so a cached rendering stays valid without resolving again.
func (t *Table) Sum() [32]byte { return t.sum }

// PageRel is the output folder of a page, relative to the site root, with a
// trailing slash ("" for the home page): platforms/ios.md -> "platforms/ios/";
// a page that describes its folder (platforms/_index.md, platforms/index.md,
// or platforms/README.md without either) -> "platforms/".
//
// Front matter slug: changes it: an absolute slug ("/guide/intro") is the
// whole path; another replaces the URL's last segment ("intro" makes
// platforms/ios.md "platforms/intro/").
func PageRel(p *content.Page) string {
	dir, base := path.Split(p.Path)
	if slug := p.Meta.Slug; slug != "" {
		return slugRel(dir, p.Section, slug)
	}
	if p.Section {
		return dir
	}
	return dir + strings.TrimSuffix(base, path.Ext(base)) + "/"
}

// slugRel is PageRel for a page at dir (with a trailing slash, "" at the
// top) whose front matter gives slug.
func slugRel(dir string, section bool, slug string) string {
	if !strings.HasPrefix(slug, "/") {
		if section { // its URL is its folder's: the slug replaces the folder's name
			dir = strings.TrimSuffix(path.Dir(strings.TrimSuffix(dir, "/")), ".")
			if dir != "" {
				dir += "/"
			}
		}
		slug = "/" + dir + slug
	}
	rel := strings.Trim(path.Clean(slug), "/")
	if rel == "" {
		return ""
	}
	return rel + "/"
}

// NewTable indexes pages and assets, found in tree. Two sources that want the
// same output are diagnostics naming both.
func NewTable(basePath string, tree content.Tree, pages []*content.Page, assets []string) (*Table, diag.List) {
	t := &Table{basePath: basePath, tree: tree, pages: make(map[string]*content.Page, len(pages)), dirs: map[string]string{},
		assets: make(map[string]bool, len(assets)), outputs: make(map[string]string, len(pages)+64),
		folders: map[string]bool{}}
	var diags diag.List
	for _, p := range pages {
		t.pages[p.Path] = p
		t.addFolders(p.Path)
		rel := PageRel(p)
		if other, dup := t.outputs[rel]; dup {
			diags.Add(p.File, 0, 0, "page URL %q is also the URL of %s", basePath+rel, other)
			continue
		}
		t.outputs[rel] = p.File
		if p.Section {
			t.dirs[p.Dir()] = p.Path
		}
	}
	h := sha256.New()
	io.WriteString(h, basePath+"\x00")
	for _, p := range pages {
		io.WriteString(h, p.Path)
		io.WriteString(h, "\x00")
	}
	h.Write([]byte{1})
	for _, a := range assets {
		io.WriteString(h, a+"\x00")
		t.assets[a] = true
		t.addFolders(a)
	}
	h.Sum(t.sum[:0])
	t.pageFolders(pages)
	return t, diags
}

// pageFolders lets a link to a folder that has no index page but lies
// beside a page of its name (graph/flow/ beside graph/flow.md, which
// holds that page's images or sub-pages) find that page, as MkDocs serves
// both at one URL. (A file of the folder that would overwrite a page is left
// out with a warning when the output is planned.)
func (t *Table) pageFolders(pages []*content.Page) {
	for _, p := range pages {
		dir := strings.TrimSuffix(p.Path, path.Ext(p.Path))
		if _, has := t.dirs[dir]; !has && !p.Section && t.folders[dir] {
			t.dirs[dir] = p.Path
		}
	}
}

// addFolders records the folders above a source path, stopping at the first
// one already known (its parents are known too).
func (t *Table) addFolders(src string) {
	for dir := path.Dir(src); dir != "." && !t.folders[dir]; dir = path.Dir(dir) {
		t.folders[dir] = true
	}
}

// Claim reserves an output folder for a generated page (an alias, a tag page);
// it fails when a page already has it.
func (t *Table) Claim(rel, by string) error {
	if other, dup := t.outputs[rel]; dup {
		return fmt.Errorf("URL %q is already the URL of %s", t.basePath+rel, other)
	}
	t.outputs[rel] = by
	return nil
}

// Owner names what claimed an output folder, or "".
func (t *Table) Owner(rel string) string { return t.outputs[rel] }

// URL is the site-absolute URL of a page by source path.
func (t *Table) URL(src string) string { return t.basePath + t.rel(src) }

// rel is the output folder of the page with the source path.
func (t *Table) rel(src string) string {
	if p, ok := t.pages[src]; ok {
		return PageRel(p)
	}
	return PageRel(&content.Page{Path: src})
}

// File names a path inside the folder of pages as diagnostics do.
func (t *Table) File(rel string) string { return t.tree.File(rel) }

// Page returns the page with the source path, if any.
func (t *Table) Page(src string) *content.Page { return t.pages[src] }

// Resolve turns a link destination written in page from into a URL relative
// to from's output folder (see RelURL), which is where its HTML goes. It
// accepts source paths with an optional #fragment ("../data/backup.md#电脑端备份"),
// a bare "#fragment", folders of sections ("../platforms/" or
// "../platforms/_index.md"), asset files, percent-encoded paths, and paths
// starting with "/" (relative to content/).
func (t *Table) Resolve(from, dest string) (markdown.Ref, error) {
	raw, frag, _ := strings.Cut(dest, "#")
	fragment, err := url.PathUnescape(frag)
	if err != nil {
		return markdown.Ref{}, fmt.Errorf("bad escape in fragment")
	}
	if raw == "" {
		if route, ok := t.hashRoute(frag); ok {
			return t.Resolve(from, route)
		}
		return markdown.Ref{Href: "#" + frag, Page: from, Fragment: fragment}, nil
	}
	if strings.ContainsFunc(dest, unicode.IsControl) {
		// Raw HTML may hold one; written into an href it would break it.
		return markdown.Ref{}, fmt.Errorf("control character in link")
	}
	raw, query, _ := strings.Cut(raw, "?")
	p, err := url.PathUnescape(raw)
	if err != nil {
		return markdown.Ref{}, fmt.Errorf("bad escape in path")
	}
	target := p
	if p == "" {
		target = from // "?x": this page with a query
	} else if !strings.HasPrefix(p, "/") {
		target = path.Join(path.Dir(from), p)
		if target == ".." || strings.HasPrefix(target, "../") {
			// A book linking to its repository's code, say: the file is
			// not part of the site, and a link to it would break.
			return markdown.Ref{}, fmt.Errorf("%s is outside the folder of pages %s (link to it by URL, or widen content: in zhinan.yaml)",
				path.Join(t.tree.Root(), target), t.tree.Root()+"/")
		}
	}
	target = strings.TrimPrefix(path.Clean("/"+target), "/")
	if target == "" || target == "." {
		target = ""
	}
	suffix := ""
	if query != "" {
		suffix = "?" + query
	}
	if frag != "" {
		suffix += "#" + frag
	}
	here := t.rel(from)
	if page, ok := t.pages[target]; ok {
		return markdown.Ref{Href: relHref(here, PageRel(page), suffix), Page: page.Path, Fragment: fragment}, nil
	}
	if src, ok := t.dirs[target]; ok {
		return markdown.Ref{Href: relHref(here, t.rel(src), suffix), Page: src, Fragment: fragment}, nil
	}
	if src, ok := t.htmlLink(target); ok {
		return markdown.Ref{Href: relHref(here, t.rel(src), suffix), Page: src, Fragment: fragment}, nil
	}
	if src, ok := t.routeLink(target); ok {
		return markdown.Ref{Href: relHref(here, t.rel(src), suffix), Page: src, Fragment: fragment}, nil
	}
	if t.assets[target] {
		if fragment != "" && !strings.EqualFold(path.Ext(target), ".pdf") {
			return markdown.Ref{}, fmt.Errorf("a fragment on file %s", t.tree.File(target))
		}
		return markdown.Ref{Href: RelURL(here, target) + suffix}, nil
	}
	if ref, ok := t.resolveFallback(here, target, suffix, fragment); ok {
		return ref, nil
	}
	return markdown.Ref{}, t.missing(target)
}

// htmlLink finds the page of a link written to its published file, as mdBook
// books link ("intro.html" for intro.md, "format/index.html" for the
// folder's README.md): when no such file exists, the page that becomes it.
func (t *Table) htmlLink(target string) (string, bool) {
	base, ok := strings.CutSuffix(target, ".html")
	if !ok || t.assets[target] {
		return "", false
	}
	if page, ok := t.pages[base+".md"]; ok {
		return page.Path, true
	}
	if dir, ok := strings.CutSuffix(base, "index"); ok && (dir == "" || strings.HasSuffix(dir, "/")) {
		src, ok := t.dirs[strings.TrimSuffix(dir, "/")]
		return src, ok
	}
	return "", false
}

// hashRoute reads a fragment as a docsify route when the site says its
// links are (hash_routes: true): "#/guide/intro" and "#guide/intro" are the
// page guide/intro.md (or the folder guide/intro/), "#/" is the home page,
// and docsify's "?id=heading" is the heading's fragment. A fragment with no
// "/" ("#install") stays a heading on the page.
func (t *Table) hashRoute(frag string) (string, bool) {
	if !t.tree.HashRoutes || !strings.Contains(frag, "/") {
		return "", false
	}
	route, query, _ := strings.Cut(frag, "?")
	route = "/" + strings.TrimPrefix(route, "/")
	if v, err := url.ParseQuery(query); err == nil && v.Get("id") != "" {
		route += "#" + url.PathEscape(v.Get("id"))
	}
	return route, true
}

// routeLink finds the page of a link written as docsify writes them, to
// the page's path without ".md" ("guide/intro" for guide/intro.md), when
// the site says its links are docsify's.
func (t *Table) routeLink(target string) (string, bool) {
	if !t.tree.HashRoutes || path.Ext(target) != "" {
		return "", false
	}
	if page, ok := t.pages[target+".md"]; ok {
		return page.Path, true
	}
	return "", false
}

// relHref is the link from folder here to folder to with a query and
// fragment; a link to the page itself with a #fragment is only the fragment.
func relHref(here, to, suffix string) string {
	if here == to && strings.HasPrefix(suffix, "#") {
		return suffix
	}
	return RelURL(here, to) + suffix
}

func (t *Table) missing(target string) error {
	if strings.HasSuffix(target, ".md") {
		return fmt.Errorf("no page %s", t.tree.File(target))
	}
	if target == "" {
		return fmt.Errorf("no home page %s", t.tree.File("_index.md"))
	}
	if _, isPage := t.pages[target+".md"]; isPage {
		return fmt.Errorf("no file %s (link to the source, %s.md)", t.tree.File(target), path.Base(target))
	}
	if t.folders[target] {
		// The folder is there, so "no such file" would send the author looking
		// for a typo; what it lacks is a page to show for it.
		return fmt.Errorf("no index page in %s/ (add _index.md or README.md)", t.tree.File(target))
	}
	return fmt.Errorf("no file or section %s", t.tree.File(target))
}
