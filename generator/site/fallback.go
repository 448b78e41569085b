package site

import (
	"crypto/sha256"
	"io"
	"sort"

	"zhinan/generator/markdown"
)

// Fallback lets the links of a multilingual site's other languages reach
// the default language's pages that have no translation: a link from an
// English page to guide/b.md, which only the default language has, leads
// to that page (marked as untranslated) rather than being broken.
type Fallback struct {
	Prefix string            // the linking language's output folder: "en/"
	Pages  map[string]string // the default language's pages: source path ("guide/b.md") -> output folder ("guide/b/")
	Dirs   map[string]string // its sections: folder ("guide") -> output folder
	Title  string            // the title such a link gets, in the linking language's words
}

// SetFallback makes links to pages this table does not have resolve by f.
// It changes Sum, so renders cached without it are not reused.
func (t *Table) SetFallback(f *Fallback) {
	t.fallback = f
	h := sha256.New()
	h.Write(t.sum[:])
	io.WriteString(h, f.Prefix+"\x00"+f.Title+"\x00")
	keys := make([]string, 0, len(f.Pages)+len(f.Dirs))
	for k, v := range f.Pages {
		keys = append(keys, k+"\x00"+v)
	}
	for k, v := range f.Dirs {
		keys = append(keys, k+"/\x00"+v)
	}
	sort.Strings(keys)
	for _, k := range keys {
		io.WriteString(h, k+"\x00")
	}
	h.Sum(t.sum[:0])
}

// resolveFallback resolves target (a path in the folder of pages) to the
// default language's page, when there is a fallback and that page exists.
func (t *Table) resolveFallback(here, target, suffix, fragment string) (markdown.Ref, bool) {
	f := t.fallback
	if f == nil {
		return markdown.Ref{}, false
	}
	rel, ok := f.Pages[target]
	if !ok {
		rel, ok = f.Dirs[target]
	}
	if !ok {
		return markdown.Ref{}, false
	}
	return markdown.Ref{Href: relHref(f.Prefix+here, rel, suffix), Fragment: fragment, Untranslated: f.Title}, true
}
