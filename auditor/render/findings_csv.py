"""Every finding as a spreadsheet row, for teams that triage in a spreadsheet or load the
findings into a dashboard: the active findings, then the silenced ones.

Like the archive plan (`archive_csv`): the csv module's RFC 4180 quoting and "\\n" line
ends, values as they are otherwise. One difference: a cell that starts with = + - @, a tab
or a carriage return gets a leading ' so that a spreadsheet shows it as text instead of
running it as a formula (a page titled "=HYPERLINK(…)" is enough; OWASP's advice on CSV
injection). Reading the file back, a leading ' is that guard, never part of the value.
"""

from __future__ import annotations

import csv
import io

from auditor.model import AuditResult, Finding
from auditor.render.csv_cells import safe_cell
from auditor.render.options import RenderOptions

COLUMNS = (
    "id",
    "rule",
    "severity",
    "path",
    "line",
    "message",
    "fingerprint",
    "baseline",
    "suppressed_by",
    "fails",
)


def render_findings_csv(result: AuditResult, options: RenderOptions) -> str:
    failing = {id(f) for f in result.failing(options.fail_on)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for finding in [*result.findings, *result.suppressed]:
        writer.writerow([safe_cell(v) for v in _row(finding, id(finding) in failing)])
    return out.getvalue()


def _row(finding: Finding, fails: bool) -> tuple[str, ...]:
    return (
        finding.id,
        finding.rule,
        finding.severity.value,
        finding.path,
        "" if finding.line is None else str(finding.line),
        finding.message,
        finding.fingerprint,
        finding.baseline or "",
        finding.suppressed_by or "",
        "yes" if fails else "no",
    )
