package serve

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zhinan/generator/diag"
)

const secret = "TOP-SECRET-OUTSIDE-THE-SITE"

func testSite() map[string][]byte {
	return map[string][]byte{
		"index.html":             []byte("<!doctype html><title>home</title><body><p>home</p></body>"),
		"x/index.html":           []byte("<html><body><p>x page</p></BODY></html>"),
		"权限/index.html":          []byte("<html><body><p>权限页</p></body></html>"),
		"404.html":               []byte("<html><body><p>custom not found</p></body></html>"),
		"assets/site.css":        []byte("body{color:red}"),
		"assets/site.js":         []byte("console.log(1)"),
		"sitemap.xml":            []byte("<urlset/>"),
		"search/manifest.json":   []byte("{}"),
		"logo.svg":               []byte("<svg/>"),
		"img/a.png":              []byte("\x89PNG"),
		"img/b.webp":             []byte("RIFF"),
		"favicon.ico":            []byte("ico"),
		"robots.txt":             []byte("User-agent: *"),
		"file":                   []byte("plain file without extension"),
		"platforms/ios/index.md": []byte("# not html"),
	}
}

func newServer(t *testing.T) (*Server, *Hub) {
	t.Helper()
	hub := NewHub()
	s := New(hub)
	s.Publish(Update{Site: Files(testSite())})
	return s, hub
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	return rec
}

func TestTraversal(t *testing.T) {
	// A secret beside the process's working folder and in the temp dir:
	// nothing may ever serve it, whatever the path.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte(secret), 0o644)
	s, _ := newServer(t)
	for _, target := range []string{
		"/../secret.txt",
		"/../../../../etc/passwd",
		"/x/../../etc/passwd",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2e%2e/etc/passwd",
		"/..%2fsecret.txt",
		"/..%2Fetc%2Fpasswd",
		"/x%2f..%2f..%2fsecret.txt",
		"/..%5csecret.txt",
		`/..\..\secret.txt`,
		"/x/%00/index.html",
		"/index.html%00.css",
		"//etc/passwd",
		"/x//index.html",
		"/./index.html",
		"/x/./index.html",
		"/x/..",
		"/" + filepath.ToSlash(dir) + "/secret.txt",
		"/%c0%ae%c0%ae/secret.txt",
		"/%ff",
		"/x/%2e%2e/",
		"http://evil.example/../secret.txt",
		"/C:/Windows/win.ini",
	} {
		var rec *httptest.ResponseRecorder
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%q: panic %v", target, p)
				}
			}()
			rec = get(t, s, target)
		}()
		if rec == nil {
			continue
		}
		body := rec.Body.String()
		if rec.Code != http.StatusBadRequest && rec.Code != http.StatusNotFound {
			t.Errorf("%q: status %d, want 400 or 404", target, rec.Code)
		}
		if strings.Contains(body, secret) || strings.Contains(body, "root:") {
			t.Errorf("%q: served content from outside the site", target)
		}
	}
}

func TestPaths(t *testing.T) {
	s, _ := newServer(t)
	tests := []struct {
		target   string
		status   int
		contains string
		location string
	}{
		{"/", 200, "<p>home</p>", ""},
		{"/index.html", 200, "<p>home</p>", ""},
		{"/x/", 200, "x page", ""},
		{"/x/index.html", 200, "x page", ""},
		{"/x", 302, "", "/x/"},
		{"/x?a=1", 302, "", "/x/?a=1"},
		{"/%E6%9D%83%E9%99%90/", 200, "权限页", ""},
		{"/权限/", 200, "权限页", ""},
		{"/%E6%9D%83%E9%99%90/index.html", 200, "权限页", ""},
		{"/%E6%9D%83%E9%99%90", 302, "", "/%E6%9D%83%E9%99%90/"},
		{"/file", 200, "plain file", ""},
		{"/nope/", 404, "custom not found", ""},
		{"/nope", 404, "custom not found", ""},
		{"/assets/", 404, "custom not found", ""},
		{"/assets", 404, "custom not found", ""},
		{"/img", 404, "custom not found", ""},
		{"/platforms/ios/", 404, "custom not found", ""},
	}
	for _, tt := range tests {
		rec := get(t, s, tt.target)
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.target, rec.Code, tt.status)
		}
		if !strings.Contains(rec.Body.String(), tt.contains) {
			t.Errorf("%s: body %q lacks %q", tt.target, rec.Body.String(), tt.contains)
		}
		if got := rec.Header().Get("Location"); got != tt.location {
			t.Errorf("%s: Location %q, want %q", tt.target, got, tt.location)
		}
		if got := rec.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", tt.target, got)
		}
	}
}

