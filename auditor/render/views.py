"""The report's views by owner and by folder, and the age distribution of the documents.

Like the rest of the view model (`html.py`), everything is grouped, counted, ordered, capped
and worded here; `_views.html.j2` only loops and branches.

- By owner: what each owner should do. One row per owner (documents without one share the
  row "No owner"), most errors first, then most warnings, then most notes.
- By folder: a heat map of the top-level folders, each followed by its second-level
  folders, by severity; a cell's colour is its findings per document.
- Age: documents by the time since their last review or, lacking one, their last change.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from auditor.model import AuditResult, Finding, Severity
from auditor.render import charts
from auditor.render.archive_csv import age_days
from auditor.render.i18n import Catalogue, catalogue
from auditor.render.messages import message

#: Owners shown; the rest are counted in a note.
OWNER_LIMIT = 50

#: Actions listed per owner: their most severe findings.
TOP_ACTIONS = 3

#: Folder rows shown (top-level and second-level), the largest first; the rest in a note.
FOLDER_LIMIT = 60

#: Heat levels 1-4 start above these findings per document (0 findings is level 0). The
#: legend's words in the catalogue ("heat_scale") follow these figures.
HEAT_STEPS = (0.0, 0.25, 0.5, 1.0)

#: Age buckets: (key, first age in days that no longer belongs to it). A page reviewed
#: exactly 91 days ago is "3-6 months", exactly 365 days ago "1-2 years".
AGE_BUCKETS: tuple[tuple[str, int | None], ...] = (
    ("m3", 91),
    ("m6", 183),
    ("y1", 365),
    ("y2", 730),
    ("older", None),
)
NO_DATE = "none"

SEVERITIES = tuple(s.value for s in sorted(Severity, key=lambda s: -s.rank))


@dataclass(frozen=True, slots=True)
class Action:
    """One thing an owner should do: a finding's message on one of their pages."""

    severity: str
    path: str
    doc_anchor: str | None
    message: str
    message_lang: str | None  # None: the page's language


@dataclass(frozen=True, slots=True)
class OwnerRow:
    owner: str | None  # None: the documents nobody owns
    documents: int
    with_findings: int
    counts: tuple[tuple[str, int], ...]  # (severity, findings), most severe first
    actions: tuple[Action, ...]


@dataclass(frozen=True, slots=True)
class OwnerView:
    rows: tuple[OwnerRow, ...]
    total: int  # owners, including the ones not shown
    hidden: int


@dataclass(frozen=True, slots=True)
class HeatCell:
    count: int
    level: int  # 0-4: the cell's colour


@dataclass(frozen=True, slots=True)
class FolderRow:
    folder: str  # "a" or "a/b"; "." for the documents at the top of the scanned folder
    depth: int  # 1 for a top-level folder, 2 for a folder inside one
    documents: int
    findings: int
    cells: tuple[HeatCell, ...]  # by severity, most severe first
    per_document: str  # findings per document, written the page's way
    level: int  # 0-4, by findings per document


@dataclass(frozen=True, slots=True)
class FolderView:
    rows: tuple[FolderRow, ...]
    total: int
    hidden: int


@dataclass(frozen=True, slots=True)
class AgeRow:
    key: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class AgeView:
    rows: tuple[AgeRow, ...]
    chart: charts.ColumnChart
    label: str  # the chart's aria-label: every bucket with its count


@dataclass(frozen=True, slots=True)
class Views:
    owners: OwnerView
    folders: FolderView
    ages: AgeView


def build_views(
    result: AuditResult,
    anchors: dict[str, str],
    cat: Catalogue,
    document_ages: Sequence[int | None] | None = None,
) -> Views:
    """The views of `result`; `document_ages`, when the caller has them, holds each
    document's `age_days`, in the order of `result.documents`."""
    found = _findings_by_path(result.findings)
    return Views(
        owners=owners(result.documents, found, anchors, cat=cat),
        folders=folders(result.documents, found, cat),
        ages=ages(result.documents, result.now, cat, document_ages),
    )


