package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"zhinan/generator/config"
)

// runInit starts a site: in an empty folder a small one to build on, in a
// folder that already holds Markdown (a book's repository) only the settings
// file, pointing at where the Markdown is, so the book builds where it is.
func runInit(args []string) int {
	fs := newFlags("init")
	if rc := parse(fs, args); rc >= 0 {
		return rc
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	msg, err := initSite(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "zhinan init:", err)
		return 1
	}
	fmt.Print(msg)
	return 0
}

// initSite writes the new files and says what it did and what to run next.
func initSite(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	settings := filepath.Join(dir, config.File)
	if _, err := os.Stat(settings); err == nil {
		return "", fmt.Errorf("%s exists already; nothing changed", settings)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	serve := "zhinan serve"
	if dir != "." {
		serve += " -src " + dir
	}
	f := scanBook(dir)
	if len(f.md) == 0 {
		files := starterSite()
		files[config.File] = (&plan{content: "content", language: "zh-CN"}).settings()
		if err := writeNew(dir, files); err != nil {
			return "", err
		}
		return fmt.Sprintf("made a small site in %s: %s, content/ with a home page, one section and one page\nnext: %s\n",
			dir, config.File, serve), nil
	}
	p := planBook(dir, f)
	if err := writeNew(dir, map[string]string{config.File: p.settings()}); err != nil {
		return "", err
	}
	var b strings.Builder
	if p.tool != "" {
		fmt.Fprintf(&b, "found a %s site\n", p.tool)
	}
	for _, n := range p.notes {
		b.WriteString("  " + n + "\n")
	}
	fmt.Fprintf(&b, "wrote %s: %d Markdown pages in %s build where they are (no file moved)\nnext: %s\n",
		settings, p.pages, p.content, serve)
	return b.String(), nil
}

// writeNew writes files under dir, refusing to replace any that exists.
func writeNew(dir string, files map[string]string) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return fmt.Errorf("%s exists already; nothing changed", filepath.Join(dir, name))
		}
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// starterSite is the small site init makes in an empty folder.
func starterSite() map[string]string {
	return map[string]string{
		"content/_index.md":       "---\ntitle: 我的指南\n---\n\n# 我的指南\n\n这是首页。先读 [第一篇](guide/first-page.md)。\n",
		"content/guide/_index.md": "---\ntitle: 入门\nweight: 1\n---\n\n# 入门\n\n本节的页面按 `weight`、再按文件名排列。\n",
		"content/guide/first-page.md": "---\ntitle: 第一篇\ndescription: 一个页面的样子。\n---\n\n# 第一篇\n\n" +
			"用普通的 Markdown 写。链接写到源文件：[回到首页](../_index.md)。\n\n## 下一步\n\n运行 `zhinan serve`，边改边看。\n",
	}
}
