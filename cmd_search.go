package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing/fstest"

	"zhinan/generator"
	"zhinan/generator/search"
)

// runSearch builds the site in memory and queries its search index, the
// same files the browser loads.
func runSearch(args []string) int {
	fs := newFlags("search")
	src := fs.String("src", ".", srcFlag)
	n := fs.Int("n", 10, "show at most this many results (0: all)")
	asJSON := fs.Bool("json", false, "print the results as JSON")
	drafts := fs.Bool("drafts", false, "include draft pages")
	links := fs.String("links", "warn", "broken links and anchors: error or warn (search works on a site with broken links)")
	lang := fs.String("lang", "", "in a site of several languages, search this language's pages (a code from languages: in zhinan.yaml); default: the first")
	if rc := parse(fs, args); rc >= 0 {
		return rc
	}
	if badSrc(fs.Name(), *src) {
		return 1
	}
	query := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if query == "" {
		fs.Usage()
		return 2
	}
	res, diags := generator.NewBuilder(generator.Options{Src: *src, Drafts: *drafts, Links: *links, Once: true}).Build(generator.All)
	if diags.HasErrors() {
		fmt.Fprintln(os.Stderr, diags.Error())
		return 1
	}
	if res.Language(*lang) == nil {
		fmt.Fprintf(os.Stderr, "zhinan search: -lang %q: the site has no such language (it has %s)\n", *lang, siteLanguages(res))
		return 2
	}
	ix, err := search.Open(resultFS{res.Language(*lang)})
	if err != nil {
		fmt.Fprintln(os.Stderr, "zhinan search: the built site has no usable search index:", err)
		return 1
	}
	results := ix.Search(query, *n)
	if *asJSON {
		if results == nil {
			results = []search.Result{}
		}
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			fmt.Fprintln(os.Stderr, "zhinan search:", err)
			return 1
		}
		return 0
	}
	if len(results) == 0 {
		fmt.Fprintf(os.Stderr, "no results for %q\n", query)
		return 0
	}
	printResults(os.Stdout, results, isTerminal(os.Stdout))
	return 0
}

// filesFS presents a build's output files as a file system.
// resultFS is a built site as a file system, making each file when it is
// opened: the search index reads only its own files.
type resultFS struct{ res *generator.Result }

func (r resultFS) Open(name string) (fs.File, error) {
	b, err := r.res.File(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return fstest.MapFS{name: &fstest.MapFile{Data: b, Mode: 0o644}}.Open(name)
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// printResults writes "TITLE — SECTION", the link and the excerpt of each
// result, matches in bold on a terminal and in [brackets] elsewhere.
func printResults(w io.Writer, results []search.Result, term bool) {
	open, closeMark := "[", "]"
	if term {
		open, closeMark = "\x1b[1m", "\x1b[0m"
	}
	for i, r := range results {
		if i > 0 {
			fmt.Fprintln(w)
		}
		head := clean(r.Title)
		if r.Section != "" {
			head += " — " + clean(r.Section)
		}
		link := r.URL
		if r.Anchor != "" {
			link += "#" + r.Anchor
		}
		fmt.Fprintf(w, "%s\n  %s\n  %s\n", head, link, markExcerpt(r.Excerpt, r.Highlights, open, closeMark))
	}
}

func markExcerpt(text string, hl [][2]int, open, closeMark string) string {
	rs := []rune(clean(text))
	var b strings.Builder
	at := 0
	for _, h := range hl {
		if h[0] < at || h[1] > len(rs) {
			continue
		}
		b.WriteString(string(rs[at:h[0]]) + open + string(rs[h[0]:h[1]]) + closeMark)
		at = h[1]
	}
	b.WriteString(string(rs[at:]))
	return b.String()
}

// clean replaces control characters (newlines, terminal escapes) with
// spaces, one for one, so rune offsets stay valid.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || 0x7f <= r && r < 0xa0 {
			return ' '
		}
		return r
	}, s)
}

// siteLanguages names the languages a site has, for a message.
func siteLanguages(res *generator.Result) string {
	if codes := res.Languages(); codes != nil {
		return strings.Join(codes, ", ")
	}
	return res.Site.Config.Language
}
