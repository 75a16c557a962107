"""The HTML report: a view model computed here, rendered by a Jinja2 template.

As in coverage.py's `html.py`, all figures, grouping and ordering are computed in Python
into small frozen dataclasses (`build_report`); the templates in `reports_templates/`
hold loops and branches only. Every user-visible string of the page comes from the
catalogue of the report's language (`auditor/render/i18n/`, chosen by the config's `lang`).
The page is self-contained: CSS and JS are inlined, and a Content-Security-Policy forbids
any network access.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.resources
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from auditor.model import AuditResult, Finding, Severity
from auditor.render import charts, filters
from auditor.render.archive_csv import (
    ARCHIVE_RULE,
    ArchiveRow,
    age_days,
    archive_rows,
    last_change,
    views_of,
)
from auditor.render.i18n import DEFAULT, Catalogue, catalogue
from auditor.render.messages import message, reason
from auditor.render.rule_text import RuleText, rule_text
from auditor.render.views import Views, build_views

#: Score bands: the lowest score of each band, best first.
BANDS = (("good", 90), ("fair", 70), ("poor", 0))

#: Findings tables with more rows than this start folded (a <details> the reader opens).
OPEN_FINDINGS_LIMIT = 20

#: At most this many findings of a rule are listed in "What to do first", the most useful
#: first; a line says how many more there are (the documents table and the JSON report
#: have them all). Keeps the page small and quick at 100,000 documents.
FINDINGS_ROW_LIMIT = 200

#: The guide's figure (TA4): the share of information no longer used after a year.
GUIDE_UNUSED = 0.8

#: Review cadence of the quadrant chart when T001 stale-content sets none of its own.
DEFAULT_CADENCE_DAYS = 365

#: An archive plan longer than this starts folded; shorter, it is the section's content.
OPEN_ARCHIVE_LIMIT = 100

#: At most this many archive candidates are listed, oldest first; a line says how many more
#: there are (the archive CSV, `--format archive-csv`, keeps every row).
ARCHIVE_ROW_LIMIT = 500

#: Addresses listed under "matched no document".
TOP_UNMATCHED = 10

#: Up to this many documents every row of the documents table is in the HTML, and the table
#: reads without JavaScript. Above it, all rows would make the file too big (about 775
#: bytes a row: 77 MB at 100,000 documents), so the rows travel as JSON (about 150 bytes a
#: row, `Report.documents_data`), report.js draws them a page at a time, and only the first
#: page is in the HTML.
DOCUMENTS_INLINE_LIMIT = 5000

#: Rows of the documents table a page (report.js pages through them).
DOCUMENTS_PAGE_SIZE = 100

#: A document's date kind in the documents table's JSON rows (report.js reads it so).
DATE_KIND_CODES = {"reviewed": 1, "changed": 2}

# The view model -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Header:
    tool_name: str
    tool_version: str
    root: str
    date: str
    documents: int
    files_seen: int
    assets: int
    skipped: int


@dataclass(frozen=True, slots=True)
class TopAction:
    """One of the first screen's top actions, in plain words, linking to its rule's block."""

    text: str
    rule_id: str
    severity: str


@dataclass(frozen=True, slots=True)
class TrendView:
    """The score over past audits (--history): the change and a sparkline's points."""

    previous_date: str | None
    change: int | None
    new: int
    fixed: int
    points: str  # "x,y x,y …" in a 100×24 box, oldest first
    runs: int


@dataclass(frozen=True, slots=True)
class ScoreView:
    value: int
    band: str  # good | fair | poor
    method: str


@dataclass(frozen=True, slots=True)
class SourceCount:
    source: str  # a key of the catalogue's "date_source"
    count: int


@dataclass(frozen=True, slots=True)
class Basis:
    """What the findings rest on: where dates came from, and notes on the inputs."""

    sources: tuple[SourceCount, ...]
    mtime_documents: int
    history_note: str | None
    numeric_orders: tuple[tuple[str, str, str], ...]  # (key, DMY|MDY, basis)
    site_kind: str | None
    site_config: str | None
    site_notes: tuple[str, ...]
    unverified_links: int
    plugin_problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SeverityCount:
    severity: str
    count: int


