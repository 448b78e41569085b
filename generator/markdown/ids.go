package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingIDs gives every heading a GitHub-style ID that keeps Chinese, and
// renders headings h2-h6 with an anchor link after their text.
//
// goldmark's own generator (parser.WithAutoHeadingID) drops non-ASCII and
// works on the raw source line, markup included, so it is not used: IDs are
// made here from the plain text of the heading, after parsing.
//
// The anchor's aria-label is the site's words (Options.Words.Anchor) and
// the heading's text.
type headingIDs struct{ anchor string }

func (e headingIDs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(idTransformer{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(headingRenderer{e.anchor}, 100)))
}

// slug turns heading text into an ID the way GitHub does: lower-case, keep
// letters (Han included), marks, digits, '-' and '_', turn each space into
// '-', drop everything else (ASCII and full-width punctuation, symbols,
// emoji). It may return "".
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == '-' || r == '_':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || unicode.Is(unicode.Nl, r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// idSet hands out unique IDs within one document.
type idSet struct {
	used map[string]bool
	next map[string]int // last suffix tried for a base
}

func newIDSet() *idSet { return &idSet{used: map[string]bool{}, next: map[string]int{}} }

// unique returns base if unused, else base-1, base-2, ... ("section" if base
// is empty), and marks the result used.
func (s *idSet) unique(base string) string {
	if base == "" {
		base = "section"
	}
	id := base
	for s.used[id] {
		s.next[base]++
		id = base + "-" + strconv.Itoa(s.next[base])
	}
	s.used[id] = true
	return id
}

// customID returns the ID given with {#id}, "" if none.
func customID(h *ast.Heading) string {
	v, ok := h.AttributeString("id")
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}

// headingID returns the ID set by idTransformer.
func headingID(h *ast.Heading) string { return customID(h) }

type idTransformer struct{}

// Transform sets the id attribute of every heading. Custom IDs are reserved
// first, so an automatic ID never takes one written later in the page; a
// custom ID used twice is a diagnostic and the second gets a suffix.
func (idTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var hs []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			hs = append(hs, h)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	ids := newIDSet()
	if st := stateOf(pc); st != nil {
		ids = st.ids // shared with the other IDs of the page (tab panels)
	}
	custom := map[string]bool{}
	for _, h := range hs {
		if id := customID(h); id != "" {
			custom[id] = true
		}
	}
	for id := range custom {
		ids.used[id] = true
	}
	seen := map[string]bool{}
	for _, h := range hs {
		id := customID(h)
		switch {
		case id == "":
			id = ids.unique(slug(plainText(h, src)))
		case seen[id]:
			if st := stateOf(pc); st != nil {
				line, col := st.lines.pos(blockStart(h))
				st.diags.Add(st.file, line, col, "duplicate heading id %q", id)
			}
			id = ids.unique(id)
		}
		seen[id] = true
		h.SetAttributeString("id", []byte(id))
	}
}

type headingRenderer struct{ anchor string }

func (r headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.renderHeading)
}

// renderHeading writes <hN id="...">text</hN>, with an anchor link after the
// text of h2-h6:
//
//	<h2 id="群主权限">群主权限<a class="anchor" href="#群主权限" aria-label="链接到本节：群主权限">#</a></h2>
func (r headingRenderer) renderHeading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	h := node.(*ast.Heading)
	tag := "h" + strconv.Itoa(h.Level)
	if entering {
		_, _ = w.WriteString("<" + tag)
		if h.Attributes() != nil {
			html.RenderAttributes(w, h, html.HeadingAttributeFilter)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if id := headingID(h); id != "" && h.Level > 1 {
		_, _ = w.WriteString(`<a class="anchor" href="#`)
		_, _ = w.Write(util.EscapeHTML([]byte(id)))
		_, _ = w.WriteString(`" aria-label="`)
		_, _ = w.Write(util.EscapeHTML([]byte(r.anchor)))
		_, _ = w.Write(util.EscapeHTML([]byte(plainText(h, src))))
		_, _ = w.WriteString(`">#</a>`)
	}
	_, _ = w.WriteString("</" + tag + ">\n")
	return ast.WalkContinue, nil
}
