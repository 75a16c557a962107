"""`map_usage`: the views of the exports' page keys added up per document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from auditor.load.confluence import ConfluenceIndex
from auditor.load.sites import SiteMap
from auditor.load.usage.advice import advise
from auditor.load.usage.matcher import Matcher
from auditor.load.usage.reader import PageViews
from auditor.load.usage.window import DATES

TOP_UNMATCHED = 10


@dataclass(frozen=True, slots=True)
class UsageMatch:
    #: Indexed like the documents frame: views (float; 0.0 for a document no row names:
    #: analytics exports leave unvisited pages out), users (the largest count of any key
    #: that maps to the document: users of two URLs of a page overlap, so no sum),
    #: last_viewed, usage_match ("url" | "title" | None).
    documents: pd.DataFrame
    #: JSON-ready: views_total, views_matched, match_share (0..1), matched_by_title
    #: (documents), top_unmatched [{"page", "views"}], warning (str | None) and hint
    #: ({"option", "value"} | None: the setting most likely to fix a poor match).
    facts: dict


def map_usage(
    views: PageViews,
    documents: pd.DataFrame,
    site: SiteMap,
    base_urls: Sequence[str] = (),
    confluence: ConfluenceIndex | None = None,
) -> UsageMatch:
    """Match each page key to a document: by URL (below one of `base_urls` or the site's
    own), by file path, by Confluence page id, else by a title that only one document has
    (flagged "title"). Views of keys that meet in a document are summed."""
    matcher = Matcher(documents, site, base_urls, confluence)
    pages = views.pages
    found: dict[str, str | None] = {}  # one lookup per distinct page
    docs, how = [], []
    for page, title in zip(pages["page"], pages["title"], strict=True):
        doc = None
        if isinstance(page, str):
            doc = found[page] if page in found else found.setdefault(page, matcher.page(page))
        kind = "url" if doc else None
        if doc is None and isinstance(title, str) and (doc := matcher.title(title)):
            kind = "title"
        docs.append(doc)
        how.append(kind)
    keyed = pages.assign(document=docs, usage_match=how)
    matched = keyed[keyed["document"].notna()]
    matched = matched.assign(by_url=matched["usage_match"].eq("url"))
    per_doc = matched.groupby("document").agg(
        views=("views", "sum"),
        users=("users", "max"),
        last_viewed=("last_viewed", "max"),
        by_url=("by_url", "max"),  # a boolean: the max of strings ran in Python, per group
    )
    # one URL match makes it "url"
    per_doc["usage_match"] = np.where(per_doc.pop("by_url"), "url", "title").astype(object)
    per_doc = per_doc.reindex(documents.index)
    out = pd.DataFrame(
        {
            "views": per_doc["views"].fillna(0.0).astype("float64"),
            "users": per_doc["users"].astype("float64"),
            "last_viewed": pd.to_datetime(per_doc["last_viewed"], utc=True).astype(DATES),
            "usage_match": _nones(per_doc["usage_match"]),
        },
        index=documents.index,
    )
    return UsageMatch(out, _facts(keyed, out, views, matcher))


def _facts(keyed: pd.DataFrame, out: pd.DataFrame, views: PageViews, matcher: Matcher) -> dict:
    total = int(keyed["views"].sum())
    matched = int(keyed.loc[keyed["document"].notna(), "views"].sum())
    share = matched / total if total else 0.0
    unmatched = keyed[keyed["document"].isna()]
    labels = unmatched["page"].where(unmatched["page"].notna(), unmatched["title"])
    top = unmatched.groupby(labels.to_numpy())["views"].sum().sort_values(ascending=False)
    top = top.head(TOP_UNMATCHED)
    warning, hint = advise(unmatched, total, share, matcher, views.files)
    return {
        "views_total": total,
        "views_matched": matched,
        "match_share": round(share, 4),
        "matched_by_title": int((out["usage_match"] == "title").sum()),
        "top_unmatched": [{"page": str(k), "views": int(v)} for k, v in top.items()],
        "warning": warning,
        "hint": hint,
    }


def _nones(values: pd.Series) -> pd.Series:
    out = values.astype(object)
    return out.where(out.notna(), None)
