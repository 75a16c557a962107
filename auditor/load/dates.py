"""Reading dates and review intervals as people write them in frontmatter."""

from __future__ import annotations

import datetime as dt
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


def parse_date(value: object, order: str = "DMY") -> pd.Timestamp | None:
    """A timezone-aware (UTC) timestamp from a YAML/TOML date, datetime or a string in ISO,
    numeric (`order` decides 03/05/2023) or natural-language form in English, Dutch,
    French or German. Returns None when the value is not a date. Date-only values mean
    midnight UTC."""
    if isinstance(value, dt.datetime):
        ts = pd.Timestamp(value)
        return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    if isinstance(value, dt.date):
        return pd.Timestamp(value.year, value.month, value.day, tz="UTC")
    if isinstance(value, str) and value.strip():
        return _parse_text(value.strip(), order)
    return None


@lru_cache(maxsize=65536)
def _parse_text(text: str, order: str) -> pd.Timestamp | None:
    """Cached: a wiki repeats the same few hundred dates, and dateparser costs ~1 ms."""
    try:  # ISO 8601, what nearly every wiki writes, is the fast path
        return parse_date(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
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
    return pd.Timestamp(parsed).tz_convert("UTC") if parsed else None


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
