"""Site generators' URL conventions: which URL serves which document, and which documents
the site's navigation lists.

Pages of a generated site link to each other by URL (`/docs/a/b/`, `../b/`,
`/blog/2024/01/02/post`), not by file path. `read_site` finds the generator's config file
(MkDocs, Docusaurus, Hugo, Jekyll) and rebuilds that mapping from the documents and their
frontmatter, the way the generator computes it, without running the generator: YAML is read
with a loader that executes nothing, JavaScript configs are only matched with regexes.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import fnmatch
import json
import os
import posixpath
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pandas as pd
import pathspec
import yaml

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_LEVELS_UP = 3  # how far above the scanned folder a config file is looked for
_SKIPPED_DIRS = {"node_modules", "__pycache__"}


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
        if _SCHEME.match(target) or target.startswith("/"):
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


# --- finding the generator ---------------------------------------------------------------

_DATA = ("toml", "yaml", "yml", "json")
_CONFIG_FILES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mkdocs", ("mkdocs.yml", "mkdocs.yaml")),
    ("docusaurus", tuple(f"docusaurus.config.{e}" for e in ("js", "ts", "mjs", "cjs", "mts"))),
    ("hugo", tuple(f"{n}.{e}" for n in ("hugo", "config/_default/hugo") for e in _DATA)),
    ("jekyll", ("_config.yml", "_config.yaml")),
)
_HUGO_GENERIC = tuple(f"{n}.{e}" for n in ("config", "config/_default/config") for e in _DATA)


def find_configs(root: Path) -> list[tuple[str, Path]]:
    """Generators and their config files: the one in `root` or a few folders above it (not
    above a git repository's top), else those in its sub-folders (`website/`, or one per
    site when a folder holds several)."""
    folder = root.resolve()
    for _ in range(_LEVELS_UP + 1):
        found = _config_in(folder)
        if found:
            return [found]
        if (folder / ".git").exists() or folder.parent == folder:
            break
        folder = folder.parent
    try:
        children = sorted(p for p in root.resolve().iterdir() if p.is_dir())
    except OSError:
        return []
    return [
        found
        for child in children
        if not child.name.startswith((".", "_")) and child.name not in _SKIPPED_DIRS
        for found in [_config_in(child)]
        if found
    ]


def _config_in(folder: Path) -> tuple[str, Path] | None:
    for kind, names in _CONFIG_FILES:
        for name in names:
            if (folder / name).is_file():
                return kind, folder / name
    if (folder / "content").is_dir():
        for name in _HUGO_GENERIC:
            if (folder / name).is_file():
                return "hugo", folder / name
    return None


# --- the documents and where the site sits ------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Doc:
    path: str  # relative to the scanned root
    name: str  # file name without the document extension
    is_entry: bool
    meta: dict[str, Any]

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path).name[len(self.name) :].lower()


class _Site:
    """The scanned root seen from the site's folder (the config file's)."""

    def __init__(self, root: Path, config: Path, docs: list[_Doc]) -> None:
        self.root, self.config, self.docs = root.resolve(), config, docs
        self.docs_by_path = {doc.path: doc for doc in docs}
        folder = config.parent  # Hugo may keep it in config/_default/ below the site's folder
        self.dir = folder.parent.parent if folder.name == "_default" else folder
        site_in_root = Path(os.path.relpath(self.dir, self.root)).as_posix()
        if site_in_root == "." or not site_in_root.startswith(".."):
            self._drop = "" if site_in_root == "." else site_in_root + "/"
            self._add = ""
        else:
            self._drop = ""
            self._add = Path(os.path.relpath(self.root, self.dir)).as_posix() + "/"
        self.label = self.display(Path(os.path.relpath(config, self.dir)).as_posix())
        # A checkout of the whole site, not a copy of its content: React pages and static
        # files are on disk too, so a URL nothing serves is really not served.
        self.whole = (self.dir / "package.json").is_file()

    def site_path(self, path: str) -> str | None:
        """A root-relative path relative to the site's folder (None: outside the site)."""
        if self._drop:
            return path[len(self._drop) :] if path.startswith(self._drop) else None
        return self._add + path

    def display(self, site_path: str) -> str:
        """A site-relative path as the user sees it: relative to the scanned root."""
        if self._add:
            return Path(os.path.relpath(self.dir / site_path, self.root)).as_posix()
        return self._drop + site_path

    def in_dir(self, content_dir: str) -> Iterable[tuple[_Doc, str]]:
        """The documents below a content folder, with their path relative to it."""
        content_dir = posixpath.normpath(content_dir.strip("/")) if content_dir else "."
        prefix = "" if content_dir == "." else content_dir + "/"
        for doc in self.docs:
            path = self.site_path(doc.path)
            if path is not None and path.startswith(prefix):
                yield doc, path[len(prefix) :]

    def scanned(self, folder: str) -> bool:
        """Whether a site folder lies wholly inside the scanned root."""
        return not self._add or (posixpath.normpath(folder) + "/").startswith(self._add)

    def root_path(self, site_path: str) -> str | None:
        """The root-relative path of a site file, if it lies inside the scanned root."""
        if self._add:
            return site_path[len(self._add) :] if site_path.startswith(self._add) else None
        return self._drop + site_path


