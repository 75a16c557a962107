"""Hugo: sections, leaf bundles, slugs, url and aliases, taxonomies and menus."""

from __future__ import annotations

import posixpath
import re
from typing import Any
from urllib.parse import urljoin

from auditor.load.sites.builder import Builder
from auditor.load.sites.config_files import as_text, as_texts, read_data
from auditor.load.sites.site_folder import Site, site_relative
from auditor.load.sites.sitemap import SiteMap, normalise_url


def read_hugo(site: Site) -> SiteMap:
    config = {k.lower(): v for k, v in read_data(site.config).items()}
    out = Builder("hugo", site, [as_text(config.get("baseurl")) or ""])
    content_dir = site_relative(site, as_text(config.get("contentdir")) or "content")
    ugly = config.get("uglyurls") is True
    lower = config.get("disablepathtolower") is not True
    for doc, rel in site.in_dir(content_dir):
        meta = {str(k).lower(): v for k, v in doc.meta.items()}  # Hugo ignores key case
        folder = posixpath.dirname(rel)
        if folder:  # Hugo lists every top section, with an _index.md or not
            out.route(folder.split("/")[0].lower() if lower else folder.split("/")[0])
        slug = as_text(meta.get("slug"))
        if doc.name == "_index":
            url = folder + "/"
        elif doc.name == "index":  # a leaf bundle: the folder is the page
            parent, name = posixpath.split(folder)
            url = posixpath.join(parent, slug or name) + "/"
        else:
            url = posixpath.join(folder, slug or doc.name) + (".html" if ugly else "/")
        url = url.lower() if lower else url
        own = as_text(meta.get("url"))
        out.serve(doc.path, own.lstrip("/") if own else url.lstrip("/"))
        section_url = "/" + (posixpath.dirname(url.rstrip("/")) + "/").lstrip("/")
        for alias in as_texts(meta.get("aliases")):
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


def _hugo_menus(config: dict[str, Any], out: Builder) -> None:
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
