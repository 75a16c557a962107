from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.paths import matches

#: Punctuation, underscores, and a `+` or `#` that does not end a word: "C++" and "C#"
#: stay apart from "C", while "Q&A" and "Q & A" meet.
_PUNCTUATION = r"[^\w\s+#]|_|(?<![\w+#])[+#]"
_NAMED = 3  # other pages named in a message; the evidence lists them all


class DuplicateTitle(Rule):
    """
    ## What it does
    Finds documents that share their title with another document. Titles are compared
    after Unicode normalisation (NFKC), ignoring case, punctuation and spacing: `Deploy
    runbook`, `deploy-runbook` and `Deploy Runbook!` are the same title. Every document of
    such a group is reported, naming the others.

    The title is the one the loader finds: the frontmatter `title`, else the first level-1
    heading, else the file name. Entry pages (`index`, `README`, `home`, `_index`) whose
    title is only their file name don't count: every folder has one, by convention. Other
    pages without a title of their own do count: search results and links show their file
    name, and two `notes.md` look the same there. Titles that may repeat, such as
    `Overview` in every service's folder, can be allowed with `ignore-titles`.

    ## Why
    Think about your structure first and attach knowledge to it logically (TE1). Two pages
    with one title are either one subject in two places, or two subjects that readers
    can't tell apart in search results and links: both make knowledge harder to find
    (TA1).

    ## Example
    `ops/deploy.md` with `title: Deploy runbook`, and `platform/Deploy-Runbook.md` whose
    first heading is `# Deploy Runbook`.

    ## Fix
    If both pages cover the same subject, merge them into one. If not, give each a title
    that says what sets it apart: `Deploy runbook: payments API`.
    """

    id = "T022"
    name = "duplicate-title"
    severity = Severity.WARNING
    principle = "TE1"
    summary = "Another document has the same title."

    @dataclass(frozen=True)
    class Options:
        ignore_titles: list[str] = option(
            [], 'Titles that may repeat, compared as titles are, e.g. ["Overview", "Changelog"].'
        )
        exempt: list[str] = option(
            [], 'Gitignore-style globs of documents whose titles are not compared, e.g. "blog/**".'
        )

    def check(self, corpus, options):
        docs = corpus.documents
        key = normalise_titles(docs["title"])
        entry = docs["is_entry"].astype(bool)
        generic = key[entry] == normalise_titles(docs.loc[entry, "name"])
        allowed = set(normalise_titles(pd.Series(options.ignore_titles, dtype=object)))
        counted = (
            docs["readable"].astype(bool)
            & (key != "")
            & ~docs.index.isin(generic.index[generic])
            & ~key.isin(allowed)
            & ~matches(docs.index, options.exempt)
        )
        key = key[counted]
        shared = key[key.duplicated(keep=False)]
        facts = docs.loc[shared.index, ["title", "title_source", "title_line"]].to_dict("index")
        for group in shared.index.groupby(shared.to_numpy()).values():
            for path in group:
                others = [p for p in group if p != path]
                named = ", ".join(others[:_NAMED])
                if len(others) > _NAMED:
                    named += f" and {len(others) - _NAMED} more"
                doc = facts[path]
                line = doc["title_line"]  # of the heading; None for other titles
                yield self.finding(
                    path,
                    f'The title "{doc["title"]}" is also the title of {named}: '
                    "readers can't tell the pages apart.",
                    line=None if pd.isna(line) else line,
                    title=doc["title"],
                    title_source=doc["title_source"],
                    same_title=others,
                )


def normalise_titles(titles: pd.Series) -> pd.Series:
    """Titles as compared: NFKC, case-folded, punctuation dropped, spacing collapsed."""
    text = titles.fillna("").astype(str).str.normalize("NFKC").str.casefold()
    text = text.str.replace(_PUNCTUATION, " ", regex=True)
    return text.str.split().str.join(" ")
