package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"zhinan/generator"
	"zhinan/generator/config"
	"zhinan/generator/diag"
	"zhinan/generator/output"
)

// siteFlags are the flags every command that builds the site takes.
type siteFlags struct {
	src, links string
	drafts     bool
}

func addSiteFlags(fs *flag.FlagSet) *siteFlags {
	var f siteFlags
	fs.StringVar(&f.src, "src", ".", srcFlag)
	fs.BoolVar(&f.drafts, "drafts", false, "include draft pages")
	fs.StringVar(&f.links, "links", "", "broken links and anchors: error or warn (default: the links setting, else error)")
	return &f
}

// parse parses a building command's arguments (it takes none but flags),
// checks the site flags and turns them into build options. It returns -1
// to go on, or the exit status: 2 for bad usage, 1 for a -src that is no
// site folder.
func (f *siteFlags) parse(fs *flag.FlagSet, args []string) (generator.Options, int) {
	if rc := parse(fs, args); rc >= 0 {
		return generator.Options{}, rc
	}
	if f.links != "" && f.links != config.LinksError && f.links != config.LinksWarn {
		fmt.Fprintf(os.Stderr, "zhinan %s: -links %q: want %s or %s\n", fs.Name(), f.links, config.LinksError, config.LinksWarn)
		fs.Usage()
		return generator.Options{}, 2
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return generator.Options{}, 2
	}
	if badSrc(fs.Name(), f.src) {
		return generator.Options{}, 1
	}
	return generator.Options{Src: f.src, Drafts: f.drafts, Links: f.links}, -1
}

func runBuild(args []string) int {
	fs := newFlags("build")
	sf := addSiteFlags(fs)
	out := fs.String("out", "", outFlag)
	base := fs.String("base-url", "", "base URL of the published site (overrides zhinan.yaml), e.g. https://example.org/guide/")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile (allocations) at the end of the build to this file")
	opts, rc := sf.parse(fs, args)
	if rc >= 0 {
		return rc
	}
	stop, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "zhinan build:", err)
		return 1
	}
	defer stop()
	opts.BaseURL = *base
	opts.Once, opts.Loaded = true, limitMemory
	dir, ok := outputDir(fs, sf.src, *out)
	if !ok {
		return 1
	}
	opts.Out = dir
	start := time.Now()
	res, diags := generator.NewBuilder(opts).Build(generator.All)
	if res != nil {
		diags = append(diags, generator.PublishWarnings(res.Site)...)
	}
	if diags.HasErrors() {
		if res != nil {
			// The templates have not run: run them all, so that one report
			// holds every problem, and write nothing.
			diags = append(diags, res.Check()...)
			diags.Sort()
		}
		report(os.Stderr, diags)
		return 1
	}
	// Pages are made and written as they come, on all cores, so the site is
	// never in memory whole; a template that fails on any page leaves the old
	// output as it was and is reported with all the others.
	err = res.Write(dir, false)
	var tmplDiags diag.List
	if errors.As(err, &tmplDiags) {
		report(os.Stderr, append(diags, tmplDiags...))
		return 1
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "zhinan build:", err)
		return 1
	}
	report(os.Stderr, diags)
	fmt.Printf("built %d pages (%d files) into %s in %d ms\n", res.Pages, len(res.Names()), dir, time.Since(start).Milliseconds())
	return 0
}

// report prints every diagnostic, sorted, then their count, when there are any.
func report(w io.Writer, diags diag.List) {
	if len(diags) == 0 {
		return
	}
	diags.Sort()
	fmt.Fprintln(w, diags.Error())
	fmt.Fprintln(w, diags.Count())
}

// outFlag is the help of the -out flag of build and watch.
const outFlag = "output folder, relative to the current folder (default: the output setting of zhinan.yaml, public, in the site's folder)"

// outputDir is the folder a command writes: -out, else the output setting
// (public/) inside -src. It refuses (and says why) a folder whose
// replacement would lose work.
func outputDir(fs *flag.FlagSet, src, out string) (string, bool) {
	cfg, _ := config.Load(os.DirFS(src)) // broken settings: the build reports them
	out = generator.OutputDir(src, out, cfg)
	if err := output.Guard(out, src, filepath.Join(src, filepath.FromSlash(cfg.Content))); err != nil {
		fmt.Fprintf(os.Stderr, "zhinan %s: %v\n", fs.Name(), err)
		return "", false
	}
	return out, true
}

func runCheck(args []string) int {
	fs := newFlags("check")
	sf := addSiteFlags(fs)
	opts, rc := sf.parse(fs, args)
	if rc >= 0 {
		return rc
	}
	opts.Once, opts.Loaded = true, limitMemory
	res, diags := generator.NewBuilder(opts).Build(generator.All)
	pages := 0
	if res != nil {
		diags = append(diags, res.Check()...)
		diags = append(diags, generator.PublishWarnings(res.Site)...)
		diags.Sort()
		pages = res.Pages
	}
	if len(diags) > 0 {
		fmt.Fprintln(os.Stderr, diags.Error())
	}
	fmt.Printf("%d pages: %s\n", pages, diags.Count())
	if diags.HasErrors() {
		return 1
	}
	return 0
}