func TestContentTypes(t *testing.T) {
	s, _ := newServer(t)
	for target, want := range map[string]string{
		"/":                     "text/html; charset=utf-8",
		"/assets/site.css":      "text/css; charset=utf-8",
		"/assets/site.js":       "text/javascript; charset=utf-8",
		"/sitemap.xml":          "application/xml; charset=utf-8",
		"/search/manifest.json": "application/json; charset=utf-8",
		"/logo.svg":             "image/svg+xml; charset=utf-8",
		"/img/a.png":            "image/png",
		"/img/b.webp":           "image/webp",
		"/favicon.ico":          "image/x-icon",
		"/robots.txt":           "text/plain; charset=utf-8",
		"/file":                 "application/octet-stream",
		"/nope":                 "text/html; charset=utf-8",
	} {
		rec := get(t, s, target)
		if got := rec.Header().Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", target, got, want)
		}
		if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", target, got)
		}
	}
}

func TestInjection(t *testing.T) {
	s, _ := newServer(t)
	site := testSite()
	for target, want := range map[string]bool{"/": true, "/x/": true, "/nope": true, "/assets/site.css": false, "/sitemap.xml": false} {
		body := get(t, s, target).Body.String()
		if got := strings.Contains(body, "data-zhinan-live"); got != want {
			t.Errorf("%s: script injected = %v, want %v", target, got, want)
		}
	}
	body := get(t, s, "/x/").Body.String()
	if i, j := strings.Index(body, "data-zhinan-live"), strings.Index(body, "</BODY>"); i < 0 || j < i {
		t.Errorf("script not before </body>: %s", body)
	}
	// The site map itself (what build would write) never carries the script.
	for k, v := range s.cur.Load().files.(Files) {
		if string(v) != string(site[k]) {
			t.Errorf("serving changed the site file %s", k)
		}
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("HEAD", "/", nil))
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD: %d, %d bytes, length %q", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Length"))
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("POST", "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", rec.Code)
	}
}

func failing() diag.List {
	var l diag.List
	l.Add("content/a.md", 3, 1, `unknown front matter key "titel"`)
	l.Add("content/b.md", 7, 12, `broken link "<script>alert(1)</script>.md"`)
	return l
}

func TestFailedBuildOverlay(t *testing.T) {
	s, _ := newServer(t)
	s.Publish(Update{Diags: failing()})
	for _, target := range []string{"/", "/x/", "/nope"} {
		body := get(t, s, target).Body.String()
		for _, want := range []string{
			`<div id="zhinan-error"`,
			`content/a.md:3:1: unknown front matter key &#34;titel&#34;`,
			`content/b.md:7:12: broken link &#34;&lt;script&gt;alert(1)&lt;/script&gt;.md&#34;`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: overlay lacks %q:\n%s", target, want, body)
			}
		}
		if strings.Contains(body, "<script>alert(1)") {
			t.Errorf("%s: diagnostic not escaped", target)
		}
	}
	if body := get(t, s, "/x/").Body.String(); !strings.Contains(body, "x page") {
		t.Errorf("last good site not kept: %s", body)
	}
	if body := get(t, s, "/assets/site.css").Body.String(); body != "body{color:red}" {
		t.Errorf("stylesheet changed while failing: %q", body)
	}
	site := testSite()
	site["x/index.html"] = []byte("<html><body><p>x fixed</p></body></html>")
	s.Publish(Update{Site: Files(site)})
	body := get(t, s, "/x/").Body.String()
	if strings.Contains(body, `<div id="zhinan-error"`) || !strings.Contains(body, "x fixed") {
		t.Errorf("after a good build: %s", body)
	}
}

