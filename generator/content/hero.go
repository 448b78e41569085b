package content

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// hero is the home page of a VuePress or VitePress site, which its theme
// draws from front matter alone (`home: true` or `layout: home`, with a
// hero and features) above a body that is often empty. zhinan draws no such
// layout; the front matter becomes a plain page instead: the hero's name as
// the title, its tagline as the description, and the features as a list.
type hero struct {
	title    string   // heroText (VuePress) or hero.name (VitePress)
	text     string   // VitePress' hero.text, a lead under the name
	tagline  string   // tagline, or hero.tagline
	features []string // "**title**: details", one per feature
}

// heroKeys are the keys of the home layouts of VuePress 1 and 2, its
// theme-hope and VitePress: on a home page they are read here or dropped
// (images, buttons, footers), never front matter errors.
var heroKeys = map[string]bool{
	"home": true, "hero": true, "heroImage": true, "heroImageDark": true, "heroImageStyle": true,
	"heroText": true, "heroAlt": true, "heroFullScreen": true, "tagline": true, "actions": true,
	"actionText": true, "actionLink": true, "features": true, "footer": true, "footerHtml": true,
	"highlights": true, "bgImage": true, "bgImageDark": true, "bgImageStyle": true, "projects": true,
}

// readHero reads the home layout's keys from the front matter mapping m; nil
// when the page is not such a home (`home: true`, `layout: home` or a hero).
func readHero(m *yaml.Node) *hero {
	var h hero
	home := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i].Value, m.Content[i+1]
		switch k {
		case "home", "layout":
			home = home || v.Value == "true" || v.Value == "home"
		case "hero":
			home = home || v.Kind == yaml.MappingNode
			h.title = scalarAt(v, "name")
			h.text = scalarAt(v, "text")
			h.tagline = scalarAt(v, "tagline")
		case "heroText":
			h.title = scalarOf(v)
		case "tagline":
			h.tagline = scalarOf(v)
		case "features":
			for _, f := range v.Content {
				h.features = append(h.features, feature(f))
			}
		}
	}
	if !home {
		return nil
	}
	return &h
}

// consumes reports whether front matter key is read (or dropped) as part of
// the home layout, rather than as a key of ours.
func (h *hero) consumes(key string, v *yaml.Node) bool {
	return h != nil && (heroKeys[key] || (key == "layout" && v.Value == "home"))
}

// feature is one feature as a list item's text.
func feature(f *yaml.Node) string {
	title, details := scalarAt(f, "title"), scalarAt(f, "details")
	switch {
	case title != "" && details != "":
		return fmt.Sprintf("**%s**: %s", title, details)
	case title != "":
		return title
	}
	return scalarOf(f) // VuePress allows plain strings
}

// scalarAt is the text of key in mapping m, "" when it is not a string.
func scalarAt(m *yaml.Node, key string) string {
	if m.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return scalarOf(m.Content[i+1])
		}
	}
	return ""
}

func scalarOf(v *yaml.Node) string {
	if v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
		return ""
	}
	return strings.TrimSpace(v.Value)
}

// apply gives the page the hero's title and description (unless its front
// matter has its own) and puts the lead and the features at the top of the
// body, in the blank lines the front matter left when they fit there, so
// the Markdown below keeps its line numbers; else after it.
func (h *hero) apply(m *Meta, body []byte) []byte {
	if m.Title == "" {
		m.Title = h.title
	}
	if m.Description == "" {
		m.Description = h.tagline
		if h.tagline == "" {
			m.Description = h.text
		}
	}
	var b bytes.Buffer
	if h.text != "" && h.tagline != "" {
		b.WriteString(oneLine(h.text) + "\n\n")
	}
	for _, f := range h.features {
		if f != "" {
			b.WriteString("- " + oneLine(f) + "\n")
		}
	}
	if b.Len() == 0 {
		return body
	}
	text := b.Bytes()
	blank := len(body) - len(bytes.TrimLeft(body, "\n"))
	if n := bytes.Count(text, []byte("\n")); n+1 < blank {
		// One blank line is kept before the page's own Markdown.
		return append(append(text, bytes.Repeat([]byte("\n"), blank-n)...), body[blank:]...)
	}
	return append(append(bytes.TrimRight(body, "\n"), "\n\n"...), text...)
}

// oneLine folds a YAML value's line breaks so that it stays one paragraph
// or one list item.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
