package config

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Language is one language of a multilingual site (the languages: setting).
// A language's pages are either in a folder of their own (Content) or beside
// the default language's pages with a suffix before ".md" (Suffix: "en" for
// page.en.md). The default language (the first) keeps the content setting
// and no suffix.
type Language struct {
	Code    string // BCP 47 tag: zh-CN, en, zh-TW, ja; <html lang> and the URL prefix /<code>/
	Name    string // what the language switcher shows: 简体中文, English
	Content string // the folder of its pages, relative to the site root; "" when Suffix is used (or for the default: the content setting)
	Suffix  string // the file-name suffix of its pages ("en" for page.en.md); "" when Content is used
	Title   string // the site's title in this language; "" keeps the title setting
	// Nav is the language's navigation file (as the nav setting). A
	// language with a folder of its own does not take the nav setting,
	// whose paths are the default language's folder; a SUMMARY.md beside
	// its pages still orders them. A suffix language takes it: its pages
	// have the default's paths.
	Nav string
}

// codePattern is what a language code may be: letters, digits and "-", as
// BCP 47 tags are, so that it can be a URL folder as it is.
var codePattern = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// suffixPattern is what a file-name suffix may be ("en", "zh-TW", "zh_CN").
var suffixPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// Languages lists the languages: setting, the default first; nil for a
// single-language site.
func (c Config) Languages() []Language {
	if c.Langs == "" {
		return nil
	}
	var out []Language
	for _, line := range strings.Split(c.Langs, "\n") {
		f := strings.Split(line, "\t")
		out = append(out, Language{Code: f[0], Name: f[1], Content: f[2], Suffix: f[3], Title: f[4], Nav: f[5]})
	}
	return out
}

// setLanguages reads the languages: list. The first language is the
// default: it takes the place of language: and content:.
func (c *Config) setLanguages(v *yaml.Node) error {
	const want = `setting "languages": want a list such as [{code: zh-CN, name: 简体中文}, {code: en, name: English, content: content.en}]`
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		return fmt.Errorf("%s", want)
	}
	var lines []string
	seen := map[string]bool{}
	for i, item := range v.Content {
		l, err := language(item, i == 0)
		if err != nil {
			return err
		}
		if seen[strings.ToLower(l.Code)] {
			return &nodeError{item, fmt.Sprintf("setting \"languages\": language %q is listed twice", l.Code)}
		}
		seen[strings.ToLower(l.Code)] = true
		lines = append(lines, strings.Join([]string{l.Code, l.Name, l.Content, l.Suffix, l.Title, l.Nav}, "\t"))
		if i == 0 {
			c.Language = l.Code
			if l.Content != "" {
				c.Content = l.Content
			}
		}
	}
	c.Langs = strings.Join(lines, "\n")
	return nil
}

// language reads one item of languages:.
func language(item *yaml.Node, first bool) (Language, error) {
	var l Language
	if item.Kind != yaml.MappingNode {
		return l, &nodeError{item, `setting "languages": each language is a mapping such as {code: en, name: English, content: content.en}`}
	}
	for j := 0; j+1 < len(item.Content); j += 2 {
		k, val := item.Content[j], item.Content[j+1]
		var dst *string
		switch k.Value {
		case "code":
			dst = &l.Code
		case "name":
			dst = &l.Name
		case "content":
			dst = &l.Content
		case "suffix":
			dst = &l.Suffix
		case "title":
			dst = &l.Title
		case "nav":
			dst = &l.Nav
		default:
			return l, &nodeError{k, fmt.Sprintf("unknown setting \"languages.%s\" (want code, name, content, suffix, title or nav)", k.Value)}
		}
		if val.Kind != yaml.ScalarNode || val.ShortTag() == "!!null" || strings.ContainsAny(val.Value, "\t\n") {
			return l, &nodeError{val, fmt.Sprintf("setting \"languages.%s\": want a string", k.Value)}
		}
		*dst = val.Value
	}
	switch {
	case !codePattern.MatchString(l.Code):
		return l, &nodeError{item, fmt.Sprintf("setting \"languages\": want a code such as en or zh-TW, got %q", l.Code)}
	case l.Name == "":
		l.Name = l.Code
	}
	if l.Content != "" {
		if err := checkInside("languages.content", "folder", l.Content, "content.en or en/docs"); err != nil {
			return l, &nodeError{item, err.Error()}
		}
		l.Content = path.Clean(l.Content)
	}
	if l.Nav != "" {
		if err := checkInside("languages.nav", "file", l.Nav, "en/mkdocs.yml or content.en/SUMMARY.md"); err != nil {
			return l, &nodeError{item, err.Error()}
		}
		l.Nav = path.Clean(strings.ReplaceAll(l.Nav, "\\", "/"))
	}
	switch {
	case l.Content != "" && l.Suffix != "":
		return l, &nodeError{item, fmt.Sprintf("setting \"languages\": language %q has both content and suffix; give one", l.Code)}
	case first && l.Suffix != "":
		return l, &nodeError{item, fmt.Sprintf("setting \"languages\": the first language, %q, is the default and takes no suffix", l.Code)}
	case !first && l.Content == "" && l.Suffix == "":
		return l, &nodeError{item, fmt.Sprintf("setting \"languages\": language %q needs content (its folder) or suffix (page.%s.md)", l.Code, strings.ToLower(l.Code))}
	case l.Suffix != "" && !suffixPattern.MatchString(l.Suffix):
		return l, &nodeError{item, fmt.Sprintf("setting \"languages\": want a suffix of letters, digits, - and _, such as en, got %q", l.Suffix)}
	}
	return l, nil
}

// ForLanguage is the settings of one language's part of the site: its
// code, its folder of pages and its base URL (the site's, plus "<code>/"
// for every language but the default).
func (c Config) ForLanguage(l Language, isDefault bool) Config {
	out := c
	out.Language = l.Code
	if l.Content != "" {
		out.Content = l.Content
	}
	if l.Title != "" {
		out.Title = l.Title
	}
	switch {
	case l.Nav != "":
		out.Nav = l.Nav
	case !isDefault && l.Content != "":
		out.Nav = ""
	}
	if !isDefault {
		base := c.BaseURL
		if !strings.HasSuffix(base, "/") {
			base += "/"
		}
		out.BaseURL = base + l.Code + "/"
	}
	return out
}
