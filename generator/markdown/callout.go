package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// callouts renders the one callout model that GitHub alerts (alerts.go),
// ::: containers (containers.go) and !!!/??? admonitions (admonitions.go)
// all parse into: a calloutNode holding the body's blocks, and, when the
// author wrote a title, a calloutTitle as its first child.
//
//	<div class="callout callout-KIND" role="note">
//	<p class="callout-title">TITLE</p>
//	...body...
//	</div>
//
// A folded callout is a disclosure widget instead, which works without
// script and is announced as one by screen readers:
//
//	<details class="callout callout-KIND" open>
//	<summary class="callout-title">TITLE</summary>
//	...body...
//	</details>
//
// Titles of the known kinds come from the site's words (Options.Words.Callouts).
type callouts struct{ titles map[string]string }

// CalloutKinds are the callout kinds with a title in the site's words
// (callout_KIND in templates/i18n) and a colour in the theme. Any other type
// name an author writes is a callout too, with a neutral colour and the
// name as its title.
var CalloutKinds = []string{
	"note", "tip", "important", "warning", "caution", // GitHub
	"info", "danger", "details", // VitePress, VuePress, Docusaurus
	"abstract", "success", "question", "failure", "bug", "example", "quote", // MkDocs Material
}

// calloutAliases are MkDocs Material's other names for its kinds: they take
// the kind's title and colour.
var calloutAliases = map[string]string{
	"summary": "abstract", "tldr": "abstract", "todo": "info", "hint": "tip",
	"check": "success", "done": "success", "help": "question", "faq": "question",
	"fail": "failure", "missing": "failure", "error": "danger", "attention": "warning",
	"cite": "quote",
}

var (
	kindCallout      = ast.NewNodeKind("Callout")
	kindCalloutTitle = ast.NewNodeKind("CalloutTitle")
)

// calloutNode is a callout; its children are the title (if written) and the
// body's blocks.
type calloutNode struct {
	ast.BaseBlock
	Name     string // type name, lower case, aliases resolved: "warning", "details", "foo"
	Folded   bool   // a <details> element
	Open     bool   // folded but open at first (???+)
	Untitled bool   // the author asked for no title bar (!!! note "")

	fence  int // a container's number of colons (containers.go)
	indent int // an admonition's column, its body's is 4 more (admonitions.go)
}

// Kind implements ast.Node.
func (*calloutNode) Kind() ast.NodeKind { return kindCallout }

// Dump implements ast.Node.
func (n *calloutNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.Name}, nil)
}

// newCallout returns a callout of the type an author wrote.
func newCallout(typ string) *calloutNode {
	typ = strings.ToLower(typ)
	if k, ok := calloutAliases[typ]; ok {
		typ = k
	}
	return &calloutNode{Name: typ}
}

// openingCallout makes the callout that an opening line (an admonition's,
// a container's) starts: line and seg as reader.PeekLine gave them, the
// block's text from pos, its kind and title as byte ranges of line[pos:].
// An empty title (or one of spaces) leaves the kind's default.
func openingCallout(reader text.Reader, line []byte, seg text.Segment, pos int, kind, title [2]int) *calloutNode {
	c := newCallout(string(line[pos+kind[0] : pos+kind[1]]))
	base := seg.Start - seg.Padding + pos
	c.setTitle(base+title[0], base+title[1], reader.Source())
	return c
}

// calloutTitle is a title written by the author. Its line is a segment of
// the source, so goldmark parses it as inline Markdown (emphasis, code,
// links) and search and link checking see it like any other text.
type calloutTitle struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (*calloutTitle) Kind() ast.NodeKind { return kindCalloutTitle }

// Dump implements ast.Node.
func (n *calloutTitle) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// setTitle gives c the title src[start:stop], trimmed of spaces; an empty
// one leaves the default title.
func (c *calloutNode) setTitle(start, stop int, src []byte) {
	for start < stop && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	for stop > start && (src[stop-1] == ' ' || src[stop-1] == '\t') {
		stop--
	}
	if start == stop {
		return
	}
	t := &calloutTitle{}
	t.Lines().Append(text.NewSegment(start, stop))
	c.AppendChild(c, t)
}

func (e callouts) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(calloutRenderer(e), 100)))
}

type calloutRenderer struct{ titles map[string]string }

func (r calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCallout, r.renderCallout)
	reg.Register(kindCalloutTitle, r.renderTitle)
}

func (r calloutRenderer) renderCallout(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	c := node.(*calloutNode)
	if !entering {
		if c.Folded {
			_, _ = w.WriteString("</details>\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	}
	class := "callout callout-" + string(util.EscapeHTML([]byte(c.Name)))
	if c.Folded {
		_, _ = w.WriteString(`<details class="` + class + `"`)
		if c.Open {
			_, _ = w.WriteString(" open")
		}
		_, _ = w.WriteString(">\n")
	} else {
		_, _ = w.WriteString(`<div class="` + class + `" role="note">` + "\n")
	}
	// A folded callout always has a summary: it is what a reader clicks.
	if _, titled := c.FirstChild().(*calloutTitle); !titled && (!c.Untitled || c.Folded) {
		open, end := titleTags(c)
		_, _ = w.WriteString(open)
		_, _ = w.Write(util.EscapeHTML([]byte(r.title(c.Name))))
		_, _ = w.WriteString(end)
	}
	return ast.WalkContinue, nil
}

func (r calloutRenderer) renderTitle(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	open, end := titleTags(node.Parent().(*calloutNode))
	if entering {
		_, _ = w.WriteString(open)
	} else {
		_, _ = w.WriteString(end)
	}
	return ast.WalkContinue, nil
}

// titleTags are the tags around a callout's title.
func titleTags(c *calloutNode) (open, end string) {
	if c.Folded {
		return `<summary class="callout-title">`, "</summary>\n"
	}
	return `<p class="callout-title">`, "</p>\n"
}

// title is the default title of a callout type: the site's word for a
// known kind, else the type name with a capital, as MkDocs does.
func (r calloutRenderer) title(typ string) string {
	if t, ok := r.titles[typ]; ok {
		return t
	}
	first, n := utf8.DecodeRuneInString(typ)
	return string(unicode.ToUpper(first)) + typ[n:]
}
