"""The report's usage parts: the Use section, its quadrant chart, the archive plan and its CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from auditor.api import audit
from auditor.config import Config
from auditor.model import AuditResult, Finding, RuleRun, Severity
from auditor.render import RENDERERS
from auditor.render.archive_csv import COLUMNS, archive_rows, render_archive_csv
from auditor.render.charts import quadrant, view_threshold
from auditor.render.filters import percent
from auditor.render.html import build_report, render_html
from tests.conftest import NOW
from tests.html_checks import assert_well_formed
from tests.results import hand_built

HOSTILE = "<script>alert(1)</script> & co"
TODAY = dt.date.fromisoformat(NOW)


def _ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def _doc(
    path: str,
    views: float | None,
    *,
    reviewed: int | None = None,
    changed: int | None = None,
    title: str | None = None,
    changed_source: str = "git",
) -> dict:
    dates = {}
    if reviewed is not None:
        dates["reviewed"] = {"value": _ago(reviewed), "source": "frontmatter:reviewed"}
    if changed is not None:
        dates["changed"] = {"value": _ago(changed), "source": changed_source}
    return {
        "path": path,
        "title": title if title is not None else path.removesuffix(".md").title(),
        "folder": ".",
        "words": 100,
        "dates": dates,
        "views": views,
        "users": None,
        "last_viewed": None,
        "usage_match": "url" if views else None,
        "click_depth": 1,
        "findings": 0,
        "score": 100,
    }


def _unused(path: str, message: str = "No views in the last 365 days.") -> Finding:
    return Finding("T010", "unused-content", Severity.WARNING, path, message)


def _result(
    documents: list[dict],
    findings: list[Finding] = (),
    usage: dict | None = None,
    t010_ran: bool = True,
) -> AuditResult:
    t010 = RuleRun(
        "T010",
        "unused-content",
        Severity.WARNING,
        "TA4",
        "Nobody read the document in the usage window.",
        ran=t010_ran,
        findings=len(findings),
        skipped_reason=None if t010_ran else "needs usage data (--usage)",
    )
    inputs = {"usage": usage} if usage is not None else {}
    return hand_built(documents, findings, [t010], inputs)


def _usage(**changes) -> dict:
    facts = {
        "files": [{"path": "pageviews.csv", "format": "csv", "rows": 10}],
        "views_total": 1000.0,
        "views_matched": 900.0,
        "match_share": 0.9,
        "matched_by_title": 2,
        "top_unmatched": [{"page": "/old/home", "views": 60}],
        "warning": None,
        "window_days": 365,
    }
    facts.update(changes)
    return facts


def _section(html: str, element_id: str) -> str:
    start = html.index(f'id="{element_id}"')
    tag = html.rfind("<", 0, start)
    name = re.match(r"<(\w+)", html[tag:]).group(1)
    return html[tag : html.index(f"</{name}>", start)]


# The quadrants ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "views", "threshold", "expected"),
    [
        (365, 10, 10, "keep"),  # reviewed exactly one cadence ago: still fresh
        (366, 10, 10, "review"),  # one day past the cadence: old
        (365, 9, 10, "promote"),  # one view under the median: little read
        (366, 9, 10, "archive"),
        (0, 10_000, 10, "keep"),
        (None, 50, 10, "review"),  # undated: nobody can say it is fresh
        (None, 0, 10, "archive"),
        (10, 0, 0, "promote"),  # a median of 0 does not make unread pages read
        (10, 1, 0, "keep"),  # ...but then any view counts
        (400, 1, 1, "review"),
    ],
)
def test_quadrant_boundaries(age, views, threshold, expected):
    assert quadrant(age, views, 365, threshold) == expected


@pytest.mark.parametrize(
    ("views", "expected"),
    [([], 0), ([0, 0, 0], 0), ([0, 3, 20], 3), ([0, 0, 3, 20], 2), ([1, 2], 2), ([4, 8, 9, 9], 9)],
)
def test_view_threshold_is_the_median_rounded_up_to_a_whole_view(views, expected):
    assert view_threshold(views) == expected


def test_documents_land_in_the_right_corner_of_the_chart():
    docs = [
        _doc("fresh-read.md", 10, reviewed=365),
        _doc("old-read.md", 10, reviewed=366),
        _doc("fresh-unread.md", 9, reviewed=0, changed=900),  # the review date wins
        _doc("old-unread.md", 0, changed=366),
        _doc("undated-read.md", 500),
        _doc("very-old-read.md", 80, changed=3000),
    ]
    report = build_report(_result(docs, usage=_usage()), {})
    usage = report.usage
    assert usage.threshold == 10  # median of 0, 9, 10, 10, 80, 500
    chart = usage.chart
    assert dict(chart.counts) == {"keep": 1, "review": 3, "promote": 1, "archive": 1}
    assert [(q.key, q.count) for q in usage.quadrants] == list(chart.counts)
    by_path = {d.label.split("\n")[1]: d for d in chart.dots}
    expected = {
        "fresh-read.md": "keep",
        "old-read.md": "review",
        "fresh-unread.md": "promote",
        "old-unread.md": "archive",
        "undated-read.md": "review",
        "very-old-read.md": "review",
    }
    assert {path: dot.quadrant for path, dot in by_path.items()} == expected
    for dot in chart.dots:  # each dot sits on its corner's side of both split lines
        old = dot.quadrant in ("review", "archive")
        read = dot.quadrant in ("keep", "review")
        assert (dot.x > chart.split_x) == old, dot
        assert (dot.y <= chart.split_y) == read, dot
        plot = chart.plot
        assert plot.x <= dot.x <= plot.x2 and plot.y <= dot.y <= plot.y2
    # Tooltips say what the dot is: title, path, age and views.
    assert (
        by_path["old-read.md"].label
        == "Old-Read\nold-read.md\nlast reviewed 366 days ago · 10 views"
    )
    assert by_path["undated-read.md"].label.endswith("no date · 500 views")


def test_chart_is_an_accessible_image_with_a_text_summary_and_a_table():
    docs = [_doc(f"p{i}.md", i * 3, reviewed=i * 40) for i in range(20)]
    html = render_html(_result(docs, usage=_usage()), {})
    use = _section(html, "use")
    svg = re.search(r"<svg class=\"chart chart--quadrant\"[^>]*>", use).group(0)
    assert 'role="img"' in svg
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    assert set(labelled_by) <= ids
    counts = build_report(_result(docs, usage=_usage()), {}).usage.chart.counts
    summary = _section(html, "quadrant-summary")
    for name, label in (
        ("keep", "Keep"),
        ("review", "Review now"),
        ("promote", "Promote or retire"),
        ("archive", "Archive"),
    ):
        n = dict(counts)[name]
        assert f"{label}: {n}" in summary
        assert re.search(rf"{label}</span>.*?<td class=\"num q-count\">{n}</td>", use, re.S)
    assert use.count("<circle") == 20
    assert use.count("<title>") == 20


def test_hostile_titles_and_paths_are_escaped_in_the_svg():
    docs = [
        _doc("evil<img src=x>.md", 5, reviewed=10, title=HOSTILE),
        _doc("fine.md", 0, reviewed=500),
    ]
    findings = [_unused("fine.md", 'Unread, "quoted" <b>bold</b>.')]
    html = render_html(_result(docs, findings, usage=_usage()), {})
    titles = re.findall(r"<title>(.*?)</title>", _section(html, "use"), re.S)
    hostile = next(t for t in titles if "script" in t)
    assert hostile.startswith("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co\n")
    assert "evil&lt;img src=x&gt;.md" in hostile
    assert "<script>alert" not in html
    assert "<img" not in html
    assert "<b>bold" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert len(re.findall(r"<script\b", html)) == 1  # our own inline script only


# The unread share -------------------------------------------------------------------------


def test_unread_share_counts_only_documents_with_usage_and_sits_beside_the_guides_80():
    docs = [
        _doc("a.md", 0, reviewed=10),
        _doc("b.md", 0, reviewed=10),
        _doc("c.md", 5, reviewed=10),
        _doc("d.md", 12.5, reviewed=10),
        _doc("no-figure-1.md", None, reviewed=10),
        _doc("no-figure-2.md", None, reviewed=10),
    ]
    result = _result(docs, usage=_usage())
    unread = build_report(result, {}).usage.unread
    assert (unread.unread, unread.total, unread.share, unread.percent) == (2, 4, 0.5, "50%")
    html = render_html(result, {})
    use = _section(html, "use")
    assert '<p class="unread-number">50%</p>' in use
    assert "2 of 4 pages had no views." in use
    assert "50% of your pages were not read in the past year." in use
    assert (
        "The guide says 80% of information is no longer used after a year: "
        "keep your systems clean." in use
    )
    assert "2 documents had no usage figures and are left out." in use
    bars = re.search(r"<svg class=\"chart chart--share\".*?</svg>", use, re.S).group(0)
    values = re.findall(r'class="bar-value[^"]*"[^>]*>([^<]+)<', bars)
    assert values == ["50%", "80%"]
    widths = [float(w) for w in re.findall(r'class="bar bar--\w+"[^>]*width="([\d.]+)"', bars)]
    assert widths[1] == pytest.approx(widths[0] * 0.8 / 0.5, abs=0.2)
    # The usage section comes after the summary and before what to do first, in the nav too.
    assert html.index('id="summary"') < html.index('id="use"') < html.index('id="todo"')
    nav = re.findall(r'<li><a href="#(\w+)">', html)
    assert nav[:3] == ["summary", "use", "todo"]


def test_another_window_is_named_in_days():
    docs = [_doc("a.md", 0, reviewed=10), _doc("b.md", 3, reviewed=10)]
    html = render_html(_result(docs, usage=_usage(window_days=90)), {})
    assert "50% of your pages were not read in the last 90 days." in html


@pytest.mark.parametrize(
    ("share", "text"),
    [(None, "\u2014"), (0, "0%"), (0.001, "<1%"), (0.342, "34%"), (0.999, ">99%"), (1, "100%")],
)
def test_percent(share, text):
    assert percent(share) == text


# How well the usage matched ----------------------------------------------------------------


def test_a_poor_match_raises_a_loud_warning_above_everything_usage_related():
    docs = [_doc("a.md", 0, reviewed=400), _doc("b.md", 7, reviewed=10)]
    warning = "Only 31% of page views matched a document."
    usage = _usage(
        match_share=0.31,
        warning=warning,
        top_unmatched=[
            {"page": "/wiki/Home?x=<b>", "views": 1200},
            {"page": "/wiki/Onboarding", "views": 800},
        ],
    )
    html = render_html(_result(docs, [_unused("a.md")], usage=usage), {})
    use = _section(html, "use")
    assert use.count('role="alert"') == 1
    alert = re.search(r'<div class="alert" role="alert".*?</div>\s*</div>', use, re.S).group(0)
    assert "unreliable" in alert and warning in alert
    assert "/wiki/Home?x=&lt;b&gt;" in alert and "/wiki/Onboarding" in alert
    assert "1,200" in alert
    # Above the unread figure and the chart, the first thing under the heading.
    assert use.index('role="alert"') < use.index("unread-number") < use.index("chart--quadrant")
    assert "31% of the 1,000 page views in the past year were matched" in use
    archive = _section(html, "archive")
    assert "matched poorly" in archive


def test_a_good_match_has_no_alert_and_folds_the_unmatched_addresses():
    docs = [_doc("a.md", 0, reviewed=400), _doc("b.md", 7, reviewed=10)]
    html = render_html(_result(docs, usage=_usage()), {})
    assert 'role="alert"' not in html
    use = _section(html, "use")
    assert "90% of the 1,000 page views in the past year were matched to a document." in use
    assert "2 pages were matched by their title" in use
    assert re.search(r'<details class="unmatched">.*?/old/home', use, re.S)
    assert '<code class="path">pageviews.csv</code>' in use


def test_without_usage_data_the_section_only_says_how_to_add_it(tmp_path):
    (tmp_path / "index.md").write_text("---\ntitle: Home\nreviewed: 2026-10-01\n---\n# Home\n")
    result = audit(tmp_path, Config(now=NOW, git_history=False))
    assert all(doc.get("views") is None for doc in result.documents)
    report = build_report(result, {})
    assert not report.usage.given and report.archive is None
    assert "archive" not in report.nav
    html = render_html(result, {})
    use = _section(html, "use")
    assert "Add --usage with a page-view export" in use
    assert "<svg" not in use  # the age chart under "By owner and by folder" needs no usage
    assert 'class="chart chart--quadrant' not in html and 'class="chart chart--share' not in html
    assert 'role="alert"' not in html
    assert re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", use)).strip() == (
        "Use: what people read Add --usage with a page-view export (from your wiki or web "
        "statistics) to see which pages are read, which nobody opens, and what could be "
        "archived."
    )
    assert 'id="archive"' not in html and 'href="#archive"' not in html


def test_usage_figures_alone_are_enough_to_show_the_section():
    """Before the load stage reports on its inputs, documents' views still count."""
    docs = [_doc("a.md", 0, reviewed=10), _doc("b.md", 3, reviewed=10)]
    report = build_report(_result(docs), {})
    assert report.usage.given and report.usage.match is None
    assert report.usage.unread.percent == "50%"


