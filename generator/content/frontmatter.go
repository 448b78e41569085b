package content

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"zhinan/generator/diag"
	"zhinan/generator/yamlpos"
)

// Meta is a page's front matter.
type Meta struct {
	Title       string
	Description string
	Weight      int
	Tags        []string
	Platforms   []string
	Draft       bool
	Aliases     []string
	Date        time.Time
	Lastmod     time.Time
	LastChecked Checked
	Sources     []Source
	Entrances   []Source // official entry points for the reader's own search; they support nothing on the page
	Layout      string
	// TranslationKey pairs the translations of a page in a multilingual
	// site when their paths differ; without it, pages pair by path.
	TranslationKey string
	Params         map[string]any // params:, and the keys of other tools we keep (see foreign.go)

	// Set by keys of other tools that mean something to us (see foreign.go).
	NavTitle string // the page's words in the sidebar and on prev/next links (sidebar_label, nav_title, shortTitle)
	Slug     string // slug: the last segment of the page's URL, or its whole path when it starts with "/"
	HideNav  bool   // hide: [navigation]: the page is shown without the sidebar
	HideTOC  bool   // hide: [toc], hide_table_of_contents: the page is shown without its table of contents
	NoSearch bool   // search: {exclude: true}: the page is left out of the search index

	lines   map[string]int // file line of each key, for diagnostics found later
	unknown []keyAt        // keys no tool we know uses, for UnknownKeys
	hero    *hero          // a VuePress or VitePress home layout, made a plain page by Parse
}

// Line is the file line on which front matter key was set, or 0.
func (m Meta) Line(key string) int { return m.lines[key] }

// Checked says when a guide was last checked, how, and against which app
// versions. A page written from public sources and a page whose steps were
// followed in the apps are different promises to a reader, so the theme
// words them differently.
type Checked struct {
	Date     time.Time
	Method   string // MethodSources, MethodApp, or "" when the front matter does not say
	Versions string // the app versions an app check used; required with MethodApp
}

// How a page was checked (last_checked.method).
const (
	MethodSources = "sources" // against documents and reports, not in the apps
	MethodApp     = "app"     // by following the steps in the apps named in Versions
)

// Source is a reference a guide cites, or (in Entrances) a place to look
// things up. The two are kept apart so that a list headed "sources" promises
// only what supports the page.
type Source struct {
	Title string
	URL   string
}

// splitFrontMatter finds YAML front matter between a first line "---" and the
// next line "---" (or "..."). It returns the YAML, the body with the front
// matter replaced by as many empty lines (so line numbers in the body are line
// numbers in the file), and the file line on which the YAML starts.
func splitFrontMatter(src []byte) (yml, body []byte, startLine int, ok bool) {
	rest, found := cutLine(src, "---")
	if !found {
		return nil, src, 0, false
	}
	off := len(src) - len(rest)
	for len(rest) > 0 {
		line, next := nextLine(rest)
		t := strings.TrimRight(string(line), " \t\r")
		if t == "---" || t == "..." {
			end := len(src) - len(next)
			yml = src[off : len(src)-len(rest)]
			blank := bytes.Repeat([]byte("\n"), bytes.Count(src[:end], []byte("\n")))
			if end == len(src) && !bytes.HasSuffix(src, []byte("\n")) {
				blank = append(blank, '\n')
			}
			body = append(blank, src[end:]...)
			return yml, body, 2, true
		}
		rest = next
	}
	return nil, src, 0, false
}

// cutLine reports whether src starts with the line want and returns the rest.
func cutLine(src []byte, want string) ([]byte, bool) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	line, rest := nextLine(src)
	return rest, strings.TrimRight(string(line), " \t\r") == want
}

func nextLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:]
	}
	return b, nil
}

// parseMeta decodes front matter YAML that starts on file line start.
func parseMeta(file string, yml []byte, start int) (Meta, diag.List) {
	var meta Meta
	var diags diag.List
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		line, msg := yamlpos.Error(yml, err)
		diags.Add(file, start+line-1, 1, "invalid front matter: %s", msg)
		return meta, diags
	}
	if len(doc.Content) == 0 {
		return meta, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		diags.Add(file, start+root.Line-1, root.Column, "front matter must be a mapping of keys to values")
		return meta, diags
	}
	meta.lines = map[string]int{}
	meta.hero = readHero(root)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		meta.lines[k.Value] = start + k.Line - 1
		if meta.hero.consumes(k.Value, v) {
			continue
		}
		err := meta.set(k.Value, v)
		if err == errNotOurs {
			err = meta.setOther(k, v, start)
		}
		if err != nil {
			at := k
			if fe, ok := err.(fieldError); ok && fe.node != nil {
				at = fe.node
			}
			diags.Add(file, start+at.Line-1, at.Column, "%v", err)
		}
	}
	return meta, diags
}

// fieldError is a front matter problem at a particular value.
type fieldError struct {
	node *yaml.Node
	msg  string
}

func (e fieldError) Error() string { return e.msg }

func wrongType(key string, v *yaml.Node, want string) error {
	got := v.Value
	switch v.Kind {
	case yaml.MappingNode:
		got = "a mapping"
	case yaml.SequenceNode:
		got = "a list"
	default:
		got = strconv.Quote(got)
	}
	return fieldError{v, fmt.Sprintf("front matter %q: want %s, got %s", key, want, got)}
}

func (m *Meta) set(key string, v *yaml.Node) error {
	var err error
	switch key {
	case "title":
		m.Title, err = scalar(key, v)
	case "description":
		m.Description, err = scalar(key, v)
	case "layout":
		m.Layout, err = scalar(key, v)
	case "translation_key":
		m.TranslationKey, err = scalar(key, v)
	case "weight":
		m.Weight, err = integer(key, v)
	case "draft":
		m.Draft, err = boolean(key, v)
	case "tags":
		m.Tags, err = stringList(key, v)
	case "platforms":
		m.Platforms, err = stringList(key, v)
	case "aliases":
		m.Aliases, err = stringList(key, v)
	case "date":
		if v.Kind == yaml.MappingNode {
			return m.blogDates(key, v)
		}
		m.Date, err = date(key, v)
	case "lastmod":
		m.Lastmod, err = date(key, v)
	case "last_checked":
		m.LastChecked, err = checked(key, v)
	case "sources":
		m.Sources, err = sources(key, v)
	case "entrances":
		m.Entrances, err = sources(key, v)
	case "params":
		if v.Kind != yaml.MappingNode {
			return wrongType(key, v, "a mapping")
		}
		var params map[string]any
		err = v.Decode(&params)
		if m.Params == nil {
			m.Params = params
		} else {
			maps.Copy(m.Params, params) // over the keys of other tools kept before it
		}
	default:
		return errNotOurs
	}
	return err
}

// errNotOurs says a key is not one of ours; setOther handles it.
var errNotOurs = errors.New("not our front matter key")
