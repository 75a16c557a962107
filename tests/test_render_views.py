"""The report's views by owner and by folder, and the age chart: grouping, ordering, caps,
age buckets at their boundaries, escaping, and the Dutch page."""

from __future__ import annotations

import datetime as dt

import pytest

from auditor.model import AuditResult, Finding, Severity
from auditor.render.html import build_report, render_html
from auditor.render.i18n import catalogue
from auditor.render.views import (
    FOLDER_LIMIT,
    OWNER_LIMIT,
    age_bucket,
    folder_keys,
    folders,
    heat_level,
    owners,
)
from tests.conftest import NOW
from tests.results import hand_built

HOSTILE = '<script>alert("x")</script> & <b>co</b>'
HOSTILE_DIR = '<img src=x onerror="alert(1)"> & co'  # no slash: a folder name
TODAY = dt.date.fromisoformat(NOW)


def _doc(path: str, owner: str | None = None, age: int | None = None) -> dict:
    folder = path.rpartition("/")[0] or "."
    dates = {}
    if age is not None:
        value = (TODAY - dt.timedelta(days=age)).isoformat()
        dates["reviewed"] = {"value": value, "source": "frontmatter:reviewed"}
    return {
        "path": path,
        "title": path,
        "folder": folder,
        "owner": owner,
        "words": 100,
        "dates": dates,
        "findings": 0,
        "score": 100,
    }


def _finding(path: str, severity: Severity, message: str = "Something is wrong.") -> Finding:
    return Finding("T001", "stale-content", severity, path, message)


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO


def _result(documents: list[dict], findings: list[Finding] = ()) -> AuditResult:
    return hand_built(documents, findings)


def _by_path(findings: list[Finding]) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in findings:
        out.setdefault(f.path, []).append(f)
    return out


def _section(html: str, element_id: str) -> str:
    """The section with this id, nested sections included (they close indented)."""
    start = html.index(f'<section id="{element_id}"')
    return html[start : html.index("\n</section>", start)]


# By owner -------------------------------------------------------------------------------


def test_owners_are_grouped_and_ordered_by_errors_then_warnings():
    docs = [
        _doc("a.md", "Ann"),
        _doc("b.md", "Ann"),
        _doc("c.md", "Bob"),
        _doc("d.md", None),
        _doc("e.md", "  "),  # blank: no owner
        _doc("f.md", "Cas"),
    ]
    findings = [
        _finding("a.md", W),
        _finding("a.md", W),
        _finding("a.md", N),
        _finding("c.md", E),
        _finding("d.md", W),
        _finding("e.md", W),
        _finding("e.md", W),
        _finding("e.md", W),
    ]
    view = owners(docs, _by_path(findings), {})
    assert [row.owner for row in view.rows] == ["Bob", None, "Ann", "Cas"]
    bob, nobody, ann, cas = view.rows
    assert dict(bob.counts) == {"error": 1, "warning": 0, "info": 0}
    assert (nobody.documents, nobody.with_findings, dict(nobody.counts)["warning"]) == (2, 2, 4)
    assert (ann.documents, ann.with_findings) == (2, 1)
    assert dict(ann.counts) == {"error": 0, "warning": 2, "info": 1}
    assert cas.actions == () and cas.with_findings == 0
    assert (view.total, view.hidden) == (4, 0)


def test_an_owners_actions_are_the_three_most_severe_findings_with_their_page():
    docs = [_doc("x.md", "Ann"), _doc("y.md", "Ann")]
    findings = [
        _finding("x.md", N, "note"),
        _finding("y.md", W, "warning on y"),
        _finding("x.md", W, "warning on x"),
        _finding("y.md", E, "broken link"),
    ]
    (row,) = owners(docs, _by_path(findings), {"y.md": "doc-2"}).rows
    assert [(a.severity, a.path, a.message) for a in row.actions] == [
        ("error", "y.md", "broken link"),
        ("warning", "x.md", "warning on x"),
        ("warning", "y.md", "warning on y"),
    ]
    assert row.actions[0].doc_anchor == "doc-2"
    assert row.actions[1].doc_anchor is None


def test_owners_are_capped_with_a_note():
    docs = [_doc(f"p{i:03}.md", f"owner {i:03}") for i in range(OWNER_LIMIT + 7)]
    findings = [_finding("p056.md", E), _finding("p000.md", W)]
    view = owners(docs, _by_path(findings), {})
    assert len(view.rows) == OWNER_LIMIT
    assert (view.total, view.hidden) == (OWNER_LIMIT + 7, 7)
    assert [r.owner for r in view.rows[:2]] == ["owner 056", "owner 000"]
    html = render_html(_result(docs, findings), {})
    assert "7 more owners, with fewer findings, are not shown here." in html


# By folder ------------------------------------------------------------------------------


def test_folder_keys_are_the_top_and_second_level():
    assert folder_keys(".") == (".",)
    assert folder_keys(None) == (".",)
    assert folder_keys("guides") == ("guides",)
    assert folder_keys("guides/setup/linux/old") == ("guides", "guides/setup")


def test_folders_group_top_level_then_second_level_largest_first():
    docs = [
        _doc("index.md"),
        _doc("small/a.md"),
        _doc("big/a.md"),
        _doc("big/x/a.md"),
        _doc("big/x/deep/b.md"),
        _doc("big/y/a.md"),
        _doc("mid/a.md"),
        _doc("mid/b.md"),
    ]
    findings = [_finding("big/x/deep/b.md", E), _finding("big/x/deep/b.md", W)]
    view = folders(docs, _by_path(findings), catalogue("en"))
    assert [(r.folder, r.depth, r.documents) for r in view.rows] == [
        ("big", 1, 4),
        ("big/x", 2, 2),
        ("big/y", 2, 1),
        ("mid", 1, 2),
        (".", 1, 1),
        ("small", 1, 1),
    ]
    big, x = view.rows[:2]
    assert [c.count for c in big.cells] == [1, 1, 0]  # error, warning, info
    assert (big.findings, big.per_document, big.level) == (2, "0.5", 2)
    assert (x.findings, x.per_document, x.level) == (2, "1", 3)
    assert view.rows[3].level == 0


