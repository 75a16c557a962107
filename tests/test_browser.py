"""The HTML report in a real browser: Debian's Chromium driven by Playwright, offline.

Every page is opened from file:// with every other request aborted (and asserted absent).
Without /usr/bin/chromium these tests skip, saying why, unless KB_AUDIT_BROWSER_TESTS is
`required` (as .ci/run sets it): then they fail. Screenshots and PDFs go to
$KB_AUDIT_ARTIFACTS, else test-artifacts/, for CI to keep.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from auditor.api import audit
from auditor.config import Config, load_config
from auditor.docs import rule_sections
from auditor.render.html import render_html
from tests.conftest import EXAMPLE, NOW, REPO, benchmark

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REQUIRED = os.environ.get("KB_AUDIT_BROWSER_TESTS", "") == "required"
ARTIFACTS = Path(os.environ.get("KB_AUDIT_ARTIFACTS") or REPO / "test-artifacts")

#: A report of more documents than the HTML holds as rows: they travel as JSON.
BIG = 6_000
PAGE = 100

PWN = "<script>window.__pwned=1</script>"
PWN_ATTR = '<img src=x onerror="window.__pwned=1">'


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if REQUIRED:
            pytest.fail(f"{reason}, and KB_AUDIT_BROWSER_TESTS=required")
        pytest.skip(f"{reason}; set KB_AUDIT_BROWSER_TESTS=required to fail instead")
    # Not an importorskip: playwright is in the `test` extra, and its absence is a failure.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    """A report open in a tab, and everything the tab tried or complained about."""

    page: Any
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    requests: list[str] = field(default_factory=list)  # every request not for a file:// URL
    dialogs: list[str] = field(default_factory=list)

    def rows(self) -> list[dict[str, Any]]:
        """The rows of the documents table on screen: id, title cell text and values."""
        return self.page.eval_on_selector_all(
            "#doc-table tbody tr",
            """rows => rows.map(r => ({
                id: r.id,
                findings: Number(r.dataset.findings),
                title: r.querySelector('.doc-title').textContent,
                path: r.querySelector('code.path').textContent,
                cells: Array.from(r.cells).map(c => c.textContent.trim()),
            }))""",
        )

    def count(self) -> str:
        return self.page.inner_text("#doc-count")

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.requests == []
        assert self.dialogs == []


@pytest.fixture
def open_report(browser, tmp_path):
    contexts = []

    def open_(html: str, javascript: bool = True, name: str = "report.html") -> Opened:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(
            viewport={"width": 1280, "height": 800}, java_script_enabled=javascript
        )
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def route(route):
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                route.abort()

        def request(r):
            if not r.url.startswith(("file:", "data:")):
                opened.requests.append(r.url)

        def dialog(d):
            opened.dialogs.append(d.message)
            d.dismiss()

        context.route("**/*", route)
        page.on("request", request)
        page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("dialog", dialog)
        page.goto(path.as_uri(), wait_until="load")
        return opened

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def example():
    config = load_config(EXAMPLE / "kb-audit.toml").merged({"now": NOW})
    result = audit(EXAMPLE, config)
    return result, render_html(result, rule_sections())


def _benchmark():
    return benchmark("report_size")


@pytest.fixture(scope="module")
def big():
    result = _benchmark().synthetic_result(BIG)
    html = render_html(result, rule_sections())
    assert 'id="doc-data"' in html, "a report this big carries its rows as JSON"
    assert html.count("<tr id=") == PAGE, "and only the first page as HTML rows"
    return result, html


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


def _natural(value: str) -> list:
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", value)]


def _text(value: str) -> str:
    """Text as a PDF gives it back: ligatures undone, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", value).split())


# The example's report --------------------------------------------------------------------


def test_example_opens_offline_without_errors(example, open_report):
    result, html = example
    report = open_report(html)
    assert report.page.is_visible("#doc-tools")
    n = len(result.documents)
    assert report.count() == f"Showing 1–{n} of {n} documents"
    assert len(report.rows()) == n
    assert report.page.is_hidden(".pager"), "one page: no page buttons"
    report.page.screenshot(path=_artifact("report-first-screen.png"))
    report.assert_clean()


def test_without_javascript_every_row_is_there(example, open_report):
    result, html = example
    report = open_report(html, javascript=False)
    assert len(report.rows()) == len(result.documents)
    assert report.page.is_hidden("#doc-tools")


def test_sorting_by_a_column_heading(example, open_report):
    result, html = example
    report = open_report(html)
    words = report.page.locator("#doc-table thead th", has_text="Words")
    words.locator("button").click()
    assert words.get_attribute("aria-sort") == "descending"
    shown = [int(r["cells"][4].replace(",", "")) for r in report.rows()]
    assert shown == sorted((d["words"] for d in result.documents), reverse=True)
    words.locator("button").click()
    assert words.get_attribute("aria-sort") == "ascending"
    shown = [int(r["cells"][4].replace(",", "")) for r in report.rows()]
    assert shown == sorted(d["words"] for d in result.documents)

    report.page.locator("#doc-table thead th", has_text="Title").locator("button").click()
    titles = [r["title"] for r in report.rows()]
    # As people read them: ignoring case, and numbers by value ("sprint 2" before "sprint 12").
    assert titles == sorted((d["title"] for d in result.documents), key=_natural)
    assert titles.index("Retro sprint 2") < titles.index("Retro sprint 12")
    assert titles != [d["title"] for d in result.documents]  # the order did change
    report.assert_clean()


