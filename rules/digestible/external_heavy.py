from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.paths import matches

#: Contact addresses go outside too, but are not knowledge looked for elsewhere.
_CONTACT = r"^\s*(?:mailto|tel):"


class ExternalHeavy(Rule):
    """
    ## What it does
    Finds documents that are mostly a list of links to other sites: at least
    `min-links` links (5 by default), of which at least `min-external-share` (70%) lead
    outside the knowledge base, with little text around them — fewer than
    `max-words-per-link` words (30) per link, link texts included. Links and wikilinks
    count; images, links to a section of the same page (a table of contents) and
    `mailto:`/`tel:` links don't. A link to the site's own address (`base-urls`) is
    internal.

    ## Why
    Keep an internal knowledge base; don't go looking for everything outside (TE3). A
    page of bookmarks sends every reader out to search, read and judge the same sources
    again; what the team learned from them is written nowhere.

    ## Example
    A "Kubernetes resources" page: twelve links to blog posts and vendor docs, each with a
    three-word title and nothing else.

    ## Fix
    Write down what the team takes from those sources: the answer, the decision, the
    steps that apply here, and keep the two or three links that back them up.
    """

    id = "T033"
    name = "external-heavy"
    severity = Severity.INFO
    principle = "TE3"
    summary = "The document is mostly a list of links to other sites, with little of its own."

    @dataclass(frozen=True)
    class Options:
        min_links: int = option(5, "Fewest links before a document is judged.")
        min_external_share: float = option(
            0.7, "Share of the links that lead outside from which a page is a link list."
        )
        max_words_per_link: float = option(
            30, "Words per link (link texts included) below which the text around is thin."
        )
        exempt: list[str] = option(
            [], 'Gitignore-style globs of documents that may be link lists, e.g. "links.md".'
        )

    def check(self, corpus, options):
        docs, links = corpus.documents, corpus.links
        counted = links[
            links["kind"].isin(["link", "wikilink"])
            & (links["scope"] != "anchor")
            & ~links["target"].fillna("").str.match(_CONTACT, case=False)
        ]
        n = counted["source"].value_counts().reindex(docs.index, fill_value=0)
        outside = counted.loc[counted["scope"] == "external", "source"]
        external = outside.value_counts().reindex(docs.index, fill_value=0)
        share = external / n.where(n > 0)
        per_link = docs["words"] / n.where(n > 0)
        exempt = matches(docs.index, options.exempt).to_numpy()
        hits = (
            (n >= options.min_links)
            & (share >= options.min_external_share)
            & (per_link < options.max_words_per_link)
            & ~exempt
        )
        for path in docs.index[hits]:
            yield self.finding(
                path,
                f"{int(external[path])} of its {int(n[path])} links lead to other sites, with "
                f"{per_link[path]:.0f} words per link: write down what the team takes from "
                "them.",
                links=int(n[path]),
                external_links=int(external[path]),
                external_share=round(float(share[path]), 2),
                words=int(docs.at[path, "words"]),
                words_per_link=round(float(per_link[path]), 1),
            )
