package serve

import (
	"bytes"
	"html"
	"strconv"
	"strings"
)

// liveScript reloads the page (keeping its scroll position), swaps
// stylesheets, and shows build errors, as the event stream asks.
// GEN is replaced by the generation the page was served from.
const liveScript = `<script data-zhinan-live>
(function () {
  "use strict";
  var key = "zhinan-scroll:" + location.pathname;
  var y = sessionStorage.getItem(key);
  if (y !== null) {
    sessionStorage.removeItem(key);
    var restore = function () { window.scrollTo(0, +y); };
    if (document.readyState === "complete") restore(); else addEventListener("load", restore);
  }
  function overlay(lines) {
    var d = document.getElementById("zhinan-error");
    if (!d) {
      d = document.createElement("div");
      d.id = "zhinan-error";
      d.setAttribute("style", STYLE);
      document.body.appendChild(d);
    }
    d.textContent = "";
    var h = document.createElement("strong");
    h.textContent = "zhinan: the build failed; what you see is the last good build";
    var pre = document.createElement("pre");
    pre.style.whiteSpace = "pre-wrap";
    pre.textContent = lines.join("\n");
    d.appendChild(h);
    d.appendChild(pre);
  }
  function swapStyles(paths) {
    var all = paths.length === 0 || paths[0] === "";
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (l) {
      var u = new URL(l.href, location.href), p = decodeURIComponent(u.pathname);
      var hit = all || paths.some(function (q) { return p === "/" + q || p.endsWith("/" + q); });
      if (!hit) return;
      u.searchParams.set("zhinan", Date.now());
      var n = l.cloneNode();
      n.href = u.href;
      n.onload = n.onerror = function () { l.remove(); };
      l.after(n);
    });
  }
  var es = new EventSource("EVENTS?gen=GEN");
  es.addEventListener("reload", function () {
    es.close();
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
  es.addEventListener("css", function (e) { swapStyles(e.data.split("\n")); });
  es.addEventListener("error", function (e) {
    if (typeof e.data === "string") overlay(e.data.split("\n"));
  });
})();
</script>
`

const overlayStyle = "position:fixed;z-index:2147483647;top:0;left:0;right:0;max-height:60vh;overflow:auto;" +
	"margin:0;padding:1em 1.5em;background:#fff0f0;color:#600;border-bottom:3px solid #c00;" +
	"font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left"

// warnStyle is the overlay when the build has only warnings: quieter, and
// folded unless this page has some.
const warnStyle = "position:fixed;z-index:2147483647;bottom:0;left:0;right:0;max-height:40vh;overflow:auto;" +
	"margin:0;padding:.5em 1.5em;background:#fff8e0;color:#540;border-top:2px solid #b80;" +
	"font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left"

// script returns the live-reload script for a page of generation gen.
func script(gen uint64) string {
	return strings.NewReplacer(
		"EVENTS", EventsPath,
		"GEN", strconv.FormatUint(gen, 10),
		"STYLE", strconv.Quote(overlayStyle),
	).Replace(liveScript)
}

// sourcer is implemented by sites that know which content file an output
// file comes from (*generator.Result does), so the overlay can put the
// page's own problems first.
type sourcer interface {
	Source(name string) string
}

// overlay renders the problems of snap, escaped, those of the page key
// first. It is "" when there are none.
func overlay(snap *snapshot, key string) string {
	if len(snap.diags) == 0 {
		return ""
	}
	src := ""
	if sc, ok := snap.files.(sourcer); ok && key != "" {
		src = sc.Source(key)
	}
	var here, elsewhere []string
	for _, d := range snap.diags {
		if src != "" && d.File == src {
			here = append(here, d.String())
		} else {
			elsewhere = append(elsewhere, d.String())
		}
	}
	var b strings.Builder
	style, open := overlayStyle, " open"
	head := "zhinan: " + snap.diags.Count()
	switch {
	case snap.failed && snap.files != nil:
		head = "zhinan: the build failed; what you see is the last good build"
	case snap.failed:
		head = "zhinan: the build failed; there is no site to show yet"
	case !snap.diags.HasErrors():
		style = warnStyle
		if len(here) == 0 {
			open = ""
		}
	default:
		head += " (every page is shown as far as it builds)"
	}
	b.WriteString(`<div id="zhinan-error" style="` + style + `"><details` + open + `><summary><strong>`)
	b.WriteString(html.EscapeString(head) + `</strong></summary>`)
	list := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		if title != "" {
			b.WriteString(`<p style="margin:.5em 0 0">` + title + `</p>`)
		}
		b.WriteString(`<pre style="white-space:pre-wrap;margin:.25em 0">`)
		for i, l := range lines {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(html.EscapeString(l))
		}
		b.WriteString("</pre>")
	}
	if len(here) > 0 {
		list("On this page ("+html.EscapeString(src)+"):", here)
		list("Elsewhere:", elsewhere)
	} else {
		list("", elsewhere)
	}
	b.WriteString("</details></div>\n")
	return b.String()
}

// inject puts the overlay (while there are problems) and the script before
// the last </body>, or at the end when there is none. page is not modified.
func inject(page []byte, snap *snapshot, key string) []byte {
	add := overlay(snap, key) + script(snap.gen)
	at := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:at]...)
	out = append(out, add...)
	return append(out, page[at:]...)
}

// noSitePage is served when there is no page to show: the diagnostics of a
// failed build (or of this page's template), or a note that the first build
// is under way.
func noSitePage(snap *snapshot, key string) []byte {
	body := "<p>zhinan: building the site…</p>\n"
	title := "zhinan: building"
	if len(snap.diags) > 0 {
		body = overlay(snap, key)
		title = "zhinan: build failed"
	}
	return []byte("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + title +
		"</title></head>\n<body>\n" + body + script(snap.gen) + "</body></html>\n")
}
