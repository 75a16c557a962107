"""Which document a page key of a usage export means: by URL, by file path, by Confluence
page id, or, as a last resort, by a unique title."""

from __future__ import annotations

import copy
import posixpath
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit, urlunsplit

import pandas as pd

from auditor.load.confluence import ConfluenceIndex
from auditor.load.sites import SiteMap, normalise_url

#: Folders documentation lives in below a repository's root: /a/b may be docs/a/b.md.
DOC_ROOTS = ("docs", "doc", "content", "content/docs", "src/pages", "pages", "wiki", "site")
#: First URL segments a site may put before the documents' paths: /docs/a/b may be a/b.md.
URL_PREFIXES = frozenset({"docs", "doc", "wiki", "kb", "handbook", "content", "latest", "stable",
                          "en", "nl"})  # fmt: skip
_PAGE_ID = re.compile(r"(?:^|&)pageId=(\d+)")
_CLOUD_PAGE = re.compile(r"/pages/(\d+)(?:/|$)")  # /wiki/spaces/KEY/pages/123/Title
_ENTRY_RANK = {"index": 0, "readme": 1, "_index": 2, "home": 3}


class Matcher:
    def __init__(
        self,
        documents: pd.DataFrame,
        site: SiteMap,
        base_urls: Sequence[str] = (),
        confluence: ConfluenceIndex | None = None,
    ) -> None:
        self.bases = tuple(dict.fromkeys([*base_urls, *site.base_urls]))
        self.confluence = confluence
        self.urls = site.urls
        paths = [str(p) for p in documents.index]
        self.paths = frozenset(paths)
        files: dict[str, str] = {p: p for p in paths}
        for path in paths:  # a/b.md answers to a/b
            files.setdefault(posixpath.splitext(path)[0], path)
        entries = [p for p, e in zip(paths, documents["is_entry"], strict=True) if e]
        for path in sorted(entries, key=lambda p: _ENTRY_RANK.get(_stem(p).lower(), 9)):
            files.setdefault(posixpath.dirname(path), path)  # a/b/index.md answers to a/b
        self.files = files
        self.lower = _lower_unique([*files.items(), *self.urls.items()])
        titles = [(_fold(t), p) for p, t in zip(paths, documents["title"], strict=True)
                  if isinstance(t, str) and t.strip()]  # fmt: skip
        counts = Counter(t for t, _ in titles)
        self.titles = {t: p for t, p in titles if counts[t] == 1}  # ambiguous titles: no match

    def with_bases(self, bases: Sequence[str]) -> Matcher:
        """This matcher with other base URLs (to test advice)."""
        other = copy.copy(self)
        other.bases = tuple(bases)
        return other

    def page(self, raw: str) -> str | None:
        """The document a page key (URL, path, page id) of an export means, or None."""
        text = raw.strip()
        if not text:
            return None
        if self.confluence is not None and (doc := self._confluence(text)):
            return doc
        key = normalise_url(text, self.bases)
        if key is None:  # another host, or not http(s)
            return None
        for candidate in _candidates(key):
            doc = self.urls.get(candidate) or self.files.get(candidate)
            if doc is not None:
                return doc
        return next((self.lower[c] for c in _candidates(key.lower()) if c in self.lower), None)

    def title(self, raw: str) -> str | None:
        """The one document with this title (case-insensitive), or None."""
        return self.titles.get(_fold(raw))

    def _confluence(self, text: str) -> str | None:
        assert self.confluence is not None
        parts = urlsplit(text)
        if match := _PAGE_ID.search(parts.query) or _CLOUD_PAGE.search(parts.path):
            doc = self.confluence.by_id.get(match[1])  # page ids are unique across spaces
        elif text.isdigit():
            doc = self.confluence.by_id.get(text)
        else:  # /display/KEY/Title, on whichever host the wiki runs
            doc = self.confluence.page_for(urlunsplit(("", "", parts.path, parts.query, "")))
        return doc if doc in self.paths else None


def _candidates(key: str) -> Iterator[str]:
    yield key
    for root in DOC_ROOTS:
        yield f"{root}/{key}" if key else root
    first, _, rest = key.partition("/")
    if first.lower() in URL_PREFIXES:
        yield rest


def _stem(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path))[0]


def _fold(title: str) -> str:
    return " ".join(title.casefold().split())


def _lower_unique(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Keys lower-cased (analytics tools may lower-case paths), kept where they don't mean
    two documents."""
    seen: dict[str, str | None] = {}
    for key, doc in pairs:
        lower = key.lower()
        seen[lower] = doc if seen.get(lower, doc) == doc else None
    return {k: v for k, v in seen.items() if v is not None}
