package site

import (
	"slices"
	"sort"
	"strings"

	"zhinan/generator/diag"
)

// Taxonomies: the front matter lists tags and platforms become an index page
// each ("tags/", "platform/") and a page per term ("tags/群主/"), listing the
// pages that carry it. The folder names are chosen so they don't collide with
// a content section named "platforms"; a collision with a page is a diagnostic.
var taxonomies = []struct {
	rel, key string // key: in front matter, and of the index page's title in the site's words
	terms    func(p *Page) []string
	field    func(p *Page) *[]*Page
}{
	{"tags/", "tags", func(p *Page) []string { return p.Meta.Tags }, func(p *Page) *[]*Page { return &p.Tags }},
	{"platform/", "platforms", func(p *Page) []string { return p.Meta.Platforms }, func(p *Page) *[]*Page { return &p.Platforms }},
}

func (s *Site) buildTaxonomies(t *Table, diags *diag.List) {
	for _, tax := range taxonomies {
		index := &Page{Kind: KindTaxonomy, Rel: tax.rel, Title: s.Words.T(tax.key)}
		terms := map[string]*Page{}  // by slug
		byName := map[string]*Page{} // a site has a few dozen terms on thousands of pages: one look-up per name
		var slab []*Page             // every page's terms, one allocation now and then, not one per page
		for _, p := range s.Pages {
			start := len(slab)
			for _, name := range tax.terms(p) {
				term, ok := byName[name]
				if !ok {
					if slug := TermSlug(name); slug != "" {
						term = terms[slug]
						if term == nil {
							term = &Page{Kind: KindTerm, Rel: tax.rel + slug + "/", Title: name, Parent: index,
								Ancestors: []*Page{s.Home, index}}
							s.setURL(term)
							terms[slug] = term
						}
					}
					byName[name] = term
				}
				if term == nil || slices.Contains(slab[start:], term) {
					continue
				}
				slab = append(slab, term)
				term.Children = append(term.Children, p)
			}
			if len(slab) > start {
				*tax.field(p) = slab[start:len(slab):len(slab)]
			}
		}
		if len(terms) == 0 {
			continue
		}
		if owner := t.Owner(index.Rel); owner != "" {
			diags.Add(owner, 0, 0, "page URL %q is also the URL of the %s index (made from front matter %q)",
				s.BasePath+index.Rel, index.Title, tax.key)
			continue
		}
		t.Claim(index.Rel, "the "+index.Title+" index")
		s.setURL(index)
		index.Ancestors = []*Page{s.Home}
		for _, slug := range sortedKeys(terms) {
			term := terms[slug]
			if owner := t.Owner(term.Rel); owner != "" {
				diags.Add(owner, 0, 0, "page URL %q is also the URL of the %s page %q", s.BasePath+term.Rel, index.Title, term.Title)
			}
			t.Claim(term.Rel, "the "+index.Title+" page "+term.Title)
			index.Children = append(index.Children, term)
			s.Terms = append(s.Terms, term)
		}
		s.Taxonomies = append(s.Taxonomies, index)
	}
}

// TermSlug is the URL segment of a tag: lower case, spaces to "-", characters
// that have a meaning in URLs dropped. Chinese is kept.
func TermSlug(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		switch {
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		case strings.ContainsRune(`/\?#%"'<>&:.`, r) || r < 0x20:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func sortedKeys(m map[string]*Page) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
