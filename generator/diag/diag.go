// Package diag holds positioned diagnostics: what went wrong, in which file, at
// which line and column. A build collects every diagnostic it meets in a List,
// sorts it and reports it whole, so an editor sees all problems at once
// (in the manner of go/scanner.ErrorList).
//
// A diagnostic prints as "file:line:col: message". The message is lower case and
// quotes its subject: `content/x.md:12:5: broken link "y.md#z": no heading "z" in content/y.md`.
// Line and column are 1-based; 0 means unknown and is left out of the text.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Diag is one problem at one place.
type Diag struct {
	File string // slash path relative to the site root, e.g. "content/x.md"
	Line int    // 1-based; 0 if unknown
	Col  int    // 1-based; 0 if unknown
	Msg  string
}

func (d Diag) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// List is a set of diagnostics. Its zero value is ready to use. It is not safe
// for concurrent use; give each goroutine its own List and Merge them.
type List []Diag

// Add appends a diagnostic with a formatted message.
func (l *List) Add(file string, line, col int, format string, args ...any) {
	*l = append(*l, Diag{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// Merge appends all of other.
func (l *List) Merge(other List) { *l = append(*l, other...) }

// Sort orders by file, line, column, then message, and drops exact duplicates.
func (l *List) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && d == s[i-1] {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// Error prints every diagnostic, one per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns the sorted list as an error, or nil if it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	c := append(List(nil), l...)
	c.Sort()
	return c
}

// Error makes one diagnostic an error.
func (d *Diag) Error() string { return d.String() }
