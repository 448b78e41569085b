package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"zhinan/generator"
	"zhinan/generator/output"
)

func runBuild(args []string) int {
	fs := newFlags("build")
	src := fs.String("src", ".", "the site's root, the folder holding content/")
	out := fs.String("out", "public", "output folder (relative to the current folder)")
	base := fs.String("base-url", "", "base URL of the published site (overrides zhinan.yaml), e.g. https://example.org/guide/")
	drafts := fs.Bool("drafts", false, "include draft pages")
	if rc := parse(fs, args); rc >= 0 {
		return rc
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	dir := *out
	outSet := false
	fs.Visit(func(f *flag.Flag) { outSet = outSet || f.Name == "out" })
	if !outSet && *src != "." {
		dir = filepath.Join(*src, "public")
	}
	if err := output.Guard(dir, *src); err != nil {
		fmt.Fprintln(os.Stderr, "zhinan build:", err)
		return 1
	}
	res, err := generator.NewBuilder(generator.Options{Src: *src, Drafts: *drafts, BaseURL: *base}).Build()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := output.Write(dir, res.Files); err != nil {
		fmt.Fprintln(os.Stderr, "zhinan build:", err)
		return 1
	}
	fmt.Printf("built %d pages (%d files) into %s in %d ms\n", res.Pages, len(res.Files), dir, res.Elapsed.Milliseconds())
	return 0
}

func runCheck(args []string) int {
	fs := newFlags("check")
	src := fs.String("src", ".", "the site's root, the folder holding content/")
	drafts := fs.Bool("drafts", false, "include draft pages")
	if rc := parse(fs, args); rc >= 0 {
		return rc
	}
	res, err := generator.NewBuilder(generator.Options{Src: *src, Drafts: *drafts}).Build()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("ok: %d pages, no problems\n", res.Pages)
	return 0
}
