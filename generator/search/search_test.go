package search

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func openDocs(t testing.TB, docs []Doc, opts ...Option) *Index {
	t.Helper()
	ix, err := Open(memFS(Build(docs, opts...)))
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func urls(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.URL)
	}
	return out
}

// hanRuns returns the runs of Han characters in s.
func hanRuns(s string) [][]rune {
	var out [][]rune
	var cur []rune
	for _, r := range s + " " {
		if unicode.Is(unicode.Han, r) {
			cur = append(cur, r)
			continue
		}
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur = nil
	}
	return out
}

func TestRecallAndPrecision(t *testing.T) {
	docs := genCorpus(corpusOptions{pages: 300, bodyRunes: 400, seed: 1})
	ix := openDocs(t, docs)
	rng := rand.New(rand.NewPCG(7, 7))
	for i := 0; i < 1000; {
		d := docs[rng.IntN(len(docs))]
		p := d.Parts[rng.IntN(len(d.Parts))]
		rs := hanRuns(p.Text)
		run := rs[rng.IntN(len(rs))]
		if len(run) < 2 {
			continue
		}
		n := 2 + rng.IntN(min(5, len(run)-1))
		at := rng.IntN(len(run) - n + 1)
		q := string(run[at : at+n])
		i++
		if !slices.Contains(urls(ix.Search(q, 0)), d.URL) {
			t.Errorf("query %q: page %s, which holds it, not found", q, d.URL)
		}
	}
	var all strings.Builder
	for _, d := range docs {
		all.WriteString(d.Title + "|" + d.Section)
		for _, p := range d.Parts {
			all.WriteString("|" + p.Heading + "|" + p.Text)
		}
	}
	text := all.String()
	for tried := 0; tried < 100; {
		q := string([]rune{rune(0x4E00 + 7*rng.IntN(3000)), rune(0x4E00 + 7*rng.IntN(3000))})
		if strings.Contains(text, q) {
			continue
		}
		tried++
		if rs := ix.Search(q, 0); len(rs) > 0 {
			t.Errorf("query %q occurs nowhere but found %v", q, urls(rs))
		}
	}
	if rs := ix.Search("丁丂", 0); len(rs) > 0 {
		t.Errorf("characters outside the corpus found %v", urls(rs))
	}
}

func fillerDoc(url, title, text string) Doc {
	return Doc{URL: url, Title: title, Section: "指南", Parts: []Part{
		{Text: "这是一段普通的说明文字，用来填充页面。" + text},
		{Anchor: "步骤", Heading: "步骤", Text: "打开设置，然后确认。"},
	}}
}

func TestRankTitleOverBody(t *testing.T) {
	ix := openDocs(t, []Doc{
		fillerDoc("/a/", "其他话题", "我们可以解散这个群。"),
		fillerDoc("/b/", "解散群聊", "没有别的内容。"),
	})
	got := urls(ix.Search("解散", 10))
	if want := []string{"/b/", "/a/"}; !slices.Equal(got, want) {
		t.Errorf("Search(解散) = %v, want title match first %v", got, want)
	}
}

func TestRankAndOverOr(t *testing.T) {
	ix := openDocs(t, []Doc{
		fillerDoc("/or/", "解散解散", "解散解散解散，解散。"),
		fillerDoc("/and/", "其他话题", "在 WeChat 里可以解散。"),
		fillerDoc("/none/", "其他话题", "无关。"),
	})
	got := urls(ix.Search("解散 wechat", 10))
	if want := []string{"/and/", "/or/"}; !slices.Equal(got, want) {
		t.Errorf("Search(解散 wechat) = %v, want %v", got, want)
	}
}

