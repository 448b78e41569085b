package watch

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// stamp is what the poller compares between scans.
type stamp struct {
	mod  time.Time
	size int64
	dir  bool
}

// poller finds changes by scanning the watched trees every Options.Poll.
type poller struct {
	w    *Watcher
	last map[string]stamp
}

func newPoller(w *Watcher) *poller {
	return &poller{w: w, last: w.scan()}
}

func (p *poller) run() {
	defer p.w.wg.Done()
	t := time.NewTicker(p.w.opts.Poll)
	defer t.Stop()
	for {
		select {
		case <-p.w.done:
			return
		case <-t.C:
			now := p.w.scan()
			p.diff(now)
			p.last = now
		}
	}
}

// diff reports paths that appeared, vanished, or whose file changed in
// size or modification time. Folders count only when they appear or vanish.
func (p *poller) diff(now map[string]stamp) {
	for rel, s := range now {
		old, ok := p.last[rel]
		switch {
		case !ok:
			p.w.send(change{rel: rel, created: true})
		case old.dir != s.dir || (!s.dir && (old.size != s.size || !old.mod.Equal(s.mod))):
			p.w.send(change{rel: rel})
		}
	}
	for rel := range p.last {
		if _, ok := now[rel]; !ok {
			p.w.send(change{rel: rel})
		}
	}
}

// scan stamps every watched, non-ignored path.
func (w *Watcher) scan() map[string]stamp {
	m := map[string]stamp{}
	for _, f := range w.opts.Files {
		if fi, err := os.Stat(filepath.Join(w.root, f)); err == nil {
			m[f] = stamp{mod: fi.ModTime(), size: fi.Size(), dir: fi.IsDir()}
		}
	}
	for _, d := range w.opts.Dirs {
		w.walk(filepath.Join(w.root, d), func(_, rel string, e fs.DirEntry) {
			if fi, err := e.Info(); err == nil { // else gone since the folder was read
				m[rel] = stamp{mod: fi.ModTime(), size: fi.Size(), dir: e.IsDir()}
			}
		})
	}
	return m
}
