package main

import (
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"zhinan/generator"
	"zhinan/generator/content"
	"zhinan/generator/site"
)

// TestGuides lints the real guides: the site builds with zero diagnostics;
// every page has a "last checked" date and at least one source or entrance
// (a how-to page that no document confirms shows no 参考来源 rather than a
// padded one); the fixes of the content review show in the built text (see
// reviewFixes); every page
// links to at least two others and is linked from at least one; and every
// page can be reached from the home page by following the guides' own links
// (the sidebar is not counted: a reader who follows the text must get
// everywhere).
func TestGuides(t *testing.T) {
	res, files, diags := generator.BuildFiles(generator.Options{FS: os.DirFS(".")})
	if len(diags) > 0 {
		t.Fatalf("the guides have problems:\n%v", diags)
	}
	s := res.Site
	bySource := map[string]*site.Page{}
	for _, p := range s.Pages {
		bySource[p.Source] = p
	}
	out := map[*site.Page][]*site.Page{}
	for _, p := range s.Pages {
		if p.Doc() == nil {
			t.Errorf("%s: generated section without _index.md: every folder of the guides needs an overview", p.URL)
			continue
		}
		if p.Meta.LastChecked.Date.IsZero() {
			t.Errorf("%s: no last_checked in front matter", p.File)
		} else if p.Meta.LastChecked.Method == "" {
			t.Errorf("%s: last_checked says when but not how: add method: sources (or app, with versions)", p.File)
		}
		if len(p.Meta.Sources) == 0 && len(p.Meta.Entrances) == 0 {
			t.Errorf("%s: no sources or entrances in front matter", p.File)
		}
		seen := map[*site.Page]bool{}
		for _, l := range p.Doc().Links {
			if q := bySource[l.Ref.Page]; q != nil && q != p && !seen[q] {
				seen[q] = true
				out[p] = append(out[p], q)
			}
		}
		if len(out[p]) < 2 {
			t.Errorf("%s links to %d other pages, want at least 2", p.File, len(out[p]))
		}
		if p != s.Home && len(p.Backlinks) == 0 {
			t.Errorf("%s: no page links to it", p.File)
		}
	}
	reached := map[*site.Page]bool{s.Home: true}
	queue := []*site.Page{s.Home}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, q := range out[p] {
			if !reached[q] {
				reached[q] = true
				queue = append(queue, q)
			}
		}
	}
	for _, p := range s.Pages {
		if !reached[p] {
			t.Errorf("%s cannot be reached from the home page by following links", p.File)
		}
	}
	if n := len(s.Pages); n < 30 {
		t.Errorf("%d pages, want at least 30", n)
	}
	checkReviewFixes(t, bySource, files)
}

// deniedHosts are content farms and spam pages that must never be cited
// (content-brief.md: the seed's own site and pages like it; the review's spam
// and low-quality reprint hosts). A subdomain of one is denied too.
var deniedHosts = []string{
	"nctoro.com",     // 路由通, the seed article's site
	"wwpfw.com",      // spam Q&A page once cited for the 2007 five-year rule
	"wlchinahc.com",  // third-party reprint of the 2024 微信安全中心 clarification
	"pintu360.com",   // SEO pages claiming a 解散 button
	"chadoudou.cn",   // same
	"yunnanlong.com", // SEO pages
	"shundacom.com",  // SEO pages
	"zzhuanghui.com", // low-quality host of the 2025 网络安全法 decision
}

var urlRE = regexp.MustCompile(`https?://[^\s)>\]"'」，。；]+`)

// officialEntry is how a home page is named in the text: only as an entry
// point for the reader's own search, never as the source of a fact. In front
// matter such pages go under entrances, never under sources.
const officialEntry = "官方入口"

// TestGuideSources: no page cites a denied host, in its sources or its text;
// a bare home page (no path) is named only on a 「官方入口」 line of the text
// or under entrances, never under sources.
func TestGuideSources(t *testing.T) {
	loaded, diags := content.Load(os.DirFS("."), content.Tree{Dir: "content"}, nil)
	if len(diags) > 0 {
		t.Fatalf("load: %v", diags)
	}
	for _, p := range loaded.Pages {
		file := p.File
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			for _, raw := range urlRE.FindAllString(line, -1) {
				u, err := url.Parse(raw)
				if err != nil {
					t.Errorf("%s:%d: unparsable URL %q", file, i+1, raw)
					continue
				}
				if h := deniedHost(u.Hostname()); h != "" {
					t.Errorf("%s:%d: cites %q: %s is a content farm or spam host", file, i+1, raw, h)
				}
				if bareHome(u) && !strings.Contains(line, officialEntry) && !strings.HasPrefix(strings.TrimSpace(line), "url:") {
					t.Errorf("%s:%d: %q is a home page, not a source: cite the page holding the fact, or put it on a 「官方入口」 line", file, i+1, raw)
				}
			}
		}
		for _, s := range p.Meta.Sources {
			if officialEntrance(s.Title, s.URL) {
				t.Errorf("%s: source %q (%s) is a home page or an official entrance: move it to entrances or cite the page holding the fact", file, s.Title, s.URL)
			}
		}
	}
}

func deniedHost(host string) string {
	host = strings.ToLower(host)
	for _, d := range deniedHosts {
		if host == d || strings.HasSuffix(host, "."+d) {
			return d
		}
	}
	return ""
}

// officialEntrance: a reference that names where to look, not what supports
// the page: a bare home page, or one titled as an entrance.
func officialEntrance(title, raw string) bool {
	u, err := url.Parse(raw)
	return strings.HasPrefix(title, officialEntry) || (err == nil && bareHome(u))
}

// bareHome: a URL that names a site, not a page on it.
func bareHome(u *url.URL) bool {
	return u.Host != "" && (u.Path == "" || u.Path == "/") && u.RawQuery == ""
}

// TestChecklistOrder: in the checklist, checking that the member list is
// empty comes before leaving the group (after leaving, nobody can check, and
// if anyone remained the group is lost), and the records are saved before it
// too. On the iPhone and Android pages, the exit step warns, at the step, that
// it removes the owner's own copy.
func TestChecklistOrder(t *testing.T) {
	src, err := os.ReadFile("content/checklist.md")
	if err != nil {
		t.Fatal(err)
	}
	first := func(substr string) int {
		for i, line := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(line, "- [ ]") && strings.Contains(line, substr) {
				return i + 1
			}
		}
		return 0
	}
	exit := first("退出群聊")
	for _, before := range []string{"成员列表已清空", "截图保存解散公告", "结清钱款", "自己备份"} {
		n := first(before)
		switch {
		case n == 0:
			t.Errorf("content/checklist.md: no item %q", before)
		case exit == 0:
			t.Errorf("content/checklist.md: no item that leaves the group (退出群聊)")
		case n > exit:
			t.Errorf("content/checklist.md:%d: %q comes after leaving the group (line %d)", n, before, exit)
		}
	}
	for _, file := range []string{"content/platforms/ios.md", "content/platforms/android.md"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, step, ok := strings.Cut(string(b), "## 退出并删除聊天")
		step, _, _ = strings.Cut(step, "\n## ")
		if !ok || !strings.Contains(step, "[!WARNING]") || !strings.Contains(step, "你自己手机上") {
			t.Errorf("%s: the exit step does not warn that it removes your own copy of the chat", file)
		}
	}
}
