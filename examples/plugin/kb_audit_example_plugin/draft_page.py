from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option


class DraftPage(Rule):
    """
    ## What it does
    Finds pages whose frontmatter still says `draft: true` (or another configured key)
    although they sit in the published knowledge base.

    ## Why
    A draft that readers find looks like an answer but is not one yet: the outdated or
    unfinished answer that makes people stop searching (TA5).

    ## Example
    ```markdown
    ---
    title: New on-call rota
    draft: true
    ---
    ```

    ## Fix
    Finish the page and remove `draft: true`, or move it out of the knowledge base.
    """

    id = "Z001"
    name = "draft-page"
    severity = Severity.WARNING
    principle = "TA5"
    summary = "A page marked as a draft sits in the published knowledge base."

    @dataclass(frozen=True)
    class Options:
        keys: list[str] = option(["draft", "concept"], "Frontmatter keys that mark a draft.")

    def check(self, corpus, options):
        docs = corpus.documents
        for path, meta in zip(docs.index, docs["frontmatter"], strict=True):
            key = next((k for k in options.keys if meta.get(k) is True), None)
            if key:
                yield self.finding(path, f"Still marked as a draft ({key}: true).", key=key)
