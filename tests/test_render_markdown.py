"""The Markdown summary for a CI job or merge request: figures that match the result, the
findings that matter first, a bounded size, and nothing a document can inject."""

from __future__ import annotations

import dataclasses
import html as htmllib
import re
from collections import Counter

import pyromark
import pytest

from auditor.api import audit
from auditor.config import load_config
from auditor.model import AuditResult, Finding, Severity
from auditor.render import RENDERERS
from auditor.render.markdown import TOP, code, escape, render_markdown
from auditor.render.options import RenderOptions
from auditor.render.text import clean
from tests.conftest import EXAMPLE, NOW
from tests.results import hand_built

OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
HOSTILE = [
    "<script>alert(1)</script>",
    "a | b | c",
    "`code` and ``more``",
    "[click](javascript:alert(1))",
    "![img](javascript:alert(2)) <https://evil.example>",
    "first line\n\n# heading\n| x | y |\n|---|---|\n- item",
    "**bold** _em_ ~~gone~~ $x$ &lt;entity&gt; &amp; \\[escaped\\]",
    "<a href='javascript:alert(3)'>x</a>\r\n---",
    "\x1b[31mred\x1b[0m\x00\x07 tail\\",
    "# heading\n> quote\n- item\n1. one\n=====",
]

ALLOWED_TAGS = {"h2", "h3", "p", "strong", "code", "table", "thead", "tbody", "tr", "th", "td",
                "ul", "li"}  # fmt: skip


def finding(path="a.md", line=None, severity=Severity.WARNING, rule=("T001", "stale-content"),
            message="Old.", baseline=None) -> Finding:  # fmt: skip
    return Finding(rule[0], rule[1], severity, path, message, line=line, baseline=baseline)


def result_of(findings: list[Finding], documents: int = 3, **changes) -> AuditResult:
    docs = [{"path": f"doc{i}.md"} for i in range(documents)]
    return dataclasses.replace(hand_built(docs, findings), **changes)


def to_html(markdown: str) -> str:
    return pyromark.html(markdown, options=OPTIONS)


def table_rows(markdown: str) -> list[list[str]]:
    """The per-rule table's body rows, cells as rendered text."""
    page = to_html(markdown)
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
    return [[htmllib.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r)] for r in rows]


