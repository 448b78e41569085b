package markdown

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"zhinan/internal/chromium"
)

// TestBrowserWrappedParagraphWidth: a paragraph wrapped in the source renders
// exactly as wide as the same paragraph on one line, in Chinese (the break
// disappears: no stray space after "，") and in English (the break is a
// space, also before a link or emphasis), measured in Chromium.
func TestBrowserWrappedParagraphWidth(t *testing.T) {
	chromium.Require(t)
	pairs := [][2]string{
		{"解散之前，\n请先备份。", "解散之前，请先备份。"},
		{"群主可以在\n[群管理](a.md)\n中**转让**\n群主身份。", "群主可以在[群管理](a.md)中**转让**群主身份。"},
		{"他说：\n“先备份”\n然后解散。", "他说：“先备份”然后解散。"},
		{"See the guide,\n[and this one](a.md) too.", "See the guide, [and this one](a.md) too."},
		{"Milkweed (syn.\n*Asclepias*) grows\nhere.", "Milkweed (syn. *Asclepias*) grows here."},
		{"用微信\nWeChat\n解散。", "用微信 WeChat 解散。"},
	}
	r := New(Options{})
	var page strings.Builder
	page.WriteString(`<!doctype html><meta charset="utf-8"><style>
body { width: 3000px; font: 16px "Noto Sans CJK SC", sans-serif; }
p { display: inline-block; margin: 0; }
</style><body>`)
	for i, p := range pairs {
		for j, src := range p {
			h := r.Render("content/x.md", "x.md", []byte(src+"\n"), testSite).HTML
			h = strings.Replace(h, "<p>", fmt.Sprintf(`<p id="p%d-%d">`, i, j), 1)
			page.WriteString("<div>" + h + "</div>")
		}
	}
	ctx := openFiles(t, map[string][]byte{"widths.html": []byte(page.String())}, "widths.html")
	widths, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](
		`Array.from(document.querySelectorAll("p")).map(p => p.getBoundingClientRect().width)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(widths) != 2*len(pairs) {
		t.Fatalf("%d paragraphs measured, want %d", len(widths), 2*len(pairs))
	}
	for i, p := range pairs {
		wrapped, one := widths[2*i], widths[2*i+1]
		if math.Abs(wrapped-one) > 0.5 || one == 0 {
			t.Errorf("%q is %.1f px wide wrapped, %.1f px on one line", p[1], wrapped, one)
		}
	}
	t.Logf("widths (wrapped, one line): %v", widths)
}

// openFiles writes files to a new folder, opens the one named page from
// file:// in a headless Chromium of the test's own and returns the tab,
// closed when the test ends (the browser gives up after 30 seconds). The
// caller has called chromium.Require.
func openFiles(t *testing.T, files map[string][]byte, page string) context.Context {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, chromium.Options(t.TempDir())...)
	ctx, cancelCtx := chromedp.NewContext(ctx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc(); cancel() })
	file := filepath.Join(dir, page)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file)); err != nil {
		t.Fatalf("loading %s: %v", file, err)
	}
	return ctx
}
