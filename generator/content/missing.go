package content

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// missingFolder explains a folder of pages that is not there: what it should
// hold, what the site root holds instead, and the setting that would fit.
// A new user most often points -src at the Markdown itself, or has a book
// whose chapters are in docs/.
func missingFolder(fsys fs.FS, root string) string {
	msg := fmt.Sprintf("no folder %s/ for the site's Markdown pages", root)
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return msg + fmt.Sprintf(" (the site folder cannot be read: %v)", err)
	}
	here, total := 0, 0
	most, mostN := "", 0 // the folder with the most Markdown
	var dirs []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || name == "node_modules" || name == "public" || name == "templates" {
			continue
		}
		if !e.IsDir() {
			if strings.EqualFold(path.Ext(name), ".md") && name != "SUMMARY.md" {
				here++
			}
			continue
		}
		if n := countMarkdown(fsys, name); n > 0 {
			dirs = append(dirs, fmt.Sprintf("%s/ (%d)", name, n))
			if n > mostN {
				most, mostN = name, n
			}
			total += n
		}
	}
	sort.Strings(dirs)
	switch {
	case here == 0 && len(dirs) == 0:
		return msg + "; the site folder holds no Markdown files at all (zhinan init makes a small site to start from)"
	case here > 0:
		msg += fmt.Sprintf("; the site folder itself holds %d Markdown files", here)
		if len(dirs) > 0 {
			msg += ", and so do " + strings.Join(dirs, ", ")
		}
		return msg + `: to build them where they are, set "content: ." in zhinan.yaml (or run zhinan init)`
	}
	msg += "; Markdown files are in " + strings.Join(dirs, ", ")
	if 10*mostN < 9*total {
		// Pages spread over several folders (a knowledge base by topic,
		// tldr's pages/common, pages/linux …): build them all.
		return msg + `: to build them all, set "content: ." in zhinan.yaml (or run zhinan init)`
	}
	// One folder holds (nearly) all: a book's docs/ beside a few examples.
	return msg + fmt.Sprintf(": set \"content: %s\" in zhinan.yaml (or run zhinan init)", most)
}

// countMarkdown counts the .md files under dir, giving up past a thousand
// (the message only needs to know there are some).
func countMarkdown(fsys fs.FS, dir string) int {
	n := 0
	fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || n >= 1000 {
			return fs.SkipDir
		}
		if d.IsDir() && p != dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
			return fs.SkipDir
		}
		if !d.IsDir() && strings.EqualFold(path.Ext(d.Name()), ".md") {
			n++
		}
		return nil
	})
	return n
}