// TestPartialRun: a run of four or more characters also finds pages
// holding at least half of its bigrams (two at least), after the pages
// holding the whole run, however often the partial pages say their part.
func TestPartialRun(t *testing.T) {
	ix := openDocs(t, []Doc{
		fillerDoc("/whole/", "其他话题", "说明群主转让的做法。"),
		fillerDoc("/half/", "转让群主", "转让群主，再转让群主。"),
		fillerDoc("/one/", "群主须知", "群主的职责。"),
		fillerDoc("/none/", "其他话题", "无关。"),
	})
	// 群主转让: bigrams 群主 主转 转让; /half/ holds 群主 and 转让, /one/ only 群主.
	if got, want := urls(ix.Search("群主转让", 10)), []string{"/whole/", "/half/"}; !slices.Equal(got, want) {
		t.Errorf("Search(群主转让) = %v, want %v", got, want)
	}
	// Filler bigrams (particles, question words) do not count: 群主退群了怎么办
	// has 群主 主退 退群 群了 了怎 怎么 么办, of which only 群主 主退 退群
	// are content, so 群主 and 退群 are enough.
	ix2 := openDocs(t, []Doc{fillerDoc("/quit/", "退群须知", "群主可以退群。"), fillerDoc("/none/", "其他话题", "无关。")})
	if got := urls(ix2.Search("群主退群了怎么办", 10)); !slices.Equal(got, []string{"/quit/"}) {
		t.Errorf("Search(群主退群了怎么办) = %v, want [/quit/]", got)
	}
	// Three characters (two bigrams): one bigram is not enough.
	if got := urls(ix.Search("主转让", 10)); !slices.Equal(got, []string{"/whole/"}) {
		t.Errorf("Search(主转让) = %v, want [/whole/]", got)
	}
}

func TestPrefixWidthAndAnchor(t *testing.T) {
	ix := openDocs(t, []Doc{
		{URL: "/wecom/", Title: "企业微信", Parts: []Part{
			{Text: "开头的介绍。"},
			{Anchor: "解散", Heading: "解散", Text: "在 WeCom 管理后台，群主可以解散群聊，解散后无法恢复。"},
		}},
		fillerDoc("/other/", "别的", "没有。"),
	})
	for _, q := range []string{"wec", "WECOM", "ＷｅＣｏｍ", "wecom 群主"} {
		if got := urls(ix.Search(q, 10)); !slices.Equal(got, []string{"/wecom/"}) {
			t.Errorf("Search(%q) = %v, want [/wecom/]", q, got)
		}
	}
	rs := ix.Search("解散群聊", 1)
	if len(rs) != 1 || rs[0].Anchor != "解散" {
		t.Fatalf("Search(解散群聊) = %+v, want anchor 解散", rs)
	}
	ex := []rune(rs[0].Excerpt)
	if len(rs[0].Highlights) == 0 {
		t.Fatalf("no highlights in %q", rs[0].Excerpt)
	}
	for _, h := range rs[0].Highlights {
		if s := string(ex[h[0]:h[1]]); !strings.Contains("解散群聊", s) {
			t.Errorf("highlight %v = %q, not part of the query", h, s)
		}
	}
	if h := rs[0].Highlights[0]; string(ex[h[0]:h[1]]) != "解散群聊" {
		t.Errorf("first highlight = %q, want 解散群聊", string(ex[h[0]:h[1]]))
	}
}

func TestExcerptWindow(t *testing.T) {
	text := strings.Repeat("甲", 100) + "解散" + strings.Repeat("乙", 100)
	ex, hl := excerpt(text, newMatcher(parseQuery("解散", &defParams)), &defParams)
	r := []rune(ex)
	if len(r) != defParams.Excerpt+2 || r[0] != '…' || r[len(r)-1] != '…' {
		t.Errorf("excerpt %q: want %d runes with ellipses on both ends", ex, defParams.Excerpt+2)
	}
	if len(hl) != 1 || string(r[hl[0][0]:hl[0][1]]) != "解散" {
		t.Errorf("highlights %v in %q", hl, ex)
	}
}

func TestUntrustedTextIsReturnedVerbatim(t *testing.T) {
	xss := `<img src=x onerror=alert(1)>`
	ix := openDocs(t, []Doc{{URL: "/x/", Title: xss, Section: "<b>s</b>", Parts: []Part{{Text: "解散 & <script>"}}}})
	rs := ix.Search("解散", 1)
	if len(rs) != 1 || rs[0].Title != xss || rs[0].Section != "<b>s</b>" || rs[0].Excerpt != "解散 & <script>" {
		t.Errorf("got %+v", rs)
	}
}

func TestBuildDeterministic(t *testing.T) {
	docs := genCorpus(corpusOptions{pages: 50, bodyRunes: 300, seed: 3})
	a := Build(docs)
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	b := Build(rev)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			t.Errorf("%s differs between builds", k)
		}
		if !strings.HasPrefix(k, "search/") || !strings.HasSuffix(k, ".js") {
			t.Errorf("unexpected file %s", k)
		}
	}
}

