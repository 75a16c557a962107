"""Docusaurus: the docs, blog and pages plugins, sidebars, navbar and footer, static files
and client redirects."""

from __future__ import annotations

import csv
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from auditor.load.sites.builder import Builder
from auditor.load.sites.config_files import as_text, read_data, read_yaml
from auditor.load.sites.javascript import JS_STRING, js_code, js_object, js_value, js_values
from auditor.load.sites.site_folder import Doc, Site, files_under, site_relative
from auditor.load.sites.sitemap import SCHEME, SiteMap, normalise_url

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


def read_docusaurus(site: Site) -> SiteMap:
    text = js_code(site.config.read_text(encoding="utf-8"))
    url = next((u for u in js_values(text, "url") if u.startswith("http")), "")
    base = js_value(text, "baseUrl") or "/"
    bases = [url.rstrip("/") + "/" + base.strip("/") if url else "", base]
    out = Builder("docusaurus", site, bases)
    ids: dict[str, str] = {}
    for plugin in _docusaurus_plugins(text, out, site):
        if plugin.kind == "docs":
            ids |= _docusaurus_docs(site, plugin, out)
        else:
            (_docusaurus_blog if plugin.kind == "blog" else _docusaurus_pages)(site, plugin, out)
    for rel in files_under(site.dir / "static"):
        out.route(rel, site.root_path("static/" + rel))
    _docusaurus_redirects(text, site, out)
    match = re.search(r"themeConfig[\"']?\s*:\s*\{", text)
    theme = js_object(text, match.end() - 1) if match else ""
    for link in js_values(theme, "to") + js_values(theme, "href"):  # navbar and footer
        key = normalise_url(link, out.base_urls)
        if key in out.urls:
            out.in_nav.add(out.urls[key])
    out.in_nav.update(ids[i] for i in js_values(theme, "docId") if i in ids)
    return out.build()


def _docusaurus_plugins(text: str, out: Builder, site: Site) -> list[_Plugin]:
    """The docs, blog and pages plugin instances: the preset's `docs: {…}` and
    `["@docusaurus/plugin-content-docs", {…}]` entries, with their defaults."""
    found: list[_Plugin] = []
    disabled: set[str] = set()
    options: list[tuple[str, str]] = []
    for match in re.finditer(r"(?<![\w$.])[\"']?(docs|blog|pages)[\"']?\s*:\s*(\{|false\b)", text):
        if match.group(2) == "false":
            disabled.add(match.group(1))
        else:
            options.append((match.group(1), js_object(text, match.end() - 1)))
    for match in re.finditer(r"plugin-content-(docs|blog|pages)[\"'`]\s*,\s*\{", text):
        options.append((match.group(1), js_object(text, match.end() - 1)))
    for kind, body in options:
        keys = re.findall(r"(?<![\w$])[\"']?(path|routeBasePath|sidebarPath)[\"']?\s*:", body)
        if not keys:
            continue  # themeConfig.docs, or options that change no path: the defaults apply
        path = js_value(body, "path") or _DEFAULT_PATHS[kind]
        plugin = _Plugin(kind, path, js_value(body, "routeBasePath"))
        if plugin.route is None:
            if "routeBasePath" in keys:
                out.note(f"{site.label}: a routeBasePath is not a plain string; assumed '{kind}'")
            plugin.route = _DEFAULT_ROUTES[kind]
        sidebar = re.search(r"sidebarPath[\"']?\s*:\s*(false\b|(?:require\.resolve\(\s*)?"
                            + JS_STRING + ")", body)  # fmt: skip
        if sidebar:
            plugin.sidebar = False if sidebar.group(1) == "false" else sidebar.group(2)
        found.append(plugin)
    for kind, route in _DEFAULT_ROUTES.items():
        if kind not in disabled and not any(p.kind == kind for p in found):
            found.append(_Plugin(kind, _DEFAULT_PATHS[kind], route))
    return found