def test_only_documents_with_findings(example, open_report):
    result, html = example
    report = open_report(html)
    report.page.check("#doc-only-findings")
    rows = report.rows()
    with_findings = sorted(d["path"] for d in result.documents if d["findings"])
    assert sorted(r["path"] for r in rows) == with_findings
    assert all(r["findings"] > 0 for r in rows)
    n = len(with_findings)
    assert report.count() == f"Showing 1–{n} of {n} documents"
    report.page.uncheck("#doc-only-findings")
    assert len(report.rows()) == len(result.documents)
    report.assert_clean()


def test_search_by_title_and_by_path(example, open_report):
    _, html = example
    report = open_report(html)
    report.page.fill("#doc-search", "deploy to production")
    assert sorted(r["path"] for r in report.rows()) == [
        "how-to/deploy-to-production-2024.md",
        "how-to/deploy-to-production.md",
    ]
    report.page.fill("#doc-search", "databases/postgres")
    assert [r["title"] for r in report.rows()] == ["PostgreSQL: too many connections"]
    report.page.fill("#doc-search", "no such page anywhere")
    assert report.rows() == []
    assert report.count() == "Showing 0 of 0 documents"
    report.assert_clean()


def test_sort_buttons_work_from_the_keyboard(example, open_report):
    result, html = example
    report = open_report(html)
    page = report.page
    page.focus("#doc-only-findings")
    reached = []
    for _ in range(20):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim()"))
        if reached[-1] == "Findings":
            break
    assert reached[0] == "Title and path", "the first sort button follows the filters"
    assert reached[-1] == "Findings", reached
    assert page.evaluate("document.activeElement.className") == "sort-button"
    page.keyboard.press("Enter")
    findings = [r["findings"] for r in report.rows()]
    assert findings == sorted((d["findings"] for d in result.documents), reverse=True)
    report.assert_clean()


