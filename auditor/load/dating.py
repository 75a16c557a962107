"""Giving every document its dates, in order of trust: what the document says (review
date, change date), version history, and last the file's modification time, which a
checkout resets and so is flagged as unreliable. Every date keeps its source."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

from auditor.config import Config
from auditor.load.dates import (
    EARLIEST,
    LATEST,
    date_problem,
    is_ambiguous_numeric,
    parse_date,
    proven_order,
)
from auditor.load.document import DATE_KINDS


@dataclass(frozen=True, slots=True)
class DateFacts:
    """What the report says about dates: the order used for ambiguous numeric dates per
    key, and how many documents' freshness rests on each kind of source."""

    numeric_order: dict[str, dict[str, str]] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)


def resolve_dates(docs: pd.DataFrame, config: Config, history: pd.DataFrame | None) -> DateFacts:
    """Parse the documents' raw dates in place and fill gaps from history and mtime."""
    orders = _numeric_orders(docs, config)
    problems: dict[str, list[str]] = defaultdict(list)
    for kind in DATE_KINDS:
        values = []
        for path, raw, source in zip(docs.index.tolist(), docs[f"{kind}_raw"].tolist(),
                                     docs[f"{kind}_source"].tolist(), strict=True):  # fmt: skip
            when = None
            if isinstance(source, str):
                order = orders.get(source, {}).get("order", "DMY")
                when = parse_date(raw, order)
                if when is None:
                    why = date_problem(raw, order)
                    problems[path].append(f"'{source.partition(':')[2]}: {raw}' {why}")
            values.append(when)
        docs[kind] = _utc(pd.Series(values, index=docs.index, dtype=object))
        docs.loc[docs[kind].isna(), f"{kind}_source"] = None

    fallbacks = [("mtime", _utc(docs["mtime"]))]
    if history is not None and not history.empty:
        docs[list(history.columns)] = history.reindex(docs.index)
        fallbacks.insert(0, ("git", _utc(docs["last_change"])))
    for source, dates in fallbacks:
        use = docs["changed"].isna() & dates.notna()
        docs["changed"] = docs["changed"].where(~use, dates)
        docs.loc[use, "changed_source"] = source

    for path, found in problems.items():
        docs.at[path, "date_problems"] = tuple(docs.at[path, "date_problems"]) + tuple(found)
    basis = docs["reviewed_source"].fillna(docs["expires_source"]).fillna(docs["changed_source"])
    # split, not partition: partition of no rows (a folder without documents) has no
    # column 0
    docs["date_basis"] = basis.fillna("none").str.split(":", n=1).str[0]
    return DateFacts(numeric_order=orders, sources=dict(Counter(docs["date_basis"])))


def _utc(values: pd.Series) -> pd.Series:
    """One dtype for every date column, whatever pandas infers from the values. A date
    the column cannot hold (a modification time in 2300) is no date."""
    dates = pd.to_datetime(values, utc=True)
    dates = dates.where(dates.isna() | ((dates >= EARLIEST) & (dates <= LATEST)))
    return dates.astype("datetime64[ns, UTC]")


def _numeric_orders(docs: pd.DataFrame, config: Config) -> dict[str, dict[str, str]]:
    """For each source key with ambiguous numeric dates (03/05/2023): the order to read
    them in — configured for the key, configured for all, proven by the corpus, or the
    European default, day first."""
    by_source: dict[str, list[object]] = defaultdict(list)
    for kind in DATE_KINDS:
        for raw, source in zip(docs[f"{kind}_raw"], docs[f"{kind}_source"], strict=True):
            if isinstance(source, str):
                by_source[source].append(raw)
    orders = {}
    for source, values in by_source.items():
        if not any(is_ambiguous_numeric(v) for v in values):
            continue
        key = source.partition(":")[2]
        proven, proof = proven_order(values)
        if key in config.frontmatter.date_order:
            orders[source] = {"order": config.frontmatter.date_order[key], "basis": "configured"}
        elif config.date_order != "auto":
            orders[source] = {"order": config.date_order, "basis": "configured"}
        elif proven:
            orders[source] = {"order": proven, "basis": f"proven by {proof}"}
        else:
            orders[source] = {"order": "DMY", "basis": "default (day first)"}
    return orders
