from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.usage.age import GRACE_DAYS, GRACE_HELP, settled
from auditor.rules.usage.ranking import (
    MIN_DOCUMENTS,
    MIN_DOCUMENTS_HELP,
    least_read,
    period,
    ranked,
    times,
    top,
    window_days,
)


class EffortImbalance(Rule):
    """
    ## What it does
    Weighs the effort that went into each document — its size in bytes times the
    number of commits that changed it — against its use. Finds documents in the top
    quartile of effort whose page views are in the bottom quartile.

    Without version history each page counts as one revision, so effort is size alone;
    the finding says so. Pages younger than `grace-days` (dated as for `unused-content`)
    are left alone: a new page has not had its readers yet. With fewer than
    `min-documents` pages quartiles mean nothing and the rule reports nothing.

    ## Why
    Balance the time it takes to make something against how often it is used (TE4).
    A long page that keeps being edited but that few people read takes time a short,
    well-read page would repay better, and every edit keeps a page alive that the
    knowledge base might not need (TA4).

    ## Example
    `architecture/legacy-billing.md`: 6,000 words, edited 48 times, read twice in the
    past year.

    ## Fix
    Ask whether the page is worth its upkeep. Cut it down to what readers need, merge it
    into a page they do read, or archive it and stop maintaining it.
    """

    id = "T013"
    name = "effort-imbalance"
    severity = Severity.INFO
    principle = "TE4"
    summary = "Much effort went into the document, but few people read it."
    needs = ("usage",)

    @dataclass(frozen=True)
    class Options:
        effort_quantile: float = option(
            0.75,
            "A page took much effort when more than this share of the pages took less "
            "(0.75: the top quartile). Effort is size in bytes times revisions.",
        )
        least_read_quantile: float = option(
            0.25,
            "A page is hardly read when at least 1 minus this share of the pages were read more "
            "(0.25: the bottom quartile); unread pages always are.",
        )
        grace_days: int = option(GRACE_DAYS, GRACE_HELP)
        min_documents: int = option(MIN_DOCUMENTS, MIN_DOCUMENTS_HELP)

    def check(self, corpus, options):
        docs = corpus.documents
        audited = ranked(docs)
        if audited.sum() < options.min_documents:
            return
        revisions = docs.get("revisions", pd.Series(float("nan"), index=docs.index))
        revisions = revisions.astype(float)
        effort = docs["size"].astype(float) * revisions.fillna(1).clip(lower=1)
        views = docs["views"]
        costly = audited & top(effort, effort[audited], options.effort_quantile)
        low = audited & least_read(views, views[audited], options.least_read_quantile)
        old = settled(docs, corpus.now, options.grace_days)
        hits = docs.index[costly & low & old]
        effort_from, unused_to = effort[costly].min(), views[low].max()
        no_history = "size only: " + (
            "the page has no commits" if "history" in corpus.inputs else "no version history"
        )
        when = period(corpus)
        for path in hits:
            n, edits = views[path], revisions[path]
            read = f"Read only {times(n)} {when}" if n else f"Not read once {when}"
            words = f"{int(docs.at[path, 'words']):,} words"
            made = f"{words}, edited {int(edits)} times" if edits == edits else words
            yield self.finding(
                path,
                f"{read}, though it is among the biggest efforts ({made}): "
                "weigh its upkeep against its use.",
                views=int(n),
                least_read_up_to_views=int(unused_to),
                size_bytes=int(docs.at[path, "size"]),
                words=int(docs.at[path, "words"]),
                revisions=None if edits != edits else int(edits),
                effort=int(effort[path]),
                effort_from=int(effort_from),
                effort_basis="size times revisions" if edits == edits else no_history,
                window_days=window_days(corpus),
            )
