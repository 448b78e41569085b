package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// alerts turns GitHub-style alerts into callouts (callout.go). A blockquote
// whose first line is exactly [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or
// [!CAUTION] (any case) becomes a callout of that kind holding the rest of
// the blockquote. Any other [!FOO] stays a blockquote, as on GitHub.
type alerts struct{}

// alertKinds are the alert kinds GitHub knows.
var alertKinds = map[string]bool{"note": true, "tip": true, "important": true, "warning": true, "caution": true}

func (alerts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alertTransformer{}, 300)))
}

type alertTransformer struct{}

func (alertTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		if kind := alertKind(q, reader.Source()); kind != "" {
			toAlert(q, kind)
		}
	}
}

// alertKind returns the alert type of a blockquote, "" if it is not one.
func alertKind(q *ast.Blockquote, src []byte) string {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return ""
	}
	first := p.Lines().At(0)
	line := bytes.TrimSpace(first.Value(src))
	if len(line) < 4 || !bytes.HasPrefix(line, []byte("[!")) || line[len(line)-1] != ']' {
		return ""
	}
	kind := string(bytes.ToLower(line[2 : len(line)-1]))
	if !alertKinds[kind] {
		return ""
	}
	return kind
}

// toAlert replaces q by a callout holding q's blocks, minus the marker line.
func toAlert(q *ast.Blockquote, kind string) {
	p := q.FirstChild().(*ast.Paragraph)
	end := p.Lines().At(0).Stop
	for c := p.FirstChild(); c != nil; {
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= end {
			break
		}
		next := c.NextSibling()
		p.RemoveChild(p, c)
		c = next
	}
	if p.ChildCount() == 0 {
		q.RemoveChild(q, p)
	} else {
		lines := p.Lines()
		rest := text.NewSegments()
		for i := 1; i < lines.Len(); i++ {
			rest.Append(lines.At(i))
		}
		p.SetLines(rest)
	}
	a := newCallout(kind)
	a.SetPos(q.Pos())
	for c := q.FirstChild(); c != nil; {
		next := c.NextSibling()
		a.AppendChild(a, c) // AppendChild detaches c from q
		c = next
	}
	q.Parent().ReplaceChild(q.Parent(), q, a)
}