def test_summary_prints_alone_on_the_first_a4_page(example, open_report):
    from pypdf import PdfReader

    result, html = example
    report = open_report(html)
    summary_text = report.page.inner_text("#summary")
    next_heading = report.page.inner_text("main > section:nth-of-type(2) h2")
    pdf = report.page.pdf(format="A4", print_background=True)
    _artifact("report.pdf").write_bytes(pdf)
    pages = [_text(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) > 2
    first = pages[0]
    assert f"{result.summary.score.value} out of 100" in first
    lines = [_text(line) for line in summary_text.splitlines() if line.strip()]
    assert lines[0] == "Summary"
    # The summary's last line is on page one (the PDF may wrap it: compare its end).
    assert lines[-1][-40:] in first, lines[-1]
    assert _text(next_heading) not in first
    assert pages[1].startswith(_text(next_heading))


# Hostile content ---------------------------------------------------------------------------

HOSTILE_WIKI = {
    "index.md": "---\ntitle: Home\nreviewed: 2026-10-01\n---\n# Home\n",
    "<img src=x onerror=alert(1)>.md": (
        f"---\ntitle: '{PWN}'\nowner: '{PWN_ATTR}'\ntype: '<svg onload=alert(1)>'\n"
        f"summary: '{PWN}'\nreviewed: 2026-10-01\n---\n# {PWN}\n\n[gone]({PWN}.md)\n"
    ),
}


def _assert_harmless(report: Opened, scripts: int) -> None:
    assert report.page.evaluate("typeof window.__pwned") == "undefined"
    assert report.page.locator("#doc-table img, #doc-table svg").count() == 0
    assert report.page.locator("script").count() == scripts  # ours: the code (and the rows)
    report.assert_clean()


def test_hostile_content_in_a_wiki_stays_text(write_tree, open_report):
    root = write_tree(HOSTILE_WIKI)
    result = audit(root, Config(now=NOW))
    hostile = next(d for d in result.documents if d["path"].startswith("<img"))
    assert (hostile["title"], hostile["owner"]) == (PWN, PWN_ATTR)
    report = open_report(render_html(result, rule_sections()))
    table = report.page.inner_text("#doc-table")
    assert PWN in table and PWN_ATTR in table and "<img src=x onerror=alert(1)>.md" in table
    report.page.fill("#doc-search", "onerror")
    assert [r["path"] for r in report.rows()] == [hostile["path"]]
    _assert_harmless(report, scripts=1)


def test_hostile_content_in_json_rows_stays_text(big, open_report):
    result, _ = big
    hostile = result.documents[0] | {
        "title": PWN + "</script><script>window.__pwned=1</script>",
        "owner": PWN_ATTR,
        "type": "<svg onload=window.__pwned=1>",
        "path": "<img src=x onerror=window.__pwned=1>.md",
    }
    result = dataclasses.replace(result, documents=[hostile, *result.documents[1:]])
    report = open_report(render_html(result, rule_sections()))
    first = report.rows()[0]
    assert first["title"].startswith(PWN) and first["path"].startswith("<img")
    assert PWN_ATTR in first["cells"]
    _assert_harmless(report, scripts=2)


# A report too big for HTML rows --------------------------------------------------------------


def test_big_report_pages_through_json_rows(big, open_report):
    result, html = big
    docs = result.documents
    report = open_report(html)
    page = report.page
    assert report.count() == f"Showing 1–{PAGE} of {BIG:,} documents"
    assert [r["path"] for r in report.rows()] == [d["path"] for d in docs[:PAGE]]
    assert page.inner_text("#doc-tools .pager-status") == f"Page 1 of {BIG // PAGE}"

    # The page buttons are buttons: Tab reaches them, Enter turns the page, focus stays.
    page.focus("#doc-only-findings")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.go") == "next"
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert report.count() == f"Showing 201–300 of {BIG:,} documents"
    assert [r["path"] for r in report.rows()] == [d["path"] for d in docs[200:300]]
    page.click("#doc-tools [data-go=last]")
    assert page.get_attribute("#doc-tools [data-go=next]", "aria-disabled") == "true"
    assert len(report.rows()) == BIG - (BIG // PAGE - 1) * PAGE

    # Filter and sort work on every row, not just the page shown, and go back to page 1.
    page.check("#doc-only-findings")
    with_findings = [d for d in docs if d["findings"]]
    assert report.count() == f"Showing 1–{PAGE} of {len(with_findings):,} documents"
    page.locator("#doc-table thead th", has_text="Score").locator("button").click()
    page.locator("#doc-table thead th", has_text="Score").locator("button").click()  # ascending
    scores = [int(r["cells"][8]) for r in report.rows()]
    assert scores == sorted(d["score"] for d in with_findings)[:PAGE]

    # Search finds a document wherever it is.
    last = docs[-1]
    page.uncheck("#doc-only-findings")
    page.fill("#doc-search", last["path"])
    assert [r["path"] for r in report.rows()] == [last["path"]]
    report.assert_clean()


def test_big_report_links_to_rows_on_other_pages(big, open_report):
    _, html = big
    report = open_report(html)
    page = report.page
    page.fill("#doc-search", "no such page")  # the link must also undo a search that hides it
    anchor = page.evaluate(
        """() => {
            const link = Array.from(document.querySelectorAll('#todo a[href^="#doc-"]'))
                .find(a => Number(a.getAttribute('href').slice(5)) > 1000);
            link.closest('details').open = true;
            link.scrollIntoView();
            return link.getAttribute('href').slice(1);
        }"""
    )
    page.click(f'#todo a[href="#{anchor}"] >> nth=0')
    row = page.locator(f"#{anchor}")
    assert row.is_visible()
    assert re.search(r"\bis-target\b", row.get_attribute("class") or "")
    assert page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top") >= 0
    assert page.input_value("#doc-search") == ""
    report.assert_clean()


def test_big_report_without_javascript_shows_a_page_and_says_so(big, open_report):
    _, html = big
    report = open_report(html, javascript=False)
    assert len(report.rows()) == PAGE
    note = report.page.inner_text(".noscript-note")
    assert f"first {PAGE} of {BIG:,} documents" in note


def test_the_dutch_report_runs_in_dutch(open_report):
    config = load_config(EXAMPLE / "kb-audit.toml").merged({"now": NOW, "lang": "nl"})
    result = audit(EXAMPLE, config)
    report = open_report(render_html(result, rule_sections()), name="rapport.html")
    n = len(result.documents)
    assert report.page.get_attribute("html", "lang") == "nl"
    assert report.count() == f"1–{n} van {n} documenten getoond"  # written by report.js
    visible = report.page.inner_text("main")
    for english in ("What to do first", "Showing", "Broken links to repair", "excluded by"):
        assert english not in visible
    report.page.screenshot(path=_artifact("report-first-screen-nl.png"))
    report.assert_clean()


def test_the_policy_runs_only_the_reports_own_code(example, open_report):
    """Markup smuggled into the page (were escaping ever to fail) does not run: the
    Content-Security-Policy allows the report's own script and style by their hashes."""
    _, html = example
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)[1]
    assert "unsafe-inline" not in policy and "'sha256-" in policy
    smuggled = html.replace(
        "</body>",
        "<script>document.title = 'pwned'; alert(1)</script>"
        '<img src="x" onerror="document.title = \'pwned\'"></body>',
    )
    report = open_report(smuggled)
    assert report.page.title() != "pwned" and report.dialogs == []
    assert any("Content Security Policy" in e for e in report.errors)  # refused, and said
    report.page.click("#doc-table th button >> nth=1")  # the report's own script works
    assert report.page.locator("#doc-table th[aria-sort]").count() == 1
