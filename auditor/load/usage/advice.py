"""What to say when few page views match a document. A poor match must never read as
"everything is unused": the warning says so loudly, names the biggest unmatched pages and
the setting most likely to fix it, which is tried out on those pages before it is offered."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import pandas as pd

from auditor.load.sites import normalise_url
from auditor.load.usage.columns import looks_like_titles
from auditor.load.usage.matcher import Matcher

POOR_MATCH = 0.5
_SAMPLE = 200  # the most viewed unmatched pages that settings are tried on
_ORIGIN = re.compile(r"^(https?://[^/?#]+)", re.IGNORECASE)
_CONFLUENCE = re.compile(
    r"/wiki/spaces/|/display/|[?&]pageId=\d|/pages/viewpage\.action|/pages/\d+", re.IGNORECASE
)

Hint = dict | None


def advise(
    unmatched: pd.DataFrame, total: int, share: float, matcher: Matcher, files: Sequence[dict]
) -> tuple[str | None, Hint]:
    """(warning, hint) for a match share under POOR_MATCH, else (None, None)."""
    if total == 0:
        return (
            "The usage files hold no page views within the usage window, so the findings of "
            "the usage rules are unreliable: check the files' dates and usage-window-days.",
            {"option": "usage-window-days", "value": None},
        )
    if share >= POOR_MATCH:
        return None, None
    sample = unmatched.nlargest(_SAMPLE, "views")
    labels = sample["page"].where(sample["page"].notna(), sample["title"])
    top = ", ".join(f"{label} ({views:,})" for label, views in
                    zip(labels.iloc[:3], sample["views"].iloc[:3], strict=True))  # fmt: skip
    percent = f"{share:.0%}" if share >= 0.01 or share == 0 else "under 1%"
    fix, hint = _fix(sample, matcher, files)
    return (
        f"Only {percent} of the {total:,} page views in the usage data match a document, so "
        f"the findings of the usage rules are unreliable: a document without matched views "
        f"is not necessarily unread. Most viewed unmatched: {top}. {fix}",
        hint,
    )


def _fix(sample: pd.DataFrame, matcher: Matcher, files: Sequence[dict]) -> tuple[str, Hint]:
    pages = sample[sample["page"].notna()]
    half = sample["views"].sum() / 2
    if pages["views"].sum() < half:  # mostly titles, none of them unique document titles
        return (
            "Most unmatched rows have only a title, and a title matches only when exactly one "
            "document has it: check that the usage data is of this knowledge base, or export "
            "page paths or URLs instead.",
            None,
        )
    confluence = pages["page"].str.contains(_CONFLUENCE)
    if pages.loc[confluence, "views"].sum() >= half:
        example = pages.loc[confluence, "page"].iloc[0]
        return (
            f"Pages look like Confluence pages ({example}): audit the Confluence export of "
            "the space they belong to.",
            {"option": "path", "value": None},
        )
    origins = pages["page"].str.extract(_ORIGIN, expand=False).str.lower()
    by_origin = pages["views"].groupby(origins).sum()
    if not by_origin.empty and by_origin.max() >= half:
        return _base_url(by_origin.idxmax(), pages[origins == by_origin.idxmax()], matcher)
    column = next((f["columns"]["page"] for f in files if "page" in f["columns"]), None)
    if column and looks_like_titles(pages["page"]) and pages["views"].sum() >= half:
        return (
            f"The page column {column!r} seems to hold titles: name it with usage-columns "
            f'(usage-columns = {{title = "{column}"}}).',
            {"option": "usage-columns", "value": {"title": column}},
        )
    firsts = pages["page"].str.extract(r"^/([^/?#]+)/", expand=False)
    by_first = pages["views"].groupby(firsts).sum()
    if not by_first.empty and by_first.max() >= half:
        prefix = f"/{by_first.idxmax()}/"
        if _gain(pages, matcher.with_bases([*matcher.bases, prefix]), prefix):
            host = next((f"https://{urlsplit(b).netloc}" for b in matcher.bases
                         if urlsplit(b).netloc), "https://<your site>")  # fmt: skip
            return (
                f"Most unmatched pages start with {prefix}: add the site's address with that "
                f"path to base-urls (e.g. {host}{prefix}).",
                {"option": "base-urls", "value": prefix},
            )
    return (
        "Check that the usage files are of this knowledge base; if they are, base-urls (for "
        "full URLs) and usage-columns (for the page column) tell kb-audit how to read them.",
        None,
    )


def _base_url(origin: str, pages: pd.DataFrame, matcher: Matcher) -> tuple[str, Hint]:
    """Try the origin and the origin with each leading folder as a base URL; offer the one
    that matches most."""
    firsts = pages["page"].str.extract(r"^https?://[^/]+/([^/?#]+)/", expand=False).dropna()
    candidates = [f"{origin}/", *(f"{origin}/{first}/" for first in firsts.unique()[:5])]
    gains = {base: _gain(pages, matcher.with_bases([*matcher.bases, base]), base)
             for base in candidates}  # fmt: skip
    best = max(gains, key=lambda base: (gains[base], len(base)))  # the exact base on a tie
    if gains[best]:
        return (
            f"Most unmatched pages start with {best}: add it to base-urls.",
            {"option": "base-urls", "value": best},
        )
    return (
        f"Most unmatched pages are on {origin}/ and match no document even below it: are "
        "the usage files of another site?",
        {"option": "usage", "value": None},
    )


def _gain(pages: pd.DataFrame, matcher: Matcher, base: str) -> int:
    """The views of `pages` that `matcher` matches below `base`. A page that would be the
    base itself is no evidence: any site's home page matches any other's."""
    hits = [
        matcher.page(page) is not None and bool(normalise_url(page, [base]))
        for page in pages["page"]
    ]
    return int(pages.loc[hits, "views"].sum())