def list_items(markdown: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", to_html(markdown), flags=re.S)


# Escaping -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_exactly_that_text(text):
    page = to_html("x " + escape(text))  # as the summary uses it: inside a line
    assert page.startswith("<p>x ") and page.count("<p>") == 1
    inner = page.removeprefix("<p>x ").removesuffix("</p>\n")
    assert "<" not in inner  # no element at all: no HTML, link, emphasis or code
    assert htmllib.unescape(inner) == clean(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_code_span_holds_exactly_the_text(text):
    page = to_html("x " + code(text))
    assert re.fullmatch(r"<p>x <code>[^<]*</code></p>\n", page)
    assert htmllib.unescape(page[len("<p>x <code>") : -len("</code></p>\n")]) == clean(text)


def test_long_text_is_cut_before_escaping():
    assert escape("<" * 1000, limit=10) == "\\<" * 9 + "\u2026"
    assert len(code("x" * 1000, limit=10)) == 12


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_findings_make_no_html_link_or_table_cell(hostile):
    findings = [
        finding(path=hostile, line=3, message=hostile, rule=("T001", hostile)),
        finding(path=f"{hostile}.md", message=f"The title {hostile} is also …"),
    ]
    summary = render_markdown(result_of(findings), RenderOptions())
    page = to_html(summary)
    # Only the summary's own elements: no script, link, image, emphasis or raw HTML.
    assert set(re.findall(r"<(\w+)", page)) == ALLOWED_TAGS
    assert all(len(row) == 4 for row in table_rows(summary))
    assert len(table_rows(summary)) == 2
    assert len(list_items(summary)) == 2
    assert page.count("<h1") == 0 and page.count("<table>") == 1


def test_hostile_scope_and_baseline_facts_stay_literal():
    hostile = HOSTILE[3] + HOSTILE[0]
    result = result_of(
        [finding(baseline="new")],
        scope={"changed_since": hostile, "documents": 1},
        baseline={"file": hostile},
    )
    page = to_html(render_markdown(result, RenderOptions()))
    assert "<script" not in page and "<a " not in page
    assert page.count("<code>[click](javascript:alert(1))&lt;script&gt;") == 2


# The figures ---------------------------------------------------------------------------------


def test_the_summary_has_the_score_band_counts_and_what_fails():
    findings = [
        finding("a.md", 1, Severity.ERROR, ("T020", "broken-link")),
        finding("a.md", 2, Severity.ERROR, ("T020", "broken-link")),
        finding("b.md", None, Severity.WARNING),
        finding("b.md", None, Severity.INFO, ("T030", "missing-summary")),
    ]
    result = result_of(findings, documents=5)
    result.summary = dataclasses.replace(
        result.summary, score=dataclasses.replace(result.summary.score, value=87)
    )
    summary = render_markdown(result, RenderOptions(fail_on="warning"))
    assert "Cleanliness score: **87**/100 (Fair)" in summary
    assert "**4 findings** in 2 of 5 documents: 2 errors, 1 warning, 1 note." in summary
    assert "\u274c **3 findings fail the build** (`--fail-on warning`)." in summary
    assert table_rows(summary) == [
        ["T020", "broken-link", "Error", "2"],
        ["T001", "stale-content", "Warning", "1"],
        ["T030", "missing-summary", "Note", "1"],
    ]
    never = render_markdown(result, RenderOptions(fail_on="never"))
    assert "No finding fails the build (`--fail-on never`)." in never


def test_no_findings_says_so_and_has_no_table():
    summary = render_markdown(result_of([], documents=2), RenderOptions())
    assert "No findings in 2 documents." in summary
    assert "<table>" not in to_html(summary) and "<li>" not in to_html(summary)


def test_silenced_findings_are_not_counted_but_mentioned():
    result = result_of(
        [finding()], suppressed=[finding("b.md", severity=Severity.ERROR, message="Hush.")]
    )
    summary = render_markdown(result, RenderOptions())
    assert "**1 finding** in 1 of 3 documents: 1 warning." in summary
    assert "Silenced by a page or the config, so not counted: 1." in summary
    assert "Hush." not in summary and "No finding fails the build" in summary


def test_the_baseline_counts_new_baselined_and_expired():
    findings = [
        finding("a.md", 1, Severity.ERROR, baseline="new"),
        finding("a.md", 2, Severity.ERROR, baseline="unchanged"),
        finding("a.md", 3, Severity.ERROR, baseline="unchanged"),
        finding("a.md", 4, Severity.ERROR, baseline="expired"),
    ]
    result = result_of(findings, baseline={"file": "kb-audit-baseline.json", "entries": 3})
    summary = render_markdown(result, RenderOptions())
    assert (
        "Against the baseline: 1 new, 2 already in it (these do not fail), 1 whose entry "
        "expired (these fail again)."
    ) in summary
    assert "Baseline: `kb-audit-baseline.json`." in summary
    assert "**2 findings fail the build**" in summary
    assert "Against the baseline" not in render_markdown(result_of(findings), RenderOptions())


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ({"changed_since": "origin/main", "documents": 4},
         "Only the documents changed since `origin/main` were checked. Documents checked: 4."),
        ({"files": ["a.md", "b.md"]}, "Only the documents given with --files were checked."),
        ({"documents": "many"}, "Only part of the folder was checked.\n"),
    ],
)  # fmt: skip
def test_a_scoped_check_says_what_was_checked(scope, expected):
    assert expected in render_markdown(result_of([finding()], scope=scope), RenderOptions())


def test_a_whole_folder_check_says_nothing_about_scope():
    assert "checked" not in render_markdown(result_of([finding()]), RenderOptions())


# The top findings ----------------------------------------------------------------------------


def test_top_findings_put_failing_then_new_first():
    findings = [
        finding("a.md", 1, Severity.WARNING, baseline="unchanged", message="old warning"),
        finding("b.md", 1, Severity.WARNING, baseline="new", message="new warning"),
        finding("c.md", 1, Severity.ERROR, baseline="unchanged", message="baselined error"),
        finding("z.md", 9, Severity.ERROR, baseline="expired", message="expired error"),
        finding("y.md", 9, Severity.ERROR, baseline="new", message="new error"),
        finding("a.md", 2, Severity.INFO, baseline="new", message="new info"),
    ]
    summary = render_markdown(result_of(findings, baseline={}), RenderOptions(fail_on="error"))
    order = [re.search(r": (.*?) \(", item).group(1) for item in list_items(summary)]
    assert order == [
        "new error",  # failing, by path: y.md before z.md
        "expired error",
        "new warning",  # not failing, new: most severe first
        "new info",
        "baselined error",  # in the baseline last
        "old warning",
    ]
    items = list_items(summary)
    assert items[0].startswith("\u274c <strong>Error</strong> <code>y.md:9</code>")
    assert items[0].endswith("(T001 stale-content, new)")
    assert not items[2].startswith("\u274c") and items[4].endswith(", in the baseline)")


