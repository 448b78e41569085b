// zhinan default theme: dark-mode toggle, menu, code copy buttons and the
// current-section highlight in the table of contents. Everything works
// without this script except these conveniences.
(function () {
  "use strict";
  var root = document.documentElement;

  var toggle = document.getElementById("theme-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var dark = root.dataset.theme ? root.dataset.theme === "dark"
        : window.matchMedia("(prefers-color-scheme: dark)").matches;
      root.dataset.theme = dark ? "light" : "dark";
      try { localStorage.setItem("zhinan-theme", root.dataset.theme); } catch (e) {}
    });
  }

  // On narrow screens the sidebar starts closed; on wide ones it stays open.
  var sidebar = document.getElementById("sidebar");
  if (sidebar && window.matchMedia("(max-width: 48rem)").matches) sidebar.open = false;

  document.querySelectorAll("div.code").forEach(function (box) {
    var code = box.querySelector("code");
    if (!code || !navigator.clipboard) return;
    var b = document.createElement("button");
    b.type = "button"; b.className = "copy"; b.textContent = "复制";
    b.setAttribute("aria-label", "复制代码");
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(code.innerText).then(function () {
        b.textContent = "已复制";
        setTimeout(function () { b.textContent = "复制"; }, 1500);
      });
    });
    box.appendChild(b);
  });

  var links = document.querySelectorAll(".toc a");
  if (links.length && "IntersectionObserver" in window) {
    var byId = {};
    links.forEach(function (a) { byId[decodeURIComponent(a.hash.slice(1))] = a; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        links.forEach(function (a) { a.classList.remove("active"); });
        var a = byId[e.target.id];
        if (a) a.classList.add("active");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) {
      var h = document.getElementById(id);
      if (h) observer.observe(h);
    });
  }
})();
