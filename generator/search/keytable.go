package search

// keyTable maps CJK term keys (cjkKey, never 0) to int32 values: an
// open-addressing hash table with linear probing. The indexer looks up one
// key per token, so this replaces a Go map where a map's generality costs:
// reset empties it in constant time (a stamp marks the slots of the current
// generation), so one table serves every page a worker analyzes, and a
// lookup that inserts is a single probe sequence.
type keyTable struct {
	slots []keySlot
	stamp uint32 // slots with another stamp are empty
	n     int    // keys of the current generation
}

type keySlot struct {
	key   uint64
	stamp uint32
	val   int32
}

// reset empties the table, keeping its memory.
func (t *keyTable) reset() {
	t.n = 0
	t.stamp++
	if t.stamp == 0 { // wrapped: old stamps could come back to life
		clear(t.slots)
		t.stamp = 1
	}
}

// lookup returns the value of key, or stores val for it and returns val
// with found false.
func (t *keyTable) lookup(key uint64, val int32) (v int32, found bool) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	for i := mixKey(key) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.stamp != t.stamp {
			*s = keySlot{key, t.stamp, val}
			t.n++
			return val, false
		}
		if s.key == key {
			return s.val, true
		}
	}
}

// grow doubles the table (to 1,024 slots at first), keeping its keys.
func (t *keyTable) grow() {
	old, stamp := t.slots, t.stamp
	t.slots = make([]keySlot, max(1024, 2*len(old)))
	t.stamp = 1
	mask := uint64(len(t.slots) - 1)
	for _, s := range old {
		if s.stamp != stamp {
			continue
		}
		i := mixKey(s.key) & mask
		for t.slots[i].stamp == t.stamp {
			i = (i + 1) & mask
		}
		t.slots[i] = keySlot{s.key, t.stamp, s.val}
	}
}

// mixKey spreads the bits of a key over the low bits used for a slot
// (the splitmix64 finalizer). partition uses the high bits of another hash,
// so the keys of one partition still fill the whole table.
func mixKey(k uint64) uint64 {
	k ^= k >> 30
	k *= 0xBF58476D1CE4E5B9
	k ^= k >> 27
	k *= 0x94D049BB133111EB
	return k ^ k>>31
}
