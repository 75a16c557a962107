"""Version history, kept between audits while the repository's HEAD stays the same.

Reading history is one pass of `git log` over every commit: at 100,000 commits, longer
than reading the files. Its result depends only on the commits reachable from HEAD, the
documents it is asked about, `.mailmap`, the bulk threshold and the code that reads it;
all of them make up the key stored in the file. One file per scanned folder, replaced
when the key changes, so a scheduled audit of a moving repository keeps one file, not one
per commit.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from auditor.atomic import open_atomically

T = TypeVar("T")


def history_key(head: str, prefix: str, paths: Iterable[str], *settings: object) -> str:
    digest = hashlib.sha256()
    for part in (head, prefix, *map(repr, settings)):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for path in sorted(paths):
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def cached(file: Path | None, key: str, compute: Callable[[], T]) -> T:
    """The value stored in `file` under `key`, else `compute()` stored there. A file that
    cannot be read or written only costs the time to compute."""
    if file is None:
        return compute()
    try:
        with file.open("rb") as stored:
            found = pickle.load(stored)
        if isinstance(found, dict) and found.get("key") == key:
            return found["value"]
    except Exception:  # missing, damaged or from another version: computed and replaced
        pass
    value = compute()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with open_atomically(file) as out:
            pickle.dump({"key": key, "value": value}, out, pickle.HIGHEST_PROTOCOL)
    except OSError:
        pass
    return value
