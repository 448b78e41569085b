package content

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"zhinan/generator/diag"
)

// Front matter written for other tools (MkDocs Material, VuePress and
// VitePress themes, Docusaurus, Just the Docs) carries keys of their own.
// A folder of their pages must build as it is, so a key that is not one of
// ours is, in this order:
//
//  1. mapped, when it means one of ours (mappedKeys): its value must then
//     have the type ours wants, or it is an error at the value;
//  2. kept quietly in Params, when a theme we know uses it (themeKeys): the
//     author has nothing to fix;
//  3. an error with "did you mean", when it is one edit from one of our keys
//     or of the mapped ones (a typo: "titel", "wieght", "draf");
//  4. kept in Params, and counted: Load gives one warning per key name for
//     the whole site (UnknownKeys), never one per page.
//
// A mapped or known key is never taken for a typo: "tag" (VuePress) is one
// edit from "tags" and means the same.

// mappedKeys are other tools' keys that mean one of ours.
var mappedKeys = map[string]func(m *Meta, key string, v *yaml.Node) error{
	"sidebar_position": setWeight, // Docusaurus
	"order":            setWeight, // VuePress Hope
	"nav_order":        setWeight, // Just the Docs
	"sidebar_label":    setNavTitle,
	"nav_title":        setNavTitle,
	"shortTitle":       setNavTitle, // VuePress Hope's words for sidebar and breadcrumbs
	"slug":             setSlug,
	"tag":              addTags,
	"category":         addTags,
	"categories":       addTags,
	"hide":             setHide, // MkDocs Material: [navigation, toc, ...]
	"hide_table_of_contents": func(m *Meta, key string, v *yaml.Node) (err error) {
		m.HideTOC, err = boolean(key, v)
		return err
	},
	"search": setSearch, // MkDocs Material: {exclude: true}
}

// themeKeys are keys of themes and tools we know that say nothing the
// default theme uses: they go into Params without a warning, for a site's
// own templates to read.
var themeKeys = map[string]bool{
	// MkDocs Material
	"comments": true, "icon": true, "status": true, "subtitle": true, "template": true, "social": true,
	"authors": true, "links": true, "readtime": true, "pin": true, // its blog
	// VuePress, VitePress and their themes
	"home": true, "heroImage": true, "heroImageDark": true, "heroText": true, "heroAlt": true,
	"heroFullScreen": true, "tagline": true, "actions": true, "features": true, "hero": true,
	"star": true, "sticky": true, "article": true, "timeline": true, "index": true, "dir": true,
	"author": true, "isOriginal": true, "footer": true, "copyright": true, "cover": true,
	"banner": true, "bgImage": true, "lang": true, "head": true, "sidebar": true, "navbar": true,
	"pageInfo": true, "breadcrumb": true, "toc": true, "contributors": true, "editLink": true,
	"lastUpdated": true, "prev": true, "next": true, "comment": true, "containerClass": true,
	"pageClass": true, "aside": true, "outline": true, "titleTemplate": true, "excerpt": true,
	"backToTop": true, "readingTime": true, "pageview": true, "feed": true, "seo": true,
	"sitemap": true, "permalink": true, "redirectFrom": true, "watermark": true, "image": true,
	"externalLinkIcon": true, "highlights": true, "bgImageDark": true, "bgImageStyle": true,
	"portfolio": true, "titles": true, "avatar": true, "welcome": true, "medias": true, "projects": true,
	// Docusaurus
	"id": true, "sidebar_class_name": true, "sidebar_custom_props": true, "displayed_sidebar": true,
	"hide_title": true, "toc_min_heading_level": true, "toc_max_heading_level": true,
	"pagination_label": true, "pagination_next": true, "pagination_prev": true,
	"parse_number_prefixes": true, "custom_edit_url": true, "keywords": true, "unlisted": true,
	"last_update": true,
	// Just the Docs, Jekyll
	"parent": true, "grand_parent": true, "has_children": true, "has_toc": true, "nav_exclude": true,
}

// ourKeys are the keys Meta.set knows, for suggestions.
var ourKeys = []string{"title", "description", "weight", "tags", "platforms", "draft", "aliases",
	"date", "lastmod", "last_checked", "sources", "layout", "params", "translation_key"}

// keyAt is where a page sets a key that no tool we know uses.
type keyAt struct {
	name      string
	line, col int
}

// setOther handles a key Meta.set does not know (see the rules above).
func (m *Meta) setOther(k, v *yaml.Node, start int) error {
	key := k.Value
	if set, ok := mappedKeys[key]; ok {
		return set(m, key, v)
	}
	if !themeKeys[key] {
		if near := nearKey(key); near != "" {
			return fmt.Errorf("unknown front matter key %q (did you mean %q?)", key, near)
		}
		m.unknown = append(m.unknown, keyAt{key, start + k.Line - 1, k.Column})
	}
	var val any
	if err := v.Decode(&val); err != nil {
		return fieldError{v, fmt.Sprintf("front matter %q: %v", key, err)}
	}
	if m.Params == nil {
		m.Params = map[string]any{}
	}
	if _, set := m.Params[key]; !set { // params: says it more precisely
		m.Params[key] = val
	}
	return nil
}