class _Builder:
    """Collects URLs; the first document to claim a URL keeps it, a clash is noted."""

    def __init__(self, kind: str | None, site: _Site | None, base_urls: Iterable[str]) -> None:
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


def read_site(root: Path, documents: pd.DataFrame) -> SiteMap:
    """The URLs and navigation of the site the documents under `root` are built into."""
    docs = [
        _Doc(str(path), str(name), bool(entry), meta if isinstance(meta, dict) else {})
        for path, name, entry, meta in zip(
            documents.index, documents["name"], documents["is_entry"], documents["frontmatter"],
            strict=True,
        )
    ]  # fmt: skip
    docs.sort(key=lambda d: d.path)
    found = find_configs(root)
    if len(found) != 1:
        if not found:
            return _generic(docs)
        names = ", ".join(Path(os.path.relpath(c, root)).as_posix() for _, c in found)
        note = f"several sites here ({names}): scan one of them to check links by its URLs"
        return dataclasses.replace(_generic(docs), notes=(note,))
    kind, config = found[0]
    site = _Site(root, config, docs)
    try:
        return _READERS[kind](site)
    except (OSError, ValueError, yaml.YAMLError) as exc:  # ValueError: JSON, TOML, Unicode
        problem = " ".join(str(exc).split()) or type(exc).__name__
        note = f"{site.label} could not be read ({problem}); links are resolved as plain files"
        return dataclasses.replace(_generic(docs), notes=(note,), config=site.label)


# --- reading config files -----------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML that turns unknown tags (`!!python/name:…`, `!ENV`, `!relative`) into plain
    values instead of failing or, worse, running them."""


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", _plain)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _plain)


def _read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


def _read_data(path: Path) -> dict[str, Any]:
    """A TOML, YAML or JSON config file as a mapping (empty if it holds something else)."""
    suffix = path.suffix.lower()
    if suffix == ".toml":
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    elif suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
    else:
        data = _read_yaml(path)
    return data if isinstance(data, dict) else {}


def _text(value: Any) -> str | None:
    """A scalar frontmatter or config value as text; None for absent, lists and maps."""
    if value is None or isinstance(value, bool | list | dict):
        return None
    return str(value).strip() or None


def _texts(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [t for t in (_text(v) for v in items) if t]


# --- MkDocs -------------------------------------------------------------------------------

_MKDOCS_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# Plugins that serve pages at URLs of their own: with one, unknown URLs are not proof of a
# broken link. (Hooks could too; they are trusted not to.)
_MKDOCS_PAGE_PLUGINS = {"blog", "material/blog", "i18n", "static-i18n", "gen-files",
                        "monorepo", "multirepo", "print-site"}  # fmt: skip


def _mkdocs(site: _Site) -> SiteMap:
    config = _read_yaml(site.config)
    config = config if isinstance(config, dict) else {}
    if isinstance(config.get("INHERIT"), str):  # a base file the config extends
        parent = _read_yaml(site.dir / config["INHERIT"])
        config = {**parent, **config} if isinstance(parent, dict) else config
    docs_dir = _site_relative(site, _text(config.get("docs_dir")) or "docs")
    directory_urls = config.get("use_directory_urls", True) is not False
    out = _Builder("mkdocs", site, [_text(config.get("site_url")) or ""])
    excluded = pathspec.GitIgnoreSpec.from_lines(
        [".*", "/templates/", *str(config.get("exclude_docs") or "").splitlines()]
    )
    served: dict[str, str] = {}  # path below docs_dir -> document
    for doc, rel in site.in_dir(docs_dir):
        if doc.suffix in _MKDOCS_SUFFIXES and not excluded.match_file(rel):
            served[rel] = doc.path
    for rel, doc in served.items():
        folder, name = posixpath.split(posixpath.splitext(rel)[0])
        if name == "README" and posixpath.join(folder, "index.md") in served:
            continue  # MkDocs ignores README.md beside an index.md
        page = posixpath.join(folder, name)
        if name in ("index", "README"):
            url = folder + "/" if directory_urls else posixpath.join(folder, "index.html")
        else:
            url = page + "/" if directory_urls else page + ".html"
        out.serve(doc, url.lstrip("/"))
    for rel in _files_under(site.dir / docs_dir):  # images, PDFs, CSS: copied as they are
        if not rel.lower().endswith(_MKDOCS_SUFFIXES) and not excluded.match_file(rel):
            out.route(rel, site.root_path(posixpath.join(docs_dir, rel)))
    plugins = _mkdocs_plugins(config)
    if site.scanned(docs_dir) and not plugins.keys() & _MKDOCS_PAGE_PLUGINS:
        out.complete.add("")  # the whole docs folder is scanned: every page is known
    _mkdocs_redirects(plugins.get("redirects"), served, out)
    nav = config.get("nav")
    if nav is None:
        out.in_nav.update(served.values())  # without a nav, MkDocs lists every page
    else:
        _mkdocs_nav(nav, served, site, docs_dir, out)
    return out.build()


def _site_relative(site: _Site, path: str) -> str:
    """A folder named in a config file, relative to the site's folder."""
    if os.path.isabs(path):
        path = os.path.relpath(path, site.dir)
    return posixpath.normpath(Path(path).as_posix())