# The archive plan --------------------------------------------------------------------------


def _archive_result(**kwargs) -> AuditResult:
    docs = [
        _doc("recent.md", 0, changed=100),
        _doc("oldest.md", 0, reviewed=900, changed=20),
        _doc("undated.md", 0),
        _doc("mid.md", 0, changed=500, changed_source="mtime"),
        _doc("read.md", 40, changed=500),
    ]
    findings = [
        _unused("recent.md", "No views, in 365 days."),
        _unused("oldest.md", 'Said "nobody reads this"'),
        _unused("undated.md", "Line one\nline two"),
        _unused("mid.md"),
        Finding("T021", "orphan", Severity.WARNING, "read.md", "Nothing links here."),
    ]
    return _result(docs, findings, usage=_usage(), **kwargs)


def test_archive_rows_are_the_unused_findings_oldest_first():
    rows = archive_rows(_archive_result())
    assert [r.path for r in rows] == ["undated.md", "oldest.md", "mid.md", "recent.md"]
    oldest = rows[1]
    assert (oldest.last_change, oldest.date_kind, oldest.date_source) == (
        _ago(900),
        "reviewed",
        "frontmatter:reviewed",
    )
    assert oldest.views == 0 and oldest.reason == 'Said "nobody reads this"'


def test_archive_section_lists_the_plan_and_says_nothing_was_moved():
    html = render_html(_archive_result(), {})
    assert html.index('id="use"') < html.index('id="todo"') < html.index('id="archive"')
    assert '<li><a href="#archive">Archive plan</a></li>' in html
    archive = _section(html, "archive")
    assert "Nothing was moved or deleted" in archive
    assert "--format archive-csv" in archive
    order = re.findall(r'<code class="path">([^<]+)</code>', archive)
    assert order == ["undated.md", "oldest.md", "mid.md", "recent.md"]
    assert "Said &#34;nobody reads this&#34;" in archive
    assert "file date, unreliable" in archive  # mid.md is dated by its file time only
    assert "read.md" not in order
    assert re.search(r'<details class="findings" open>', archive)


