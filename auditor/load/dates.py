"""Reading dates and review intervals as people write them in frontmatter."""

from __future__ import annotations

import datetime as dt
import re

import dateparser
import pandas as pd

_DATEPARSER_SETTINGS = {
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "DATE_ORDER": "DMY",  # European wikis write 03-04-2024 for 3 April
    "PREFER_DAY_OF_MONTH": "first",
    "STRICT_PARSING": False,
}
_DURATION = re.compile(
    r"^\s*(\d+(?:[.,]\d+)?)\s*([a-z]+)\s*$",
)
_UNIT_DAYS = {
    **dict.fromkeys(("d", "day", "days", "dag", "dagen"), 1),
    **dict.fromkeys(("w", "week", "weeks", "weken"), 7),
    **dict.fromkeys(("m", "mo", "month", "months", "maand", "maanden"), 30.4375),
    **dict.fromkeys(("y", "yr", "year", "years", "jaar", "jaren"), 365.25),
}
_ISO_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$", re.IGNORECASE)


def parse_date(value: object) -> pd.Timestamp | None:
    """A timezone-aware (UTC) timestamp from a YAML date, datetime or free-form string.

    Returns None when the value is not a date. Date-only values mean midnight UTC.
    """
    if isinstance(value, dt.datetime):
        ts = pd.Timestamp(value)
        return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    if isinstance(value, dt.date):
        return pd.Timestamp(value.year, value.month, value.day, tz="UTC")
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:  # ISO 8601 is what nearly every wiki writes; it is also the fast path
        return parse_date(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    parsed = dateparser.parse(text, languages=["en", "nl"], settings=_DATEPARSER_SETTINGS)
    return pd.Timestamp(parsed).tz_convert("UTC") if parsed else None


def parse_days(value: object) -> float | None:
    """Days in an interval such as `6 months`, `90 days`, `1 jaar`, `P6M` or a bare number
    of days. Returns None when the value is not an interval."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value > 0 else None
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
