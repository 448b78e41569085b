package search

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
)

// The Go side and search-core.js must agree: these tests run the client in
// headless Chromium, as readers do, on the very files Build writes, and
// compare. Like the other browser tests they skip without Chromium, except
// under CI=true.

// agreementStrings are tokenized by Go and by search-core.js; the results
// must be identical. They also seed FuzzTokenize.
var agreementStrings = []string{
	"",
	"，。！？…“”「」",
	"   \t\n",
	"如何解散微信群",
	"群主转让后再解散企业微信群",
	"WeCom企业微信2.0版",
	"ＡＢＣ１２３",
	"ｈｅｌｌｏ　ＷＯＲＬＤ！",
	"群👍主",
	"👨‍👩‍👧‍👦家庭群",
	"❤️解散",
	"café cafe\u0301 naïve",
	"İstanbul ΣΑΣ ß ẞ",
	"ｶﾀｶﾅ ひらがな 한국어",
	"㍻ ㎏ ① ½ ﬁ Ⅻ",
	"𠀀𠀁𪚥 〇々",
	"snake_case-word.v2",
	"<img src=x onerror=alert(1)>",
	"a\u200db\u00adc",
	"Ｗｅ Chat：第３步，点击“解散群聊”。",
	strings.Repeat("解散群聊 WeChat 123 ", 500),
}

// searchJS is the browser client's engine and searchBoxJS its search box,
// relative to this package.
const (
	searchJS    = "../../templates/assets/search-core.js"
	searchBoxJS = "../../templates/assets/search.js"
)

// clientPage serves files with the client's scripts and opens a page that
// has loaded the engine. Requests for search files fail while down is set.
func clientPage(t *testing.T, files map[string][]byte, down *atomic.Bool) context.Context {
	t.Helper()
	ctx := newBrowser(t)
	dir := t.TempDir()
	writeFiles(t, dir, withClient(t, files))
	static := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if down != nil && down.Load() && strings.HasPrefix(r.URL.Path, "/search/") {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		static.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	do(t, ctx, "loading the client", chromedp.Navigate(srv.URL+"/index.html"),
		waitFor(`!!(window.__zhinanSearch && window.__zhinanSearch.query)`))
	return ctx
}

// evalJSON evaluates a JavaScript expression (a promise is awaited) that
// gives a JSON string, and decodes it into v.
func evalJSON(t *testing.T, ctx context.Context, expr string, v any) {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.80s: %v", expr, err)
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("decoding %.80s: %v", s, err)
	}
}

