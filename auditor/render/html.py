"""The HTML report: a view model computed here, rendered by a Jinja2 template.

As in coverage.py's `html.py`, all figures, grouping and ordering are computed in Python
into small frozen dataclasses (`build_report`); the templates in `reports_templates/`
hold loops and branches only. Every user-visible string of the page lives in `TEXT`
(a later translation adds a dict with the same keys). The page is self-contained: CSS
and JS are inlined, and a Content-Security-Policy forbids any network access.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined

from auditor.model import AuditResult, Finding, Severity
from auditor.principles import PRINCIPLES
from auditor.render import charts, filters
from auditor.render.archive_csv import ARCHIVE_RULE, age_days, archive_rows, last_change, views_of

#: Score bands: the lowest score of each band, best first.
BANDS = (("good", 90), ("fair", 70), ("poor", 0))

#: The order rule doc sections appear in; other sections follow in their own order.
DOC_ORDER = ("What it does", "Why", "Example", "Fix", "Options")

#: Findings tables with more rows than this start folded (a <details> the reader opens).
OPEN_FINDINGS_LIMIT = 20

#: The guide's figure (TA4): the share of information no longer used after a year.
GUIDE_UNUSED = 0.8

#: Review cadence of the quadrant chart when T001 stale-content sets none of its own.
DEFAULT_CADENCE_DAYS = 365

#: An archive plan longer than this starts folded; shorter, it is the section's content.
OPEN_ARCHIVE_LIMIT = 100

#: Addresses listed under "matched no document".
TOP_UNMATCHED = 10

#: Every user-visible string of the report, in English.
TEXT: dict[str, Any] = {
    "lang": "en",
    "page_title": "Knowledge base cleanliness report",
    "scanned": "Scanned folder",
    "audit_date": "Audit date",
    "tool": "Tool",
    "facts_label": "What was scanned",
    "fact_documents": "Documents audited",
    "fact_files_seen": "Files seen",
    "fact_assets": "Images and other files",
    "fact_skipped": "Files skipped",
    "nav_label": "Contents",
    "nav": {
        "summary": "Summary",
        "use": "Use",
        "todo": "What to do first",
        "archive": "Archive plan",
        "clean": "All clear",
        "skipped": "Not checked",
        "documents": "Documents",
        "reference": "Rule reference",
    },
    "summary_heading": "Summary",
    "score_label": "Cleanliness score",
    "score_out_of": "out of 100",
    "band": {"good": "Good", "fair": "Fair", "poor": "Needs work"},
    "band_hint": {
        "good": "90 or more: the knowledge base is in good shape.",
        "fair": "70 to 89: in fair shape, with some cleaning to do.",
        "poor": "Below 70: the knowledge base needs attention.",
    },
    "score_method": "How the score is computed",
    "basis_heading": "What the audit rests on",
    "date_sources": "How each document's freshness was dated",
    "date_source": {
        "frontmatter": "a date written in the page",
        "comment": "a freshness comment in the page",
        "confluence": "Confluence's last-modified line",
        "git": "version history (git)",
        "mtime": "the file's modification time (unreliable)",
        "none": "no date at all",
    },
    "mtime_warning": (
        "%(n)s documents are dated only by their file's modification time, which a copy "
        "or checkout resets: their freshness is uncertain. Add review dates, or audit the "
        "wiki's git repository."
    ),
    "numeric_order": "Dates such as 03/04/2025 in '%(key)s' were read %(order)s (%(basis)s).",
    "order_name": {"DMY": "day first", "MDY": "month first"},
    "site_kind": "Links were resolved the way %(kind)s serves the site (%(config)s).",
    "site_name": {
        "mkdocs": "MkDocs",
        "docusaurus": "Docusaurus",
        "hugo": "Hugo",
        "jekyll": "Jekyll",
    },
    "unverified_links": (
        "%(n)s links point to addresses the site may serve without a file in this folder "
        "(generated pages, folders outside the scan); they were not checked."
    ),
    "findings_label": "Findings by severity",
    "severity": {"error": "Errors", "warning": "Warnings", "info": "Notes"},
    "severity_one": {"error": "Error", "warning": "Warning", "info": "Note"},
    "severity_hint": {
        "error": "Broken or wrong: fix these first.",
        "warning": "Hurts readers: plan to fix.",
        "info": "Good to know: improve when you can.",
    },
    # %-style placeholders, filled in by the template's `format` filter.
    "docs_with_findings": "%(n)s of %(total)s documents have at least one finding.",
    # The Use section: what is read, how well the usage data matched, age against use.
    "use_heading": "Use: what people read",
    "use_none": (
        "Add --usage with a page-view export (from your wiki or web statistics) to see which "
        "pages are read, which nobody opens, and what could be archived."
    ),
    "use_no_figures": "The usage data gave no figures for any document: there is nothing to show.",
    "window": {"year": "in the past year", "days": "in the last %(n)s days"},
    "unread_label": "Pages not read",
    "unread_sentence": "%(percent)s of your pages were not read %(window)s.",
    "unread_count": "%(n)s of %(total)s pages had no views.",
    "unread_guide": (
        "The guide says 80% of information is no longer used after a year: keep your systems clean."
    ),
    "unread_scope": "%(n)s documents had no usage figures and are left out.",
    "bar_ours": "Your pages not read %(window)s",
    "bar_guide": "The guide: information no longer used after a year",
    "match_heading": "How well the usage data matched",
    "match_files": "Usage data",
    "match_sentence": (
        "%(percent)s of the %(total)s page views %(window)s were matched to a document."
    ),
    "match_by_title": "%(n)s pages were matched by their title, because their address did not.",
    "warning_heading": "Careful: the usage findings are unreliable",
    "warning_body": (
        "Documents whose page views were not matched look unread. Until the match improves, "
        "check the chart, the archive plan and the usage findings before acting on them."
    ),
    "unmatched_heading": "Most-viewed addresses that matched no document",
    "col_page": "Address",
    "col_views": "Views",
    "chart_heading": "Age and use of every page",
    "chart_caption": (
        "Each dot is a page. Left of the line: reviewed or changed in the last %(cadence)s "
        "days; right: longer ago, or never dated."
    ),
    "split": {
        "median": "Above the line: viewed %(n)s times or more, like the busier half of your "
        "pages; below: fewer views.",
        "any": "Above the line: viewed at least once; below: nobody viewed it.",
    },
    "chart_hover": "Point at a dot to see its page.",
    "chart_summary": "Pages per corner:",
    "quadrant": {
        "keep": "Keep",
        "review": "Review now",
        "promote": "Promote or retire",
        "archive": "Archive",
    },
    "quadrant_where": {
        "keep": "Recent and read",
        "review": "Old but read",
        "promote": "Recent but little read",
        "archive": "Old and little read",
    },
    "quadrant_hint": {
        "keep": "Up to date and used: keep it that way.",
        "review": "Readers get a dated answer: review these first.",
        "promote": "Make them easier to find, or retire them if nobody needs them.",
        "archive": "Candidates for the archive.",
    },
    "quadrant_caption": "Pages in each corner of the chart",
    "col_corner": "Corner",
    "col_pages": "Pages",
    "axis_age": "Time since last review or change \u2192",
    "axis_views": "Page views \u2192",
    "zero_views": "0",
    "older": "older",
    "undated": "no date",
    "tick_today": "today",
    "tick_months": "%(n)s months",
    "tick_year": "1 year",
    "tick_years": "%(n)s years",
    "dot": "%(title)s\n%(path)s\n%(age)s \u00b7 %(views)s",
    "dot_age": "last %(kind)s %(n)s days ago",
    "dot_undated": "no date",
    "dot_view": "1 view",
    "dot_views": "%(n)s views",
    # The archive plan: the findings of T010 unused-content.
    "archive_heading": "Archive plan",
    "archive_intro": (
        "Pages nobody read %(window)s, oldest first. The guide: don't keep all information; "
        "keeping 100%% of it pollutes the knowledge base (TA4)."
    ),
    "archive_nothing_moved": (
        "Nothing was moved or deleted: this is a list for the team to go through. "
        "Archive each page, or keep it and say why."
    ),
    "archive_csv_hint": "For this list as a spreadsheet, run kb-audit with --format archive-csv.",
    "archive_none": "No page is an archive candidate.",
    "archive_not_run": "The check for unused pages did not run: %(reason)s.",
    "archive_unavailable": "this version of kb-audit has no such check",
    "archive_poor_match": (
        "The usage data matched poorly (see the warning under Use): some of these pages may "
        "be read after all."
    ),
    "archive_caption": "Archive candidates",
    "archive_show": "Candidates for the archive",
    "col_last_change": "Last reviewed / changed",
    "date_unreliable": "file date, unreliable",
    "todo_heading": "What to do first",
    "todo_intro": (
        "Each block below is one kind of problem, most serious first. It says why it matters, "
        "how to fix it, and where it was found."
    ),
    "todo_none": "Nothing to do: no rule found anything.",
    "finding_one": "finding",
    "finding_many": "findings",
    "principle": "Guide principle",
    "why": "Why it matters",
    "fix": "How to fix",
    "no_doc": "This rule has no documentation.",
    "where": "Where it was found",
    "show_findings": "Show all findings",
    "findings_caption": "Findings of rule",
    "col_document": "Document",
    "col_line": "Line",
    "col_message": "What is wrong",
    "whole_kb": "(the whole knowledge base)",
    "full_doc": "Full description of",
    "clean_heading": "All clear",
    "clean_intro": "These checks ran and found nothing to report:",
    "clean_none": "No check came out clean.",
    "skipped_heading": "What was not checked",
    "skipped_rules_heading": "Checks that did not run",
    "skipped_rules_none": "Every check ran.",
    "suppressed_heading": "Findings silenced on purpose",
    "suppressed_intro": (
        "A page or the configuration asked to ignore these. They do not count in the score, "
        "but they are still here: check now and then that the reason still holds."
    ),
    "suppressed_none": "No finding was silenced.",
    "col_silenced_by": "Silenced by",
    "skipped_files_heading": "Files that were skipped",
    "skipped_files_none": "No file was skipped.",
    "col_rule": "Check",
    "col_reason": "Reason",
    "col_path": "Path",
    "documents_heading": "Documents",
    "documents_intro": (
        "Every audited document with its facts. Score: 100 minus the points its findings cost."
    ),
    "documents_caption": "All audited documents",
    "documents_none": "No documents were found.",
    "col_title": "Title and path",
    "col_type": "Type",
    "col_owner": "Owner",
    "col_words": "Words",
    "col_date": "Reviewed / changed",
    "col_links_in": "Links in",
    "col_links_out": "Links out",
    "col_findings": "Findings",
    "col_score": "Score",
    "entry_page": "entry page",
    "date_kind": {"reviewed": "reviewed", "changed": "changed"},
    "expires": "review by",
    "untitled": "(no title)",
    "search_label": "Search by title or path",
    "only_findings": "Only documents with findings",
    # Filled in by report.js as the reader searches and filters.
    "rows_shown": "Showing {shown} of {total} documents",
    "sort_hint": "Select a column heading to sort.",
    "reference_heading": "Rule reference",
    "reference_intro": "The full description of every check, with the guide principle it applies.",
    "default_severity": "Severity",
    "doc_sections": {
        "What it does": "What it does",
        "Why": "Why",
        "Example": "Example",
        "Fix": "Fix",
        "Options": "Options",
    },
    "back_to_top": "Back to top",
    "footer": "Generated by",
}


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
class ScoreView:
    value: int
    band: str  # good | fair | poor
    method: str


@dataclass(frozen=True, slots=True)
class SourceCount:
    source: str  # a key of TEXT["date_source"]
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
    findings: tuple[FindingRow, ...]
    folded: bool  # many findings: the table starts folded

    @property
    def count(self) -> int:
        return len(self.findings)


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


@dataclass(frozen=True, slots=True)
class RuleDoc:
    id: str
    name: str
    severity: str
    principle: str
    summary: str
    sections: tuple[DocSection, ...]


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


@dataclass(frozen=True, slots=True)
class ArchivePlan:
    ran: bool
    skipped_reason: str | None
    window: str
    poor_match: bool
    items: tuple[ArchiveItem, ...]
    folded: bool


@dataclass(frozen=True, slots=True)
class Report:
    header: Header
    nav: tuple[str, ...]  # keys of TEXT["nav"] for the sections this page has
    score: ScoreView
    basis: Basis
    severities: tuple[SeverityCount, ...]
    documents_with_findings: int
    usage: UsageView
    archive: ArchivePlan | None  # None without usage data
    todo: tuple[RuleSection, ...]
    clean: tuple[RuleLine, ...]
    skipped_rules: tuple[RuleLine, ...]
    skipped_files: tuple[SkippedFile, ...]
    suppressed: tuple[SuppressedRow, ...]
    documents: tuple[DocumentRow, ...]
    rule_docs: tuple[RuleDoc, ...]


def band(score: int) -> str:
    return next(name for name, lowest in BANDS if score >= lowest)


def build_report(result: AuditResult, rule_docs: dict[str, dict[str, str]]) -> Report:
    """Everything the template shows, computed once."""
    summary = result.summary
    anchors = {doc["path"]: f"doc-{i}" for i, doc in enumerate(result.documents, start=1)}
    usage = _usage(result)
    archive = _archive(result, usage, anchors) if usage.given else None
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
        nav=tuple(key for key in TEXT["nav"] if key != "archive" or archive is not None),
        score=ScoreView(
            value=summary.score.value,
            band=band(summary.score.value),
            method=summary.score.method,
        ),
        basis=_basis(result),
        severities=tuple(
            SeverityCount(s.value, summary.findings.get(s.value, 0))
            for s in sorted(Severity, key=lambda s: -s.rank)
        ),
        documents_with_findings=summary.documents_with_findings,
        usage=usage,
        archive=archive,
        todo=_todo(result, rule_docs, anchors),
        clean=tuple(
            RuleLine(r.id, r.rule, r.summary) for r in result.rules if r.ran and not r.findings
        ),
        skipped_rules=tuple(
            RuleLine(r.id, r.rule, r.summary, r.skipped_reason or "")
            for r in result.rules
            if not r.ran
        ),
        skipped_files=tuple(SkippedFile(s.path, s.reason) for s in result.skipped),
        suppressed=tuple(
            SuppressedRow(f.id, f.rule, f.path, f.line, f.message, f.suppressed_by or "")
            for f in result.suppressed
        ),
        documents=tuple(_document_row(doc, anchors[doc["path"]]) for doc in result.documents),
        rule_docs=_rule_docs(result, rule_docs),
    )


def _basis(result: AuditResult) -> Basis:
    inputs = result.inputs
    sources = result.summary.date_sources
    site = inputs.get("site", {})
    orders = inputs.get("dates", {}).get("numeric_order", {})
    return Basis(
        sources=tuple(
            SourceCount(name, sources[name]) for name in TEXT["date_source"] if sources.get(name)
        ),
        mtime_documents=sources.get("mtime", 0),
        history_note=inputs.get("history", {}).get("note"),
        numeric_orders=tuple(
            (source.partition(":")[2] or source, o["order"], o["basis"])
            for source, o in sorted(orders.items())
        ),
        site_kind=site.get("kind"),
        site_config=site.get("config"),
        site_notes=tuple(site.get("notes", ())),
        unverified_links=inputs.get("links", {}).get("unverified", 0),
        plugin_problems=tuple(inputs.get("plugin_problems", ())),
    )


def _usage(result: AuditResult) -> UsageView:
    """The Use section: unread share against the guide's 80%, the match, the quadrants."""
    facts = result.inputs.get("usage") or {}
    views = {doc["path"]: views_of(doc) for doc in result.documents}
    given = bool(facts) or any(v is not None for v in views.values())
    window = _window(facts.get("window_days"))
    cadence = _cadence(result)
    covered = [doc for doc in result.documents if views[doc["path"]] is not None]
    threshold = charts.view_threshold([views[doc["path"]] for doc in covered])
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
        n_unread = sum(1 for doc in covered if views[doc["path"]] == 0)
        share = n_unread / len(covered)
        unread = UnreadShare(
            unread=n_unread,
            total=len(covered),
            share=share,
            percent=filters.percent(share),
            bars=charts.share_bars(
                (
                    (TEXT["bar_ours"] % {"window": window}, share, filters.percent(share), "ours"),
                    (TEXT["bar_guide"], GUIDE_UNUSED, filters.percent(GUIDE_UNUSED), "guide"),
                ),
                filters.percent,
            ),
        )
        chart = charts.quadrant_chart(
            [_point(doc, views[doc["path"]], result.now) for doc in covered],
            cadence_days=cadence,
            threshold=threshold,
            text=charts.ChartText(
                corners=TEXT["quadrant"],
                x_title=TEXT["axis_age"],
                y_title=TEXT["axis_views"],
                zero=TEXT["zero_views"],
                older=TEXT["older"],
                undated=TEXT["undated"],
            ),
            age_tick=_age_tick,
            views_tick=filters.number,
        )
    return UsageView(
        given=True,
        window=window,
        match=_match(facts) if facts else None,
        unread=unread,
        without_figures=len(result.documents) - len(covered),
        chart=chart,
        quadrants=tuple(QuadrantRow(k, n) for k, n in chart.counts) if chart else (),
        cadence_days=cadence,
        threshold=threshold,
        split="median" if threshold > 1 else "any",
    )


