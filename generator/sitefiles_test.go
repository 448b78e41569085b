package generator

import (
	"encoding/xml"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

// absolute reports whether s is an absolute http(s) URL with a host.
func absolute(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// TestSitemapAndFeed builds the guides under a base URL with a host and
// checks sitemap.xml (sitemaps.org 0.9), index.xml (Atom, RFC 4287) and
// robots.txt against the rules readers of them apply.
func TestSitemapAndFeed(t *testing.T) {
	res, files, diags := BuildFiles(Options{FS: os.DirFS(".."), BaseURL: "https://example.org/guide/"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if w := PublishWarnings(res.Site); len(w) != 0 {
		t.Errorf("a base URL with a host still warns: %v", w)
	}

	var sm struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	if want := len(res.Site.Pages) + len(res.Site.Listings); len(sm.URLs) != want {
		t.Errorf("sitemap lists %d URLs, the site has %d pages and list pages", len(sm.URLs), want)
	}
	seen := map[string]bool{}
	for _, u := range sm.URLs {
		if !absolute(u.Loc) || !strings.HasPrefix(u.Loc, "https://example.org/guide/") || seen[u.Loc] {
			t.Errorf("sitemap <loc> %q: want an absolute URL under the base, once", u.Loc)
		}
		seen[u.Loc] = true
		if strings.ContainsFunc(u.Loc, func(r rune) bool { return r > 127 }) {
			t.Errorf("sitemap <loc> %q is not percent-encoded", u.Loc)
		}
		if _, err := time.Parse("2006-01-02", u.Lastmod); u.Lastmod != "" && err != nil {
			t.Errorf("sitemap <lastmod> %q is not a W3C date", u.Lastmod)
		}
	}

	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	}
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Author  []struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Links   []link `xml:"link"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Links   []link `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(files["index.xml"], &feed); err != nil {
		t.Fatalf("index.xml: %v", err)
	}
	rfc3339 := func(what, s string) time.Time {
		ts, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Errorf("%s: updated %q is not RFC 3339", what, s)
		}
		return ts
	}
	if !absolute(feed.ID) || feed.Title == "" || len(feed.Author) == 0 || feed.Author[0].Name == "" {
		t.Errorf("feed: id %q, title %q, author %v: Atom needs all three", feed.ID, feed.Title, feed.Author)
	}
	newest := rfc3339("feed", feed.Updated)
	self := false
	for _, l := range feed.Links {
		self = self || (l.Rel == "self" && l.Href == "https://example.org/guide/index.xml")
	}
	if !self {
		t.Errorf("feed: no absolute rel=self link: %v", feed.Links)
	}
	if len(feed.Entries) == 0 {
		t.Fatal("feed has no entries")
	}
	ids := map[string]bool{}
	for _, e := range feed.Entries {
		if !absolute(e.ID) || ids[e.ID] || e.Title == "" || len(e.Links) == 0 || !absolute(e.Links[0].Href) {
			t.Errorf("entry %q: id %q (unique, absolute), link %v", e.Title, e.ID, e.Links)
		}
		ids[e.ID] = true
		if u := rfc3339(e.Title, e.Updated); u.After(newest) {
			t.Errorf("entry %q updated %v after the feed's %v", e.Title, u, newest)
		}
	}

	robots := string(files["robots.txt"])
	if !strings.Contains(robots, "\nSitemap: https://example.org/guide/sitemap.xml\n") {
		t.Errorf("robots.txt has no absolute Sitemap line:\n%s", robots)
	}
}
