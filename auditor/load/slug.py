"""Heading anchors as the sites that render the documents make them.

A link's `#fragment` is valid if it matches any renderer's slug, so that a
correct link is never reported broken because another renderer slugs differently.
"""

from __future__ import annotations

import re
import unicodedata

_GITHUB_DROP = re.compile(r"[^\w\- ]", re.UNICODE)
_TOC_DROP = re.compile(r"[^\w\s-]")
_TOC_SPACE = re.compile(r"[-\s]+")


def github_slug(text: str) -> str:
    """GitHub and Docusaurus: lowercase, punctuation dropped, each space a hyphen."""
    return _GITHUB_DROP.sub("", text.strip().lower()).replace(" ", "-")


def toc_slug(text: str) -> str:
    """Python-Markdown's toc (MkDocs): ASCII-folded, runs of space and hyphen collapsed."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _TOC_SPACE.sub("-", _TOC_DROP.sub("", ascii_text).strip().lower())


class AnchorSet:
    """Collects a document's anchors, numbering repeated headings (`-1`, `-2`, `_1`)."""

    def __init__(self) -> None:
        self.anchors: list[str] = []
        self._seen: dict[str, int] = {}

    def add_heading(self, text: str) -> str:
        """Add a heading's anchors; returns its GitHub-style anchor."""
        first = ""
        for slug, sep in ((github_slug(text), "-"), (toc_slug(text), "_")):
            count = self._seen.get((slug, sep), 0)
            self._seen[(slug, sep)] = count + 1
            anchor = slug if count == 0 else f"{slug}{sep}{count}"
            self.anchors.append(anchor)
            first = first or anchor
        return first

    def add_id(self, anchor: str) -> None:
        self.anchors.append(anchor.lower())