_DEFAULT_PATHS = {"docs": "docs", "blog": "blog", "pages": "src/pages"}
_DEFAULT_ROUTES = {"docs": "docs", "blog": "blog", "pages": ""}


def _is_content(rel: str, doc: Doc) -> bool:
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


def _docusaurus_docs(site: Site, plugin: _Plugin, out: Builder) -> dict[str, str]:
    """Serve a docs plugin's documents and put those its sidebars list in nav; returns the
    documents by doc id."""
    ids: dict[str, str] = {}  # doc id -> document
    folders: dict[str, str] = {}  # document -> its folder below the docs folder
    hidden: set[str] = set()  # unlisted and draft docs: not in autogenerated sidebars
    content_dir, route = site_relative(site, plugin.path), plugin.route or ""
    for doc, rel in site.in_dir(content_dir):
        if not _is_content(rel, doc):
            continue
        meta = doc.meta
        folder = posixpath.dirname(rel) or "."
        prefixes = meta.get("parse_number_prefixes", True) is not False
        strip = _strip_number if prefixes else str
        base_id = as_text(meta.get("id")) or strip(doc.name)
        stripped_folder = "/".join(strip(part) for part in folder.split("/"))
        ids[base_id if folder == "." else f"{stripped_folder}/{base_id}"] = doc.path
        folders[doc.path] = folder
        if meta.get("unlisted") is True or meta.get("draft") is True:
            hidden.add(doc.path)
        folder_slug = "/" if folder == "." else f"/{stripped_folder}/"
        slug = as_text(meta.get("slug"))
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


def _tag_routes(site: Site, content_dir: str, route: str, docs: list[Doc], out: Builder):
    """The tag pages: `/<route>/tags/<tag>` for tags in frontmatter and in a tags.yml."""
    out.route(_route(route, "tags"))
    tags: list[str] = []
    for doc in docs:
        listed = doc.meta.get("tags")
        for tag in listed if isinstance(listed, list) else []:
            if isinstance(tag, dict):
                tags.append(as_text(tag.get("permalink")) or _kebab(str(tag.get("label", ""))))
            elif as_text(tag):
                tags.append(_kebab(str(tag)))
    tags_file = site.dir / content_dir / "tags.yml"
    for candidate in (tags_file, site.dir / "tags.yml"):
        data = read_yaml(candidate) if candidate.is_file() else None
        for key, tag in (data if isinstance(data, dict) else {}).items():
            own = as_text(tag.get("permalink")) if isinstance(tag, dict) else None
            tags.append(own or _kebab(str(key)))
    for tag in tags:
        out.route(_route(route, "tags/" + tag.lstrip("/")))


def _category_routes(site: Site, content_dir: str, route: str, out: Builder) -> None:
    """Pages Docusaurus generates for categories: `_category_.json` with a generated-index
    link (`/<route>/category/<label>` or the link's own slug)."""
    for rel in files_under(site.dir / content_dir):
        folder, name = posixpath.split(rel)
        if name not in ("_category_.json", "_category_.yml", "_category_.yaml"):
            continue
        data = read_data(site.dir / content_dir / rel)
        link = data.get("link")
        if isinstance(link, dict) and link.get("type") == "generated-index":
            label = as_text(data.get("label")) or _strip_number(posixpath.basename(folder))
            out.route(_route(route, as_text(link.get("slug")) or "category/" + _kebab(label)))


def _sidebar_file(site: Site, plugin: _Plugin) -> Path | bool | None:
    if plugin.sidebar is False:
        return False
    if isinstance(plugin.sidebar, str):
        return site.dir / plugin.sidebar
    if plugin.kind == "docs" and plugin.path == "docs":
        for ext in ("js", "ts", "mjs", "cjs", "json"):
            if (site.dir / f"sidebars.{ext}").is_file():
                return site.dir / f"sidebars.{ext}"
    return None


