package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// links resolves internal links and images through the Resolver of the
// current Render, records them with their positions, reports broken ones,
// and marks external links rel="noopener" and internal images
// loading="lazy". Links inside code spans and code blocks are not links in
// the AST, so they are never seen here.
type links struct{}

func (links) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 200)))
}

type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st := stateOf(pc)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if isExternal(string(n.Destination)) {
				n.SetAttributeString("rel", []byte("noopener"))
			} else {
				n.Destination = st.resolve(n, n.Destination)
			}
		case *ast.Image:
			if !isExternal(string(n.Destination)) {
				n.SetAttributeString("loading", []byte("lazy"))
				n.Destination = st.resolve(n, n.Destination)
			}
		case *ast.AutoLink:
			n.SetAttributeString("rel", []byte("noopener"))
		}
		return ast.WalkContinue, nil
	})
}

// BrokenClass is the class of a link or image whose target is missing. The
// link keeps the destination as written, and its title says what is wrong,
// so a reader of a site built with broken links as warnings (and of the
// preview) sees them; the theme styles the class.
const BrokenClass = "broken-link"

// resolve asks the resolver where dest points and records the link, or
// reports it broken. It returns the destination to write: the resolved Href,
// or dest unchanged when there is no resolver or the link is broken.
func (st *state) resolve(n ast.Node, dest []byte) []byte {
	out, ref, err := st.resolveAt(n.Pos(), dest)
	if err != nil {
		n.SetAttributeString("class", []byte(BrokenClass))
		n.SetAttributeString("title", []byte("broken link: "+err.Error()))
	} else if ref.Untranslated != "" {
		n.SetAttributeString("class", []byte(UntranslatedClass))
		n.SetAttributeString("title", []byte(ref.Untranslated))
	}
	return out
}

// UntranslatedClass is the class of a link, in a multilingual site, to a
// page that has no translation in the linking page's language: it leads
// to the default language's page (see Ref.Untranslated).
const UntranslatedClass = "untranslated-link"

// resolveAt is resolve for a link that starts at byte offset pos of the
// source; it returns why the link is broken, if it is. (Raw HTML links are
// not marked: the sanitiser drops classes.)
func (st *state) resolveAt(pos int, dest []byte) ([]byte, Ref, error) {
	if st == nil || st.res == nil || len(dest) == 0 {
		return dest, Ref{}, nil
	}
	line, col := st.lines.pos(pos)
	ref, err := st.res.Resolve(st.from, string(dest))
	if err != nil {
		st.diags.AddLink(st.file, line, col, "broken link %q: %v", dest, err)
		return dest, Ref{}, err
	}
	st.links = append(st.links, Link{Dest: string(dest), Line: line, Col: col, Ref: ref})
	return []byte(ref.Href), ref, nil
}

// isExternal reports whether dest leaves the site: it has a URL scheme
// (RFC 3986: a letter, then letters, digits, '+', '-' or '.', then ':'
// before any '/', '?' or '#') or starts with "//".
func isExternal(dest string) bool {
	if len(dest) >= 2 && dest[0] == '/' && dest[1] == '/' {
		return true
	}
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case c == ':':
			return i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}
