"""JavaScript config files read with regexes, never run: comments dropped, string and
object literals found."""

from __future__ import annotations

import re

_JS_TOKEN = re.compile(  # a string literal (kept) or a comment (dropped)
    r"(\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|/\*.*?\*/|//[^\n]*",
    re.DOTALL,
)
JS_STRING = r"""["'`]([^"'`\n]*)["'`]"""  # a simple string literal; group 1 is its text


def js_code(text: str) -> str:
    """JavaScript without its comments (strings are kept whole: `"https://…"`, `"**/*.md"`)."""
    return _JS_TOKEN.sub(lambda m: m.group(1) or "", text)


def js_values(text: str, key: str) -> list[str]:
    """The string literals given to `key:` anywhere in `text`."""
    return re.findall(rf"(?<![\w$.])[\"']?{key}[\"']?\s*:\s*{JS_STRING}", text)


def js_value(text: str, key: str) -> str | None:
    values = js_values(text, key)
    return values[0] if values else None


def js_object(text: str, start: int) -> str:
    """The `{…}` object literal opening at `start`, by brace counting outside strings."""
    depth, i, quote = 0, start, ""
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return text[start : i + 1]
        i += 1
    return text[start:]
