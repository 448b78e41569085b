package site

import (
	"sort"
	"strings"

	"zhinan/generator/content"
	"zhinan/generator/diag"
	"zhinan/generator/markdown"
)

// checkAnchors checks every link with a #fragment against the heading IDs
// (and footnote IDs) of the page it points at, now that all pages are rendered.
func checkAnchors(t *Table, docs map[string]*markdown.Doc, pages []*content.Page) diag.List {
	var diags diag.List
	ids := map[string]map[string]bool{}
	idsOf := func(src string) map[string]bool {
		if m, ok := ids[src]; ok {
			return m
		}
		m := map[string]bool{}
		if d := docs[src]; d != nil {
			for _, h := range d.Headings {
				m[h.ID] = true
			}
		}
		ids[src] = m
		return m
	}
	for _, p := range pages {
		d := docs[p.Path]
		if d == nil {
			continue
		}
		for _, l := range d.Links {
			if l.Ref.Fragment == "" || l.Ref.Page == "" || isFootnoteID(l.Ref.Fragment) {
				continue
			}
			if !idsOf(l.Ref.Page)[l.Ref.Fragment] {
				diags.Add(p.File, l.Line, l.Col, "broken link %q: no heading %q in %s",
					l.Dest, l.Ref.Fragment, content.Dir+"/"+l.Ref.Page)
			}
		}
	}
	return diags
}

// isFootnoteID matches the IDs goldmark gives footnotes and their back links.
func isFootnoteID(id string) bool {
	return strings.HasPrefix(id, "fn:") || strings.HasPrefix(id, "fnref:")
}

// linkBacklinks records, on each page, the other pages that link to it.
func (s *Site) linkBacklinks(docs map[string]*markdown.Doc) {
	bySource := map[string]*Page{}
	for _, p := range s.Pages {
		if p.Source != "" {
			bySource[p.Source] = p
		}
	}
	for _, from := range s.Pages {
		d := docs[from.Source]
		if d == nil {
			continue
		}
		seen := map[*Page]bool{}
		for _, l := range d.Links {
			to := bySource[l.Ref.Page]
			if to == nil || to == from || seen[to] {
				continue
			}
			seen[to] = true
			to.Backlinks = append(to.Backlinks, from)
		}
	}
	// s.Pages is in reading order, so backlinks already are.
}

// relate picks, for each content page, up to five others that share the most
// tags (two points each) and platforms (one point each). Pages already listed
// as backlinks are left out, so a reader never sees one page twice.
func (s *Site) relate() {
	const max = 5
	byTerm := map[string][]*Page{}
	for _, p := range s.Pages {
		for _, t := range p.Meta.Tags {
			byTerm["t:"+t] = append(byTerm["t:"+t], p)
		}
		for _, t := range p.Meta.Platforms {
			byTerm["p:"+t] = append(byTerm["p:"+t], p)
		}
	}
	for _, p := range s.Pages {
		if p.Kind != KindPage {
			continue
		}
		score := map[*Page]int{}
		add := func(key string, points int) {
			for _, q := range byTerm[key] {
				if q != p {
					score[q] += points
				}
			}
		}
		for _, t := range p.Meta.Tags {
			add("t:"+t, 2)
		}
		for _, t := range p.Meta.Platforms {
			add("p:"+t, 1)
		}
		for _, b := range p.Backlinks {
			delete(score, b)
		}
		var cands []*Page
		for q, sc := range score {
			if sc >= 2 {
				cands = append(cands, q)
			}
		}
		sort.Slice(cands, func(i, j int) bool {
			a, b := cands[i], cands[j]
			if score[a] != score[b] {
				return score[a] > score[b]
			}
			return a.order < b.order
		})
		if len(cands) > max {
			cands = cands[:max]
		}
		p.Related = cands
	}
}

// buildAliases makes a redirect page for every alias; an alias that collides
// with a page or another alias is a diagnostic.
func (s *Site) buildAliases(t *Table, diags *diag.List) {
	for _, p := range s.Pages {
		for _, a := range p.Meta.Aliases {
			rel := strings.Trim(a, "/")
			if rel == "" || strings.Contains(rel, "..") {
				diags.Add(p.File, p.Meta.Line("aliases"), 1, "alias %q: not a path inside the site", a)
				continue
			}
			rel += "/"
			if strings.HasSuffix(rel, ".html/") {
				rel = strings.TrimSuffix(rel, "/")
			}
			if err := t.Claim(rel, p.File+" (alias)"); err != nil {
				diags.Add(p.File, p.Meta.Line("aliases"), 1, "alias %q: %v", a, err)
				continue
			}
			s.Aliases = append(s.Aliases, Alias{Rel: rel, Target: p})
		}
	}
	sort.Slice(s.Aliases, func(i, j int) bool { return s.Aliases[i].Rel < s.Aliases[j].Rel })
}

// sortRecent lists dated content pages, newest first.
func (s *Site) sortRecent() {
	for _, p := range s.Pages {
		if p.Kind == KindPage && !p.Updated().IsZero() {
			s.Recent = append(s.Recent, p)
		}
	}
	sort.SliceStable(s.Recent, func(i, j int) bool {
		return s.Recent[i].Updated().After(s.Recent[j].Updated())
	})
}
