"""The load stage: the only code that reads the file system. Produces a `Corpus`."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pandas as pd

from auditor.config import Config
from auditor.corpus import Corpus
from auditor.errors import InputError
from auditor.load.dating import resolve_dates
from auditor.load.discover import discover
from auditor.load.document import DOCUMENT_COLUMNS, read_document
from auditor.load.links import LinkTargets, resolve_links
from auditor.model import Skipped


def load_corpus(root: Path, config: Config, now: pd.Timestamp, progress=None) -> Corpus:
    """Read every document under `root`. `progress(n)` is called per file, if given."""
    if not root.exists():
        raise InputError(f"path does not exist: {root}")
    if not root.is_dir():
        raise InputError(f"not a folder: {root} (kb-audit scans a folder of documents)")
    found = discover(root, config.extensions, config.exclude)
    rows, raw_links, skipped = [], [], list(found.skipped)
    for rel in found.documents:
        loaded = read_document(root / rel, rel, config)
        if isinstance(loaded, str):
            skipped.append(Skipped(rel, loaded))
        else:
            rows.append(loaded.row)
            raw_links.extend(loaded.links)
        if progress:
            progress(1)

    documents = _documents_frame(rows)
    dates = resolve_dates(documents, config, history=None)
    targets = LinkTargets(
        documents=dict(zip(documents.index, documents["anchors"], strict=True)),
        assets=frozenset(found.assets),
        folder_index=_folder_index(documents),
        folders=_folders([*found.documents, *found.assets]),
        by_name=_names(documents),
        extensions=tuple(config.extensions),
    )
    return Corpus(
        root=str(root),
        now=now,
        documents=documents,
        links=resolve_links(raw_links, targets),
        assets=frozenset(found.assets),
        skipped=sorted(skipped, key=lambda s: s.path),
        facts={"dates": {"sources": dates.sources, "numeric_order": dates.numeric_order}},
    )


def _documents_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
    return frame.set_index("path", drop=False).sort_index()


def _folder_index(documents: pd.DataFrame) -> dict[str, str]:
    """Each folder's entry page (index, README, …), which a link to the folder serves."""
    entries = documents[documents["is_entry"].astype(bool)]
    index: dict[str, str] = {}
    for path, folder in zip(entries.index, entries["folder"], strict=True):
        index.setdefault(folder, path)
    return index


def _folders(paths: list[str]) -> frozenset[str]:
    folders = set()
    for path in paths:
        parent = PurePosixPath(path).parent
        while str(parent) != "." and str(parent) not in folders:
            folders.add(str(parent))
            parent = parent.parent
    return frozenset(folders)


def _names(documents: pd.DataFrame) -> dict[str, str]:
    """Page names and titles for wikilinks; the first document wins, as in Obsidian."""
    names: dict[str, str] = {}
    for path, name, title in zip(documents.index, documents["name"], documents["title"],
                                 strict=True):  # fmt: skip
        names.setdefault(str(name).lower(), path)
        names.setdefault(str(title).lower(), path)
    return names
