from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.maintenance.stale_content import StaleContent
from auditor.rules.usage.ranking import (
    MIN_DOCUMENTS,
    MIN_DOCUMENTS_HELP,
    most_read,
    percentile,
    period,
    ranked,
    times,
    window_days,
)


class StaleAndPopular(Rule):
    """
    ## What it does
    Finds documents that are stale (as `stale-content` judges them: last review, or
    lacking one last change, older than the review cadence) or past their own review-by
    date, *and* among the most read: in the top quartile of page views among the pages
    that were read at least once in the usage window. A document's own
    `review_interval` wins, as for `stale-content`; the cadence options are the same and
    are set for this rule separately.

    Quantiles need enough pages to mean something: with fewer than `min-documents`
    read pages the rule reports nothing.

    ## Why
    The guide calls it a known fact: people who search twice and get a dated answer don't
    come back a third time (TA5). A stale page nobody opens does little harm; a stale page
    that many people read hands out that dated answer every day. Review these first (TE6).

    ## Example
    ```markdown
    ---
    title: Expense claims
    reviewed: 2023-05-02
    ---
    ```
    Read 1,240 times in the past year, more than 95% of the pages, but last reviewed
    three and a half years before the audit.

    ## Fix
    Review the page now, with someone who does the work today, and set `reviewed:` to
    today's date. Its readers are the ones who will stop trusting the knowledge base.
    """

    id = "T003"
    name = "stale-and-popular"
    severity = Severity.ERROR
    principle = "TA5"
    summary = "A stale or overdue document is among the most read."
    needs = ("usage",)

    @dataclass(frozen=True)
    class Options(StaleContent.Options):  # the cadence options, set for this rule separately
        popular_quantile: float = option(
            0.75,
            "A page is popular when read more than this share of the pages read at least once "
            "(0.75: the top quartile).",
        )
        min_documents: int = option(MIN_DOCUMENTS, MIN_DOCUMENTS_HELP)

    def check(self, corpus, options):
        docs = corpus.documents
        views = docs["views"]
        popular = most_read(docs, options.popular_quantile, options.min_documents)
        if popular is None:
            return
        threshold = views[popular].min()

        reviewed = docs["reviewed"].notna()
        date = docs["reviewed"]
        if options.use_change_date:
            date = date.fillna(docs["changed"])
        age = (corpus.now - date).dt.days
        cadence = StaleContent.cadence(docs, options)
        stale = date.notna() & (age > cadence)
        overdue = docs["expires"] < corpus.now

        hit = popular & (stale | overdue)
        hits = docs.index[hit]
        rank = percentile(views[hits], views[ranked(docs)])
        when = period(corpus)
        sources = {"reviewed": docs["reviewed_source"][hit], "changed": docs["changed_source"][hit]}
        # zipped columns, not a label look-up per value: at 100,000 documents thousands hit
        for (path, count, users, is_overdue, expires, is_stale, was_reviewed, days_old, dated,
             every, reviewed_source, changed_source, share) in zip(
            hits, views[hit], docs["users"][hit], overdue[hit], docs["expires"][hit],
            stale[hit], reviewed[hit], age[hit], date[hit], cadence[hit],
            sources["reviewed"], sources["changed"], rank[hits], strict=True,
        ):  # fmt: skip
            evidence = {
                "views": int(count),
                "users": None if pd.isna(users) else int(users),
                "percentile": int(share),
                "popular_from_views": int(threshold),
            }
            why = ""
            if is_overdue:
                days = (corpus.now - expires).days
                evidence.update(review_by=f"{expires:%Y-%m-%d}", overdue_days=days)
                why = f"its review date passed {days} days ago"
            if is_stale:  # the age of the content says more than a missed promise
                verb = "reviewed" if was_reviewed else "changed"
                why = f"last {verb} {int(days_old)} days ago"
                evidence.update(
                    date=f"{dated:%Y-%m-%d}",
                    date_source=reviewed_source if was_reviewed else changed_source,
                    age_days=int(days_old),
                    cadence_days=int(every),
                    date_kind=verb,
                )
            yield self.finding(
                path,
                f"Read {times(count)} {when} but {why}: readers get a dated answer.",
                **evidence,
                window_days=window_days(corpus),
            )
