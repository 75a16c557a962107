from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option


class TooLong(Rule):
    """
    ## What it does
    Finds documents whose body, code blocks excluded, has more words than the limit
    (1,500 by default).

    ## Why
    Offer knowledge in small, digestible pieces at the right moment (TE5). A very long
    page hides the one answer a reader came for among many they didn't, and is rarely
    maintained as a whole.

    ## Example
    A 4,000-word "Everything about onboarding" page.

    ## Fix
    Split the page along its sections into pages that each answer one question, and
    keep a short overview page that links to them.
    """

    id = "T031"
    name = "too-long"
    severity = Severity.WARNING
    principle = "TE5"
    summary = "The document is too long to be taken in at once."

    @dataclass(frozen=True)
    class Options:
        max_words: int = option(1500, "Most words a document's body may have, code excluded.")

    def check(self, corpus, options):
        docs = corpus.documents
        for path, doc in docs[docs["words"] > options.max_words].iterrows():
            yield self.finding(
                path,
                f"{doc['words']:,} words: split it into smaller pages "
                f"(limit {options.max_words:,}).",
                words=int(doc["words"]),
                max_words=options.max_words,
            )
