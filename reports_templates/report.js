/* kb-audit report: progressive enhancement of the documents table.
   Without JavaScript every row is shown (or, in a report too big for that, the first page and
   a note). This adds search, a findings filter, sortable columns (keyboard-usable buttons in
   the column headers) and pages of PAGE_SIZE rows. Sorting, filtering and searching work on
   an array of records, one a document, never on the rows in the page: only the rows of the
   page shown are ever in the DOM, so 100,000 documents stay quick. */
(function () {
  "use strict";
  var PRINT_LIMIT = 5000; /* print every matching row up to this many, else the page shown */
  var slice = Array.prototype.slice;

  /* Printing: unfold every folded list of findings so the paper shows all of them. */
  window.addEventListener("beforeprint", function () {
    slice.call(document.querySelectorAll("details")).forEach(function (d) {
      d.open = true;
    });
  });

  var table = document.getElementById("doc-table");
  var tools = document.getElementById("doc-tools");
  if (!table || !tools) {
    return;
  }
  var tbody = table.tBodies[0];
  var headers = slice.call(table.tHead.rows[0].cells);
  var search = document.getElementById("doc-search");
  var onlyFindings = document.getElementById("doc-only-findings");
  var counter = document.getElementById("doc-count");
  var pagerTop = tools.querySelector(".pager");
  var pageSize = parseInt(pagerTop.getAttribute("data-page-size"), 10) || 100;
  var sample = table.getAttribute("data-number-sample") || "1,000";
  var thousands = sample.slice(1, sample.length - 3);
  var text = {
    missing: table.getAttribute("data-missing"),
    untitled: table.getAttribute("data-untitled"),
    entry: table.getAttribute("data-entry"),
    reviewed: table.getAttribute("data-reviewed"),
    changed: table.getAttribute("data-changed"),
    expires: table.getAttribute("data-expires")
  };

  function formatNumber(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  }

  function normalise(value) {
    return (value || "").replace(/\s+/g, " ").toLowerCase();
  }

  /* Records: from the JSON data when the report carries it, else from the rows. */
  function fromRow(row, position) {
    var values = slice.call(row.cells).map(function (cell) {
      var value = cell.getAttribute("data-value");
      return value === null ? (cell.textContent || "").trim() : value;
    });
    return {
      position: position,
      anchor: row.id,
      findings: parseInt(row.getAttribute("data-findings"), 10) || 0,
      search: normalise(row.cells[0].textContent),
      values: values,
      row: row,
      data: null
    };
  }

  /* d: [path, title, type, owner, date, date kind (1 reviewed, 2 changed, 0 none), expires,
         words, links in, links out, findings, score, entry page (0/1)]. The row's anchor is
     the prefix and its position from 1 (the order of the documents); its score band follows
     from the score and the bands' lowest scores (data-bands: "good:90 fair:70 poor:0"). */
  var dataElement = document.getElementById("doc-data");
  var anchorPrefix = dataElement ? dataElement.getAttribute("data-anchor-prefix") || "" : "";
  var bands = (dataElement ? dataElement.getAttribute("data-bands") || "" : "")
    .split(" ")
    .filter(Boolean)
    .map(function (pair) {
      var parts = pair.split(":");
      return { name: parts[0], lowest: parseInt(parts[1], 10) };
    });
  var kinds = [null, "reviewed", "changed"];

  function bandOf(score) {
    for (var i = 0; i < bands.length; i += 1) {
      if (score >= bands[i].lowest) {
        return bands[i].name;
      }
    }
    return "";
  }

  function fromData(d, position) {
    return {
      position: position,
      anchor: anchorPrefix + (position + 1),
      findings: d[10],
      search: normalise((d[1] || "") + " " + d[0]),
      values: [d[1] || d[0], d[2] || "", d[3] || "", d[4] || "", d[7], d[8], d[9], d[10], d[11]],
      row: null,
      data: d
    };
  }

  var records = dataElement
    ? JSON.parse(dataElement.textContent).map(fromData)
    : slice.call(tbody.rows).map(fromRow);
  var byAnchor = {};
  records.forEach(function (record) {
    byAnchor[record.anchor] = record;
  });

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (content !== undefined && content !== null) {
      node.textContent = content;
    }
    return node;
  }

  function muted(content) {
    return element("span", "muted", content);
  }

  function timeElement(value) {
    var node = element("time", null, value);
    node.setAttribute("datetime", value);
    return node;
  }

  /* The same markup as the template's rows; every value goes in as text, never as HTML. */
  function buildRow(d, anchor) {
    var row = element("tr");
    row.id = anchor;
    row.setAttribute("data-findings", d[10]);
    var head = element("th", "doc-cell");
    head.scope = "row";
    var title = element("span", "doc-title", d[1]);
    if (!d[1]) {
      title.appendChild(element("em", "muted", text.untitled));
    }
    head.appendChild(title);
    if (d[12]) {
      head.appendChild(document.createTextNode(" "));
      head.appendChild(element("span", "tag", text.entry));
    }
    head.appendChild(document.createTextNode(" "));
    head.appendChild(element("code", "path", d[0]));
    row.appendChild(head);
    [d[2], d[3]].forEach(function (value) {
      var cell = element("td");
      cell.appendChild(value ? document.createTextNode(value) : muted(text.missing));
      row.appendChild(cell);
    });
    var dates = element("td");
    if (d[4]) {
      dates.appendChild(timeElement(d[4]));
      dates.appendChild(document.createTextNode(" "));
      dates.appendChild(muted(text[kinds[d[5]]] || ""));
    } else {
      dates.appendChild(muted(text.missing));
    }
    if (d[6]) {
      dates.appendChild(element("br"));
      var expires = element("span", "expires", text.expires + " ");
      expires.appendChild(timeElement(d[6]));
      dates.appendChild(expires);
    }
    row.appendChild(dates);
    [d[7], d[8], d[9], d[10]].forEach(function (value) {
      row.appendChild(element("td", "num", formatNumber(value)));
    });
    var score = element("td", "num");
    score.appendChild(element("span", "doc-score doc-score--" + bandOf(d[11]), String(d[11])));
    row.appendChild(score);
    return row;
  }

  function rowOf(record) {
    if (!record.row) {
      record.row = buildRow(record.data, record.anchor);
    }
    return record.row;
  }

  /* Sorting: each column and direction is sorted once, then reused. */
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  var sortState = null;
  var sortedCache = {};

  function sorted(index, kind, direction) {
    var key = index + " " + direction;
    if (sortedCache[key]) {
      return sortedCache[key];
    }
    var sign = direction === "ascending" ? 1 : -1;
    var copy = records.slice();
    copy.sort(function (a, b) {
      var x = a.values[index];
      var y = b.values[index];
      var order;
      if (kind === "number") {
        order = sign * ((parseFloat(x) || 0) - (parseFloat(y) || 0));
      } else if (x === "" || y === "") {
        order = (x === "") - (y === ""); /* empty cells last, either way */
      } else {
        order = sign * collator.compare(x, y);
      }
      return order || a.position - b.position;
    });
    sortedCache[key] = copy;
    return copy;
  }

  var current = records;
  var page = 0;
  var printing = false;
  var target = null;

  function matching() {
    var base = sortState ? sorted(sortState.index, sortState.kind, sortState.direction) : records;
    var words = normalise(search.value).trim().split(" ").filter(Boolean);
    var needFindings = onlyFindings.checked;
    if (!words.length && !needFindings) {
      return base;
    }
    return base.filter(function (record) {
      if (needFindings && !record.findings) {
        return false;
      }
      for (var i = 0; i < words.length; i += 1) {
        if (record.search.indexOf(words[i]) === -1) {
          return false;
        }
      }
      return true;
    });
  }

  var pagers = [pagerTop];

  function pageCount() {
    return Math.max(1, Math.ceil(current.length / pageSize));
  }

  function render() {
    var pages = pageCount();
    page = Math.min(Math.max(page, 0), pages - 1);
    var all = printing && current.length <= PRINT_LIMIT;
    var first = all ? 0 : page * pageSize;
    var shown = all ? current : current.slice(first, first + pageSize);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (record) {
      fragment.appendChild(rowOf(record));
    });
    tbody.textContent = "";
    tbody.appendChild(fragment);
    var range = shown.length
      ? formatNumber(first + 1) + "\u2013" + formatNumber(first + shown.length)
      : "0";
    counter.textContent = counter.getAttribute("data-template")
      .replace("{shown}", range)
      .replace("{total}", formatNumber(current.length));
    pagers.forEach(function (pager) {
      pager.hidden = pages < 2;
      var status = pager.querySelector(".pager-status");
      status.textContent = status.getAttribute("data-template")
        .replace("{page}", formatNumber(page + 1))
        .replace("{pages}", formatNumber(pages));
      slice.call(pager.querySelectorAll("button")).forEach(function (button) {
        var go = button.getAttribute("data-go");
        var off = (go === "first" || go === "previous") ? page === 0 : page === pages - 1;
        /* aria-disabled, not disabled: the button keeps the keyboard focus at either end */
        button.setAttribute("aria-disabled", off ? "true" : "false");
      });
    });
  }

  function refilter() {
    current = matching();
    page = 0;
    render();
  }

  function goTo(go) {
    var pages = pageCount();
    var next = { first: 0, previous: page - 1, next: page + 1, last: pages - 1 }[go];
    if (next < 0 || next >= pages || next === page) {
      return;
    }
    page = next;
    render();
  }

  /* A link to a document's row (#doc-12) shows the page that holds it, first clearing
     the search and filter if they hide it. */
  function reveal(anchor, scroll) {
    var record = byAnchor[anchor];
    if (!record) {
      return;
    }
    var at = current.indexOf(record);
    if (at === -1) {
      search.value = "";
      onlyFindings.checked = false;
      current = matching();
      at = current.indexOf(record);
    }
    page = Math.floor(at / pageSize);
    render();
    if (target) {
      target.classList.remove("is-target");
    }
    target = rowOf(record);
    target.classList.add("is-target");
    if (scroll) {
      target.scrollIntoView({ block: "center" });
    }
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
      var currentSort = th.getAttribute("aria-sort");
      /* numbers start with the largest (most findings, most words); text starts at A */
      var first = kind === "number" ? "descending" : "ascending";
      var direction = currentSort === first
        ? (first === "ascending" ? "descending" : "ascending")
        : first;
      sortState = { index: index, kind: kind, direction: direction };
      headers.forEach(function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", direction);
      refilter();
    });
  });

  /* A second pager under the table, so a reader at the bottom of a page need not scroll up. */
  var pagerBottom = pagerTop.cloneNode(true);
  pagerBottom.classList.add("pager--bottom");
  table.parentNode.parentNode.insertBefore(pagerBottom, table.parentNode.nextSibling);
  pagers.push(pagerBottom);
  pagers.forEach(function (pager) {
    pager.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-go]");
      if (button) {
        goTo(button.getAttribute("data-go"));
      }
    });
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (link && byAnchor[link.getAttribute("href").slice(1)]) {
      /* render the row before the browser follows the link, so it finds and scrolls to it */
      reveal(link.getAttribute("href").slice(1), false);
    }
  });
  window.addEventListener("hashchange", function () {
    reveal(decodeURIComponent(location.hash.slice(1)), true);
  });
  window.addEventListener("beforeprint", function () {
    printing = true;
    render();
  });
  window.addEventListener("afterprint", function () {
    printing = false;
    render();
  });

  search.addEventListener("input", refilter);
  onlyFindings.addEventListener("change", refilter);
  current = matching(); /* a reload may keep what was typed or ticked */
  render();
  tools.hidden = false;
  if (location.hash && byAnchor[location.hash.slice(1)]) {
    reveal(location.hash.slice(1), true);
  }
  if (window.performance && performance.mark) {
    performance.mark("kb-audit:documents-ready");
  }
})();
