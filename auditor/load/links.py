"""Resolving links between documents: relative paths, folder index pages, anchors,
percent-encoding, site-absolute URLs through the site's conventions, `.html` links to
Markdown sources, and wikilinks by page or file name. Outside links are kept but not
checked. A link that works only on a case-insensitive file system is reported as such."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import unquote

import pandas as pd

from auditor.load.sites import SiteMap, normalise_url
from auditor.load.slug import github_slug

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
LINK_COLUMNS = [
    "source", "line", "kind", "target", "scope", "target_path", "anchor", "status",
]  # fmt: skip


class LinkRef(NamedTuple):
    """A link as a document writes it, before it is resolved. A tuple, not a dict: a big
    wiki has ten links a page, all held until they are resolved."""

    source: str
    line: int | None
    kind: str
    target: str


Resolution = tuple[str, str | None, str | None, str]  # scope, target_path, anchor, status


@dataclass(frozen=True, slots=True)
class LinkTargets:
    """What links can point at: documents with their anchors, and other files."""

    documents: dict[str, Collection[str]]  # path -> anchors
    assets: frozenset[str]
    folder_index: dict[str, str]  # folder -> its entry document
    folders: frozenset[str]  # every folder that holds a file
    by_name: dict[str, str]  # lower-case page name, title or file name -> path (wikilinks)
    extensions: tuple[str, ...]
    site: SiteMap = field(default_factory=lambda: SiteMap(None, {}, frozenset()))
    lower: dict[str, str] = field(default_factory=dict)  # lower-case path -> path

    def find(self, path: str) -> str | None:
        """The document or file a normalised path means, trying the ways sites serve them."""
        path = path.strip("/") if path not in ("", "/") else ""
        if path in self.documents or path in self.assets:
            return path
        if path in self.folder_index or path == "":
            return self.folder_index.get(path or ".")
        if path in self.folders:  # a folder without an index page: listed by a file browser
            return path
        stem = path.removesuffix(".html")  # mdBook, converted Confluence: x.html is x.md
        for ext in self.extensions:  # `guide`, `guide/` or `guide.html` for guide.md
            if stem + ext in self.documents:
                return stem + ext
        if stem != path and stem.endswith("/index"):
            return self.folder_index.get(stem.removesuffix("/index"))
        return None

    def find_ignoring_case(self, path: str) -> str | None:
        candidates = [path.strip("/"), *(path.strip("/") + ext for ext in self.extensions)]
        return next((self.lower[c.lower()] for c in candidates if c.lower() in self.lower), None)


def resolve_links(raw: list[LinkRef], targets: LinkTargets) -> pd.DataFrame:
    shared: dict[str | None, str | None] = {}  # one string per target: pages share targets
    return pd.DataFrame(
        [(*link, scope, shared.setdefault(path, path), anchor, status)
         for link, (scope, path, anchor, status) in _resolve_all(raw, targets)],
        columns=LINK_COLUMNS,
    )  # fmt: skip


def _resolve_all(raw: list[LinkRef], targets: LinkTargets) -> Iterator[tuple[LinkRef, Resolution]]:
    """Each link with what it resolves to. The pages of a folder link the same targets (a
    third of all links, on a generated wiki), and without a site a link means the same
    from every page of its folder unless it points into its own page (scope "anchor"):
    those are resolved once per folder. With a site, a link is relative to its page's URL."""
    memo = targets.site.kind is None
    page, folder, known = None, None, {}
    for link in raw:
        if not memo:
            yield link, _resolve(link.source, link.kind, link.target, targets)
            continue
        if link.source != page:  # a page's links come together
            page = link.source
            if (here := posixpath.dirname(page)) != folder:
                folder, known = here, {}  # pages come folder by folder: memory stays small
        resolved = known.get((link.kind, link.target))
        if resolved is None:
            resolved = _resolve(link.source, link.kind, link.target, targets)
            if resolved[0] != "anchor":
                known[link.kind, link.target] = resolved
        yield link, resolved


def _result(scope: str, target_path: str | None, anchor: str | None, status: str) -> Resolution:
    return scope, target_path, anchor, status


