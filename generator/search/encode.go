package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// alphabet holds the 64 characters of the posting encoding. The first 32 end
// a number, the last 32 continue it (see the package documentation).
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

var alphabetIndex = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = int8(i)
	}
	return t
}()

// appendVarint appends v as base-32 digits, most significant first; every
// digit but the last is written with the continuation half of the alphabet.
func appendVarint(b []byte, v uint32) []byte {
	var d [maxVarint]byte
	n := 0
	for {
		d[n] = byte(v & 31)
		n++
		v >>= 5
		if v == 0 {
			break
		}
	}
	for i := n - 1; i > 0; i-- {
		b = append(b, alphabet[32+d[i]])
	}
	return append(b, alphabet[d[0]])
}

// maxVarint is the most digits appendVarint writes.
const maxVarint = 7

// putVarint writes v at b[n:] as appendVarint appends it, and returns the
// index after it. b must have room for maxVarint digits.
func putVarint(b []byte, n int, v uint32) int {
	if v < 32 { // most deltas, scores and masks
		b[n] = alphabet[v]
		return n + 1
	}
	// kept short so that the compiler inlines the common case
	return putVarintLong(b, n, v)
}

//go:noinline
func putVarintLong(b []byte, n int, v uint32) int {
	if v < 1024 {
		b[n], b[n+1] = alphabet[32+v>>5], alphabet[v&31]
		return n + 2
	}
	return n + len(appendVarint(b[n:n:n+maxVarint], v)) // writes in place: b has room
}

// decodeVarints decodes a string of varints written by appendVarint.
func decodeVarints(s string) ([]uint32, error) {
	var out []uint32
	var v uint32
	for i := 0; i < len(s); i++ {
		c := alphabetIndex[s[i]]
		if c < 0 {
			return nil, fmt.Errorf("bad posting character %q", s[i])
		}
		if c >= 32 {
			v = v<<5 | uint32(c-32)
			continue
		}
		out = append(out, v<<5|uint32(c))
		v = 0
	}
	return out, nil
}

// hashKey is 32-bit FNV-1a over the UTF-8 bytes of key.
func hashKey[S string | []byte](key S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h ^= uint32(key[i])
		h *= 16777619
	}
	return h
}

// shardName is the name (path under search/, without ".js") of the shard
// holding key when there are n shards (n a power of two).
func shardName(key string, n int) string {
	return fmt.Sprintf("s/%x", hashKey(key)&uint32(n-1))
}

// jsFile wraps v as a script that hands it to the client:
// __zhinanSearch.load("NAME",JSON);
func jsFile(name string, v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // only maps, slices and strings: cannot fail
	}
	var b bytes.Buffer
	b.Grow(len(data) + len(name) + 32)
	fmt.Fprintf(&b, "__zhinanSearch.load(%q,", name)
	b.Write(data)
	b.WriteString(");\n")
	return b.Bytes()
}

// jsPayload returns the JSON inside a file written by jsFile.
func jsPayload(b []byte) ([]byte, error) {
	i := bytes.IndexByte(b, ',')
	j := bytes.LastIndexByte(b, ')')
	if !bytes.HasPrefix(b, []byte("__zhinanSearch.load(")) || i < 0 || j < i {
		return nil, fmt.Errorf("not a search index file")
	}
	return b[i+1 : j], nil
}

// docFile writes what jsFile would for docRecord(d), faster:
// __zhinanSearch.load("d/ID",{"p":[[anchor,heading,text],...],"s":...,"t":...,"u":...});
func docFile(id int, d *Doc) []byte {
	size := 64 + len(d.URL) + len(d.Title) + len(d.Section)
	for _, p := range d.Parts {
		size += len(p.Anchor) + len(p.Heading) + len(p.Text) + 12
	}
	b := make([]byte, 0, size)
	b = append(b, `__zhinanSearch.load("d/`...)
	b = strconv.AppendInt(b, int64(id), 10)
	b = append(b, `",{"p":[`...)
	for i, p := range d.Parts {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendJSONString(b, p.Anchor)
		b = append(b, ',')
		b = appendJSONString(b, p.Heading)
		b = append(b, ',')
		b = appendJSONString(b, p.Text)
		b = append(b, ']')
	}
	b = append(b, `],"s":`...)
	b = appendJSONString(b, d.Section)
	b = append(b, `,"t":`...)
	b = appendJSONString(b, d.Title)
	b = append(b, `,"u":`...)
	b = appendJSONString(b, d.URL)
	return append(b, "});\n"...)
}
