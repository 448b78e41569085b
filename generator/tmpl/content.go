package tmpl

import (
	"slices"
	"text/template/parse"
)

// OwnContentOnly reports whether the theme reads a page's HTML only where
// that page is made: as .Page.Content (or $.Page.Content) in any layout
// but "alias", whose page is the one it redirects to. Then a one-shot build
// may let each page's HTML go once the page is written, since no other
// page can want it. Any other path to the HTML (.Content in a range over
// pages, a variable holding a page, .Doc, .HTML) makes it false.
func (s *Set) OwnContentOnly() bool {
	for name, layout := range s.layouts {
		for _, t := range layout.Templates() {
			if t.Tree != nil && !ownContentOnly(t.Tree.Root, name != "alias") {
				return false
			}
		}
	}
	return true
}

// htmlFields are the names through which a template can reach a page's HTML.
var htmlFields = []string{"Content", "Doc", "HTML"}

// ownContentOnly walks a parse tree: see OwnContentOnly. ownOK says whether
// .Page.Content is the page's own.
func ownContentOnly(n parse.Node, ownOK bool) bool {
	reaches := func(idents []string) bool {
		return slices.ContainsFunc(idents, func(s string) bool { return slices.Contains(htmlFields, s) })
	}
	switch n := n.(type) {
	case nil:
		return true
	case *parse.ListNode:
		if n == nil {
			return true
		}
		return everyOwn(n.Nodes, ownOK)
	case *parse.ActionNode:
		return ownContentOnly(n.Pipe, ownOK)
	case *parse.PipeNode:
		if n == nil {
			return true
		}
		return everyOwn(n.Cmds, ownOK)
	case *parse.CommandNode:
		return everyOwn(n.Args, ownOK)
	case *parse.IfNode:
		return ownContentOnly(n.Pipe, ownOK) && ownContentOnly(n.List, ownOK) && ownContentOnly(n.ElseList, ownOK)
	case *parse.RangeNode:
		return ownContentOnly(n.Pipe, ownOK) && ownContentOnly(n.List, ownOK) && ownContentOnly(n.ElseList, ownOK)
	case *parse.WithNode:
		return ownContentOnly(n.Pipe, ownOK) && ownContentOnly(n.List, ownOK) && ownContentOnly(n.ElseList, ownOK)
	case *parse.TemplateNode:
		return ownContentOnly(n.Pipe, ownOK)
	case *parse.FieldNode:
		return !reaches(n.Ident) || ownOK && slices.Equal(n.Ident, []string{"Page", "Content"})
	case *parse.VariableNode:
		return !reaches(n.Ident) || ownOK && slices.Equal(n.Ident, []string{"$", "Page", "Content"})
	case *parse.ChainNode:
		return !reaches(n.Field) && ownContentOnly(n.Node, ownOK)
	default: // text, strings, numbers, identifiers (functions), dot, nil, break, continue
		return true
	}
}

// everyOwn reports whether ownContentOnly holds for every node of ns.
func everyOwn[N parse.Node](ns []N, ownOK bool) bool {
	return !slices.ContainsFunc(ns, func(c N) bool { return !ownContentOnly(c, ownOK) })
}
