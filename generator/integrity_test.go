package generator

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// TestRealSiteLinks builds the real site (the repository's content/) and
// follows every internal href and src of every HTML file, fragments
// included: each must name a file of the output and, with a fragment, an
// element with that id. It runs under the default base URL and a sub-path.
func TestRealSiteLinks(t *testing.T) {
	for _, base := range []string{"", "https://example.org/guide/"} {
		t.Run("base="+base, func(t *testing.T) {
			res, files, diags := BuildFiles(Options{FS: os.DirFS(".."), BaseURL: base})
			if len(diags) > 0 {
				t.Fatalf("the real site has problems:\n%v", diags)
			}
			misses := checkLinks(files, res.Site.BasePath)
			for _, m := range misses {
				t.Error(m)
			}
			t.Logf("%d files checked, %d misses", len(files), len(misses))
		})
	}
}

// pageLinks is what one HTML file offers and asks for.
type pageLinks struct {
	ids  map[string]bool
	refs []string
}

func parseLinks(data []byte) pageLinks {
	pl := pageLinks{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return pl
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			switch {
			case a.Key == "id":
				pl.ids[a.Val] = true
			case a.Key == "href" && (tok.Data == "a" || tok.Data == "link"),
				a.Key == "src" && (tok.Data == "img" || tok.Data == "script"):
				pl.refs = append(pl.refs, a.Val)
			}
		}
	}
}

// checkLinks returns one message per internal link that leads nowhere.
func checkLinks(files map[string][]byte, basePath string) []string {
	pages := map[string]pageLinks{}
	var names []string
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			pages[name] = parseLinks(data)
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var misses []string
	for _, name := range names {
		pageURL := basePath + strings.TrimSuffix(name, "index.html")
		if name == "404.html" {
			pageURL = basePath + "nowhere/deep/"
		}
		for _, ref := range pages[name].refs {
			if strings.HasPrefix(ref, "#") {
				if id, _ := url.PathUnescape(ref[1:]); !pages[name].ids[id] {
					misses = append(misses, name+": link "+ref+": no such id on the page")
				}
				continue
			}
			if msg := checkRef(ref, pageURL, basePath, files, pages); msg != "" {
				misses = append(misses, name+": "+msg)
			}
		}
	}
	return misses
}

func checkRef(ref, pageURL, basePath string, files map[string][]byte, pages map[string]pageLinks) string {
	u, err := url.Parse(ref)
	if err != nil {
		return "unparsable " + ref
	}
	if u.Scheme != "" || u.Host != "" {
		if u.Host != "example.org" {
			return ""
		}
		u.Scheme, u.Host = "", ""
	}
	target := u.Path
	if !strings.HasPrefix(target, "/") {
		target = path.Join(path.Dir(pageURL+"x"), target)
		if strings.HasSuffix(u.Path, "/") && !strings.HasSuffix(target, "/") {
			target += "/"
		}
	}
	if !strings.HasPrefix(target, basePath) {
		return "link " + ref + " leaves the site (" + target + ")"
	}
	file := strings.TrimPrefix(target, basePath)
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	if _, ok := files[file]; !ok {
		return "link " + ref + ": no file " + file
	}
	if frag := u.Fragment; frag != "" {
		if p, ok := pages[file]; ok && !p.ids[frag] {
			return "link " + ref + ": no id " + frag + " in " + file
		}
	}
	return ""
}

// TestBrokenLinkEdits starts from a good site and makes the edits that break
// links in real life; each must give its positioned diagnostic.
func TestBrokenLinkEdits(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/sites/basic.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		edit func(fstest.MapFS)
		want string
	}{
		{"renamed heading", func(m fstest.MapFS) {
			replace(m, "content/guide/a.md", "## 群主权限", "## 群主的权限")
		}, `content/_index.md:4:3: broken link "guide/a.md#群主权限": no heading "群主权限" in content/guide/a.md`},
		{"deleted page", func(m fstest.MapFS) {
			delete(m, "content/guide/b.md")
		}, `content/guide/a.md:10:3: broken link "b.md": no page content/guide/b.md`},
		{"moved image", func(m fstest.MapFS) {
			m["content/guide/pic.png"] = m["content/guide/img/pic.png"]
			delete(m, "content/guide/img/pic.png")
		}, `content/guide/a.md:10:15: broken link "img/pic.png": no file or section content/guide/img/pic.png`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys, opts := archiveSite(t, ar)
			tc.edit(fsys)
			opts.FS = fsys
			_, _, diags := BuildFiles(opts)
			if !diags.HasErrors() || !strings.Contains(diags.Error(), tc.want) {
				t.Errorf("got %v\nwant a line %s", diags, tc.want)
			}
		})
	}
}

func replace(m fstest.MapFS, name, old, new string) {
	m[name] = &fstest.MapFile{Data: bytes.Replace(m[name].Data, []byte(old), []byte(new), 1)}
}
