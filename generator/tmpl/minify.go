package tmpl

import (
	"bytes"
	"path"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
)

// minifier shrinks the theme's scripts and style sheets: their comments and
// spaces are for the people who edit them, and every reader downloads them
// (site.css and site.js with every page, the search client with the first
// query).
var minifier = func() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	return m
}()

// Minify returns an asset's bytes minified when it is a script (.js) or a
// style sheet (.css), else as they are. An asset the minifier cannot read
// (a syntax error in a theme's own script) is left as it is: the browser
// reports it better than a build could.
func Minify(name string, b []byte) []byte {
	var mediatype string
	switch path.Ext(name) {
	case ".css":
		mediatype = "text/css"
	case ".js":
		mediatype = "application/javascript"
	default:
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b))
	if err := minifier.Minify(mediatype, &out, bytes.NewReader(b)); err != nil {
		return b
	}
	return out.Bytes()
}
