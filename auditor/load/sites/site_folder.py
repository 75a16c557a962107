"""The documents, and where the site sits: the scanned root seen from the site's folder."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from auditor.load.sites.config_files import SKIPPED_DIRS


@dataclass(frozen=True, slots=True)
class Doc:
    path: str  # relative to the scanned root
    name: str  # file name without the document extension
    is_entry: bool
    meta: dict[str, Any]

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path).name[len(self.name) :].lower()


class Site:
    """The scanned root seen from the site's folder (the config file's)."""

    def __init__(self, root: Path, config: Path, docs: list[Doc]) -> None:
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

    def in_dir(self, content_dir: str) -> Iterable[tuple[Doc, str]]:
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


def site_relative(site: Site, path: str) -> str:
    """A folder named in a config file, relative to the site's folder."""
    if os.path.isabs(path):
        path = os.path.relpath(path, site.dir)
    return posixpath.normpath(Path(path).as_posix())


def files_under(folder: Path) -> list[str]:
    """Every file below a folder on disk (relative POSIX paths), hidden ones left out."""
    if not folder.is_dir():
        return []
    files = []
    for path, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d[0] != "." and d not in SKIPPED_DIRS)
        rel = Path(path).relative_to(folder).as_posix()
        files += [f if rel == "." else f"{rel}/{f}" for f in sorted(filenames)]
    return files
