/*
 * Bürgerservice widget: one script tag on a municipality's own website renders the portal's search and a service,
 * from the public JSON feed (no iframe, no login, no cookies). Usage:
 *   <div id="buergerservice"></div>
 *   <script src="https://PORTAL/js/portal-widget.js" data-kommune="artland" data-target="buergerservice" defer></script>
 * Everything from the feed is inserted as text (textContent), never as HTML, so a text cannot inject script into
 * the host page. Links lead to the full service page on the portal.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var origin = new URL(script.src, window.location.href).origin;
  var slug = script.getAttribute("data-kommune");
  var target = document.getElementById(script.getAttribute("data-target") || "buergerservice");
  if (!slug || !target) { return; }
  var feed = origin + "/api/public/v1/" + encodeURIComponent(slug) + "/services";

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function getJson(url) {
    return fetch(url, { credentials: "omit", headers: { "Accept": "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    });
  }

  var box = el("section", null, { "class": "bs-widget", "aria-label": "Bürgerservice" });
  var form = el("form", null, { role: "search" });
  var id = "bs-q-" + slug;
  form.appendChild(el("label", "Was möchten Sie erledigen?", { "for": id }));
  var input = el("input", null, { id: id, type: "search", maxlength: "200", name: "q" });
  form.appendChild(input);
  form.appendChild(el("button", "Suchen", { type: "submit" }));
  var results = el("div", null, { "aria-live": "polite" });
  box.appendChild(form);
  box.appendChild(results);
  target.appendChild(box);

  function message(text) {
    results.textContent = "";
    results.appendChild(el("p", text));
  }

  function showService(id) {
    getJson(feed + "/" + encodeURIComponent(id)).then(function (s) {
      results.textContent = "";
      results.appendChild(el("h3", s.title));
      if (s.summary) { results.appendChild(el("p", s.summary)); }
      if (s.requiredDocuments && s.requiredDocuments.length) {
        results.appendChild(el("h4", "Erforderliche Unterlagen"));
        var ul = el("ul");
        s.requiredDocuments.forEach(function (d) { ul.appendChild(el("li", d)); });
        results.appendChild(ul);
      }
      if (s.fees) { results.appendChild(el("h4", "Gebühren")); results.appendChild(el("p", s.fees)); }
      if (s.department) { results.appendChild(el("p", "Zuständig: " + s.department.name)); }
      if (s.onlineServiceUrl) { results.appendChild(el("a", "Online beantragen", { href: s.onlineServiceUrl })); results.appendChild(document.createTextNode(" · ")); }
      results.appendChild(el("a", "Alle Informationen im Bürgerportal", { href: s.url }));
    }).catch(function () { message("Die Leistung konnte nicht geladen werden."); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var q = input.value.trim();
    if (!q) { message("Bitte geben Sie einen Suchbegriff ein."); return; }
    getJson(feed + "?q=" + encodeURIComponent(q.slice(0, 200))).then(function (answer) {
      results.textContent = "";
      if (!answer.hits.length) { message("Keine Treffer für „" + q + "“."); return; }
      var ul = el("ul");
      answer.hits.forEach(function (hit) {
        var li = el("li");
        var a = el("a", hit.title, { href: hit.url });
        a.addEventListener("click", function (e) { e.preventDefault(); showService(hit.id); });
        li.appendChild(a);
        ul.appendChild(li);
      });
      results.appendChild(ul);
    }).catch(function () { message("Die Suche ist gerade nicht erreichbar."); });
  });

  var initial = script.getAttribute("data-leistung");
  if (initial) { showService(initial); }
})();
