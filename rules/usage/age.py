"""How long a document is known to have existed, for the grace period of new pages.

Every date known for a page proves it existed then: its first commit, when version
history is read, and its review and change dates. The earliest is the best lower bound.
A file's modification time is left out: it says when the file was copied or checked out
(a fresh clone makes every page look new), not when the page was written.
"""

from __future__ import annotations

import pandas as pd

GRACE_DAYS = 90
GRACE_HELP = "Days a new page has before it is judged: until then it has not had its chance."


def known_since(docs: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The earliest date known for each document (NaT when none), and its source."""
    changed = docs["changed"].where(docs["changed_source"] != "mtime")
    candidates = {
        "git:first_change": docs.get("first_change"),
        "reviewed": docs["reviewed"],
        "changed": changed,
    }
    dates = pd.DataFrame({k: v for k, v in candidates.items() if v is not None})
    dates = dates.apply(pd.to_datetime, utc=True)
    since = dates.min(axis=1)
    earliest = dates.fillna(pd.Timestamp.max.tz_localize("UTC")).idxmin(axis=1)
    source = earliest.where(since.notna())
    for column in ("reviewed", "changed"):  # name the date's own source: "frontmatter:date"
        source = source.mask(source == column, docs[f"{column}_source"])
    return since, source


def settled(docs: pd.DataFrame, now: pd.Timestamp, grace_days: int) -> pd.Series:
    """Documents past their grace period. A page with no date to go by is judged too:
    nothing says it is new, and an undated knowledge base would otherwise go unjudged."""
    age = (now - known_since(docs)[0]).dt.days
    return ~(age <= grace_days)
