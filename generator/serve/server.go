package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"zhinan/generator/diag"
	"zhinan/generator/rebuild"
)

// EventsPath is where browsers listen for live-reload events.
const EventsPath = "/_zhinan/events"

// Site is what the server serves: the files of one build, looked up by slash
// path ("index.html", "platforms/ios/index.html"). *generator.Result is one;
// it makes pages on demand, so a rebuild is served before every page exists.
// A missing file is an error satisfying errors.Is(err, fs.ErrNotExist); any
// other error (a template that fails on this page) is shown as an error page.
type Site interface {
	File(name string) ([]byte, error)
}

// Files serves a map of finished files as a Site.
type Files map[string][]byte

// File returns the file called name.
func (f Files) File(name string) ([]byte, error) {
	if b, ok := f[name]; ok {
		return b, nil
	}
	return nil, fs.ErrNotExist
}

// Debounce is how long the preview waits for more changes after one. A save,
// even a write-temp-then-rename one, is a few events within a millisecond or
// two, and every millisecond waited here is one more before the browser
// shows the change; a burst of writes still comes as one or two rebuilds.
const Debounce = 10 * time.Millisecond

// GCPercent is the garbage collector setting serve runs with (the Go default
// is 100). A rebuild allocates a fresh site graph while the last one is still
// served; collecting less often spends memory, which a preview can afford, to
// answer a save sooner. cmd serve and the benchmark set it alike.
const GCPercent = 400

// snapshot is one immutable state of the server; it is replaced, never changed.
type snapshot struct {
	files  Site      // the site being served; nil before the first one
	diags  diag.List // the problems of the latest build, errors and warnings
	failed bool      // the latest build failed site-wide: files is the last good site, or nil
	gen    uint64    // counts builds applied
}

// Server serves the latest site and announces rebuilds. Create one with New.
type Server struct {
	cur  atomic.Pointer[snapshot]
	hub  *Hub
	done chan struct{} // closed by Close
	once sync.Once
}

// New returns a Server with no site yet, announcing rebuilds through hub.
func New(hub *Hub) *Server {
	s := &Server{hub: hub, done: make(chan struct{})}
	s.cur.Store(&snapshot{})
	return s
}

// Close ends every open event stream, so that http.Server.Shutdown does not
// wait for them; browsers reconnect to whatever serves next. Pages are still
// served after Close.
func (s *Server) Close() {
	s.once.Do(func() { close(s.done) })
}

// Update is the outcome of one build, as the server needs it.
type Update struct {
	// Site is the new site, built as far as its pages allow; nil when a
	// site-wide problem (settings, templates) left nothing to show, and the
	// last good site stays.
	Site  Site
	Diags diag.List // every problem of the build: shown in an overlay on every page
	CSS   []string  // when not nil, only these stylesheets changed
}

// Publish swaps in a build's outcome and tells browsers: "css" when only
// stylesheets changed, "reload" after any other build that gave a site
// (its pages carry the overlay while it has problems), "error" after one
// that gave none. It returns the new generation. Builds are published from
// one goroutine.
func (s *Server) Publish(u Update) uint64 {
	old := s.cur.Load()
	next := &snapshot{files: u.Site, diags: u.Diags, gen: old.gen + 1}
	if u.Site == nil {
		next.files, next.failed = old.files, true
	}
	s.cur.Store(next)
	switch {
	case next.failed:
		s.hub.Publish(Event{Name: "error", Data: strings.Join(diagLines(u.Diags), "\n"), ID: next.gen})
	case u.CSS != nil:
		s.hub.Publish(Event{Name: "css", Data: strings.Join(u.CSS, "\n"), ID: next.gen})
	default:
		s.hub.Publish(Event{Name: "reload", ID: next.gen})
	}
	return next.gen
}

// Apply publishes a rebuild of the loop.
func (s *Server) Apply(r rebuild.Rebuild) {
	u := Update{Diags: r.Diags, CSS: r.CSS}
	if r.Result != nil {
		u.Site = r.Result
	}
	s.Publish(u)
}

func diagLines(l diag.List) []string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return lines
}

