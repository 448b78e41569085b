package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// policy is the allowlist raw HTML is sanitised by, modelled on what GitHub
// lets through in a README: text formatting, headings, lists, tables, images,
// links, details/summary, center, kbd, sub/sup, ruby, and alignment. Anything
// else loses its tags and keeps its text; script and style lose their content
// too. No event handler, no id or class (they would collide with the theme's;
// an <a id> becomes <a name>, which cannot),
// no form, frame or embedded object. URLs must parse and be relative or
// http(s), mailto or tel; data: only for base64 images in <img> (an image
// cannot run script, even an SVG one; a data: link is removed before).
// Styles are limited to what cannot break the page around: text-align, and an
// image's width, height and max-width.
var policy = newPolicy()

var (
	length    = regexp.MustCompile(`^[0-9]{1,5}(\.[0-9]{1,3})?(px|%|em|rem)?$`)
	integer   = regexp.MustCompile(`^[0-9]{1,4}$`)
	alignment = regexp.MustCompile(`(?i)^(left|right|center|justify|top|middle|bottom)$`)
)

// allowedElements are the elements kept, besides a (with href) and img
// (with src).
var allowedElements = []string{
	"b", "i", "u", "s", "strike", "strong", "em", "tt", "code", "pre", "kbd", "samp", "var",
	"sub", "sup", "small", "big", "mark", "del", "ins", "abbr", "cite", "dfn", "q", "bdi", "bdo",
	"br", "hr", "wbr", "p", "div", "span", "center", "blockquote", "address",
	"h1", "h2", "h3", "h4", "h5", "h6",
	"ul", "ol", "li", "dl", "dt", "dd",
	"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
	"details", "summary", "figure", "figcaption", "picture", "ruby", "rt", "rp", "time",
}

var allowedSet = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range allowedElements {
		m[e] = true
	}
	return m
}()

// sanitize is policy.SanitizeBytes, with a short way for the commonest raw
// HTML, an allowed tag without attributes (<sup>, </sup>, <br>): the result
// is the tag in lower case, as policy would give it (TestSanitizeShortWay),
// without its tokenizer's 4 kB buffer.
func sanitize(h []byte) []byte {
	if len(h) >= 3 && len(h) <= 16 && h[0] == '<' && h[len(h)-1] == '>' {
		name, end := h[1:len(h)-1], false
		if name[0] == '/' {
			name, end = name[1:], true
		}
		lower := strings.ToLower(string(name))
		if allowedSet[lower] {
			if end {
				return []byte("</" + lower + ">")
			}
			return []byte("<" + lower + ">")
		}
	}
	return policy.SanitizeBytes(h)
}

func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowStandardURLs() // parseable; relative, http, https, mailto
	p.RequireNoFollowOnLinks(false)
	p.AllowURLSchemes("tel")
	p.AllowDataURIImages()
	p.AllowElements(allowedElements...)
	// bluemonday drops an element without attributes unless told it may
	// have none (its own list lacks some of ours, such as u and tt).
	p.AllowNoAttrs().OnElements(allowedElements...)
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("name").Matching(regexp.MustCompile(`^[^\s]{1,200}$`)).OnElements("a")
	p.AllowAttrs("rel").Matching(regexp.MustCompile(`^noopener$`)).OnElements("a")
	p.AllowAttrs("src").OnElements("img")
	p.AllowAttrs("alt").OnElements("img")
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^(lazy|eager)$`)).OnElements("img")
	p.AllowAttrs("width", "height").Matching(length).OnElements("img", "table", "td", "th", "col")
	p.AllowAttrs("align").Matching(alignment).OnElements("div", "p", "img", "table", "tr", "td", "th",
		"h1", "h2", "h3", "h4", "h5", "h6", "caption", "thead", "tbody", "tfoot", "col", "colgroup")
	p.AllowAttrs("valign").Matching(alignment).OnElements("tr", "td", "th", "col", "colgroup", "thead", "tbody", "tfoot")
	p.AllowAttrs("colspan", "rowspan").Matching(integer).OnElements("td", "th")
	p.AllowAttrs("span").Matching(integer).OnElements("col", "colgroup")
	p.AllowAttrs("start").Matching(integer).OnElements("ol")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^[1aAiI]$`)).OnElements("ol")
	p.AllowAttrs("reversed").OnElements("ol")
	p.AllowAttrs("open").OnElements("details")
	p.AllowAttrs("datetime").OnElements("time", "del", "ins")
	p.AllowAttrs("title").Globally()
	p.AllowAttrs("lang").Matching(regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)).Globally()
	p.AllowAttrs("dir").Matching(regexp.MustCompile(`(?i)^(ltr|rtl|auto)$`)).Globally()
	p.AllowStyles("text-align").MatchingEnum("left", "right", "center", "justify", "start", "end").
		OnElements("p", "div", "span", "center", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption")
	p.AllowStyles("width", "height", "max-width").Matching(length).OnElements("img")
	return p
}

