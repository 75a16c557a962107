"""`read_usage`: page-view exports, any number and any mix of formats, summed per page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from auditor.load.usage.access_log import read_log
from auditor.load.usage.layout import detect
from auditor.load.usage.source import ENCODING_NAMES, fail, open_source
from auditor.load.usage.tables import read_table
from auditor.load.usage.tally import aggregate, empty, tidy
from auditor.load.usage.window import Window


@dataclass(frozen=True, slots=True)
class PageViews:
    """Views per page key in the window, as the exports name pages (not yet documents)."""

    #: One row per (page, title) seen in the window: page (URL or path as exported, or
    #: None), title (or None), views (int64), users (float, NaN if unknown), last_viewed
    #: (UTC, NaT if unknown). Users are the largest count of any one row or file, a lower
    #: bound: the same people return on other days and in other exports.
    pages: pd.DataFrame
    #: Per file: path, format (csv|tsv|jsonl|access-log), columns {role: name}, rows,
    #: rows_in_window, rows_outside_window, rows_ignored (assets, non-GET, errors, robots,
    #: blank, unreadable dates), per_day, gzipped, encoding.
    files: tuple[dict, ...]


def read_usage(
    files: Sequence[Path],
    now: pd.Timestamp,
    window_days: int = 365,
    columns: Mapping[str, str] | None = None,
) -> PageViews:
    """Read page-view exports: CSV/TSV, JSON Lines or access logs, gzipped or not, each
    streamed in chunks. Views count when their date lies within `window_days` before `now`
    (now's day included); rows without a date count. `columns` names columns ({role: name})
    of tables that are not recognised. Raises InputError, naming the file, for anything
    unreadable."""
    window = Window.ending(now, window_days)
    frames, facts = [], []
    for path in files:
        frame, fact = _read_file(Path(path), window, columns or {})
        frames.append(frame)
        facts.append(fact)
    pages = tidy(aggregate(pd.concat(frames, ignore_index=True))) if frames else empty()
    return PageViews(pages, tuple(facts))


def _read_file(path: Path, window: Window, columns: Mapping[str, str]) -> tuple[pd.DataFrame, dict]:
    source = open_source(path)
    layout = detect(source)
    for encoding in source.encodings:  # valid UTF-8 at its head may not be further on
        try:
            if layout.format == "access-log":
                frame, counts = read_log(source, encoding, window)
            else:
                frame, counts = read_table(source, layout, encoding, window, columns)
        except UnicodeDecodeError as exc:
            problem = exc
            continue
        fact = {"path": str(path), "format": layout.format, **counts}
        return frame, fact | {"gzipped": source.gzipped, "encoding": ENCODING_NAMES[encoding]}
    names = " nor ".join(ENCODING_NAMES[e] for e in source.encodings)
    names = f"neither {names}" if len(source.encodings) > 1 else f"not {names}"
    raise fail(path, f"{names} text ({problem.reason}): save it as UTF-8")
