"""The report's languages: one module per language code (`en.py`, `nl.py`) in this package.

Each language module holds `TEXT` (every user-visible string of the HTML report, with
exactly the keys of `en.TEXT`), `FORMATS` (how numbers and dates read) and `RULES` (the
rules' summaries and doc sections by rule id; English comes from the rules themselves).
The principle texts are in `auditor.principles`. To add a language, copy `en.py` to
`<code>.py`, translate it, and add its principles: `--lang <code>` then works.

The JSON, CSV and terminal outputs stay language-neutral; only the HTML report uses this.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from dataclasses import dataclass
from typing import Any

from auditor.errors import ConfigError
from auditor.principles import principles
from auditor.render.filters import Formats

DEFAULT = "en"

#: Language codes: the modules of this package named like "en" or "nl".
LANGUAGES: tuple[str, ...] = tuple(
    sorted(m.name for m in pkgutil.iter_modules(__path__) if re.fullmatch(r"[a-z]{2,3}", m.name))
)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Everything the HTML report says, in one language."""

    lang: str
    text: dict[str, Any]
    formats: Formats
    rules: dict[str, dict[str, str]]  # rule id -> {"summary": …, "Why": …}
    principles: dict[str, str]


def check_language(lang: str) -> str:
    """`lang` if the report exists in it; a ConfigError naming the available ones if not."""
    if lang not in LANGUAGES:
        raise ConfigError(f"unknown language {lang!r} (available: {', '.join(LANGUAGES)})")
    return lang


@functools.cache
def catalogue(lang: str = DEFAULT) -> Catalogue:
    module = importlib.import_module(f"{__name__}.{check_language(lang)}")
    return Catalogue(
        lang=lang,
        text=module.TEXT,
        formats=module.FORMATS,
        rules=module.RULES,
        principles=principles(lang),
    )
