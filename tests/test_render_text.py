"""The `text` format for the terminal: findings grouped by file and aligned, a totals line,
colour only when asked, and nothing a document can do to the reader's terminal."""

from __future__ import annotations

import dataclasses
import re

import pytest

from auditor.api import audit
from auditor.config import load_config
from auditor.model import AuditResult, Finding, Severity
from auditor.render import RENDERERS
from auditor.render.options import RenderOptions
from auditor.render.text import clean, render_text
from tests.conftest import EXAMPLE, NOW
from tests.results import hand_built

ESCAPE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # every control but the line ends
SGR = re.compile(r"\x1b\[[\d;]*m")

HOSTILE = (
    "\x1b[2J\x1b[H"  # clear the screen, cursor home
    "\x1b]0;pwned\x07"  # set the window title
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"  # a hyperlink
    "\x9b31m"  # an 8-bit CSI
    "\x1b[31mred\x1b[0m"
    "\rover\x08written\nnext line\ttab\u202eelbisivni"
)


def finding(path="a.md", line=None, severity=Severity.WARNING, rule=("T001", "stale-content"),
            message="Old.", baseline=None) -> Finding:  # fmt: skip
    return Finding(rule[0], rule[1], severity, path, message, line=line, baseline=baseline)


def result_of(findings: list[Finding], documents: int = 3, **changes) -> AuditResult:
    docs = [{"path": f"doc{i}.md"} for i in range(documents)]
    return dataclasses.replace(hand_built(docs, findings), **changes)


FINDINGS = [
    finding("b.md", 12, Severity.ERROR, ("T020", "broken-link"), "Link points to x.md."),
    finding("a.md", None, Severity.WARNING, message="Not reviewed."),
    finding("b.md", 3, Severity.INFO, ("C001", "undefined-abbreviation"), "HSM unexplained."),
    finding("b.md", None, Severity.INFO, ("T030", "missing-summary"), "No summary."),
]


def test_findings_are_grouped_by_file_and_sorted_by_line():
    assert render_text(result_of(FINDINGS), RenderOptions()).splitlines() == [
        "a.md",
        "      warning  T001 stale-content           Not reviewed.",
        "b.md",
        "      info     T030 missing-summary         No summary.",
        "   3  info     C001 undefined-abbreviation  HSM unexplained.",
        "  12  error    T020 broken-link             Link points to x.md.",
        "4 findings in 2 documents: 1 error, 1 warning, 2 info · score 100/100",
    ]


def test_no_colour_means_no_escape_code():
    assert "\x1b" not in render_text(result_of(FINDINGS), RenderOptions(colour=False))


def test_colour_marks_severities_and_paths():
    lines = render_text(result_of(FINDINGS), RenderOptions(colour=True)).splitlines()
    assert lines[0] == "\x1b[1ma.md\x1b[0m"
    assert lines[1] == "      \x1b[33mwarning\x1b[0m  T001 stale-content           Not reviewed."
    assert "\x1b[31merror  \x1b[0m" in lines[5] and "\x1b[36minfo   \x1b[0m" in lines[4]
    assert lines[-1].startswith("4 findings in 2 documents: \x1b[31m1 error\x1b[0m, ")
    # Without the codes, the same text.
    plain = render_text(result_of(FINDINGS), RenderOptions()).splitlines()
    assert [SGR.sub("", line) for line in lines] == plain


def test_quiet_prints_the_findings_only():
    quiet = render_text(result_of(FINDINGS), RenderOptions(quiet=True)).splitlines()
    assert quiet == render_text(result_of(FINDINGS), RenderOptions()).splitlines()[:-1]
    assert render_text(result_of([]), RenderOptions(quiet=True)) == ""


def test_no_findings_is_one_line():
    assert render_text(result_of([], documents=2), RenderOptions()) == (
        "No findings in 2 documents · score 100/100\n"
    )


def test_the_totals_count_the_baseline_what_fails_silenced_and_the_scope():
    findings = [
        finding("a.md", 1, Severity.ERROR, baseline="new"),
        finding("a.md", 2, Severity.ERROR, baseline="unchanged"),
        finding("b.md", 3, Severity.ERROR, baseline="expired"),
        finding("b.md", 4, Severity.WARNING, baseline="unchanged"),
    ]
    result = result_of(
        findings,
        baseline={"file": "baseline.json"},
        scope={"changed_since": "origin/main", "documents": 2},
        suppressed=[finding("c.md")],
    )
    totals = render_text(result, RenderOptions(fail_on="error")).splitlines()[-1]
    assert totals == (
        "4 findings in 2 documents: 3 errors, 1 warning · score 100/100 · 2 in the baseline · "
        "1 no longer in it (expired) · 2 failing · 1 silenced · "
        "only changes since origin/main (2 documents)"
    )
    files = dataclasses.replace(result, baseline=None, suppressed=[], scope={"files": ["a.md"]})
    assert (
        render_text(files, RenderOptions())
        .splitlines()[-1]
        .endswith(
            "3 errors, 1 warning · score 100/100 · 2 in the baseline · "
            "1 no longer in it (expired) · 2 failing · only the files given"
        )
    )  # the findings' states still say a baseline was used


def test_the_totals_without_a_baseline_say_nothing_of_one():
    totals = render_text(result_of(FINDINGS), RenderOptions()).splitlines()[-1]
    assert "baseline" not in totals and "failing" not in totals


@pytest.mark.parametrize("colour", [False, True])
def test_hostile_text_cannot_reach_the_terminal(colour):
    findings = [
        finding(HOSTILE, 1, Severity.ERROR, ("T001", HOSTILE), message=HOSTILE),
        finding("ok.md", 2, message=f"The title {HOSTILE} is also …"),
    ]
    result = result_of(findings, scope={"changed_since": HOSTILE})
    out = render_text(result, RenderOptions(colour=colour))
    lines = out.splitlines()
    assert len(lines) == 5  # two paths, two findings, the totals: no line was added
    text = SGR.sub("", out) if colour else out
    assert not ESCAPE.search(text), repr(text)
    assert "linkred over written next line tab elbisivni" in text  # the words stay
    assert "pwned" not in text and "evil" not in text  # the commands go, whole
    assert "[2J" not in text and "31m" not in text and "\u202e" not in text


def test_clean_keeps_ordinary_text_and_unicode():
    assert clean("Café — naïve 日本 `owner:` <b>") == "Café — naïve 日本 `owner:` <b>"
    assert clean("a\n\nb\tc\x1b[1;31md") == "a b cd"


def test_the_format_is_registered():
    assert RENDERERS["text"] == ("report.txt", render_text)


def test_the_example_wiki():
    config = load_config(EXAMPLE / "kb-audit.toml")
    result = audit(EXAMPLE, config.merged({"now": NOW}))
    lines = render_text(result, RenderOptions()).splitlines()
    paths = sorted({f.path for f in result.findings})
    assert [line for line in lines if not line.startswith(" ")][:-1] == paths
    assert len(lines) == len(paths) + len(result.findings) + 1
    counts = result.summary.findings
    assert lines[-1] == (
        f"{len(result.findings)} findings in {result.summary.documents_with_findings} "
        f"documents: {counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} info · score {result.summary.score.value}/100"
    )
    broken = lines[lines.index("how-to/deploy-to-production.md") + 1 :][:4]
    assert [line.split()[0] for line in broken] == ["warning", "warning", "15", "26"]
    # Every message starts in the same column.
    starts = {line.index(f.message) for f in result.findings for line in lines if f.message in line}
    assert len(starts) == 1
