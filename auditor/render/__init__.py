"""The render stage: an AuditResult in, report text out. Pure: no reading of documents."""

from __future__ import annotations

from collections.abc import Callable

from auditor.model import AuditResult
from auditor.render.archive_csv import render_archive_csv
from auditor.render.html import render_html
from auditor.render.json import render_json
from auditor.render.markdown import render_markdown
from auditor.render.options import RenderOptions
from auditor.render.text import render_text

Renderer = Callable[[AuditResult, RenderOptions], str]

#: Format name -> (its file's name in an output folder, renderer).
RENDERERS: dict[str, tuple[str, Renderer]] = {
    "html": ("report.html", lambda result, options: render_html(result, options.rule_docs)),
    "json": ("report.json", lambda result, options: render_json(result)),
    # The archive plan (T010's findings) as a spreadsheet; "archive.csv" keeps it apart from
    # any other CSV report written to the same folder.
    "archive-csv": ("archive.csv", render_archive_csv),
    "markdown": ("summary.md", render_markdown),
    "text": ("report.txt", render_text),
}
