from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.paths import matches
from auditor.rules.usage.age import GRACE_DAYS, GRACE_HELP, known_since, settled
from auditor.rules.usage.ranking import period, ranked, times, window_days


class UnusedContent(Rule):
    """
    ## What it does
    Finds documents that nobody read in the usage window (or no more than `max-views`
    times) and that are older than a grace period, 90 days by default: a page written
    last month has not had its chance yet. Its age runs from the earliest date known for
    it — its first commit, when version history is read, or its review or change
    date — since each proves the page existed then. A file's modification time does not
    count: a fresh copy or checkout makes every page look new. A page with no other date
    is judged all the same, and the finding says its age is unknown: nothing says it is
    new, and an undated knowledge base would otherwise never be judged.

    Entry pages (`index`, `README`, …) are not exempt: a start page nobody opens is
    worth knowing about. Pages that may go unread, such as an archive, can be exempted
    with `exempt`. A page matched to the usage data by its title only is judged like
    any other; the finding says how it was matched.

    ## Why
    Don't keep all information: 80% of it is no longer used after a year, and keeping
    100% pollutes the knowledge base (TA4). Every unread page is one more search result
    between a reader and the page they need.

    ## Example
    `meetings/2023-offsite-logistics.md`, two years old, not read once in the past year.

    ## Fix
    Archive or delete the page. If it should be read, find out why it isn't: link to it
    from where readers look (TA1), or give it a title they would search for.
    """

    id = "T010"
    name = "unused-content"
    severity = Severity.WARNING
    principle = "TA4"
    summary = "Nobody read the document in the usage window: an archive candidate."
    needs = ("usage",)

    @dataclass(frozen=True)
    class Options:
        max_views: int = option(0, "Views in the usage window at or below which a page is unused.")
        grace_days: int = option(GRACE_DAYS, GRACE_HELP)
        exempt: list[str] = option(
            [], 'Gitignore-style globs of documents that may go unread, e.g. "archive/**".'
        )

    def check(self, corpus, options):
        docs = corpus.documents
        since, source = known_since(docs)
        age = (corpus.now - since).dt.days
        views = docs["views"]
        unused = (
            ranked(docs)
            & (views <= options.max_views)
            & settled(docs, corpus.now, options.grace_days)
            & ~matches(docs.index, options.exempt)
        )
        when = period(corpus)
        for path in docs.index[unused]:
            n = views[path]
            read = f"Read only {times(n)}" if n else "Not read once"
            dated = pd.notna(since[path])
            old = f", and the page is {int(age[path])} days old" if dated else ""
            last = docs.at[path, "last_viewed"]
            yield self.finding(
                path,
                f"{read} {when}{old}: archive it if nobody needs it.",
                views=int(n),
                max_views=options.max_views,
                last_viewed=None if pd.isna(last) else f"{last:%Y-%m-%d}",
                usage_match=docs.at[path, "usage_match"],
                exists_since=f"{since[path]:%Y-%m-%d}" if dated else "unknown",
                exists_since_source=source[path],
                age_days=int(age[path]) if dated else None,
                archive_candidate=True,
                window_days=window_days(corpus),
            )
