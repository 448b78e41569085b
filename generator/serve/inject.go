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
    h.textContent = "zhinan: the build failed; showing the last good site";
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

// script returns the live-reload script for a page of generation gen.
func script(gen uint64) string {
	return strings.NewReplacer(
		"EVENTS", EventsPath,
		"GEN", strconv.FormatUint(gen, 10),
		"STYLE", strconv.Quote(overlayStyle),
	).Replace(liveScript)
}

// overlay renders the error overlay listing diags, escaped.
func overlay(diags []string) string {
	var b strings.Builder
	b.WriteString(`<div id="zhinan-error" style="` + overlayStyle + `">`)
	b.WriteString(`<strong>zhinan: the build failed; showing the last good site</strong><pre style="white-space:pre-wrap">`)
	for i, d := range diags {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(html.EscapeString(d))
	}
	b.WriteString("</pre></div>\n")
	return b.String()
}

// inject puts the overlay (while failing) and the script before the last
// </body>, or at the end when there is none. page is not modified.
func inject(page []byte, snap *snapshot) []byte {
	add := script(snap.gen)
	if snap.diags != nil {
		add = overlay(snap.diags) + add
	}
	at := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:at]...)
	out = append(out, add...)
	return append(out, page[at:]...)
}

// noSitePage is served while there has not been a good build: the
// diagnostics of the failed first build, or a note that it is under way.
func noSitePage(snap *snapshot) []byte {
	body := "<p>zhinan: building the site…</p>\n"
	title := "zhinan: building"
	if snap.diags != nil {
		body = overlay(snap.diags)
		title = "zhinan: build failed"
	}
	return []byte("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + title +
		"</title></head>\n<body>\n" + body + script(snap.gen) + "</body></html>\n")
}
