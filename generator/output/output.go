// Package output writes a finished site to disk so that a reader of the
// output folder never sees half a build.
//
// Write fills a staging folder beside the output ("public" is staged in
// ".public.staging-*"), then swaps it in: in one atomic exchange where the
// system has one (Linux), else with two renames. A build that fails, or is
// killed, leaves the old output byte for byte as it was (or the new one
// whole); leftovers of a killed build are removed by the next Write.
//
// A file whose bytes are already in the old output is not written again: the
// staging folder gets a hard link to the old file. Rebuilding a big site
// thus mostly adds directory entries instead of writing data, unchanged files
// keep their modification time (which deploy tools such as rsync use), and
// removing the old output frees almost nothing. Where links are not
// possible, the file is written.
//
// Guard refuses output folders whose removal would lose work: "/", the home
// folder, the site root, its folder of pages (content/, or what zhinan.yaml
// names) or a folder inside it (unless the pages are the root itself), the
// theme's templates/, or any folder that contains the site root.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"zhinan/generator/parallel"
)

// Guard returns an error when out must not be replaced for a site at root
// whose pages are in the folder pages (root itself, or a folder in it).
func Guard(out, root, pages string) error {
	o, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	r, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	p, err := filepath.Abs(pages)
	if err != nil {
		return err
	}
	o, r, p = resolve(o), resolve(r), resolve(p)
	home, _ := os.UserHomeDir()
	inside := func(dir string) bool { return o == dir || strings.HasPrefix(o, dir+string(filepath.Separator)) }
	switch {
	case o == string(filepath.Separator) || o == filepath.VolumeName(o)+string(filepath.Separator):
		return fmt.Errorf("refusing to replace output folder %q: it is the file system root", out)
	case home != "" && o == resolve(home):
		return fmt.Errorf("refusing to replace output folder %q: it is the home folder", out)
	case o == r || strings.HasPrefix(r, o+string(filepath.Separator)):
		return fmt.Errorf("refusing to replace output folder %q: it holds the site itself", out)
	case o == p || (p != r && inside(p)):
		// With the pages at the root (content: .), an output folder in it
		// is fine: the loader never reads it as pages.
		return fmt.Errorf("refusing to replace output folder %q: it is inside the folder of pages %s", out, pages)
	case inside(filepath.Join(r, "templates")):
		return fmt.Errorf("refusing to replace output folder %q: it is inside templates/", out)
	}
	return nil
}

