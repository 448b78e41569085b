package markdown

// Words are the reader-facing words rendering writes: the site's, from its
// language file (generator/i18n), passed in so that none are fixed in Go.
type Words struct {
	Callouts map[string]string // callout kind (one of CalloutKinds) -> its default title
	Anchor   string            // the heading anchor's aria-label, before the heading's text: "Link to this section: "
}

// withDefaults fills what the caller left empty with the callout kinds' own
// names and a bare label, so a Renderer made without words still renders
// something readable (tests, tools); sites always pass their words.
func (w Words) withDefaults() Words {
	titles := map[string]string{}
	for _, kind := range CalloutKinds {
		titles[kind] = kind
		if t := w.Callouts[kind]; t != "" {
			titles[kind] = t
		}
	}
	w.Callouts = titles
	return w
}
