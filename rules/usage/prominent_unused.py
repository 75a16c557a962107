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
    percentile,
    period,
    ranked,
    times,
    window_days,
)

_FOLLOWED = ("ok", "missing-anchor")  # the page exists, even if the section does not


class ProminentUnused(Rule):
    """
    ## What it does
    Finds documents that few or no readers open — unread in the usage window, or in the
    bottom decile of page views — although they sit in the most visible places: in the
    top folder of the knowledge base, or linked from a top-level entry page (the
    `index`, `README` or `home` page at the root).

    Entry pages themselves are not judged: they are the structure, not content to move.
    Links from the index pages of subfolders don't make a page prominent: every page is
    linked from its folder's index. Nor does the site navigation, which often lists every
    page. Pages younger than `grace-days` (dated as for `unused-content`) are left alone:
    a new page has not had its readers yet. With fewer than `min-documents` pages the
    bottom decile means nothing, and only unread pages are reported.

    ## Why
    Build the structure around usability, not content: frequent use in front, occasional
    use further back (TE2). Every page in the front row that nobody opens pushes a page
    readers do need out of sight.

    ## Example
    `2022-reorg-announcement.md` at the root of the wiki, linked from `index.md`, not read
    once in the past year.

    ## Fix
    Move the page into a folder where it belongs, and drop its link from the home page.
    If nobody needs it at all, archive it (TA4).
    """

    id = "T012"
    name = "prominent-unused"
    severity = Severity.INFO
    principle = "TE2"
    summary = "A document few people read sits at the top level or is linked from the home page."
    needs = ("usage",)

    @dataclass(frozen=True)
    class Options:
        least_read_quantile: float = option(
            0.1,
            "A page is hardly read when at least 1 minus this share of the pages were read more "
            "(0.1: the bottom decile); unread pages always are.",
        )
        grace_days: int = option(GRACE_DAYS, GRACE_HELP)
        min_documents: int = option(MIN_DOCUMENTS, MIN_DOCUMENTS_HELP)

    def check(self, corpus, options):
        docs, links = corpus.documents, corpus.links
        views = docs["views"]
        audited = ranked(docs)
        low = views == 0
        if audited.sum() >= options.min_documents:
            low = least_read(views, views[audited], options.least_read_quantile)
        threshold = views[audited & low].max()
        home = docs.index[docs["is_entry"].astype(bool) & (docs["depth"] == 0)]
        from_home = links[
            links["source"].isin(home)
            & links["status"].isin(_FOLLOWED)
            & (links["source"] != links["target_path"])
        ]
        linker = from_home.groupby("target_path")["source"].first()
        linked = pd.Series(docs.index.isin(linker.index), index=docs.index)
        top_level = docs["depth"] == 0
        entry = docs["is_entry"].astype(bool)
        old = settled(docs, corpus.now, options.grace_days)
        hits = docs.index[audited & low & old & ~entry & (top_level | linked)]
        rank = percentile(views[hits], views[audited])
        when = period(corpus)
        for path in hits:
            n = views[path]
            read = f"Read only {times(n)} {when}" if n else f"Not read once {when}"
            where = (
                f"linked from the home page ({linker[path]})"
                if linked[path]
                else "at the top level of the knowledge base"
            )
            yield self.finding(
                path,
                f"{read}, yet {where}: move it down to make room for pages readers use.",
                views=int(n),
                percentile=int(rank[path]),
                least_read_up_to_views=int(threshold),
                folder_depth=int(docs.at[path, "depth"]),
                linked_from=linker.get(path),
                window_days=window_days(corpus),
            )
