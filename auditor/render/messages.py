"""A finding's message in the report's language.

Rules write their messages in English and keep the facts behind them in `evidence`.
Another language translates at render time: its module `i18n/<lang>_messages.py` holds
`MESSAGES`, by rule id, each one of

- a template with `%(key)s` placeholders for evidence values,
- a `By(key, {value: template})`: the template for the value of one evidence key,
- a function `(Context) -> str`, where the wording needs logic (lists, plurals).

Numbers and dates are written the language's way. Whatever goes wrong — a missing or
empty evidence key, an unknown variant, a rule the language lacks (a plugin's, say) —
gives the English message, marked `lang="en"` so the page can say so.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Union

from auditor.model import Finding
from auditor.render.i18n import DEFAULT, Catalogue

#: Evidence keys holding an ISO date, written as a long date.
DATE_KEYS = frozenset({"date", "review_by", "last_viewed", "exists_since"})


@dataclass(frozen=True, slots=True)
class By:
    """The template for the value of evidence key `key`; an unknown value falls back."""

    key: str
    templates: dict[str, Template]


Template = Union[str, By, Callable[["Context"], str]]  # noqa: UP007 (a runtime alias)


class Values(Mapping[str, str]):
    """The evidence as text for a template: numbers and dates written the page's way.

    A missing or empty key, or one whose value is no number, date or string, is a
    KeyError: the template needs a function, or the English message stays.
    """

    def __init__(self, evidence: Mapping[str, Any], cat: Catalogue) -> None:
        self._evidence = evidence
        self._formats = cat.formats

    def __getitem__(self, key: str) -> str:
        value = self._evidence[key]
        if value is None or isinstance(value, bool):
            raise KeyError(key)
        if key in DATE_KEYS and isinstance(value, str):
            return self._formats.date(value)
        if isinstance(value, int | float):
            return self._formats.number(value)
        if isinstance(value, str):
            return value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._evidence)

    def __len__(self) -> int:
        return len(self._evidence)


@dataclass(frozen=True, slots=True)
class Context:
    """What a message function gets: the evidence raw and as text, and the catalogue."""

    evidence: Mapping[str, Any]
    values: Values
    cat: Catalogue

    def raw(self, key: str) -> Any:
        """The evidence value itself; a KeyError when it is missing or empty."""
        value = self.evidence[key]
        if value is None:
            raise KeyError(key)
        return value


def message(finding: Finding, cat: Catalogue) -> tuple[str, str | None]:
    """The finding's message for a page in `cat`'s language, and the language it is in
    (None: the page's own)."""
    if cat.lang == DEFAULT:
        return finding.message, None
    template = messages(cat.lang).get(finding.id)
    if template is None:
        return finding.message, DEFAULT
    evidence = finding.evidence or {}
    context = Context(evidence, Values(evidence, cat), cat)
    try:
        return _apply(template, context), None
    except (KeyError, IndexError, TypeError, ValueError):
        return finding.message, DEFAULT


def _apply(template: Template, context: Context) -> str:
    if isinstance(template, By):
        return _apply(template.templates[str(context.raw(template.key))], context)
    if isinstance(template, str):
        return template % context.values
    return template(context)


def messages(lang: str) -> dict[str, Template]:
    """The language's message templates by rule id; none when it has no module for them."""
    try:
        module = importlib.import_module(f"auditor.render.i18n.{lang}_messages")
    except ModuleNotFoundError:
        return {}
    return module.MESSAGES


def reason(text: str, cat: Catalogue) -> str:
    """A reason the pipeline gives in English (a skipped file or rule, a silenced finding,
    a date order's basis), in the page's language where the catalogue knows its form."""
    for pattern, template in cat.text.get("reasons", {}).items():
        found = re.fullmatch(pattern, text)
        if found:
            return template.format(*found.groups())
    return text
