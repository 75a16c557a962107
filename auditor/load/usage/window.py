"""The usage window, and dates as exports write them: GA4's `20261127`, ISO dates and
timestamps, day-first numeric dates (27-11-2026, 27/11/2026), written-out dates ("Nov 27,
2026", "27 november 2026") and epoch numbers from JSON."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from auditor.load.dates import parse_date

DAY = pd.Timedelta(days=1)
DATES = "datetime64[ns, UTC]"
_YMD = re.compile(r"(\d{4})(\d{2})(\d{2})")
#: Above this many distinct values in a chunk the column holds timestamps, not days: parse
#: them vectorised as ISO 8601 instead of one by one.
_MANY_VALUES = 50_000


@dataclass(frozen=True, slots=True)
class Window:
    """The days whose views count: from `start` (midnight UTC, `days` before now's day)
    up to and including now's day (`end` is the midnight after it)."""

    start: pd.Timestamp
    end: pd.Timestamp

    @classmethod
    def ending(cls, now: pd.Timestamp, days: int) -> Window:
        now = now.tz_localize("UTC") if now.tzinfo is None else now.tz_convert("UTC")
        today = now.normalize()
        return cls(today - pd.Timedelta(days=days), today + DAY)

    def holds(self, dates: pd.Series) -> pd.Series:
        """Whether each date lies in the window; a row without a date does (a total export)."""
        return dates.isna() | ((dates >= self.start) & (dates < self.end))


def to_dates(values: pd.Series) -> pd.Series:
    """UTC timestamps (ns), NaT where a value is missing or not a date. Each distinct value
    is parsed once: a year of per-day rows has only 365."""
    if isinstance(values.dtype, pd.DatetimeTZDtype) or values.dtype.kind == "M":
        dates = pd.to_datetime(values, utc=True)
        return dates.astype(DATES)
    codes, uniques = pd.factorize(values)
    if len(uniques) > _MANY_VALUES and values.dtype.kind not in "iuf":
        parsed = pd.to_datetime(pd.Series(uniques), format="ISO8601", utc=True, errors="coerce")
        parsed = parsed.astype(DATES)
    else:
        parse = _from_number if values.dtype.kind in "iuf" else _from_text
        parsed = pd.Series([parse(value) for value in uniques], dtype=DATES)
    naive = parsed.dt.tz_convert(None).to_numpy(dtype="datetime64[ns]")
    table = np.append(naive, np.datetime64("NaT", "ns"))  # code -1 (a missing value): NaT
    return pd.Series(table[codes], index=values.index).dt.tz_localize("UTC")


@lru_cache(maxsize=65536)
def _from_text(value: str) -> pd.Timestamp | None:
    text = str(value).strip()
    if match := _YMD.fullmatch(text):
        return _day(*map(int, match.groups()))
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        return parse_date(parsed)
    if len(text) > 40 or not any(c.isdigit() for c in text):
        return None  # dateparser takes a millisecond per value: only for what may be a date
    return parse_date(text, "DMY")


def _from_number(value: float) -> pd.Timestamp | None:
    """20261127 (GA4's dates read as numbers), else epoch seconds or milliseconds."""
    if value != value or value < 0:  # NaN
        return None
    if 19000101 <= value <= 21001231 and value == int(value):
        number = int(value)
        return _day(number // 10000, number // 100 % 100, number % 100)
    unit = "ms" if value > 1e11 else "s"
    return pd.Timestamp(value, unit=unit, tz="UTC")


def _day(year: int, month: int, day: int) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(year, month, day, tz="UTC")
    except ValueError:
        return None
