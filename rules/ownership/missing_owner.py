from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.paths import matches


class MissingOwner(Rule):
    """
    ## What it does
    Finds documents that name nobody as their owner: no owner in the frontmatter (`owner`,
    `owners`, `maintainer`, `maintainers`, `eigenaar`; configurable under `[frontmatter]`)
    or in a Google-style `<!--* freshness: { owner: … } *-->` comment, and no CODEOWNERS
    line that covers them. CODEOWNERS is read as GitHub and GitLab read it: from `.github/`,
    the root, `docs/` or `.gitlab/` of the scanned folder, or else of the repository root
    above it (or the file set with `codeowners`); its patterns are relative to the
    repository root, the last matching line wins, and a line without owners leaves its
    files unowned. Documents that cannot be read, or whose frontmatter is broken, are left
    to `parse-error`.

    ## Why
    Creating, sharing and *maintaining* knowledge belong in someone's job (PE6), and the
    guide's knowledge ambassadors are the people who guard its quality (PL5). A page that
    belongs to nobody is maintained by nobody: it goes stale without anyone noticing (TE6).

    ## Example
    ```markdown
    ---
    title: Rotating the database password
    reviewed: 2026-03-02
    ---
    ```
    and no CODEOWNERS line for `how-to/`.

    ## Fix
    Name the person who keeps the page true, in the frontmatter (`owner: Jan Peeters`), or
    give the folder an owner in CODEOWNERS (`/how-to/ @platform-team`).
    """

    id = "O001"
    name = "missing-owner"
    severity = Severity.WARNING
    principle = "PE6"
    summary = "Nobody is named as the document's owner, in its frontmatter or in CODEOWNERS."

    @dataclass(frozen=True)
    class Options:
        accept_codeowners: bool = option(
            True, "Count owners from CODEOWNERS; false asks for an owner in every page itself."
        )
        exempt: list[str] = option(
            [], 'Gitignore-style globs of documents that need no owner, e.g. "meetings/**".'
        )

    def check(self, corpus, options):
        docs = corpus.documents
        owned = docs["owner"].notna()
        if not options.accept_codeowners:
            owned &= ~docs["owner_source"].fillna("").str.startswith("codeowners:")
        judged = docs["readable"].astype(bool) & docs["frontmatter_ok"].astype(bool)
        exempt = matches(docs.index, options.exempt)
        codeowners = (corpus.facts.get("owners") or {}).get("codeowners")
        if options.accept_codeowners and codeowners:
            fix = f"add `owner:` to its frontmatter or a line for it to {codeowners}"
        elif options.accept_codeowners:
            fix = "add `owner:` to its frontmatter, or a CODEOWNERS file"
        else:
            fix = "add `owner:` to its frontmatter"
        for path in docs.index[judged & ~owned & ~exempt]:
            yield self.finding(
                path,
                f"Nobody is named as owner, so nobody keeps this page up to date: {fix}.",
                codeowners=codeowners if options.accept_codeowners else None,
                codeowners_accepted=options.accept_codeowners,
                codeowners_owner=docs.at[path, "owner"] if not options.accept_codeowners else None,
            )
