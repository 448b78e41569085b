package generator

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"zhinan/generator/config"
	"zhinan/generator/content"
	"zhinan/generator/diag"
	"zhinan/generator/site"
)

// A multilingual site (languages: in zhinan.yaml) is built as one
// single-language site per language, side by side, each with its own
// Builder (and so its own caches, reading order, sidebar, tags, 404 page,
// feed and search index), the default language at the output's root and
// each other one in the folder named by its code. They are then joined:
// every page learns its translations (Page.Translations), which the theme
// turns into hreflang links and the language switcher, and the sitemap at
// the root lists every language's pages with their alternates.

// langPart says which language of a multilingual site a Builder builds.
type langPart struct {
	lang      config.Language
	isDefault bool
	all       []config.Language
	// fallback, for a language other than the default, is where links to
	// pages it lacks lead: the default language's pages (see site.Fallback).
	fallback *site.Fallback
}

// prefix is the output folder of the language: "" for the default, "en/".
func (p *langPart) prefix() string {
	if p.isDefault {
		return ""
	}
	return p.lang.Code + "/"
}

// config is the language's settings: its code, base URL and folder of
// pages, with the other languages' folders left out of it when they lie
// inside it (docs/ and docs/en/, or "." and en/).
func (p *langPart) config(cfg config.Config) config.Config {
	out := cfg.ForLanguage(p.lang, p.isDefault)
	root := path.Clean(out.Content)
	var pats []string
	for _, o := range p.all {
		if o.Content == "" || o.Code == p.lang.Code {
			continue
		}
		dir := path.Clean(o.Content)
		if rel, ok := strings.CutPrefix(dir, root+"/"); ok || root == "." {
			if root == "." {
				rel = dir
			}
			pats = append(pats, "/"+rel+"/")
		}
	}
	if len(pats) > 0 {
		out.Exclude = strings.Join(append(out.ExcludePatterns(), pats...), "\n")
	}
	return out
}

// tree sets the suffixes of the suffix layout (page.en.md beside page.md).
func (p *langPart) tree(t content.Tree) content.Tree {
	if p == nil {
		return t
	}
	t.Suffix = p.lang.Suffix
	if p.isDefault {
		var others []string
		for _, o := range p.all {
			if o.Suffix != "" {
				others = append(others, o.Suffix)
			}
		}
		t.Others = strings.Join(others, "\n")
	}
	return t
}

// buildLanguages builds every language of a multilingual site and joins
// them. A language's Builder is kept while the list of languages is the
// same, so that a rebuild reuses each one's caches.
func (b *Builder) buildLanguages(ch Change, cfg config.Config, start time.Time) (*Result, diag.List) {
	langs := cfg.Languages()
	if !sameLanguages(b.langs, langs) {
		b.langs = nil
		for i, l := range langs {
			opts := b.opts
			if loaded := b.opts.Loaded; loaded != nil {
				// Told the pages of every language so far, not of one.
				opts.Loaded = func(n int) {
					b.loadedSoFar += n
					loaded(b.loadedSoFar)
				}
			}
			sub := NewBuilder(opts)
			sub.part = &langPart{lang: l, isDefault: i == 0, all: langs}
			b.langs = append(b.langs, sub)
		}
	}
	b.loadedSoFar = 0
	var diags diag.List
	parts := make([]*Result, len(b.langs))
	failed := false
	trees := make([]content.Tree, len(b.langs))
	for i, sub := range b.langs {
		trees[i] = sub.contentTree(sub.part.config(cfg))
	}
	for i, sub := range b.langs {
		if i > 0 && parts[0] != nil {
			sub.part.fallback = fallbackOf(parts[0].Site, sub.part.prefix())
		}
		res, d := sub.Build(ownChange(ch, trees, i))
		diags.Merge(d)
		parts[i] = res
		failed = failed || res == nil
	}
	diags = unique(diags)
	if failed {
		return nil, diags
	}
	res := &Result{Site: parts[0].Site, Elapsed: time.Since(start)}
	for i, p := range parts {
		res.Pages += p.Pages
		res.Rendered += p.Rendered
		res.langs = append(res.langs, langResult{prefix: b.langs[i].part.prefix(), code: langs[i].Code, res: p})
	}
	diags.Merge(pairTranslations(res.langs, langs))
	diags.Sort()
	return res, diags
}

// fallbackOf lists the default language's pages and sections for the
// links of the language whose output folder is prefix.
func fallbackOf(s *site.Site, prefix string) *site.Fallback {
	f := &site.Fallback{Prefix: prefix, Pages: map[string]string{}, Dirs: map[string]string{}}
	for _, p := range s.Pages {
		if p.Source == "" {
			continue
		}
		f.Pages[p.Source] = p.Rel
		if p.Kind != site.KindPage {
			dir := path.Dir(p.Source)
			if dir == "." {
				dir = ""
			}
			f.Dirs[dir] = p.Rel
		}
	}
	return f
}

