/* kb-audit report: progressive enhancement of the documents table.
   Without JavaScript every row is shown; this adds search, a findings filter and
   sortable columns (keyboard-usable buttons in the column headers). */
(function () {
  "use strict";
  /* Printing: unfold every folded list of findings so the paper shows all of them. */
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) {
      d.open = true;
    });
  });

  var table = document.getElementById("doc-table");
  var tools = document.getElementById("doc-tools");
  if (!table || !tools) {
    return;
  }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var search = document.getElementById("doc-search");
  var onlyFindings = document.getElementById("doc-only-findings");
  var counter = document.getElementById("doc-count");

  rows.forEach(function (row) {
    var cell = row.cells[0];
    row.setAttribute("data-search", (cell.textContent || "").replace(/\s+/g, " ").toLowerCase());
  });

  function applyFilter() {
    var words = search.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
    var needFindings = onlyFindings.checked;
    var count = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-search");
      var visible = words.every(function (w) { return text.indexOf(w) !== -1; });
      if (needFindings && row.getAttribute("data-findings") === "0") {
        visible = false;
      }
      row.hidden = !visible;
      if (visible) {
        count += 1;
      }
    });
    counter.textContent = counter.getAttribute("data-template")
      .replace("{shown}", count.toLocaleString(document.documentElement.lang || undefined))
      .replace("{total}", counter.getAttribute("data-total"));
  }

  function cellValue(row, index) {
    var cell = row.cells[index];
    var value = cell.getAttribute("data-value");
    return value === null ? (cell.textContent || "").trim() : value;
  }

  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

  function sortBy(index, kind, direction) {
    var sign = direction === "ascending" ? 1 : -1;
    var keyed = rows.map(function (row, position) {
      return { row: row, value: cellValue(row, index), position: position };
    });
    keyed.sort(function (a, b) {
      var order;
      if (kind === "number") {
        order = (parseFloat(a.value) || 0) - (parseFloat(b.value) || 0);
      } else if (a.value === "" || b.value === "") {
        order = (a.value === "") - (b.value === "");  /* empty cells last */
        return order || a.position - b.position;
      } else {
        order = collator.compare(a.value, b.value);
      }
      return sign * order || a.position - b.position;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) { fragment.appendChild(item.row); });
    tbody.appendChild(fragment);
    headers.forEach(function (th) { th.removeAttribute("aria-sort"); });
    headers[index].setAttribute("aria-sort", direction);
  }

  headers.forEach(function (th, index) {
    var kind = th.getAttribute("data-sort");
    if (!kind) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    while (th.firstChild) {
      button.appendChild(th.firstChild);
    }
    th.appendChild(button);
    button.addEventListener("click", function () {
      var current = th.getAttribute("aria-sort");
      /* numbers start with the largest (most findings, most words); text starts at A */
      var first = kind === "number" ? "descending" : "ascending";
      var next = current === first ? (first === "ascending" ? "descending" : "ascending") : first;
      sortBy(index, kind, next);
    });
  });

  search.addEventListener("input", applyFilter);
  onlyFindings.addEventListener("change", applyFilter);
  applyFilter();
  tools.hidden = false;
})();
