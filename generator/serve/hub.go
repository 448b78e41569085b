package serve

import (
	"sync"
)

// Event is one Server-Sent Event.
type Event struct {
	Name string // "reload", "css" or "error"
	Data string // may hold several lines
	ID   uint64 // the site generation it announces
}

// Hub fans events out to every connected browser. Its zero value is not
// ready; use NewHub. A Hub is safe for concurrent use.
type Hub struct {
	mu   sync.Mutex
	subs map[chan Event]struct{}
}

// NewHub returns a Hub with no subscribers.
func NewHub() *Hub { return &Hub{subs: map[chan Event]struct{}{}} }

// Subscribe returns a channel receiving every event published from now on,
// and a function to call when done listening.
func (h *Hub) Subscribe() (<-chan Event, func()) {
	ch := make(chan Event, 16)
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs, ch)
		h.mu.Unlock()
	}
}

// Publish sends e to every subscriber. It never blocks: a subscriber that
// has fallen 16 events behind misses this one.
func (h *Hub) Publish(e Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- e:
		default:
		}
	}
}

// Subscribers reports how many listeners are connected.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}