// ownChange is ch without the paths of the other languages' pages, which
// language i's build would otherwise take for files it does not know (and
// so read all its pages again).
func ownChange(ch Change, trees []content.Tree, i int) Change {
	out := Change{All: ch.All}
	for _, p := range ch.Paths {
		if _, mine := trees[i].Rel(p); !mine && slices.ContainsFunc(trees, func(t content.Tree) bool {
			_, ok := t.Rel(p)
			return ok
		}) {
			continue
		}
		out.Paths = append(out.Paths, p)
	}
	return out
}

func sameLanguages(subs []*Builder, langs []config.Language) bool {
	if len(subs) != len(langs) {
		return false
	}
	for i, s := range subs {
		if s.part.lang != langs[i] {
			return false
		}
	}
	return true
}

// unique drops the diagnostics every language's build gives alike (the
// settings', the templates').
func unique(l diag.List) diag.List {
	l.Sort()
	return slices.Compact(l)
}

// langResult is one language's build in a multilingual Result.
type langResult struct {
	prefix string // output folder: "" for the default language, "en/"
	code   string
	res    *Result
}

// translationKey is what pairs a page with its translations: its
// translation_key, else its path in the folder of pages, else (for pages
// the generator makes: tags, list pages) its URL path in the language.
func translationKey(p *site.Page) string {
	switch {
	case p.Meta.TranslationKey != "":
		return "key:" + p.Meta.TranslationKey
	case p.Source != "":
		return "src:" + p.Source
	}
	return "rel:" + p.Rel
}

func allPages(s *site.Site) []*site.Page {
	return slices.Concat(s.Pages, s.Taxonomies, s.Terms, s.Listings)
}

// pairTranslations sets every page's Translations and gives one warning
// listing the default language's pages that some language lacks.
func pairTranslations(parts []langResult, langs []config.Language) diag.List {
	index := make([]map[string]*site.Page, len(parts))
	for i, lr := range parts {
		index[i] = map[string]*site.Page{}
		for _, p := range allPages(lr.res.Site) {
			index[i][translationKey(p)] = p
		}
	}
	var missing []string
	for i, lr := range parts {
		for _, p := range allPages(lr.res.Site) {
			key := translationKey(p)
			ts := make([]site.Translation, len(parts))
			for j := range parts {
				t := site.Translation{Code: langs[j].Code, Name: langs[j].Name, Current: i == j, Page: index[j][key]}
				if t.Page == nil {
					t.Page, t.Missing = parts[j].res.Site.Home, true
					if i == 0 && p.Source != "" {
						missing = append(missing, langs[j].Code+": "+p.File)
					}
				}
				t.Href = site.RelURL(parts[i].prefix+p.Rel, parts[j].prefix+t.Page.Rel)
				ts[j] = t
			}
			p.Translations = ts
		}
	}
	var d diag.List
	if len(missing) > 0 {
		slices.Sort(missing)
		list := missing
		if len(list) > maxMissingListed {
			list = append(list[:maxMissingListed:maxMissingListed], fmt.Sprintf("and %d more", len(missing)-maxMissingListed))
		}
		d.Warn(config.File, 0, 0, "%d %s no translation (readers are sent to that language's home page): %s",
			len(missing), plural(len(missing), "page has", "pages have"), strings.Join(list, ", "))
	}
	return d
}

// maxMissingListed is how many untranslated pages the warning names: a
// translation under way can lack thousands, and one line must stay readable.
const maxMissingListed = 100

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Language is the build of one language of a multilingual site, by code
// ("en"), its files at its own root (so search.Open reads its index); nil
// when the site has no such language. For a single-language site it is
// the Result itself when code is "" or the site's language.
func (r *Result) Language(code string) *Result {
	if len(r.langs) == 0 {
		if code == "" || strings.EqualFold(code, r.Site.Config.Language) {
			return r
		}
		return nil
	}
	if code == "" {
		return r.langs[0].res
	}
	for _, lr := range r.langs {
		if strings.EqualFold(lr.code, code) {
			return lr.res
		}
	}
	return nil
}

// Languages lists the codes of a multilingual site's languages, the
// default first; nil for a single-language site.
func (r *Result) Languages() []string {
	var out []string
	for _, lr := range r.langs {
		out = append(out, lr.code)
	}
	return out
}

// langOf is the language build an output path of a multilingual Result
// belongs to, and the path inside it.
func (r *Result) langOf(name string) (*Result, string) {
	for _, lr := range r.langs[1:] {
		if rest, ok := strings.CutPrefix(name, lr.prefix); ok {
			return lr.res, rest
		}
	}
	return r.langs[0].res, name
}
