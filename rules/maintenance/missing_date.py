from __future__ import annotations

from auditor.model import Severity
from auditor.rule import Rule


class MissingDate(Rule):
    """
    ## What it does
    Finds documents with no review date, change date or review-by date in their
    frontmatter (or a freshness comment) and no version history, or whose date cannot
    be read, so that their freshness cannot be judged. A file's modification time does
    not count: a copy or checkout resets it. Documents whose frontmatter failed to
    parse are left to `parse-error`.

    ## Why
    You cannot maintain what you cannot date (TE6). Without a date, `stale-content`
    cannot tell a page from last week from one of five years ago, and readers can't either.

    ## Example
    ```markdown
    ---
    title: VPN setup
    ---
    ```

    ## Fix
    Add `reviewed: YYYY-MM-DD` with the date someone last checked the page, or
    `updated:` with the date it last changed.
    """

    id = "T004"
    name = "missing-date"
    severity = Severity.INFO
    principle = "TE6"
    summary = "No review or change date can be found, so freshness cannot be judged."

    def check(self, corpus, options):
        docs = corpus.documents
        undated = docs["date_basis"].isin(["mtime", "none"]) & docs["frontmatter_ok"]
        for path, doc in docs[undated].iterrows():
            problems = list(doc["date_problems"])
            message = "No review or change date: nobody can tell whether it is still true."
            if problems:
                message = (
                    f"Its date cannot be read ({problems[0]}), so nobody can tell how fresh it is."
                )
            elif doc["date_basis"] == "mtime":
                message = (
                    "No review or change date in the page or its history; only the file's "
                    "modification time, which a copy or checkout resets."
                )
            yield self.finding(path, message, problems=problems or None, fallback=_fallback(doc))


def _fallback(doc) -> str | None:
    if doc["date_basis"] != "mtime":
        return None
    return f"mtime {doc['changed']:%Y-%m-%d} (unreliable)"
