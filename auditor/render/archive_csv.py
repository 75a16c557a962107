"""The archive plan: the documents nobody read (findings of T010 unused-content), oldest first.

`archive_rows` computes the plan once, for the HTML report's "Archive plan" section and for
the `archive-csv` format, a spreadsheet the team can go through (`render_archive_csv`).
Nothing is ever moved: the plan is a list of candidates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from dataclasses import dataclass
from typing import Any

from auditor.model import AuditResult
from auditor.render.csv_cells import safe_cell
from auditor.render.options import RenderOptions

#: The rule whose findings are the archive candidates.
ARCHIVE_RULE = "T010"

COLUMNS = ("path", "title", "views", "last_change", "date_source", "reason")


@dataclass(frozen=True, slots=True)
class LastChange:
    """A document's freshness date: its last review, or lacking one, its last change."""

    date: str | None  # YYYY-MM-DD
    kind: str | None  # reviewed | changed
    source: str | None  # where the date came from, e.g. "frontmatter:reviewed", "git"


def last_change(doc: dict[str, Any]) -> LastChange:
    dates = doc.get("dates") or {}
    for kind in ("reviewed", "changed"):
        entry = dates.get(kind)
        if entry and entry.get("value"):
            day = _day(entry["value"])
            if day is not None:
                return LastChange(day.isoformat(), kind, entry.get("source"))
    return LastChange(None, None, None)


def age_days(doc: dict[str, Any], now: str) -> int | None:
    """Whole days from the document's last review or change to `now`; None when undated."""
    change = last_change(doc)
    today = _day(now)
    if change.date is None or today is None:
        return None
    return (today - dt.date.fromisoformat(change.date)).days


def views_of(doc: dict[str, Any]) -> float | None:
    """The document's views in the usage window; None without usage data for it."""
    views = doc.get("views")
    if views is None or (isinstance(views, float) and math.isnan(views)):
        return None
    return float(views)


@dataclass(frozen=True, slots=True)
class ArchiveRow:
    path: str
    title: str | None
    views: float | None
    last_change: str | None
    date_kind: str | None
    date_source: str | None
    reason: str


def archive_rows(result: AuditResult) -> tuple[ArchiveRow, ...]:
    """One row per archive candidate: undated documents first, then oldest change first."""
    docs = {doc["path"]: doc for doc in result.documents}
    rows = []
    for finding in result.findings:
        if finding.id != ARCHIVE_RULE:
            continue
        doc = docs.get(finding.path, {})
        change = last_change(doc)
        views = views_of(doc)
        if views is None and isinstance(finding.evidence.get("views"), int | float):
            views = float(finding.evidence["views"])
        rows.append(
            ArchiveRow(
                path=finding.path,
                title=doc.get("title"),
                views=views,
                last_change=change.date,
                date_kind=change.kind,
                date_source=change.source,
                reason=finding.message,
            )
        )
    rows.sort(key=lambda r: (r.last_change is not None, r.last_change or "", r.path))
    return tuple(rows)


def render_archive_csv(result: AuditResult, options: RenderOptions | None = None) -> str:
    """The archive plan as CSV (RFC 4180 quoting); only the header when there is nothing.

    Values are written as they are: the csv module quotes commas, quotes and line breaks,
    and nothing is HTML-escaped; only a text starting like a formula gets a leading '.
    Lines end in "\\n" so that writing the text in text mode
    gives the platform's line ending once, not twice.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in archive_rows(result):
        writer.writerow(
            (
                safe_cell(row.path),
                safe_cell(row.title or ""),
                _number(row.views),
                row.last_change or "",
                row.date_source or "",
                safe_cell(row.reason),
            )
        )
    return out.getvalue()


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else str(value)


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.datetime.fromisoformat(str(value)).date()
    except ValueError:
        return None