def _resolve(source: str, kind: str, target: str, targets: LinkTargets) -> Resolution:
    target = target.strip()
    if not target:
        return _result("internal", None, None, "empty")
    if _SCHEME.match(target) or target.startswith("//"):
        return _resolve_url(target, targets)
    if kind in ("wikilink", "embed"):
        return _resolve_wikilink(source, target, targets)
    path_part, _, anchor = target.partition("#")
    path_part = unquote(path_part.split("?", 1)[0])
    anchor = unquote(anchor) or None
    if not path_part:  # `#section` on the same page
        return _with_anchor(source, anchor, targets, scope="anchor")
    site = targets.site
    if path_part.startswith("/") and (page := _site_page(site, path_part)):
        return _with_anchor(page, anchor, targets, scope="internal")  # the site's URL rules
    base = "" if path_part.startswith("/") else posixpath.dirname(source)
    joined = posixpath.normpath(posixpath.join(base, path_part.lstrip("/")))
    found = None if joined.startswith("..") else targets.find("" if joined == "." else joined)
    if found is not None:
        return _with_anchor(found, anchor, targets, scope="internal")
    if not path_part.startswith("/") and (page := _site_page(site, path_part, source)):
        return _with_anchor(page, anchor, targets, scope="internal")  # relative to its URL
    status = _unresolved(site, path_part, source, kind)
    if joined == ".." or joined.startswith("../"):
        return _result("internal", None, anchor, "outside" if status == "missing" else status)
    if other_case := targets.find_ignoring_case(joined):
        return _result("internal", other_case, anchor, "case-mismatch")
    return _result("internal", joined, anchor, status)


def _unresolved(site: SiteMap, path: str, source: str, kind: str = "link") -> str:
    """A link to no document or file: missing, or, on a generated site, maybe a page the
    generator makes (a React page, a tag list) or one outside the scanned folder. A
    relative link to a file (an image, `x.pdf`) must find that file: generators copy it."""
    names_a_file = posixpath.splitext(path)[1].lower() not in ("", ".html", ".htm")
    if site.kind is None or (not path.startswith("/") and (kind == "image" or names_a_file)):
        return "missing"
    try:
        if path.startswith("/"):
            key = normalise_url(path, site.base_urls)
        elif source in site.pages:
            key = normalise_url(posixpath.join("/" + site.pages[source], path))
        else:
            return "missing"
    except ValueError:  # no URL (see _site_page): no page the generator makes either
        return "missing"
    if key is None or site.is_known(key):
        return "ok"
    return "missing" if site.is_broken(key) else "unverified"


def _resolve_url(target: str, targets: LinkTargets) -> Resolution:
    """A full URL is checked only when it points into the site itself (its base URLs)."""
    site = targets.site
    try:
        path = normalise_url(target, site.base_urls) if site.base_urls else None
    except ValueError:  # see _site_page: not an address of the site
        path = None
    if path is None:
        return _result("external", None, None, "unchecked")
    anchor = unquote(target.partition("#")[2]) or None
    page = site.urls.get(path) or targets.find(path)
    if page is not None:
        return _with_anchor(page, anchor, targets, scope="internal")
    status = "ok" if site.is_known(path) else _unresolved(site, "/" + path, "", "link")
    return _result("internal", path, anchor, status)


def _site_page(site: SiteMap, target: str, source: str | None = None) -> str | None:
    """The page the site serves at the URL `target`, or None. A link whose host Python's
    `urlsplit` refuses (`http://[::1`, `/%2F[x]/`, which unquotes to `//[x]/`) is no URL
    of the site: a broken link to report, never an exception that ends the audit."""
    try:
        return site.resolve(target, source)
    except ValueError:
        return None


def _resolve_wikilink(source: str, target: str, targets: LinkTargets) -> Resolution:
    """Obsidian's rules: a path, else a page or file name anywhere, ignoring case."""
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
        return _result("internal", name, anchor, "missing")
    return _with_anchor(found, anchor, targets, scope="internal", slug=True)


def _with_anchor(path: str, anchor: str | None, targets: LinkTargets, scope: str, slug=False):
    status = "ok"
    anchors = targets.documents.get(path)
    if anchor and anchors is not None:
        # wikilinks name the heading itself: [[Page#Some heading]]
        wanted = github_slug(anchor) if slug else anchor.lower()
        if wanted not in anchors:
            status = "missing-anchor"
    return _result(scope, path, anchor, status)