@dataclass(frozen=True, slots=True)
class FindingRow:
    path: str
    whole_kb: bool  # a finding about the knowledge base as a whole (path ".")
    doc_anchor: str | None  # the document's row in the documents table, if it has one
    line: int | None
    message: str
    message_lang: str | None  # None: the page's language
    baseline: str | None = None  # "unchanged" or "expired" against a baseline, else None


@dataclass(frozen=True, slots=True)
class RuleSection:
    """A rule with findings, as a block of "What to do first"."""

    id: str
    name: str
    severity: str
    principle: str
    principle_text: str
    summary: str
    why: str | None
    fix: str | None
    findings: tuple[FindingRow, ...]  # the first FINDINGS_ROW_LIMIT of them
    folded: bool  # many findings: the table starts folded
    summary_lang: str | None = None  # set when the summary is not in the page's language
    doc_lang: str | None = None  # likewise for why and fix
    total: int | None = None  # all findings of the rule (None: as many as listed)

    @property
    def count(self) -> int:
        return len(self.findings) if self.total is None else self.total

    @property
    def more(self) -> int:
        """Findings not listed in the table."""
        return self.count - len(self.findings)


@dataclass(frozen=True, slots=True)
class RuleLine:
    """A rule in a short list: one that came out clean or one that was skipped."""

    id: str
    name: str
    summary: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class SuppressedRow:
    rule_id: str
    rule: str
    path: str
    line: int | None
    message: str
    message_lang: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class SkippedFile:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class DocumentRow:
    anchor: str
    path: str
    title: str | None
    type: str | None
    owner: str | None
    words: int
    is_entry: bool
    date: str | None
    date_kind: str | None  # reviewed | changed
    expires: str | None
    links_in: int
    links_out: int
    findings: int
    score: int
    band: str


@dataclass(frozen=True, slots=True)
class DocSection:
    title: str
    text: str
    lang: str | None = None  # set when the text is not in the page's language


@dataclass(frozen=True, slots=True)
class RuleDoc:
    id: str
    name: str
    severity: str
    principle: str
    summary: str
    sections: tuple[DocSection, ...]
    summary_lang: str | None = None  # set when the summary is not in the page's language
    untranslated: bool = False  # no description in the page's language: shown in English


@dataclass(frozen=True, slots=True)
class UnreadShare:
    """Documents with no views in the usage window, among those the usage data covers."""

    unread: int
    total: int
    share: float  # 0..1
    percent: str  # "34%"
    bars: charts.ShareBars  # ours beside the guide's 80%


@dataclass(frozen=True, slots=True)
class UnmatchedPage:
    page: str
    views: float


@dataclass(frozen=True, slots=True)
class UsageMatch:
    """How much of the usage data could be tied to documents."""

    files: tuple[str, ...]
    views_total: float | None
    percent: str | None  # share of views matched, "82%"
    matched_by_title: int
    warning: str | None  # set by the load stage when the match is poor
    top_unmatched: tuple[UnmatchedPage, ...]


@dataclass(frozen=True, slots=True)
class QuadrantRow:
    key: str  # a quadrant of charts.QUADRANTS
    count: int


@dataclass(frozen=True, slots=True)
class UsageView:
    given: bool  # False: the section shows only the hint to add --usage
    window: str  # "in the past year" / "in the last 90 days"
    match: UsageMatch | None
    unread: UnreadShare | None  # None: no document has usage figures
    without_figures: int  # documents the usage data gave no figure for
    chart: charts.QuadrantChart | None
    quadrants: tuple[QuadrantRow, ...]
    cadence_days: int
    threshold: int  # views from which a page counts as read
    split: str  # median | any


@dataclass(frozen=True, slots=True)
class ArchiveItem:
    path: str
    title: str | None
    doc_anchor: str | None
    views: float | None
    date: str | None
    date_kind: str | None  # reviewed | changed
    date_unreliable: bool  # dated by the file's modification time only
    reason: str
    reason_lang: str | None  # None: the page's language


