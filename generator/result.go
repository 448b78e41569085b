package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"zhinan/generator/diag"
	"zhinan/generator/output"
	"zhinan/generator/site"
)

// Result is one build: the site graph, and every output file by slash path
// relative to the output root ("index.html", "platforms/ios/index.html",
// "assets/site.css"), made when it is first asked for. Static files are
// ready; each page runs its template on demand and the search index is built
// on first use, so the preview can serve a rebuild of a big site at once.
type Result struct {
	Site     *site.Site    // the site graph the files are made from
	Pages    int           // pages in the site
	Rendered int           // pages whose Markdown was rendered this time (the rest came from the cache)
	Elapsed  time.Duration // wall time of Build (templates run later)

	out   *fileSet
	langs []langResult // a multilingual site's languages, the default first (see languages.go); out is then nil
}

// File returns one output file, making it if it was not made yet, and keeps
// it for the next call. A path that is not part of the site gives an error
// satisfying errors.Is(err, fs.ErrNotExist); a template that fails gives a
// *diag.Diag. It is safe for concurrent use.
func (r *Result) File(name string) ([]byte, error) { return r.file(name, true) }

func (r *Result) file(name string, keep bool) ([]byte, error) {
	if r.langs != nil {
		return r.langFile(name, keep)
	}
	return r.out.file(name, keep)
}

// Names lists every output file, sorted.
func (r *Result) Names() []string {
	if r.langs != nil {
		return r.langNames()
	}
	return r.out.names()
}

// Source is the file an output file is made from, relative to the site
// root ("content/platforms/ios.md" for "platforms/ios/index.html"), or "".
func (r *Result) Source(name string) string {
	if r.langs != nil {
		sub, rest := r.langOf(name)
		return sub.Source(rest)
	}
	if j, ok := r.out.jobs[name]; ok && j.data.Redirect == "" && j.data.Page != nil {
		return j.data.Page.File
	}
	if r.out.assets[name] {
		return r.out.assetFile(name)
	}
	if name == mermaidAsset && r.out.mermaid != "" {
		return r.out.mermaid
	}
	return ""
}

// Assets are the theme's files (the output's assets/ folder), by output path.
func (r *Result) Assets() map[string][]byte {
	files := map[string][]byte{}
	for _, lr := range r.langs {
		for name, b := range lr.res.Assets() {
			files[lr.prefix+name] = b
		}
	}
	if r.langs != nil {
		return files
	}
	for name, b := range r.out.static {
		if strings.HasPrefix(name, "assets/") {
			files[name] = b
		}
	}
	return files
}

// Check makes every file (on all cores) and returns the problems of the
// templates that failed. What it made is kept for File.
func (r *Result) Check() diag.List {
	_, diags := r.all(true)
	return diags
}

// Files makes every file and returns them all, with the problems of the
// templates that failed (those files are missing from the map).
func (r *Result) Files() (map[string][]byte, diag.List) { return r.all(false) }

func (r *Result) all(keep bool) (map[string][]byte, diag.List) {
	if r.langs == nil {
		return r.out.all(keep)
	}
	files := map[string][]byte{}
	var diags diag.List
	for _, lr := range r.langs {
		f, d := lr.res.all(keep)
		diags = append(diags, d...)
		for name, b := range f {
			if lr.prefix == "" || !rootOnly[name] {
				files[lr.prefix+name] = b
			}
		}
	}
	files["sitemap.xml"] = r.sitemap()
	diags.Sort()
	return files, diags
}

// Write replaces the folder dir with the site (package output: staged, then
// swapped in whole), making each file as it is written so that the site is
// never in memory whole. Templates that fail on a page are diagnostics. If
// any does, nothing is replaced, unless keepFailed is set: then each such
// page keeps the bytes it had in the old dir (or is left out), and the rest
// is written, which is what "zhinan watch" wants. The error is a diag.List
// when templates failed and nothing else went wrong. In a one-shot build
// (Options.Once) written pages may let their HTML go: Write is then the
// Result's last use.
func (r *Result) Write(dir string, keepFailed bool) error {
	var failed diag.List
	var mu sync.Mutex
	get := func(name string) ([]byte, error) {
		b, err := r.file(name, false)
		var d *diag.Diag
		if !keepFailed || !errors.As(err, &d) {
			return b, err
		}
		mu.Lock()
		failed = append(failed, *d)
		mu.Unlock()
		if old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			return old, nil
		}
		return nil, output.Skip
	}
	// The search index is written last. When pages let their HTML go as
	// they are written (a one-shot build), it is built after them, so the
	// two never take memory at once; else it is built on the side while
	// the pages are written (they do not need it, and writing leaves the
	// cores time to spare while the kernel makes files).
	err := output.WriteSets(dir, r.writeSets(get)...)
	if err != nil {
		return writeError(err)
	}
	if len(failed) > 0 {
		return failed.Err()
	}
	return nil
}

// writeError sorts the diagnostics out of the failures of a write: when
// every failure is a template's, the error is their diag.List.
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
		return fmt.Errorf("writing the output: %w", errors.Join(other...))
	}
	return diags.Err()
}

// BuildFiles builds a site from scratch and makes every file in memory, as
// "zhinan build" would write them: files is nil when there is an error, and
// diags holds every problem, those of templates included. For tests and
// tools on small sites; a big site is better written with Result.Write.
func BuildFiles(opts Options) (*Result, map[string][]byte, diag.List) {
	res, diags := NewBuilder(opts).Build(All)
	if res == nil {
		return nil, nil, diags
	}
	files, d := res.Files()
	diags = append(diags, d...)
	diags.Sort()
	if diags.HasErrors() {
		return res, nil, diags
	}
	return res, files, diags
}