func TestBase(t *testing.T) {
	docs := []Doc{{URL: "/docs/"}, {URL: "/docs/a/b/"}, {URL: "/docs/c/"}}
	if ix := openDocs(t, docs); ix.Base() != "/docs/" {
		t.Errorf("inferred base %q, want /docs/", ix.Base())
	}
	if ix := openDocs(t, docs, WithBase("/")); ix.Base() != "/" {
		t.Errorf("explicit base %q, want /", ix.Base())
	}
}

func TestVarint(t *testing.T) {
	var b []byte
	vals := []uint32{0, 1, 31, 32, 1023, 1024, 1<<31 - 1, 1<<32 - 1}
	for _, v := range vals {
		b = appendVarint(b, v)
	}
	got, err := decodeVarints(string(b))
	if err != nil || !slices.Equal(got, vals) {
		t.Errorf("decode(encode(%v)) = %v, %v", vals, got, err)
	}
	put := make([]byte, len(vals)*maxVarint)
	n := 0
	for _, v := range vals {
		n = putVarint(put, n, v)
	}
	if string(put[:n]) != string(b) {
		t.Errorf("putVarint wrote %q, appendVarint %q", put[:n], b)
	}
}

// TestExcerptNeverEmpty: a match in a heading with no text of its own, or
// in a page with no text at all, still shows an excerpt.
func TestExcerptNeverEmpty(t *testing.T) {
	ix := openDocs(t, []Doc{
		{URL: "/a/", Title: "解散步骤", Parts: []Part{
			{Anchor: "准备", Heading: "准备工作"},
			{Anchor: "备份", Heading: "备份记录", Text: "先把聊天记录备份到电脑。"},
		}},
		{URL: "/b/", Title: "空白页面"},
	})
	for q, want := range map[string]string{"准备工作": "先把聊天记录备份到电脑。", "解散": "先把聊天记录备份到电脑。", "空白页面": "空白页面"} {
		rs := ix.Search(q, 10)
		if len(rs) != 1 || rs[0].Excerpt != want {
			t.Errorf("Search(%s) = %+v, want one result with excerpt %q", q, rs, want)
		}
	}
}

