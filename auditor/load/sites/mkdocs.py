"""MkDocs: pages below docs_dir, the nav, and the mkdocs-redirects plugin."""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Iterable
from typing import Any

import pathspec

from auditor.load.sites.builder import Builder
from auditor.load.sites.config_files import as_text, read_yaml
from auditor.load.sites.site_folder import Site, files_under, site_relative
from auditor.load.sites.sitemap import SCHEME, SiteMap

_MKDOCS_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# Plugins that serve pages at URLs of their own: with one, unknown URLs are not proof of a
# broken link. (Hooks could too; they are trusted not to.)
_MKDOCS_PAGE_PLUGINS = {"blog", "material/blog", "i18n", "static-i18n", "gen-files",
                        "monorepo", "multirepo", "print-site"}  # fmt: skip


def read_mkdocs(site: Site) -> SiteMap:
    config = read_yaml(site.config)
    config = config if isinstance(config, dict) else {}
    if isinstance(config.get("INHERIT"), str):  # a base file the config extends
        parent = read_yaml(site.dir / config["INHERIT"])
        config = {**parent, **config} if isinstance(parent, dict) else config
    docs_dir = site_relative(site, as_text(config.get("docs_dir")) or "docs")
    directory_urls = config.get("use_directory_urls", True) is not False
    out = Builder("mkdocs", site, [as_text(config.get("site_url")) or ""])
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
    for rel in files_under(site.dir / docs_dir):  # images, PDFs, CSS: copied as they are
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


def _mkdocs_nav(nav: Any, served: dict[str, str], site: Site, docs_dir: str, out: Builder):
    for entry in _nav_entries(nav):
        if SCHEME.match(entry) or entry.startswith(("/", "#")):
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


def _mkdocs_redirects(options: Any, served: dict[str, str], out: Builder) -> None:
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
