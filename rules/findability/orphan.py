from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.paths import matches


class Orphan(Rule):
    """
    ## What it does
    Finds documents that no other document links to, that are not an entry page
    (`index`, `README`, `home`, `_index`; configurable with `entry-pages`) and that the
    site's navigation (`mkdocs.yml` nav, Docusaurus sidebars) does not list. Links from a
    page to itself don't count.

    ## Why
    Think about your structure first and attach knowledge to it logically (TE1). A page
    nothing links to is outside the structure: people only find it by chance, if at all
    (TA1).

    ## Example
    `notes/old-vpn-setup.md`, which no page links to.

    ## Fix
    Link to the page from the page where readers would look for it, or from its
    folder's index. If nobody would look for it, archive it.
    """

    id = "T021"
    name = "orphan"
    severity = Severity.WARNING
    principle = "TE1"
    summary = "No other document links to this one, and it is not an entry page."

    @dataclass(frozen=True)
    class Options:
        exempt: list[str] = option(
            [], 'Gitignore-style globs of documents that may stand alone, e.g. "blog/**".'
        )

    def check(self, corpus, options):
        docs, links = corpus.documents, corpus.links
        linked = links[links["target_path"].notna() & (links["source"] != links["target_path"])]
        has_inbound = docs.index.isin(linked["target_path"])
        exempt = matches(docs.index, options.exempt).to_numpy()
        reachable = docs["is_entry"].astype(bool) | docs["in_nav"].astype(bool)
        orphans = docs[~has_inbound & ~reachable & ~exempt]
        for path in orphans.index:
            yield self.finding(path, "No other page links here: readers will not find it.")
