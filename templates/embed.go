// Package templates is the default theme of zhinan, embedded in the binary.
// A site overrides any file of it by putting a file of the same path in its
// own templates/ folder. See package zhinan/generator/tmpl for the layout.
package templates

import "embed"

// FS holds the theme: layouts, partials and assets.
//
//go:embed *.html partials assets i18n
var FS embed.FS
