// zhinan theme: tabs, dark-mode toggle, menu, copy buttons, current section in the
// table of contents, and the loader of the search client. Pages work without
// it. No frameworks.
(function () {
  "use strict";
  var root = document.documentElement, doc = document, me = doc.currentScript;
  var narrow = matchMedia("(max-width: 48rem)"), sysDark = matchMedia("(prefers-color-scheme: dark)");

  // Tabs (generator/markdown/tabs.go): the WAI-ARIA tabs pattern with
  // automatic activation (arrow keys select, as APG advises when the panels
  // are already in the page). Tabs are linked by label: choosing "Android"
  // selects Android in every set of this page and, through localStorage, of
  // every page opened later (MkDocs Material's content.tabs.link). The labels
  // chosen are kept latest first, so a set without the latest takes an
  // earlier one, and a set with none keeps its first (or ===+) tab. This runs
  // before anything else, to show the choice as early as a deferred script can.
  var lists = [].slice.call(doc.querySelectorAll(".tab-list"));
  function tabsIn(list) { return [].slice.call(list.children); }
  function panel(t) { return doc.getElementById(t.getAttribute("aria-controls")); }
  function show(tab) {
    tabsIn(tab.parentNode).forEach(function (t) {
      t.setAttribute("aria-selected", t === tab);
      t.tabIndex = t === tab ? 0 : -1;
      panel(t).classList.toggle("selected", t === tab);
    });
  }
  function chosen() {
    try { var v = JSON.parse(localStorage.getItem("zhinan-tabs")); return Array.isArray(v) ? v : []; } catch (e) { return []; }
  }
  function pick(labels) { // in each set, the tab of the earliest of labels it has
    lists.forEach(function (list) {
      var best, rank = labels.length;
      tabsIn(list).forEach(function (t) {
        var i = labels.indexOf(t.textContent);
        if (i >= 0 && i < rank) { best = t; rank = i; }
      });
      if (best) show(best);
    });
  }
  pick(chosen());
  function choose(tab) {
    var top = tab.getBoundingClientRect().top, label = tab.textContent;
    var labels = [label].concat(chosen().filter(function (l) { return l !== label; })).slice(0, 20);
    try { localStorage.setItem("zhinan-tabs", JSON.stringify(labels)); } catch (e) {}
    pick([label]);
    scrollBy(0, tab.getBoundingClientRect().top - top); // sets above may have changed height
  }
  // A link to a place inside a hidden panel (a heading in the table of
  // contents, a search result, #tab-android) shows the tabs around it.
  function reveal() {
    var el = location.hash && doc.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var p = el && el.closest(".tab-panel"), moved; p; p = p.parentNode.closest(".tab-panel")) {
      if (!p.classList.contains("selected")) { show(doc.getElementById(p.getAttribute("aria-labelledby"))); moved = true; }
    }
    if (moved) el.scrollIntoView();
  }
  reveal();
  addEventListener("hashchange", reveal);
  lists.forEach(function (list) {
    tabsIn(list).forEach(function (t) { panel(t).tabIndex = 0; });
    list.addEventListener("click", function (e) {
      var t = e.target.closest("[role=tab]");
      if (t) choose(t);
    });
    list.addEventListener("keydown", function (e) {
      var tabs = tabsIn(list), i = tabs.indexOf(e.target), n = tabs.length;
      var to = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: n - 1 }[e.key];
      if (i < 0 || to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      tabs[(to + n) % n].focus();
      choose(tabs[(to + n) % n]);
    });
  });

  // Theme: base.html applies the stored choice ("zhinan-theme") before paint.
  function dark() { return root.dataset.theme ? root.dataset.theme === "dark" : sysDark.matches; }
  var toggle = doc.getElementById("theme-toggle");
  function pressed() { toggle.setAttribute("aria-pressed", dark()); }
  if (toggle) {
    pressed();
    sysDark.addEventListener("change", pressed);
    toggle.addEventListener("click", function () {
      root.dataset.theme = dark() ? "light" : "dark";
      try { localStorage.setItem("zhinan-theme", root.dataset.theme); } catch (e) {}
      pressed();
    });
  }

  // Links between pages are relative folder URLs ("../ios/"). Over HTTP the
  // server answers a folder with its index.html; from file:// the browser
  // would list the folder, so there the site's own folder links get it.
  if (location.protocol === "file:") {
    doc.querySelectorAll("a[href]").forEach(function (a) {
      var h = a.getAttribute("href");
      if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(h)) return;
      a.setAttribute("href", h.replace(/^([^?#]*\/)(?=[?#]|$)/, "$1index.html"));
    });
  }

  // Menu: a <details>, closed on phones; Escape closes it there.
  var side = doc.getElementById("sidebar");
  if (side) {
    narrow.addEventListener("change", function () { side.open = !narrow.matches; });
    side.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !narrow.matches || !side.open) return;
      side.open = false;
      side.querySelector("summary").focus();
    });
  }

  // Copy buttons: div.code wraps each <pre>.
  function copy(text) {
    if (navigator.clipboard && isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (ok, fail) { // file:// and plain http
      var t = doc.createElement("textarea");
      t.value = text; t.style.position = "fixed"; t.style.opacity = "0";
      doc.body.appendChild(t); t.select();
      var done = doc.execCommand("copy");
      t.remove();
      (done ? ok : fail)();
    });
  }
  doc.querySelectorAll("div.code > pre").forEach(function (pre) {
    var b = doc.createElement("button");
    // The words are the theme's (templates/i18n), on this script's element.
    var w = function (k) { return me.getAttribute("data-" + k) || k; };
    b.type = "button"; b.className = "copy"; b.textContent = w("copy");
    b.setAttribute("aria-label", w("copy-label"));
    b.onclick = function () {
      var say = function (s) { b.textContent = s; setTimeout(function () { b.textContent = w("copy"); }, 1500); };
      // The text without line numbers (span.ln); textContent, as innerText
      // would add a line break per numbered or marked line (display: flex).
      var c = pre.cloneNode(true);
      c.querySelectorAll(".ln").forEach(function (n) { n.remove(); });
      copy(c.textContent.replace(/\n$/, "")).then(function () { say(w("copied")); }, function () { say(w("copy-failed")); });
    };
    pre.parentNode.appendChild(b);
  });

  // Table of contents: mark the last heading above the top quarter of the window.
  var links = [].slice.call(doc.querySelectorAll(".toc a")), active, queued;
  var heads = links.map(function (a) { return doc.getElementById(decodeURIComponent(a.hash.slice(1))); });
  function mark() {
    queued = false;
    var cur = links[0];
    heads.forEach(function (h, i) { if (h && h.getBoundingClientRect().top <= innerHeight / 4) cur = links[i]; });
    if (cur === active) return;
    if (active) { active.classList.remove("active"); active.removeAttribute("aria-current"); }
    active = cur;
    cur.classList.add("active"); cur.setAttribute("aria-current", "location");
  }
  if (links.length) {
    addEventListener("scroll", function () { if (!queued) { queued = true; requestAnimationFrame(mark); } }, { passive: true });
    mark();
  }

  // Search: the client (assets/search-core.js, which loads the index, and
  // assets/search.js, the box) is fetched when the box is first pointed at
  // or focused, so reading a page never pays for it. "/" focuses the box,
  // as on most documentation sites.
  var box = doc.getElementById("search-input"), searchRoot = siteRoot();
  // siteRoot is this script's data-root, else the folder holding its assets/.
  function siteRoot() {
    if (!me) return null;
    if (me.hasAttribute("data-root")) return me.getAttribute("data-root");
    var m = /^(.*)assets\/site\.js(\?.*)?$/.exec(me.getAttribute("src") || "");
    return m ? m[1] : null;
  }
  function loadSearch() {
    if (loadSearch.started || searchRoot === null) return;
    loadSearch.started = true;
    ["search-core.js", "search.js"].forEach(function (name) {
      var s = doc.createElement("script");
      s.src = searchRoot + "assets/" + name;
      s.async = false; // run in this order, each as soon as it may
      s.setAttribute("data-root", searchRoot);
      doc.head.appendChild(s);
    });
  }
  function typing(t) {
    return /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable;
  }
  if (box) {
    box.addEventListener("focus", loadSearch);
    box.addEventListener("pointerenter", loadSearch);
    doc.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      box.focus();
    });
  }
})();
