"""Reading dates and review intervals as people write them in frontmatter."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from functools import lru_cache

import dateparser
import pandas as pd

LANGUAGES = ["en", "nl", "fr", "de"]
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\s*$")
_DURATION = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([a-z]+)\s*$")
_UNIT_DAYS = {
    **dict.fromkeys(("d", "day", "days", "dag", "dagen"), 1),
    **dict.fromkeys(("w", "week", "weeks", "weken"), 7),
    **dict.fromkeys(("m", "mo", "month", "months", "maand", "maanden"), 30.4375),
    **dict.fromkeys(("y", "yr", "year", "years", "jaar", "jaren"), 365.25),
}
_ISO_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$", re.IGNORECASE)


#: The dates an audit can hold, those of pandas' nanosecond timestamps: 1677-09-22 to
#: 2262-04-11. A date outside them (a typo such as 1349, or 9999-12-31 for "never") is
#: a date problem of the document, never a date.
EARLIEST = pd.Timestamp.min.ceil("D").tz_localize("UTC")
LATEST = pd.Timestamp.max.floor("D").tz_localize("UTC")


def parse_date(value: object, order: str = "DMY") -> pd.Timestamp | None:
    """A timezone-aware (UTC) timestamp from a YAML/TOML date, datetime or a string in ISO,
    numeric (`order` decides 03/05/2023) or natural-language form in English, Dutch,
    French or German. Returns None when the value is not a date, or is one outside
    `EARLIEST`…`LATEST` (`date_problem` says which). Date-only values mean midnight UTC."""
    when = _any_date(value, order)
    return when if when is not None and EARLIEST <= when <= LATEST else None


def from_epoch(seconds: float) -> pd.Timestamp | None:
    """A file's modification time as a UTC timestamp; None outside `EARLIEST`…`LATEST`
    (`touch -d 2300-01-01` is allowed, and a clock can be wrong)."""
    try:
        when = pd.Timestamp(seconds, unit="s", tz="UTC")
    except (ValueError, OverflowError):
        return None
    return when if EARLIEST <= when <= LATEST else None


def date_problem(value: object, order: str = "DMY") -> str:
    """Why `parse_date` gives no date for the value, to follow `'key: value'`."""
    if _any_date(value, order) is None:
        return "is not a date"
    return f"is outside the dates an audit can hold ({EARLIEST:%Y-%m-%d} to {LATEST:%Y-%m-%d})"


def _any_date(value: object, order: str) -> pd.Timestamp | None:
    """`parse_date` without the bounds: any year Python's datetime allows."""
    try:
        if isinstance(value, dt.datetime):
            ts = pd.Timestamp(value)
            return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
        if isinstance(value, dt.date):
            return pd.Timestamp(value.year, value.month, value.day, tz="UTC")
    except (ValueError, OverflowError):  # 0001-01-01T00:00+14:00 is in year 0 in UTC
        return None
    if isinstance(value, str) and value.strip():
        return _parse_text(value.strip(), order)
    return None


@lru_cache(maxsize=65536)
def _parse_text(text: str, order: str) -> pd.Timestamp | None:
    """Cached: a wiki repeats the same few hundred dates, and dateparser costs ~1 ms."""
    try:  # ISO 8601, what nearly every wiki writes, is the fast path
        return _any_date(dt.datetime.fromisoformat(text.replace("Z", "+00:00")), order)
    except ValueError:
        pass
    if match := _NUMERIC.match(text):
        first, second, year = (int(g) for g in match.groups())
        day, month = (first, second) if order == "DMY" else (second, first)
        year += 2000 if year < 100 else 0
        try:
            return pd.Timestamp(year, month, day, tz="UTC")
        except ValueError:
            return None
    if (named := _named_month(text)) is not None:
        return named
    settings = {
        "RETURN_AS_TIMEZONE_AWARE": True,
        "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC",
        "DATE_ORDER": order,
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["month", "year"],
        "PARSERS": ["custom-formats", "absolute-time"],  # "next week" is not a date to audit
    }
    parsed = dateparser.parse(text, languages=LANGUAGES, settings=settings)
    return _any_date(parsed, order) if parsed else None


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "january jan januari janvier janv janvier januar jän",
            "february feb februari février févr februar",
            "march mar maart mars märz mrt",
            "april apr avril",
            "may mei mai",
            "june jun juni juin",
            "july jul juli juillet juil",
            "august aug augustus août",
            "september sep sept septembre",
            "october oct oktober octobre okt",
            "november nov novembre",
            "december dec december décembre déc dezember dez",
        ],
        start=1,
    )
    for name in names.split()
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|e|er)?\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")


def _named_month(text: str) -> pd.Timestamp | None:
    """ "13 May 2023", "13 mei 2023", "May 13, 2023", "August 26th, 2022": the forms people
    write most, read without dateparser (which costs milliseconds a value)."""
    if match := _DAY_MONTH_YEAR.match(text):
        day, name, year = match.groups()
    elif match := _MONTH_DAY_YEAR.match(text):
        name, day, year = match.groups()
    else:
        return None
    month = _MONTHS.get(name.casefold())
    if month is None:
        return None
    try:
        return pd.Timestamp(int(year), month, int(day), tz="UTC")
    except ValueError:
        return None


def proven_order(values: Iterable[object]) -> tuple[str | None, str | None]:
    """The order numeric dates such as 13/05/2023 prove ("DMY" or "MDY"), with the value
    that proves it; (None, None) when no value decides, or values contradict each other."""
    proofs: dict[str, str] = {}
    for value in values:
        match = _NUMERIC.match(value) if isinstance(value, str) else None
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            if first > 12 >= second:
                proofs.setdefault("DMY", value)
            elif second > 12 >= first:
                proofs.setdefault("MDY", value)
    if len(proofs) == 1:
        ((order, proof),) = proofs.items()
        return order, proof
    return None, None


def is_ambiguous_numeric(value: object) -> bool:
    match = _NUMERIC.match(value) if isinstance(value, str) else None
    return bool(match) and int(match.group(1)) <= 12 and int(match.group(2)) <= 12


def parse_days(value: object) -> float | None:
    """Days in an interval such as `6 months`, `90 days`, `12 maanden`, `P6M` or a bare
    number of days. Returns None when the value is not an interval."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if not value > 0:
            return None
        try:
            return float(value)
        except OverflowError:  # an integer past float's range (TOML and YAML allow it)
            return math.inf  # as `.inf` and "1000…000 days" are: never due
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if match := _ISO_DURATION.match(text):
        years, months, weeks, days = (int(g or 0) for g in match.groups())
        total = years * 365.25 + months * 30.4375 + weeks * 7 + days
        return total or None
    if match := _DURATION.match(text):
        number, unit = float(match.group(1).replace(",", ".")), match.group(2)
        if unit in _UNIT_DAYS and number > 0:
            return number * _UNIT_DAYS[unit]
    return None


def parse_now(value: str | None) -> pd.Timestamp:
    """The audit's "now": a given date, or the current time (UTC)."""
    if value is None:
        return pd.Timestamp.now(tz="UTC")
    ts = parse_date(value)
    if ts is None:
        raise ValueError(f"cannot read {value!r} as a date (use YYYY-MM-DD)")
    return ts