// nearKey is the key of ours or a mapped key that key is one edit from,
// ignoring case, or "".
func nearKey(key string) string {
	k := []rune(strings.ToLower(key))
	for _, c := range ourKeys {
		if oneEdit(k, []rune(c)) {
			return c
		}
	}
	mapped := make([]string, 0, len(mappedKeys))
	for c := range mappedKeys {
		mapped = append(mapped, c)
	}
	slices.Sort(mapped)
	for _, c := range mapped {
		if oneEdit(k, []rune(strings.ToLower(c))) {
			return c
		}
	}
	return ""
}

// oneEdit reports whether a and b are at most one insertion, deletion,
// substitution or swap of neighbours apart (Damerau-Levenshtein 1).
func oneEdit(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return true
	}
	if len(a) < len(b) {
		return slices.Equal(a[i:], b[i+1:])
	}
	if slices.Equal(a[i+1:], b[i+1:]) {
		return true // substitution
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && slices.Equal(a[i+2:], b[i+2:])
}

func setWeight(m *Meta, key string, v *yaml.Node) error {
	if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!float" {
		// Docusaurus allows 2.5 to go between 2 and 3; weights are whole
		// numbers, so it sorts with 2, then by file name.
		var f float64
		if err := v.Decode(&f); err == nil && !math.IsNaN(f) && math.Abs(f) < 1e9 {
			m.Weight = int(math.Floor(f))
			return nil
		}
	}
	var err error
	m.Weight, err = integer(key, v)
	return err
}

func setNavTitle(m *Meta, key string, v *yaml.Node) (err error) {
	m.NavTitle, err = scalar(key, v)
	return err
}

func addTags(m *Meta, key string, v *yaml.Node) error {
	tags, err := stringList(key, v)
	m.Tags = append(m.Tags, tags...)
	return err
}

// setSlug takes a URL path segment ("intro") or an absolute path ("/",
// "/guide/intro"); see Meta.Slug.
func setSlug(m *Meta, key string, v *yaml.Node) error {
	s, err := scalar(key, v)
	if err != nil {
		return err
	}
	bad := strings.TrimSpace(s) == "" || strings.ContainsAny(s, "?#\\") || strings.ContainsFunc(s, unicode.IsControl)
	for _, seg := range strings.Split(s, "/") {
		bad = bad || seg == ".." || seg == "."
	}
	if bad {
		return fieldError{v, fmt.Sprintf("front matter %q: %q is not a URL path (want a name like intro, or a path like /guide/intro)", key, s)}
	}
	m.Slug = s
	return nil
}

// setHide reads MkDocs Material's hide: list. navigation and toc mean
// HideNav and HideTOC; the other values Material knows hide things the
// default theme does not show.
func setHide(m *Meta, key string, v *yaml.Node) error {
	items, err := stringList(key, v)
	if err != nil {
		return err
	}
	for i, it := range items {
		switch it {
		case "navigation":
			m.HideNav = true
		case "toc":
			m.HideTOC = true
		case "footer", "path", "tags", "feedback":
		default:
			at := v
			if v.Kind == yaml.SequenceNode {
				at = v.Content[i]
			}
			return fieldError{at, fmt.Sprintf("front matter %q: %q, want navigation, toc, footer, path, tags or feedback", key, it)}
		}
	}
	return nil
}

// setSearch reads MkDocs Material's search: {exclude: true, boost: 2}.
func setSearch(m *Meta, key string, v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return wrongType(key, v, "a mapping like {exclude: true}")
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		switch k.Value {
		case "exclude":
			var err error
			if m.NoSearch, err = boolean(key+".exclude", val); err != nil {
				return err
			}
		case "boost": // ranking is the index's own
		default:
			return fieldError{k, fmt.Sprintf("unknown key %q in front matter %q (want exclude, boost)", k.Value, key)}
		}
	}
	return nil
}

// blogDates reads the date: mapping of MkDocs Material's blog, {created:
// 2026-02-18, updated: 2026-04-13}, as date and lastmod.
func (m *Meta) blogDates(key string, v *yaml.Node) error {
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		var err error
		switch k.Value {
		case "created":
			m.Date, err = date(key+".created", val)
		case "updated":
			m.Lastmod, err = date(key+".updated", val)
		default:
			err = fieldError{k, fmt.Sprintf("unknown key %q in front matter %q (want created, updated)", k.Value, key)}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// UnknownKeys gives one warning per front matter key that no tool we know
// uses, for all pages together: where it is first set, how many pages set
// it, and the first few places. A site made for another tool may set a key
// on every page; one line each would bury every other diagnostic.
func UnknownKeys(pages []*Page) diag.List {
	byKey := map[string][]string{}
	first := map[string]diag.Diag{}
	for _, p := range pages {
		for _, k := range p.Meta.unknown {
			if _, ok := first[k.name]; !ok {
				first[k.name] = diag.Diag{File: p.File, Line: k.line, Col: k.col}
			}
			byKey[k.name] = append(byKey[k.name], fmt.Sprintf("%s:%d:%d", p.File, k.line, k.col))
		}
	}
	names := make([]string, 0, len(byKey))
	for name := range byKey {
		names = append(names, name)
	}
	slices.Sort(names)
	var diags diag.List
	for _, name := range names {
		at, d := byKey[name], first[name]
		pages := "1 page"
		if len(at) > 1 {
			pages = fmt.Sprintf("%d pages", len(at))
		}
		list := strings.Join(at[:min(len(at), 3)], ", ")
		if len(at) > 3 {
			list += fmt.Sprintf(" and %d more", len(at)-3)
		}
		diags.Warn(d.File, d.Line, d.Col, "unknown front matter key %q on %s (kept in .Params): %s", name, pages, list)
	}
	return diags
}