@dataclass(frozen=True, slots=True)
class ArchivePlan:
    ran: bool
    skipped_reason: str | None
    window: str
    poor_match: bool
    items: tuple[ArchiveItem, ...]  # the first ARCHIVE_ROW_LIMIT candidates
    folded: bool
    total: int | None = None  # all candidates (None: as many as listed)

    @property
    def count(self) -> int:
        return len(self.items) if self.total is None else self.total

    @property
    def more(self) -> int:
        """Candidates not listed in the table."""
        return self.count - len(self.items)


@dataclass(frozen=True, slots=True)
class Report:
    header: Header
    nav: tuple[str, ...]  # keys of the catalogue's "nav" for the sections this page has
    score: ScoreView
    basis: Basis
    trend: TrendView | None
    top_actions: tuple[TopAction, ...]
    severities: tuple[SeverityCount, ...]
    documents_with_findings: int
    usage: UsageView
    archive: ArchivePlan | None  # None without usage data
    todo: tuple[RuleSection, ...]
    clean: tuple[RuleLine, ...]
    skipped_rules: tuple[RuleLine, ...]
    skipped_files: tuple[SkippedFile, ...]
    suppressed: tuple[SuppressedRow, ...]
    #: The documents table's rows in the HTML: every document up to
    #: DOCUMENTS_INLINE_LIMIT, else the first page (`documents_data` has them all).
    documents: tuple[DocumentRow, ...]
    rule_docs: tuple[RuleDoc, ...]
    views: Views  # by owner, by folder, and the documents' age
    documents_total: int
    #: Every row of the documents table is in the HTML (not too many documents).
    documents_inline: bool
    #: Every document as a row of JSON for the table's <script type="application/json">
    #: element, when the rows are not inline (`document_data` says the fields), escaped so
    #: that no value can end the element; else None.
    documents_data: Markup | None = None


def band(score: int) -> str:
    for name, lowest in BANDS:
        if score >= lowest:
            return name
    return BANDS[-1][0]


def report_language(result: AuditResult) -> str:
    """The language the config asks the report in (English for results that don't say)."""
    return (result.config or {}).get("lang") or DEFAULT


def build_report(
    result: AuditResult, rule_docs: dict[str, dict[str, str]], lang: str | None = None
) -> Report:
    """Everything the template shows, computed once, in `lang` (default: the config's)."""
    cat = catalogue(lang or report_language(result))
    summary = result.summary
    anchors = {doc["path"]: f"doc-{i}" for i, doc in enumerate(result.documents, start=1)}
    texts = {r.id: rule_text(cat, r.id, r.summary, rule_docs.get(r.id, {})) for r in result.rules}
    ages = [age_days(doc, result.now) for doc in result.documents]  # for the chart and views
    usage = _usage(result, cat, ages)
    archive = _archive(result, usage, anchors, cat) if usage.given else None
    total = len(result.documents)
    inline = total <= DOCUMENTS_INLINE_LIMIT
    # Above the limit, the first page's rows are made twice (as DocumentRow and as JSON),
    # and the JSON rows one at a time: 100,000 rows kept alive at once would cost the
    # garbage collector more (see `_usage`).
    shown = result.documents if inline else result.documents[:DOCUMENTS_PAGE_SIZE]
    return Report(
        header=Header(
            tool_name=result.tool.get("name", "kb-audit"),
            tool_version=result.tool.get("version", ""),
            root=result.root,
            date=filters.date(result.now),
            documents=summary.documents,
            files_seen=summary.files_seen,
            assets=summary.assets,
            skipped=summary.skipped,
        ),
        nav=tuple(key for key in cat.text["nav"] if key != "archive" or archive is not None),
        score=ScoreView(
            value=summary.score.value,
            band=band(summary.score.value),
            method=_score_method(summary.score, cat),
        ),
        basis=_basis(result, cat),
        trend=_trend(result.history),
        severities=tuple(
            SeverityCount(s.value, summary.findings.get(s.value, 0))
            for s in sorted(Severity, key=lambda s: -s.rank)
        ),
        documents_with_findings=summary.documents_with_findings,
        usage=usage,
        archive=archive,
        todo=(todo := _todo(result, rule_docs, anchors, cat, texts)),
        top_actions=_top_actions(todo, cat),
        clean=tuple(
            RuleLine(r.id, r.rule, texts[r.id].summary)
            for r in result.rules
            if r.ran and not r.findings
        ),
        skipped_rules=tuple(
            RuleLine(r.id, r.rule, texts[r.id].summary, reason(r.skipped_reason or "", cat))
            for r in result.rules
            if not r.ran
        ),
        skipped_files=tuple(SkippedFile(s.path, reason(s.reason, cat)) for s in result.skipped),
        suppressed=tuple(
            SuppressedRow(
                f.id, f.rule, f.path, f.line, *message(f, cat), reason(f.suppressed_by or "", cat)
            )
            for f in result.suppressed
        ),
        documents=tuple(_document_row(doc, anchors[doc["path"]]) for doc in shown),
        rule_docs=_rule_docs(result, texts),
        views=build_views(result, anchors, cat, ages),
        documents_total=total,
        documents_inline=inline,
        documents_data=(
            None if inline else filters.script_json(map(document_data, result.documents))
        ),
    )


