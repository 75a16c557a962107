"""A rule's summary and documentation sections in the report's language.

English comes from the rule itself (its `summary` and docstring sections); another
language takes them from its catalogue's `RULES`. A rule the catalogue lacks (a plugin's,
say) keeps its English text, marked `lang="en"` so the page can say so. The Options
section is the rule's own (English) text in every language.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.render.i18n import DEFAULT, Catalogue

#: The order rule doc sections appear in; other sections follow in their own order.
DOC_ORDER = ("What it does", "Why", "Example", "Fix", "Options")


@dataclass(frozen=True, slots=True)
class Section:
    title: str  # the English title: a key of TEXT["doc_sections"]
    text: str
    lang: str | None  # None: the page's language; else the language the text is in


@dataclass(frozen=True, slots=True)
class RuleText:
    summary: str
    summary_lang: str | None
    sections: tuple[Section, ...]
    untranslated: bool  # the page's language has no text for this rule

    def section(self, title: str) -> Section | None:
        return next((s for s in self.sections if s.title == title), None)


def rule_text(cat: Catalogue, rule_id: str, summary: str, english: dict[str, str]) -> RuleText:
    """The rule's text for a page in `cat`'s language; `summary` and `english` are its own."""
    if cat.lang == DEFAULT:
        return RuleText(summary, None, _ordered(english, None, {}), untranslated=False)
    own = cat.rules.get(rule_id)
    if own is None:
        return RuleText(summary, DEFAULT, _ordered(english, DEFAULT, {}), untranslated=True)
    translated = {title: text for title, text in own.items() if title != "summary"}
    return RuleText(
        own.get("summary", summary),
        None if "summary" in own else DEFAULT,
        _ordered(english, DEFAULT, translated),
        untranslated=False,
    )


def _ordered(
    english: dict[str, str], english_lang: str | None, translated: dict[str, str]
) -> tuple[Section, ...]:
    """The sections in DOC_ORDER, then any others; a translated text wins over English."""
    titles = list(dict.fromkeys([*english, *translated]))
    titles = [t for t in DOC_ORDER if t in titles] + [t for t in titles if t not in DOC_ORDER]
    return tuple(
        Section(t, translated[t], None) if t in translated else Section(t, english[t], english_lang)
        for t in titles
    )
