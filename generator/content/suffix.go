package content

import (
	"strings"
)

// pageRel is the path in the tree of a file found at rel in the folder of
// pages, and whether it belongs to the tree, for a site whose languages are
// told apart by a suffix (see Tree.Suffix): "page.en.md" is "page.md" in
// the "en" tree and belongs to no other. Without suffixes it is rel.
func (s Tree) pageRel(rel string) (string, bool) {
	if !isMarkdown(rel) || (s.Suffix == "" && s.Others == "") {
		return rel, true
	}
	stem := rel[:len(rel)-len(".md")]
	if s.Suffix != "" {
		base, ok := cutSuffix(stem, s.Suffix)
		if !ok {
			return "", false
		}
		return base + ".md", true
	}
	for _, o := range strings.Split(s.Others, "\n") {
		if _, ok := cutSuffix(stem, o); ok {
			return "", false
		}
	}
	return rel, true
}

// suffixed is the inverse of pageRel: the file's path in the folder of
// pages of a page at rel in the tree.
func (s Tree) suffixed(rel string) string {
	if s.Suffix == "" || !isMarkdown(rel) {
		return rel
	}
	return rel[:len(rel)-len(".md")] + "." + s.Suffix + ".md"
}

// cutSuffix cuts ".<suffix>" off the end of a file name without ".md",
// and never leaves the name empty. Case counts: Tree.File writes the
// suffix back as the setting spells it, so "page.EN.md" is no "en" page.
func cutSuffix(stem, suffix string) (string, bool) {
	dot := len(stem) - len(suffix) - 1
	if dot <= 0 || stem[dot] != '.' || stem[dot-1] == '/' || stem[dot+1:] != suffix {
		return stem, false
	}
	return stem[:dot], true
}

func isMarkdown(name string) bool { return strings.HasSuffix(strings.ToLower(name), ".md") }
