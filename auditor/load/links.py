"""Resolving links between documents: relative paths, folder index pages, anchors,
percent-encoding, wikilinks by page name. Outside links are kept but not checked."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

import pandas as pd

from auditor.load.slug import github_slug

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
LINK_COLUMNS = [
    "source", "line", "kind", "target", "scope", "target_path", "anchor", "status",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class LinkTargets:
    """What links can point at: documents with their anchors, and other files."""

    documents: dict[str, frozenset[str]]  # path -> anchors
    assets: frozenset[str]
    folder_index: dict[str, str]  # folder -> its entry document
    folders: frozenset[str]  # every folder that holds a file
    by_name: dict[str, str]  # lower-case page name or title -> path (for wikilinks)
    extensions: tuple[str, ...]

    def find(self, path: str) -> str | None:
        """The document or file a normalised path means, trying the ways sites serve them."""
        path = path.strip("/") if path not in ("", "/") else ""
        if path in self.documents or path in self.assets:
            return path
        if path in self.folder_index or path == "":
            return self.folder_index.get(path or ".")
        if path in self.folders:  # a folder without an index page: listed by a file browser
            return path
        for ext in self.extensions:  # `guide` or `guide/` for guide.md
            if path + ext in self.documents:
                return path + ext
        return None


def resolve_links(raw: list[dict], targets: LinkTargets) -> pd.DataFrame:
    rows = [{**link, **_resolve(link["source"], link["kind"], link["target"], targets)}
            for link in raw]  # fmt: skip
    return pd.DataFrame(rows, columns=LINK_COLUMNS)


def _resolve(source: str, kind: str, target: str, targets: LinkTargets) -> dict:
    target = target.strip()
    if not target:
        return {"scope": "internal", "target_path": None, "anchor": None, "status": "empty"}
    if _SCHEME.match(target) or target.startswith("//"):
        return {"scope": "external", "target_path": None, "anchor": None, "status": "unchecked"}
    if kind in ("wikilink", "embed"):
        return _resolve_wikilink(source, target, targets)
    path_part, _, anchor = target.partition("#")
    path_part = unquote(path_part.split("?", 1)[0])
    anchor = unquote(anchor) or None
    if not path_part:  # `#section` on the same page
        return _with_anchor(source, anchor, targets, scope="anchor")
    base = "" if path_part.startswith("/") else posixpath.dirname(source)
    joined = posixpath.normpath(posixpath.join(base, path_part.lstrip("/")))
    if joined == ".." or joined.startswith("../"):
        return {"scope": "internal", "target_path": None, "anchor": anchor, "status": "outside"}
    found = targets.find("" if joined == "." else joined)
    if found is None:
        return {"scope": "internal", "target_path": joined, "anchor": anchor, "status": "missing"}
    return _with_anchor(found, anchor, targets, scope="internal")


def _resolve_wikilink(source: str, target: str, targets: LinkTargets) -> dict:
    name, _, anchor = target.partition("#")
    name = name.split("|", 1)[0].strip()
    anchor = anchor.split("|", 1)[0].strip() or None
    if not name:
        return _with_anchor(source, anchor, targets, scope="anchor")
    found = (
        targets.find(posixpath.normpath(name))
        or targets.find(posixpath.normpath(posixpath.join(posixpath.dirname(source), name)))
        or targets.by_name.get(name.lower())
    )
    if found is None:
        return {"scope": "internal", "target_path": name, "anchor": anchor, "status": "missing"}
    return _with_anchor(found, anchor, targets, scope="internal", slug=True)


def _with_anchor(path: str, anchor: str | None, targets: LinkTargets, scope: str, slug=False):
    status = "ok"
    anchors = targets.documents.get(path)
    if anchor and anchors is not None:
        # wikilinks name the heading itself: [[Page#Some heading]]
        wanted = github_slug(anchor) if slug else anchor.lower()
        if wanted not in anchors:
            status = "missing-anchor"
    return {"scope": scope, "target_path": path, "anchor": anchor, "status": status}
