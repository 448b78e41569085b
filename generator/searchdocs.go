package generator

import (
	"zhinan/generator/search"
	"zhinan/generator/site"
)

// searchIndex builds the search index of the finished site graph: one
// document per page that has Markdown, its text split at headings, but
// for pages whose front matter says search: {exclude: true}.
func searchIndex(s *site.Site) *search.Lazy {
	docs := make([]search.Doc, 0, len(s.Pages))
	for _, p := range s.Pages {
		d := p.Doc()
		if d == nil || p.Meta.NoSearch {
			continue
		}
		sd := search.Doc{URL: p.URL, Title: p.Title, Description: p.Description}
		if p.Parent != nil && p.Parent.Kind != site.KindHome {
			sd.Section = p.Parent.Title
		}
		for _, part := range d.Parts {
			sd.Parts = append(sd.Parts, search.Part{Anchor: part.Anchor, Heading: part.Heading, Text: part.Text})
		}
		docs = append(docs, sd)
	}
	return search.BuildLazy(docs, search.WithBase(s.BasePath), search.WithSynonyms(s.Config.SynonymSets()))
}