// Within is the output folder out as a slash path relative to the site
// root, when it lies inside it ("public", "build/site"), else "". The
// loader and the watcher leave that folder alone.
func Within(root, out string) string {
	o, err1 := filepath.Abs(out)
	r, err2 := filepath.Abs(root)
	if err1 != nil || err2 != nil {
		return ""
	}
	rel, err := filepath.Rel(resolve(r), resolve(o))
	if err != nil || rel == "." || !filepath.IsLocal(rel) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// resolve follows symbolic links in the existing part of p.
func resolve(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	dir, base := filepath.Split(p)
	if dir == p || dir == "" {
		return p
	}
	return filepath.Join(resolve(filepath.Clean(dir)), base)
}

// Write replaces the folder dir with exactly files (slash paths relative to dir).
func Write(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	return WriteEach(dir, names, func(name string) ([]byte, error) { return files[name], nil })
}

// Skip, returned by the get function of WriteEach, leaves that file out.
var Skip = errors.New("output: skip this file")

// WriteEach replaces the folder dir with the files called names, asking get
// for each one's bytes (from several goroutines at once) and writing it at
// once, so that a big site never has to be in memory whole. If any get
// fails (other than with Skip), nothing is replaced and the error holds every
// failure (errors.Join).
func WriteEach(dir string, names []string, get func(name string) ([]byte, error)) error {
	return WriteSets(dir, Set{Names: func() []string { return names }, Get: get})
}

// A Set is some of the files WriteSets writes: Names lists them, and is
// called only once the sets before it are written, so a set's files can be
// made while the earlier ones are written; Get gives one file's bytes, as
// for WriteEach. Names must not repeat across sets.
type Set struct {
	Names func() []string
	Get   func(name string) ([]byte, error)
}

// WriteSets is WriteEach for files coming in sets, written one set after
// the other into the same staging folder and swapped in together.
func WriteSets(dir string, sets ...Set) error {
	dir = filepath.Clean(dir)
	parent, name := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	cleanLeftovers(parent, name)
	stage, err := os.MkdirTemp(parent, "."+name+".staging-")
	if err != nil {
		return fmt.Errorf("cannot write beside the output folder %s: %w (the old output is left as it was)", dir, unwrapPath(err))
	}
	var dirs folders
	var failed []error // files that could not be made: every one is reported
	for _, set := range sets {
		err := writeAll(stage, dir, set.Names(), set.Get, &dirs)
		var made madeErrors
		if errors.As(err, &made) {
			failed = append(failed, made...)
			continue
		}
		if err != nil {
			os.RemoveAll(stage)
			return err
		}
	}
	if len(failed) > 0 {
		os.RemoveAll(stage)
		return errors.Join(failed...)
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		os.RemoveAll(stage)
		return err
	}
	return swap(dir, stage, parent, name)
}

// madeErrors are the failures of get in one writeAll: files that could not
// be made, as opposed to a folder that could not be written.
type madeErrors []error

func (m madeErrors) Error() string { return errors.Join(m...).Error() }

// swap puts the finished staging folder in place of dir. Where the system
// can, the two are exchanged in one step and the old output, now at the
// staging path, is removed (by the next build if this one is killed first).
// Elsewhere the old output is renamed aside first, which leaves a moment
// without dir.
func swap(dir, stage, parent, name string) error {
	if _, err := os.Lstat(dir); err == nil && exchange(stage, dir) {
		return os.RemoveAll(stage)
	}
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = filepath.Join(parent, "."+name+".old-"+filepath.Base(stage)[len(name)+10:])
		if err := os.Rename(dir, old); err != nil {
			os.RemoveAll(stage)
			return fmt.Errorf("moving old output aside: %w", err)
		}
	}
	if err := os.Rename(stage, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		os.RemoveAll(stage)
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// cleanLeftovers removes staging and old folders a killed build left behind.
func cleanLeftovers(parent, name string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, "."+name+".staging-") || strings.HasPrefix(n, "."+name+".old-") {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// writeAll writes every file under root, linking those that are the same in
// the old output folder old, and making folders in dirs as they are needed.
// Files that get could not make are a madeErrors; any other error is the
// first write that failed.
func writeAll(root, old string, names []string, get func(string) ([]byte, error), dirs *folders) error {
	paths := slices.Clone(names)
	for _, p := range paths {
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			return fmt.Errorf("output path %q is outside the output folder", p)
		}
	}
	sort.Strings(paths)
	errs := make([]error, len(paths))
	var ioErr atomic.Pointer[error] // the first failed write: the others stop
	// More workers than cores: each spends much of its time in the kernel
	// creating folders and files, and another can run a template meanwhile.
	parallel.For(len(paths), runtime.GOMAXPROCS(0)*2, func(i int) {
		if ioErr.Load() != nil {
			return
		}
		b, err := get(paths[i])
		if err == Skip {
			return
		}
		if err != nil {
			errs[i] = err
			return
		}
		if err := dirs.make(filepath.Dir(filepath.Join(root, filepath.FromSlash(paths[i])))); err != nil {
			ioErr.CompareAndSwap(nil, &err)
			return
		}
		rel := filepath.FromSlash(paths[i])
		if !linkSame(filepath.Join(old, rel), filepath.Join(root, rel), b) {
			if err := os.WriteFile(filepath.Join(root, rel), b, 0o644); err != nil {
				ioErr.CompareAndSwap(nil, &err)
			}
		}
	})
	if e := ioErr.Load(); e != nil {
		return fmt.Errorf("cannot write the output folder %s: %w (the old output is left as it was)", old, unwrapPath(*e))
	}
	var made madeErrors
	for _, err := range errs {
		if err != nil {
			made = append(made, err)
		}
	}
	if len(made) > 0 {
		return made
	}
	return nil
}

// folders makes each output folder once, when the first file in it is
// written, so that making folders (a system call each, ten thousand for a
// big site) overlaps with making pages instead of coming before them all.
type folders struct {
	mu   sync.Mutex
	made map[string]*folder
}

type folder struct {
	once sync.Once
	err  error
}

// make creates dir and its parents unless an earlier call did; calls for the
// same dir wait for the first one to finish.
func (fs *folders) make(dir string) error {
	fs.mu.Lock()
	if fs.made == nil {
		fs.made = map[string]*folder{}
	}
	f := fs.made[dir]
	if f == nil {
		f = &folder{}
		fs.made[dir] = f
	}
	fs.mu.Unlock()
	f.once.Do(func() { f.err = os.MkdirAll(dir, 0o755) })
	return f.err
}

// unwrapPath drops the staging folder's file name from an error, which
// would only confuse: the reason (no space, read-only) is what matters.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// linkSame hard-links dst to the file old if old is a regular file holding
// exactly b, and reports whether it did. Reading old costs less than writing
// dst: it is usually in the page cache, and a write allocates blocks that
// the removal of the old output must free again.
func linkSame(old, dst string, b []byte) bool {
	fi, err := os.Lstat(old)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(b)) {
		return false
	}
	cur, err := os.ReadFile(old)
	if err != nil || !bytes.Equal(cur, b) {
		return false
	}
	return os.Link(old, dst) == nil
}
