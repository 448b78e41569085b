// Package content reads a site's pages: every file in its folder of pages
// (content/ unless zhinan.yaml names another, see Tree), and its SUMMARY.md.
//
// A Markdown file (*.md) is a page; content/_index.md is the home page and
// dir/_index.md makes dir a section (so do dir/index.md, and dir/README.md
// when the folder has neither). Any other file (an image, a PDF) is an
// asset, copied to the same path in the output, beside its page.
//
// A page may start with YAML front matter between a line "---" and the next
// line "---". The keys are listed on Meta. Keys of other tools that mean one
// of ours are mapped, keys of their themes kept in Meta.Params, and a typo
// such as "titel" is an error with its line and column; any other key is kept
// in Meta.Params too, with one warning per key name for the whole site
// (UnknownKeys). foreign.go has the rules and the lists. Front matter is
// replaced by blank lines in Page.Body so that a position the Markdown parser
// reports is the position in the file.
//
// Two files of other tools are read too: a Docusaurus _category_.json (or
// .yml) names its folder's section and gives its place (Site.Folders), and
// the front matter of a VuePress or VitePress home (home: true, a hero and
// features) becomes the text of a plain page (see hero.go).
//
// Load never stops at the first problem: it returns every diagnostic of every
// file, and leaves the broken pages out.
package content
