/* Recommendation table filter: progressive enhancement, no dependencies.
   The form is rendered hidden; without this script the full table shows. */
(function () {
  "use strict";
  function setUp(form) {
    var table = document.getElementById(form.getAttribute("data-kb-filter"));
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = form.querySelectorAll("select[data-filter]");
    var status = form.querySelector("[role=status]");
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = Array.prototype.every.call(selects, function (select) {
          var want = select.value;
          if (!want) return true;
          var have = (row.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
          return have.indexOf(want) !== -1;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent = status.getAttribute("data-template")
        .replace("{shown}", shown).replace("{total}", rows.length);
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-kb-filter]"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
