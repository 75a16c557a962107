"""Finding the files to audit. Every file seen is a document, an asset, or skipped with
a reason; nothing is dropped silently."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from auditor.model import Skipped

ALWAYS_SKIPPED = {"node_modules": "dependency folder", "__pycache__": "Python cache folder"}


@dataclass(slots=True)
class Discovery:
    documents: list[str] = field(default_factory=list)  # POSIX paths relative to the root
    assets: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def is_document(rel: str, extensions: list[str]) -> bool:
    lower = rel.lower()
    return any(lower.endswith(ext) for ext in extensions)


def discover(root: Path, extensions: list[str], exclude: list[str]) -> Discovery:
    """Walk `root` in a stable order, without following links to folders."""
    excluded = pathspec.GitIgnoreSpec.from_lines(exclude)
    found = Discovery()
    for folder, dirnames, filenames in os.walk(root):
        rel_folder = Path(folder).relative_to(root).as_posix()
        prefix = "" if rel_folder == "." else rel_folder + "/"
        kept = []
        for name in sorted(dirnames):
            rel = prefix + name
            reason = _folder_reason(name, root / rel) or (
                "excluded by configuration" if excluded.match_file(rel + "/") else None
            )
            if reason:
                found.skipped.append(Skipped(rel + "/", reason))
            else:
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            rel = prefix + name
            if name.startswith("."):
                found.skipped.append(Skipped(rel, "hidden file"))
            elif excluded.match_file(rel):
                found.skipped.append(Skipped(rel, "excluded by configuration"))
            elif is_document(rel, extensions):
                found.documents.append(rel)
            else:
                found.assets.append(rel)
    return found


def _folder_reason(name: str, path: Path) -> str | None:
    if name.startswith("."):
        return "hidden folder"
    if name in ALWAYS_SKIPPED:
        return ALWAYS_SKIPPED[name]
    if path.is_symlink():
        return "symbolic link to a folder (not followed)"
    return None
