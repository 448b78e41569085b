package generator

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"zhinan/generator/content"
)

func TestPlanReuse(t *testing.T) {
	warm := lastBuild{built: true, theme: true, config: true}
	for _, tc := range []struct {
		name string
		ch   Change
		last lastBuild
		want reuse
	}{
		{"first build", All, lastBuild{}, reuse{reload: true}},
		{"first build, no All", Change{}, lastBuild{}, reuse{reload: true}},
		{"nothing changed", Change{}, warm, reuse{theme: true, renders: true}},
		{"one page", Change{Paths: []string{"content/a.md"}}, warm,
			reuse{changed: []string{"content/a.md"}, forget: []string{"a.md"}, theme: true, renders: true}},
		{"a page and an image", Change{Paths: []string{"content/a.md", "content/img/b.png"}}, warm,
			reuse{changed: []string{"content/a.md", "content/img/b.png"}, forget: []string{"a.md", "img/b.png"}, theme: true, renders: true}},
		{"a template", Change{Paths: []string{"templates/page.html"}}, warm, reuse{renders: true}},
		{"a stylesheet and a page", Change{Paths: []string{"content/a.md", "templates/assets/site.css"}}, warm,
			reuse{changed: []string{"content/a.md"}, forget: []string{"a.md"}, renders: true}},
		{"settings, same values", Change{Paths: []string{"zhinan.yaml"}}, warm, reuse{theme: true, renders: true}},
		{"settings changed", Change{Paths: []string{"zhinan.yaml"}}, lastBuild{built: true, theme: true}, reuse{reload: true}},
		{"templates did not load last time", Change{Paths: []string{"content/a.md"}}, lastBuild{built: true, config: true},
			reuse{changed: []string{"content/a.md"}, forget: []string{"a.md"}, renders: true}},
		// Events were lost: everything is read again, the named files even
		// if their size and time look the same.
		{"rescan with paths", Change{Paths: []string{"content/a.md"}, All: true}, warm,
			reuse{reload: true, forget: []string{"a.md"}, renders: true}},
		{"a path it does not know", Change{Paths: []string{"SUMMARY.md"}}, warm, reuse{reload: true, renders: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, planReuse(tc.ch, content.Tree{Dir: "content"}, tc.last), cmp.AllowUnexported(reuse{})); diff != "" {
				t.Errorf("planReuse(%+v, %+v) (-want +got):\n%s", tc.ch, tc.last, diff)
			}
		})
	}
}