def _sidebar_nav(sidebar: Path, site: Site, ids: dict[str, str], folders: dict[str, str],
                 hidden: set[str], out: Builder) -> None:  # fmt: skip
    """Doc ids named in a sidebars file (`'id'`, `{type: 'doc', id: 'id'}`) and folders
    autogenerated (`{type: 'autogenerated', dirName: 'x'}`), found by regex."""
    label = site.display(Path(os.path.relpath(sidebar, site.dir)).as_posix())
    try:
        text = js_code(sidebar.read_text(encoding="utf-8"))
    except OSError:
        out.note(f"{label} (the docs' sidebars file) does not exist")
        out.in_nav.update(doc for doc in folders if doc not in hidden)
        return
    named = js_values(text, "id") + re.findall(r"[\[,]\s*" + JS_STRING + r"\s*(?=[,\]])", text)
    for doc_id in dict.fromkeys(named):
        if doc_id in ids:
            out.in_nav.add(ids[doc_id])
        elif not SCHEME.match(doc_id) and not doc_id.startswith(("/", ".", "#")):
            out.note(f"{label} lists the doc id '{doc_id}', which no document has")
    for folder in map(posixpath.normpath, js_values(text, "dirName")):
        docs = [d for d, f in folders.items()
                if folder == "." or f == folder or f.startswith(folder + "/")]  # fmt: skip
        if not docs:
            out.note(f"{label} autogenerates from the folder '{folder}', which holds no docs")
        out.in_nav.update(d for d in docs if d not in hidden)


def _docusaurus_blog(site: Site, plugin: _Plugin, out: Builder) -> None:
    """Posts at `/<route>/<slug>`: the frontmatter's slug, or the date and name in the
    file's path, as Docusaurus's parseBlogFileName reads them."""
    blog_dir, route = site_relative(site, plugin.path), plugin.route or ""
    posts = []
    for doc, rel in site.in_dir(blog_dir):
        if not _is_content(rel, doc):
            continue
        slug = as_text(doc.meta.get("slug"))
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
        data = read_yaml(authors)
        for key, author in (data if isinstance(data, dict) else {}).items():
            if isinstance(author, dict) and author.get("page"):
                out.route(_route(route, f"authors/{key}"))


def _docusaurus_pages(site: Site, plugin: _Plugin, out: Builder) -> None:
    """src/pages: Markdown pages are documents, React pages are routes."""
    pages_dir = site_relative(site, plugin.path)
    route = plugin.route or ""
    for doc, rel in site.in_dir(pages_dir):
        if _is_content(rel, doc):
            out.serve(doc.path, _route(route, _page_url(rel[: -len(doc.suffix)])))
    for rel in files_under(site.dir / pages_dir):
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


def _docusaurus_redirects(text: str, site: Site, out: Builder) -> None:
    """@docusaurus/plugin-client-redirects: `{from, to}` literals in the config, and CSV
    files the config reads (a `from,to` header), as don-site's redirects.csv."""
    match = re.search(r"plugin-client-redirects[\"'`]\s*,\s*\{", text)
    if match:
        body = js_object(text, match.end() - 1)
        for item in re.finditer(r"\{[^{}]*\}", body[1:]):
            to = js_value(item.group(), "to")
            sources = re.search(r"from\s*:\s*(\[[^\]]*\]|" + JS_STRING + ")", item.group())
            if to and sources:
                for old in re.findall(JS_STRING, sources.group(1)):
                    out.redirect(old, to)
    for name in dict.fromkeys(re.findall(JS_STRING, text)):
        if name.lower().endswith(".csv") and (site.dir / name).is_file():
            with (site.dir / name).open(encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle))
            header = [h.strip().lower() for h in rows[0]] if rows else []
            if "from" in header and "to" in header:
                old_at, new_at = header.index("from"), header.index("to")
                for row in rows[1:]:
                    if len(row) > max(old_at, new_at):
                        out.redirect(row[old_at].strip(), row[new_at].strip())