def _mkdocs_nav(nav: Any, served: dict[str, str], site: _Site, docs_dir: str, out: _Builder):
    for entry in _nav_entries(nav):
        if _SCHEME.match(entry) or entry.startswith(("/", "#")):
            continue  # an outside link
        if entry.startswith("..."):  # awesome-pages: "... | glob" or "... | regex=…"
            out.in_nav.update(served[rel] for rel in served if _rest_matches(entry, rel))
            continue
        rel = posixpath.normpath(entry)
        if rel in served:
            out.in_nav.add(served[rel])
        elif any(r.startswith(rel + "/") for r in served):  # awesome-nav: a whole folder
            out.in_nav.update(doc for r, doc in served.items() if r.startswith(rel + "/"))
        elif not (site.dir / docs_dir / rel).exists():
            shown = site.display(posixpath.normpath(posixpath.join(docs_dir, rel)))
            out.note(f"{site.label} nav lists {shown}, which does not exist")


def _nav_entries(nav: Any) -> Iterable[str]:
    """Every path or URL in a nav tree of lists, `Title: path` mappings and strings."""
    if isinstance(nav, str):
        yield nav.strip()
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_entries(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_entries(value)


def _rest_matches(entry: str, rel: str) -> bool:
    options = [part.strip() for part in entry.split("|")[1:] if part.strip() != "flat"]
    if not options:
        return True
    pattern = options[-1]
    if pattern.startswith("regex="):
        try:
            return re.search(pattern[len("regex=") :], rel) is not None
        except re.error:
            return False
    return fnmatch.fnmatchcase(rel, pattern.removeprefix("glob="))


def _mkdocs_plugins(config: dict[str, Any]) -> dict[str, Any]:
    """`plugins:` as name -> options, from a list of names and one-key mappings, or a map."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        return {str(k): v for k, v in plugins.items()}
    found: dict[str, Any] = {}
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict):
            found.update((str(k), v) for k, v in plugin.items())
        else:
            found[str(plugin)] = None
    return found


def _mkdocs_redirects(options: Any, served: dict[str, str], out: _Builder) -> None:
    """The mkdocs-redirects plugin: `redirect_maps: {old.md: new.md or a URL}`."""
    maps = options.get("redirect_maps") if isinstance(options, dict) else None
    if isinstance(maps, dict):
        for old, new in maps.items():
            old_url = re.sub(r"\.md$", "", str(old))  # old/index.md -> old/index -> old
            target = served.get(str(new).split("#")[0])
            if target is not None:
                out.alias(target, old_url)
                out.redirect(old_url, out.pages.get(target, ""))
            else:
                out.redirect(old_url, str(new))


# --- Docusaurus ---------------------------------------------------------------------------

_JS_TOKEN = re.compile(  # a string literal (kept) or a comment (dropped)
    r"(\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|/\*.*?\*/|//[^\n]*",
    re.DOTALL,
)
_JS_STRING = r"""["'`]([^"'`\n]*)["'`]"""  # a simple string literal; group 1 is its text
_NUMBER_PREFIX = re.compile(r"^(?P<number>\d+)\s*[-_.]+\s*(?P<rest>[^-_.\s].*)$")
_NOT_A_NUMBER_PREFIX = re.compile(r"^\d+[-_.]\d+")  # dates and versions: 2021-01-foo, 7.0-foo
_BLOG_DATE = re.compile(
    r"^(?P<folder>.*)(?P<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})[-/]?(?P<text>.*?)(?:/index)?\.mdx?$"
)


@dataclass(slots=True)
class _Plugin:
    kind: str  # docs | blog | pages
    path: str  # the content folder, relative to the site's
    route: str | None  # routeBasePath
    sidebar: str | bool | None = None  # a sidebars file, False when disabled, None: not said


def _docusaurus(site: _Site) -> SiteMap:
    text = _js_code(site.config.read_text(encoding="utf-8"))
    url = next((u for u in _js_values(text, "url") if u.startswith("http")), "")
    base = _js_value(text, "baseUrl") or "/"
    bases = [url.rstrip("/") + "/" + base.strip("/") if url else "", base]
    out = _Builder("docusaurus", site, bases)
    ids: dict[str, str] = {}
    for plugin in _docusaurus_plugins(text, out, site):
        if plugin.kind == "docs":
            ids |= _docusaurus_docs(site, plugin, out)
        else:
            (_docusaurus_blog if plugin.kind == "blog" else _docusaurus_pages)(site, plugin, out)
    for rel in _files_under(site.dir / "static"):
        out.route(rel, site.root_path("static/" + rel))
    _docusaurus_redirects(text, site, out)
    match = re.search(r"themeConfig[\"']?\s*:\s*\{", text)
    theme = _js_object(text, match.end() - 1) if match else ""
    for link in _js_values(theme, "to") + _js_values(theme, "href"):  # navbar and footer
        key = normalise_url(link, out.base_urls)
        if key in out.urls:
            out.in_nav.add(out.urls[key])
    out.in_nav.update(ids[i] for i in _js_values(theme, "docId") if i in ids)
    return out.build()


def _js_code(text: str) -> str:
    """JavaScript without its comments (strings are kept whole: `"https://…"`, `"**/*.md"`)."""
    return _JS_TOKEN.sub(lambda m: m.group(1) or "", text)


def _js_values(text: str, key: str) -> list[str]:
    """The string literals given to `key:` anywhere in `text`."""
    return re.findall(rf"(?<![\w$.])[\"']?{key}[\"']?\s*:\s*{_JS_STRING}", text)


def _js_value(text: str, key: str) -> str | None:
    values = _js_values(text, key)
    return values[0] if values else None


def _js_object(text: str, start: int) -> str:
    """The `{…}` object literal opening at `start`, by brace counting outside strings."""
    depth, i, quote = 0, start, ""
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return text[start : i + 1]
        i += 1
    return text[start:]


def _docusaurus_plugins(text: str, out: _Builder, site: _Site) -> list[_Plugin]:
    """The docs, blog and pages plugin instances: the preset's `docs: {…}` and
    `["@docusaurus/plugin-content-docs", {…}]` entries, with their defaults."""
    found: list[_Plugin] = []
    disabled: set[str] = set()
    options: list[tuple[str, str]] = []
    for match in re.finditer(r"(?<![\w$.])[\"']?(docs|blog|pages)[\"']?\s*:\s*(\{|false\b)", text):
        if match.group(2) == "false":
            disabled.add(match.group(1))
        else:
            options.append((match.group(1), _js_object(text, match.end() - 1)))
    for match in re.finditer(r"plugin-content-(docs|blog|pages)[\"'`]\s*,\s*\{", text):
        options.append((match.group(1), _js_object(text, match.end() - 1)))
    for kind, body in options:
        keys = re.findall(r"(?<![\w$])[\"']?(path|routeBasePath|sidebarPath)[\"']?\s*:", body)
        if not keys:
            continue  # themeConfig.docs, or options that change no path: the defaults apply
        path = _js_value(body, "path") or _DEFAULT_PATHS[kind]
        plugin = _Plugin(kind, path, _js_value(body, "routeBasePath"))
        if plugin.route is None:
            if "routeBasePath" in keys:
                out.note(f"{site.label}: a routeBasePath is not a plain string; assumed '{kind}'")
            plugin.route = _DEFAULT_ROUTES[kind]
        sidebar = re.search(r"sidebarPath[\"']?\s*:\s*(false\b|(?:require\.resolve\(\s*)?"
                            + _JS_STRING + ")", body)  # fmt: skip
        if sidebar:
            plugin.sidebar = False if sidebar.group(1) == "false" else sidebar.group(2)
        found.append(plugin)
    for kind, route in _DEFAULT_ROUTES.items():
        if kind not in disabled and not any(p.kind == kind for p in found):
            found.append(_Plugin(kind, _DEFAULT_PATHS[kind], route))
    return found


_DEFAULT_PATHS = {"docs": "docs", "blog": "blog", "pages": "src/pages"}
_DEFAULT_ROUTES = {"docs": "docs", "blog": "blog", "pages": ""}


def _is_content(rel: str, doc: _Doc) -> bool:
    """Docusaurus's default include and exclude: .md/.mdx, nothing under `_`-names."""
    return doc.suffix in (".md", ".mdx") and not _private(rel)


def _strip_number(name: str) -> str:
    """Docusaurus drops ordering prefixes from names: `01-intro` is `intro`, `2021-01-x` stays."""
    if _NOT_A_NUMBER_PREFIX.match(name):
        return name
    match = _NUMBER_PREFIX.match(name)
    return match.group("rest") if match else name


def _route(route: str, slug: str) -> str:
    route = route.strip("/")
    return (route + "/" if route else "") + slug.lstrip("/")


def _docusaurus_docs(site: _Site, plugin: _Plugin, out: _Builder) -> dict[str, str]:
    """Serve a docs plugin's documents and put those its sidebars list in nav; returns the
    documents by doc id."""
    ids: dict[str, str] = {}  # doc id -> document
    folders: dict[str, str] = {}  # document -> its folder below the docs folder
    hidden: set[str] = set()  # unlisted and draft docs: not in autogenerated sidebars
    content_dir, route = _site_relative(site, plugin.path), plugin.route or ""
    for doc, rel in site.in_dir(content_dir):
        if not _is_content(rel, doc):
            continue
        meta = doc.meta
        folder = posixpath.dirname(rel) or "."
        prefixes = meta.get("parse_number_prefixes", True) is not False
        strip = _strip_number if prefixes else str
        base_id = _text(meta.get("id")) or strip(doc.name)
        stripped_folder = "/".join(strip(part) for part in folder.split("/"))
        ids[base_id if folder == "." else f"{stripped_folder}/{base_id}"] = doc.path
        folders[doc.path] = folder
        if meta.get("unlisted") is True or meta.get("draft") is True:
            hidden.add(doc.path)
        folder_slug = "/" if folder == "." else f"/{stripped_folder}/"
        slug = _text(meta.get("slug"))
        if slug and slug.startswith("/"):
            url = slug
        elif not slug and doc.name.lower() in ("index", "readme", folder.split("/")[-1].lower()):
            url = folder_slug  # a folder's index page serves the folder
        else:
            url = urljoin(folder_slug, slug or base_id)
        out.serve(doc.path, _route(route, url))
    if not ids:
        return ids
    if site.scanned(content_dir) and site.whole:
        out.complete.add(normalise_url(route) or "")
    _tag_routes(site, content_dir, route, [site.docs_by_path[d] for d in folders], out)
    _category_routes(site, content_dir, route, out)
    sidebar = _sidebar_file(site, plugin)
    if sidebar is None:  # no sidebars file: one sidebar autogenerated from every doc
        out.in_nav.update(doc for doc in folders if doc not in hidden)
    elif sidebar is not False:
        _sidebar_nav(sidebar, site, ids, folders, hidden, out)
    return ids


_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z\u00df-\u00ff]+|[A-Z\u00c0-\u00de]+|\d+")


def _kebab(text: str) -> str:
    """lodash's kebabCase, which Docusaurus gives tag and category URLs: `OAuth2` -> o-auth-2."""
    return "-".join(_WORD.findall(text)).lower()


def _tag_routes(site: _Site, content_dir: str, route: str, docs: list[_Doc], out: _Builder):
    """The tag pages: `/<route>/tags/<tag>` for tags in frontmatter and in a tags.yml."""
    out.route(_route(route, "tags"))
    tags: list[str] = []
    for doc in docs:
        listed = doc.meta.get("tags")
        for tag in listed if isinstance(listed, list) else []:
            if isinstance(tag, dict):
                tags.append(_text(tag.get("permalink")) or _kebab(str(tag.get("label", ""))))
            elif _text(tag):
                tags.append(_kebab(str(tag)))
    tags_file = site.dir / content_dir / "tags.yml"
    for candidate in (tags_file, site.dir / "tags.yml"):
        data = _read_yaml(candidate) if candidate.is_file() else None
        for key, tag in (data if isinstance(data, dict) else {}).items():
            own = _text(tag.get("permalink")) if isinstance(tag, dict) else None
            tags.append(own or _kebab(str(key)))
    for tag in tags:
        out.route(_route(route, "tags/" + tag.lstrip("/")))


def _category_routes(site: _Site, content_dir: str, route: str, out: _Builder) -> None:
    """Pages Docusaurus generates for categories: `_category_.json` with a generated-index
    link (`/<route>/category/<label>` or the link's own slug)."""
    for rel in _files_under(site.dir / content_dir):
        folder, name = posixpath.split(rel)
        if name not in ("_category_.json", "_category_.yml", "_category_.yaml"):
            continue
        data = _read_data(site.dir / content_dir / rel)
        link = data.get("link")
        if isinstance(link, dict) and link.get("type") == "generated-index":
            label = _text(data.get("label")) or _strip_number(posixpath.basename(folder))
            out.route(_route(route, _text(link.get("slug")) or "category/" + _kebab(label)))


def _sidebar_file(site: _Site, plugin: _Plugin) -> Path | bool | None:
    if plugin.sidebar is False:
        return False
    if isinstance(plugin.sidebar, str):
        return site.dir / plugin.sidebar
    if plugin.kind == "docs" and plugin.path == "docs":
        for ext in ("js", "ts", "mjs", "cjs", "json"):
            if (site.dir / f"sidebars.{ext}").is_file():
                return site.dir / f"sidebars.{ext}"
    return None


def _sidebar_nav(sidebar: Path, site: _Site, ids: dict[str, str], folders: dict[str, str],
                 hidden: set[str], out: _Builder) -> None:  # fmt: skip
    """Doc ids named in a sidebars file (`'id'`, `{type: 'doc', id: 'id'}`) and folders
    autogenerated (`{type: 'autogenerated', dirName: 'x'}`), found by regex."""
    label = site.display(Path(os.path.relpath(sidebar, site.dir)).as_posix())
    try:
        text = _js_code(sidebar.read_text(encoding="utf-8"))
    except OSError:
        out.note(f"{label} (the docs' sidebars file) does not exist")
        out.in_nav.update(doc for doc in folders if doc not in hidden)
        return
    named = _js_values(text, "id") + re.findall(r"[\[,]\s*" + _JS_STRING + r"\s*(?=[,\]])", text)
    for doc_id in dict.fromkeys(named):
        if doc_id in ids:
            out.in_nav.add(ids[doc_id])
        elif not _SCHEME.match(doc_id) and not doc_id.startswith(("/", ".", "#")):
            out.note(f"{label} lists the doc id '{doc_id}', which no document has")
    for folder in map(posixpath.normpath, _js_values(text, "dirName")):
        docs = [d for d, f in folders.items()
                if folder == "." or f == folder or f.startswith(folder + "/")]  # fmt: skip
        if not docs:
            out.note(f"{label} autogenerates from the folder '{folder}', which holds no docs")
        out.in_nav.update(d for d in docs if d not in hidden)


def _docusaurus_blog(site: _Site, plugin: _Plugin, out: _Builder) -> None:
    """Posts at `/<route>/<slug>`: the frontmatter's slug, or the date and name in the
    file's path, as Docusaurus's parseBlogFileName reads them."""
    blog_dir, route = _site_relative(site, plugin.path), plugin.route or ""
    posts = []
    for doc, rel in site.in_dir(blog_dir):
        if not _is_content(rel, doc):
            continue
        slug = _text(doc.meta.get("slug"))
        if slug is None:
            match = _BLOG_DATE.match(rel)
            if match:  # 2024-01-02-post.md, 2024/01/02-post.md, 2024-01-02-post/index.md
                date = match.group("date").replace("-", "/")
                slug = f"{date}/{match.group('folder')}{match.group('text')}"
            else:
                slug = re.sub(r"(/index)?\.mdx?$", "", rel)
        out.serve(doc.path, _route(route, slug))
        posts.append(doc)
        if doc.meta.get("unlisted") is not True and doc.meta.get("draft") is not True:
            out.in_nav.add(doc.path)  # the blog's list pages show every post
    if not posts:
        return
    if site.scanned(blog_dir) and site.whole:
        out.complete.add(normalise_url(route) or "")
    for page in ("", "archive", "authors"):
        out.route(_route(route, page))
    _tag_routes(site, blog_dir, route, posts, out)
    authors = site.dir / blog_dir / "authors.yml"
    if authors.is_file():
        data = _read_yaml(authors)
        for key, author in (data if isinstance(data, dict) else {}).items():
            if isinstance(author, dict) and author.get("page"):
                out.route(_route(route, f"authors/{key}"))


def _docusaurus_pages(site: _Site, plugin: _Plugin, out: _Builder) -> None:
    """src/pages: Markdown pages are documents, React pages are routes."""
    pages_dir = _site_relative(site, plugin.path)
    route = plugin.route or ""
    for doc, rel in site.in_dir(pages_dir):
        if _is_content(rel, doc):
            out.serve(doc.path, _route(route, _page_url(rel[: -len(doc.suffix)])))
    for rel in _files_under(site.dir / pages_dir):
        stem, ext = posixpath.splitext(rel)
        if ext in (".js", ".jsx", ".ts", ".tsx") and not _private(stem):
            out.route(_route(route, _page_url(stem)), site.root_path(f"{pages_dir}/{rel}"))


def _page_url(stem: str) -> str:
    return re.sub(r"(^|/)index$", r"\1", stem)


def _private(stem: str) -> bool:
    """Files Docusaurus does not turn into routes: `_`-names, tests, CSS modules."""
    return stem.endswith((".test", ".module")) or any(
        part.startswith("_") or part == "__tests__" for part in stem.split("/")
    )


def _files_under(folder: Path) -> list[str]:
    """Every file below a folder on disk (relative POSIX paths), hidden ones left out."""
    if not folder.is_dir():
        return []
    files = []
    for path, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d[0] != "." and d not in _SKIPPED_DIRS)
        rel = Path(path).relative_to(folder).as_posix()
        files += [f if rel == "." else f"{rel}/{f}" for f in sorted(filenames)]
    return files


