package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// site makes a site root with content/a.md, content/sub/b.md and a stylesheet.
func site(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	write(t, root, "content/a.md", "# A\n")
	write(t, root, "content/sub/b.md", "# B\n")
	write(t, root, "templates/assets/site.css", "body{}\n")
	write(t, root, "zhinan.yaml", "title: t\n")
	return root
}

func write(t *testing.T, root, rel, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func start(t *testing.T, root string, opts Options) *Watcher {
	t.Helper()
	w, err := New(root, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func next(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b := <-w.Batches():
		return b
	case <-time.After(3 * time.Second):
		t.Fatal("no batch within 3 s")
	}
	return Batch{}
}

func none(t *testing.T, w *Watcher, d time.Duration) {
	t.Helper()
	select {
	case b := <-w.Batches():
		t.Fatalf("unexpected batch %q", b.Paths)
	case <-time.After(d):
	}
}

func expect(t *testing.T, w *Watcher, want ...string) {
	t.Helper()
	if got := next(t, w).Paths; !slices.Equal(got, want) {
		t.Fatalf("batch = %q, want %q", got, want)
	}
}

func TestChanges(t *testing.T) {
	tests := []struct {
		name string
		do   func(t *testing.T, root string)
		want []string
	}{
		{"write", func(t *testing.T, root string) { write(t, root, "content/a.md", "# A2\n") },
			[]string{"content/a.md"}},
		{"atomic save", func(t *testing.T, root string) {
			write(t, root, "content/a.md.tmp123", "# A3\n")
			mv(t, root, "content/a.md.tmp123", "content/a.md")
		}, []string{"content/a.md"}},
		{"atomic save via dot-file", func(t *testing.T, root string) {
			write(t, root, "content/sub/.b.md.swp", "# B2\n")
			mv(t, root, "content/sub/.b.md.swp", "content/sub/b.md")
		}, []string{"content/sub/b.md"}},
		{"delete", func(t *testing.T, root string) { rm(t, root, "content/a.md") },
			[]string{"content/a.md"}},
		{"rename", func(t *testing.T, root string) { mv(t, root, "content/a.md", "content/c.md") },
			[]string{"content/a.md", "content/c.md"}},
		{"template", func(t *testing.T, root string) { write(t, root, "templates/assets/site.css", "body{color:red}") },
			[]string{"templates/assets/site.css"}},
		{"settings", func(t *testing.T, root string) { write(t, root, "zhinan.yaml", "title: u\n") },
			[]string{"zhinan.yaml"}},
		{"new folder with a file", func(t *testing.T, root string) { write(t, root, "content/new/deep/x.md", "x") },
			[]string{"content/new", "content/new/deep", "content/new/deep/x.md"}},
		{"remove folder", func(t *testing.T, root string) { rm(t, root, "content/sub") },
			[]string{"content/sub", "content/sub/b.md"}},
		{"rename folder", func(t *testing.T, root string) { mv(t, root, "content/sub", "content/moved") },
			[]string{"content/moved", "content/moved/b.md", "content/sub"}},
	}
	for _, poll := range []time.Duration{0, 20 * time.Millisecond} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/poll=%v", tt.name, poll), func(t *testing.T) {
				root := site(t)
				w := start(t, root, Options{Poll: poll})
				tt.do(t, root)
				got := next(t, w).Paths
				if tt.name == "rename folder" {
					// fsnotify reports the folder, not the files it carried away; polling reports both.
					got = slices.DeleteFunc(got, func(s string) bool { return s == "content/sub/b.md" })
				}
				if !slices.Equal(got, tt.want) {
					t.Fatalf("batch = %q, want %q", got, tt.want)
				}
			})
		}
	}
}

func mv(t *testing.T, root, from, to string) {
	t.Helper()
	if err := os.Rename(filepath.Join(root, from), filepath.Join(root, to)); err != nil {
		t.Fatal(err)
	}
}

