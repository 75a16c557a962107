from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.paths import matches


class DataDump(Rule):
    """
    ## What it does
    Finds documents dominated by tabular data: at least `min-rows` table rows (30 by
    default, header rows not counted) that make up at least `min-share` (half) of the
    file's lines. A Markdown table row is one line, so the share of lines is the share
    of the page the reader scrolls through as a table. Lines count the whole file,
    frontmatter and blank lines included, which errs on the side of not reporting. In
    Confluence exports lines are those of the HTML file, so the share there is rough.

    ## Why
    For technical choices, tell data-driven solutions (transactions) apart from
    information-driven ones: communication and knowledge (TE7). An inventory, a price
    list or a log kept as a page table can't be sorted, filtered, validated or fed from
    the system it comes from, and it buries whatever explanation the page has.

    ## Example
    `assets/laptops.md`: a 240-row table of serial numbers, owners and purchase dates.

    ## Fix
    Keep the data in a system made for it (a spreadsheet, a database, the inventory or
    ticketing tool) and link to it. Keep on the page what a reader needs to understand
    and use the data: what it holds, who keeps it, how to read it.
    """

    id = "T034"
    name = "data-dump"
    severity = Severity.INFO
    principle = "TE7"
    summary = "The document is mostly a large table of data that belongs in a data system."

    @dataclass(frozen=True)
    class Options:
        min_rows: int = option(30, "Fewest table rows (header rows not counted) to report.")
        min_share: float = option(
            0.5, "Share of the file's lines that are table rows from which tables dominate."
        )
        exempt: list[str] = option(
            [], 'Gitignore-style globs of documents that may be tables, e.g. "glossary.md".'
        )

    def check(self, corpus, options):
        docs = corpus.documents
        rows = docs["table_rows"].astype(int)
        share = rows / docs["lines"].where(docs["lines"] > 0)
        exempt = matches(docs.index, options.exempt).to_numpy()
        hits = (rows >= options.min_rows) & (share >= options.min_share) & ~exempt
        for path in docs.index[hits]:
            yield self.finding(
                path,
                f"{rows[path]:,} table rows make up {min(share[path], 1):.0%} of the page: "
                "keep the data in a spreadsheet or database and link to it.",
                table_rows=int(rows[path]),
                lines=int(docs.at[path, "lines"]),
                table_share=round(min(float(share[path]), 1.0), 2),
            )
