package main

import (
	"errors"
	"time"

	"flag"
	"fmt"
	"os"
	"path/filepath"
	"zhinan/generator/diag"

	"zhinan/generator"
	"zhinan/generator/output"
)

func runBuild(args []string) int {
	fs := newFlags("build")
	src := fs.String("src", ".", srcFlag)
	out := fs.String("out", "public", "output folder (relative to the current folder)")
	base := fs.String("base-url", "", "base URL of the published site (overrides zhinan.yaml), e.g. https://example.org/guide/")
	drafts := fs.Bool("drafts", false, "include draft pages")
	if rc := parse(fs, args); rc >= 0 {
		return rc
	}
	if badSrc(fs.Name(), *src) {
		return 1
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	dir, ok := outputDir(fs, *src, *out)
	if !ok {
		return 1
	}
	start := time.Now()
	b := generator.NewBuilder(generator.Options{Src: *src, Drafts: *drafts, BaseURL: *base})
	res, err := b.Prepare()
	if err != nil {
		// Build runs the templates as well, so the report holds every
		// problem at once, template problems included.
		_, err = b.Build()
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// Pages are made and written as they come, on all cores, so the site is
	// never in memory whole; a template that fails on any page leaves the old
	// output as it was and is reported with all the others.
	names := res.Names()
	if err := output.WriteEach(dir, names, res.Make); err != nil {
		fmt.Fprintln(os.Stderr, writeError(err))
		return 1
	}
	fmt.Printf("built %d pages (%d files) into %s in %d ms\n", res.Pages, len(names), dir, time.Since(start).Milliseconds())
	return 0
}

// writeError sorts the diagnostics among the failures of a write.
func writeError(err error) error {
	var diags diag.List
	var other []error
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var d *diag.Diag
		if errors.As(e, &d) {
			diags = append(diags, *d)
		} else {
			other = append(other, e)
		}
	}
	if len(other) > 0 {
		return fmt.Errorf("zhinan build: %w", errors.Join(other...))
	}
	return diags.Err()
}

// outputDir is the folder a command writes: -out, or public/ inside -src
// when -src is given without -out. It refuses (and says why) a folder whose
// replacement would lose work.
func outputDir(fs *flag.FlagSet, src, out string) (string, bool) {
	outSet := false
	fs.Visit(func(f *flag.Flag) { outSet = outSet || f.Name == "out" })
	if !outSet && src != "." {
		out = filepath.Join(src, "public")
	}
	if err := output.Guard(out, src); err != nil {
		fmt.Fprintf(os.Stderr, "zhinan %s: %v\n", fs.Name(), err)
		return "", false
	}
	return out, true
}

func runCheck(args []string) int {
	fs := newFlags("check")
	src := fs.String("src", ".", srcFlag)
	drafts := fs.Bool("drafts", false, "include draft pages")
	if rc := parse(fs, args); rc >= 0 {
		return rc
	}
	if badSrc(fs.Name(), *src) {
		return 1
	}
	res, err := generator.NewBuilder(generator.Options{Src: *src, Drafts: *drafts}).Build()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("ok: %d pages, no problems\n", res.Pages)
	return 0
}
