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
    """Walk `root` in a stable order (a folder's files, then its subfolders, by name).

    Never leaves the folder: a symbolic link is followed only to a file inside it; links
    to folders (which may loop), links out of the folder and broken links are skipped
    with their reason, as are pipes, sockets and devices (reading one could block
    forever) and folders that cannot be listed."""
    excluded = pathspec.GitIgnoreSpec.from_lines(exclude)
    found = Discovery()
    inside = root.resolve()
    stack = [""]
    while stack:
        rel_folder = stack.pop()
        prefix = rel_folder + "/" if rel_folder else ""
        try:
            with os.scandir(root / rel_folder if rel_folder else root) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            where = prefix or "./"
            found.skipped.append(Skipped(where, f"unreadable folder: {exc.strerror or exc}"))
            continue
        subfolders = []
        for entry in entries:
            rel = prefix + entry.name
            kind = _kind(entry, inside)
            if kind == "folder":
                reason = _folder_reason(entry.name) or (
                    "excluded by configuration" if excluded.match_file(rel + "/") else None
                )
                if reason:
                    found.skipped.append(Skipped(rel + "/", reason))
                else:
                    subfolders.append(rel)
            elif kind != "file":
                found.skipped.append(Skipped(rel, kind))
            elif entry.name.startswith("."):
                found.skipped.append(Skipped(rel, "hidden file"))
            elif excluded.match_file(rel):
                found.skipped.append(Skipped(rel, "excluded by configuration"))
            elif is_document(rel, extensions):
                found.documents.append(rel)
            else:
                found.assets.append(rel)
        stack.extend(reversed(subfolders))
    return found


def _kind(entry: os.DirEntry, inside: Path) -> str:
    """ "folder", "file", or why the entry is skipped."""
    try:
        if entry.is_symlink():
            return _link_kind(entry, inside)
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        if entry.is_file(follow_symlinks=False):
            return "file"
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    return "not a regular file (a pipe, socket or device)"


def _link_kind(entry: os.DirEntry, inside: Path) -> str:
    target = Path(os.path.realpath(entry.path))
    if not target.exists():
        return "broken symbolic link"
    if not target.is_relative_to(inside):
        return "symbolic link to outside the scanned folder (not followed)"
    if target.is_dir():
        return "symbolic link to a folder (not followed)"
    if not target.is_file():
        return "symbolic link to something other than a file (not followed)"
    return "file"


def _folder_reason(name: str) -> str | None:
    if name.startswith("."):
        return "hidden folder"
    return ALWAYS_SKIPPED.get(name)
