package generator

import (
	"strings"

	"zhinan/generator/config"
	"zhinan/generator/content"
	"zhinan/generator/tmpl"
)

// lastBuild is what a Builder knows of its previous build.
type lastBuild struct {
	built  bool // there was one
	theme  bool // its templates loaded cleanly and are kept
	config bool // its settings equal this build's
}

// reuse is what a build takes over from the last one.
type reuse struct {
	reload  bool     // read everything under content/ again (file stamps still spare unchanged pages)
	changed []string // else: the changed paths under content/ (site-root relative); none means content is as it was
	forget  []string // content-relative paths to read again even if size and time look the same
	theme   bool     // keep the parsed templates
	renders bool     // keep the cached renders (each is still checked against its file's hash and links)
}

// planReuse is the one place that decides, from what changed, what a build
// may reuse. Settings or words that changed invalidate every render (base
// path, raw HTML, callout titles) and the templates; a change under templates/ or to a path it does
// not know invalidates the templates; a path it does not know also makes
// it read all content, and so does a Change with All set, whatever paths it
// names (they are read again all the same: their events were seen).
func planReuse(ch Change, tree content.Tree, last lastBuild) reuse {
	r := reuse{theme: last.theme && last.config, renders: last.config, reload: ch.All || !last.built || !last.config}
	for _, p := range ch.Paths {
		rel, isContent := tree.Rel(p)
		switch {
		case p == config.File:
			// Read on every build; last.config says whether it changed.
		case strings.HasPrefix(p, tmpl.Dir+"/"):
			r.theme = false
		case isContent:
			r.changed = append(r.changed, p)
			r.forget = append(r.forget, rel)
		default:
			r.theme, r.reload = false, true
		}
	}
	if ch.All {
		r.theme = false
	}
	if r.reload {
		r.changed = nil
	}
	return r
}
