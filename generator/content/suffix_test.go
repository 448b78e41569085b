package content

import "testing"

// In the suffix layout a page's path is its file's without the language's
// suffix; the default language leaves every other language's files out.
func TestSuffixLayout(t *testing.T) {
	en := Tree{Dir: "docs", Suffix: "en"}
	zh := Tree{Dir: "docs", Others: "en\nzh-TW"}
	for _, tc := range []struct {
		tree      Tree
		file, rel string // rel "" when the file is not the tree's
	}{
		{en, "docs/a.en.md", "a.md"},
		{en, "docs/guide/_index.en.md", "guide/_index.md"},
		{en, "docs/guide/_index.EN.md", ""}, // the suffix as the setting spells it
		{en, "docs/a.md", ""},
		{en, "docs/en.md", ""}, // a page named en, not a suffix alone
		{en, "docs/img/logo.png", "img/logo.png"},
		{zh, "docs/a.md", "a.md"},
		{zh, "docs/a.en.md", ""},
		{zh, "docs/a.zh-TW.md", ""},
		{zh, "docs/v1.2.md", "v1.2.md"},
	} {
		rel, ok := tc.tree.Rel(tc.file)
		if (tc.rel == "") == ok || (ok && rel != tc.rel) {
			t.Errorf("%+v Rel(%q) = %q, %v; want %q", tc.tree, tc.file, rel, ok, tc.rel)
		}
		if ok && tc.tree.File(rel) != tc.file {
			t.Errorf("File(%q) = %q, want %q", rel, tc.tree.File(rel), tc.file)
		}
	}
}
