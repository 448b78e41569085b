package watch

import (
	"os"
	"path/filepath"
	"slices"
	"time"
)

// pending collects the changes of the batch being formed.
type pending struct {
	paths   map[string]bool // rel -> created within this batch
	rescan  bool
	started time.Time
}

func (p *pending) empty() bool { return len(p.paths) == 0 && !p.rescan }

func (p *pending) add(c change) {
	if p.empty() {
		p.started = time.Now()
	}
	if c.rescan {
		p.rescan = true
		return
	}
	if _, seen := p.paths[c.rel]; !seen {
		p.paths[c.rel] = c.created
	}
}

// batch turns the raw changes into debounced Batches on w.out.
func (w *Watcher) batch() {
	defer w.wg.Done()
	defer close(w.out)
	cur := pending{paths: map[string]bool{}}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var ready *Batch // formed, waiting for the consumer
	for {
		var out chan<- Batch
		var next Batch
		if ready != nil {
			out, next = w.out, *ready
		}
		select {
		case <-w.done:
			timer.Stop()
			return
		case c := <-w.in:
			cur.add(c)
			wait := w.opts.Debounce
			if left := time.Until(cur.started.Add(w.opts.MaxWait)); left < wait {
				wait = max(left, 0)
			}
			timer.Reset(wait)
		case <-timer.C:
			b := w.settle(&cur)
			cur = pending{paths: map[string]bool{}}
			if len(b.Paths) > 0 || b.Rescan {
				ready = merge(ready, b)
			}
		case out <- next:
			ready = nil
		}
	}
}

// settle turns the pending changes into a Batch, dropping paths that came
// and went within it (the temporary file of an atomic save).
func (w *Watcher) settle(p *pending) Batch {
	b := Batch{Rescan: p.rescan}
	for rel, created := range p.paths {
		if created {
			if _, err := os.Lstat(filepath.Join(w.root, filepath.FromSlash(rel))); err != nil {
				continue
			}
		}
		b.Paths = append(b.Paths, rel)
	}
	slices.Sort(b.Paths)
	return b
}

// merge adds b to a batch still waiting for its consumer.
func merge(ready *Batch, b Batch) *Batch {
	if ready == nil {
		return &b
	}
	m := Batch{Rescan: ready.Rescan || b.Rescan}
	m.Paths = append(append(m.Paths, ready.Paths...), b.Paths...)
	slices.Sort(m.Paths)
	m.Paths = slices.Compact(m.Paths)
	return &m
}
