package site

import (
	"html/template"
	"path"
	"strings"

	"zhinan/generator/config"
	"zhinan/generator/content"
	"zhinan/generator/diag"
	"zhinan/generator/i18n"
	"zhinan/generator/markdown"
	"zhinan/generator/summary"
)

// Site is the finished site graph: every page and how they connect. Templates
// get it as .Site; generator/doc.go documents every field.
type Site struct {
	Config     config.Config
	BasePath   string     // "/" or "/guide/"
	Home       *Page      // the root of the section tree
	Pages      []*Page    // every content page and section, in reading order
	Taxonomies []*Page    // the tag index and the platform index
	Terms      []*Page    // every tag and platform page
	Aliases    []Alias    // redirects from old URLs
	Listings   []*Page    // the second and later pages of long lists (see Pager)
	Recent     []*Page    // pages by Updated, newest first (for the feed)
	Words      i18n.Words // the reader-facing words of the site's language (templates use {{t "key"}})
	// Mermaid is the output path of Mermaid's script ("assets/mermaid.min.js")
	// when the site has a copy and a page has a diagram, else "". The
	// generator sets it after Build.
	Mermaid string

	origin string              // scheme and host of the base URL, or ""
	byTerm map[termKey][]*Page // the pages of each tag and platform, in reading order
}

// Alias is a redirect page from an old URL to a page.
type Alias struct {
	Rel    string // output folder of the redirect, "old/path/"
	Target *Page
}

// Input is what Build needs: the settings, the URL table, and for each page its
// content and rendered document.
type Input struct {
	Config config.Config
	Table  *Table
	Pages  []*content.Page
	Docs   map[string]*markdown.Doc // by source path
	// Summary is the book's table of contents, when it has one: it gives
	// the reading order, the nesting and the sidebar's words.
	Summary *summary.Summary
	// Folders are the titles and places _category_.json files give
	// folders (Docusaurus), by folder.
	Folders map[string]content.Folder
	// Folder is the name of the site's folder: the site's title when
	// zhinan.yaml gives none and the home page has no heading.
	Folder string
	// Words are the reader-facing words of the site's language.
	Words i18n.Words
	// Cache, when not nil, keeps what this Build works out for the next
	// Build of the same site (see Cache).
	Cache *Cache
}

// Build links the rendered pages into a site: the section tree, reading order,
// anchors, backlinks, related pages, taxonomies and aliases. Broken anchors and
// alias collisions are diagnostics.
func Build(in Input) (*Site, diag.List) {
	var diags diag.List
	s := &Site{Config: in.Config, BasePath: in.Config.BasePath(), origin: in.Config.Origin()}
	s.Config.Title = siteTitle(in)
	s.Words = in.Words
	byDir := map[string]*Page{}
	all := make([]*Page, 0, len(in.Pages))
	slab := make([]Page, len(in.Pages)) // one allocation for all pages
	for i, cp := range in.Pages {
		p := s.newPage(&slab[i], cp, in.Docs[cp.Path])
		all = append(all, p)
		switch {
		case cp.Section:
			byDir[cp.Dir()] = p
		case p.Rel == "": // slug: / makes a page the home page
			byDir[""] = p
		}
	}
	s.Home = s.ensureSections(in.Table, all, byDir, &diags)
	nameFolders(byDir, in.Folders)
	if in.Summary != nil {
		s.applySummary(in.Table, in.Summary, &diags)
	}
	s.order()
	s.linkBacklinks(in.Cache)
	s.buildTaxonomies(in.Table, &diags)
	s.paginate(in.Table, &diags)
	s.boundBacklinks(in.Table, &diags)
	s.relate()
	s.buildAliases(in.Table, &diags)
	s.sortRecent()
	return s, diags
}

// siteTitle is the title zhinan.yaml gives, else the home page's first
// heading, else the folder's name: never words of our own.
func siteTitle(in Input) string {
	if in.Config.Title != "" {
		return in.Config.Title
	}
	for _, p := range in.Pages {
		if p.Section && p.Dir() == "" {
			if p.Meta.Title != "" {
				return p.Meta.Title
			}
			if d := in.Docs[p.Path]; d != nil && d.Title != "" {
				return d.Title
			}
		}
	}
	if in.Folder != "" && in.Folder != "." && in.Folder != "/" {
		return in.Folder
	}
	return "Home"
}