def _docusaurus_redirects(text: str, site: _Site, out: _Builder) -> None:
    """@docusaurus/plugin-client-redirects: `{from, to}` literals in the config, and CSV
    files the config reads (a `from,to` header), as don-site's redirects.csv."""
    match = re.search(r"plugin-client-redirects[\"'`]\s*,\s*\{", text)
    if match:
        body = _js_object(text, match.end() - 1)
        for item in re.finditer(r"\{[^{}]*\}", body[1:]):
            to = _js_value(item.group(), "to")
            sources = re.search(r"from\s*:\s*(\[[^\]]*\]|" + _JS_STRING + ")", item.group())
            if to and sources:
                for old in re.findall(_JS_STRING, sources.group(1)):
                    out.redirect(old, to)
    for name in dict.fromkeys(re.findall(_JS_STRING, text)):
        if name.lower().endswith(".csv") and (site.dir / name).is_file():
            with (site.dir / name).open(encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle))
            header = [h.strip().lower() for h in rows[0]] if rows else []
            if "from" in header and "to" in header:
                old_at, new_at = header.index("from"), header.index("to")
                for row in rows[1:]:
                    if len(row) > max(old_at, new_at):
                        out.redirect(row[old_at].strip(), row[new_at].strip())


# --- Hugo ---------------------------------------------------------------------------------


