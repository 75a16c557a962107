from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option


def _is_team(owner: str) -> bool:
    """`@org/team` on GitHub, `@group/subgroup` on GitLab."""
    return owner.startswith("@") and "/" in owner


def _are(owners: list[str]) -> str:
    """The names and their verb: `Jan is`, `Jan and An are`."""
    if len(owners) == 1:
        return f"{owners[0]} is"
    return ", ".join(owners[:-1]) + f" and {owners[-1]} are"


class UnknownOwner(Rule):
    """
    ## What it does
    Given a roster of the people who work here now (`--roster FILE`), finds documents
    with an owner who is not on it. Every owner of a page with several must be on it.
    Names are compared without regard to capitals, accents or the separators in
    `jan.peeters`; `@jpeeters` and `jpeeters` are the same handle; and an e-mail address
    matches the roster's address, or its local part (`jan.peeters@…`) matches a name or
    handle. Teams (`@org/team`) are taken as current unless `check-teams` is set: a roster
    lists people, and a team's members are kept in GitHub or GitLab. Without a roster the
    rule is skipped, and the report says so.

    The roster is one person per line (`#` starts a comment), for example
    `Jan Peeters <jan.peeters@example.org> @jpeeters`, or a CSV/TSV whose `name`,
    `handle`, `github`, `email`… columns name each person, or YAML/JSON: a list of names,
    a list of records, or a mapping from names.

    ## Why
    The guide relies on knowledge ambassadors who guard the quality of what is shared
    (PL5), and puts maintaining knowledge in the job profile (PE6). When the owner has left
    the team, the page has no guardian any more, while it still looks owned: nobody will
    notice it going stale (TE6).

    ## Example
    ```markdown
    ---
    title: On-call handbook
    owner: Lotte Maes
    ---
    ```
    when Lotte moved to another department last spring and is no longer on the roster.

    ## Fix
    Hand the page over to a current colleague and put their name in `owner:` (or in
    CODEOWNERS). If the owner is current, add them to the roster.
    """

    id = "O002"
    name = "unknown-owner"
    severity = Severity.WARNING
    principle = "PL5"
    summary = "The document's owner is not on the roster of current people."
    needs = ("roster",)

    @dataclass(frozen=True)
    class Options:
        check_teams: bool = option(
            False, "Also report teams (`@org/team`) that the roster does not list."
        )

    def check(self, corpus, options):
        roster = corpus.roster or frozenset()
        docs = corpus.documents
        owned = docs[docs["owners"].map(len) > 0]
        for path, owners, keys, source in zip(
            owned.index, owned["owners"], owned["owner_keys"], owned["owner_source"], strict=True
        ):
            unknown = [
                owner
                for owner, ids in zip(owners, keys, strict=True)
                if not ids & roster and (options.check_teams or not _is_team(owner))
            ]
            if not unknown:
                continue
            if len(unknown) < len(owners):  # others still own it: drop the ones who left
                fix = f"take {'that name' if len(unknown) == 1 else 'those names'} off the owners"
            else:
                fix = "hand the page to someone who is"
            yield self.finding(
                path,
                f"{_are(unknown)} not on the roster of current people: {fix}.",
                unknown_owners=unknown,
                owners=list(owners),
                owner_source=source,
            )
