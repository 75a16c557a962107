from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.paths import matches

_PROBLEM = {
    "missing": "points to {target}, which does not exist",
    "missing-anchor": "points to a section #{anchor} that {page} does not have",
    "outside": "points outside the knowledge base ({target})",
    "case-mismatch": (
        "points to {target}, which exists only as {page}: it breaks where capitals count"
    ),
    "empty": "has no target",
}


class BrokenLink(Rule):
    """
    ## What it does
    Finds links, images and wikilinks inside the knowledge base that point at a
    document, file or heading anchor that does not exist. Relative paths, folder links
    served by an `index.md` or `README.md`, extensionless links, percent-encoded
    targets, site-absolute links through the site generator's URL rules (MkDocs,
    Docusaurus, Hugo, `permalink`), `.html` links to Markdown sources, HTML `<a href>`
    and `<img src>`, and `[[wikilinks]]` and `![[embeds]]` by page or file name are all
    resolved before a link is called broken. A link that only works where capitals don't
    count (Windows, macOS) is reported too: it breaks on the web server. Links to other
    sites are not checked here, nor links to addresses a site generator may serve without
    a file in the scanned folder (a React page, a folder outside the scan): the JSON report
    counts those as unverified.

    ## Why
    The first step is that people can find information very easily and quickly (TA1),
    and the structure is how they find it (TE1). A dead link is a dead end on that path,
    and a sign that nobody maintains the page.

    ## Example
    ```markdown
    See the [deployment guide](../ops/deploy.md#rollback).
    ```
    when `ops/deploy.md` was renamed, or has no heading "Rollback".

    ## Fix
    Point the link at the page's new place, or remove it. When you rename a page, search
    for links to its old name.
    """

    id = "T020"
    name = "broken-link"
    severity = Severity.ERROR
    principle = "TE1"
    summary = "A link, image or wikilink points at a page, file or section that does not exist."
    fingerprint_evidence = ("target",)

    @dataclass(frozen=True)
    class Options:
        check_anchors: bool = option(True, "Also report links to headings that do not exist.")
        ignore_targets: list[str] = option(
            [], "Gitignore-style globs of link targets never to report, e.g. generated pages."
        )

    def check(self, corpus, options):
        links = corpus.links
        broken = links[links["status"].isin(list(_PROBLEM))]
        if not options.check_anchors:
            broken = broken[broken["status"] != "missing-anchor"]
        if options.ignore_targets:
            target = broken["target_path"].fillna("")
            broken = broken[~matches(target, options.ignore_targets).to_numpy()]
        for link in broken.itertuples(index=False):
            what = {"image": "Image", "embed": "Embed"}.get(link.kind, "Link")
            problem = _PROBLEM[link.status].format(
                target=link.target, anchor=link.anchor, page=link.target_path
            )
            yield self.finding(
                link.source,
                f"{what} {problem}.",
                line=link.line,
                target=link.target,
                resolved=link.target_path,
                kind=link.kind,
                problem=link.status,
            )
