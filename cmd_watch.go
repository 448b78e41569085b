package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"zhinan/generator"
	"zhinan/generator/diag"
	"zhinan/generator/rebuild"
	"zhinan/generator/watch"
)

// runWatch rebuilds the output folder on every change of the site. A
// problem on one page does not stop the others from being written; a
// site-wide problem keeps the last good output.
func runWatch(args []string) int {
	fs := newFlags("watch")
	sf := addSiteFlags(fs)
	out := fs.String("out", "", outFlag)
	poll := fs.Duration("poll", 0, "scan for changes at this interval instead of using file system events (e.g. 500ms)")
	opts, rc := sf.parse(fs, args)
	if rc >= 0 {
		return rc
	}
	dir, ok := outputDir(fs, sf.src, *out)
	if !ok {
		return 1
	}
	opts.Out = dir
	wo := watchOptions(sf.src, dir)
	wo.Poll = *poll
	w, err := watch.New(sf.src, wo)
	if err != nil {
		fmt.Fprintln(os.Stderr, "zhinan watch:", err)
		return 1
	}
	defer w.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Printf("zhinan watch: writing %s on every change of %s (Ctrl-C to stop)\n", dir, sf.src)
	rebuild.Loop{Source: w, Builder: generator.NewBuilder(opts), WatchError: watchError, Apply: func(r rebuild.Rebuild) {
		printRebuild(os.Stdout, os.Stderr, r)
		if r.Result == nil {
			fmt.Fprintf(os.Stderr, "zhinan watch: %s left as it was\n", dir)
			return
		}
		// Pages whose template fails keep the bytes they had.
		err := r.Result.Write(dir, true)
		var l diag.List
		if errors.As(err, &l) {
			fmt.Fprintln(os.Stderr, l.Error())
		} else if err != nil {
			fmt.Fprintln(os.Stderr, "zhinan watch:", err)
		}
	}}.Run(ctx)
	return 0
}

// watchError tells the editor that some changes may go unseen.
func watchError(err error) {
	fmt.Fprintf(os.Stderr, "zhinan: %v (changes there may go unseen; on Linux, raise fs.inotify.max_user_watches or use -poll 500ms)\n", err)
}

// printRebuild prints the one-line summary of a rebuild, then every
// diagnostic. serve and watch both use it.
func printRebuild(stdout, stderr io.Writer, r rebuild.Rebuild) {
	if len(r.Diags) == 0 {
		fmt.Fprintln(stdout, rebuild.Summary(r))
		return
	}
	fmt.Fprintln(stderr, rebuild.Summary(r))
	fmt.Fprintln(stderr, r.Diags.Error())
}
