package site

import "strings"

// Links between the site's own pages are written relative to the page that
// holds them ("../../platforms/ios/"), as mdBook and MkDocs write them, so a
// built site works from file:// and under any sub-path without a rebuild.
// Two kinds of output are the exception: 404.html, which a server sends for
// any missing path, so relative links would resolve against the wrong folder
// (it keeps base-path-absolute URLs), and feeds and the sitemap, which are
// read away from the site (absolute URLs with scheme and host).

// Kind404 is the kind of the not-found page; its links stay absolute.
const Kind404 = "404"

// RelURL is the URL of the output path to (a folder "platforms/ios/", "" for
// the home, or a file "img/a.png"), relative to the output folder from
// ("data/backup/", "" for the home). It climbs only as far as the two share
// no folder: from "platforms/ios/" to "platforms/android/" is "../android/".
// A link to from itself is "./", never "", which would be no link at all.
func RelURL(from, to string) string {
	up := strings.Count(from, "/")
	for up > 0 {
		// from's first folder, with its slash
		i := strings.IndexByte(from, '/') + 1
		if !strings.HasPrefix(to, from[:i]) {
			break
		}
		from, to = from[i:], to[i:]
		up--
	}
	if up == 0 && to == "" {
		return "./"
	}
	return strings.Repeat("../", up) + to
}

// Link is the URL to write in this page for a link to page to: relative to
// this page's folder, except on the 404 page, where it is to.URL.
func (p *Page) Link(to *Page) string {
	if to == nil {
		return ""
	}
	if p.Kind == Kind404 {
		return to.URL
	}
	return RelURL(p.Rel, to.Rel)
}