def _hugo(site: _Site) -> SiteMap:
    config = {k.lower(): v for k, v in _read_data(site.config).items()}
    out = _Builder("hugo", site, [_text(config.get("baseurl")) or ""])
    content_dir = _site_relative(site, _text(config.get("contentdir")) or "content")
    ugly = config.get("uglyurls") is True
    lower = config.get("disablepathtolower") is not True
    for doc, rel in site.in_dir(content_dir):
        meta = {str(k).lower(): v for k, v in doc.meta.items()}  # Hugo ignores key case
        folder = posixpath.dirname(rel)
        if folder:  # Hugo lists every top section, with an _index.md or not
            out.route(folder.split("/")[0].lower() if lower else folder.split("/")[0])
        slug = _text(meta.get("slug"))
        if doc.name == "_index":
            url = folder + "/"
        elif doc.name == "index":  # a leaf bundle: the folder is the page
            parent, name = posixpath.split(folder)
            url = posixpath.join(parent, slug or name) + "/"
        else:
            url = posixpath.join(folder, slug or doc.name) + (".html" if ugly else "/")
        url = url.lower() if lower else url
        own = _text(meta.get("url"))
        out.serve(doc.path, own.lstrip("/") if own else url.lstrip("/"))
        section_url = "/" + (posixpath.dirname(url.rstrip("/")) + "/").lstrip("/")
        for alias in _texts(meta.get("aliases")):
            out.alias(doc.path, urljoin(section_url, alias))
        if meta.get("menu") or meta.get("menus"):
            out.in_nav.add(doc.path)
    taxonomies = config.get("taxonomies")
    if not isinstance(taxonomies, dict):
        taxonomies = {"tag": "tags", "category": "categories"}
    for taxonomy in taxonomies.values():
        out.route(str(taxonomy))
    _hugo_menus(config, out)
    return out.build()


