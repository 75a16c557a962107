"""Ranking documents by page views (or effort) among the documents that were audited.

Only documents that were read successfully and have usage data take part. Ranks count
strictly lower or higher values, so that ties never stretch a quantile: when half the
pages had one view, none of them is in the top quartile for it. "Most read" is ranked
among the pages read at least once: in most knowledge bases most pages are not read at
all (TA4), and the top quartile of all pages would then start at one view. An unread
page is always among the least read, however many unread pages there are.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

_EPSILON = 1e-9  # 9/10 of the pages must reach a quantile of 0.9, whatever the rounding
MIN_DOCUMENTS = 10
MIN_DOCUMENTS_HELP = (
    "Fewest documents to rank before quantiles mean anything (with fewer, a decile is not "
    "even one page); below it the rule reports nothing."
)


def ranked(docs: pd.DataFrame) -> pd.Series:
    """The documents that take part in rankings: readable and with usage data."""
    return docs["readable"].astype(bool) & docs["views"].notna()


def share_below(values: pd.Series, among: pd.Series) -> pd.Series:
    """For each value, the fraction of `among` that is strictly lower."""
    ordered = np.sort(among.to_numpy(dtype=float))
    below = np.searchsorted(ordered, values.to_numpy(dtype=float), side="left")
    return pd.Series(below / max(len(ordered), 1), index=values.index)


def share_above(values: pd.Series, among: pd.Series) -> pd.Series:
    """For each value, the fraction of `among` that is strictly higher."""
    ordered = np.sort(among.to_numpy(dtype=float))
    at_most = np.searchsorted(ordered, values.to_numpy(dtype=float), side="right")
    return pd.Series(1 - at_most / max(len(ordered), 1), index=values.index)


def top(values: pd.Series, among: pd.Series, quantile: float) -> pd.Series:
    """At or above the quantile: e.g. 0.75, more than 75% of `among` is lower."""
    return share_below(values, among) >= quantile - _EPSILON


def least_read(views: pd.Series, among: pd.Series, quantile: float) -> pd.Series:
    """Unread, or at or below the quantile: e.g. 0.1, 90% of `among` was read more."""
    return (views == 0) | (share_above(views, among) >= 1 - quantile - _EPSILON)


def percentile(values: pd.Series, among: pd.Series) -> pd.Series:
    """Whole percent of `among` strictly lower: 95 means read more than 95% of pages."""
    return np.floor(100 * share_below(values, among)).astype(int)


def window_days(corpus) -> int | None:
    """The usage window in days, as evidence: messages in other languages name it too."""
    return (corpus.facts.get("usage") or {}).get("window_days")


def period(corpus) -> str:
    """How the usage window reads in a message: "in the past year"."""
    days = window_days(corpus)
    if days == 365:
        return "in the past year"
    return f"in the past {days} days" if days else "in the usage data"


def times(views: float) -> str:
    n = int(views)
    return {0: "not once", 1: "once", 2: "twice"}.get(n, f"{n:,} times")


def most_read(docs: pd.DataFrame, quantile: float, min_documents: int) -> pd.Series | None:
    """Pages read more than `quantile` of the pages read at least once; None when fewer than
    `min_documents` pages were read, too few for a quantile to mean anything."""
    views = docs["views"]
    read = ranked(docs) & (views > 0)
    if read.sum() < min_documents:
        return None
    return read & top(views, views[read], quantile)
