// Package chromium is what the browser tests share: where headless Chromium
// is (Debian's package), the flags it runs with, and the rule for a machine
// without it: the test is skipped, except with CI=true, where it fails.
package chromium

import (
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// Path is where Debian's chromium package puts the browser.
const Path = "/usr/bin/chromium"

// Require skips tb when Chromium is not installed, or fails it when
// CI=true: CI must run the browser tests, not pass without them.
func Require(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(Path); err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("CI=true but %s is missing: apt-get install -y chromium", Path)
	}
	tb.Skipf("skipping browser test: %s not installed (apt-get install -y chromium)", Path)
}

// Options are the allocator options for a headless Chromium with its own
// profile in userDataDir and nothing running in the background, plus extra.
func Options(userDataDir string, extra ...chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(userDataDir),
	}
	return append(opts, extra...)
}
