from __future__ import annotations

from auditor.model import Severity
from auditor.rule import Rule


class ReviewOverdue(Rule):
    """
    ## What it does
    Finds documents whose explicit review-by date (`review_by`, `expires`,
    `valid_until`, `geldig_tot`, … — the keys are configurable under `[frontmatter]`
    as `expiry-date`) has passed.

    ## Why
    Whoever wrote the page promised it would be looked at again by that date (TE6).
    A page past its own expiry date is the outdated answer that makes people stop
    searching the knowledge base (TA5).

    ## Example
    ```markdown
    ---
    title: Travel expenses 2025
    valid_until: 2025-12-31
    ---
    ```

    ## Fix
    Review the page and move the date forward, or archive the page if its time is over.
    """

    id = "T002"
    name = "review-overdue"
    severity = Severity.ERROR
    principle = "TE6"
    summary = "The document's own review-by or expiry date has passed."

    def check(self, corpus, options):
        docs = corpus.documents
        overdue = docs[docs["expires"] < corpus.now]
        for path, doc in overdue.iterrows():
            days = (corpus.now - doc["expires"]).days
            yield self.finding(
                path,
                f"Its review date {doc['expires']:%Y-%m-%d} passed {days} days ago.",
                date=f"{doc['expires']:%Y-%m-%d}",
                date_source=doc["expires_source"],
                overdue_days=days,
            )
