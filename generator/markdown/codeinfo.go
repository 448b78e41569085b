package markdown

import (
	"slices"
	"strconv"
	"strings"
)

// fenceInfo is what the info string of a fenced code block asks for, in the
// dialects of VitePress (and VuePress, Docusaurus) and of MkDocs
// (pymdownx.highlight and superfences):
//
//	js{2,4-5}  js [a.js]  js [a.js]{1}  js{1} [a.js]  ts:line-numbers=5 {1}
//	py title="a.py" hl_lines="2 3" linenums="1"  { .py title="a.py" }
//	jsx title="a.jsx" {1,4-6} showLineNumbers
type fenceInfo struct {
	lang    string   // the language, "" if none: js of "js{2}", py of "{ .py }"
	title   string   // the file name or caption shown above the block
	lines   [][2]int // highlighted lines, 1-based within the block, sorted, merged
	numbers bool     // line numbers asked for
	start   int      // the number of the first line when numbers is set
}

// decorated reports options that change how the lines are written.
func (fi fenceInfo) decorated() bool { return fi.numbers || len(fi.lines) > 0 }

// key is the part of a highlight memo key that the options make: "" for a
// block without them.
func (fi fenceInfo) key() string {
	if !fi.decorated() {
		return ""
	}
	var b strings.Builder
	if fi.numbers {
		b.WriteString("n" + strconv.Itoa(fi.start))
	}
	for _, r := range fi.lines {
		b.WriteString("," + strconv.Itoa(r[0]) + "-" + strconv.Itoa(r[1]))
	}
	return b.String()
}

// Limits on what an info string may ask for: it is free text, and a block
// with 10,000 highlighted ranges or line 1e18 helps no one.
const (
	maxLineNumber = 1_000_000
	maxRanges     = 100
)

// parseFenceInfo reads an info string, backslash escapes already decoded.
// The first word is the language, up to a space or one of "{[:", except in
// MkDocs's attribute form, "{ .py title="a.py" }", where it is the first
// .class. After it come, in any order, {line ranges}, [title],
// :line-numbers[=N], :no-line-numbers and key="value" attributes (title,
// hl_lines, linenums, showLineNumbers). Anything else is ignored, as
// CommonMark ignores all but the first word.
func parseFenceInfo(info string) fenceInfo {
	fi := fenceInfo{start: 1}
	s := strings.TrimSpace(info)
	end := strings.IndexAny(s, " \t{[:")
	if end < 0 {
		end = len(s)
	}
	fi.lang, s = s[:end], s[end:]
	for s = strings.TrimLeft(s, " \t"); s != ""; s = strings.TrimLeft(s, " \t") {
		switch {
		case s[0] == '{':
			end := strings.IndexByte(s, '}')
			if end < 0 {
				return fi.done()
			}
			inner := s[1:end]
			if looksLikeRanges(inner) {
				fi.addRanges(inner)
			} else {
				fi.attributes(inner)
			}
			s = s[end+1:]
		case s[0] == '[':
			end := strings.LastIndexByte(s, ']')
			if end < 0 {
				return fi.done()
			}
			fi.title, s = strings.TrimSpace(s[1:end]), s[end+1:]
		case strings.HasPrefix(s, ":no-line-numbers"):
			fi.numbers, s = false, s[len(":no-line-numbers"):]
		case strings.HasPrefix(s, ":line-numbers"):
			fi.numbers, s = true, s[len(":line-numbers"):]
			if strings.HasPrefix(s, "=") {
				n := 1
				for n < len(s) && '0' <= s[n] && s[n] <= '9' {
					n++
				}
				fi.start, s = lineNumber(s[1:n], 1), s[n:]
			}
		default:
			s = fi.attribute(s)
		}
	}
	return fi.done()
}

// attributes reads a list of attributes: .class (the first is the language
// when there is none yet), #id (ignored) and key="value".
func (fi *fenceInfo) attributes(s string) {
	for s = strings.TrimLeft(s, " \t"); s != ""; s = strings.TrimLeft(s, " \t") {
		if s[0] == '.' {
			end := strings.IndexAny(s, " \t")
			if end < 0 {
				end = len(s)
			}
			if fi.lang == "" {
				fi.lang = s[1:end]
			}
			s = s[end:]
			continue
		}
		s = fi.attribute(s)
	}
}

// attribute reads one word or key=value pair at the start of s, applies it
// and returns the rest of s. Values may be quoted with " or '.
func (fi *fenceInfo) attribute(s string) string {
	end := strings.IndexAny(s, " \t=")
	if end < 0 || s[end] != '=' {
		if end < 0 {
			end = len(s)
		}
		if s[:end] == "showLineNumbers" { // Docusaurus
			fi.numbers = true
		}
		return s[end:]
	}
	key, s := s[:end], s[end+1:]
	var value string
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		close := strings.IndexByte(s[1:], s[0])
		if close < 0 {
			value, s = s[1:], ""
		} else {
			value, s = s[1:close+1], s[close+2:]
		}
	} else {
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			end = len(s)
		}
		value, s = s[:end], s[end:]
	}
	switch key {
	case "title":
		fi.title = strings.TrimSpace(value)
	case "hl_lines":
		fi.addRanges(value)
	case "linenums", "showLineNumbers":
		// pymdownx takes "start step special"; only the start is kept.
		first, _, _ := strings.Cut(strings.TrimSpace(value), " ")
		fi.numbers, fi.start = true, lineNumber(first, 1)
	}
	return s
}

// looksLikeRanges reports a list of line ranges, "2,4-5" or "2 3".
func looksLikeRanges(s string) bool {
	digits := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			digits = true
		case c != ',' && c != '-' && c != ' ':
			return false
		}
	}
	return digits
}

// addRanges adds line ranges written as "2,4-5" or "2 3" or "1-3 5";
// malformed parts are skipped.
func (fi *fenceInfo) addRanges(s string) {
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		if len(fi.lines) >= maxRanges {
			return
		}
		a, b, isRange := strings.Cut(part, "-")
		from := lineNumber(a, 0)
		to := from
		if isRange {
			to = lineNumber(b, 0)
		}
		if from >= 1 && to >= from {
			fi.lines = append(fi.lines, [2]int{from, to})
		}
	}
}

// done sorts and merges the highlighted ranges, as chroma needs them.
func (fi fenceInfo) done() fenceInfo {
	if len(fi.lines) < 2 {
		return fi
	}
	slices.SortFunc(fi.lines, func(a, b [2]int) int { return a[0] - b[0] })
	merged := fi.lines[:1]
	for _, r := range fi.lines[1:] {
		if last := &merged[len(merged)-1]; r[0] <= last[1]+1 {
			last[1] = max(last[1], r[1])
		} else {
			merged = append(merged, r)
		}
	}
	fi.lines = merged
	return fi
}

// lineNumber parses a line number, def when s is not one.
func lineNumber(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > maxLineNumber {
		return def
	}
	return n
}