def _hugo_menus(config: dict[str, Any], out: _Builder) -> None:
    """Menu entries in the config (`[[menus.main]] pageRef = '/about'`) put pages in nav."""
    menus = config.get("menus") or config.get("menu") or {}
    for entries in menus.values() if isinstance(menus, dict) else []:
        for entry in entries if isinstance(entries, list) else []:
            entry = {str(k).lower(): v for k, v in entry.items()} if isinstance(entry, dict) else {}
            ref = entry.get("pageref") or entry.get("url")
            if isinstance(ref, str):
                key = normalise_url(re.sub(r"(_?index)?\.md$", "", ref))
                if key is not None and key in out.urls:
                    out.in_nav.add(out.urls[key])


# --- Jekyll, and any site ------------------------------------------------------------------

_JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_JEKYLL_POST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")


def _jekyll(site: _Site) -> SiteMap:
    config = _read_data(site.config)
    host, base = _text(config.get("url")) or "", _text(config.get("baseurl")) or ""
    out = _Builder("jekyll", site, [host.rstrip("/") + "/" + base.strip("/") if host else "", base])
    style = _text(config.get("permalink")) or "date"
    template = _JEKYLL_STYLES.get(style, style)
    pretty = template.endswith("/")
    for doc, rel in site.in_dir(_site_relative(site, _text(config.get("source")) or ".")):
        parts = rel.split("/")
        permalink = _text(doc.meta.get("permalink"))
        if "_posts" in parts[:-1]:
            match = _JEKYLL_POST.match(doc.name)
            if not match:
                continue
            folders = [p for p in parts[: parts.index("_posts")] if not p.startswith("_")]
            try:
                date = dt.date(*(int(g) for g in match.groups()[:3]))
            except ValueError:
                continue  # 2024-13-45-x.md: Jekyll refuses it too
            url = _jekyll_permalink(permalink or template, doc, folders, date, match.group(4))
        elif any(part.startswith("_") for part in parts):
            continue  # _drafts, _includes, _layouts …: not pages
        elif permalink:
            url = _jekyll_permalink(permalink, doc, [], None, doc.name)
        else:
            folder = posixpath.dirname(rel)
            if doc.name == "index":
                url = folder + "/"
            else:
                url = posixpath.join(folder, doc.name) + ("/" if pretty else ".html")
        out.serve(doc.path, url.lstrip("/"))
        for old in _texts(doc.meta.get("redirect_from")):
            out.alias(doc.path, old)
    return out.build()