def _match(facts: dict[str, Any]) -> UsageMatch:
    share = facts.get("match_share")
    return UsageMatch(
        files=tuple(f["path"] for f in facts.get("files") or ()),
        views_total=facts.get("views_total"),
        percent=filters.percent(share) if share is not None else None,
        matched_by_title=int(facts.get("matched_by_title") or 0),
        warning=facts.get("warning") or None,
        top_unmatched=tuple(
            UnmatchedPage(str(p.get("page", "")), float(p.get("views") or 0))
            for p in (facts.get("top_unmatched") or ())[:TOP_UNMATCHED]
        ),
    )


def _window(days: Any) -> str:
    if not days or int(days) == 365:
        return TEXT["window"]["year"]
    return TEXT["window"]["days"] % {"n": filters.number(days)}


def _cadence(result: AuditResult) -> int:
    """T001 stale-content's default cadence when the configuration sets one, else a year."""
    for key, table in (result.config.get("rules") or {}).items():
        if key.upper() == "T001" or key.lower() == "stale-content":
            days = table.get("cadence_days", table.get("cadence-days"))
            if isinstance(days, int) and days > 0:
                return days
    return DEFAULT_CADENCE_DAYS


def _point(doc: dict[str, Any], views: float, now: str) -> charts.Point:
    age = age_days(doc, now)
    if age is None:
        age_text = TEXT["dot_undated"]
    else:
        kind = TEXT["date_kind"][last_change(doc).kind]
        age_text = TEXT["dot_age"] % {"kind": kind, "n": filters.number(age)}
    views_text = (
        TEXT["dot_view"] if views == 1 else TEXT["dot_views"] % {"n": filters.number(views)}
    )
    label = TEXT["dot"] % {
        "title": doc.get("title") or TEXT["untitled"],
        "path": doc["path"],
        "age": age_text,
        "views": views_text,
    }
    return charts.Point(doc["path"], age, views, label)


