"""Views summed per page key, chunk by chunk, in memory that follows the number of distinct
pages rather than the number of rows read."""

from __future__ import annotations

import pandas as pd

from auditor.load.usage.window import DATES

COLUMNS = ["page", "title", "views", "users", "last_viewed"]
KEYS = ["page", "title"]
_COMPACT_AT = 1_000_000  # rows of partial sums held before they are merged


def aggregate(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (page, title): views summed, the latest date, and the largest user count
    of any row. Users are not summed: the same people come back on other days and through
    other exports, so a sum would count them again; the largest count is a lower bound."""
    grouped = frame.groupby(KEYS, dropna=False, sort=False)
    summed = grouped.agg(
        views=("views", "sum"), users=("users", "max"), last_viewed=("last_viewed", "max")
    )
    return summed.reset_index()


class Tally:
    """Partial sums per chunk, merged whenever they grow past the last merged size, so a
    file of ten million per-day rows over 50,000 pages holds about 50,000 rows at a time."""

    def __init__(self) -> None:
        self._parts: list[pd.DataFrame] = []
        self._rows = 0
        self._limit = _COMPACT_AT

    def add(self, frame: pd.DataFrame) -> None:
        if frame.empty:
            return
        part = aggregate(frame)
        self._parts.append(part)
        self._rows += len(part)
        if self._rows > self._limit:
            self._merge()
            self._limit = max(_COMPACT_AT, 2 * self._rows)

    def frame(self) -> pd.DataFrame:
        self._merge()
        return self._parts[0] if self._parts else empty()

    def _merge(self) -> None:
        if len(self._parts) > 1:
            self._parts = [aggregate(pd.concat(self._parts, ignore_index=True))]
            self._rows = len(self._parts[0])


def empty() -> pd.DataFrame:
    return tidy(pd.DataFrame({column: [] for column in COLUMNS}))


def tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """The public shape of `PageViews.pages`: text or None, int64 views, float users,
    UTC dates; the most viewed first."""
    out = pd.DataFrame(
        {
            "page": _text(frame["page"]),
            "title": _text(frame["title"]),
            "views": frame["views"].astype("float64").round().astype("int64"),
            "users": frame["users"].astype("float64"),
            "last_viewed": pd.to_datetime(frame["last_viewed"], utc=True).astype(DATES),
        }
    )
    out = out.sort_values(["views", "page", "title"], ascending=[False, True, True], kind="stable")
    return out.reset_index(drop=True)


def _text(values: pd.Series) -> pd.Series:
    out = values.astype(object)
    return out.where(out.notna(), None)