func rm(t *testing.T, root, rel string) {
	t.Helper()
	if err := os.RemoveAll(filepath.Join(root, rel)); err != nil {
		t.Fatal(err)
	}
}

func TestNewFolderIsWatched(t *testing.T) {
	root := site(t)
	w := start(t, root, Options{})
	write(t, root, "content/new/x.md", "1")
	next(t, w)
	write(t, root, "content/new/x.md", "2")
	expect(t, w, "content/new/x.md")
	write(t, root, "content/new/more/y.md", "3")
	expect(t, w, "content/new/more", "content/new/more/y.md")
}

func TestRemovedFolderIsUnwatched(t *testing.T) {
	root := site(t)
	w := start(t, root, Options{})
	rm(t, root, "content/sub")
	next(t, w)
	w.Close()
	for d := range w.dirs {
		if filepath.Base(d) == "sub" {
			t.Errorf("still watching %s", d)
		}
	}
}

func TestFoldersCreatedLater(t *testing.T) {
	root := t.TempDir()
	w := start(t, root, Options{})
	write(t, root, "content/_index.md", "# home")
	expect(t, w, "content", "content/_index.md")
	write(t, root, "content/_index.md", "# home 2")
	expect(t, w, "content/_index.md")
}

func TestBurst(t *testing.T) {
	root := site(t)
	w := start(t, root, Options{})
	for i := range 100 {
		write(t, root, fmt.Sprintf("content/burst/p%02d.md", i%10), fmt.Sprint(i))
	}
	n := 0
	timeout := time.After(1500 * time.Millisecond)
	for done := false; !done; {
		select {
		case <-w.Batches():
			n++
		case <-timeout:
			done = true
		}
	}
	if n < 1 || n > 2 {
		t.Fatalf("100 writes gave %d batches, want 1 or 2", n)
	}
}

func TestMaxWait(t *testing.T) {
	root := site(t)
	w := start(t, root, Options{Debounce: 100 * time.Millisecond, MaxWait: 300 * time.Millisecond})
	stop := make(chan struct{})
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				os.WriteFile(filepath.Join(root, "content/a.md"), []byte(fmt.Sprint(i)), 0o644)
			}
		}
	}()
	defer close(stop)
	begin := time.Now()
	next(t, w)
	next(t, w)
	if d := time.Since(begin); d > 1500*time.Millisecond {
		t.Fatalf("two batches under a steady stream took %v, want about 600 ms", d)
	}
}

func TestEditorDroppings(t *testing.T) {
	root := site(t)
	w := start(t, root, Options{})
	for _, name := range []string{
		".a.md.swp", "a.md.swp", "a.md.swx", "a.md~", "4913", ".#a.md", "#a.md#",
		"a.md___jb_tmp___", "a.md___jb_old___", ".goutputstream-X1Y2", ".DS_Store",
		".hidden", ".git/config",
	} {
		write(t, root, "content/"+name, "junk")
		write(t, root, "templates/"+name, "junk")
	}
	write(t, root, "elsewhere.md", "not watched")
	none(t, w, 400*time.Millisecond)
}

func TestIgnoredName(t *testing.T) {
	for name, want := range map[string]bool{
		"a.md": false, "4913.md": false, "_index.md": false, "权限.md": false, "a#b": false,
		"a.md.swp": true, ".a.md.swp": true, "a~": true, "4913": true, "#a#": true, ".#a": true,
		"x___jb_old___": true, ".DS_Store": true, ".goutputstream-1": true,
	} {
		if got := ignoredName(name); got != want {
			t.Errorf("ignoredName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestCloseClosesBatches(t *testing.T) {
	for _, poll := range []time.Duration{0, 10 * time.Millisecond} {
		w, err := New(site(t), Options{Poll: poll})
		if err != nil {
			t.Fatal(err)
		}
		w.Close()
		if _, ok := <-w.Batches(); ok {
			t.Fatal("Batches still open after Close")
		}
		w.Close() // twice is fine
	}
}
