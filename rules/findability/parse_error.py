from __future__ import annotations

from auditor.model import Severity
from auditor.rule import Rule


class ParseError(Rule):
    """
    ## What it does
    Reports files with a document extension that cannot be read as a document:
    malformed frontmatter (YAML, TOML or JSON), frontmatter that is not a mapping of keys
    to values, a key given twice (the last value is used, as site generators do), or
    bytes that are not text in a known encoding. The finding carries the parser's message and
    line. The rest of the document is still audited where it can be.

    ## Why
    A page the tools cannot read is usually a page the wiki renders wrongly too: its
    title, dates and owner are lost, so nobody can find or maintain it (TA1, TE6).

    ## Example
    ```markdown
    ---
    title: 'It\\'s broken'
    ---
    ```
    YAML does not allow `\\'` inside single quotes.

    ## Fix
    Correct the frontmatter at the line given (quote values containing `:` or `%`,
    write `''` for a quote inside single quotes), or re-save the file as UTF-8.
    """

    id = "T024"
    name = "parse-error"
    severity = Severity.ERROR
    principle = "TA1"
    summary = "The file cannot be read as a document."
    fingerprint_evidence = ("error", "duplicate_key")

    def check(self, corpus, options):
        docs = corpus.documents
        for path, doc in docs[docs["parse_error"].notna()].iterrows():
            line = doc["parse_error_line"]
            yield self.finding(
                path,
                f"Cannot be read: {doc['parse_error']}.",
                line=None if line is None or line != line else int(line),
                error=doc["parse_error"],
            )
        for path, duplicates in docs["duplicate_keys"].items():
            for key, line in duplicates:
                yield self.finding(
                    path,
                    f"The frontmatter key '{key}' appears more than once; the last value is used.",
                    line=line,
                    duplicate_key=key,
                )