// ServeHTTP serves the site, the error page, or the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == EventsPath {
		s.serveEvents(w, r)
		return
	}
	snap := s.cur.Load()
	if snap.files == nil {
		s.serveNoSite(w, r, snap, "")
		return
	}
	key, dir, ok := siteKey(r)
	if !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	switch {
	case dir:
		key = path.Join(key, "index.html")
	case has(snap.files, key):
	case has(snap.files, key+"/index.html"):
		loc := r.URL.EscapedPath() + "/"
		if r.URL.RawQuery != "" {
			loc += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, loc, http.StatusFound)
		return
	}
	data, err := snap.files.File(key)
	if err == nil {
		s.write(w, r, snap, key, http.StatusOK, data)
		return
	}
	if !errors.Is(err, fs.ErrNotExist) {
		// This page's template failed: show the problem where the editor looks.
		var l diag.List
		if d := (*diag.Diag)(nil); errors.As(err, &d) {
			l = append(l, *d)
		} else {
			l.Add(key, 0, 0, "%v", err)
		}
		failed := &snapshot{files: snap.files, diags: append(l, snap.diags...), gen: snap.gen}
		s.serveNoSite(w, r, failed, key)
		return
	}
	// A multilingual site has a 404 page per language, in its folder.
	notFound := "404.html"
	if lang, _, ok := strings.Cut(key, "/"); ok && has(snap.files, lang+"/404.html") {
		notFound = lang + "/404.html"
	}
	if data, err := snap.files.File(notFound); err == nil {
		s.write(w, r, snap, notFound, http.StatusNotFound, data)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

func has(files Site, key string) bool {
	_, err := files.File(key)
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}

// siteKey turns the request path into a key of the site map ("" for the
// root) and whether it named a folder. It refuses anything that is not a
// plain, clean path inside the site.
func siteKey(r *http.Request) (key string, dir, ok bool) {
	esc := strings.ToLower(r.URL.EscapedPath())
	for _, bad := range []string{"%2f", "%5c", "%00"} {
		if strings.Contains(esc, bad) {
			return "", false, false
		}
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") || !utf8.ValidString(p) {
		return "", false, false
	}
	key = p[1:]
	if key == "" {
		return "", true, true
	}
	if strings.HasSuffix(key, "/") {
		dir = true
		key = key[:len(key)-1]
	}
	if !fs.ValidPath(key) {
		return "", false, false
	}
	return key, dir, true
}

// write sends one file, with the live-reload script (and overlay, while the
// latest build is failing) in HTML.
func (s *Server) write(w http.ResponseWriter, r *http.Request, snap *snapshot, key string, status int, data []byte) {
	ctype := contentType(key)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, snap, key)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// serveNoSite answers when there is nothing to serve: before the first
// build, after a first build that failed site-wide, or for a page whose
// template failed (key names it).
func (s *Server) serveNoSite(w http.ResponseWriter, r *http.Request, snap *snapshot, key string) {
	status, page := http.StatusServiceUnavailable, noSitePage(snap, key)
	if snap.failed || snap.diags.HasErrors() {
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

var textTypes = map[string]string{
	".html": "text/html", ".htm": "text/html", ".css": "text/css", ".js": "text/javascript",
	".mjs": "text/javascript", ".json": "application/json", ".xml": "application/xml",
	".svg": "image/svg+xml", ".txt": "text/plain", ".md": "text/markdown", ".map": "application/json",
}

var binaryTypes = map[string]string{
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
	".webp": "image/webp", ".ico": "image/x-icon", ".avif": "image/avif", ".pdf": "application/pdf",
	".woff": "font/woff", ".woff2": "font/woff2", ".wasm": "application/wasm",
}

// contentType names the type of a site file by its extension.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := textTypes[ext]; ok {
		return t + "; charset=utf-8"
	}
	if t, ok := binaryTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// serveEvents streams live-reload events until the browser goes away.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	events, cancel := s.hub.Subscribe()
	defer cancel()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 500\n\n")
	seen := r.Header.Get("Last-Event-ID")
	if seen == "" {
		seen = r.URL.Query().Get("gen")
	}
	if snap := s.cur.Load(); seen != "" && seen != strconv.FormatUint(snap.gen, 10) {
		// A build landed between serving the page and this connection.
		if snap.failed {
			writeEvent(w, Event{Name: "error", Data: strings.Join(diagLines(snap.diags), "\n"), ID: snap.gen})
		} else {
			writeEvent(w, Event{Name: "reload", ID: snap.gen})
		}
	}
	fl.Flush()
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			fl.Flush()
		case e := <-events:
			writeEvent(w, e)
			fl.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, e Event) {
	fmt.Fprintf(w, "id: %d\nevent: %s\n", e.ID, e.Name)
	for _, line := range strings.Split(e.Data, "\n") {
		fmt.Fprintf(w, "data: %s\n", strings.TrimRight(line, "\r"))
	}
	fmt.Fprint(w, "\n")
}