func TestFirstBuildFails(t *testing.T) {
	s := New(NewHub())
	if rec := get(t, s, "/"); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("before any build: %d", rec.Code)
	}
	s.Publish(Update{Diags: failing()})
	for _, target := range []string{"/", "/x/", "/assets/site.css"} {
		rec := get(t, s, target)
		if rec.Code != http.StatusInternalServerError {
			t.Errorf("%s: status %d, want 500", target, rec.Code)
		}
		if body := rec.Body.String(); !strings.Contains(body, "content/a.md:3:1:") || !strings.Contains(body, "data-zhinan-live") {
			t.Errorf("%s: error page lacks diagnostics or script:\n%s", target, body)
		}
	}
	s.Publish(Update{Site: Files(testSite())})
	if rec := get(t, s, "/"); rec.Code != 200 || strings.Contains(rec.Body.String(), `<div id="zhinan-error"`) {
		t.Errorf("after fixing: %d %s", rec.Code, rec.Body.String())
	}
}

// stream connects to the event stream and returns its lines.
func stream(t *testing.T, url string, hub *Hub) <-chan string {
	t.Helper()
	before := hub.Subscribers()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("event stream Content-Type %q", ct)
	}
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	for deadline := time.Now().Add(2 * time.Second); hub.Subscribers() == before; {
		if time.Now().After(deadline) {
			t.Fatal("stream did not subscribe")
		}
		time.Sleep(time.Millisecond)
	}
	return lines
}

// event reads lines up to the next event and returns its name and data.
func event(t *testing.T, lines <-chan string) (name, data string) {
	t.Helper()
	var d []string
	timeout := time.After(2 * time.Second)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatal("stream closed")
			}
			switch {
			case strings.HasPrefix(l, "event: "):
				name = l[len("event: "):]
			case strings.HasPrefix(l, "data: "):
				d = append(d, l[len("data: "):])
			case l == "" && name != "":
				return name, strings.Join(d, "\n")
			}
		case <-timeout:
			t.Fatal("no event within 2 s")
		}
	}
}

func TestEvents(t *testing.T) {
	s, hub := newServer(t) // generation 1
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	lines := stream(t, ts.URL+EventsPath+"?gen=1", hub)

	s.Publish(Update{Site: Files(testSite())})
	if name, _ := event(t, lines); name != "reload" {
		t.Errorf("good build sent %q, want reload", name)
	}
	s.Publish(Update{Site: Files(testSite()), CSS: []string{"assets/site.css"}})
	if name, data := event(t, lines); name != "css" || data != "assets/site.css" {
		t.Errorf("css build sent %q %q", name, data)
	}
	s.Publish(Update{Diags: failing()})
	name, data := event(t, lines)
	if name != "error" || !strings.Contains(data, "content/a.md:3:1:") || !strings.Contains(data, "\ncontent/b.md:7:12:") {
		t.Errorf("failed build sent %q %q", name, data)
	}
	// A page from an older generation hears about the newer build at once.
	late := stream(t, ts.URL+EventsPath+"?gen=1", hub)
	if name, _ := event(t, late); name != "error" {
		t.Errorf("late stream while failing got %q, want error", name)
	}
	s.Publish(Update{Site: Files(testSite())})
	late2 := stream(t, ts.URL+EventsPath+"?gen=2", hub)
	if name, _ := event(t, late2); name != "reload" {
		t.Errorf("late stream got %q, want reload", name)
	}
}

func TestEventsNeedNoSite(t *testing.T) {
	s := New(NewHub())
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	resp, err := http.Get(ts.URL + "/x")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("status %d", resp.StatusCode)
	}
}
