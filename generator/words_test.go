package generator

import (
	"testing"

	"zhinan/generator/i18n"
	"zhinan/generator/markdown"
	"zhinan/templates"
)

// Every callout kind has a title in each shipped language, so no page
// shows a key such as "callout_info".
func TestCalloutWords(t *testing.T) {
	for _, lang := range []string{"zh-CN", "zh-TW", "ja", "en"} {
		ws, _ := i18n.Load(templates.FS, nil, lang)
		titles := markdownWords(ws).Callouts
		for _, kind := range markdown.CalloutKinds {
			if t0 := titles[kind]; t0 == "" || t0 == "callout_"+kind {
				t.Errorf("%s: no title for callout kind %q", lang, kind)
			}
		}
	}
}