TOP_ACTIONS = 3


def _top_actions(todo: tuple[RuleSection, ...], cat: Catalogue) -> tuple[TopAction, ...]:
    """The first blocks of "What to do first" (most severe, most findings) in plain words."""
    actions = cat.text["actions"]
    return tuple(
        TopAction(
            text=actions.get(rule.id, cat.text["action_generic"])
            % {"n": cat.formats.number(rule.total or rule.count), "summary": rule.summary},
            rule_id=rule.id,
            severity=rule.severity,
        )
        for rule in todo[:TOP_ACTIONS]
    )


def _trend(history: dict[str, Any] | None) -> TrendView | None:
    if not history:
        return None
    scores = [run["score"] for run in history.get("runs", [])]
    step = 100 / max(len(scores) - 1, 1)
    points = " ".join(f"{i * step:.1f},{24 - score * 0.24:.1f}" for i, score in enumerate(scores))
    previous = history.get("previous")
    return TrendView(
        previous_date=previous["now"] if previous else None,
        change=history.get("score_change"),
        new=len(history.get("new", [])),
        fixed=len(history.get("fixed", [])),
        points=points,
        runs=len(scores),
    )


def _score_method(score: Any, cat: Catalogue) -> str:
    """How the score is computed, in the page's language when the penalties are known."""
    penalties = getattr(score, "penalties", None) or {}
    if cat.lang == DEFAULT or set(penalties) != {"error", "warning", "info"}:
        return score.method
    return cat.text["score_method_text"] % penalties


def _basis(result: AuditResult, cat: Catalogue) -> Basis:
    inputs = result.inputs
    sources = result.summary.date_sources
    site = inputs.get("site", {})
    orders = inputs.get("dates", {}).get("numeric_order", {})
    return Basis(
        sources=tuple(
            SourceCount(name, sources[name])
            for name in cat.text["date_source"]
            if sources.get(name)
        ),
        mtime_documents=sources.get("mtime", 0),
        history_note=(
            cat.text["git_history_off"]
            if inputs.get("history", {}).get("disabled")
            else inputs.get("history", {}).get("note")
        ),
        numeric_orders=tuple(
            (source.partition(":")[2] or source, o["order"], reason(o["basis"], cat))
            for source, o in sorted(orders.items())
        ),
        site_kind=site.get("kind"),
        site_config=site.get("config"),
        site_notes=tuple(site.get("notes", ())),
        unverified_links=inputs.get("links", {}).get("unverified", 0),
        plugin_problems=tuple(inputs.get("plugin_problems", ())),
    )


