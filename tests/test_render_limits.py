"""The HTML report stays small at 100,000 documents: capped findings tables and archive plan,
each with a line saying how many more there are, and a density grid instead of a dot per
document in the quadrant chart above charts.DENSITY_THRESHOLD documents."""

from __future__ import annotations

import csv
import io
import re

from auditor.model import Finding
from auditor.render import charts, html
from auditor.render.archive_csv import render_archive_csv
from auditor.render.html import build_report, render_html
from tests.test_render_usage import _doc, _result, _unused, _usage

HOSTILE = '<img src=x onerror="alert(1)">&amp;</title></svg><script>alert(2)</script>'


def _section(page: str, name: str) -> str:
    start = page.index(f'<section id="{name}"')
    return page[start : page.index("</section>", start)]


def _unread(n: int) -> tuple[list[dict], list[Finding]]:
    """n documents nobody read, each with a T010 finding; paths sort in number order."""
    docs = [_doc(f"p{i:05d}.md", 0, reviewed=800 + i) for i in range(n)]
    return docs, [_unused(d["path"]) for d in docs]


def test_findings_tables_list_the_first_rows_and_say_how_many_more(monkeypatch):
    monkeypatch.setattr(html, "FINDINGS_ROW_LIMIT", 2)
    docs, findings = _unread(1236)
    result = _result(docs, findings, usage=_usage())
    section = build_report(result, {}).todo[0]
    assert (section.count, len(section.findings), section.more) == (1236, 2, 1234)
    # The most useful first, as sorted (severity, then path): the first two documents.
    assert [f.path for f in section.findings] == ["p00000.md", "p00001.md"]

    todo = _section(render_html(result, {}), "todo")
    assert todo.count("<tr>") == 1 + 2  # the head row and two findings
    assert (
        "\u2026 and 1,234 more: see the documents table (filter: only documents with findings) "
        "or the JSON report." in todo
    )
    assert "<strong>1,236</strong> findings" in todo  # the rule's count stays the total
    nl = _section(render_html(result, {}, lang="nl"), "todo")
    assert (
        "\u2026 en nog 1.234: zie de documententabel (filter: enkel documenten met "
        "bevindingen) of het JSON-rapport." in nl
    )


def test_short_findings_tables_have_no_more_line():
    docs, findings = _unread(3)
    page = render_html(_result(docs, findings, usage=_usage()), {})
    section = build_report(_result(docs, findings, usage=_usage()), {}).todo[0]
    assert (section.count, section.more) == (3, 0)
    assert 'class="more-rows"' not in page


def test_the_archive_plan_is_capped_but_the_csv_keeps_every_row(monkeypatch):
    monkeypatch.setattr(html, "ARCHIVE_ROW_LIMIT", 2)
    docs, findings = _unread(5)
    result = _result(docs, findings, usage=_usage())
    plan = build_report(result, {}).archive
    assert (plan.count, len(plan.items), plan.more) == (5, 2, 3)

    archive = _section(render_html(result, {}), "archive")
    assert archive.count("<tr>") == 1 + 2  # the head row and two candidates
    assert '<span class="muted">(5)</span>' in archive
    assert (
        "\u2026 and 3 more: see the archive spreadsheet (--format archive-csv) or the JSON "
        "report." in archive
    )
    nl = _section(render_html(result, {}, lang="nl"), "archive")
    assert (
        "\u2026 en nog 3: zie het rekenblad van het archiefplan (--format archive-csv) of het "
        "JSON-rapport." in nl
    )
    rows = list(csv.DictReader(io.StringIO(render_archive_csv(result))))
    assert len(rows) == 5


def _chart(points: list[charts.Point], density_above: int) -> charts.QuadrantChart:
    return charts.quadrant_chart(
        points,
        cadence_days=365,
        threshold=10,
        text=charts.ChartText(
            corners={q: q for q in charts.QUADRANTS},
            x_title="age",
            y_title="views",
            zero="0",
            older="older",
            undated="no date",
        ),
        age_tick=str,
        views_tick=str,
        cell_label=lambda n: f"{n} pages",
        density_above=density_above,
    )


def test_density_mode_keeps_the_counts_and_draws_no_dot():
    points = [
        charts.Point(f"p{i}.md", None if i % 7 == 0 else i % 900, float(i % 50), f"doc {i}")
        for i in range(500)
    ]
    dots = _chart(points, density_above=1000)
    grid = _chart(points, density_above=100)
    assert not dots.density and len(dots.dots) == 500
    assert grid.density and grid.dots == ()
    assert grid.counts == dots.counts
    assert sum(cell.count for cell in grid.cells) == 500
    assert len(grid.cells) <= charts.GRID_COLUMNS * charts.GRID_ROWS
    assert len({(c.x, c.y) for c in grid.cells}) == len(grid.cells)  # one square per cell
    plot = grid.plot
    for cell in grid.cells:
        assert plot.x <= cell.x < plot.x2 and plot.y <= cell.y < plot.y2
        assert 0.2 <= cell.opacity <= 1 and cell.label == f"{cell.count} pages"
    assert max(c.opacity for c in grid.cells) == 1.0


def test_above_the_threshold_the_chart_has_no_per_document_titles():
    n = charts.DENSITY_THRESHOLD + 1
    docs = [
        _doc(f"d{i}.md", float(i % 40), reviewed=i % 1000, title=f"{HOSTILE} {i}") for i in range(n)
    ]
    result = _result(docs, usage=_usage())
    report = build_report(result, {})
    chart = report.usage.chart
    assert chart.density
    assert sum(q.count for q in report.usage.quadrants) == n
    assert sum(c.count for c in chart.cells) == n

    use = _section(render_html(result, {}), "use")
    assert "<circle" not in use and "d1.md" not in use and "onerror" not in use
    titles = re.findall(r"<title>([^<]*)</title>", use)
    assert len(titles) == len(chart.cells)
    assert all(re.fullmatch(r"[\d,]+ pages|1 page", t) for t in titles)
    assert "Each square is a group of pages" in use
    for q in report.usage.quadrants:  # the table of corners stays exact
        assert f'<td class="num q-count">{q.count:,}</td>' in use
    nl = _section(render_html(result, {}, lang="nl"), "use")
    assert "Elk vierkantje is een groep pagina" in nl


def test_below_the_threshold_dots_keep_their_titles_escaped():
    docs = [_doc(f"d{i}.md", float(i), reviewed=10 * i, title=HOSTILE) for i in range(5)]
    use = _section(render_html(_result(docs, usage=_usage()), {}), "use")
    assert use.count("<circle") == 5
    assert "<img" not in use and "<script" not in use and "</svg><" not in use
    assert "&lt;img src=x onerror=" in use
