// Package summary reads a book's table of contents, SUMMARY.md, in the format
// mdBook and GitBook share:
//
//	# Summary                          the first heading is the file's own title
//
//	[Introduction](README.md)          a link outside any list: a chapter at the top
//
//	# Part one                         any later heading starts a part
//
//	- [Getting started](start.md)      list items are chapters, in reading order;
//	    - [Install](start/install.md)  indented items are the chapters inside one
//	- [Not written yet]()              an empty link is a draft chapter (no page)
//	- Appendix                         text without a link groups what is nested in it
//
//	---                                separators are allowed and mean nothing here
//
// Parse keeps every link as written, with its line and column (in characters),
// so the caller resolves and checks it like any other link of the site. It
// reads any bytes without failing: what it does not understand is a
// diagnostic, and the rest of the file still counts.
package summary

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhinan/generator/diag"
)

// Name is the file name of a table of contents.
const Name = "SUMMARY.md"

// Summary is a parsed SUMMARY.md, or another tool's navigation read into
// the same shape (a docsify _sidebar.md is one; see zhinan/generator/mkdocs
// for mkdocs.yml's nav:).
type Summary struct {
	File  string  // as given to Parse, for diagnostics
	Base  string  // the folder relative links start from (SUMMARY.md's own; docs_dir for mkdocs.yml)
	Items []*Item // the top-level chapters, in order
}

// Item is one chapter of the table of contents.
type Item struct {
	Title    string  // the link text, as written (Markdown markup and all)
	Dest     string  // the link destination as written; "" for a draft or a plain-text entry
	Line     int     // where Dest starts (or the entry, when there is no Dest), 1-based
	Col      int     // in characters, 1-based
	Part     string  // the part heading just above this item, when it is the first one after it
	Children []*Item // nested chapters
}

// Walk calls f for every item, depth first, in reading order.
func (s *Summary) Walk(f func(it *Item, parent *Item)) {
	var walk func(items []*Item, parent *Item)
	walk = func(items []*Item, parent *Item) {
		for _, it := range items {
			f(it, parent)
			walk(it.Children, it)
		}
	}
	walk(s.Items, nil)
}

// level is one open list item and the indentation of its marker.
type level struct {
	indent int
	item   *Item
}

// Parse reads the bytes of a SUMMARY.md; file names it in diagnostics.
func Parse(file string, src []byte) (*Summary, diag.List) {
	s := &Summary{File: file, Base: path.Dir(file)}
	var diags diag.List
	var stack []level
	part := ""
	seenTitle, seenItem := false, false
	fence := ""
	for n, line := range strings.Split(string(src), "\n") {
		lineNo := n + 1
		line = strings.TrimRight(line, "\r")
		if !utf8.ValidString(line) {
			diags.Add(file, lineNo, 1, "line is not valid UTF-8 text")
			continue
		}
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		switch {
		case trimmed == "", strings.HasPrefix(trimmed, "<!--"), isSeparator(trimmed):
			continue
		case strings.HasPrefix(trimmed, "```"), strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
			continue
		case strings.HasPrefix(trimmed, "#"):
			title := strings.TrimSpace(strings.Trim(trimmed, "#"))
			if !seenTitle && !seenItem {
				seenTitle = true // "# Summary" or "# 目录": the file's own title
				continue
			}
			part, stack = title, nil
			continue
		}
		indent, marker, rest, restAt := listItem(line)
		if marker == 0 && !strings.HasPrefix(trimmed, "[") {
			// A paragraph between entries (GitBook allows prose); it
			// neither adds nor breaks a chapter, but say so, as it is
			// often a list item with a missing marker.
			diags.Warn(file, lineNo, runeCol(line, len(line)-len(strings.TrimLeft(line, " \t"))), "line is not a chapter: want \"- [title](file.md)\"")
			continue
		}
		if marker == 0 {
			indent = -1 // a prefix or suffix chapter: top level
			rest, restAt = trimmedAt(line, 0)
			stack = nil
		}
		it, problem := entry(rest)
		it.Line = lineNo
		it.Col = runeCol(line, restAt+it.Col)
		if problem != "" {
			diags.Add(file, lineNo, it.Col, "%s", problem)
		}
		seenItem = true
		it.Part, part = part, ""
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			s.Items = append(s.Items, it)
		} else {
			parent := stack[len(stack)-1].item
			parent.Children = append(parent.Children, it)
		}
		if indent >= 0 {
			stack = append(stack, level{indent, it})
		}
	}
	return s, diags
}

