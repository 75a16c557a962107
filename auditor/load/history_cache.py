"""Version history, kept between audits: served again while the repository's HEAD stays
the same, and carried forward when HEAD moves on.

Reading history is one pass of `git log` over every commit: at 100,000 commits, longer
than reading the files. Its result depends only on the commits reachable from HEAD, the
documents it is asked about, `.mailmap`, the bulk threshold and the code that reads it;
all of them make up the key stored in the file. Beside the result, the file keeps the
state of the walk that gave it: when only HEAD and the documents changed, the reader
walks the new commits and goes on from that state (history.py says when it can do so
exactly). One file per scanned folder, replaced when the key changes, so a scheduled
audit of a moving repository keeps one file, not one per commit.
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


def settings_key(prefix: str, *settings: object) -> str:
    """The key without HEAD and the documents: what a state to go on from must match."""
    return history_key("", prefix, (), *settings)


def cached(
    file: Path | None, key: str, settings: str, compute: Callable[[object], tuple[T, object]]
) -> T:
    """The value stored in `file` under `key`, else the value of `compute(state)`, given
    the state stored beside a value of the same `settings` (None when there is none), and
    stored with the state it returns. The state is a second pickle, read only when needed.
    A file that cannot be read or written only costs the time to compute."""
    if file is None:
        return compute(None)[0]
    state = None
    try:
        with file.open("rb") as stored:
            found = pickle.load(stored)
            if found["key"] == key:
                return found["value"]
            if found["settings"] == settings:
                state = pickle.load(stored)
    except Exception:  # missing, damaged or from another version: computed and replaced
        pass
    value, state = compute(state)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with open_atomically(file) as out:
            pickle.dump(
                {"key": key, "settings": settings, "value": value}, out, pickle.HIGHEST_PROTOCOL
            )
            pickle.dump(state, out, pickle.HIGHEST_PROTOCOL)
    except OSError:
        pass
    return value
