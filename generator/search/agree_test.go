package search

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// agreementStrings are tokenized by Go and by search-core.js under node; the
// results must be identical. They also seed FuzzTokenize.
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

// needTool skips the test when a tool is missing, except under CI=true.
func needTool(t testing.TB, name, path string) string {
	t.Helper()
	p, err := exec.LookPath(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found (%v) and CI=true: install it", name, err)
		}
		t.Skipf("%s not found (%v); install it to run this test (it fails instead when CI=true)", name, err)
	}
	return p
}

func TestTokenizeAgreesWithJS(t *testing.T) {
	node := needTool(t, "node", "node")
	abs, err := filepath.Abs(searchJS)
	if err != nil {
		t.Fatal(err)
	}
	in, err := json.Marshal(agreementStrings)
	if err != nil {
		t.Fatal(err)
	}
	script := `const s = require(process.argv[1]); let d = '';
process.stdin.on('data', c => d += c).on('end', () => {
  const out = JSON.parse(d).map(x => s.tokenize(x).map(t => ({Text: t.text, Start: t.start, End: t.end})));
  process.stdout.write(JSON.stringify(out));
});`
	cmd := exec.Command(node, "-e", script, abs)
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var js [][]Token
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatalf("decoding node output: %v", err)
	}
	if len(js) != len(agreementStrings) {
		t.Fatalf("node returned %d token lists for %d strings", len(js), len(agreementStrings))
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
}

func TestHashAgreesWithJS(t *testing.T) {
	node := needTool(t, "node", "node")
	abs, _ := filepath.Abs(searchJS)
	keys := []string{"", "a", "解散", "^wec", "群主转让", "𠀀𠀁"}
	in, _ := json.Marshal(keys)
	script := `const s = require(process.argv[1]);
process.stdout.write(JSON.stringify(JSON.parse(process.argv[2]).map(s.hashKey)));`
	out, err := exec.Command(node, "-e", script, abs, string(in)).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var js []uint32
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatal(err)
	}
	for i, k := range keys {
		if js[i] != hashKey(k) {
			t.Errorf("hash(%q): Go %d, JS %d", k, hashKey(k), js[i])
		}
	}
}

// TestSearchAgreesWithJS runs the same queries through Index.Search and the
// browser client's query function (under node, files read from disk) and
// compares the results.
func TestSearchAgreesWithJS(t *testing.T) {
	node := needTool(t, "node", "node")
	abs, _ := filepath.Abs(searchJS)
	docs := genCorpus(corpusOptions{pages: 300, bodyRunes: 400, seed: 5})
	files := Build(docs)
	dir := t.TempDir()
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	words := bigramsByDF(docs)
	queries := []string{words[0], words[10], words[100], words[0] + words[10], "wechat", "wec", "WeCom " + words[5], docs[7].Title, "无此内容", "a",
		string([]rune(docs[3].Parts[0].Text)[:80]) + " wechat"}
	script := `const s = require(process.argv[1]), fs = require('fs'), path = require('path');
const api = globalThis.__zhinanSearch;
api.loadFile = name => {
  try { new Function('__zhinanSearch', fs.readFileSync(path.join(process.argv[2], 'search', name + '.js'), 'utf8'))(api); } catch (e) {}
  return Promise.resolve();
};
(async () => {
  const out = [];
  for (const q of JSON.parse(process.argv[3])) {
    out.push((await api.query(q, 10)).map(r => ({url: r.url, anchor: r.anchor, heading: r.heading, title: r.title,
      section: r.section, excerpt: r.excerpt, score: r.score, highlights: r.highlights})));
  }
  process.stdout.write(JSON.stringify(out));
})();`
	qs, _ := json.Marshal(queries)
	out, err := exec.Command(node, "-e", script, abs, dir, string(qs)).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var js [][]Result
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatal(err)
	}
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
		for j := range js[i] {
			if js[i][j].Highlights == nil {
				js[i][j].Highlights = [][2]int{}
			}
		}
		for j := range goRes {
			if goRes[j].Highlights == nil {
				goRes[j].Highlights = [][2]int{}
			}
		}
		if want := q != "无此内容"; (len(goRes) > 0) != want {
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
	node := needTool(t, "node", "node")
	abs, _ := filepath.Abs(searchJS)
	dir := t.TempDir()
	writeFiles(t, dir, Build([]Doc{fillerDoc("/a/", "解散群聊", "先备份。")}))
	script := `const s = require(process.argv[1]), fs = require('fs'), path = require('path');
const api = globalThis.__zhinanSearch;
let down = true;
api.loadFile = name => {
  if (!down) new Function('__zhinanSearch', fs.readFileSync(path.join(process.argv[2], 'search', name + '.js'), 'utf8'))(api);
  return Promise.resolve();
};
(async () => {
  const first = await api.query('解散', 10).then(() => 'found', e => 'failed: ' + e.message);
  down = false;
  const second = await api.query('解散', 10).then(rs => rs.map(r => r.url).join(' '), e => 'failed: ' + e.message);
  process.stdout.write(first.split(':')[0] + '|' + second);
})();`
	out, err := exec.Command(node, "-e", script, abs, dir).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	if got := string(out); got != "failed|/a/" {
		t.Errorf("while down, then up: %q, want \"failed|/a/\"", got)
	}
}
