package markdown

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"zhinan/generator/diag"
)

// Resolver maps a link destination written in a page to where it points. The
// site package implements it.
//
// from is the slash path of the page relative to content/ (e.g.
// "platforms/ios.md"); dest is the destination as written (e.g.
// "../data/backup.md#电脑端备份", "#步骤", "img/a.png", "/x/", "%E7%BE%A4.md";
// backslash escapes and entities already decoded by the Markdown parser). It is
// only called for destinations that are not external (no URL scheme such as
// http:, https:, mailto:, tel:, and not starting with "//") and not empty.
type Resolver interface {
	// Resolve returns where dest points, or an error whose text is the reason,
	// e.g. `no page "x.md"`; it becomes a diagnostic.
	Resolve(from, dest string) (Ref, error)
}

// Ref is a resolved link.
type Ref struct {
	Href     string // what to write into href/src
	Page     string // source path (relative to content/) of the target page when the link points at a page, else ""
	Fragment string // decoded fragment ("电脑端备份"), "" if none; checked later against the target's heading IDs
	// Untranslated, in a multilingual site, is set when the link leads
	// to the default language's page because the page has no translation
	// in the linking page's language: it is the link's title, and the link
	// gets the class UntranslatedClass. Page is then "".
	Untranslated string
}

// Options configure a Renderer.
type Options struct {
	UnsafeHTML bool // when false (default), raw HTML is sanitised by an allowlist, as GitHub does
	Words      Words
}

// Doc is one rendered page.
type Doc struct {
	// HTML is the body. If the document's first block is a level-1 heading,
	// that heading is not in HTML (the template shows the title). It is a
	// string so that the page (site.Page.Content) shares it, not a copy.
	HTML string
	// Title is the plain text of the first level-1 heading anywhere in the
	// document, "" if there is none.
	Title string
	// Headings lists every heading h1-h6 in document order, including a
	// removed leading h1.
	Headings []Heading
	// TOC is the h2 and h3 of Headings, the page's table of contents (nil
	// when there are none): worked out once here, not at every build of
	// the site graph.
	TOC []Heading
	// Anchors lists the other places links may point at: the names (or
	// ids) of <a> elements in raw HTML, in document order.
	Anchors []string
	// Links lists every resolved internal link and image in document order.
	Links []Link
	// Parts is the plain text for search, split at headings. The first Part
	// (always present) has an empty Anchor and Heading and holds the text
	// before the first heading other than a removed leading h1.
	Parts []Part
	// Diags holds broken links and other problems, positioned in the file.
	Diags diag.List
	// TitleID is the ID of the leading level-1 heading left out of HTML
	// ("" if there was none), so a template can put it on its <h1>.
	TitleID string
	// HasCode reports highlighted code in HTML (the page needs chroma.css).
	HasCode bool
	// HasTabs reports tab sets in HTML (the theme's early script for them).
	HasTabs bool
	// HasDiagram reports a Mermaid diagram (the page needs Mermaid's
	// script), found in the Markdown, not in the HTML.
	HasDiagram bool
}

// Heading is one heading of a page.
type Heading struct {
	Level int
	ID    string
	Text  string // plain text
	Line  int    // 1-based line in the file
}

// Link is one internal link or image of a page.
type Link struct {
	Dest string // destination as written
	Line int    // 1-based line of the link's '[' (or the image's '!')
	Col  int    // 1-based column in characters (runes), as rustc counts
	Ref  Ref
}

// Part is a stretch of plain text for search, from one heading to the next.
type Part struct {
	Anchor  string // heading ID, "" for the part before the first heading
	Heading string // heading text
	Text    string // words as plain text, whitespace collapsed
}

// Renderer converts Markdown pages to HTML. It is safe for concurrent use by
// many goroutines.
type Renderer struct {
	opts Options
	md   goldmark.Markdown
}

// New returns a Renderer configured by opts.
func New(opts Options) *Renderer {
	opts.Words = opts.Words.withDefaults()
	md := goldmark.New(
		goldmark.WithParserOptions(parser.WithAttribute()),
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.DefinitionList,
			// CJK for "\ " (an escaped space that is not written); its
			// line-break rule is replaced by softBreaks.
			extension.NewCJK(extension.WithEscapedSpace()),
			softBreaks{},
			cjkEmphasis{},
			mathExt{},
			headingIDs{opts.Words.Anchor},
			links{},
			callouts{opts.Words.Callouts},
			alerts{},
			containers{},
			admonitions{},
			tabs{},
			codeGroups{},
			highlighting{},
			diagrams{},
			rawHTML{unsafe: opts.UnsafeHTML},
			tableWrap{},
			taskLabels{},
		),
	)
	return &Renderer{opts: opts, md: md}
}

// stateKey finds the per-render state in the parser context.
var stateKey = parser.NewContextKey()

