package markdown

import (
	"strings"
	"testing"
)

// TestSpanMemo: the memo keeps the answers met lately, forgets the oldest
// once it holds its limit, and never takes a block bigger than an eighth of it.
func TestSpanMemo(t *testing.T) {
	m := spanMemo{limit: 800}
	for i := range 100 {
		m.put(strings.Repeat("k", 10)+string(rune('A'+i%26))+string(rune('a'+i/26)), strings.Repeat("v", 30))
	}
	if _, ok := m.get("kkkkkkkkkkVd"); !ok { // the last one put (i = 99)
		t.Error("the latest block was forgotten")
	}
	if _, ok := m.get("kkkkkkkkkkAa"); ok { // the first one put
		t.Error("the oldest block is still kept past the limit")
	}
	if n := len(m.young) + len(m.old); n*42 > m.limit {
		t.Errorf("the memo holds %d blocks of 42 bytes, more than its limit of %d bytes", n, m.limit)
	}
	m.put("huge", strings.Repeat("v", 200))
	if _, ok := m.get("huge"); ok {
		t.Error("a block of a quarter of the limit was kept")
	}
}