def _usage(result: AuditResult, cat: Catalogue, ages: list[int | None]) -> UsageView:
    """The Use section: unread share against the guide's 80%, the match, the quadrants.
    `ages` holds each document's `age_days`, in the order of `result.documents`."""
    facts = result.inputs.get("usage") or {}
    views = {doc["path"]: views_of(doc) for doc in result.documents}
    given = bool(facts) or any(v is not None for v in views.values())
    window = _window(facts.get("window_days"), cat)
    text, fmt = cat.text, cat.formats
    cadence = _cadence(result)
    documents = result.documents
    # Positions, not (document, age) pairs: at 100,000 documents, every object that stays
    # alive while the report is built makes Python's garbage collector walk every object
    # of the audit again, more than once; plain numbers and strings are not its business.
    covered = [i for i, doc in enumerate(documents) if views[doc["path"]] is not None]
    threshold = charts.view_threshold([views[documents[i]["path"]] for i in covered])
    if not given:
        return UsageView(
            given=False,
            window=window,
            match=None,
            unread=None,
            without_figures=0,
            chart=None,
            quadrants=(),
            cadence_days=cadence,
            threshold=threshold,
            split="any",
        )
    unread = None
    chart = None
    if covered:
        n_unread = sum(1 for i in covered if views[documents[i]["path"]] == 0)
        share = n_unread / len(covered)
        unread = UnreadShare(
            unread=n_unread,
            total=len(covered),
            share=share,
            percent=fmt.percent(share),
            bars=charts.share_bars(
                (
                    (text["bar_ours"] % {"window": window}, share, fmt.percent(share), "ours"),
                    (text["bar_guide"], GUIDE_UNUSED, fmt.percent(GUIDE_UNUSED), "guide"),
                ),
                fmt.percent,
            ),
        )
        # Above the density threshold the chart draws squares, not a dot with a tooltip
        # for each document: no tooltip is written then.
        labelled = len(covered) <= charts.DENSITY_THRESHOLD
        chart = charts.quadrant_chart(
            (  # one at a time: see `covered`
                _point(documents[i], views[documents[i]["path"]], ages[i], cat, labelled)
                for i in covered
            ),
            cadence_days=cadence,
            threshold=threshold,
            text=charts.ChartText(
                corners=text["quadrant"],
                x_title=text["axis_age"],
                y_title=text["axis_views"],
                zero=text["zero_views"],
                older=text["older"],
                undated=text["undated"],
            ),
            age_tick=functools.partial(_age_tick, cat=cat),
            views_tick=fmt.number,
            cell_label=lambda n: (
                text["cell_one"] if n == 1 else text["cell"] % {"n": fmt.number(n)}
            ),
        )
    return UsageView(
        given=True,
        window=window,
        match=_match(facts, cat) if facts else None,
        unread=unread,
        without_figures=len(result.documents) - len(covered),
        chart=chart,
        quadrants=tuple(QuadrantRow(k, n) for k, n in chart.counts) if chart else (),
        cadence_days=cadence,
        threshold=threshold,
        split="median" if threshold > 1 else "any",
    )


def _match(facts: dict[str, Any], cat: Catalogue) -> UsageMatch:
    share = facts.get("match_share")
    return UsageMatch(
        files=tuple(f["path"] for f in facts.get("files") or ()),
        views_total=facts.get("views_total"),
        percent=cat.formats.percent(share) if share is not None else None,
        matched_by_title=int(facts.get("matched_by_title") or 0),
        warning=facts.get("warning") or None,
        top_unmatched=tuple(
            UnmatchedPage(str(p.get("page", "")), float(p.get("views") or 0))
            for p in (facts.get("top_unmatched") or ())[:TOP_UNMATCHED]
        ),
    )


def _window(days: Any, cat: Catalogue) -> str:
    if not days or int(days) == 365:
        return cat.text["window"]["year"]
    return cat.text["window"]["days"] % {"n": cat.formats.number(days)}


def _cadence(result: AuditResult) -> int:
    """T001 stale-content's default cadence when the configuration sets one, else a year."""
    for key, table in (result.config.get("rules") or {}).items():
        if key.upper() == "T001" or key.lower() == "stale-content":
            days = table.get("cadence_days", table.get("cadence-days"))
            if isinstance(days, int) and days > 0:
                return days
    return DEFAULT_CADENCE_DAYS


def _point(
    doc: dict[str, Any], views: float, age: int | None, cat: Catalogue, labelled: bool = True
) -> charts.Point:
    """A document on the quadrant chart, `age` days after its last review or change; its
    tooltip only when `labelled`."""
    if not labelled:
        return charts.Point(doc["path"], age, views, "")
    text, number = cat.text, cat.formats.number
    if age is None:
        age_text = text["dot_undated"]
    else:
        kind = text["date_kind"][last_change(doc).kind]
        age_text = text["dot_age"] % {"kind": kind, "n": number(age)}
    views_text = text["dot_view"] if views == 1 else text["dot_views"] % {"n": number(views)}
    label = text["dot"] % {
        "title": doc.get("title") or text["untitled"],
        "path": doc["path"],
        "age": age_text,
        "views": views_text,
    }
    return charts.Point(doc["path"], age, views, label)


