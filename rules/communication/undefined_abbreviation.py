from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.paths import matches

#: Abbreviations every reader knows, or that are the usual name of the thing.
COMMON = [
    "AI", "AM", "API", "ASAP", "BE", "BIC", "BTW", "BV", "CC", "CEO", "CFO", "CIO", "COVID",
    "CSS", "CSV", "CTO", "CV", "DNS", "EU", "FAQ", "FYI", "GB", "GET", "GIF", "GPS", "HR",
    "HTML", "HTTP", "HTTPS", "IBAN", "ICT", "ID", "IP", "ISO", "IT", "JPEG", "JPG", "JSON", "KB",
    "MB", "NB", "NL", "NV", "OK", "PC", "PDF", "PIN", "PM", "PNG", "POST", "PS", "PUT", "QR",
    "SMS", "SQL", "SSH", "SVG", "TB", "TV", "UI", "UK", "URL", "USA", "USB", "UTC", "UTF", "UX",
    "VAT", "VZW", "XML", "ZIP",
]  # fmt: skip
GLOSSARY_PAGES = [
    "glossary*", "glossarium*", "begrippenlijst*", "woordenlijst*", "afkortingen*",
    "abbreviations*", "acronyms*",
]  # fmt: skip
_LISTED = 6  # abbreviations named in the message; the evidence has them all


class UndefinedAbbreviation(Rule):
    """
    ## What it does
    Finds abbreviations that a document uses but never explains, and that the glossary
    does not define. An abbreviation is a word of 2–6 capitals and digits with at least
    two capitals (`SLA`, `AVG`, `K8S`, plurals such as `SLAs` and `KPI's` included) in the
    prose: code, links' addresses, Roman numerals, ticket keys (`OPS-123`), capitalised
    words for emphasis (`NOT`, `NIET`) and lines written in capitals don't count.

    It is explained in the document by an expansion whose initials match, in English or
    Dutch and in either order — "Service Level Agreement (SLA)", "SLA (Service Level
    Agreement)", "SLA: Service Level Agreement", "SLA stands for …", "Algemene Verordening
    Gegevensbescherming (hierna: AVG)" (small words such as *of*, *the*, *van*, *de* may be
    left out) — or by a line that defines it: `SLA: …`, `**SLA** – …`, a definition list.
    One explanation anywhere in the document is enough.

    The glossary defines abbreviations for every document: the file given with
    `--glossary` (Markdown or text with `TERM: meaning` lines, tables or definition lists;
    CSV/TSV; YAML/JSON), and glossary pages in the knowledge base (`glossary-pages`),
    where a table row or list item starting with the abbreviation is definition enough.
    Abbreviations everyone knows are on the `allow` list.

    There is one finding per document, at the first use of the first unexplained
    abbreviation; the evidence lists each one with the line it is first used on.

    ## Why
    The guide asks to make concepts, words and abbreviations explicit (CO3). A newcomer
    who meets `RPO` has to ask someone, or guess. The guide itself shows how easily it
    happens: it refers to its "JERI principle" without ever saying what JERI stands for.

    ## Example
    ```markdown
    Restores must meet the RPO agreed in the SLA.
    ```
    with neither abbreviation written out on the page or in the glossary.

    ## Fix
    Write the abbreviation out at its first use: "the Recovery Point Objective (RPO)".
    For abbreviations used on many pages, add them to the glossary instead. An
    abbreviation every reader knows can go on the `allow` list.
    """

    id = "C001"
    name = "undefined-abbreviation"
    severity = Severity.INFO
    principle = "CO3"
    summary = "An abbreviation is used but not explained in the document or the glossary."

    @dataclass(frozen=True)
    class Options:
        allow: list[str] = option(
            COMMON, "Abbreviations that need no explanation. Setting it replaces the list."
        )
        also_allow: list[str] = option(
            [], "More abbreviations that need no explanation, added to `allow`."
        )
        glossary_pages: list[str] = option(
            GLOSSARY_PAGES,
            "Gitignore-style globs of the knowledge base's glossary pages, whose definitions "
            "count for every document.",
        )

    def check(self, corpus, options):
        docs = corpus.documents
        pages = matches(docs.index, options.glossary_pages) & docs["readable"].astype(bool)
        defined = {term.upper() for term in corpus.glossary}
        for definitions in docs.loc[pages, "definitions"]:
            defined.update(definitions)
        defined.update(a.upper() for a in [*options.allow, *options.also_allow])
        for path, used, explained in zip(
            docs.index, docs["abbreviations"], docs["expansions"], strict=True
        ):
            unexplained = {
                abbr: line
                for abbr, line in used.items()
                if abbr not in defined and abbr not in explained
            }
            if not unexplained:
                continue
            named = [f"{abbr} (line {line})" for abbr, line in unexplained.items()]
            more = len(named) - _LISTED
            listed = ", ".join(named[:_LISTED]) + (f" and {more} more" if more > 0 else "")
            what = "abbreviation is" if len(named) == 1 else "abbreviations are"
            yield self.finding(
                path,
                f"{len(named)} {what} used but never explained: {listed}. Write each out at "
                "its first use, or add it to the glossary.",
                line=min(unexplained.values()),
                abbreviations=unexplained,
            )
