package generator

import (
	"io/fs"
	"sort"

	"zhinan/generator/output"
	"zhinan/generator/site"
)

// rootOnly are the files a multilingual site has once, at its root, not
// in every language's folder: robots look for them there, and the sitemap
// lists every language's pages with their alternates.
var rootOnly = map[string]bool{"sitemap.xml": true, "robots.txt": true}

// langFile is File for a multilingual site.
func (r *Result) langFile(name string, keep bool) ([]byte, error) {
	if name == "sitemap.xml" {
		return r.sitemap(), nil
	}
	sub, rest := r.langOf(name)
	if sub != r.langs[0].res && rootOnly[rest] {
		return nil, fs.ErrNotExist
	}
	return sub.out.file(rest, keep)
}

// langNames is Names for a multilingual site.
func (r *Result) langNames() []string {
	var names []string
	for _, lr := range r.langs {
		for _, n := range lr.res.out.names() {
			if lr.prefix == "" || !rootOnly[n] {
				names = append(names, lr.prefix+n)
			}
		}
	}
	sort.Strings(names)
	return names
}

// sitemap is the sitemap of every language.
func (r *Result) sitemap() []byte {
	sites := make([]*site.Site, len(r.langs))
	for i, lr := range r.langs {
		sites[i] = lr.res.Site
	}
	return sitemapOf(sites)
}

// writeSets are the sets of files Write writes: every language's pages
// and static files, then every language's search index (see Write).
func (r *Result) writeSets(get func(string) ([]byte, error)) []output.Set {
	if r.langs == nil {
		if !r.out.dropContent {
			go r.out.searchIndex()
		}
		return []output.Set{{Names: r.out.siteNames, Get: get}, {Names: r.out.searchNames, Get: get}}
	}
	var sites, searches []output.Set
	for _, lr := range r.langs {
		o, prefix := lr.res.out, lr.prefix
		if !o.dropContent {
			go o.searchIndex()
		}
		sites = append(sites, output.Set{Get: get, Names: func() []string {
			var names []string
			for _, n := range o.siteNames() {
				if prefix == "" || !rootOnly[n] {
					names = append(names, prefix+n)
				}
			}
			return names
		}})
		searches = append(searches, output.Set{Get: get, Names: func() []string {
			var names []string
			for _, n := range o.searchNames() {
				names = append(names, prefix+n)
			}
			return names
		}})
	}
	return append(sites, searches...)
}
