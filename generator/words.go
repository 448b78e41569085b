package generator

import (
	"fmt"
	"html/template"
	"maps"
	"strings"
	"sync/atomic"

	"zhinan/generator/i18n"
	"zhinan/generator/markdown"
)

// words holds the reader-facing words of a Builder's last build. Templates
// reach them through the "t" function, which is bound once when the theme
// is parsed and reads the current words when it runs: a change of language
// needs no new parse, and pages of an older build still being served read
// a whole set, never half of one.
type words struct{ p atomic.Pointer[i18n.Words] }

// set makes ws the current words and reports whether they changed, in
// which case rendered Markdown (callout titles, anchor labels) is stale.
func (w *words) set(ws i18n.Words) bool {
	changed := !maps.Equal(w.get(), ws)
	w.p.Store(&ws)
	return changed
}

func (w *words) get() i18n.Words {
	if p := w.p.Load(); p != nil {
		return *p
	}
	return nil
}

// templateFuncs are the theme's functions plus {{t "key"}}.
func (w *words) templateFuncs() template.FuncMap {
	f := make(template.FuncMap, len(funcs)+1)
	for k, v := range funcs {
		f[k] = v
	}
	f["t"] = func(key string) string { return w.get().T(key) }
	// {{tf "key" a b}}: the word with each "{}" replaced by the next
	// argument, for sentences whose word order differs by language.
	f["tf"] = func(key string, args ...any) string {
		s := w.get().T(key)
		for _, a := range args {
			s = strings.Replace(s, "{}", fmt.Sprint(a), 1)
		}
		return s
	}
	return f
}

// markdownWords are the words Markdown rendering writes.
func markdownWords(ws i18n.Words) markdown.Words {
	callouts := map[string]string{}
	for _, kind := range markdown.CalloutKinds {
		callouts[kind] = ws.T("callout_" + kind)
	}
	return markdown.Words{Callouts: callouts, Anchor: ws.T("anchor_label")}
}
