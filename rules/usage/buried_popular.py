from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option
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


class BuriedPopular(Rule):
    """
    ## What it does
    Finds the most read documents — the top decile of page views among the pages read at
    least once — that sit deep: `folder-depth` folders down or more (3 by default:
    `a/b/c/page.md`), or `click-depth` clicks or more from the home page (4 by default),
    or not reachable by links from it at all. The home page is the entry page (`index`,
    `README`, …) at the top of the knowledge base, or every entry page when none is at the
    top; pages listed in the site's navigation count as one click away.

    Quantiles need enough pages to mean something: with fewer than `min-documents`
    read pages the rule reports nothing. When no page is reachable by links (a folder
    without any index or README), click depth is not judged, only folder depth.

    ## Why
    Build the structure around usability, not content: what people use often belongs
    in front, what they use occasionally further back (TE2). A page many readers need
    but few can find by clicking costs each of them a search, or a colleague's time
    (TA1).

    ## Example
    `teams/platform/runbooks/deploy/how-to-deploy.md`, read more than 98% of the pages,
    four folders deep and five clicks from the home page.

    ## Fix
    Move the page up the folder tree, or link to it from the home page or the
    navigation, where frequent readers look first.
    """

    id = "T011"
    name = "buried-popular"
    severity = Severity.WARNING
    principle = "TE2"
    summary = "One of the most read documents is buried deep in the structure."
    needs = ("usage",)

    @dataclass(frozen=True)
    class Options:
        popular_quantile: float = option(
            0.9,
            "A page is popular when read more than this share of the pages read at least once "
            "(0.9: the top decile).",
        )
        folder_depth: int = option(3, "Folders deep (0 is the root) from which a page is buried.")
        click_depth: int = option(4, "Clicks from the home page from which a page is buried.")
        min_documents: int = option(MIN_DOCUMENTS, MIN_DOCUMENTS_HELP)

    def check(self, corpus, options):
        docs = corpus.documents
        views = docs["views"]
        popular = most_read(docs, options.popular_quantile, options.min_documents)
        if popular is None:
            return
        threshold = views[popular].min()
        clicks = docs["click_depth"]
        deep_folder = docs["depth"] >= options.folder_depth
        # Unreachable is as deep as it gets, if anything is reachable to compare with.
        unreachable = clicks.isna() & clicks.notna().any()
        deep_links = (clicks >= options.click_depth) | unreachable
        hits = docs.index[popular & (deep_folder | deep_links)]
        rank = percentile(views[hits], views[ranked(docs)])
        when = period(corpus)
        for path in hits:
            where = []
            if deep_folder[path]:
                where.append(f"{docs.at[path, 'depth']} folders deep")
            if unreachable[path]:
                where.append("no path of links leads to it from the home page")
            elif deep_links[path]:
                where.append(f"{int(clicks[path])} clicks from the home page")
            yield self.finding(
                path,
                f"Read {times(views[path])} {when}, more than {int(rank[path])}% of pages, "
                f"but {' and '.join(where)}: move it up.",
                views=int(views[path]),
                percentile=int(rank[path]),
                popular_from_views=int(threshold),
                folder_depth=int(docs.at[path, "depth"]),
                click_depth="unreachable" if unreachable[path] else _whole(clicks[path]),
                buried_by=[
                    k
                    for k, deep in (("folders", deep_folder[path]), ("links", deep_links[path]))
                    if deep
                ],
                window_days=window_days(corpus),
            )


def _whole(value: float) -> int | None:
    return None if value != value else int(value)