// state is what one Render shares with the AST transformers.
type state struct {
	file, from string
	res        Resolver
	lines      lineIndex
	links      []Link
	anchors    []string
	diags      diag.List
	ids        *idSet // every ID the page's HTML gives an element: headings first, then tab panels
	tabs       bool   // a tab or code group was parsed: only then do their transformers walk the page
	diagram    bool   // a Mermaid diagram was found (mermaid.go)
	tabSets    int    // tab sets in the page, counted by tabTransformer
}

func stateOf(pc parser.Context) *state {
	st, _ := pc.Get(stateKey).(*state)
	return st
}

// Render converts one page. file is the path used in diagnostics (e.g.
// "content/platforms/ios.md"); from is the path given to the resolver; src is
// the Markdown, front matter blanked out without moving line numbers. res may
// be nil: then every non-external link is left as written and not recorded.
//
// Invalid UTF-8 is a diagnostic; each bad byte is read as '?' (goldmark can
// panic on it). A panic inside goldmark becomes a diagnostic too.
func (r *Renderer) Render(file, from string, src []byte, res Resolver) (d *Doc) {
	lines := newLineIndex(src)
	var bad diag.List
	if off := invalidUTF8(src); off >= 0 {
		line, col := lines.pos(off)
		bad.Add(file, line, col, "invalid UTF-8")
		src = sanitizeUTF8(src)
	}
	defer func() {
		if p := recover(); p != nil {
			d = &Doc{Parts: []Part{{}}}
			d.Diags.Add(file, 0, 0, "internal error rendering markdown: %v", p)
		}
		d.Diags = append(bad, d.Diags...)
	}()
	return r.render(&state{file: file, from: from, res: res, lines: lines, ids: newIDSet()}, src)
}

func (r *Renderer) render(st *state, src []byte) *Doc {
	pc := parser.NewContext()
	pc.Set(stateKey, st)
	root := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	// Raw HTML links are resolved after Markdown ones: put them in place.
	sort.SliceStable(st.links, func(i, j int) bool {
		a, b := st.links[i], st.links[j]
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	d := &Doc{Links: st.links, Anchors: st.anchors, Diags: st.diags, HasDiagram: st.diagram}
	d.Headings = collectHeadings(root, src, st.lines)
	for _, h := range d.Headings {
		if h.Level == 1 && d.Title == "" {
			d.Title = h.Text
		}
		if h.Level == 2 || h.Level == 3 {
			d.TOC = append(d.TOC, h)
		}
	}
	if h, ok := root.FirstChild().(*ast.Heading); ok && h.Level == 1 {
		d.TitleID = headingID(h)
		root.RemoveChild(root, h)
	}
	d.Parts = collectParts(root, src)

	// The cache keeps every page's HTML for the next build: size the buffer
	// for the usual HTML/Markdown ratio so it is rarely copied while growing,
	// and copy it once if much of it went unused.
	var buf strings.Builder
	buf.Grow(len(src) + len(src)/2 + 512)
	if err := r.md.Renderer().Render(&buf, src, root); err != nil {
		d.Diags.Add(st.file, 0, 0, "render: %v", err)
	}
	d.HTML = buf.String()
	if buf.Cap()-buf.Len() > buf.Len()/4 {
		d.HTML = strings.Clone(d.HTML)
	}
	d.HasCode = strings.Contains(d.HTML, `<pre class="chroma">`)
	d.HasTabs = st.tabSets > 0
	return d
}

func collectHeadings(root ast.Node, src []byte, lines lineIndex) []Heading {
	var hs []Heading
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		line, _ := lines.pos(blockStart(h))
		hs = append(hs, Heading{Level: h.Level, ID: headingID(h), Text: plainText(h, src), Line: line})
		return ast.WalkSkipChildren, nil
	})
	return hs
}

// blockStart is the byte offset where a block node starts, -1 if unknown.
func blockStart(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return -1
}

// invalidUTF8 returns the offset of the first byte of src that is not valid
// UTF-8, or -1.
func invalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// sanitizeUTF8 returns a copy of src with each invalid byte replaced by '?',
// so offsets, and thus lines and columns, do not move.
func sanitizeUTF8(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(out, '?')
		} else {
			out = append(out, src[i:i+size]...)
		}
		i += size
	}
	return out
}

// lineIndex maps byte offsets in a source to 1-based lines and columns.
type lineIndex struct {
	src    []byte
	starts []int // byte offset of the start of each line
}

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{src: src, starts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			idx.starts = append(idx.starts, i+1)
		}
	}
	return idx
}

// pos returns the 1-based line and column of offset, or 0, 0 if the offset
// is negative. Columns count characters (runes), as rustc does, so an editor
// lands on the right character in Chinese text; an invalid byte counts as one.
func (idx lineIndex) pos(offset int) (line, col int) {
	if offset < 0 {
		return 0, 0
	}
	i := sort.Search(len(idx.starts), func(i int) bool { return idx.starts[i] > offset }) - 1
	start := idx.starts[i]
	return i + 1, utf8.RuneCount(idx.src[start:min(offset, len(idx.src))]) + 1
}
