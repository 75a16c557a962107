"""Collecting a site's URLs, pages, routes and redirects into a `SiteMap`."""

from __future__ import annotations

from collections.abc import Iterable

from auditor.load.sites.site_folder import Site
from auditor.load.sites.sitemap import SiteMap, normalise_url


class Builder:
    """Collects URLs; the first document to claim a URL keeps it, a clash is noted."""

    def __init__(self, kind: str | None, site: Site | None, base_urls: Iterable[str]) -> None:
        self.kind, self.site = kind, site
        self.base_urls = tuple(b for b in base_urls if b)
        self.urls: dict[str, str] = {}
        self.pages: dict[str, str] = {}
        self.in_nav: set[str] = set()
        self.routes: dict[str, str | None] = {}
        self.redirects: dict[str, str] = {}
        self.complete: set[str] = set()
        self.notes: list[str] = []

    def serve(self, doc: str, url: str, note_clash: bool = True) -> None:
        """`doc`'s own URL."""
        key = normalise_url(url)
        if key is None:
            return
        self.pages.setdefault(doc, url.lstrip("/"))
        other = self.urls.setdefault(key, doc)
        if other != doc and note_clash:
            self.note(f"{other} and {doc} are both served at /{key}; the site shows only one")

    def alias(self, doc: str, url: str) -> None:
        """Another URL that leads to `doc` (an alias, a redirect, a permalink)."""
        key = normalise_url(url, self.base_urls)
        if key is not None:
            self.urls.setdefault(key, doc)

    def route(self, url: str, file: str | None = None) -> None:
        key = normalise_url(url)
        if key is not None and key not in self.urls:
            self.routes.setdefault(key, file)

    def redirect(self, old: str, new: str) -> None:
        old_key, new_key = normalise_url(old, self.base_urls), normalise_url(new, self.base_urls)
        if old_key is not None and new_key is not None and old_key != new_key:
            self.redirects[old_key] = new_key

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def build(self) -> SiteMap:
        for old, new in self.redirects.items():  # a redirect leads to what its target serves
            new = self.redirects.get(new, new)
            if new in self.urls:
                self.urls.setdefault(old, self.urls[new])
        config = self.site.label if self.site is not None else None
        return SiteMap(
            kind=self.kind,
            urls=self.urls,
            in_nav=frozenset(self.in_nav),
            notes=tuple(self.notes),
            pages=self.pages,
            routes={k: v for k, v in self.routes.items() if k not in self.urls},
            redirects=self.redirects,
            base_urls=self.base_urls,
            config=config,
            complete=frozenset(self.complete),
        )
