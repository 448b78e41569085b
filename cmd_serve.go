package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"
	"time"

	"zhinan/generator"
	"zhinan/generator/config"
	"zhinan/generator/rebuild"
	"zhinan/generator/serve"
	"zhinan/generator/watch"
)

// runServe builds the site into memory, serves it, and rebuilds and reloads
// browsers on every change until interrupted.
func runServe(args []string) int {
	fs := newFlags("serve")
	var c serveConfig
	sf := addSiteFlags(fs)
	fs.StringVar(&c.addr, "addr", defaultAddr, "address to listen on (when the default port is busy, the next free one)")
	fs.BoolVar(&c.open, "open", false, "open the site in a browser")
	fs.DurationVar(&c.poll, "poll", 0, "scan for changes at this interval instead of using file system events (e.g. 500ms)")
	opts, rc := sf.parse(fs, args)
	if rc >= 0 {
		return rc
	}
	fs.Visit(func(f *flag.Flag) { c.addrChosen = c.addrChosen || f.Name == "addr" })
	// The preview shows broken links as warnings (marked in the page), so
	// that a link to a page not written yet never stops it; -links error
	// makes them errors, which it still shows the pages with.
	if opts.Links == "" {
		opts.Links = config.LinksWarn
	}
	// The site is served at the server's root, whatever base_url zhinan.yaml gives.
	opts.BaseURL = "/"
	c.opts = opts
	if !loopback(c.addr) {
		fmt.Fprintf(os.Stderr, "zhinan serve: warning: %s is reachable from other machines; the preview server is meant for 127.0.0.1\n", c.addr)
	}
	if err := c.run(); err != nil {
		fmt.Fprintln(os.Stderr, "zhinan serve:", err)
		return 1
	}
	return 0
}

type serveConfig struct {
	opts       generator.Options
	addr       string
	addrChosen bool // -addr was given: a busy port is an error
	open       bool
	poll       time.Duration
}

// run serves until Ctrl-C or SIGTERM, then shuts down gracefully.
func (c serveConfig) run() error {
	wo := watchOptions(c.opts.Src, "")
	wo.Poll, wo.Debounce = c.poll, serve.Debounce
	w, err := watch.New(c.opts.Src, wo)
	if err != nil {
		return err
	}
	defer w.Close()
	ln, err := listen(c.addr, c.addrChosen)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	debug.SetGCPercent(serve.GCPercent)
	site := serve.New(serve.NewHub())
	hs := serve.HTTPServer(site, serve.DefaultLimits)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	if got := ln.Addr().String(); got != c.addr {
		fmt.Printf("zhinan serve: %s is busy; took %s\n", c.addr, got)
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Printf("zhinan serve: %s (Ctrl-C to stop)\n", url)

	if c.opts.Links == config.LinksWarn {
		fmt.Println("zhinan serve: broken links are shown as warnings in the preview (zhinan build follows the links setting)")
	}
	looped := make(chan struct{})
	go func() {
		defer close(looped)
		rebuild.Loop{Source: w, Builder: generator.NewBuilder(c.opts), WatchError: watchError, Apply: func(r rebuild.Rebuild) {
			site.Apply(r)
			printRebuild(os.Stdout, os.Stderr, r)
			if r.First && c.open {
				openBrowser(url)
			}
		}}.Run(ctx)
	}()
	select {
	case <-ctx.Done():
		err = nil
	case err = <-served:
	}
	stop()
	site.Close() // end the event streams, or Shutdown would wait for them
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hs.Shutdown(shut)
	<-looped
	return err
}

// loopback reports whether addr only listens on this machine.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// openBrowser opens url in the desktop's browser, if there is one.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "zhinan serve: could not open a browser:", err)
		return
	}
	go cmd.Wait()
}
