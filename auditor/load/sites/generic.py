"""Any site, when no generator's config file is found."""

from __future__ import annotations

import posixpath

from auditor.load.sites.builder import Builder
from auditor.load.sites.config_files import as_text
from auditor.load.sites.site_folder import Doc
from auditor.load.sites.sitemap import SiteMap


def read_generic(docs: list[Doc]) -> SiteMap:
    """No generator: a page is served at its path without the extension (`a/b`, `a/b/`,
    `a/b.html`) and a folder by its entry page, as most static hosts and wikis do."""
    out = Builder(None, None, ())
    for doc in docs:
        folder = posixpath.dirname(doc.path)
        out.serve(doc.path, posixpath.join(folder, doc.name), note_clash=False)
        out.pages[doc.path] = doc.path  # relative links resolve against the file
        permalink = as_text(doc.meta.get("permalink"))
        if permalink:
            out.alias(doc.path, permalink)
    rank = {"index": 0, "readme": 1, "_index": 2, "home": 3}
    for doc in sorted((d for d in docs if d.is_entry), key=lambda d: rank.get(d.name.lower(), 9)):
        out.alias(doc.path, posixpath.dirname(doc.path))
    return out.build()