func jsonArg(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestTokenizeAgreesWithJS(t *testing.T) {
	ctx := clientPage(t, Build(nil), nil)
	var js [][]Token
	evalJSON(t, ctx, `JSON.stringify(`+jsonArg(t, agreementStrings)+
		`.map(s => __zhinanSearch.tokenize(s).map(t => ({Text: t.text, Start: t.start, End: t.end}))))`, &js)
	if len(js) != len(agreementStrings) {
		t.Fatalf("JS returned %d token lists for %d strings", len(js), len(agreementStrings))
	}
	for i, s := range agreementStrings {
		goToks := Tokenize(s)
		if goToks == nil {
			goToks = []Token{}
		}
		if diff := cmp.Diff(goToks, js[i]); diff != "" {
			t.Errorf("Tokenize(%.40q): Go and JS differ (-go +js):\n%s", s, diff)
		}
	}
	keys := []string{"", "a", "解散", "^wec", "群主转让", "𠀀𠀁"}
	var hashes []uint32
	evalJSON(t, ctx, `JSON.stringify(`+jsonArg(t, keys)+`.map(__zhinanSearch.hashKey))`, &hashes)
	for i, k := range keys {
		if hashes[i] != hashKey(k) {
			t.Errorf("hash(%q): Go %d, JS %d", k, hashKey(k), hashes[i])
		}
	}
}

// guideDocs are a few pages in real Chinese, so that stop words, soft
// characters, junctions and synonyms all come into play.
var guideDocs = []Doc{
	{URL: "/ios/", Title: "iPhone 版微信：移出成员并退出群聊", Description: "在 iPhone 上作为群主关闭个人微信群。", Parts: []Part{
		{Anchor: "移出成员", Heading: "移出成员", Text: "打开群聊，点「−」号，选择要移出的成员。"},
		{Anchor: "遇到问题", Heading: "遇到问题", Text: "看不到「−」号：你可能不是群主。有人不断被拉回群里。"},
	}},
	{URL: "/notice/", Title: "解散公告模板", Description: "可直接修改使用的解散群公告范文。", Parts: []Part{
		{Anchor: "通用模板", Heading: "通用模板", Text: "各位群友：本群将于下周解散，请大家提前保存需要的聊天记录和文件。"},
	}},
	{URL: "/large/", Title: "大群怎么处理", Description: "几百人的群关闭起来更费时间：提前通知、分几次移出成员。", Parts: []Part{
		{Text: "人越多，越要早点通知大家，并在关闭前再提醒一次。"},
	}},
	{URL: "/empty/", Title: "空白页面", Parts: []Part{{Anchor: "只有标题", Heading: "只有标题"}}},
}

// TestSearchAgreesWithJS runs the same queries through Index.Search and the
// client's query function and compares the results.
func TestSearchAgreesWithJS(t *testing.T) {
	docs := append(genCorpus(corpusOptions{pages: 300, bodyRunes: 400, seed: 5}), guideDocs...)
	words := bigramsByDF(docs)
	files := Build(docs, WithSynonyms([][]string{{"苹果", "iPhone", "iOS"}, {"踢", "移出", "删除成员"}, {"通知", "公告"}, {words[3], "wechat"}}))
	ctx := clientPage(t, files, nil)
	queries := []string{words[0], words[10], words[100], words[0] + words[10], "wechat", "wec", "WeCom " + words[5], docs[7].Title, "无此内容", "a",
		string([]rune(docs[3].Parts[0].Text)[:80]) + " wechat", words[3], "苹果手机怎么踢人", "解散群要通知大家吗", "IOS 移出", "怎么", "需要", "么",
		"群里有人不断被拉回来怎么办", "被移出的成员", "提前通知大家", "空白页面", "只有标题", "andriod", "解散之后的群", "群的人吗", "wecaht " + words[2], words[2] + " Windosw"}
	var js [][]Result
	evalJSON(t, ctx, `(async () => { const out = [];
		for (const q of `+jsonArg(t, queries)+`) out.push((await __zhinanSearch.query(q, 10)).map(r => ({url: r.url, anchor: r.anchor,
			heading: r.heading, title: r.title, section: r.section, excerpt: r.excerpt, score: r.score, highlights: r.highlights})));
		return JSON.stringify(out); })()`, &js)
	ix, err := Open(memFS(files))
	if err != nil {
		t.Fatal(err)
	}
	approx := cmp.Comparer(func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 })
	for i, q := range queries {
		goRes := ix.Search(q, 10)
		if goRes == nil {
			goRes = []Result{}
		}
		for _, rs := range [][]Result{js[i], goRes} {
			for j := range rs {
				if rs[j].Highlights == nil {
					rs[j].Highlights = [][2]int{}
				}
			}
		}
		// "a" is no page's word, and too short to stand for the words it begins.
		if want := q != "无此内容" && q != "a"; (len(goRes) > 0) != want {
			t.Errorf("query %q: %d results", q, len(goRes))
		}
		if diff := cmp.Diff(goRes, js[i], approx); diff != "" {
			t.Errorf("query %q: Go and JS results differ (-go +js):\n%s", q, diff)
		}
	}
}

// TestJSRetriesFailedLoads: a file that failed to load (the network was
// down) is asked for again by the next query instead of failing forever.
func TestJSRetriesFailedLoads(t *testing.T) {
	var down atomic.Bool
	down.Store(true)
	ctx := clientPage(t, Build([]Doc{fillerDoc("/a/", "解散群聊", "先备份。")}), &down)
	const q = `__zhinanSearch.query('解散', 10).then(rs => JSON.stringify(rs.map(r => r.url).join(' ')), e => JSON.stringify('failed'))`
	var first, second string
	evalJSON(t, ctx, q, &first)
	down.Store(false)
	evalJSON(t, ctx, q, &second)
	if got := fmt.Sprintf("%s|%s", first, second); got != "failed|/a/" {
		t.Errorf("while down, then up: %q, want \"failed|/a/\"", got)
	}
}
