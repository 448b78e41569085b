package generator

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"slices"

	"zhinan/generator/config"
	"zhinan/generator/diag"
	"zhinan/generator/site"
)

// siteFiles makes the files robots and feed readers look for: sitemap.xml,
// robots.txt and an Atom feed (index.xml) of the most recently updated guides.
// None of them carries the time of the build, so builds stay reproducible.
func siteFiles(s *site.Site) map[string][]byte {
	return map[string][]byte{
		"sitemap.xml": sitemap(s),
		"robots.txt":  robots(s),
		"index.xml":   atom(s),
	}
}

func sitemap(s *site.Site) []byte { return sitemapOf([]*site.Site{s}) }

// sitemapOf lists the pages of one site, or of every language of a
// multilingual one, each page with its translations as xhtml:link
// alternates (as search engines read them).
func sitemapOf(sites []*site.Site) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`)
	if len(sites) > 1 {
		b.WriteString(` xmlns:xhtml="http://www.w3.org/1999/xhtml"`)
	}
	b.WriteString(">\n")
	for _, s := range sites {
		// The later pages of long lists too: crawlers reach every page through them.
		for _, p := range slices.Concat(s.Pages, s.Listings) {
			b.WriteString("  <url><loc>")
			xml.EscapeText(&b, []byte(escapeURL(p.Permalink)))
			b.WriteString("</loc>")
			if t := p.Updated(); !t.IsZero() {
				fmt.Fprintf(&b, "<lastmod>%s</lastmod>", t.Format("2006-01-02"))
			}
			for _, t := range p.Translations {
				if !t.Missing {
					fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="%s" href="%s"/>`, xmlAttr(t.Code), xmlAttr(escapeURL(t.Page.Permalink)))
				}
			}
			b.WriteString("</url>\n")
		}
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func robots(s *site.Site) []byte {
	return []byte("User-agent: *\nAllow: /\nSitemap: " + s.Config.Origin() + s.BasePath + "sitemap.xml\n")
}

const feedSize = 20

func atom(s *site.Site) []byte {
	var b bytes.Buffer
	esc := func(str string) {
		xml.EscapeText(&b, []byte(str))
	}
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="%s">`+"\n", s.Config.Language)
	b.WriteString("  <title>")
	esc(s.Config.Title)
	b.WriteString("</title>\n  <id>")
	home := escapeURL(s.Home.Permalink)
	esc(home)
	b.WriteString("</id>\n")
	fmt.Fprintf(&b, "  <link href=\"%s\"/>\n  <link rel=\"self\" href=\"%sindex.xml\"/>\n", xmlAttr(home), xmlAttr(home))
	// Atom wants an author for the feed (or for every entry): the site.
	b.WriteString("  <author><name>")
	esc(s.Config.Title)
	b.WriteString("</name></author>\n")
	recent := s.Recent
	if len(recent) > feedSize {
		recent = recent[:feedSize]
	}
	if len(recent) > 0 {
		fmt.Fprintf(&b, "  <updated>%s</updated>\n", recent[0].Updated().Format("2006-01-02T15:04:05Z07:00"))
	}
	for _, p := range recent {
		b.WriteString("  <entry>\n    <title>")
		esc(p.Title)
		b.WriteString("</title>\n    <id>")
		link := escapeURL(p.Permalink)
		esc(link)
		fmt.Fprintf(&b, "</id>\n    <link href=\"%s\"/>\n", xmlAttr(link))
		fmt.Fprintf(&b, "    <updated>%s</updated>\n", p.Updated().Format("2006-01-02T15:04:05Z07:00"))
		if p.Description != "" {
			b.WriteString("    <summary>")
			esc(p.Description)
			b.WriteString("</summary>\n")
		}
		b.WriteString("  </entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

// escapeURL percent-encodes the path of a URL ("/guide/群聊/" becomes
// "/guide/%E7%BE%A4%E8%81%8A/"), as sitemaps and feed readers expect.
func escapeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return u.String()
}

func xmlAttr(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// PublishWarnings are the problems of a site that only matter once it is
// published: without a scheme and host in base_url, the sitemap, the feed,
// robots.txt and the canonical links can only hold paths, which search
// engines and feed readers do not accept. "zhinan build" and "zhinan check"
// print them; the preview, served at its own address, has none.
func PublishWarnings(s *site.Site) diag.List {
	var l diag.List
	if s.Config.Origin() == "" {
		l.Warn(config.File, 0, 0, "base_url %q has no scheme and host: sitemap.xml, index.xml, robots.txt and canonical links "+
			"need absolute URLs (set base_url: https://example.org/path/ to the published address, or pass -base-url)", s.Config.BaseURL)
	}
	return l
}
