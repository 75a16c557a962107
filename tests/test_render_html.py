"""The HTML report: escaping, self-containment, and that it shows what the result holds."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from auditor.api import audit
from auditor.config import Config, load_config
from auditor.docs import rule_sections
from auditor.model import Severity
from auditor.principles import PRINCIPLES
from auditor.render.filters import date, doc_text, number
from auditor.render.html import build_report, render_html
from tests.conftest import EXAMPLE, NOW
from tests.html_checks import assert_well_formed

XSS_TITLE = "<script>alert(1)</script>"

WIKI = {
    "index.md": (
        "---\ntitle: Home\nreviewed: 2026-10-01\n---\n# Home\n\n"
        "Start here: [alpha](alpha.md), [the xss page](xss.md) and [gone](gone.md).\n"
    ),
    "alpha.md": "---\ntitle: Alpha & Omega\n---\n# Alpha\n\nBack [home](index.md).\n",
    "xss.md": f'---\ntitle: "{XSS_TITLE}"\nupdated: 2026-09-01\n---\n# Hello\n\nText.\n',
    "orphan.md": "---\ntitle: Nobody links here\nreviewed: 2026-01-05\n---\n# Orphan\n",
    ".drafts/secret.md": "# Draft\n",
}


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    root = tmp_path_factory.mktemp("kb")
    for rel, text in WIKI.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    # Ignoring a rule makes it a skipped rule with a reason.
    result = audit(root, Config(now=NOW, ignore=["too-long"]))
    docs = rule_sections()
    return result, docs, render_html(result, docs)


def _section(html: str, element_id: str) -> str:
    """The markup from the element with this id to the end of its <article>/<section>."""
    start = html.index(f'id="{element_id}"')
    tag = html.rfind("<", 0, start)
    name = re.match(r"<(\w+)", html[tag:]).group(1)
    return html[tag : html.index(f"</{name}>", start)]


def test_corpus_has_what_the_tests_rely_on(audited):
    result, _, _ = audited
    rules_found = {f.id for f in result.findings}
    assert {"T020", "T021"} <= rules_found  # a broken link and an orphan
    assert any(d["title"] == XSS_TITLE for d in result.documents)
    assert [s.path for s in result.skipped] == [".drafts/"]
    not_run = {r.id: r.skipped_reason for r in result.rules if not r.ran}
    assert not_run["T031"] == "ignored (--ignore)"
    assert not_run["T010"] == "needs usage data, which was not given"


def test_hostile_title_is_escaped(audited):
    _, _, html = audited
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "Alpha &amp; Omega" in html
    # Our own inline script is the only one.
    assert len(re.findall(r"<script\b", html)) == 1


def test_page_is_self_contained(audited):
    _, _, html = audited
    assert not re.search(r"""\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "<link" not in html
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", html)
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)[1]
    assert policy.startswith("default-src 'none'; style-src 'sha256-")
    assert "script-src 'sha256-" in policy and "unsafe" not in policy
    assert policy.endswith("img-src data:; base-uri 'none'; form-action 'none'")
    # CSS and JS are inlined, not referenced.
    assert re.search(r"<style>\s*/\* kb-audit HTML report", html)
    assert re.search(r"<script>\s*/\* kb-audit report", html)


def test_header_and_score(audited):
    result, _, html = audited
    score = result.summary.score
    assert re.search(rf'<span class="score-number">{score.value}</span>', html)
    band = "good" if score.value >= 90 else "fair" if score.value >= 70 else "poor"
    assert f'class="score score--{band}"' in html
    assert score.method in html
    assert f"<dt>Documents audited</dt><dd>{result.summary.documents}</dd>" in html
    assert f"<dt>Files seen</dt><dd>{result.summary.files_seen}</dd>" in html
    assert f"<dt>Files skipped</dt><dd>{result.summary.skipped}</dd>" in html
    assert result.root in html
    assert f'<time datetime="{NOW}">27 November 2026</time>' in html  # NOW, for people
    for severity, count in result.summary.findings.items():
        card = _section(html, "summary")
        assert re.search(
            rf'severity-card--{severity}">\s*<span class="severity-count">{count}</span>', card
        )