def test_archive_section_when_the_check_did_not_run_or_found_nothing():
    docs = [_doc("a.md", 3, reviewed=10)]
    html = render_html(_result(docs, usage=_usage(), t010_ran=False), {})
    assert "did not run: needs usage data (--usage)." in _section(html, "archive")
    html = render_html(_result(docs, usage=_usage()), {})
    assert "No page is an archive candidate." in _section(html, "archive")


def test_archive_csv_has_the_header_and_one_row_per_candidate():
    text = render_archive_csv(_archive_result())
    rows = list(csv.reader(io.StringIO(text)))
    assert (
        tuple(rows[0])
        == COLUMNS
        == (
            "path",
            "title",
            "views",
            "last_change",
            "date_source",
            "reason",
        )
    )
    assert rows[1:] == [
        ["undated.md", "Undated", "0", "", "", "Line one\nline two"],
        ["oldest.md", "Oldest", "0", _ago(900), "frontmatter:reviewed", 'Said "nobody reads this"'],
        ["mid.md", "Mid", "0", _ago(500), "mtime", "No views in the last 365 days."],
        ["recent.md", "Recent", "0", _ago(100), "git", "No views, in 365 days."],
    ]
    # Commas, quotes and line breaks are quoted the CSV way; nothing is HTML-escaped.
    assert '"Said ""nobody reads this"""' in text
    assert '"No views, in 365 days."' in text
    assert '"Line one\nline two"' in text
    assert "&" not in text and "\r" not in text


