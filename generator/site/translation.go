package site

// Translation is one language's version of a page, for the language
// switcher and the hreflang links (see Page.Translations). The generator
// sets them once every language's site is built.
type Translation struct {
	Code    string // the language's code: "en"
	Name    string // the language's name, as the switcher shows it: "English"
	Current bool   // the language of the page that holds it
	// Page is the translation, or, when the page has none in this
	// language, that language's home page (Missing is then set).
	Page    *Page
	Missing bool
	// Href is the link from the page that holds it to Page, relative
	// (as the theme's other links are, so the site works from file://).
	Href string
}
