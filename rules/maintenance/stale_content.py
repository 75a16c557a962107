from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.paths import matches


class StaleContent(Rule):
    """
    ## What it does
    Finds documents whose last review (or, lacking one, last change) is older than their
    review cadence: 365 days unless the document, its type or its folder asks otherwise.
    A `review_interval: 6 months` in the document's frontmatter wins over the
    configuration; then the first matching path glob; then its type; then the default.

    ## Why
    The guide's technical domain says it in capitals: MAINTAIN your knowledge (TE6).
    People who search twice and get an outdated answer don't come back a third time
    (TA5): one stale page costs the trust the whole knowledge base lives on.

    ## Example
    ```markdown
    ---
    title: On-call handbook
    reviewed: 2023-02-01
    ---
    ```
    Audited on 2026-11-27, this page was last reviewed more than three years ago.

    ## Fix
    Read the page with someone who does the work today. Correct what changed, then set
    `reviewed:` to today's date. If nobody needs the page any more, archive or delete it:
    keeping 100% of information pollutes the knowledge base (TA4).
    """

    id = "T001"
    name = "stale-content"
    severity = Severity.WARNING
    principle = "TE6"
    summary = "The document has not been reviewed or changed within its review cadence."

    @dataclass(frozen=True)
    class Options:
        cadence_days: int = option(365, "Days between reviews for documents with no other cadence.")
        cadence_by_type: dict[str, int] = option(
            {}, "Days between reviews per document type, e.g. { policy = 180 }."
        )
        cadence_by_path: dict[str, int] = option(
            {},
            'Days per gitignore-style path glob, e.g. { "policies/**" = 180 }; first match wins.',
        )
        use_change_date: bool = option(
            True, "Judge documents without a review date by their last change date."
        )

    def check(self, corpus, options):
        docs = corpus.documents
        date = docs["reviewed"]
        source = docs["reviewed_source"]
        if options.use_change_date:
            source = source.where(date.notna(), docs["changed_source"])
            date = date.fillna(docs["changed"])
        cadence = self.cadence(docs, options)
        age = (corpus.now - date).dt.days
        stale = date.notna() & (age > cadence)
        # zipped columns, not a label look-up per value: thousands of stale pages
        for path, when, days, where, every in zip(
            docs.index[stale], date[stale], age[stale], source[stale], cadence[stale], strict=True
        ):
            days, every = int(days), int(every)
            yield self.finding(
                path,
                f"Not reviewed for {days} days (since {when:%Y-%m-%d}); "
                f"this page should be reviewed every {every} days.",
                date=f"{when:%Y-%m-%d}",
                date_source=where,
                unreliable=True if where == "mtime" else None,
                age_days=days,
                cadence_days=every,
            )

    @staticmethod
    def cadence(docs: pd.DataFrame, options) -> pd.Series:
        """Each document's cadence in days: its own interval, path glob, type, default."""
        cadence = pd.Series(float(options.cadence_days), index=docs.index)
        if options.cadence_by_type:
            by_type = (
                docs["type"]
                .str.lower()
                .map({k.lower(): v for k, v in options.cadence_by_type.items()})
            )
            cadence = by_type.fillna(cadence)
        decided = pd.Series(False, index=docs.index)
        for glob, days in options.cadence_by_path.items():
            hit = matches(docs.index, [glob]) & ~decided
            cadence[hit] = days
            decided |= hit
        return docs["review_interval_days"].astype(float).fillna(cadence)
