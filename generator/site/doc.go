// Package site turns rendered pages into a site graph.
//
// It works in two steps around rendering. Before it, NewTable gives every
// page and asset its URL, so that Markdown can resolve links in parallel
// (Table implements markdown.Resolver). After it, Build links everything:
// the section tree (folders, or SUMMARY.md's nesting; ordered by weight, then
// SUMMARY.md, then file names in natural order), reading order
// with previous and next, breadcrumbs, tables of contents, backlinks, related
// pages, tag and platform pages, redirect pages for aliases, and list pages
// for lists too long for one page (Pager). The sidebar (NavHTML) and every
// link between pages (RelURL, Page.Link) are relative and bounded in size,
// so no page grows with the site. Links with a
// #fragment are checked in between (Anchors), against the real heading IDs of
// their target.
//
// A preview builds the same site again after every save, and at 10,000 pages
// a pass over every page's links costs more than the edit. So what depends
// only on pages' links is carried from one build to the next and patched
// where documents changed: Anchors looks again only at the pages rendered
// anew and the pages that link into them, and Cache (Input.Cache) keeps the
// backlinks while the reading order holds. Either gives what a build from
// scratch gives; generator's incremental tests compare the two byte for byte.
//
// The package reads the finished documents and never renders anything itself.
package site
