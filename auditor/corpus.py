"""The Corpus: what the load stage hands to the rules.

`documents` has one row per document, indexed by its POSIX path relative to the root;
`links` one row per link, image or wikilink with where it points and whether it resolves.
The columns are documented in `docs/corpus.md`; rules read them and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from auditor.model import Skipped


@dataclass(slots=True)
class Corpus:
    root: str
    now: pd.Timestamp
    documents: pd.DataFrame
    links: pd.DataFrame
    assets: frozenset[str] = frozenset()
    skipped: list[Skipped] = field(default_factory=list)
    #: The kinds of input given, so rules that need more can say why they are skipped.
    inputs: frozenset[str] = frozenset({"documents"})
    #: What the load stage learned about its inputs, for the report (JSON-ready):
    #: date sources, version history, site conventions.
    facts: dict[str, Any] = field(default_factory=dict)
    #: Identity keys of the current people (see `load/owners.py`), when a roster is given.
    roster: frozenset[str] | None = None
    #: Terms of the glossary file and their meaning ({} without one).
    glossary: dict[str, str] = field(default_factory=dict)
    #: Earlier names of documents -> their current path, from version history.
    renames: dict[str, str] = field(default_factory=dict)

    @property
    def files_seen(self) -> int:
        return len(self.documents) + len(self.assets) + len(self.skipped)
