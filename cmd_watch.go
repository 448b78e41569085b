package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"zhinan/generator"
	"zhinan/generator/output"
	"zhinan/generator/watch"
)

// runWatch rebuilds the output folder on every change of the site, keeping
// the last good output when a build fails.
func runWatch(args []string) int {
	fs := newFlags("watch")
	src := fs.String("src", ".", srcFlag)
	out := fs.String("out", "public", "output folder (relative to the current folder)")
	drafts := fs.Bool("drafts", false, "include draft pages")
	poll := fs.Duration("poll", 0, "scan for changes at this interval instead of using file system events (e.g. 500ms)")
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
	wo := watchOptions(*src)
	wo.Poll = *poll
	w, err := watch.New(*src, wo)
	if err != nil {
		fmt.Fprintln(os.Stderr, "zhinan watch:", err)
		return 1
	}
	defer w.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	b := generator.NewBuilder(generator.Options{Src: *src, Drafts: *drafts})
	fmt.Printf("zhinan watch: writing %s on every change of %s (Ctrl-C to stop)\n", dir, *src)
	watch.Run(ctx, w, b, func(r watch.Rebuild) {
		printRebuild(os.Stdout, os.Stderr, r)
		if r.Err != nil {
			fmt.Fprintf(os.Stderr, "zhinan watch: %s left as it was\n", dir)
			return
		}
		if err := output.Write(dir, r.Result.Files); err != nil {
			fmt.Fprintln(os.Stderr, "zhinan watch:", err)
		}
	})
	return 0
}

// printRebuild prints the one-line summary of a rebuild, then, when it
// failed, every diagnostic. serve and watch both use it.
func printRebuild(stdout, stderr io.Writer, r watch.Rebuild) {
	if r.Err == nil {
		fmt.Fprintln(stdout, watch.Summary(r))
		return
	}
	fmt.Fprintln(stderr, watch.Summary(r))
	fmt.Fprintln(stderr, r.Err)
}