def _jekyll_permalink(template: str, doc: _Doc, folders: list[str], date: dt.date | None,
                      title: str) -> str:  # fmt: skip
    """A permalink template (`/:categories/:year/:title/`) filled in for one document."""
    categories = [*folders, *_texts(doc.meta.get("category"))]
    for value in _texts(doc.meta.get("categories")):
        categories += value.split()
    slug = _text(doc.meta.get("slug")) or title
    values = {
        "categories": "/".join(c.lower() for c in dict.fromkeys(categories)),
        "title": slug,
        "slug": re.sub(r"[^\w]+", "-", slug.lower()).strip("-"),
        "output_ext": ".html",
        "name": doc.name,
        "basename": doc.name,
    }
    if date is not None:
        values |= {
            "year": f"{date.year:04d}", "short_year": f"{date.year % 100:02d}",
            "month": f"{date.month:02d}", "i_month": str(date.month),
            "day": f"{date.day:02d}", "i_day": str(date.day),
            "y_day": f"{date.timetuple().tm_yday:03d}", "week": f"{date.isocalendar()[1]:02d}",
            "short_day": date.strftime("%a"),
        }  # fmt: skip
    url = re.sub(r":(\w+)", lambda m: values.get(m.group(1), m.group(0)), template)
    return re.sub(r"/{2,}", "/", url)


def _generic(docs: list[_Doc]) -> SiteMap:
    """No generator: a page is served at its path without the extension (`a/b`, `a/b/`,
    `a/b.html`) and a folder by its entry page, as most static hosts and wikis do."""
    out = _Builder(None, None, ())
    for doc in docs:
        folder = posixpath.dirname(doc.path)
        out.serve(doc.path, posixpath.join(folder, doc.name), note_clash=False)
        out.pages[doc.path] = doc.path  # relative links resolve against the file
        permalink = _text(doc.meta.get("permalink"))
        if permalink:
            out.alias(doc.path, permalink)
    rank = {"index": 0, "readme": 1, "_index": 2, "home": 3}
    for doc in sorted((d for d in docs if d.is_entry), key=lambda d: rank.get(d.name.lower(), 9)):
        out.alias(doc.path, posixpath.dirname(doc.path))
    return out.build()


_READERS = {"mkdocs": _mkdocs, "docusaurus": _docusaurus, "hugo": _hugo, "jekyll": _jekyll}
