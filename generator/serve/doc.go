// Package serve is the preview server of "zhinan serve": it serves a built
// site from memory and reloads browsers when the site is rebuilt.
//
// # Serving
//
// A Server is an http.Handler over an immutable snapshot of the site, a map
// from slash paths ("index.html", "权限/index.html", "assets/site.css") to
// bytes. A rebuild swaps in a whole new snapshot atomically, so a request
// always sees one complete build, never half of two.
//
// URLs map to files the way a static host would:
//
//	/                      index.html
//	/x/                    x/index.html
//	/x/index.html          x/index.html
//	/x                     x when that file exists, else a redirect to /x/ when x/index.html exists
//	/%E6%9D%83%E9%99%90/   权限/index.html (paths are percent-decoded)
//
// Anything else gets the site's own 404.html with status 404 (or a plain 404
// when the site has none). There are no directory listings. Requests whose
// path could name something outside the site, or is ambiguous, are refused
// with 400 before any lookup: "." or ".." segments (also percent-encoded),
// empty segments ("//"), encoded slashes or backslashes ("%2f", "%5c"),
// backslashes, NUL bytes and invalid UTF-8. Only GET and HEAD are allowed.
//
// Every response carries "Cache-Control: no-store" and
// "X-Content-Type-Options: nosniff". Content-Type comes from the extension;
// text types (html, css, js, json, xml, svg, txt) say charset=utf-8.
//
// # Live reload
//
// Every HTML page served gets a small script before its </body> (the files
// written by "zhinan build" never do). The script listens to the Server-Sent
// Events stream at /_zhinan/events, which sends:
//
//	event: reload   after a rebuild that gave a site: the page reloads and keeps its scroll position
//	event: css      when only stylesheets changed; data lists them, one per line,
//	                and the page swaps its <link rel=stylesheet> without reloading
//	event: error    when a rebuild fails site-wide; data lists the diagnostics, one
//	                per line, shown in an overlay
//
// Each event carries the site's generation as its id. A page tells the
// stream which generation it was served from, so a rebuild that happens
// between loading a page and connecting to the stream is not missed.
//
// # Problems
//
// A build that has problems on some pages (a broken link, bad front matter)
// still gives a site: it is swapped in and announced with "reload", and
// every HTML page carries an overlay, <div id="zhinan-error">, listing every
// diagnostic (HTML-escaped), the page's own first. Errors show it red at the
// top; warnings only show it folded at the bottom, open on a page that has
// some. A page whose template fails is answered with status 500 and the
// problem, where the editor is looking.
//
// A build that fails site-wide (settings, the base template) gives no site:
// the last good one keeps being served, "error" carries the diagnostics and
// pages show the overlay until a build succeeds. Before the first site there
// is, every request gets a page with status 500 listing the problems; it
// reloads itself once the site builds.
//
// Each connection is bounded (Limits: header and read timeouts, header
// size, idle time); HTTPServer makes the http.Server with them.
//
// The Hub that fans events out to browsers is a value handed to New, never
// a package global, so tests and several servers in one process do not meet.
package serve