def _age_tick(days: int) -> str:
    if days == 0:
        return TEXT["tick_today"]
    if days % 365 == 0:
        years = days // 365
        return TEXT["tick_year"] if years == 1 else TEXT["tick_years"] % {"n": years}
    return TEXT["tick_months"] % {"n": round(days / 30.4)}


def _archive(result: AuditResult, usage: UsageView, anchors: dict[str, str]) -> ArchivePlan:
    run = next((r for r in result.rules if r.id == ARCHIVE_RULE), None)
    items = tuple(
        ArchiveItem(
            path=row.path,
            title=row.title,
            doc_anchor=anchors.get(row.path),
            views=row.views,
            date=row.last_change,
            date_kind=row.date_kind,
            date_unreliable=row.date_source == "mtime",
            reason=row.reason,
        )
        for row in archive_rows(result)
    )
    ran = bool(items) or (run is not None and run.ran)
    reason = None
    if not ran:
        reason = (run.skipped_reason if run else None) or TEXT["archive_unavailable"]
    return ArchivePlan(
        ran=ran,
        skipped_reason=reason,
        window=usage.window,
        poor_match=bool(usage.match and usage.match.warning),
        items=items,
        folded=len(items) > OPEN_ARCHIVE_LIMIT,
    )


def _todo(
    result: AuditResult, rule_docs: dict[str, dict[str, str]], anchors: dict[str, str]
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
        doc = rule_docs.get(rule_id, {})
        rows = tuple(
            FindingRow(
                path=f.path,
                whole_kb=f.path == ".",
                doc_anchor=anchors.get(f.path),
                line=f.line,
                message=f.message,
            )
            for f in sorted(found, key=Finding.sort_key)
        )
        sections.append(
            RuleSection(
                id=rule_id,
                name=run.rule if run else first.rule,
                severity=Severity(run.severity if run else first.severity).value,
                principle=run.principle if run else "",
                principle_text=PRINCIPLES.get(run.principle, "") if run else "",
                summary=run.summary if run else "",
                why=doc.get("Why"),
                fix=doc.get("Fix"),
                findings=rows,
                folded=len(rows) > OPEN_FINDINGS_LIMIT,
            )
        )
    sections.sort(key=lambda s: (-Severity(s.severity).rank, -s.count, s.id))
    return tuple(sections)


def _document_row(doc: dict[str, Any], anchor: str) -> DocumentRow:
    dates = doc.get("dates") or {}
    kind = next((k for k in ("reviewed", "changed") if dates.get(k)), None)
    expires = dates.get("expires")
    return DocumentRow(
        anchor=anchor,
        path=doc["path"],
        title=doc.get("title"),
        type=doc.get("type"),
        owner=doc.get("owner"),
        words=int(doc.get("words") or 0),
        is_entry=bool(doc.get("is_entry")),
        date=filters.date(dates[kind]["value"]) if kind else None,
        date_kind=kind,
        expires=filters.date(expires["value"]) if expires else None,
        links_in=int(doc.get("links_in") or 0),
        links_out=int(doc.get("links_out") or 0),
        findings=int(doc.get("findings") or 0),
        score=int(doc.get("score", 100)),
        band=band(int(doc.get("score", 100))),
    )


def _rule_docs(result: AuditResult, rule_docs: dict[str, dict[str, str]]) -> tuple[RuleDoc, ...]:
    docs = []
    for run in result.rules:
        sections = rule_docs.get(run.id, {})
        titles = [t for t in DOC_ORDER if t in sections]
        titles += [t for t in sections if t not in DOC_ORDER]
        docs.append(
            RuleDoc(
                id=run.id,
                name=run.rule,
                severity=Severity(run.severity).value,
                principle=run.principle,
                summary=run.summary,
                sections=tuple(DocSection(t, sections[t]) for t in titles),
            )
        )
    return tuple(docs)


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
def environment() -> Environment:
    env = Environment(
        loader=FunctionLoader(_load_template),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return filters.register(env)


def render_html(result: AuditResult, rule_docs: dict[str, dict[str, str]]) -> str:
    report = build_report(result, rule_docs)
    return environment().get_template("report.html.j2").render(report=report, t=TEXT)