// voidElement reports the elements that never have content or an end tag.
func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// tagStack is the raw HTML elements left open in one Markdown container (a
// paragraph, a list item, the document…): goldmark hands inline HTML over
// one tag at a time (<sup>, the text, </sup> are three nodes), so balance can
// only be kept across the nodes of a container, never inside one node.
type tagStack []string

// balance writes the tokens of sanitised HTML, keeping the container's
// elements balanced: an end tag closes the innermost open element of its name
// (and those opened inside it), an end tag that closes nothing opened here is
// dropped (so raw HTML can never close the theme's <div> or goldmark's
// <li>), and self-closed non-void elements open like start tags. It returns
// the HTML and its visible text, for search.
func (s *tagStack) balance(clean []byte) (out, txt []byte) {
	if name, end, ok := singleTag(clean); ok {
		// One tag, as inline HTML always is: spare the tokenizer (it
		// allocates 4 kB each time).
		switch {
		case end:
			return []byte(s.close(string(name))), nil
		case !voidElement(atom.Lookup(name)):
			*s = append(*s, string(name))
		}
		return clean, nil
	}
	var o, t bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(clean))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return o.Bytes(), t.Bytes()
		}
		raw := z.Raw()
		switch tt {
		case html.TextToken:
			o.Write(raw)
			t.WriteString(html.UnescapeString(string(raw)))
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if voidElement(tok.DataAtom) {
				o.WriteString(tok.String())
				continue
			}
			tok.Type = html.StartTagToken
			o.WriteString(tok.String())
			*s = append(*s, tok.Data)
		case html.EndTagToken:
			name, _ := z.TagName()
			o.WriteString(s.close(string(name)))
		}
	}
}

// singleTag reports whether h, the sanitiser's output, is one start or end
// tag and nothing else, and gives its lower-case name. The sanitiser writes
// tags in one form: "<name", attributes quoted with '"', '>'; a tag with a
// self-closing slash is left to the tokenizer.
func singleTag(h []byte) (name []byte, end, ok bool) {
	if len(h) < 3 || h[0] != '<' || h[len(h)-1] != '>' || bytes.IndexByte(h[1:], '<') >= 0 ||
		bytes.IndexByte(h, '\n') >= 0 || h[len(h)-2] == '/' {
		return nil, false, false
	}
	rest := h[1 : len(h)-1]
	if rest[0] == '/' {
		end, rest = true, rest[1:]
	}
	i := 0
	for i < len(rest) && ('a' <= rest[i] && rest[i] <= 'z' || '0' <= rest[i] && rest[i] <= '9') {
		i++
	}
	if i == 0 || i < len(rest) && rest[i] != ' ' {
		return nil, false, false
	}
	return rest[:i], end, true
}

// close pops the innermost open element called name and everything opened
// inside it, and returns their end tags; "" if no such element is open.
func (s *tagStack) close(name string) string {
	for i := len(*s) - 1; i >= 0; i-- {
		if (*s)[i] == name {
			end := s.closeFrom(i)
			return end
		}
	}
	return ""
}

// closeFrom pops the elements from index i up and returns their end tags.
func (s *tagStack) closeFrom(i int) string {
	var b strings.Builder
	for j := len(*s) - 1; j >= i; j-- {
		b.WriteString("</" + (*s)[j] + ">")
	}
	*s = (*s)[:i]
	return b.String()
}

// visibleText is the text a browser shows of HTML kept whole (unsafe_html):
// all text except that of script and style.
func visibleText(h []byte) []byte {
	var t bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(h))
	skip := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return t.Bytes()
		case html.StartTagToken:
			name, _ := z.TagName()
			skip = string(name) == "script" || string(name) == "style"
		case html.EndTagToken:
			skip = false
		case html.TextToken:
			if !skip {
				t.WriteString(html.UnescapeString(string(z.Raw())))
			}
		}
	}
}