def test_the_top_list_stops_at_fifteen_and_says_how_many_more():
    findings = [finding(f"p{i:02}.md", i + 1) for i in range(TOP + 7)]
    summary = render_markdown(result_of(findings), RenderOptions())
    assert len(list_items(summary)) == TOP
    assert "\u2026 and 7 more." in summary
    exact = render_markdown(result_of(findings[:TOP]), RenderOptions())
    assert len(list_items(exact)) == TOP and "more." not in exact


def test_the_report_link_only_when_there_is_a_report_url():
    result = result_of([finding()])
    assert "href" not in to_html(render_markdown(result, RenderOptions()))
    url = "https://ci.example.org/jobs/12/artifacts/report (1).html"
    page = to_html(render_markdown(result, RenderOptions(report_url=url)))
    assert (
        '<a href="https://ci.example.org/jobs/12/artifacts/report%20%281%29.html">'
        "Open the full report</a>"
    ) in page


def test_a_huge_result_gives_a_small_summary():
    """100,000 findings, long hostile messages and a thousand rules: far below 1 MiB."""
    long = "<b>|</b>`" * 2000  # one string, shared: 18 kB a message
    findings = [
        finding(
            f"folder/{i}/" + "deep/" * 100 + "page.md",
            i,
            Severity.ERROR if i % 10 == 0 else Severity.WARNING,
            (f"X{i % 1000:03}", "rule-" + "x" * 200),
            message=long,
        )
        for i in range(100_000)
    ]
    summary = render_markdown(result_of(findings, documents=100_000), RenderOptions())
    assert len(summary.encode()) < 64 * 1024
    assert "**100,000 findings** in 100,000 of 100,000 documents" in summary
    assert "\u2026 and 99,985 more." in summary and "\u2026 and 950 more." in summary
    assert len(table_rows(summary)) == 50


def test_the_formats_are_registered():
    assert RENDERERS["markdown"] == ("summary.md", render_markdown)


# The example wiki ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example():
    config = load_config(EXAMPLE / "kb-audit.toml")
    return audit(EXAMPLE, config.merged({"now": NOW}))


def test_the_example_summary_matches_its_result(example):
    summary = render_markdown(example, RenderOptions(fail_on="error"))
    score = example.summary.score.value
    assert f"Cleanliness score: **{score}**/100" in summary
    assert f"**{len(example.findings)} findings** in " in summary
    per_rule = Counter((f.id, f.rule) for f in example.findings)
    rows = table_rows(summary)
    assert {(r[0], r[1]): int(r[3]) for r in rows} == per_rule
    failing = example.failing("error")
    assert f"**{len(failing)} findings fail the build**" in summary
    items = list_items(summary)
    assert len(items) == TOP
    assert all(item.startswith("\u274c ") for item in items[: len(failing)])
    assert not any(item.startswith("\u274c ") for item in items[len(failing) :])
    assert f"\u2026 and {len(example.findings) - TOP} more." in summary


def test_the_example_summary_in_dutch(example):
    dutch = dataclasses.replace(example, config={**example.config, "lang": "nl"})
    summary = render_markdown(dutch, RenderOptions(report_url="https://ci.example.org/r.html"))
    assert summary.startswith("## Audit van de kennisbank\n")
    assert "Netheidsscore: **" in summary and " bevindingen** in " in summary
    assert "| Controle | Naam | Ernst | Bevindingen |" in summary
    assert "laten de build falen" in summary and "[Open het volledige rapport](" in summary
    assert "\u2026 en nog " in summary
    # Messages are translated where the Dutch catalogue knows them.
    assert "De afbeelding verwijst naar ../images/deploy-pipeline.png" in summary
    assert "Image points to" not in summary