def test_each_rule_with_findings_has_a_section_with_why_and_fix(audited):
    result, docs, html = audited
    with_findings = {r.id for r in result.rules if r.findings}
    assert with_findings
    for rule_id in with_findings:
        section = _section(html, f"todo-{rule_id}")
        assert str(doc_text(docs[rule_id]["Why"])) in section
        assert str(doc_text(docs[rule_id]["Fix"])) in section
        assert f'href="#rule-{rule_id}"' in section
        principle = next(r.principle for r in result.rules if r.id == rule_id)
        assert PRINCIPLES[principle] in section  # the principle in words, not only its id
        for finding in (f for f in result.findings if f.id == rule_id):
            assert str(escape(finding.message)) in section
    broken = _section(html, "todo-T020")
    assert "gone.md" in broken


def test_what_to_do_first_is_ordered_by_severity_then_count(audited):
    result, _, html = audited
    order = re.findall(r'id="todo-([A-Z]\d+)"', html)
    runs = {r.id: r for r in result.rules}
    keys = [(-Severity(runs[i].severity).rank, -runs[i].findings) for i in order]
    assert keys == sorted(keys)
    assert len(order) == len({f.id for f in result.findings})


def test_clean_and_skipped_rules_and_skipped_files(audited):
    result, _, html = audited
    clean = _section(html, "clean")
    for run in result.rules:
        if run.ran and not run.findings:
            assert f'href="#rule-{run.id}"' in clean
    skipped = _section(html, "skipped")
    assert "too-long" in skipped and "ignored (--ignore)" in skipped
    assert ".drafts/" in skipped and "hidden folder" in skipped


def test_documents_table_lists_every_document_without_javascript(audited):
    result, _, html = audited
    table = _section(html, "documents")
    rows = re.findall(r'<tr id="doc-\d+" data-findings="(\d+)"', table)
    assert sorted(int(n) for n in rows) == sorted(d["findings"] for d in result.documents)
    for doc in result.documents:
        assert doc["path"] in table
    # The search/filter controls only appear when the script unhides them.
    assert re.search(r'<div class="doc-tools" id="doc-tools" hidden>', table)
    # Sortable headers are plain <th scope="col"> until the script adds buttons.
    assert table.count('<th scope="col"') == 9
    assert "<caption>" in table


def test_every_internal_link_has_a_target(audited):
    _, _, html = audited
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and targets <= ids
    for rule_id in ("T001", "T020", "T021"):
        assert f"rule-{rule_id}" in ids


def test_page_is_well_formed(audited):
    _, _, html = audited
    assert_well_formed(html)


def test_rule_doc_markup_is_escaped_in_the_page(audited):
    result, docs, _ = audited
    hostile = {k: dict(v) for k, v in docs.items()}
    hostile["T020"]["Why"] = "Links <b>matter</b> & so does <img src=x onerror=alert(1)>."
    html = render_html(result, hostile)
    assert "Links &lt;b&gt;matter&lt;/b&gt; &amp; so does &lt;img src=x" in html
    assert "<b>matter" not in html and "<img" not in html


def test_missing_rule_docs_do_not_break_the_page(audited):
    result, _, _ = audited
    html = render_html(result, {})
    assert "This rule has no documentation." in html
    assert 'id="rule-T020"' in html


def test_view_model_groups_findings_by_rule(audited):
    result, docs, _ = audited
    report = build_report(result, docs)
    assert sum(s.count for s in report.todo) == len(result.findings)
    assert {s.id for s in report.todo} == {f.id for f in result.findings}
    assert len(report.documents) == result.summary.documents
    assert [r.id for r in report.skipped_rules] == [
        "O002", "T003", "T010", "T011", "T012", "T013", "T031",
    ]  # fmt: skip
    xss = next(d for d in report.documents if d.title == XSS_TITLE)
    assert (xss.date, xss.date_kind) == ("2026-09-01", "changed")


# Filters -------------------------------------------------------------------------------


def test_doc_text_escapes_first_then_adds_its_few_tags():
    html = str(
        doc_text(
            "Use <b>this</b> & **that** with `a<b>` here.\n"
            "Second line.\n\n"
            "- one `x`\n- two **y**\n\n"
            "```markdown\n<script>x()</script>\n**not bold**\n```\nafter"
        )
    )
    assert "<b>" not in html and "<script>" not in html
    assert "Use &lt;b&gt;this&lt;/b&gt; &amp; <strong>that</strong>" in html
    assert "<code>a&lt;b&gt;</code>" in html
    assert "<p>Use" in html and "here. Second line.</p>" in html
    assert "<ul><li>one <code>x</code></li><li>two <strong>y</strong></li></ul>" in html
    assert "<pre><code>&lt;script&gt;x()&lt;/script&gt;\n**not bold**</code></pre>" in html
    assert html.endswith("<p>after</p>")