def test_archive_csv_writes_values_as_they_are():
    docs = [_doc("a&b <c>.md", 2.5, changed=400, title=f'{HOSTILE}, "quoted"')]
    text = render_archive_csv(_result(docs, [_unused("a&b <c>.md")], usage=_usage()))
    row = list(csv.reader(io.StringIO(text)))[1]
    assert row[:3] == ["a&b <c>.md", f'{HOSTILE}, "quoted"', "2.5"]


def test_archive_csv_cells_never_start_a_spreadsheet_formula():
    docs = [_doc("=cmd.md", 0, changed=400, title='=HYPERLINK("http://x","y")')]
    text = render_archive_csv(_result(docs, [_unused("=cmd.md")], usage=_usage()))
    row = list(csv.reader(io.StringIO(text)))[1]
    assert row[:2] == ["'=cmd.md", '\'=HYPERLINK("http://x","y")']


def test_archive_csv_is_only_the_header_without_candidates():
    assert render_archive_csv(_result([_doc("a.md", 4, reviewed=3)])) == ",".join(COLUMNS) + "\n"


def test_archive_csv_is_a_registered_format():
    extension, renderer = RENDERERS["archive-csv"]
    assert extension == "archive.csv"
    assert renderer is render_archive_csv


# The page as a whole ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page() -> str:
    docs = [_doc(f"p{i:02d}.md", (i * 7) % 50 if i % 3 else 0, reviewed=i * 23) for i in range(60)]
    docs.append(_doc("nodate.md", 0, title=HOSTILE))
    findings = [_unused(d["path"]) for d in docs if d["views"] == 0]
    return render_html(_result(docs, findings, usage=_usage(warning="Poor match.")), {})


def test_page_with_usage_is_self_contained(page):
    assert not re.search(r"""\b(?:src|href|action|xmlns)\s*=\s*["']?\s*(?:https?:)?//""", page)
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "@import" not in page
    assert "<image" not in page and "<use" not in page


def test_page_with_usage_is_well_formed_and_every_link_has_a_target(page):
    assert_well_formed(page)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert set(re.findall(r'href="#([^"]+)"', page)) <= set(ids)