@pytest.mark.parametrize(
    ("findings", "documents", "level"),
    [(0, 4, 0), (1, 4, 1), (2, 4, 2), (3, 4, 3), (4, 4, 3), (5, 4, 4), (0, 0, 0)],
)
def test_heat_levels_by_findings_per_document(findings, documents, level):
    assert heat_level(findings, documents) == level


def test_folders_are_capped_largest_first_with_a_note():
    docs = []
    for i in range(FOLDER_LIMIT + 5):
        docs += [_doc(f"f{i:03}/p{j}.md") for j in range(1 + (i == 64) * 10)]
    view = folders(docs, {}, catalogue("en"))
    assert len(view.rows) == FOLDER_LIMIT
    assert (view.total, view.hidden) == (FOLDER_LIMIT + 5, 5)
    assert view.rows[0].folder == "f064"  # the largest, though last by name
    html = render_html(_result(docs), {})
    assert "5 smaller folders are not shown here." in html


def test_a_subfolder_is_never_shown_without_its_folder():
    docs = [_doc(f"top{i:02}/sub/p.md") for i in range(40)]
    view = folders(docs, {}, catalogue("en"))
    shown = {r.folder for r in view.rows}
    assert len(shown) == FOLDER_LIMIT
    assert all(r.folder.split("/")[0] in shown for r in view.rows)


# Age ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "bucket"),
    [
        (None, "none"),
        (-3, "m3"),  # a date in the future
        (0, "m3"),
        (90, "m3"),
        (91, "m6"),
        (182, "m6"),
        (183, "y1"),
        (364, "y1"),
        (365, "y2"),
        (729, "y2"),
        (730, "older"),
        (5000, "older"),
    ],
)
def test_age_buckets_at_their_boundaries(age, bucket):
    assert age_bucket(age) == bucket


def test_the_age_chart_counts_documents_and_reads_for_screen_readers():
    docs = [_doc("a.md", age=10), _doc("b.md", age=91), _doc("c.md", age=800), _doc("d.md")]
    docs += [_doc(f"n{i}.md", age=1) for i in range(3)]
    ages = build_report(_result(docs), {}).views.ages
    assert [(r.key, r.count) for r in ages.rows] == [
        ("m3", 4),
        ("m6", 1),
        ("y1", 0),
        ("y2", 0),
        ("older", 1),
        ("none", 1),
    ]
    columns = {c.key: c for c in ages.chart.columns}
    assert columns["m3"].h == max(c.h for c in columns.values())
    assert columns["y1"].h == 0
    assert [c.value for c in ages.chart.columns] == ["4", "1", "0", "0", "1", "1"]
    section = _section(render_html(_result(docs), {}), "views").partition('id="ages"')[2]
    assert 'role="img"' in section
    assert 'aria-label="Documents by time since their last review or change: &lt; 3 months: 4;' in (
        section
    )
    assert '<th scope="row">&gt; 2 years</th><td>1</td>' in section
    assert section.count('class="column column--') == 4  # no bar for an empty bucket


# Escaping and language ------------------------------------------------------------------


def test_hostile_owner_folder_and_message_are_escaped():
    docs = [_doc(f"{HOSTILE_DIR}/{HOSTILE_DIR}/page.md", owner=HOSTILE)]
    findings = [_finding(docs[0]["path"], E, HOSTILE)]
    html = render_html(_result(docs, findings), {})
    views = _section(html, "views")
    assert "<script>" not in views and "<b>" not in views and "<img" not in views
    escaped = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;"
    assert f'<th scope="row">{escaped}</th>' in views  # the owner
    folder = "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; co"
    assert f'<code class="path">{folder}</code>' in views  # the top-level folder
    assert f'<code class="path">{folder}/{folder}</code>' in views  # the one inside it
    assert f"</span> {escaped} <span" in views  # the action's message


def test_the_sections_are_in_the_nav_and_the_page():
    html = render_html(_result([_doc("a.md", "Ann", age=3)]), {})
    assert '<li><a href="#views">Owners and folders</a></li>' in html
    for heading in ("By owner", "By folder", "How old the pages are"):
        assert f">{heading}</h3>" in html


def test_the_dutch_page_has_the_dutch_headings():
    docs = [_doc("a.md", None, age=400), _doc("gids/b.md", "Ann")]
    html = render_html(_result(docs, [_finding("a.md", W)]), {}, "nl")
    assert '<li><a href="#views">Eigenaars en mappen</a></li>' in html
    assert '<h2 id="views-title">Per eigenaar en per map</h2>' in html
    for heading in ("Per eigenaar", "Per map", "Hoe oud de pagina&#39;s zijn"):
        assert f">{heading}</h3>" in html
    views = _section(html, "views")
    assert "Geen eigenaar" in views
    assert "(bovenaan in de gescande map)" in views
    assert "Kleur: bevindingen per document" in views
    assert "1–2 jaar" in views
    for english in ("No owner", "By owner", "By folder", "Findings per document"):
        assert english not in views


def test_no_documents_says_so():
    html = render_html(_result([]), {})
    assert "There are no documents, so there are no owners to show." in html
    assert "There are no documents, so there are no folders to show." in html
