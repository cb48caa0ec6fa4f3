(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("#families tbody tr"));
  var keys = rows.map(function (r) { return r.getAttribute("data-search"); });
  var input = document.getElementById("search");
  var count = document.getElementById("count");
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/&/g, " and ").replace(/['\u2019-]/g, "").replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
  }
  function filter() {
    var q = fold(input.value), shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var hit = !q || keys[i].indexOf(q) !== -1;
      rows[i].hidden = !hit;
      if (hit) { shown++; }
    }
    count.textContent = q ? shown + " of " + rows.length + " families" : rows.length + " families";
  }
  input.addEventListener("input", filter);
  window.filmkg = { families: rows.length, filter: filter, shown: function () {
    return rows.filter(function (r) { return !r.hidden; }).length;
  } };
  if (input.value) { filter(); }
})();
