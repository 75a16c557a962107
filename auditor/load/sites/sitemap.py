"""What a generated site serves (`SiteMap`), and URLs as its keys (`normalise_url`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True, slots=True)
class SiteMap:
    """What a generated site serves. URLs are normalised (`normalise_url`); document paths
    are POSIX and relative to the scanned root."""

    kind: str | None  # "mkdocs" | "docusaurus" | "hugo" | "jekyll" | None
    urls: dict[str, str]  # URL -> the document served there (redirect sources included)
    in_nav: frozenset[str]  # documents the site's navigation lists
    notes: tuple[str, ...] = ()  # user-facing one-liners about the site's configuration
    pages: dict[str, str] = field(default_factory=dict)  # document -> its URL, as served
    routes: dict[str, str | None] = field(default_factory=dict)  # other URLs -> file or None
    redirects: dict[str, str] = field(default_factory=dict)  # old URL -> new URL
    base_urls: tuple[str, ...] = ()  # where the site is published (site_url, url+baseUrl …)
    config: str | None = None  # the config file read, relative to the scanned root
    complete: frozenset[str] = frozenset()  # URL folders whose every page is known (see below)

    def is_known(self, key: str) -> bool:
        """Whether a normalised URL is a document's, a redirect's or another served file's."""
        return key in self.urls or key in self.routes or key in self.redirects

    def is_broken(self, key: str) -> bool:
        """Whether a normalised URL is certainly not served: it lies below a folder whose
        content was all scanned (`complete`) and nothing there answers to it. URLs elsewhere
        (a docs plugin outside the scan, custom pages) are unknown, not broken."""
        return not self.is_known(key) and any(
            prefix == "" or key == prefix or key.startswith(prefix + "/")
            for prefix in self.complete
        )

    def resolve(self, target: str, source: str | None = None) -> str | None:
        """The document a URL-style link means on the site, or None. A relative target
        (`../b/`) resolves against the URL `source` is served at, as a browser does; file
        links (`b.md`) are the loader's business and usually give None here."""
        target = target.strip()
        if not target.split("#", 1)[0].split("?", 1)[0]:
            return None
        if SCHEME.match(target) or target.startswith("/"):
            key = normalise_url(target, self.base_urls)
        elif source is not None and source in self.pages:
            key = normalise_url(urljoin("/" + self.pages[source], target))
        else:
            return None
        return None if key is None else self.urls.get(key)


def normalise_url(url: str, base_urls: Sequence[str] = ()) -> str | None:
    """A URL as a key of `SiteMap.urls`: the path below the site root, percent-decoded,
    without slashes at either end, `index.html`, `index` or `.html`. None for URLs on other
    hosts (or other schemes, such as mailto:)."""
    parts = urlsplit(url.strip())
    path = parts.path
    if parts.scheme or parts.netloc:
        if parts.scheme.lower() not in ("", "http", "https") or not parts.netloc:
            return None
        for base in base_urls:
            split = urlsplit(base)
            rest = _below(path, split.path)
            if split.netloc and _same_host(split.netloc, parts.netloc) and rest is not None:
                path = rest
                break
        else:
            return None
    elif path.startswith("/"):  # site-absolute: may carry the base path (/project/…)
        for base in base_urls:
            prefix = urlsplit(base).path
            rest = _below(path, prefix)
            if prefix.strip("/") and rest is not None:
                path = rest
                break
    segments: list[str] = []
    for segment in path.split("/"):
        segment = unquote(segment)
        if segment == "..":
            if segments:  # above the root stays at the root, as in a browser
                segments.pop()
        elif segment not in ("", "."):
            segments.append(segment)
    if segments and segments[-1].lower() in ("index.html", "index.htm", "index"):
        segments.pop()
    elif segments:
        segments[-1] = re.sub(r"\.html?$", "", segments[-1], flags=re.IGNORECASE)
    return "/".join(segments)


def _below(path: str, prefix: str) -> str | None:
    """`path` with the folder `prefix` taken off, or None if it is not below it."""
    prefix = "/" + prefix.strip("/")
    if prefix == "/":
        return path
    if path == prefix or path.startswith(prefix + "/"):
        return path[len(prefix) :]
    return None


def _same_host(a: str, b: str) -> bool:
    def host(netloc: str) -> str:
        netloc = netloc.lower().rsplit("@", 1)[-1]
        netloc = re.sub(r":(80|443)$", "", netloc)
        return netloc.removeprefix("www.")

    return host(a) == host(b)
