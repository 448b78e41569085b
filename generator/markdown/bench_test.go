package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"zhinan/generator/corpus"
)

// benchPage is a guide page of typical size and mix.
var benchPage = []byte(strings.Repeat(`## 解散前的准备 {#prep}

解散群聊之前，请先[备份聊天记录](data/backup.md#电脑端备份)，
并通知所有成员。群主可以在**群设置**里找到`+"`解散群聊`"+`。

> [!WARNING]
> 解散后无法恢复。

| 平台 | 能否解散 |
|------|----------|
| iOS  | 能 |
| 安卓 | [见此](a.md) |

`+"```go\nfunc main() {\n\tfmt.Println(\"解散\")\n}\n```"+`

- [x] 备份
- [ ] 通知，见 <https://weixin.qq.com/>

`, 8))

func BenchmarkRender(b *testing.B) {
	r := New(Options{})
	b.SetBytes(int64(len(benchPage)))
	b.ReportAllocs()
	for b.Loop() {
		r.Render("content/page.md", "page.md", benchPage, testSite)
	}
}

// benchRawHTML is a page of a book that leans on raw HTML: a centred image,
// details, and inline kbd/sup/br in every paragraph (about 60 tags).
var benchRawHTML = []byte(strings.Repeat(`<p align="center"><img src="img/a.png" width="200" alt="图"></p>

按 <kbd>Ctrl</kbd>+<kbd>C</kbd> 复制，E=mc<sup>2</sup>，见<a href="a.md">这里</a>。<br>
第二行

<details>
<summary>答案</summary>

答案是 **42**。

</details>

`, 6))

func BenchmarkRenderRawHTML(b *testing.B) {
	r := New(Options{})
	b.SetBytes(int64(len(benchRawHTML)))
	b.ReportAllocs()
	for b.Loop() {
		r.Render("content/page.md", "page.md", benchRawHTML, testSite)
	}
}

// BenchmarkRenderCorpus renders the pages of the synthetic corpus (package
// corpus: about 3 kB of Chinese text, a table, a list, a callout, links and
// one highlighted code block each) with the site's renderer, and with plain
// goldmark (CommonMark with GFM tables, no highlighting, no link checks):
// what Markdown costs per page at least, whatever else a build does.
//
//	go test ./generator/markdown -run '^$' -bench RenderCorpus -benchmem
func BenchmarkRenderCorpus(b *testing.B) {
	var pages [][]byte
	for name, src := range corpus.Files(200, 1) {
		if strings.HasSuffix(name, ".md") {
			pages = append(pages, src)
		}
	}
	perPage := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
	}
	b.Run("zhinan", func(b *testing.B) {
		r := New(Options{})
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				r.Render("content/page.md", "page.md", p, testSite)
			}
		}
		perPage(b)
	})
	b.Run("goldmark-plain", func(b *testing.B) {
		md := goldmark.New(goldmark.WithExtensions(extension.Table))
		var buf bytes.Buffer
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				buf.Reset()
				md.Convert(p, &buf)
			}
		}
		perPage(b)
	})
}
