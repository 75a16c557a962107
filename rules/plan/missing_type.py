from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option
from auditor.rules.paths import matches

MATERIAL_TYPES = ["tool", "inspiration", "theory"]
SYNONYMS = {
    # Dutch, the guide's own words
    "hulpmiddel": "tool", "instrument": "tool", "werkinstructie": "tool",
    "stappenplan": "tool", "sjabloon": "tool",
    "inspiratie": "inspiration", "inspiratiebron": "inspiration", "voorbeeld": "inspiration",
    "praktijkvoorbeeld": "inspiration",
    "theorie": "theory", "model": "theory", "achtergrond": "theory",
    # English, and the Diátaxis types many documentation sites already use
    "tools": "tool", "how-to": "tool", "howto": "tool", "runbook": "tool",
    "checklist": "tool", "template": "tool", "procedure": "tool", "reference": "tool",
    "example": "inspiration", "case-study": "inspiration", "tutorial": "inspiration",
    "explanation": "theory", "concept": "theory", "background": "theory",
}  # fmt: skip
_SEPARATORS = re.compile(r"[;,]")  # lists in the frontmatter arrive joined by "; "


def normalise(value: str) -> str:
    """Case and spacing don't matter: "Case study", "case_study" and "case-study" agree."""
    return re.sub(r"[\s_]+", "-", value.strip().casefold())


class MissingType(Rule):
    """
    ## What it does
    Finds documents that don't say which kind of material they are. The type is read
    from the frontmatter keys configured under `[frontmatter] type` (`type`, `kind`,
    `category`, `soort` by default) and must be one of `allowed` (`tool`, `inspiration`,
    `theory`), or a word that `synonyms` maps to one: `hulpmiddel` and `how-to` are
    tools, `voorbeeld` and `case-study` inspiration, `theorie` and `explanation` theory.
    Case, spaces and underscores don't matter; with several values (`type: [tool,
    theory]`) one allowed value is enough. When the value found is not allowed, the
    finding says which it was.

    Entry pages (`index`, `README`, …) are exempt by default: they lead to material
    rather than being material. Documents whose frontmatter can't be read are left to
    `parse-error`.

    ## Why
    The guide sorts its material into three kinds: a TOOL is immediately applicable,
    INSPIRATION is applicable after adapting it to your own context, THEORY or MODEL is
    for deeper reading — and tips to rank it as "use first" or "browse". That ranking is
    the guide's principle of building around use, frequent versus occasional (TE2): a
    reader who sees the kind knows before reading whether the page helps them now.

    ## Example
    ```markdown
    ---
    title: Deploying a hotfix
    ---
    ```
    or `type: page`, which is not a kind of material.

    ## Fix
    Add the kind to the frontmatter: `type: tool` for steps to follow, `type:
    inspiration` for an example to adapt, `type: theory` for background. If the team
    already uses other words, map them with `synonyms`.
    """

    id = "P001"
    name = "missing-type"
    severity = Severity.INFO
    principle = "TE2"
    summary = "The document does not say whether it is a tool, inspiration or theory."

    @dataclass(frozen=True)
    class Options:
        allowed: list[str] = option(MATERIAL_TYPES, "The material types a document may declare.")
        synonyms: dict[str, str] = option(
            SYNONYMS,
            "Other words for an allowed type, e.g. hulpmiddel = tool (any case). A table in "
            "the config replaces this one.",
        )
        exempt_entry_pages: bool = option(
            True, "Entry pages (index, README, …) need not declare a type."
        )
        exempt: list[str] = option(
            [], 'Gitignore-style globs of documents that need no type, e.g. "blog/**".'
        )

    def check(self, corpus, options):
        docs = corpus.documents
        allowed = {normalise(t) for t in options.allowed}
        synonyms = {normalise(k): normalise(v) for k, v in options.synonyms.items()}

        def declared(value) -> bool:
            if not isinstance(value, str):
                return False
            values = (normalise(v) for v in _SEPARATORS.split(value))
            return any(synonyms.get(v, v) in allowed for v in values)

        judged = docs["readable"].astype(bool) & docs["frontmatter_ok"].astype(bool)
        if options.exempt_entry_pages:
            judged &= ~docs["is_entry"].astype(bool)
        judged &= ~matches(docs.index, options.exempt).to_numpy()
        missing = judged & ~docs["type"].map(declared).astype(bool)
        kinds = _listing(options.allowed)
        for path, value in docs.loc[missing, "type"].items():
            found = [v.strip() for v in _SEPARATORS.split(value)] if isinstance(value, str) else []
            if len(found) > 1:
                quoted = ", ".join(f"'{v}'" for v in found)
                message = f"None of its types ({quoted}) is a kind of material: use {kinds}."
            elif found:
                message = f"Type '{found[0]}' is not a kind of material: use {kinds}."
            else:
                message = f"No material type: add `type:` with {kinds} to the frontmatter."
            yield self.finding(path, message, found=found or None, allowed=list(options.allowed))


def _listing(types: list[str]) -> str:
    """The types as a message names them: tool, inspiration or theory."""
    if len(types) < 2:
        return "".join(types) or "a type"
    return f"{', '.join(types[:-1])} or {types[-1]}"
