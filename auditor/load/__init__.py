"""The load stage: the only code that reads the file system and git. Produces a `Corpus`."""

from __future__ import annotations

import dataclasses
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd

from auditor.config import Config
from auditor.corpus import Corpus
from auditor.errors import InputError
from auditor.load.abbreviations import read_glossary
from auditor.load.cache import DocumentCache, history_file, open_cache
from auditor.load.confluence import export_index, is_confluence_export
from auditor.load.dating import resolve_dates
from auditor.load.discover import discover
from auditor.load.document import DOCUMENT_COLUMNS
from auditor.load.graph import click_depths
from auditor.load.history import read_history
from auditor.load.links import LinkTargets, resolve_links
from auditor.load.owners import apply_owners, find_codeowners, owner_facts, read_roster
from auditor.load.reader import jobs_for, read_documents
from auditor.load.sites import read_site
from auditor.load.slug import anchors_for
from auditor.load.usage import map_usage, read_usage
from auditor.model import Skipped
from auditor.timing import Stopwatch

CONFLUENCE_EXTENSIONS = [".html"]


def load_corpus(
    root: Path, config: Config, now: pd.Timestamp, progress=None, timings=None
) -> Corpus:
    """Read every document under `root`. `progress(done, total)` is called per file read,
    if given; `timings` (a dict) receives the seconds each stage took."""
    if not root.exists():
        raise InputError(f"path does not exist: {root}")
    if not root.is_dir():
        raise InputError(f"not a folder: {root} (kb-audit scans a folder of documents)")
    clock = Stopwatch(timings)
    views = None
    if config.usage:  # read first: a bad usage file fails before the long part
        with clock.stage("usage"):
            files = [Path(f) for f in config.usage]
            views = read_usage(files, now, config.usage_window_days, config.usage_columns)
    roster = read_roster(Path(config.roster)) if config.roster else None
    glossary = read_glossary(Path(config.glossary)) if config.glossary else {}
    codeowners = find_codeowners(root, Path(config.codeowners) if config.codeowners else None)
    with clock.stage("discover"):
        confluence = is_confluence_export(root)
        extensions = config.extensions + (CONFLUENCE_EXTENSIONS if confluence else [])
        found = discover(root, extensions, config.exclude)
    with clock.stage("read"):
        index = export_index(root) if confluence else None
        cache = open_cache(root, config)
        # Rows go into columns as they come: a dict a document, all held until the end,
        # was gigabytes at a million documents.
        columns: dict[str, list] = {name: [] for name in DOCUMENT_COLUMNS}
        raw_links, skipped = [], list(found.skipped)
        for rel, loaded in read_documents(root, found.documents, config, index, cache, progress):
            if isinstance(loaded, str):
                skipped.append(Skipped(rel, loaded))
            else:
                for name, values in columns.items():
                    values.append(loaded.row.get(name, np.nan))
                raw_links.extend(loaded.links)
        documents = _documents_frame(columns)
        del columns
        apply_owners(documents, root, codeowners)
    history = None
    if config.git_history:
        with clock.stage("history"):
            history = read_history(
                root,
                documents.index,
                config.bulk_commit_files,
                history_file(root, config),
                jobs=jobs_for(config),
            )
    with clock.stage("dates"):
        dates = resolve_dates(documents, config, history.frame if history else None)
        site = read_site(root, documents)
        documents["in_nav"] = documents.index.isin(site.in_nav)
    usage = None
    if views is not None:
        with clock.stage("usage"):
            usage = map_usage(views, documents, site, config.base_urls, index)
            documents[list(usage.documents.columns)] = usage.documents
    assets = frozenset(found.assets)
    slugs = config.anchor_slugs
    if slugs == "auto":
        slugs = "mkdocs" if site.kind == "mkdocs" else "github"
    targets = LinkTargets(
        documents={
            path: anchors_for(anchors, slugs)
            for path, anchors in zip(documents.index.tolist(), documents["anchors"], strict=True)
        },
        assets=assets,
        folder_index=_folder_index(documents),
        folders=_folders([*found.documents, *found.assets]),
        by_name=_names(documents, assets),
        extensions=tuple(extensions),
        site=dataclasses.replace(site, base_urls=(*config.base_urls, *site.base_urls)),
        lower={p.lower(): p for p in [*documents.index, *assets]},
    )
    inputs = {"documents"} | ({"history"} if history and history.available else set())
    if usage is not None:
        inputs.add("usage")
    inputs |= {"roster"} if roster else set()
    inputs |= {"glossary"} if glossary else set()
    with clock.stage("links"):
        links = resolve_links(raw_links, targets)
        del raw_links
        documents["click_depth"] = click_depths(documents, links)
    return Corpus(
        root=str(root),
        now=now,
        documents=documents,
        links=links,
        assets=assets,
        skipped=sorted(skipped, key=lambda s: s.path),
        inputs=frozenset(inputs),
        roster=roster.keys if roster else None,
        glossary=glossary,
        renames=history.renames if history else {},
        facts={
            "owners": owner_facts(root, codeowners, roster),
            **({"glossary": {"file": config.glossary, "terms": len(glossary)}} if glossary else {}),
            "format": "confluence" if confluence else "markdown",
            "reading": _reading_facts(cache, config, len(found.documents)),
            "dates": {"sources": dates.sources, "numeric_order": dates.numeric_order},
            "history": _history_facts(history),
            "site": {"kind": site.kind, "config": site.config, "notes": list(site.notes)},
            "links": {k: int(v) for k, v in links["status"].value_counts().items()},
            **(
                {
                    "usage": {
                        **usage.facts,
                        "files": list(views.files),
                        "window_days": config.usage_window_days,
                    }
                }
                if usage is not None
                else {}
            ),
        },
    )


def _documents_frame(columns: dict[str, list]) -> pd.DataFrame:
    """The documents, by path. Each column's type is inferred as from a list of rows."""
    if not columns["path"]:
        return pd.DataFrame(columns=DOCUMENT_COLUMNS).set_index("path", drop=False)
    return pd.DataFrame(columns).set_index("path", drop=False).sort_index()


def _reading_facts(cache: DocumentCache | None, config: Config, documents: int) -> dict:
    """How the documents were read: processes, and what the cache served."""
    facts: dict = {"jobs": jobs_for(config), "cache": None}
    if cache is not None:
        facts["cache"] = {
            "file": str(cache.file),
            "reused": cache.hits,
            "read": documents - cache.hits,
            "note": cache.note,
        }
    return facts


def _history_facts(history) -> dict:
    if history is None:
        return {
            "available": False,
            "disabled": True,
            "note": "version history not read (git-history = false)",
        }
    return {
        "available": history.available,
        "note": history.note,
        "shallow": history.shallow,
        "bulk_commits": history.bulk_commits,
    }


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


def _names(documents: pd.DataFrame, assets: frozenset[str]) -> dict[str, str]:
    """Names for wikilinks and embeds, lower-case: page names, titles, and file names
    anywhere in the vault. The first in path order wins, as in Obsidian."""
    names: dict[str, str] = {}
    for path, name, title in zip(documents.index.tolist(), documents["name"].tolist(),
                                 documents["title"].tolist(), strict=True):  # fmt: skip
        names.setdefault(str(name).lower(), path)
        names.setdefault(PurePosixPath(path).name.lower(), path)
        names.setdefault(str(title).lower(), path)
    for path in sorted(assets):
        names.setdefault(PurePosixPath(path).name.lower(), path)
    return names
