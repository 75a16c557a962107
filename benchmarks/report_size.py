"""How big the reports get, and whether the HTML report stays usable, at N documents.

Builds a synthetic AuditResult of N documents (default 100,000) in a realistic spread of
folders, owners, dates and page views, with findings at the rate of the example wiki
(about 0.8 a document, spread over the rules as they fall there), renders the HTML
and JSON reports, and prints their sizes, the share of each HTML section and the render
times. Then, unless --no-browser, it opens the HTML report in Chromium (Playwright, the
network blocked) and prints the time from navigation to the first page of the documents
table, and the time of a filter, a search, a sort and a page turn, each until the next
frame is painted. The goal: under 25 MB, and no step that freezes the page.

    python benchmarks/report_size.py                 # 100,000 documents: about a minute
    python benchmarks/report_size.py -n 10000 --no-browser
    python benchmarks/report_size.py --no-browser --repeat 3   # render times: best of 3
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from auditor.docs import rule_sections
from auditor.model import AuditResult, Finding, RuleRun, Score, Severity, Skipped, Summary
from auditor.registry import load_rules
from auditor.render.html import render_html
from auditor.render.json import render_json
from auditor.scoring import PENALTIES

NOW = "2026-11-27"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

WORDS = (
    "deploy", "release", "incident", "runbook", "policy", "onboarding", "access", "review",
    "budget", "travel", "security", "backup", "restore", "database", "network", "monitoring",
    "alerting", "service", "team", "roadmap", "meeting", "notes", "decision", "architecture",
    "api", "client", "billing", "invoice", "holiday", "expenses", "laptop", "printer", "vpn",
    "wiki", "glossary", "training", "customer", "support", "escalation", "quarterly",
)  # fmt: skip
FIRST = (
    "Anna", "Bram", "Chloé", "Daan", "Emma", "Finn", "Greet", "Hugo", "Ines", "Jonas", "Kato",
    "Lars", "Mila", "Noor", "Pieter",
)  # fmt: skip
LAST = (
    "Janssens", "Peeters", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet",
)  # fmt: skip

# Rule id -> chance that a document has a finding of it; the message takes the document's
# facts. Together about 0.8 findings a document, as in the example wiki.
CHANCES: dict[str, float] = {
    "T001": 0.12,
    "T002": 0.02,
    "T003": 0.005,
    "T004": 0.03,
    "T010": 0.10,
    "T011": 0.005,
    "T012": 0.01,
    "T013": 0.02,
    "T020": 0.08,
    "T021": 0.06,
    "T022": 0.01,
    "T023": 0.01,
    "T024": 0.002,
    "T030": 0.08,
    "T031": 0.03,
    "T033": 0.01,
    "T034": 0.005,
    "O001": 0.06,
    "O002": 0.02,
    "C001": 0.05,
    "P001": 0.10,
}


def _message(rule: str, doc: dict[str, Any], rng: random.Random) -> tuple[str, int | None]:
    other = f"{doc['folder']}/{rng.choice(WORDS)}-{rng.randrange(1000)}.md"
    messages = {
        "T001": "Not reviewed for 928 days (since 2024-05-13); this page should be reviewed "
        "every 365 days.",
        "T002": "Its review date 2025-12-31 passed 331 days ago.",
        "T003": "Read 1,100 times in the past year but last reviewed 400 days ago: readers get "
        "a dated answer.",
        "T004": "No review or change date in the page or its history; only the file's "
        "modification time, which a copy or checkout resets.",
        "T010": "Not read once in the past year: archive it if nobody needs it.",
        "T011": "Read 1,700 times in the past year, more than 95% of pages, but 3 folders deep: "
        "move it up.",
        "T012": "Read only 4 times in the past year, yet linked from the home page (index.md): "
        "move it down to make room for pages readers use.",
        "T013": "Read only 4 times in the past year, though it is among the biggest efforts "
        f"({doc['words']:,} words): weigh its upkeep against its use.",
        "T020": f"Link points to {other}, which does not exist.",
        "T021": "No other page links here: readers will not find it.",
        "T022": f'The title "{doc["title"]}" is also the title of {other}: readers can\'t tell '
        "the pages apart.",
        "T023": f"Nearly the same text as {other} (similarity 0.93): keep one page and link to it.",
        "T024": "Cannot be read: invalid YAML frontmatter: did not find expected key.",
        "T030": f"No summary: readers of its {doc['words']:,} words can't tell at a glance what "
        "it says.",
        "T031": f"{doc['words']:,} words: split it into smaller pages (limit 1,500).",
        "T033": "7 of its 8 links lead to other sites, with 3 words per link: write down what "
        "the team takes from them.",
        "T034": "30 table rows make up 71% of the page: keep the data in a spreadsheet or "
        "database and link to it.",
        "O001": "Nobody is named as owner, so nobody keeps this page up to date: add `owner:` "
        "to its frontmatter, or a CODEOWNERS file.",
        "O002": f"{doc['owner']} is not on the roster of current people: hand the page to "
        "someone who is.",
        "C001": "1 abbreviation is used but never explained: HSM (line 14). Write each out at "
        "its first use, or add it to the glossary.",
        "P001": "No material type: add `type:` with tool, inspiration or theory to the "
        "frontmatter.",
    }
    line = rng.randrange(3, 200) if rule in ("T020", "T024", "C001") else None
    return messages[rule], line


def synthetic_result(n: int, seed: int = 1) -> AuditResult:
    """An AuditResult of n documents, with findings, dates and page views."""
    rng = random.Random(seed)
    rules = {rule.id: rule for rule in load_rules()}
    owners = [f"{f} {last}" for f in FIRST for last in LAST]
    folders = [
        f"{rng.choice(WORDS)}-{a}/{rng.choice(WORDS)}-{b}" for a in range(40) for b in range(25)
    ]
    documents: list[dict[str, Any]] = []
    findings: list[Finding] = []
    for i in range(n):
        folder = rng.choice(folders)
        name = "-".join(rng.sample(WORDS, 3))
        path = f"{folder}/{name}-{i}.md"
        words = int(rng.lognormvariate(6, 0.8))
        reviewed = (
            f"20{rng.randrange(19, 27)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        )
        views = 0.0 if rng.random() < 0.3 else float(int(rng.lognormvariate(3.5, 1.6)))
        doc = {
            "path": path,
            "title": " ".join(rng.sample(WORDS, rng.randrange(2, 6))).capitalize(),
            "title_source": "frontmatter",
            "folder": folder,
            "type": rng.choice(["tool", "inspiration", "theory", None]),
            "owner": rng.choice(owners) if rng.random() < 0.85 else None,
            "words": words,
            "summary": None,
            "is_entry": name.startswith("index"),
            "dates": {"reviewed": {"value": reviewed, "source": "frontmatter:reviewed"}},
            "date_basis": "frontmatter",
            "links_out": rng.randrange(0, 30),
            "links_in": rng.randrange(0, 12),
            "click_depth": rng.randrange(1, 6),
            "revisions": None,
            "views": views,
            "users": float(int(views / 8)),
            "last_viewed": NOW if views else None,
            "usage_match": "url",
        }
        costs = 0
        count = 0
        for rule_id, chance in CHANCES.items():
            if rng.random() >= chance or rule_id not in rules:
                continue
            rule = rules[rule_id]
            message, line = _message(rule_id, doc, rng)
            severity = Severity(rule.severity)
            findings.append(
                Finding(rule_id, rule.name, severity, path, message, line, fingerprint=f"{i:x}")
            )
            costs += PENALTIES[severity.value]
            count += 1
        doc["findings"] = count
        doc["score"] = max(0, 100 - costs)
        documents.append(doc)
    by_rule = Counter(f.id for f in findings)
    by_severity = Counter(f.severity.value for f in findings)
    runs = [
        RuleRun(r.id, r.name, Severity(r.severity), r.principle, r.summary, True, by_rule[r.id])
        for r in rules.values()
    ]
    score = round(sum(d["score"] for d in documents) / max(1, n))
    summary = Summary(
        documents=n,
        files_seen=n + n // 10,
        assets=n // 10,
        skipped=1,
        findings={s: by_severity[s] for s in ("error", "warning", "info")},
        documents_with_findings=sum(1 for d in documents if d["findings"]),
        suppressed=0,
        score=Score(score, "Each document starts at 100 and loses points per finding.", PENALTIES),
        date_sources={"frontmatter": n},
    )
    views_total = int(sum(d["views"] for d in documents))
    return AuditResult(
        tool={"name": "kb-audit", "version": "bench"},
        now=NOW,
        root="synthetic-wiki",
        summary=summary,
        rules=runs,
        findings=sorted(findings, key=Finding.sort_key),
        suppressed=[],
        documents=documents,
        skipped=[Skipped("drafts/", "excluded by configuration")],
        inputs={
            "usage": {
                "views_total": views_total,
                "views_matched": views_total,
                "match_share": 1.0,
                "matched_by_title": 0,
                "top_unmatched": [],
                "warning": None,
                "hint": None,
                "files": [{"path": "pageviews.csv", "format": "csv", "rows": n}],
                "window_days": 365,
            }
        },
        config={},
    )


def _sections(html: str) -> list[tuple[str, int]]:
    """(section id, bytes) for each top-level <section id=…> of the report."""
    out = []
    start = 0
    while (at := html.find('<section id="', start)) != -1:
        name = html[at + 13 : html.index('"', at + 13)]
        end = html.index("</section>", at)
        out.append((name, len(html[at:end].encode())))
        start = end
    return out


def _local(url: str) -> bool:
    return url.startswith("file:")


def _browser(path: Path) -> None:
    from playwright.sync_api import sync_playwright

    next_frame = "() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if _local(r.request.url) else r.abort())
        started = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load", timeout=180_000)
        page.wait_for_selector("#doc-table tbody tr")
        page.evaluate(next_frame)
        wall = time.perf_counter() - started
        ready = page.evaluate(
            "performance.getEntriesByName('kb-audit:documents-ready')[0].startTime"
        )
        print(f"chromium: first page of the table shown {ready / 1000:.2f} s after navigation "
              f"(load and first paint, measured from Python: {wall:.2f} s)")  # fmt: skip
        steps = [
            ("filter 'only documents with findings'", "#doc-only-findings", "click"),
            ("search 'deploy'", "#doc-search", "deploy"),
            ("clear the search", "#doc-search", ""),
            ("sort by title (first time)", "#doc-table thead th:nth-child(1) button", "click"),
            (
                "sort by title again (descending)",
                "#doc-table thead th:nth-child(1) button",
                "click",
            ),
            ("sort by findings", "#doc-table thead th:nth-child(8) button", "click"),
            ("next page", "#doc-tools .pager [data-go=next]", "click"),
            ("last page", "#doc-tools .pager [data-go=last]", "click"),
        ]
        for label, selector, action in steps:
            elapsed = page.evaluate(
                """async ([selector, action]) => {
                    const el = document.querySelector(selector);
                    const t0 = performance.now();
                    if (action === "click") { el.click(); }
                    else { el.value = action; el.dispatchEvent(new Event("input")); }
                    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                    return performance.now() - t0;
                }""",
                [selector, action],
            )
            shown = page.inner_text("#doc-count")
            print(f"  {label}: {elapsed:.0f} ms ({shown})")
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        if heap:
            print(f"  JS heap in use: {heap / 2**20:.0f} MB")
        browser.close()


def _best(repeat: int, render) -> tuple[str, float]:
    """The output of `render` and its shortest time of `repeat` runs."""
    times = []
    for _ in range(max(repeat, 1)):
        started = time.perf_counter()
        out = render()
        times.append(time.perf_counter() - started)
    return out, min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--documents", type=int, default=100_000)
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timings")
    parser.add_argument("-o", "--output", type=Path, help="keep the reports in this folder")
    parser.add_argument(
        "--repeat", type=int, default=1, help="render each report this many times, keep the best"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    result = synthetic_result(args.documents)
    print(f"synthetic result: {args.documents:,} documents, {len(result.findings):,} findings, "
          f"{result.summary.documents_with_findings:,} documents with findings: "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip

    docs = rule_sections()
    html, html_time = _best(args.repeat, lambda: render_html(result, docs))
    json_text, json_time = _best(args.repeat, lambda: render_json(result))
    html_bytes = html.encode()
    print(f"HTML: {len(html_bytes) / 1e6:.1f} MB, rendered in {html_time:.1f} s")
    for name, size in _sections(html):
        print(f"  section {name}: {size / 1e6:.2f} MB")
    print(f"JSON: {len(json_text.encode()) / 1e6:.1f} MB, rendered in {json_time:.1f} s")

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.output or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "report.html"
        path.write_bytes(html_bytes)
        (folder / "report.json").write_text(json_text, encoding="utf-8")
        if not args.no_browser:
            _browser(path.resolve())


if __name__ == "__main__":
    main()
