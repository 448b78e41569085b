package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strconv"
	"syscall"

	"zhinan/generator"
	"zhinan/generator/config"
	"zhinan/generator/watch"
)

// defaultAddr is where serve listens unless -addr says otherwise.
const defaultAddr = "127.0.0.1:1313"

// listen opens the preview server's address. On the default address a busy
// port is no reason to stop (another preview is running, as often happens):
// the next free port is taken, as Hugo does. An address the user chose is
// kept or fails.
func listen(addr string, chosen bool) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil || chosen || !errors.Is(err, syscall.EADDRINUSE) {
		return ln, err
	}
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	for i := 1; i <= 50; i++ {
		if ln, err2 := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(p+i))); err2 == nil {
			return ln, nil
		}
	}
	return nil, err
}

// watchOptions names what a watcher of the site at src follows: its folder
// of pages as zhinan.yaml sets it (every language's, in a multilingual site), the theme and the settings, never the
// output folder out (as -out gives it; "" for the output setting), which
// every build rewrites. Broken settings give the defaults; the build
// reports them.
func watchOptions(src, out string) watch.Options {
	cfg, _ := config.Load(os.DirFS(src))
	var skip []string
	if o := generator.OutputWithin(src, out, cfg); o != "" {
		skip = []string{o}
	}
	files := watch.DefaultFiles
	if cfg.Nav != "" {
		files = append(slices.Clip(files), cfg.Nav) // mkdocs.yml lies outside the folder of pages
	}
	dirs := []string{cfg.Content, "templates", "i18n"}
	for _, l := range cfg.Languages() {
		if l.Content != "" && !slices.Contains(dirs, l.Content) {
			dirs = append(dirs, l.Content) // each language's own folder of pages
		}
	}
	return watch.Options{
		Dirs:  dirs,
		Files: files,
		Skip:  skip,
	}
}

// srcFlag is the help of every command's -src flag.
const srcFlag = "the site's root: the folder holding zhinan.yaml and the Markdown pages (content/ unless zhinan.yaml says content: docs or .)"

// badSrc says, on standard error, why -src cannot be a site: it does not
// exist or is a file. The build itself explains a folder without pages.
func badSrc(cmd, src string) bool {
	info, err := os.Stat(src)
	switch {
	case err != nil:
		fmt.Fprintf(os.Stderr, "zhinan %s: -src %s: no such folder; it should be the site's folder, holding zhinan.yaml and the Markdown pages (zhinan init makes one)\n", cmd, src)
		return true
	case !info.IsDir():
		fmt.Fprintf(os.Stderr, "zhinan %s: -src %s is a file; it should be the site's folder, holding zhinan.yaml and the Markdown pages\n", cmd, src)
		return true
	}
	return false
}
