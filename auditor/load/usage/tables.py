"""Analytics exports as tables: CSV and TSV (GA4, Matomo, Plausible, Confluence, Dutch
exports with `;`) and JSON Lines, read with pandas in chunks and summed per page as they
stream by."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TextIO

import numpy as np
import pandas as pd

from auditor.load.usage.columns import find_columns
from auditor.load.usage.layout import Layout
from auditor.load.usage.source import Malformed, Source, reading
from auditor.load.usage.tally import Tally
from auditor.load.usage.window import Window, to_dates

CHUNK_ROWS = 500_000
_TEXT_ROLES = ("page", "title", "date", "last_viewed")
#: Thousands separators in counts written for people: 1,234 / 1.234 / 1 234.
_THOUSANDS = re.compile(r"(?<=\d)[\s,.'\u2019](?=\d{3}(?!\d))")


def read_table(
    source: Source, layout: Layout, encoding: str, window: Window, explicit: Mapping[str, str]
) -> tuple[pd.DataFrame, dict]:
    """The views per page key of a CSV/TSV/JSON Lines file, and what was read."""
    sample = {name: [row[i] for row in layout.sample if i < len(row)]
              for i, name in enumerate(layout.header)}  # fmt: skip
    roles = find_columns(layout.header, explicit, source.path, sample)
    counts = dict.fromkeys(("rows", "rows_in_window", "rows_outside_window", "rows_ignored"), 0)
    tally = Tally()
    with source.open(encoding) as handle, reading(source.path, layout.skip + 1):
        chunks = _json_chunks(handle) if layout.format == "jsonl" else _csv_chunks(
            handle, layout, roles
        )  # fmt: skip
        for chunk in chunks:
            frame = pd.DataFrame(
                {role: chunk.get(name, np.nan) for role, name in roles.items()},
                index=chunk.index,
            )
            _take(frame, window, tally, counts)
    return tally.frame(), {"columns": roles, **counts, "per_day": "date" in roles}


def _csv_chunks(handle: TextIO, layout: Layout, roles: Mapping[str, str]) -> Iterator:
    width = len(layout.header)
    for number, row in enumerate(layout.sample, start=layout.skip + 2):
        if len(row) > width:  # pandas would drop the excess of a first row without a word
            raise Malformed(
                f"malformed table: line {number} has {len(row)} fields, the header {width}"
            )
    for _ in range(layout.skip + 1):  # comments and the header: read once, in detect()
        handle.readline()
    position = {name: i for i, name in reversed(list(enumerate(layout.header)))}
    used = sorted({position[name] for name in roles.values()})
    text_roles = {position[roles[r]]: "str" for r in _TEXT_ROLES if r in roles}
    # All columns are parsed, not only `used` ones: with usecols pandas ignores extra fields,
    # and a title with an unquoted comma would shift a year into the views column unnoticed.
    reader = pd.read_csv(
        _TableText(handle),
        sep=layout.delimiter,
        header=None,
        names=list(range(width)),
        index_col=False,
        dtype=text_roles,
        # Counts written for people: 1.234 beside `;` (where "," is the decimal mark), else 1,234.
        thousands="." if layout.delimiter == ";" else ",",
        decimal="," if layout.delimiter == ";" else ".",
        keep_default_na=False,  # a page called "null" or "NA" is a page
        na_values=[""],
        chunksize=CHUNK_ROWS,
        engine="c",
    )
    with reader:
        for chunk in reader:
            yield chunk.rename(columns={i: layout.header[i] for i in used})


def _json_chunks(handle: TextIO) -> Iterator:
    reader = pd.read_json(
        handle,
        lines=True,
        chunksize=CHUNK_ROWS,
        dtype=False,  # no guessing: dates and ids stay as written
    )
    with reader:
        try:
            yield from reader
        except ValueError as exc:  # pandas' JSON parser says only where in the chunk
            raise Malformed(f"malformed JSON Lines ({exc})") from None


def _take(frame: pd.DataFrame, window: Window, tally: Tally, counts: dict) -> None:
    """Count a chunk's rows and add those in the window to the tally."""
    page, title = _text(frame, "page"), _text(frame, "title")
    views = _numbers(frame["views"])
    users = _numbers(frame["users"]) if "users" in frame else None
    ignored = (page.isna() & title.isna()) | views.isna() | (views < 0)
    last = to_dates(frame["last_viewed"]) if "last_viewed" in frame else None
    if "date" in frame:
        dates = to_dates(frame["date"])
        ignored |= frame["date"].notna() & dates.isna()  # a date that is not one
        inside = window.holds(dates)
        last = dates if last is None else dates.where(last.isna() | (dates >= last), last)
    elif last is not None:  # a total with its last view: none in the window if that's before
        inside = last.isna() | (last >= window.start)
    else:
        inside = pd.Series(True, index=frame.index)
    keep = ~ignored & inside
    counts["rows"] += len(frame)
    counts["rows_ignored"] += int(ignored.sum())
    counts["rows_outside_window"] += int((~ignored & ~inside).sum())
    counts["rows_in_window"] += int(keep.sum())
    part = pd.DataFrame(
        {
            "page": page,
            "title": title,
            "views": views,
            "users": np.nan if users is None else users,
            "last_viewed": pd.NaT if last is None else last,
        },
        index=frame.index,
    )
    tally.add(part[keep.to_numpy()])


def _text(frame: pd.DataFrame, role: str) -> pd.Series:
    if role not in frame:
        return pd.Series(None, index=frame.index, dtype=object)
    values = frame[role]
    if values.dtype.kind in "iuf":  # page ids in JSON
        values = values.map(lambda v: str(int(v)), na_action="ignore")
    text = values.astype("str")
    return text.where(text != "")


def _numbers(values: pd.Series) -> pd.Series:
    if values.dtype.kind in "iuf":
        return values.astype("float64")
    text = values.astype("str").str.replace(_THOUSANDS, "", regex=True).str.strip()
    return pd.to_numeric(text, errors="coerce").astype("float64")


class _TableText:
    """A table's text up to its end, an empty line or a `#` line (GA4 puts a second table
    below the first), for pandas to parse: pandas never sees what follows, and finding the
    end costs three `str.find`s a block."""

    def __init__(self, handle: TextIO) -> None:
        self._handle, self._rest, self._done = handle, "", False

    def read(self, size: int = -1) -> str:
        while not self._done:
            block = self._handle.read(size if size and size > 0 else -1)
            if not block:  # the end of the file: the last line may lack its newline
                self._done = True
                return "" if _table_end(self._rest + "\n") >= 0 else self._rest
            text = self._rest + block
            cut = text.rfind("\n") + 1
            lines, self._rest = text[:cut], text[cut:]
            end = _table_end(lines)
            if end >= 0:
                self._done = True
                return lines[:end]
            if lines:
                return lines
        return ""

    def __iter__(self):  # pandas wants a file-like object to be iterable; it only reads
        return iter(())


def _table_end(lines: str) -> int:
    """Where the first empty or `#` line of whole `lines` starts, or -1."""
    if lines.startswith(("\n", "\r\n", "#")):
        return 0
    found = [at + 1 for at in map(lines.find, ("\n\n", "\n\r\n", "\n#")) if at >= 0]
    return min(found, default=-1)