def test_doc_text_returns_markup_and_handles_nothing():
    from markupsafe import Markup

    assert isinstance(doc_text("plain"), Markup)
    assert doc_text(None) == Markup("")
    assert doc_text("") == Markup("")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0"), (999, "999"), (1234, "1,234"), (1234567, "1,234,567"), (None, "\u2014")],
)
def test_number(value, expected):
    assert number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-27T00:00:00+00:00", "2026-11-27"),
        ("2026-11-27", "2026-11-27"),
        (None, "\u2014"),
        ("not a date", "not a date"),
    ],
)
def test_date(value, expected):
    assert date(value) == expected


def test_summary_says_what_dates_and_links_rest_on(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nnav:\n  - Home: index.md\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\nupdated: 03/04/2026\n---\n[x](/generated/page/)\n")
    (docs / "other.md").write_text("# No date\n")
    result = audit(tmp_path, Config(now=NOW, git_history=False))
    html = render_html(result, rule_sections())
    section = _section(html, "summary")
    assert "1 documents are dated only by their file" in section
    assert "read day first (default (day first))" in section
    assert "the way MkDocs serves the site (mkdocs.yml)" in section
    assert "Version history was not read (git-history = false)." in section


def test_silenced_findings_are_listed_with_their_reason(tmp_path):
    (tmp_path / "index.md").write_text(
        "# Home\n\n<!-- kb-audit: ignore broken-link -->\n[<b>gone</b>](gone.md)\n"
    )
    result = audit(tmp_path, Config(now=NOW, git_history=False))
    assert result.summary.suppressed == 1 and not [f for f in result.findings if f.id == "T020"]
    html = render_html(result, rule_sections())
    section = _section(html, "skipped")
    assert "Findings silenced on purpose" in section
    assert "index.md:4" in section and "document: ignore comment on line 3" in section
    assert "<b>gone</b>" not in html


def test_the_score_shows_its_trend_from_the_history(tmp_path):
    wiki = tmp_path / "wiki"
    wiki.mkdir()
    (wiki / "index.md").write_text("# Home\n\n[gone](gone.md)\n")
    db = tmp_path / "history.sqlite"
    audit(wiki, Config(now="2026-10-27", git_history=False, history=str(db)))
    (wiki / "index.md").write_text("# Home\n")
    result = audit(wiki, Config(now=NOW, git_history=False, history=str(db)))
    summary = _section(html := render_html(result, rule_sections()), "summary")
    assert "+25 since the audit of 27 October 2026" in summary
    assert "0 new findings, 1 fixed since then." in summary
    assert 'class="sparkline"' in summary and "The score over the last 2 audits" in summary
    assert "trend" not in _section(render_html(audit(wiki, Config(now=NOW, git_history=False)),
                                               rule_sections()), "summary")  # fmt: skip
    assert html.count("<polyline") == 1


def test_the_first_screen_says_what_to_do_first_in_plain_words():
    config = load_config(EXAMPLE / "kb-audit.toml")
    result = audit(EXAMPLE, config.merged({"now": NOW}))
    summary = _section(render_html(result, rule_sections()), "summary")
    assert "Do these first" in summary
    assert (
        'href="#todo-T020">Broken links to repair, each a dead end for a reader: 3</a>' in summary
    )
    dutch = render_html(audit(EXAMPLE, config.merged({"now": NOW, "lang": "nl"})),
                        rule_sections())  # fmt: skip
    assert "Kapotte links om te herstellen" in _section(dutch, "summary")


def test_the_first_screen_sets_the_unread_share_beside_the_guides_80_percent():
    config = load_config(EXAMPLE / "kb-audit.toml")
    summary = _section(render_html(audit(EXAMPLE, config.merged({"now": NOW})), rule_sections()),
                       "summary")  # fmt: skip
    assert "of your pages were not read in the past year." in summary
    assert "The guide: 80% of information is no longer used after a year." in summary
    without = audit(EXAMPLE, config.merged({"now": NOW, "usage": []}))
    assert "80% of information" not in _section(render_html(without, rule_sections()), "summary")
