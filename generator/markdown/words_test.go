package markdown

import (
	"strings"
	"testing"
)

// zhWords are the words of templates/i18n/zh-CN.yaml, which the golden files show.
var zhWords = Words{
	Callouts: map[string]string{"note": "说明", "tip": "提示", "important": "重要", "warning": "注意", "caution": "警告",
		"info": "信息", "danger": "危险", "details": "详情", "abstract": "摘要", "success": "成功", "question": "问题", "failure": "失败", "bug": "缺陷", "example": "示例", "quote": "引用"},
	Anchor: "链接到本节：",
}

// The words rendering writes are the ones passed in, escaped.
func TestWords(t *testing.T) {
	r := New(Options{Words: Words{Callouts: map[string]string{"warning": "Warning <!>"}, Anchor: "Link to this section: "}})
	got := string(r.Render("content/x.md", "x.md", []byte("## Setup\n\n> [!WARNING]\n> Back up first.\n"), nil).HTML)
	for _, want := range []string{`aria-label="Link to this section: Setup"`, `<p class="callout-title">Warning &lt;!&gt;</p>`} {
		if !strings.Contains(got, want) {
			t.Errorf("got\n%s\nwant %s", got, want)
		}
	}
}
