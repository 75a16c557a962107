from __future__ import annotations

from dataclasses import dataclass
from posixpath import basename

import pandas as pd

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.paths import matches


class FolderOverload(Rule):
    """
    ## What it does
    Finds folders that hold too many documents directly (subfolders not counted): more
    than `max-documents` (20 by default), or more than `max-without-index` (7 by default)
    when the folder has no index page. An index page is an entry page (`index`, `README`,
    `home`, `_index`; configurable with `entry-pages`) in the folder, or a folder note: a
    page named like the folder, inside it (`guides/guides.md`) or beside it (`guides.md`
    next to `guides/`).

    There is one finding per folder. Its path is the folder with a trailing slash
    (`guides/`, and `./` for the top folder), like skipped folders: a folder is not a
    document, so the finding does not lower any document's score.

    ## Why
    Offer knowledge in small, digestible pieces at the right moment; otherwise people
    face a "paradox of choice" (TE5). Thirty page titles side by side, or a dozen with
    nothing saying where to start, make a reader choose before they can read.

    ## Example
    `procedures/` with 34 pages side by side, or `onboarding/` with 9 pages and no
    `README.md`.

    ## Fix
    Group the pages into a few subfolders by the question they answer, and give each
    folder an index page that says which page to read first. Archive what nobody needs.
    """

    id = "T032"
    name = "folder-overload"
    severity = Severity.INFO
    principle = "TE5"
    summary = "A folder holds too many documents side by side, or many without an index page."

    @dataclass(frozen=True)
    class Options:
        max_documents: int = option(20, "Most documents a folder may hold directly.")
        max_without_index: int = option(
            7, "Most documents a folder may hold directly when it has no index page."
        )
        exempt: list[str] = option(
            [],
            'Gitignore-style globs of documents that don\'t count, e.g. "blog/**" for a '
            "folder of dated posts.",
        )

    def check(self, corpus, options):
        docs = corpus.documents
        docs = docs[~matches(docs.index, options.exempt).to_numpy()]
        counts = docs["folder"].value_counts()
        crowded = counts[counts > min(options.max_documents, options.max_without_index)]
        indexed = _indexed_folders(docs)
        for folder, n in sorted(crowded.items()):
            has_index = folder in indexed
            too_many = n > options.max_documents
            if not too_many and has_index:
                continue
            if too_many:
                message = (
                    f"{n} pages side by side: group them into subfolders "
                    f"(at most {options.max_documents} in one folder)"
                )
                message += "." if has_index else ", and add an index page."
            else:
                message = (
                    f"{n} pages and no index page: add one that says where to start "
                    f"(more than {options.max_without_index} pages need one)."
                )
            yield self.finding(
                "./" if folder == "." else f"{folder}/",
                message,
                documents=int(n),
                has_index=has_index,
                max_documents=options.max_documents,
                max_without_index=options.max_without_index,
            )


def _indexed_folders(docs: pd.DataFrame) -> set[str]:
    """Folders with an entry page, or a folder note inside (`a/a.md`) or beside (`a.md`)."""
    folders, names = docs["folder"], docs["name"].str.lower()
    entries = set(folders[docs["is_entry"].astype(bool)])
    inside = set(folders[names == folders.map(lambda f: basename(f).lower())])
    # A page's path without extension, as a folder would be named: `a.md` -> `a`.
    as_folder = {n if f == "." else f"{f}/{n}".lower() for f, n in zip(folders, names, strict=True)}
    beside = {f for f in set(folders) if f.lower() in as_folder}
    return entries | inside | beside
