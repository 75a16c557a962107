"""The render stage: an AuditResult in, report text out. Pure: no reading of documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from auditor.model import AuditResult
from auditor.render.archive_csv import render_archive_csv
from auditor.render.findings_csv import render_findings_csv
from auditor.render.gitlab import render_gitlab
from auditor.render.html import render_html
from auditor.render.json import json_pieces
from auditor.render.junit import render_junit
from auditor.render.markdown import render_markdown
from auditor.render.options import RenderOptions
from auditor.render.sarif import render_sarif
from auditor.render.text import render_text

#: A report's text, or its pieces in order: a big report is written as it is made.
Renderer = Callable[[AuditResult, RenderOptions], str | Iterable[str]]

#: Format name -> (its file's name in an output folder, renderer).
RENDERERS: dict[str, tuple[str, Renderer]] = {
    "html": ("report.html", lambda result, options: render_html(result, options.rule_docs)),
    "json": ("report.json", lambda result, options: json_pieces(result)),
    # The archive plan (T010's findings) as a spreadsheet; "archive.csv" keeps it apart from
    # any other CSV report written to the same folder.
    "archive-csv": ("archive.csv", render_archive_csv),
    "markdown": ("summary.md", render_markdown),
    "text": ("report.txt", render_text),
    "sarif": ("report.sarif", render_sarif),
    "gitlab": ("gl-code-quality-report.json", render_gitlab),
    "junit": ("junit.xml", render_junit),
    "csv": ("findings.csv", render_findings_csv),
}