def _age_tick(days: int, cat: Catalogue) -> str:
    text = cat.text
    if days == 0:
        return text["tick_today"]
    if days % 365 == 0:
        years = days // 365
        return text["tick_year"] if years == 1 else text["tick_years"] % {"n": years}
    return text["tick_months"] % {"n": round(days / 30.4)}


def _archive_item(
    row: ArchiveRow, finding: Finding | None, anchors: dict[str, str], cat: Catalogue
) -> ArchiveItem:
    """An archive candidate, its reason in the page's language where there is one."""
    reason, lang = message(finding, cat) if finding else (row.reason, None)
    return ArchiveItem(
        path=row.path,
        title=row.title,
        doc_anchor=anchors.get(row.path),
        views=row.views,
        date=row.last_change,
        date_kind=row.date_kind,
        date_unreliable=row.date_source == "mtime",
        reason=reason,
        reason_lang=lang,
    )


def _archive(
    result: AuditResult, usage: UsageView, anchors: dict[str, str], cat: Catalogue
) -> ArchivePlan:
    run = next((r for r in result.rules if r.id == ARCHIVE_RULE), None)
    rows = archive_rows(result)
    candidates = {f.path: f for f in result.findings if f.id == ARCHIVE_RULE}
    items = tuple(
        _archive_item(row, candidates.get(row.path), anchors, cat)
        for row in rows[:ARCHIVE_ROW_LIMIT]
    )
    ran = bool(items) or (run is not None and run.ran)
    reason = None
    if not ran:
        reason = (run.skipped_reason if run else None) or cat.text["archive_unavailable"]
    return ArchivePlan(
        ran=ran,
        skipped_reason=reason,
        window=usage.window,
        poor_match=bool(usage.match and usage.match.warning),
        items=items,
        folded=len(items) > OPEN_ARCHIVE_LIMIT,
        total=len(rows),
    )


def _todo(
    result: AuditResult,
    rule_docs: dict[str, dict[str, str]],
    anchors: dict[str, str],
    cat: Catalogue,
    texts: dict[str, RuleText],
) -> tuple[RuleSection, ...]:
    """Rules with findings, most severe first, then most findings, then by id."""
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_rule[finding.id].append(finding)
    runs = {r.id: r for r in result.rules}
    sections = []
    for rule_id, found in by_rule.items():
        run = runs.get(rule_id)
        first = found[0]  # a finding of a rule the result does not list still gets shown
        own = texts.get(rule_id) or rule_text(cat, rule_id, "", rule_docs.get(rule_id, {}))
        why, fix = own.section("Why"), own.section("Fix")
        rows = tuple(
            FindingRow(
                f.path,
                f.path == ".",
                anchors.get(f.path),
                f.line,
                *message(f, cat),
                baseline=f.baseline if f.baseline != "new" else None,
            )
            for f in sorted(found, key=Finding.sort_key)[:FINDINGS_ROW_LIMIT]
        )
        sections.append(
            RuleSection(
                id=rule_id,
                name=run.rule if run else first.rule,
                severity=Severity(run.severity if run else first.severity).value,
                principle=run.principle if run else "",
                principle_text=cat.principles.get(run.principle, "") if run else "",
                summary=own.summary,
                why=why.text if why else None,
                fix=fix.text if fix else None,
                findings=rows,
                folded=len(found) > OPEN_FINDINGS_LIMIT,
                summary_lang=own.summary_lang,
                doc_lang=(why or fix).lang if why or fix else None,
                total=len(found),
            )
        )
    sections.sort(key=lambda s: (-Severity(s.severity).rank, -s.count, s.id))
    return tuple(sections)


