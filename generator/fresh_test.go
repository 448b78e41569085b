package generator

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"zhinan/generator/diag"
)

// buildWithWarnings builds a whole site with the default theme as of now and
// returns its files and warnings; the site must have no errors.
func buildWithWarnings(t *testing.T, fsys fs.FS, now time.Time) (map[string][]byte, diag.List) {
	t.Helper()
	_, files, diags := BuildFiles(Options{FS: fsys, Now: now})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	return files, diags.Warnings()
}

func freshSite(staleAfter string) fstest.MapFS {
	page := func(fm string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\n" + fm + "---\n正文。\n")}
	}
	return fstest.MapFS{
		"zhinan.yaml":           {Data: []byte("title: t\n" + staleAfter)},
		"content/_index.md":     page("title: 首页\nlast_checked: 2026-11-25\n"),
		"content/old.md":        page("title: 旧页\nlast_checked:\n  date: 2026-01-05\n  method: sources\n"),
		"content/edge.md":       page("title: 刚好\nlast_checked:\n  date: 2026-06-04\n  method: app\n  versions: 微信 iOS 8.0.50\n"),
		"content/never.md":      page("title: 没核对\n"),
		"content/sec/_index.md": page("title: 分区\nlast_checked: 2026-11-30\n"),
	}
}

// TestStaleWarningsAndBanner: with stale_after: 180, a page checked 330 days
// ago and a page never checked each give a warning with file and line, the
// build still succeeds, and both pages show the banner; a page checked exactly
// 180 days ago does not.
func TestStaleWarningsAndBanner(t *testing.T) {
	now := time.Date(2026, 12, 1, 23, 30, 0, 0, time.FixedZone("CST", 8*3600))
	files, warnings := buildWithWarnings(t, freshSite("stale_after: 180\n"), now)
	want := "content/never.md: warning: no last_checked in front matter: nothing says when its steps were last checked (stale_after: 180 days)\n" +
		"content/old.md:3:1: warning: last checked 2026-01-05, 330 days ago (stale_after: 180 days)"
	if got := warnings.Error(); got != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
	}
	banner := `<div class="stale" role="note">`
	for page, stale := range map[string]bool{"old/index.html": true, "never/index.html": true, "edge/index.html": false, "index.html": false, "sec/index.html": false} {
		html := string(files[page])
		if html == "" {
			t.Fatalf("%s not built", page)
		}
		if got := strings.Contains(html, banner); got != stale {
			t.Errorf("%s: banner shown = %v, want %v", page, got, stale)
		}
	}
	if html := string(files["old/index.html"]); !strings.Contains(html, "本页上次核对是在 330 天前（2026-01-05）") {
		t.Errorf("old page's banner does not give the age and date:\n%s", html)
	}
	if html := string(files["never/index.html"]); !strings.Contains(html, "本页没有核对记录") {
		t.Errorf("never-checked page's banner does not say so")
	}
	// How the page was checked is told apart in the page's own words.
	if html := string(files["old/index.html"]); !strings.Contains(html, `资料核对于 <time datetime="2026-01-05">2026-01-05</time>（据公开资料，尚未在 App 中实测）`) {
		t.Errorf("a sources check is not worded as one")
	}
	if html := string(files["edge/index.html"]); !strings.Contains(html, `已在 App 中核对：<time datetime="2026-06-04">2026-06-04</time>（微信 iOS 8.0.50）`) {
		t.Errorf("an app check is not worded as one")
	}

	// Without stale_after nothing is stale.
	files, warnings = buildWithWarnings(t, freshSite(""), now)
	if len(warnings) > 0 || strings.Contains(string(files["old/index.html"]), banner) {
		t.Errorf("stale_after unset, yet warnings %v or a banner", warnings)
	}
}

// TestStaleAfterSetting: a wrong stale_after is an error with its line, and an
// app check without versions is an error at last_checked.
func TestStaleAfterSetting(t *testing.T) {
	fsys := freshSite("stale_after: soon\n")
	fsys["content/bad.md"] = &fstest.MapFile{Data: []byte("---\nlast_checked:\n  date: 2026-11-25\n  method: app\n---\n")}
	fsys["content/typo.md"] = &fstest.MapFile{Data: []byte("---\nlast_checked:\n  date: 2026-11-25\n  method: phone\n---\n")}
	_, _, diags := BuildFiles(Options{FS: fsys})
	got := diags.Error()
	for _, want := range []string{
		`zhinan.yaml:2:1: setting "stale_after": want a number of days (0 or more), got "soon"`,
		`content/bad.md:3:3: front matter "last_checked": method app needs versions`,
		`content/typo.md:4:11: front matter "last_checked": method "phone", want "sources" or "app"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
}
