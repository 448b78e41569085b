package content

import (
	"encoding/json"
	"io/fs"
	"math"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"zhinan/generator/diag"
	"zhinan/generator/yamlpos"
)

// Folder is what a Docusaurus _category_.json (or _category_.yml) says of
// the folder it lies in: the section's title in the sidebar and its place
// among its neighbours.
type Folder struct {
	Label    string // the section's title; "" keeps the folder's own
	Position int    // its weight (Docusaurus' position, rounded); 0 when not set
}

// categoryNames are the files of a folder's category, in Docusaurus' order.
var categoryNames = []string{"_category_.json", "_category_.yml", "_category_.yaml"}

// loadFolders reads the category files among assets (slash paths relative
// to the folder of pages): folder ("" for the top) -> what it says. A file
// that is not valid JSON or YAML is a warning; the folder keeps its name.
func loadFolders(fsys fs.FS, src Tree, assets []string) (map[string]Folder, diag.List) {
	var folders map[string]Folder
	var diags diag.List
	for _, a := range assets {
		dir, name := path.Split(a)
		if !slices.Contains(categoryNames, name) {
			continue
		}
		dir = strings.TrimSuffix(dir, "/")
		if _, seen := folders[dir]; seen {
			continue
		}
		b, err := fs.ReadFile(fsys, src.File(a))
		if err != nil {
			diags.Warn(src.File(a), 0, 0, "%v", err)
			continue
		}
		var c struct {
			Label    string  `json:"label" yaml:"label"`
			Position float64 `json:"position" yaml:"position"`
		}
		if strings.HasSuffix(name, ".json") {
			err = json.Unmarshal(b, &c)
		} else {
			err = yaml.Unmarshal(b, &c)
		}
		if err != nil {
			line, msg := yamlpos.Error(b, err)
			diags.Warn(src.File(a), line, 1, "category not read: %s", msg)
			continue
		}
		if folders == nil {
			folders = map[string]Folder{}
		}
		folders[dir] = Folder{Label: strings.TrimSpace(c.Label), Position: int(math.Round(c.Position))}
	}
	return folders, diags
}