def _document_values(doc: dict[str, Any]) -> tuple[Any, ...]:
    """A document's cells in the documents table: the fields of DocumentRow from `path` to
    `score`, in their order."""
    dates = doc.get("dates") or {}
    kind = "reviewed" if dates.get("reviewed") else "changed" if dates.get("changed") else None
    expires = dates.get("expires")
    return (
        doc["path"],
        doc.get("title"),
        doc.get("type"),
        doc.get("owner"),
        int(doc.get("words") or 0),
        bool(doc.get("is_entry")),
        filters.date(dates[kind]["value"]) if kind else None,
        kind,
        filters.date(expires["value"]) if expires else None,
        int(doc.get("links_in") or 0),
        int(doc.get("links_out") or 0),
        int(doc.get("findings") or 0),
        int(doc.get("score", 100)),
    )


def _document_row(doc: dict[str, Any], anchor: str) -> DocumentRow:
    values = _document_values(doc)
    return DocumentRow(anchor, *values, band(values[-1]))


def document_data(doc: dict[str, Any]) -> list[Any]:
    """A document as a row of the documents table's JSON data, as report.js reads it:
    [path, title, type, owner, date, date kind (1 reviewed, 2 changed, 0 none), expires,
    words, links in, links out, findings, score, entry page (1 or 0)]. No anchor (report.js
    makes "doc-" and the position from 1, as `build_report` numbers them) and no band
    (report.js finds it from the score and the bands' lowest scores)."""
    values = _document_values(doc)
    path, title, type_, owner, words, entry, date, kind, expires = values[:9]
    links_in, links_out, findings, score = values[9:]
    code = DATE_KIND_CODES.get(kind or "", 0)
    return [
        *(path, title, type_, owner, date, code, expires),
        *(words, links_in, links_out, findings, score, int(entry)),
    ]


def _rule_docs(result: AuditResult, texts: dict[str, RuleText]) -> tuple[RuleDoc, ...]:
    return tuple(
        RuleDoc(
            id=run.id,
            name=run.rule,
            severity=Severity(run.severity).value,
            principle=run.principle,
            summary=texts[run.id].summary,
            sections=tuple(DocSection(s.title, s.text, s.lang) for s in texts[run.id].sections),
            summary_lang=texts[run.id].summary_lang,
            untranslated=texts[run.id].untranslated,
        )
        for run in result.rules
    )


# Rendering ------------------------------------------------------------------------------


def _load_template(name: str) -> str | None:
    """A template from the installed `auditor.reports_templates` package, by file name."""
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    resource = importlib.resources.files("auditor.reports_templates").joinpath(name)
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8")


@functools.cache
def environment(lang: str = DEFAULT) -> Environment:
    """The Jinja environment, its filters formatting numbers and dates for `lang`."""
    env = Environment(
        loader=FunctionLoader(_load_template),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Compact JSON (no spaces after , and :), as the documents table's rows are written.
    env.policies["json.dumps_kwargs"] = filters.JSON_OPTIONS
    env.globals["score_bands"] = BANDS  # report.js finds a row's band from its score
    env.globals["documents_page_size"] = DOCUMENTS_PAGE_SIZE
    return filters.register(env, catalogue(lang).formats)


def render_html(
    result: AuditResult, rule_docs: dict[str, dict[str, str]], lang: str | None = None
) -> str:
    """The HTML report in `lang`, by default the language the config asks for."""
    cat = catalogue(lang or report_language(result))
    report = build_report(result, rule_docs, cat.lang)
    template = environment(cat.lang).get_template("report.html.j2")
    return with_content_security_policy(template.render(report=report, t=cat.text))


#: The report's own <style> and code <script> blocks (not the JSON data block).
_OWN_BLOCK = re.compile(r"<(style|script)>(.*?)</\1>", re.DOTALL)
CSP_PLACEHOLDER = "{content-security-policy}"
NONE = "'none'"


def with_content_security_policy(page: str) -> str:
    """The page with a policy that lets only its own style and script run: each block by
    the SHA-256 of its text, so that markup smuggled into the page by a document (were
    escaping ever to fail) stays inert. No network: default-src 'none'."""
    hashes = {"style": [], "script": []}
    for kind, body in _OWN_BLOCK.findall(page):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes[kind].append(f"'sha256-{digest}'")
    policy = "; ".join(
        [
            "default-src 'none'",
            f"style-src {' '.join(hashes['style']) or NONE}",
            f"script-src {' '.join(hashes['script']) or NONE}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return page.replace(CSP_PLACEHOLDER, policy, 1)
