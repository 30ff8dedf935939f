/* Recommendation table filter and language switch: progressive enhancement, no dependencies.
   The form is rendered hidden; without this script the full table shows and the language
   selector still opens the same page in the other language. */
(function () {
  "use strict";
  var FIELDS = ["group", "role", "area", "priority", "timeframe"];
  var ROLE_ATTR = { lead: "data-owners", partner: "data-partners" };

  /* A group is matched as a leader, a partner or either (the role select); other fields exactly. */
  function matches(row, want) {
    if (want.group) {
      var groups = (row.getAttribute(ROLE_ATTR[want.role] || "data-groups") || "").split(" ");
      if (groups.indexOf(want.group) === -1) return false;
    }
    return ["area", "priority", "timeframe"].every(function (name) {
      return !want[name] || row.getAttribute("data-" + name) === want[name];
    });
  }

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  }

  function setUp(form) {
    var table = document.getElementById(form.getAttribute("data-kb-filter"));
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var status = form.querySelector("[role=status]");
    var selects = {};
    FIELDS.forEach(function (name) { selects[name] = form.querySelector("select[data-filter=" + name + "]"); });

    /* The filter's state lives in the URL query, so a filtered view can be shared and reloaded. */
    var query = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var value = query.get(name);
      if (selects[name] && value && hasOption(selects[name], value)) selects[name].value = value;
    });

    function apply(save) {
      var want = {};
      FIELDS.forEach(function (name) { want[name] = selects[name] ? selects[name].value : ""; });
      var shown = 0;
      rows.forEach(function (row) {
        var ok = matches(row, want);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent = status.getAttribute("data-template")
        .replace("{shown}", shown).replace("{total}", rows.length);
      if (save) {
        var params = new URLSearchParams(window.location.search);
        FIELDS.forEach(function (name) {
          if (want[name]) params.set(name, want[name]); else params.delete(name);
        });
        var search = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      }
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(false);
  }

  /* The id of the last anchored element above the top of the window: where the reader is. */
  function whereTheReaderIs() {
    if (window.location.hash) return window.location.hash;
    if (window.scrollY < 100) return "";
    var best = "";
    var marks = document.querySelectorAll("article h2[id], article h3[id], article [id^=rec-], article [id^=action-], article [id^=finding-], article [id^=cause-], article [id^=term-], article [id^=chain-]");
    Array.prototype.forEach.call(marks, function (el) {
      if (el.getBoundingClientRect().top <= 80 && el.offsetParent !== null) best = "#" + el.id;
    });
    return best;
  }

  /* Switching language keeps the filter (query) and the place in the page (anchor): the other
     language's page has the same ids. Runs before the link is followed. */
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (!link) return;
    var base = link.getAttribute("href").split(/[?#]/)[0];
    link.setAttribute("href", base + window.location.search + whereTheReaderIs());
  }, true);

  /* On a phone a wide chart gives way to its table (kb.css, .kb-chart[data-kb-wide]): open the table. */
  function openWideChartTables() {
    var phone = window.matchMedia("(max-width: 37.5em)");
    var open = function () {
      if (!phone.matches) return;
      Array.prototype.forEach.call(document.querySelectorAll(".kb-chart[data-kb-wide] > details.kb-chart-data"), function (d) {
        d.open = true;
      });
    };
    open();
    if (phone.addEventListener) phone.addEventListener("change", open);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-kb-filter]"), setUp);
    openWideChartTables();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