// isSeparator reports a thematic break: three or more of one of - * _, spaces allowed.
func isSeparator(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) < 3 {
		return false
	}
	c := s[0]
	return (c == '-' || c == '*' || c == '_') && strings.Count(s, string(c)) == len(s)
}

// listItem splits a list item line into its marker's indentation (tabs count
// as four columns), the marker, and the text after it, spaces trimmed; at is
// the byte offset of that text in line. marker is 0 when the line is not a
// list item.
func listItem(line string) (indent int, marker byte, rest string, at int) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		if line[i] == '\t' {
			indent += 4 - indent%4
		} else {
			indent++
		}
		i++
	}
	j := i
	switch {
	case j < len(line) && (line[j] == '-' || line[j] == '*' || line[j] == '+'):
		j++
	default:
		for j < len(line) && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j == i || j-i > 9 || j >= len(line) || (line[j] != '.' && line[j] != ')') {
			return 0, 0, "", 0
		}
		j++
	}
	if j < len(line) && line[j] != ' ' && line[j] != '\t' {
		return 0, 0, "", 0 // "-foo" or "**bold**" is not a list item
	}
	rest, at = trimmedAt(line, j)
	return indent, line[i], rest, at
}

// trimmedAt is line[from:] with spaces trimmed (Unicode spaces included, as
// strings.TrimSpace does) and the byte offset in line where it starts.
func trimmedAt(line string, from int) (string, int) {
	s := strings.TrimLeftFunc(line[from:], unicode.IsSpace)
	return strings.TrimRightFunc(s, unicode.IsSpace), len(line) - len(s)
}

// entry reads "[title](dest)", "[title]()" or plain text. Col in the returned
// item is the byte offset of dest within s (of s itself when there is none).
// problem is non-empty when the text looks like a link but is not one.
func entry(s string) (it *Item, problem string) {
	it = &Item{}
	if !strings.HasPrefix(s, "[") {
		it.Title = strings.TrimSpace(s)
		return it, ""
	}
	end := closeBracket(s)
	if end < 0 {
		it.Title = strings.TrimSpace(s)
		return it, "unclosed \"[\" in chapter link"
	}
	it.Title = strings.TrimSpace(s[1:end])
	after := s[end+1:]
	if !strings.HasPrefix(after, "(") {
		return it, "" // "[text]" alone or a reference link: a plain-text entry
	}
	destAt := end + 2
	dest, ok := linkDest(s[destAt:])
	if !ok {
		it.Col = destAt
		return it, "unclosed \"(\" in chapter link"
	}
	lead := len(s[destAt:]) - len(strings.TrimLeft(s[destAt:], " "))
	it.Col = destAt + lead
	it.Dest = dest
	if strings.HasPrefix(s[destAt+lead:], "<") {
		it.Col++ // point at the path, not at the angle bracket
	}
	return it, ""
}

// closeBracket finds the "]" that closes s[0] == '[', counting nested pairs
// and skipping backslash escapes and code spans; -1 when there is none.
func closeBracket(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '`':
			if j := strings.IndexByte(s[i+1:], '`'); j >= 0 {
				i += j + 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// linkDest reads a destination and optional title up to the closing ")":
// "file.md)", "<my file.md>)", "file.md \"title\")", "a_(b).md)".
func linkDest(s string) (string, bool) {
	s = strings.TrimLeft(s, " ")
	if strings.HasPrefix(s, "<") {
		end := strings.IndexByte(s, '>')
		if end < 0 || !strings.Contains(s[end:], ")") {
			return "", false
		}
		return s[1:end], true
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == ')' || c == ' ':
			if c == ' ' && !strings.Contains(s[i:], ")") {
				return "", false
			}
			return s[:i], true
		}
	}
	return "", false
}

// runeCol is the 1-based column in characters of byte offset off in line.
func runeCol(line string, off int) int {
	if off > len(line) {
		off = len(line)
	}
	if off < 0 {
		off = 0
	}
	return utf8.RuneCountInString(line[:off]) + 1
}
