"""Heading anchors as the sites that render the documents make them.

A link's `#fragment` is valid if it matches any renderer's slug, so that a
correct link is never reported broken because another renderer slugs differently.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

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


SLUG_STYLES = ("github", "mkdocs")


class AnchorSet:
    """Collects a document's anchors per slug style, numbering repeated headings as each
    renderer does (`setup-1` on GitHub, `setup_1` in MkDocs), plus explicit ids."""

    def __init__(self) -> None:
        self.by_style: dict[str, list[str]] = {"github": [], "mkdocs": [], "id": []}
        self._seen: dict[tuple[str, str], int] = {}

    def add_heading(self, text: str) -> str:
        """Add a heading's anchors; returns its GitHub-style anchor."""
        for style, slug, sep in (("github", github_slug(text), "-"),
                                 ("mkdocs", toc_slug(text), "_")):  # fmt: skip
            count = self._seen.get((style, slug), 0)
            self._seen[(style, slug)] = count + 1
            self.by_style[style].append(slug if count == 0 else f"{slug}{sep}{count}")
        return self.by_style["github"][-1]

    def add_id(self, anchor: str) -> None:
        self.by_style["id"].append(anchor.lower())

    def frozen(self) -> dict[str, tuple[str, ...]]:
        """The anchors per style, as tuples: a page's anchors are kept for every document
        of the audit, and a tuple of 20 slugs takes a tenth of a frozenset's memory. Most
        headings slug alike in both styles: then both styles share one tuple."""
        github, mkdocs = tuple(self.by_style["github"]), tuple(self.by_style["mkdocs"])
        return {"github": github, "mkdocs": github if mkdocs == github else mkdocs,
                "id": tuple(self.by_style["id"])}  # fmt: skip


def anchors_for(anchors: dict[str, tuple[str, ...]], style: str) -> Collection[str]:
    """The anchors a link may name under a slug style ("github", "mkdocs" or "any"): the
    page's own tuple when one style holds them all (no copy per document), else a set."""
    styles = SLUG_STYLES if style == "any" else (style,)
    parts = [part for key in ("id", *styles) if (part := anchors.get(key, ()))]
    if len({id(part) for part in parts}) == 1:  # GitHub's and MkDocs' slugs are one tuple
        return parts[0]
    return frozenset().union(*parts)
