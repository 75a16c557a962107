"""Site generators' URL conventions: which URL serves which document, and which documents
the site's navigation lists.

Pages of a generated site link to each other by URL (`/docs/a/b/`, `../b/`,
`/blog/2024/01/02/post`), not by file path. `read_site` finds the generator's config file
(MkDocs, Docusaurus, Hugo, Jekyll) and rebuilds that mapping from the documents and their
frontmatter, the way the generator computes it, without running the generator: YAML is read
with a loader that executes nothing, JavaScript configs are only matched with regexes.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pandas as pd
import yaml

from auditor.load.sites.config_files import find_configs
from auditor.load.sites.docusaurus import read_docusaurus
from auditor.load.sites.generic import read_generic
from auditor.load.sites.hugo import read_hugo
from auditor.load.sites.jekyll import read_jekyll
from auditor.load.sites.mkdocs import read_mkdocs
from auditor.load.sites.site_folder import Doc, Site
from auditor.load.sites.sitemap import SiteMap, normalise_url

__all__ = ["SiteMap", "find_configs", "normalise_url", "read_site"]


def read_site(root: Path, documents: pd.DataFrame) -> SiteMap:
    """The URLs and navigation of the site the documents under `root` are built into."""
    docs = [
        Doc(str(path), str(name), bool(entry), meta if isinstance(meta, dict) else {})
        for path, name, entry, meta in zip(
            documents.index.tolist(), documents["name"].tolist(), documents["is_entry"],
            documents["frontmatter"],
            strict=True,
        )
    ]  # fmt: skip
    docs.sort(key=lambda d: d.path)
    found = find_configs(root)
    if len(found) != 1:
        if not found:
            return read_generic(docs)
        names = ", ".join(Path(os.path.relpath(c, root)).as_posix() for _, c in found)
        note = f"several sites here ({names}): scan one of them to check links by its URLs"
        return dataclasses.replace(read_generic(docs), notes=(note,))
    kind, config = found[0]
    site = Site(root, config, docs)
    try:
        return _READERS[kind](site)
    # ValueError: JSON, TOML, Unicode; re.error: a glob of the config pathspec cannot compile
    except (OSError, ValueError, re.error, yaml.YAMLError) as exc:
        problem = " ".join(str(exc).split()) or type(exc).__name__
        note = f"{site.label} could not be read ({problem}); links are resolved as plain files"
        return dataclasses.replace(read_generic(docs), notes=(note,), config=site.label)


_READERS = {
    "mkdocs": read_mkdocs,
    "docusaurus": read_docusaurus,
    "hugo": read_hugo,
    "jekyll": read_jekyll,
}
