"""The document cache: what reading each file produced, reused while the file is unchanged.

A second audit of a large wiki should cost little more than listing its files. Entries are
keyed on the file's path, size and modification time (nanoseconds); the cache file as a
whole on the scanned folder, the settings that shape a document's row, the version of
kb-audit and a digest of the code that reads documents, so a new release, an edited
loader or a changed setting starts afresh instead of serving stale rows.

The cache lives in `cache-dir`, `$KB_AUDIT_CACHE_DIR`, or the user's cache folder
(`$XDG_CACHE_HOME/kb-audit`, `~/.cache/kb-audit`,
`%LOCALAPPDATA%\\kb-audit` on Windows), never inside the scanned folder. It is
written whole, as the documents are read, to a temporary file renamed into place: an
interrupted run leaves the previous cache. A cache that cannot be read (truncated,
another format) is ignored and rebuilt; pickle is used because rows hold timestamps and
arrays, and the file is the user's own, in their own cache folder.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import pickle
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from auditor import __version__
from auditor.atomic import open_atomically
from auditor.config import Config

FORMAT = 3
_BATCH = 2000
_END = "end"  # the last pickle: a file without it was cut short
_PROTOCOL = pickle.HIGHEST_PROTOCOL
#: Settings that do not change what reading a document produces.
_NOT_ROW_SETTINGS = frozenset(
    {
        "format", "output", "now", "quiet", "fail_on", "lang", "history", "baseline",
        "report_url", "source", "select", "ignore", "rules", "overrides", "usage",
        "usage_window_days", "usage_columns", "roster", "glossary", "codeowners",
        "git_history", "bulk_commit_files", "base_urls", "anchor_slugs", "exclude", "cache",
        "cache_dir", "jobs",
    }
)  # fmt: skip
Stamp = tuple[int, int]  # (size, modification time in nanoseconds)
Entry = tuple[str, Stamp | None, Any]  # path, stamp (None: unreadable), what reading gave


def default_folder() -> Path:
    if os.environ.get("KB_AUDIT_CACHE_DIR"):
        return Path(os.environ["KB_AUDIT_CACHE_DIR"])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "kb-audit"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kb-audit"


@dataclasses.dataclass(slots=True)
class DocumentCache:
    file: Path
    entries: dict[str, tuple[Stamp, Any]]
    hits: int = 0
    #: Why the cache was not used or not saved, for the report.
    note: str | None = None

    def get(self, rel: str, stamp: Stamp) -> Any | None:
        entry = self.entries.get(rel)
        if entry is None or entry[0] != stamp:
            return None
        self.hits += 1
        return entry[1]

    def write_through(self, entries: Iterable[Entry]) -> Iterator[Entry]:
        """`entries` (path, stamp, what reading gave), passed on as they come and written to
        a new cache file in pickles of `_BATCH`: the cache holds on to none of them (at a
        million documents, gigabytes). An entry without a stamp passes unwritten. The new
        file replaces the old one once every entry has passed: an interrupted run leaves
        the old one. A failure to write is `note`, never an error of the audit."""
        batch: list[tuple[str, tuple[Stamp, Any]]] = []
        try:
            with contextlib.ExitStack() as files:
                out = self._start(files)
                for rel, stamp, read in entries:
                    yield rel, stamp, read
                    if out is not None and stamp is not None:
                        batch.append((rel, (stamp, read)))
                        if len(batch) == _BATCH:
                            out = self._dump(out, batch)
                            batch.clear()
                out = self._dump(self._dump(out, batch), _END)
                if out is None:
                    raise _NotSaved  # leaving the block with it removes the half-written file
        except _NotSaved:
            pass

    def _start(self, files: contextlib.ExitStack) -> BinaryIO | None:
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            out = files.enter_context(open_atomically(self.file))
        except OSError as exc:
            self.note = f"cache not saved: {self.file}: {exc.strerror or exc}"
            return None
        return self._dump(out, {"format": FORMAT})

    def _dump(self, out: BinaryIO | None, data: Any) -> BinaryIO | None:
        """`out` once `data` is written to it; None once writing failed."""
        if out is None:
            return None
        try:
            pickle.dump(data, out, _PROTOCOL)
        except OSError as exc:
            self.note = f"cache not saved: {self.file}: {exc.strerror or exc}"
            return None
        return out


class _NotSaved(Exception):
    """The new cache file could not be written whole: the old one stays."""


def open_cache(root: Path, config: Config) -> DocumentCache | None:
    """The cache for auditing `root` with `config`, or None when caching is off or its
    folder would lie inside `root` (kb-audit never writes into the folder it scans)."""
    folder = cache_folder(root, config)
    if folder is None:
        return None
    file = folder / f"documents-{_key(root, config)}.pickle"
    entries: dict = {}
    note = None
    try:
        with file.open("rb") as cached:
            header = pickle.load(cached)
            if isinstance(header, dict) and header.get("format") == FORMAT:
                while (batch := pickle.load(cached)) != _END:  # cut short: EOFError
                    entries.update(batch)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged cache is only a slower audit
        entries, note = {}, f"cache ignored and rebuilt: {type(exc).__name__}"
    return DocumentCache(file, entries, note=note)


def cache_folder(root: Path, config: Config) -> Path | None:
    """Where the caches for auditing `root` go; None when caching is off or the folder
    would lie inside `root`."""
    if not config.cache:
        return None
    folder = Path(config.cache_dir) if config.cache_dir else default_folder()
    if folder.resolve().is_relative_to(root.resolve()):
        return None
    return folder


def history_file(root: Path, config: Config) -> Path | None:
    """Where version history read for `root` is kept (see history_cache.py), if anywhere."""
    folder = cache_folder(root, config)
    if folder is None:
        return None
    name = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape"))
    return folder / f"history-{name.hexdigest()[:24]}.pickle"


def _key(root: Path, config: Config) -> str:
    settings = {k: v for k, v in config.to_dict().items() if k not in _NOT_ROW_SETTINGS}
    digest = hashlib.sha256()
    for part in (str(root.resolve()), __version__, code_digest(), json.dumps(settings,
                 sort_keys=True, default=str)):  # fmt: skip
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()[:24]


@functools.cache  # the code a process runs does not change under it
def code_digest() -> str:
    """The source of the code that turns a file into a row: an edited loader (a developer's
    checkout, a patched install) must not be served rows the old code made."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted([*here.rglob("*.py"), here.parent / "policies.py"]):
        digest.update(path.read_bytes())
    for package in ("pyromark", "yaml", "frontmatter", "dateparser"):
        module = sys.modules.get(package)
        digest.update(str(getattr(module, "__version__", "")).encode())
    return digest.hexdigest()
