package content

import (
	"path"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// DefaultDir is the folder of pages when the settings name none.
const DefaultDir = "content"

// Tree says where a site's pages are: the folder zhinan.yaml names with
// content: ("content" by default, "docs", or "." for the site root itself),
// and the exclude: patterns of what in it is not part of the site. It is a
// comparable value, so a change of settings is seen with ==.
//
// Some files are never pages, whatever the settings: dot-files and
// dot-folders (.git, .github), node_modules folders, and the table of
// contents: SUMMARY.md beside the pages, or the file nav: names. When the
// pages are the site root itself, so are the settings file, the theme folder
// templates/ and the site's words i18n/. Nor is the output folder, wherever
// it lies.
type Tree struct {
	Dir     string // slash path relative to the site root; "" means DefaultDir
	Exclude string // glob patterns, one a line (see Excluded)
	// Output is the output folder, as a slash path relative to the site
	// root, when it lies inside the site ("public", "site", "docs/_site");
	// "" when it lies elsewhere. Its files are last build's pages, never
	// this build's.
	Output string
	// Nav is the file that orders the pages (nav: in zhinan.yaml), relative
	// to the site root, or "": a SUMMARY.md found beside the pages or at
	// the root. Never a page.
	Nav string
	// HashRoutes says links are written as docsify's hash routes
	// ("#/guide/intro"), which lead to pages (see site.Table.Resolve).
	HashRoutes bool
	// Suffix, in a multilingual site whose languages are told apart by
	// file name (page.en.md beside page.md), is this language's suffix
	// ("en"): only pages with it belong to the tree, each at the path
	// without it, so that page.en.md is "page.md" as its translation is.
	// Others are the other languages' suffixes, one a line: the default
	// language (no suffix) leaves their pages out. Assets are shared.
	Suffix string
	Others string
}

// Root is Dir, or DefaultDir when Dir is empty.
func (s Tree) Root() string {
	if s.Dir == "" {
		return DefaultDir
	}
	return strings.TrimSuffix(path.Clean(s.Dir), "/")
}

// File is the path of a page or asset relative to the site root, as
// diagnostics name it: "content/a.md", or "a.md" when the pages are the root.
func (s Tree) File(rel string) string {
	rel = s.suffixed(rel)
	if s.Root() == "." {
		return rel
	}
	return s.Root() + "/" + rel
}

// Rel is the inverse of File: the path inside the folder of pages of a path
// relative to the site root, and whether it lies inside that folder and is
// not left out.
func (s Tree) Rel(file string) (string, bool) {
	rel := file
	if s.Root() != "." {
		var ok bool
		if rel, ok = strings.CutPrefix(file, s.Root()+"/"); !ok {
			return "", false
		}
	}
	rel, ok := s.pageRel(rel)
	if !ok {
		return "", false
	}
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		if s.skip(dir, true) {
			return "", false
		}
	}
	return rel, !s.skip(rel, false)
}

// skip reports whether a path relative to the folder of pages is left out
// of the site (a folder with all it holds).
func (s Tree) skip(rel string, isDir bool) bool {
	name := path.Base(rel)
	if strings.HasPrefix(name, ".") || (isDir && name == "node_modules") {
		return true
	}
	if rel == "SUMMARY.md" || (!isDir && s.Nav != "" && s.File(rel) == s.Nav) {
		return true
	}
	if isDir && s.Output != "" && s.File(rel) == s.Output {
		return true
	}
	if s.Root() == "." && !strings.Contains(rel, "/") {
		switch {
		case isDir && (rel == "templates" || rel == "i18n"):
			return true
		case !isDir && rel == "zhinan.yaml":
			return true
		}
	}
	return s.Excluded(rel, isDir)
}

// Excluded reports whether an exclude: pattern matches a path relative to
// the folder of pages. Patterns use doublestar globs ("drafts/**",
// "**/*.txt"); a pattern without "/" matches a file or folder name at any
// depth ("_book", "*.bak"), as in .gitignore; a leading "/" anchors it at
// the top of the folder of pages ("/index.html"); a pattern ending in "/"
// matches folders only.
func (s Tree) Excluded(rel string, isDir bool) bool {
	for _, pat := range strings.Split(s.Exclude, "\n") {
		pat = strings.TrimSpace(pat)
		dirOnly, anchored := strings.HasSuffix(pat, "/"), strings.HasPrefix(pat, "/")
		pat = strings.TrimSuffix(strings.TrimPrefix(pat, "/"), "/")
		if pat == "" || (dirOnly && !isDir) {
			continue
		}
		subject := rel
		if !anchored && !strings.Contains(pat, "/") {
			subject = path.Base(rel)
		}
		if ok, _ := doublestar.Match(pat, subject); ok {
			return true
		}
	}
	return false
}

// ValidPattern reports whether an exclude: pattern is a well-formed glob.
func ValidPattern(pat string) bool { return doublestar.ValidatePattern(pat) }
