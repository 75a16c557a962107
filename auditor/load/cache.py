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

FORMAT = 4
_BATCH = 2000
_PROTOCOL = pickle.HIGHEST_PROTOCOL
_END = "end"  # the last pickle: a file without it was cut short
_END_BYTES = pickle.dumps(_END, _PROTOCOL)
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
    #: The stamp of each file the cache holds, from its header. What reading the file gave
    #: is read from the cache only when `served` comes to it.
    stamps: dict[str, Stamp]
    hits: int = 0
    #: Why the cache was not used or not saved, for the report.
    note: str | None = None
    #: The cache file, open after its header, while entries may still be served.
    stored: BinaryIO | None = None

    def is_fresh(self, rel: str, stamp: Stamp) -> bool:
        """Whether the cache holds `rel` as it is now (counted as a hit)."""
        fresh = self.stamps.get(rel) == stamp
        self.hits += fresh
        return fresh

    def served(self, wanted: Iterable[str]) -> Iterator[Any | None]:
        """What reading gave for each of `wanted` (fresh, in the order of the cache file:
        the order documents are found in), one batch of the file held at a time. From a
        batch the file cannot give, None for the rest: those are read again, and the
        damaged file goes, to be written anew by the next audit."""
        batch: dict[str, Any] = {}
        try:
            for rel in wanted:
                while rel not in batch and self.stored is not None:
                    batch = self._next_batch(batch)
                read = batch.pop(rel, None)
                self.hits -= read is None  # read again, not reused
                yield read
        finally:
            self.close()

    def _next_batch(self, left: dict[str, Any]) -> dict[str, Any]:
        """The next batch of the file after `left`, the entries not served yet (a folder
        listed in another order). At the end, or on damage (the file is then removed),
        the file is closed and `left` stays."""
        assert self.stored is not None
        try:
            loaded = pickle.load(self.stored)
            if loaded != _END:
                return {**left, **dict(loaded)}
        except Exception as exc:  # a damaged cache is only a slower audit
            self.note = f"cache ignored and rebuilt: {type(exc).__name__}"
            self.file.unlink(missing_ok=True)
        self.close()
        return left

    def close(self) -> None:
        if self.stored is not None:
            self.stored.close()
            self.stored = None

    def write_through(self, entries: Iterable[Entry], stamps: dict[str, Stamp]) -> Iterator[Entry]:
        """`entries` (path, stamp, what reading gave), passed on as they come and written to
        a new cache file in pickles of `_BATCH`, after a header of their `stamps`: the cache
        holds on to none of them (at a million documents, gigabytes). An entry without a
        stamp passes unwritten. The new file replaces the old one once every entry has
        passed: an interrupted run leaves the old one. A failure to write is `note`, never
        an error of the audit."""
        batch: list[tuple[str, Any]] = []
        renaming = False
        try:
            with contextlib.ExitStack() as files:
                out = self._start(files, stamps)
                for rel, stamp, read in entries:
                    yield rel, stamp, read
                    if out is not None and stamp is not None:
                        batch.append((rel, read))
                        if len(batch) == _BATCH:
                            out = self._dump(out, batch)
                            batch.clear()
                out = self._dump(self._dump(out, batch), _END)
                if out is None:
                    raise _NotSaved  # leaving the block with it removes the half-written file
                self.close()  # the old file, all served: Windows renames no file that is open
                renaming = True
        except _NotSaved:
            pass
        except OSError as exc:
            if not renaming:  # not ours: reading failed
                raise
            self.note = f"cache not saved: {self.file}: {exc.strerror or exc}"

    def _start(self, files: contextlib.ExitStack, stamps: dict[str, Stamp]) -> BinaryIO | None:
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            out = files.enter_context(open_atomically(self.file))
        except OSError as exc:
            self.note = f"cache not saved: {self.file}: {exc.strerror or exc}"
            return None
        return self._dump(out, {"format": FORMAT, "stamps": stamps})

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
    cache = DocumentCache(file, {})
    try:
        stored = file.open("rb")
    except FileNotFoundError:
        return cache
    except OSError as exc:
        cache.note = f"cache ignored and rebuilt: {exc.strerror or exc}"
        return cache
    try:
        if not _complete(stored):
            raise EOFError("cut short")
        header = pickle.load(stored)
        if isinstance(header, dict) and header.get("format") == FORMAT:
            cache.stamps, cache.stored = header["stamps"], stored
    except Exception as exc:  # a damaged cache is only a slower audit
        cache.note = f"cache ignored and rebuilt: {type(exc).__name__}"
    if cache.stored is None:
        stored.close()
    return cache


def _complete(stored: BinaryIO) -> bool:
    """Whether the file ends as a cache file ends: one cut short (a full disk, a copy
    interrupted) would give some entries and then fail."""
    stored.seek(0, os.SEEK_END)
    if stored.tell() < len(_END_BYTES):
        return False
    stored.seek(-len(_END_BYTES), os.SEEK_END)
    complete = stored.read() == _END_BYTES
    stored.seek(0)
    return complete


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
