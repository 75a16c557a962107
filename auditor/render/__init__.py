"""The render stage: an AuditResult in, report text out. Pure: no reading of documents."""

from __future__ import annotations

from collections.abc import Callable

from auditor.model import AuditResult
from auditor.render.html import render_html
from auditor.render.json import render_json

#: Format name -> (file extension, renderer). A renderer takes the result and the rules'
#: documentation sections by id ({"T001": {"Why": "...", "Fix": "...", ...}}).
RENDERERS: dict[str, tuple[str, Callable[[AuditResult, dict[str, dict[str, str]]], str]]] = {
    "html": ("html", render_html),
    "json": ("json", lambda result, docs: render_json(result)),
}
