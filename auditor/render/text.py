"""The `text` format: every finding on the terminal, grouped by file, then one totals line.

Language-neutral like the other terminal output. Titles, messages and paths come from the
documents, so they are cleaned of control characters first: a page must not be able to
move the cursor, recolour or retitle the reader's terminal. Colours are written here
rather than with click, which the render stage does not import.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import groupby

from auditor.model import AuditResult, Finding
from auditor.render.options import RenderOptions

#: ANSI colour codes per severity, as `auditor.terminal.COLOURS` names them.
COLOURS = {"error": 31, "warning": 33, "info": 36}  # red, yellow, cyan
BOLD = 1

#: Escape sequences whole, 7- and 8-bit (CSI, OSC and string commands up to their
#: terminator, other two-character ones), so no parameters are left behind as text.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
#: C0 and C1 controls, DEL, and the bidirectional overrides that reorder what is shown.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """`text` on one line with no control character: escape sequences removed, other
    controls (newlines, tabs, backspaces) turned into spaces, and the bytes of a file
    name that was not UTF-8 shown as `\\udcff` escapes (a terminal could not print them)."""
    text = _SEQUENCE.sub("", str(text))
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return " ".join(_CONTROL.sub(" ", text).split())


def style(text: str, *codes: int, colour: bool) -> str:
    """`text` in SGR `codes` when colour is on, as it is otherwise."""
    if not colour or not codes:
        return text
    return f"\x1b[{';'.join(map(str, codes))}m{text}\x1b[0m"


def render_text(result: AuditResult, options: RenderOptions) -> str:
    lines = finding_lines(result.findings, options.colour)
    if not options.quiet:
        lines.append(totals(result, options))
    return "".join(f"{line}\n" for line in lines)


def finding_lines(findings: list[Finding], colour: bool) -> list[str]:
    """A line with each path, then its findings by line: `  12  error    T020 name  msg`."""
    ordered = sorted(findings, key=lambda f: (f.path, f.line or 0, -f.severity.rank, f.id))
    where = max((len(str(f.line or "")) for f in ordered), default=0)
    rule = max((len(_rule(f)) for f in ordered), default=0)
    lines = []
    for path, group in groupby(ordered, key=lambda f: f.path):
        lines.append(style(clean(path) or ".", BOLD, colour=colour))
        for f in group:
            severity = style(f"{f.severity.value:<7}", COLOURS[f.severity.value], colour=colour)
            line = str(f.line or "").rjust(where)
            lines.append(f"  {line}  {severity}  {_rule(f):<{rule}}  {clean(f.message)}".rstrip())
    return lines


def _rule(finding: Finding) -> str:
    return clean(f"{finding.id} {finding.rule}")


def totals(result: AuditResult, options: RenderOptions) -> str:
    """One line: "12 findings in 5 documents: 2 errors, 7 warnings, 3 info · score 87/100",
    with the baseline, what fails and the scope when they apply."""
    findings = result.findings
    score = f"score {result.summary.score.value}/100"
    if findings:
        per = Counter(f.severity.value for f in findings)
        counts = ", ".join(
            style(_plural(per[sev], sev), COLOURS[sev], colour=options.colour)
            for sev in COLOURS
            if per[sev]
        )
        documents = _plural(result.summary.documents_with_findings, "document")
        parts = [f"{_plural(len(findings), 'finding')} in {documents}: {counts}", score]
    else:
        parts = [f"No findings in {_plural(result.summary.documents, 'document')}", score]
    if result.baseline is not None or any(f.baseline for f in findings):
        states = Counter(f.baseline for f in findings)
        parts.append(f"{states['unchanged']} in the baseline")
        if states["expired"]:
            parts.append(f"{states['expired']} no longer in it (expired)")
        failing = len(result.failing(options.fail_on))
        red = options.colour and failing > 0
        parts.append(style(f"{failing} failing", COLOURS["error"], colour=red))
    if result.suppressed:
        parts.append(f"{len(result.suppressed)} silenced")
    if result.scope is not None:
        parts.append(scope_text(result.scope))
    return " · ".join(parts)


def scope_text(scope: dict) -> str:
    """What part of the folder was checked: "only changes since main (3 documents)"."""
    since, files, n = scope.get("changed_since"), scope.get("files"), scope.get("documents")
    if since:
        text = f"only changes since {clean(str(since))[:80]}"
    elif files:
        text = "only the files given"
    else:
        text = "only part of the folder"
    if isinstance(n, int):
        text += f" ({_plural(n, 'document')})"
    return text


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 or noun == 'info' else 's'}"
