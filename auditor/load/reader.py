"""Reading the documents: unchanged files from the cache, the others on every core.

Reading is nearly all of an audit's cost (parsing Markdown and frontmatter, fingerprints
for duplicates, abbreviations), and each file is independent of the others: files are
read in chunks by a pool of processes, one per core, and come back in their order.
Small folders are read in this process, where a pool would cost more than it saves.
"""

from __future__ import annotations

import concurrent.futures
import functools
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from auditor.config import Config, file_size_bytes
from auditor.load.cache import DocumentCache, Entry, Stamp
from auditor.load.confluence import read_confluence_page
from auditor.load.document import LoadedDocument, read_document

#: Below this many files to read, one process does it: starting a pool costs ~0.1 s.
PARALLEL_FROM = 400
CHUNK = 128
#: The share of changed files from which the cache is written again (see _worth_rewriting).
REWRITE_FROM = 0.02

Read = LoadedDocument | str  # a document, or the reason it is skipped
_worker: dict[str, Any] = {}


def read_documents(
    root: Path,
    paths: list[str],
    config: Config,
    index,
    cache: DocumentCache | None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[str, Read]]:
    """(path, what reading it gave) for every path, in order, each as soon as it is known:
    nothing here holds on to the documents passed on."""
    stamps = {rel: _stamp(root / rel) for rel in paths}
    if cache is None:
        fresh: set[str] = set()
        served: Iterator[Read | None] = iter(())
    else:
        fresh = {rel for rel, stamp in stamps.items() if stamp and cache.is_fresh(rel, stamp)}
        served = cache.served(rel for rel in paths if rel in fresh)
    todo = _read_all(root, [rel for rel in paths if rel not in fresh], config, index)
    again = functools.partial(read_one, root, config=config, index=index)
    entries = _in_order(paths, stamps, fresh, served, todo, again, progress)
    if cache is not None and _worth_rewriting(cache, len(paths) - len(fresh), len(paths)):
        entries = cache.write_through(entries, {r: s for r, s in stamps.items() if s})
    try:
        for rel, _, read in entries:
            yield rel, read
    finally:
        if cache is not None:
            cache.close()


def _in_order(
    paths: list[str],
    stamps: dict[str, Stamp | None],
    fresh: set[str],
    served: Iterator[Read | None],
    todo: Iterator[tuple[str, Read]],
    again: Callable[[str], Read],
    progress: Callable[[int, int], None] | None,
) -> Iterator[Entry]:
    """Documents the cache serves (those `fresh` in it) and the others, read by `todo` in
    the same order, merged back into the order of `paths`. What a damaged cache could not
    serve is read `again`."""
    done, total = len(fresh), len(paths)
    if progress and done:
        progress(done, total)
    for rel in paths:
        if rel in fresh:
            read = next(served)
            read = again(rel) if read is None else read
        else:
            _, read = next(todo)
            done += 1
            if progress:
                progress(done, total)
        yield rel, stamps[rel], read


def _worth_rewriting(cache: DocumentCache, read: int, total: int) -> bool:
    """Whether to write the cache again after reading `read` of `total` files afresh.

    The cache is written whole: at 100,000 documents that took 8 s, what reading 5 to 6%
    of them again takes. While the files changed or gone since it was written stay under
    `REWRITE_FROM` of the folder, they are read again next time instead."""
    outdated = len(cache.stamps) - cache.hits  # entries of files changed or gone
    if not (read or outdated):
        return False
    return not cache.stamps or max(read, outdated) > REWRITE_FROM * total


def jobs_for(config: Config) -> int:
    """Processes to read with: `jobs` from the config, else one per core."""
    return max(1, config.jobs or _cores())


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (containers)
    except AttributeError:
        return os.cpu_count() or 1


def _stamp(path: Path) -> Stamp | None:
    try:
        status = path.stat()
    except OSError:
        return None  # unreadable: reading it says why
    return status.st_size, status.st_mtime_ns


def _read_all(root: Path, todo: list[str], config: Config, index) -> Iterator[tuple[str, Read]]:
    jobs = jobs_for(config)
    if jobs == 1 or len(todo) < PARALLEL_FROM:
        for rel in todo:
            yield rel, read_one(root, rel, config, index)
        return
    chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
    # fork where there is one: workers start in milliseconds with the modules loaded
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = concurrent.futures.ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(root, config, index)
    )
    try:
        for chunk, reads in zip(chunks, pool.map(_read_chunk, chunks), strict=True):
            yield from zip(chunk, reads, strict=True)
    except BaseException:  # interrupted (Ctrl-C, SIGTERM) or failed: drop the queued work
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _start_worker(root: Path, config: Config, index) -> None:
    # Ctrl-C reaches the whole process group: the main process alone handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(root=root, config=config, index=index)


def _read_chunk(chunk: list[str]) -> list[Read]:
    return [read_one(_worker["root"], rel, _worker["config"], _worker["index"]) for rel in chunk]


def read_one(root: Path, rel: str, config: Config, index) -> Read:
    if index is not None and rel.lower().endswith(".html"):
        try:
            status = (root / rel).stat()
            limit = file_size_bytes(config.max_file_size)
            if status.st_size > limit:
                return f"larger than max-file-size ({status.st_size:,} bytes; limit {limit:,})"
            data = (root / rel).read_bytes()
            mtime = status.st_mtime
        except OSError as exc:
            return f"unreadable: {exc.strerror or exc}"
        loaded = read_confluence_page(data, rel, config, index)
        if isinstance(loaded, LoadedDocument):
            loaded.row["mtime"] = pd.Timestamp(mtime, unit="s", tz="UTC")
        return loaded
    return read_document(root / rel, rel, config)
