from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option

SUMMARY_HEADINGS = [
    "summary", "tl;dr", "tldr", "in short", "key points", "abstract", "overview",
    "samenvatting", "in het kort", "kort samengevat", "kernpunten", "overzicht",
]  # fmt: skip


class MissingSummary(Rule):
    """
    ## What it does
    Finds documents that offer no summary: no summary in the frontmatter (`summary`,
    `description`, `abstract`, `tldr`, `samenvatting`, … — configurable under
    `[frontmatter]`), no summary section (a heading such as "Summary", "TL;DR",
    "Samenvatting" or "In het kort"), and no short lead paragraph before the first
    section. Short documents are exempt: they are their own summary.

    ## Why
    Help people think about what they want to write: key messages, conclusions (TA2).
    Knowledge is taken in in small, digestible pieces (TE5); a reader should know in
    ten seconds whether the page answers their question.

    ## Example
    A 900-word page that opens straight with "## Installation".

    ## Fix
    Add two or three sentences under the title saying what the page is for and what
    its conclusion is, or a `summary:` in the frontmatter.
    """

    id = "T030"
    name = "missing-summary"
    severity = Severity.WARNING
    principle = "TA2"
    summary = "The document has no summary, summary section or short lead paragraph."

    @dataclass(frozen=True)
    class Options:
        min_words: int = option(200, "Documents with fewer words are exempt.")
        lead_max_words: int = option(
            80, "A first paragraph before any section counts as a summary up to this length."
        )
        lead_min_words: int = option(8, "…and from this length.")
        summary_headings: list[str] = option(
            SUMMARY_HEADINGS, "Section titles that count as a summary (case-insensitive)."
        )

    def check(self, corpus, options):
        docs = corpus.documents
        names = {h.lower() for h in options.summary_headings}
        has_section = docs["headings"].map(lambda hs: any(h.lower() in names for h in hs))
        lead = docs["lead_words"].astype(float)
        has_lead = lead.between(options.lead_min_words, options.lead_max_words)
        missing = (
            docs["readable"].astype(bool)
            & docs["frontmatter_ok"].astype(bool)
            & (docs["words"] >= options.min_words)
            & docs["summary"].isna()
            & ~has_section.astype(bool)
            & ~has_lead
        )
        for path, doc in docs[missing].iterrows():
            lead_words = None if lead[path] != lead[path] else int(lead[path])
            yield self.finding(
                path,
                f"No summary: readers of its {doc['words']} words can't tell at a glance "
                "what it says.",
                words=int(doc["words"]),
                lead_paragraph_words=lead_words,
            )
