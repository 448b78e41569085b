package generator

import (
	"os"
	"testing"
	"testing/fstest"

	"zhinan/generator/search"
)

// TestSearchRealGuides checks the ranking on the real guides: a reader who
// types the obvious words must find the obvious page at the top.
func TestSearchRealGuides(t *testing.T) {
	_, files, diags := BuildFiles(Options{FS: os.DirFS("..")})
	if len(diags) > 0 {
		t.Fatalf("the real site has problems:\n%v", diags)
	}
	fsys := fstest.MapFS{}
	for name, b := range files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	ix, err := search.Open(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query, url string
		top        int
	}{
		{"群主 转让", "/permissions/transfer-owner/", 1},
		{"转让群主", "/permissions/transfer-owner/", 1},
		{"聊天记录", "/data/chat-history/", 3},
		{"备份", "/data/backup/", 3},
		{"离职", "/exceptions/owner-gone/", 3},
		{"广州互联网法院", "/legal/guangzhou-case/", 3},
		{"公告模板", "/after/announcement-templates/", 3},
		{"未成年人", "/exceptions/minors/", 3},
		// Questions typed as a reader says them: no page holds the whole
		// run, so the pages holding most of its words come up.
		{"群主转让", "/permissions/transfer-owner/", 3},
		{"解散群聊以后还能看到聊天记录吗", "/data/chat-history/", 3}, // the FAQ, which answers it in one line, may come first
	} {
		results := ix.Search(tc.query, tc.top)
		found := false
		for _, r := range results {
			found = found || r.URL == tc.url
		}
		if !found {
			var got []string
			for _, r := range results {
				got = append(got, r.URL+" "+r.Title)
			}
			t.Errorf("search %q: %s not in the top %d: %q", tc.query, tc.url, tc.top, got)
		}
	}
	if r := ix.Search("量子纠缠", 10); len(r) != 0 {
		t.Errorf("a query found nowhere gave %d results", len(r))
	}
}
