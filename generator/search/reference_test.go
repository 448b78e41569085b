package search

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// referencePostings is the index's posting lists computed the plain way,
// with a map per page and Tokenize, as the package documentation states
// them: what Build's hashing, partitions, chunks and arenas must give.
func referencePostings(docs []Doc) map[string]string {
	docs = numbered(docs)
	type post struct {
		doc  int
		tf   [numFields]int
		mask uint32
	}
	lists := map[string][]*post{}
	lens := make([][numFields]int, len(docs))
	for id, d := range docs {
		mine := map[string]*post{}
		add := func(s string, f int, mask uint32) {
			for _, t := range Tokenize(s) {
				if f == fieldBody && utf8.RuneCountInString(t.Text) == 1 && isCJKTerm(t.Text) {
					lens[id][f]++ // a character alone counts, but is indexed out of bodies only
					continue
				}
				p := mine[t.Text]
				if p == nil {
					p = &post{doc: id}
					mine[t.Text] = p
					lists[t.Text] = append(lists[t.Text], p)
				}
				p.tf[f]++
				p.mask |= mask
				lens[id][f]++
			}
		}
		eachField(&d, add)
	}
	var avg [numFields]float64
	for _, l := range lens {
		for f := range avg {
			avg[f] += float64(l[f])
		}
	}
	for f := range avg {
		avg[f] = max(avg[f]/float64(max(len(docs), 1)), 1)
	}
	out := map[string]string{}
	for term, ps := range lists {
		n, df := float64(len(docs)), float64(len(ps))
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		var b []byte
		prev := 0
		for _, p := range ps {
			var tf float64
			for f := range numFields {
				norm := 1 - bm25B + bm25B*float64(lens[p.doc][f])/avg[f]
				tf += fieldWeight[f] * float64(min(p.tf[f], math.MaxUint16)) / norm
			}
			s := idf * tf * (bm25K1 + 1) / (tf + bm25K1)
			for f, bonus := range fieldBonus {
				if p.tf[f] > 0 {
					s += idf * bonus
				}
			}
			q := max(uint32(math.Round(scoreScale*math.Log1p(s))), 1)
			b = appendVarint(appendVarint(appendVarint(b, uint32(p.doc-prev)), q), p.mask)
			prev = p.doc
		}
		out[term] = string(b)
	}
	return out
}

// TestPostingsMatchReference: every term's posting list is what the
// plain computation gives, counts past a byte and past 65,535 included.
func TestPostingsMatchReference(t *testing.T) {
	docs := genCorpus(corpusOptions{pages: 400, bodyRunes: 400, seed: 7})
	docs = append(docs,
		// 256 and 512 wrap a byte to 0, which would score as absent.
		Doc{URL: "/many/", Title: "群群", Parts: []Part{{Heading: "群", Text: strings.Repeat("群主 ", 300) + strings.Repeat("b ", 256)}}},
		Doc{URL: "/many2/", Title: "群", Parts: []Part{{Text: strings.Repeat("群聊 c ", 512)}}},
		Doc{URL: "/more/", Title: "a", Description: "描述 a", Parts: []Part{{Text: strings.Repeat("a ", 70000)}}},
		Doc{URL: "/parts/", Title: "部分", Parts: slices.Repeat([]Part{{Heading: "标题", Text: "正文 wecom"}}, 40)},
	)
	files := Build(docs)
	got := map[string]string{}
	for path, b := range files {
		if !strings.HasPrefix(path, "search/s/") {
			continue
		}
		data, err := jsPayload(b)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for k, v := range m {
			if !strings.HasPrefix(k, "^") {
				got[k] = v
			}
		}
	}
	want := referencePostings(docs)
	if len(got) != len(want) {
		t.Errorf("%d terms, want %d", len(got), len(want))
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("term %q: postings %.40q, want %.40q", k, got[k], v)
		}
	}
}

// TestDocFileIsJSON: page records are written as encoding/json writes
// them, escapes included.
func TestDocFileIsJSON(t *testing.T) {
	d := Doc{URL: "/a&b/", Title: "<标题> \"引号\" …", Section: "节\u2028行",
		Parts: []Part{{Anchor: "x", Heading: "h\\", Text: "bad \xff utf-8 —"}, {Text: "正文\t"}}}
	parts := [][3]string{}
	for _, p := range d.Parts {
		parts = append(parts, [3]string{p.Anchor, p.Heading, p.Text})
	}
	want := jsFile("d/7", map[string]any{"u": d.URL, "t": d.Title, "s": d.Section, "p": parts})
	if got := docFile(7, &d); string(got) != string(want) {
		t.Errorf("docFile:\n%s\nwant\n%s", got, want)
	}
	empty := Doc{URL: "/e/"}
	want = jsFile("d/0", map[string]any{"u": "/e/", "t": "", "s": "", "p": [][3]string{}})
	if got := docFile(0, &empty); string(got) != string(want) {
		t.Errorf("docFile of an empty page:\n%s\nwant\n%s", got, want)
	}
}

// FuzzAppendJSONString: strings are written as encoding/json writes them.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"群主 wecom", "a<b>&\"\\", "\u2028\u2029…—“”", "\xff\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\xaf", "\t\n", "𠀀ｶ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}