def _findings_by_path(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    return by_path


#: A severity's name from a Severity or its name: a dict lookup, quicker than Severity().
_SEVERITY_NAMES = {s.value: s.value for s in Severity}


def _severity(finding: Finding) -> str:
    return _SEVERITY_NAMES.get(finding.severity) or Severity(finding.severity).value


def _counts(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(map(_severity, findings))


# By owner -------------------------------------------------------------------------------


def owner_of(doc: dict[str, Any]) -> str | None:
    owner = doc.get("owner")
    if not isinstance(owner, str) or not owner.strip():
        return None
    return owner.strip()


def owners(
    documents: Sequence[dict[str, Any]],
    found: dict[str, list[Finding]],
    anchors: dict[str, str],
    limit: int = OWNER_LIMIT,
    cat: Catalogue | None = None,
) -> OwnerView:
    """One row per owner: most errors first, then warnings, then notes, then by name."""
    cat = cat or catalogue()
    docs_of: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for doc in documents:
        docs_of[owner_of(doc)].append(doc)
    rows = []
    for owner, docs in docs_of.items():
        theirs = [f for doc in docs for f in found.get(doc["path"], ())]
        counts = _counts(theirs)
        rows.append(
            OwnerRow(
                owner=owner,
                documents=len(docs),
                with_findings=sum(1 for doc in docs if found.get(doc["path"])),
                counts=tuple((s, counts[s]) for s in SEVERITIES),
                actions=tuple(
                    Action(
                        Severity(f.severity).value, f.path, anchors.get(f.path), *message(f, cat)
                    )
                    for f in heapq.nsmallest(TOP_ACTIONS, theirs, key=Finding.sort_key)
                ),
            )
        )

    def order(row: OwnerRow) -> tuple:
        counts = dict(row.counts)
        name = row.owner
        return (
            *(-counts[s] for s in SEVERITIES),
            -row.documents,
            name is None,  # "No owner" after a named owner with the same figures
            (name or "").casefold(),
            name or "",
        )

    rows.sort(key=order)
    return OwnerView(rows=tuple(rows[:limit]), total=len(rows), hidden=max(len(rows) - limit, 0))


# By folder ------------------------------------------------------------------------------


def folder_keys(folder: str | None) -> tuple[str, ...]:
    """The top-level and second-level folders a document's folder counts towards."""
    parts = [p for p in (folder or ".").replace("\\", "/").split("/") if p not in ("", ".")]
    if not parts:
        return (".",)
    return tuple("/".join(parts[:n]) for n in range(1, min(len(parts), 2) + 1))


def heat_level(findings: int, documents: int) -> int:
    if findings <= 0 or documents <= 0:
        return 0
    share = findings / documents
    return sum(1 for step in HEAT_STEPS if share > step)


def folders(
    documents: Sequence[dict[str, Any]],
    found: dict[str, list[Finding]],
    cat: Catalogue,
    limit: int = FOLDER_LIMIT,
) -> FolderView:
    """Each top-level folder, then its second-level folders, the largest first; capped at
    the `limit` largest folders (a folder always shows before its subfolders are cut)."""
    docs: Counter[str] = Counter()
    per_severity: dict[str, Counter[str]] = defaultdict(Counter)
    keys_of: dict[str | None, tuple[str, ...]] = {}  # folder_keys of each folder, once
    for doc in documents:
        folder = doc.get("folder")
        keys = keys_of.get(folder)
        if keys is None:
            keys = keys_of[folder] = folder_keys(folder)
        theirs = found.get(doc["path"])
        for key in keys:
            docs[key] += 1
            if theirs:
                counts = per_severity[key]
                for finding in theirs:
                    counts[_severity(finding)] += 1

    def size(key: str) -> tuple:
        return (-docs[key], key.count("/"), key.casefold(), key)

    kept = set(sorted(docs, key=size)[:limit])
    tops = sorted((k for k in kept if "/" not in k), key=size)
    ordered = []
    for top in tops:
        ordered.append(top)
        ordered += sorted((k for k in kept if k.startswith(top + "/")), key=size)
    rows = []
    for key in ordered:
        counts, n = per_severity[key], docs[key]
        total = sum(counts.values())
        rows.append(
            FolderRow(
                folder=key,
                depth=1 + key.count("/"),
                documents=n,
                findings=total,
                cells=tuple(HeatCell(counts[s], heat_level(counts[s], n)) for s in SEVERITIES),
                per_document=cat.formats.number(round(total / n, 1)),
                level=heat_level(total, n),
            )
        )
    return FolderView(rows=tuple(rows), total=len(docs), hidden=max(len(docs) - limit, 0))


# Age ------------------------------------------------------------------------------------


def age_bucket(age: int | None) -> str:
    """The bucket of a document `age` days after its last review or change."""
    if age is None:
        return NO_DATE
    for key, end in AGE_BUCKETS:
        if end is None or age < end:
            return key
    raise AssertionError("unreachable")


def ages(
    documents: Sequence[dict[str, Any]],
    now: str,
    cat: Catalogue,
    document_ages: Sequence[int | None] | None = None,
) -> AgeView:
    """The documents by age bucket; `document_ages` as in `build_views`."""
    if document_ages is None:
        document_ages = [age_days(doc, now) for doc in documents]
    counts = Counter(map(age_bucket, document_ages))
    names = cat.text["age_bucket"]
    rows = tuple(
        AgeRow(key, names[key], counts[key]) for key in (*(k for k, _ in AGE_BUCKETS), NO_DATE)
    )
    number = cat.formats.number
    label = cat.text["ages_label"] % {
        "counts": "; ".join(
            cat.text["age_count"] % {"bucket": row.label, "n": number(row.count)} for row in rows
        )
    }
    chart = charts.column_chart([(r.key, r.label, r.count, number(r.count)) for r in rows])
    return AgeView(rows=rows, chart=chart, label=label)
