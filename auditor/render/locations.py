"""Where a finding is, as a CI platform sees it.

Findings carry POSIX paths relative to the scanned root, but GitHub, GitLab and CI test
views resolve paths against the repository, i.e. the job's working directory. The root as
the user gave it bridges the two: root `docs` and path `a.md` is `docs/a.md`. An absolute
root cannot be made relative without asking where the working directory is, which a
renderer never does: the path then stays relative to the root, and SARIF names the root
as a `file://` base URI (`ROOT`) so that its consumer can resolve it.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath, PureWindowsPath


def is_absolute(root: str) -> bool:
    """`/srv/wiki`, and `C:/wiki` as a root given on Windows (roots are POSIX-style)."""
    return root.startswith("/") or PureWindowsPath(root).is_absolute()


def platform_path(root: str, path: str) -> str:
    """The finding's `path` relative to the working directory (to the root itself when the
    root is absolute). A folder (`meetings/2025/`, or `.` for the corpus) keeps its "/"."""
    base = "" if is_absolute(root) else root
    joined = posixpath.normpath(posixpath.join(base, path or "."))
    folder = path.endswith("/") or path in ("", ".")
    return joined + "/" if folder and joined not in (".", "/") else joined


def root_uri(root: str) -> str | None:
    """An absolute root as a `file://` URI ending in "/" (SARIF's base URI); else None."""
    if not is_absolute(root):
        return None
    pure = PurePosixPath(root) if root.startswith("/") else PureWindowsPath(root)
    uri = pure.as_uri()
    return uri if uri.endswith("/") else uri + "/"
