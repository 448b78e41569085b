package generator

import (
	"io/fs"

	"zhinan/generator/config"
	"zhinan/generator/diag"
	"zhinan/generator/site"
)

// mermaidAsset is where the site's copy of Mermaid's script is written in
// the output. Mermaid's browser build is one file (the ES module build
// loads its parts with import(), which file:// refuses), so the site works
// from the disk too.
const mermaidAsset = "assets/mermaid.min.js"

// mermaidScript decides whether pages with a diagram load Mermaid: when
// some page has one and the site has a copy of the script (config's
// MermaidScript), it returns that copy's site-root path and the pages load
// it from mermaidAsset. When a page has a diagram and there is no copy, it
// returns "" and one warning for the whole site, saying how to turn
// diagrams on: the pages show the diagrams' source as code meanwhile.
// zhinan ships no Mermaid of its own (megabytes, and another project's
// release cycle) and loads none from a CDN (unreachable from many readers,
// and not from file://).
func mermaidScript(fsys fs.FS, cfg config.Config, pages []*site.Page) (string, diag.List) {
	n := 0
	for _, p := range pages {
		if p.HasDiagram {
			n++
		}
	}
	if n == 0 {
		return "", nil
	}
	file := cfg.MermaidScript()
	if fi, err := fs.Stat(fsys, file); err == nil && fi.Mode().IsRegular() {
		return file, nil
	}
	var l diag.List
	if cfg.Mermaid != "" {
		l.Warn(config.File, 0, 0, "mermaid %q: no such file: %d pages show their Mermaid diagrams as code", cfg.Mermaid, n)
	} else {
		l.Warn(config.File, 0, 0, "%d pages have Mermaid diagrams, shown as code: to draw them, run \"npm install mermaid\" "+
			"in the site folder, or set mermaid: to the path of your copy of mermaid.min.js", n)
	}
	return "", l
}
