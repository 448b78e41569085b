package site

import (
	"crypto/sha256"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"zhinan/generator/content"
	"zhinan/generator/diag"
	"zhinan/generator/markdown"
)

// Table knows every URL of the site before anything is rendered: which page
// or asset each source path becomes, so links can be resolved (and checked)
// while pages render in parallel. It implements markdown.Resolver.
type Table struct {
	basePath string
	pages    map[string]*content.Page // by source path ("platforms/ios.md")
	dirs     map[string]string        // folder ("platforms") -> source path of the page that describes it
	assets   map[string]bool          // asset paths relative to content/
	outputs  map[string]string        // output dir ("platforms/ios/") -> what claimed it, for collision checks
	sum      [32]byte                 // identifies the set of pages and assets, see Sum
}

// Sum identifies what links can resolve to: the base path and the set of
// page and asset paths. Two tables with the same Sum resolve every link the
// same way, so a cached rendering stays valid without resolving again.
func (t *Table) Sum() [32]byte { return t.sum }

// PageRel is the output folder of a page, relative to the site root, with a
// trailing slash ("" for the home page): platforms/ios.md -> "platforms/ios/";
// platforms/_index.md and platforms/index.md -> "platforms/".
func PageRel(src string) string {
	dir, base := path.Split(src)
	name := strings.TrimSuffix(base, path.Ext(base))
	if name == "_index" || name == "index" {
		return dir
	}
	return dir + name + "/"
}

// NewTable indexes pages and assets. Two sources that want the same output
// are diagnostics naming both.
func NewTable(basePath string, pages []*content.Page, assets []string) (*Table, diag.List) {
	t := &Table{basePath: basePath, pages: make(map[string]*content.Page, len(pages)), dirs: map[string]string{},
		assets: make(map[string]bool, len(assets)), outputs: make(map[string]string, len(pages)+64)}
	var diags diag.List
	for _, p := range pages {
		t.pages[p.Path] = p
		rel := PageRel(p.Path)
		if other, dup := t.outputs[rel]; dup {
			diags.Add(p.File, 0, 0, "page URL %q is also the URL of %s", basePath+rel, other)
			continue
		}
		t.outputs[rel] = p.File
		if p.Section || path.Base(p.Path) == "index.md" {
			t.dirs[strings.TrimSuffix(rel, "/")] = p.Path
		}
	}
	h := sha256.New()
	io.WriteString(h, basePath+"\x00")
	for _, p := range pages {
		io.WriteString(h, p.Path+"\x00")
	}
	h.Write([]byte{1})
	for _, a := range assets {
		io.WriteString(h, a+"\x00")
		t.assets[a] = true
		if strings.HasSuffix(a, "/index.html") || a == "index.html" {
			dir := strings.TrimSuffix(a, "index.html")
			if other, dup := t.outputs[dir]; dup {
				diags.Add(content.Dir+"/"+a, 0, 0, "file would overwrite the page of %s", other)
			}
		}
	}
	h.Sum(t.sum[:0])
	return t, diags
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
func (t *Table) URL(src string) string { return t.basePath + PageRel(src) }

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
		fragment = frag
	}
	if raw == "" {
		return markdown.Ref{Href: "#" + frag, Page: from, Fragment: fragment}, nil
	}
	raw, query, _ := strings.Cut(raw, "?")
	p, err := url.PathUnescape(raw)
	if err != nil {
		return markdown.Ref{}, fmt.Errorf("bad escape in path")
	}
	target := p
	if !strings.HasPrefix(p, "/") {
		target = path.Join(path.Dir(from), p)
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
	here := PageRel(from)
	if page, ok := t.pages[target]; ok {
		return markdown.Ref{Href: relHref(here, PageRel(page.Path), suffix), Page: page.Path, Fragment: fragment}, nil
	}
	if src, ok := t.dirs[target]; ok {
		return markdown.Ref{Href: relHref(here, PageRel(src), suffix), Page: src, Fragment: fragment}, nil
	}
	if t.assets[target] {
		if fragment != "" && !strings.EqualFold(path.Ext(target), ".pdf") {
			return markdown.Ref{}, fmt.Errorf("a fragment on file %s", content.Dir+"/"+target)
		}
		return markdown.Ref{Href: RelURL(here, target) + suffix}, nil
	}
	return markdown.Ref{}, t.missing(target)
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
		return fmt.Errorf("no page %s", content.Dir+"/"+target)
	}
	if target == "" {
		return fmt.Errorf("no home page %s/_index.md", content.Dir)
	}
	if _, isPage := t.pages[target+".md"]; isPage {
		return fmt.Errorf("no file %s (link to the source, %s.md)", content.Dir+"/"+target, path.Base(target))
	}
	return fmt.Errorf("no file or section %s", content.Dir+"/"+target)
}
