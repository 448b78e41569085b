package e2e

import (
	"bytes"
	"compress/gzip"
	"net/url"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// budget is the most a guide page may weigh: its HTML plus every CSS and
// JavaScript file (and icon) it loads, uncompressed, search index excluded.
const budget = 50_000

// resource is one file a page makes the browser fetch.
type resource struct {
	tag, attr, ref string
}

// resources lists the <link>, <script> and <img> references of a page that
// make the browser fetch something (canonical and alternate links do not).
func resources(t *testing.T, page []byte) []resource {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []resource
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			a := map[string]string{}
			for _, at := range n.Attr {
				a[at.Key] = at.Val
			}
			switch n.Data {
			case "link":
				if rel := a["rel"]; rel != "canonical" && rel != "alternate" && a["href"] != "" {
					out = append(out, resource{"link", "href", a["href"]})
				}
			case "script", "img":
				if a["src"] != "" {
					out = append(out, resource{n.Data, "src", a["src"]})
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func gzipLen(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestPageWeight checks every guide page against the budget, and that no
// page loads anything from another host.
func TestPageWeight(t *testing.T) {
	res := realSite(t)
	base := res.Site.BasePath
	type row struct {
		name      string
		raw, gzip int
		parts     []string
	}
	var rows []row
	for name, page := range guidePages(res) {
		pageURL, _ := url.Parse(base + name)
		r := row{name: name, raw: len(page), gzip: gzipLen(page), parts: []string{"html"}}
		refs := resources(t, page)
		if bytes.Contains(page, []byte(`class="chroma"`)) {
			// site.js adds chroma.css on pages with highlighted code.
			refs = append(refs, resource{"link", "href", "assets/chroma.css"})
		}
		for _, ref := range refs {
			u, err := url.Parse(ref.ref)
			if err != nil {
				t.Errorf("%s: <%s %s=%q>: %v", name, ref.tag, ref.attr, ref.ref, err)
				continue
			}
			if u.Scheme == "data" {
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				t.Errorf("%s: <%s %s=%q> loads from another host", name, ref.tag, ref.attr, ref.ref)
				continue
			}
			file := strings.TrimPrefix(pageURL.ResolveReference(u).Path, base)
			if ref.ref == "assets/chroma.css" {
				file = ref.ref
			}
			if strings.HasPrefix(file, "search/") {
				continue // the search index is not counted
			}
			b, ok := res.Files[file]
			if !ok {
				t.Errorf("%s: <%s %s=%q>: no file %s in the build", name, ref.tag, ref.attr, ref.ref, file)
				continue
			}
			r.raw += len(b)
			r.gzip += gzipLen(b)
			r.parts = append(r.parts, file)
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		t.Fatal("no guide pages")
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].raw > rows[j].raw })
	for i, r := range rows {
		if r.raw >= budget {
			t.Errorf("%s weighs %d bytes (%d gzip) with %v: over the %d-byte budget", r.name, r.raw, r.gzip, r.parts, budget)
		}
		if i < 3 {
			t.Logf("%s: %d bytes, %d gzip (%s)", r.name, r.raw, r.gzip, strings.Join(r.parts, " + "))
		}
	}
	t.Logf("%d guide pages, largest %d bytes (%d gzip), budget %d", len(rows), rows[0].raw, rows[0].gzip, budget)
}

// TestNoExternalResources checks every HTML file of the build (tag pages,
// aliases and 404 included) for resources from other hosts.
func TestNoExternalResources(t *testing.T) {
	res := realSite(t)
	for name, b := range res.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, ref := range resources(t, b) {
			if strings.Contains(ref.ref, "//") {
				t.Errorf("%s: <%s %s=%q> loads from another host", name, ref.tag, ref.attr, ref.ref)
			}
		}
	}
}
