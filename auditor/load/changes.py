"""Which files a change touched: `--changed-since REF` asks git, `--files LIST` reads a list.

The whole folder is still read (links, orphans and duplicates need every page); the scope
only says which documents' findings are reported.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from auditor.errors import InputError
from auditor.load.git import decode_text, nfc, run_git


@dataclass(frozen=True, slots=True)
class Scope:
    kind: str  # "changed-since" or "files"
    source: str  # the revision, or where the list came from
    #: Paths relative to the scanned root (POSIX); not all need be documents.
    paths: frozenset[str]
    #: Listed paths that lie outside the scanned folder.
    outside: tuple[str, ...] = ()


def changed_since(root: Path, revision: str) -> Scope:
    """Files under `root` changed since `revision` forked from HEAD — committed, staged,
    edited or new and untracked — as a pull request's check wants them. Deleted files
    have nothing left to report."""
    git = shutil.which("git")
    if git is None:
        raise InputError("--changed-since needs git, which is not installed or not on the PATH")
    base = _git(git, root, "merge-base", revision, "HEAD").strip()
    if not base:
        raise InputError(f"--changed-since: {revision} and HEAD share no history")
    changed = _git(git, root, "diff", "--name-only", "-z", "--relative", "--diff-filter=d", base)
    untracked = _git(git, root, "ls-files", "-z", "--others", "--exclude-standard")
    paths = {nfc(p) for p in (changed + untracked).split("\0") if p}
    return Scope("changed-since", revision, frozenset(paths))


def _git(git: str, root: Path, *args: str) -> str:
    try:
        done = run_git(git, root, *args)
    except OSError as exc:
        raise InputError(f"--changed-since: git could not run: {exc}") from None
    if done.returncode:
        message = decode_text(done.stderr).strip().splitlines() or ["no message"]
        first = next((m for m in message if m.startswith(("fatal:", "error:"))), message[0])
        if "not a git repository" in first:
            first = f"{root} is not in a git repository"
        elif "Not a valid object name" in first or "unknown revision" in first:
            first = f"unknown revision {args[1]!r} (is it fetched? a shallow clone may lack it)"
        raise InputError(f"--changed-since: {first}")
    return decode_text(done.stdout)


def listed_files(text: str, source: str, root: Path, cwd: Path) -> Scope:
    """Paths one per line (blank lines and `#` comments skipped), relative to the working
    directory — as `git diff --name-only` run there prints them — or to `root`."""
    inside, outside = set(), []
    root = root.resolve()
    for line in text.splitlines():
        name = line.strip()
        if not name or name.startswith("#"):
            continue
        relative = _under(root, name, cwd)
        if relative is None:
            outside.append(name)
        else:
            inside.add(nfc(relative))
    return Scope("files", source, frozenset(inside), tuple(outside))


def _under(root: Path, name: str, cwd: Path) -> str | None:
    """`name` relative to `root`, or None when it lies outside. Paths are made absolute
    without resolving symlinks of the listed file itself."""
    path = Path(name)
    candidates = [path] if path.is_absolute() else [cwd / path, root / path]
    for candidate in candidates:
        absolute = Path(os.path.normpath(candidate.parent.resolve() / candidate.name))
        if absolute.is_relative_to(root) and absolute != root:
            return PurePosixPath(absolute.relative_to(root)).as_posix()
    return None


def in_scope(finding_path: str, scope: Scope) -> bool:
    """A document's finding when the document is in scope; a folder's finding (`guides/`,
    `./`) when a document directly in the folder is."""
    if finding_path in scope.paths:
        return True
    if finding_path.endswith("/"):
        folder = "" if finding_path == "./" else finding_path
        return any(p.startswith(folder) and "/" not in p[len(folder) :] for p in scope.paths)
    return False
