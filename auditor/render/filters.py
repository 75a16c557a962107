"""Every Jinja filter of the HTML report, registered in one place by `register(env)`.

Filters format values; they never compute report figures (that is the view model's job).
`doc_text` is the only filter that produces markup, and it escapes its input first;
`script_json`, used by the view model, writes JSON that is safe inside a <script> element.
Numbers, percentages and dates read the way the report's language writes them: each
language's `Formats` (in `auditor/render/i18n/`) holds its separators and month names.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup, escape

#: Shown for a missing value (no date, no owner…).
MISSING = "\u2014"


def number(value: Any, sep: str = ",", decimal: str = ".") -> str:
    """An integer with thousands separators: 12345 -> '12,345'. None -> '—'.

    A fraction keeps one decimal: 1234.56 -> '1,234.6' (with sep='.', decimal=',':
    '1.234,6')."""
    if value is None:
        return MISSING
    if isinstance(value, float) and not value.is_integer():
        whole, _, frac = f"{value:,.1f}".partition(".")
        return whole.replace(",", sep) + decimal + frac
    return f"{int(value):,}".replace(",", sep)


def percent(value: Any, decimal: str = ".", decimals: int = 0) -> str:
    """A share (0..1) as a percentage: 0.342 -> '34%', with decimals=1 0.125 -> '12.5%'.
    None -> '—'.

    Only a share that is exactly 0 or 1 reads "0%" or "100%": a few pages out of
    thousands show as "<1%" (or ">99%"), never as none (or all).
    """
    if value is None:
        return MISSING
    share = float(value)
    smallest = 10**-decimals  # in percent
    if 0 < share < smallest / 200:
        return f"<{number(smallest, decimal=decimal)}%"
    if 1 - smallest / 200 <= share < 1:
        return f">{number(100 - smallest, decimal=decimal)}%"
    text = f"{share * 100:.{decimals}f}" if decimals else str(round(share * 100))
    return text.replace(".", decimal) + "%"


def date(value: Any) -> str:
    """A date as ISO 8601 (YYYY-MM-DD), language-neutral and sortable.

    Accepts a date, a datetime or an ISO string with or without a time part;
    None or '' -> '—'. A string that is not ISO is shown as it is (it gets escaped).
    """
    if value is None or value == "":
        return MISSING
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    try:
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return text


def long_date(value: Any, months: tuple[str, ...]) -> str:
    """A date for people: '2026-11-27' -> '27 November 2026' (with the language's month
    names). Whatever `date` cannot read is shown as `date` shows it."""
    iso = date(value)
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {months[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class Formats:
    """How one language writes numbers, percentages and dates."""

    thousands: str
    decimal: str
    months: tuple[str, ...]  # January first

    def number(self, value: Any) -> str:
        return number(value, self.thousands, self.decimal)

    def percent(self, value: Any, decimals: int = 0) -> str:
        return percent(value, self.decimal, decimals)

    def date(self, value: Any) -> str:
        return long_date(value, self.months)


_FENCE = re.compile(r"^\s*```")
_BULLET = re.compile(r"^\s*[-*] (.*)$")
_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def doc_text(value: str | None, lang: str | None = None) -> Markup:
    """A rule doc section (a little Markdown) as HTML; given `lang`, wrapped in a
    `<div lang>` saying the text is in another language than the page.

    The whole text is escaped FIRST; only then are a few tags added for the Markdown it
    uses: paragraphs, ``` fenced code blocks, `- ` bullets, `inline code` and **bold**.
    The Markdown markers (backtick, asterisk, hyphen, blank line) survive escaping, so
    no character of the input can ever become a tag of its own.
    """
    if not value:
        return Markup("")
    escaped = str(escape(value))
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    code: list[str] | None = None

    def flush() -> None:
        if paragraph:
            blocks.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            lis = "".join(f"<li>{_inline(item)}</li>" for item in items)
            blocks.append(f"<ul>{lis}</ul>")
            items.clear()

    for line in escaped.splitlines():
        if code is not None:
            if _FENCE.match(line):
                blocks.append("<pre><code>" + "\n".join(code) + "</code></pre>")
                code = None
            else:
                code.append(line)
            continue
        if _FENCE.match(line):
            flush()
            code = []
            continue
        bullet = _BULLET.match(line)
        if bullet:
            if paragraph:
                flush()
            items.append(bullet.group(1).strip())
        elif not line.strip():
            flush()
        elif items and line[:1].isspace():
            items[-1] += " " + line.strip()  # continuation of a bullet
        else:
            if items:
                flush()
            paragraph.append(line.strip())
    if code is not None:  # an unclosed fence: keep its text as code
        blocks.append("<pre><code>" + "\n".join(code) + "</code></pre>")
    flush()
    html = "\n".join(blocks)
    if lang:
        html = f'<div lang="{escape(lang)}">{html}</div>'
    return Markup(html)


def _inline(escaped: str) -> str:
    """`code` and **bold** inside already-escaped text; nothing is formatted inside code."""
    parts = _CODE.split(escaped)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f"<code>{part}</code>")
        else:
            out.append(_BOLD.sub(r"<strong>\1</strong>", part))
    return "".join(out)


#: JSON as compact as it goes: no space after , and :. The environment's `tojson` writes
#: it so too (see `html.environment`).
JSON_OPTIONS = {"sort_keys": True, "separators": (",", ":")}


def script_json(values: Iterable[Any], chunk: int = 1000) -> Markup:
    """`values` as a JSON array for a <script type="application/json"> element, escaped as
    Jinja's `tojson` escapes (`htmlsafe_json_dumps`): every non-ASCII character (U+2028 and
    U+2029 among them) is written \\uXXXX, and < > & ' as \\u003c \\u003e \\u0026 \\u0027, so
    no value can end the element or open a comment.

    Written `chunk` values at a time, so that only those need to exist at once: `values`
    may be a generator of 100,000 rows."""
    parts = []
    values = iter(values)
    while batch := list(itertools.islice(values, chunk)):
        parts.append(htmlsafe_json_dumps(batch, **JSON_OPTIONS)[1:-1])  # without [ and ]
    return Markup("[" + ",".join(parts) + "]")


def register(env: Environment, formats: Formats) -> Environment:
    """Install the report's filters on `env`, formatting as `formats` says."""
    env.filters["number"] = formats.number
    env.filters["percent"] = formats.percent
    env.filters["date"] = formats.date
    env.filters["doc_text"] = doc_text
    return env