func TestOneEdit(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"andriod", "android", true}, {"androd", "android", true}, {"andrroid", "android", true},
		{"anbroid", "android", true}, {"android", "android", false}, {"adnriod", "android", false},
		{"wechat", "wecom", false}, {"解散群", "解散", true},
	} {
		if got := oneEdit(tc.a, tc.b); got != tc.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestTypo: a Latin word that matches nothing finds the indexed words one
// edit away; one that matches something is taken as typed.
func TestTypo(t *testing.T) {
	ix := openDocs(t, []Doc{
		fillerDoc("/android/", "Android 版微信", "在 Android 手机上操作。"),
		fillerDoc("/androids/", "其他话题", "androids 是另一个词。"),
		fillerDoc("/none/", "其他话题", "无关。"),
	})
	for q, want := range map[string][]string{"andriod": {"/android/"}, "andriod 微信": {"/android/"}, "androids": {"/androids/"}} {
		if got := urls(ix.Search(q, 10)); !slices.Equal(got, want) {
			t.Errorf("Search(%s) = %v, want %v", q, got, want)
		}
	}
}

// TestOnlyStopWords: a query made only of stop words looks for them, so
// that every substring of a page still finds it.
func TestOnlyStopWords(t *testing.T) {
	ix := openDocs(t, []Doc{fillerDoc("/a/", "群主退群了怎么办", "问一下。"), fillerDoc("/b/", "其他话题", "无关。")})
	for _, q := range []string{"怎么", "了怎么", "怎么办", "么"} {
		if got := urls(ix.Search(q, 10)); !slices.Equal(got, []string{"/a/"}) {
			t.Errorf("Search(%s) = %v, want [/a/]", q, got)
		}
	}
}

// TestSynonymMembersAndJunctions: a synonym member matches only in full
// (苹果手机 is not 手机 where no page says 苹果), and the bigram across a
// synonym and its neighbour (闭群 in 关闭群) ranks the page that says it
// as typed above one holding the same words apart.
func TestSynonymMembersAndJunctions(t *testing.T) {
	sets := WithSynonyms([][]string{{"苹果手机", "iPhone"}, {"解散", "关闭"}})
	ix := openDocs(t, []Doc{
		fillerDoc("/phone/", "手机端", "在手机上操作。"),
		fillerDoc("/iphone/", "iPhone 版", "在 iPhone 上操作。"),
		fillerDoc("/none/", "其他话题", "无关。"),
	}, sets)
	if got, want := urls(ix.Search("苹果手机", 10)), []string{"/iphone/"}; !slices.Equal(got, want) {
		t.Errorf("Search(苹果手机) = %v, want %v (手机 alone is not the member)", got, want)
	}
	ix = openDocs(t, []Doc{
		fillerDoc("/apart/", "其他话题", "群里的人都同意后，再关闭。"),
		fillerDoc("/typed/", "其他话题", "最后关闭群，然后确认。"),
	}, sets)
	if got, want := urls(ix.Search("关闭群", 10)), []string{"/typed/", "/apart/"}; !slices.Equal(got, want) {
		t.Errorf("Search(关闭群) = %v, want %v (闭群 says the words stand together)", got, want)
	}
}

// TestHeadingRoutes: a result links to the heading that asks the question
// (an FAQ entry), not to the first part that happens to hold its words,
// and to the top of the page when the title is what matched best.
func TestHeadingRoutes(t *testing.T) {
	ix := openDocs(t, []Doc{{URL: "/faq/", Title: "常见问题", Parts: []Part{
		{Anchor: "按钮", Heading: "有没有解散按钮", Text: "没有。群管理员也不能解散群，见下文。"},
		{Anchor: "群管理员能解散群吗", Heading: "群管理员能解散群吗", Text: "不能。"},
	}}, {URL: "/roles/", Title: "群管理员的权限", Description: "群管理员能做什么。", Parts: []Part{
		{Anchor: "其他", Heading: "其他", Text: "群主可以设置群管理员。"},
	}}})
	for q, want := range map[string]string{"群管理员能解散群吗": "/faq/#群管理员能解散群吗", "群管理员权限": "/roles/#"} {
		if rs := ix.Search(q, 1); len(rs) != 1 || rs[0].URL+"#"+rs[0].Anchor != want {
			t.Errorf("Search(%s) = %+v, want %s", q, rs, want)
		}
	}
}

// TestLazyIsBuild: the lazy index names the same files as Build, with the
// same bytes, and no others.
func TestLazyIsBuild(t *testing.T) {
	docs := genCorpus(corpusOptions{pages: 300, bodyRunes: 200, seed: 3})
	want := Build(docs, WithBase("/"))
	ix := BuildLazy(docs, WithBase("/"))
	names := ix.Names()
	if len(names) != len(want) {
		t.Errorf("Lazy names %d files, Build makes %d", len(names), len(want))
	}
	for _, name := range names {
		got, ok := ix.File(name)
		if !ok || !bytes.Equal(got, want[name]) {
			t.Errorf("Lazy.File(%q) = %d bytes, %v; Build made %d bytes", name, len(got), ok, len(want[name]))
		}
	}
	for _, name := range []string{"search/d/300.js", "search/d/01.js", "search/d/-1.js", "search/d/.js", "search/d/1", "search/d/99999999999999999999.js", "search/x.js"} {
		if b, ok := ix.File(name); ok {
			t.Errorf("Lazy.File(%q) = %d bytes, want no such file", name, len(b))
		}
	}
}

// TestRoundsChangeNothing: gathering postings in rounds (a big site) gives
// the very entries and word counts of one round.
func TestRoundsChangeNothing(t *testing.T) {
	docs := genCorpus(corpusOptions{pages: 400, bodyRunes: 300, seed: 5})
	wantEs, wantDF := encodeRounds(docs, 1)
	for _, rounds := range []int{2, 5, partitions} {
		es, df := encodeRounds(docs, rounds)
		if !reflect.DeepEqual(es, wantEs) || !reflect.DeepEqual(df, wantDF) {
			t.Errorf("%d rounds: entries or word counts differ from one round", rounds)
		}
	}
	if n := gatherRounds(50000); n < 2 || n > partitions {
		t.Errorf("gatherRounds(50000) = %d, want a few rounds", n)
	}
	if n := gatherRounds(1000); n != 1 {
		t.Errorf("gatherRounds(1000) = %d, want 1", n)
	}
}
