package serve

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"zhinan/generator"
)

func TestTmpRebuild(t *testing.T) {
	root := t.TempDir()
	writeBigSite(t, root, 100, 100)
	b := generator.NewBuilder(generator.Options{Src: root, BaseURL: "/"})
	for i := range 3 {
		if i == 2 {
			os.WriteFile(filepath.Join(root, "content/s050/p050.md"), []byte(benchPage(50, 50, 9)), 0o644)
		}
		t0 := time.Now()
		res, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("build %d: %v, %d rendered of %d", i, time.Since(t0), res.Rendered, res.Pages)
	}
}
