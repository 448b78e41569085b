// Package fresh says which guides are due for another check.
//
// A guide's steps describe apps that change under it, so a page carries the
// date it was last checked (front matter last_checked). With stale_after: N
// in zhinan.yaml, Mark warns about every page whose last check is more than N
// days before today, and about every page that has no check at all, and sets
// the page's Stale and CheckAge so the theme can show a banner. Warnings never
// stop a build: an old guide is still better published than not.
//
// Only pages made from a file are looked at; generated sections, tag and
// platform pages have nothing to check.
package fresh

import (
	"time"

	"zhinan/generator/diag"
	"zhinan/generator/site"
)

// Mark sets Stale and CheckAge on the pages whose last check is more than
// staleAfter days before now (or missing), and returns one warning for each,
// positioned at its last_checked line when it has one. staleAfter 0 turns the
// check off. A zero now means the clock's time.
func Mark(pages []*site.Page, staleAfter int, now time.Time) diag.List {
	if staleAfter <= 0 {
		return nil
	}
	if now.IsZero() {
		now = time.Now()
	}
	today := civil(now)
	var diags diag.List
	for _, p := range pages {
		if p.File == "" {
			continue
		}
		checked := p.Meta.LastChecked.Date
		if checked.IsZero() {
			p.Stale = true
			diags.Warn(p.File, 0, 0, "no last_checked in front matter: nothing says when its steps were last checked (stale_after: %d days)", staleAfter)
			continue
		}
		age := Age(checked, today)
		if age <= staleAfter {
			continue
		}
		p.Stale, p.CheckAge = true, age
		diags.Warn(p.File, p.Meta.Line("last_checked"), 1, "last checked %s, %d days ago (stale_after: %d days)",
			checked.Format("2006-01-02"), age, staleAfter)
	}
	return diags
}

// Age is the number of calendar days from the day of checked to the day of
// now, each taken in its own time zone, so that a check "on 2026-11-25"
// is one day old on 2026-11-26 whatever the hour.
func Age(checked, now time.Time) int {
	return int(civil(now).Sub(civil(checked)).Hours()+0.5) / 24
}

// civil is t's calendar day as midnight UTC, so that days subtract exactly.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
