package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"zhinan/generator/corpus"
)

// buildBinary compiles zhinan once for tests that run it as a process.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "zhinan")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// treeDigest hashes every file path and its bytes under dir; "" when dir
// does not exist.
func treeDigest(t *testing.T, dir string) string {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	var names []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	h := sha256.New()
	for _, p := range names {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s\x00%d\x00", rel, len(b))
		h.Write(b)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestKilledBuilds kills "zhinan build" at 20 random moments while it
// replaces an output folder with the build of another site: afterwards the
// folder is always there and always one whole build, the old or the new,
// never a mix; and the next build that finishes leaves no staging folders.
func TestKilledBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: 20 builds of 300 pages killed half-way")
	}
	bin := buildBinary(t)
	root := t.TempDir()
	srcs := []string{filepath.Join(root, "a"), filepath.Join(root, "b")}
	for i, src := range srcs {
		if err := corpus.Write(src, 300, int64(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	build := func(src, out string) time.Duration {
		start := time.Now()
		if b, err := exec.Command(bin, "build", "-src", src, "-out", out).CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", src, err, b)
		}
		return time.Since(start)
	}
	want := map[string]string{}
	var took time.Duration
	for i, src := range srcs {
		out := filepath.Join(root, fmt.Sprintf("clean%d", i))
		took = max(took, build(src, out))
		want[treeDigest(t, out)] = filepath.Base(src)
	}
	out := filepath.Join(root, "public")
	build(srcs[0], out)
	rng := rand.New(rand.NewPCG(1, 2))
	kinds := map[string]int{}
	for i := range 20 {
		cmd := exec.Command(bin, "build", "-src", srcs[(i+1)%2], "-out", out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		slept := time.Duration(rng.Int64N(int64(took) * 3 / 2))
		time.Sleep(slept)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		digest := treeDigest(t, out)
		got, ok := want[digest]
		if !ok {
			what := "mixed: neither build whole"
			if digest == "" {
				what = "missing"
			}
			t.Fatalf("kill %d: %s is %s (after %v of a build that takes about %v)\n%s", i, out, what, slept, took, listing(root))
		}
		kinds[got]++
	}
	t.Logf("after 20 kills the output was the build of: %v (a build takes about %v)", kinds, took)
	build(srcs[0], out)
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") {
			t.Errorf("leftover %s after a finished build", e.Name())
		}
	}
}

// listing names the entries of dir and how many files each holds, for a
// failure message.
func listing(dir string) string {
	var b strings.Builder
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := 0
		filepath.WalkDir(filepath.Join(dir, e.Name()), func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return nil
		})
		fmt.Fprintf(&b, "  %s: %d files\n", e.Name(), n)
	}
	return b.String()
}

// mountTmpfs mounts a tmpfs of the given size, or skips the test when this
// machine does not allow it (not root, or no mount in the sandbox).
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s): the full-disk and read-only cases need one", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// On a full disk or a read-only folder, build fails with a clear error and
// the old site stays whole.
func TestOutputFullOrReadOnly(t *testing.T) {
	small := t.TempDir()
	if err := corpus.Write(small, 5, 1); err != nil {
		t.Fatal(err)
	}
	big := t.TempDir()
	if err := corpus.Write(big, 400, 2); err != nil {
		t.Fatal(err)
	}
	disk := mountTmpfs(t, "4m")
	out := filepath.Join(disk, "public")
	if rc := run([]string{"build", "-src", small, "-out", out}, os.Stderr); rc != 0 {
		t.Fatalf("the small site does not fit in 4 MB (exit %d)", rc)
	}
	before := treeDigest(t, out)

	stderr := captureStderr(t, func() {
		if rc := run([]string{"build", "-src", big, "-out", out}, os.Stderr); rc != 1 {
			t.Errorf("build onto a full disk: exit %d, want 1", rc)
		}
	})
	if !strings.Contains(stderr, "no space left on device") || !strings.Contains(stderr, out) {
		t.Errorf("full disk: unclear error %q", stderr)
	}
	if treeDigest(t, out) != before {
		t.Error("full disk: the old site changed")
	}
	if entries, _ := os.ReadDir(disk); len(entries) != 1 {
		t.Errorf("full disk: leftovers beside the output: %v", entries)
	}

	if b, err := exec.Command("mount", "-o", "remount,ro", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, b)
	}
	stderr = captureStderr(t, func() {
		if rc := run([]string{"build", "-src", small, "-out", out}, os.Stderr); rc != 1 {
			t.Errorf("build into a read-only folder: exit %d, want 1", rc)
		}
	})
	if !strings.Contains(stderr, "read-only file system") {
		t.Errorf("read-only: unclear error %q", stderr)
	}
	if treeDigest(t, out) != before {
		t.Error("read-only: the old site changed")
	}
}