func (s *Site) newPage(p *Page, cp *content.Page, doc *markdown.Doc) *Page {
	p.Kind, p.Source, p.File, p.Rel = KindPage, cp.Path, cp.File, PageRel(cp)
	p.Meta, p.Title, p.Description, p.Weight, p.doc = cp.Meta, cp.Meta.Title, cp.Meta.Description, cp.Meta.Weight, doc
	if cp.Section {
		p.Kind = KindSection
	}
	if p.Rel == "" {
		p.Kind = KindHome
	}
	if p.Title == "" && doc != nil {
		p.Title = doc.Title
	}
	if p.Title == "" {
		p.Title, p.titleFromName = fallbackTitle(cp, s.Config.Title), true
	}
	p.NavTitle = p.Title
	if cp.Meta.NavTitle != "" {
		p.NavTitle = cp.Meta.NavTitle
	}
	if doc != nil {
		p.Content = template.HTML(doc.HTML)
		p.TitleID = doc.TitleID
		p.HasCode = doc.HasCode
		p.HasTabs = doc.HasTabs
		p.HasDiagram = doc.HasDiagram
		p.TOC = doc.TOC
	}
	if s.Config.RepoURL != "" && cp.File != "" {
		p.EditURL = s.Config.RepoURL + cp.File
	}
	s.setURL(p)
	return p
}

func (s *Site) setURL(p *Page) {
	p.URL = s.BasePath + p.Rel
	p.Permalink = s.origin + p.URL
}

// fallbackTitle is the file name (or folder name for a section) without extension.
func fallbackTitle(cp *content.Page, siteTitle string) string {
	dir, base := path.Split(cp.Path)
	if cp.Section {
		if dir == "" {
			return siteTitle
		}
		return path.Base(strings.TrimSuffix(dir, "/"))
	}
	return strings.TrimSuffix(base, path.Ext(base))
}

// ensureSections hangs every page under the section of its folder, making a
// section page for any folder (and the home) that has no _index.md. A
// folder without one that has a page of its name beside it (graph/flow/ and
// graph/flow.md, as MkDocs sites have) hangs under that page instead: both
// have the same URL, and the page says what the folder is about.
func (s *Site) ensureSections(t *Table, all []*Page, byDir map[string]*Page, diags *diag.List) *Page {
	named := map[string]*Page{} // "graph/flow" -> the page of graph/flow.md
	for _, p := range all {
		if p.Kind == KindPage && p.Meta.Slug == "" {
			named[strings.TrimSuffix(p.Source, path.Ext(p.Source))] = p
		}
	}
	var section func(dir string) *Page
	section = func(dir string) *Page {
		if p, ok := byDir[dir]; ok {
			return p
		}
		if p, ok := named[dir]; ok {
			byDir[dir] = p
			return p
		}
		p := &Page{Kind: KindSection, Rel: dir + "/", Title: path.Base(dir)}
		if dir == "" {
			p.Kind, p.Rel, p.Title = KindHome, "", s.Config.Title
		}
		p.NavTitle = p.Title
		if err := t.Claim(p.Rel, "the section of folder "+t.File(dir)); err != nil {
			diags.Add(t.File(dir), 0, 0, "%v", err)
		}
		s.setURL(p)
		byDir[dir] = p
		if dir != "" {
			parent := section(parentDir(dir))
			p.Parent = parent
			parent.Children = append(parent.Children, p)
		}
		return p
	}
	home := section("")
	for _, p := range all {
		if p == home {
			continue
		}
		// By where the file is, not by its URL, which slug: may change.
		dir := parentDir(p.Source)
		if p.Kind != KindPage {
			dir = parentDir(path.Dir(p.Source))
		}
		parent := section(dir)
		p.Parent = parent
		parent.Children = append(parent.Children, p)
	}
	return home
}

// nameFolders gives the sections of folders their _category_.json label,
// as their title when the folder has no page of its own, else as their
// sidebar title, and their position as weight unless the page has one.
func nameFolders(byDir map[string]*Page, folders map[string]content.Folder) {
	for dir, f := range folders {
		p := byDir[dir]
		if p == nil {
			continue
		}
		if f.Label != "" {
			p.NavTitle = f.Label
			if p.Source == "" {
				p.Title = f.Label
			}
		}
		if p.Weight == 0 {
			p.Weight = f.Position
		}
	}
}

func parentDir(dir string) string {
	d := path.Dir(dir)
	if d == "." || d == "/" {
		return ""
	}
	return d
}
