package config

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func load(t *testing.T, yaml string) (Config, string) {
	t.Helper()
	cfg, diags := Load(fstest.MapFS{File: {Data: []byte(yaml)}})
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.Error())
	}
	return cfg, strings.Join(msgs, "\n")
}

func TestSynonyms(t *testing.T) {
	cfg, diags := load(t, "title: 指南\nsearch:\n  synonyms:\n    - [安卓, Android]\n    - [踢, 移出, 删除成员]\n")
	if diags != "" {
		t.Fatalf("diagnostics: %s", diags)
	}
	want := [][]string{{"安卓", "Android"}, {"踢", "移出", "删除成员"}}
	if got := cfg.SynonymSets(); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("SynonymSets() = %q, want %q", got, want)
	}
	same, _ := load(t, "title: 指南\nsearch: {synonyms: [[安卓, Android], [踢, 移出, 删除成员]]}\n")
	if same != cfg {
		t.Error("the same settings in flow style give a different Config")
	}
	if none, _ := load(t, "title: 指南\n"); none.SynonymSets() != nil {
		t.Errorf("no synonyms: SynonymSets() = %q", none.SynonymSets())
	}
}

func TestSynonymsErrors(t *testing.T) {
	for yaml, want := range map[string]string{
		"search:\n  synonyms:\n    - [安卓]\n":         "zhinan.yaml:3:7: setting \"search.synonyms\": each set is a list of two or more words",
		"search:\n  synonym:\n    - [安卓, Android]\n": "zhinan.yaml:2:3: unknown setting \"search.synonym\"",
		"search:\n  synonyms: 安卓\n":                  "zhinan.yaml:2:13: setting \"search.synonyms\": want a list of lists of words",
		"search: [安卓]\n":                             "zhinan.yaml:1:1: setting \"search\": want a mapping",
		"search:\n  synonyms:\n    - [安卓, \"\"]\n":   "each set is a list of two or more words",
	} {
		if _, got := load(t, yaml); !strings.Contains(got, want) {
			t.Errorf("%q: diagnostics %q, want %q", yaml, got, want)
		}
	}
}
