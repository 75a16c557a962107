"""The render stage: an AuditResult in, report text out. Pure: no reading of documents."""

from __future__ import annotations

from collections.abc import Callable

from auditor.model import AuditResult
from auditor.render.archive_csv import render_archive_csv
from auditor.render.html import render_html
from auditor.render.json import render_json

#: Format name -> (its file's name in an output folder, renderer). A renderer takes the
#: result and the rules' documentation sections by id ({"T001": {"Why": "…", …}}).
RENDERERS: dict[str, tuple[str, Callable[[AuditResult, dict[str, dict[str, str]]], str]]] = {
    "html": ("report.html", render_html),
    "json": ("report.json", lambda result, docs: render_json(result)),
    # The archive plan (T010's findings) as a spreadsheet; "archive.csv" keeps it apart from
    # any other CSV report written to the same folder.
    "archive-csv": ("archive.csv", render_archive_csv),
}
