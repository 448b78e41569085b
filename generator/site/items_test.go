package site

import "testing"

// TestItemsHTML: links are relative to the page holding the list, titles
// are escaped, the home page reads as the label given, and a backlink
// names the section of the page it comes from.
func TestItemsHTML(t *testing.T) {
	home := &Page{Kind: KindHome, Title: "指南"}
	sec := &Page{Kind: KindSection, Title: "数据 & 记录", Rel: "data/", Parent: home}
	page := &Page{Kind: KindPage, Title: `<备份>`, Rel: "data/backup/", Parent: sec}
	cur := &Page{Kind: KindPage, Title: "当前", Rel: "data/money/", Parent: sec}

	got := cur.ItemsHTML([]*Page{home, sec}, "首页")
	want := `<li><a href="../../">首页</a></li><li><a href="../">数据 &amp; 记录</a></li>`
	if string(got) != want {
		t.Errorf("ItemsHTML =\n%s\nwant\n%s", got, want)
	}
	if got, want := cur.ItemsHTML([]*Page{home}, ""), `<li><a href="../../">指南</a></li>`; string(got) != want {
		t.Errorf("ItemsHTML without a home label = %s, want %s", got, want)
	}
	got = cur.ItemsInHTML([]*Page{page, home}, "（", "）")
	want = `<li><a href="../backup/">&lt;备份&gt;</a><span class="in">（数据 &amp; 记录）</span></li><li><a href="../../">指南</a></li>`
	if string(got) != want {
		t.Errorf("ItemsInHTML =\n%s\nwant\n%s", got, want)
	}
}
