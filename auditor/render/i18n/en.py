"""English: every user-visible string of the HTML report, and how numbers and dates read.

The reference catalogue: every other language has exactly these keys (a test checks).
Values with %(name)s placeholders are filled in by the `format` filter or the view model;
a literal percent sign in such a value is written %%.
"""

from __future__ import annotations

from typing import Any

from auditor.render.filters import Formats

FORMATS = Formats(
    thousands=",",
    decimal=".",
    months=(
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
)  # fmt: skip

#: The rules' documentation in this language, by rule id: English comes from the rules.
RULES: dict[str, dict[str, str]] = {}

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
        "views": "Owners and folders",
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
    "score_method_text": (
        "Each document starts at 100 and loses %(error)s points per error, %(warning)s per "
        "warning and %(info)s per info finding (never below 0). The score is the average over "
        "all documents."
    ),
    "trend_change": "%(change)s since the audit of %(date)s",
    "trend_new_fixed": "%(new)s new findings, %(fixed)s fixed since then.",
    "trend_first": "The first audit in the history: the trend starts here.",
    "trend_label": "The score over the last %(runs)s audits",
    "git_history_off": "Version history was not read (git-history = false).",
    "actions_heading": "Do these first",
    #: The top actions on the first screen, by rule; other rules use `action_generic`.
    "actions": {
        "T003": "Review first the much-read pages that give a dated answer: %(n)s",
        "T002": "Pages past their own review date, to review or archive: %(n)s",
        "T020": "Broken links to repair, each a dead end for a reader: %(n)s",
        "T024": "Pages that cannot be read, to fix: %(n)s",
        "T001": "Pages past their review cadence, to review: %(n)s",
        "T010": "Pages nobody read in the past year, to archive if nobody needs them: %(n)s",
        "T011": "Much-read pages buried deep, to move up: %(n)s",
        "T021": "Pages nothing links to, to link or archive: %(n)s",
        "T022": "Pages sharing a title with another, to rename or merge: %(n)s",
        "T023": "Near-duplicate pages, to merge or remove: %(n)s",
        "O001": "Pages without an owner, to hand to someone: %(n)s",
        "O002": "Pages owned by people who left, to hand over: %(n)s",
        "T030": "Pages without a summary, to give two or three sentences: %(n)s",
        "T031": "Pages too long to take in, to split: %(n)s",
    },
    "action_generic": "%(summary)s: %(n)s",
    #: Reasons the pipeline gives in English (skipped files and rules, silenced findings,
    #: date orders): a pattern matching the whole reason -> its text, {0}… its groups.
    "reasons": {
        r"hidden folder": "hidden folder",
        r"hidden file": "hidden file",
        r"dependency folder": "dependency folder",
        r"Python cache folder": "Python cache folder",
        r"symbolic link to a folder \(not followed\)": "symbolic link to a folder (not followed)",
        r"excluded by configuration": "excluded by configuration",
        r"binary file with a document extension": "binary file with a document extension",
        r"unreadable: (.+)": "unreadable: {0}",
        r"not selected \(--select\)": "not selected (--select)",
        r"ignored \(--ignore\)": "ignored (--ignore)",
        r"needs (.+) data, which was not given": "needs {0} data, which was not given",
        r"failed: (.+)": "failed: {0}",
        r"document: ignored for the file": "document: ignored for the file",
        r"document: ignore comment on line (\d+)": "document: ignore comment on line {0}",
        r"config: overrides for (.+)": "config: overrides for {0}",
        r"proven by (.+)": "proven by {0}",
        r"default \(day first\)": "default (day first)",
        r"configured": "configured",
    },
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
    "unread_guide_short": "The guide: 80% of information is no longer used after a year.",
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
    # Above charts.DENSITY_THRESHOLD pages the chart draws squares, not one dot a page.
    "chart_caption_density": (
        "Each square is a group of pages: the darker, the more pages. Left of the line: "
        "reviewed or changed in the last %(cadence)s days; right: longer ago, or never dated."
    ),
    "chart_hover_density": "Point at a square to see how many pages it holds.",
    "cell": "%(n)s pages",
    "cell_one": "1 page",
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
    "archive_more": (
        "\u2026 and %(n)s more: see the archive spreadsheet (--format archive-csv) or the "
        "JSON report."
    ),
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
    # Shown when a rule (a plugin's, say) has no description in the page's language.
    "untranslated": "This rule's description is not yet translated: it is shown in English.",
    "where": "Where it was found",
    "show_findings": "Show all findings",
    "findings_caption": "Findings of rule",
    "findings_more": (
        "\u2026 and %(n)s more: see the documents table (filter: only documents with "
        "findings) or the JSON report."
    ),
    "col_document": "Document",
    "col_line": "Line",
    "col_message": "What is wrong",
    "whole_kb": "(the whole knowledge base)",
    "baselined": "accepted for now (baseline)",
    "baseline_expired": "baseline entry expired",
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
    # The documents table's pager, drawn by report.js ({page}, {pages} filled in there).
    "pager_label": "Pages of the documents table",
    "page_first": "First",
    "page_previous": "Previous",
    "page_of": "Page {page} of {pages}",
    "page_next": "Next",
    "page_last": "Last",
    "documents_noscript": (
        "Without JavaScript this table shows the first %(shown)s of %(total)s documents. Turn "
        "JavaScript on to page through, search and sort them all; the JSON report (--format "
        "json) lists every document."
    ),
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
    # The views by owner and by folder, and the age of the documents (views.py).
    "views_heading": "By owner and by folder",
    "views_intro": "Who should do what, where the problems are, and how old the pages are.",
    "owners_heading": "By owner",
    "owners_intro": (
        "What each owner should do: the pages they own, the findings on them and the first "
        "things to fix. Owners with the most errors come first, then the most warnings."
    ),
    "owners_caption": "Documents and findings by owner",
    "owners_none": "There are no documents, so there are no owners to show.",
    "owners_more": "%(n)s more owners, with fewer findings, are not shown here.",
    "no_owner": "No owner",
    "col_owned": "Documents",
    "col_with_findings": "With findings",
    "col_actions": "What to do first",
    "actions_none": "Nothing to do.",
    "action_on": "on",
    "folders_heading": "By folder",
    "folders_intro": (
        "Where the problems are: each top-level folder, followed by the folders inside it, "
        "the largest first. The darker a cell, the more findings per document."
    ),
    "folders_caption": "Documents and findings by folder",
    "folders_none": "There are no documents, so there are no folders to show.",
    "folders_more": "%(n)s smaller folders are not shown here.",
    "folder_root": "(top of the scanned folder)",
    "col_folder": "Folder",
    "col_documents": "Documents",
    "col_per_document": "Findings per document",
    "heat_legend": "Colour: findings per document",
    "heat_scale": {
        "0": "none",
        "1": "up to 0.25",
        "2": "up to 0.5",
        "3": "up to 1",
        "4": "more than 1",
    },
    "ages_heading": "How old the pages are",
    "ages_intro": (
        "Documents by the time since their last review or, if they have none, their last change."
    ),
    "ages_label": "Documents by time since their last review or change: %(counts)s.",
    "age_count": "%(bucket)s: %(n)s",
    "ages_caption": "Documents by time since their last review or change",
    "col_age": "Time since last review or change",
    "age_bucket": {
        "m3": "< 3 months",
        "m6": "3\u20136 months",
        "y1": "6\u201312 months",
        "y2": "1\u20132 years",
        "older": "> 2 years",
        "none": "no date",
    },
    "back_to_top": "Back to top",
    "footer": "Generated by",
    # The short Markdown summary for a CI job or a merge request (render/markdown.py).
    "summary_md": {
        "title": "Knowledge base audit",
        "findings": {"one": "1 finding", "many": "%(n)s findings"},
        "count": {
            "error": {"one": "1 error", "many": "%(n)s errors"},
            "warning": {"one": "1 warning", "many": "%(n)s warnings"},
            "info": {"one": "1 note", "many": "%(n)s notes"},
        },
        "in_documents": "%(findings)s in %(documents)s of %(total)s documents: %(counts)s.",
        "no_findings": "No findings in %(total)s documents.",
        "failing": {
            "one": "1 finding fails the build",
            "many": "%(n)s findings fail the build",
        },
        "failing_none": "No finding fails the build",
        "suppressed": "Silenced by a page or the config, so not counted: %(n)s.",
        "baseline": (
            "Against the baseline: %(new)s new, %(unchanged)s already in it (these do not "
            "fail), %(expired)s whose entry expired (these fail again)."
        ),
        "baseline_file": "Baseline: %(file)s.",
        "scope_changed": "Only the documents changed since %(ref)s were checked.",
        "scope_files": "Only the documents given with --files were checked.",
        "scope_other": "Only part of the folder was checked.",
        "scope_documents": "Documents checked: %(n)s.",
        "rules_heading": "Findings per rule",
        "col_rule": "Rule",
        "col_name": "Name",
        "col_severity": "Severity",
        "col_count": "Findings",
        "top_heading": "Top findings",
        "more": "\u2026 and %(n)s more.",
        "state": {"new": "new", "unchanged": "in the baseline", "expired": "baseline expired"},
        "report_link": "Open the full report",
    },
}
