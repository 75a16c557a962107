"""Splitting a document into frontmatter and body, with errors that carry a line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import frontmatter
import yaml


@dataclass(slots=True)
class Split:
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # the file line the body starts on
    error: str | None = None
    error_line: int | None = None


def split_frontmatter(text: str) -> Split:
    """Parse the frontmatter block if there is one. A malformed block becomes an error on
    the result, and the body after it is still returned so the rest can be audited."""
    handler = frontmatter.detect_format(text, frontmatter.handlers)
    if handler is None:
        return Split(body=text)
    try:
        raw, body = handler.split(text)
    except ValueError:  # an opening delimiter with no closing one: not frontmatter
        return Split(body=text)
    body_line = text[: len(text) - len(body)].count("\n") + 1
    split = Split(body=body, body_line=body_line)
    try:
        meta = handler.load(raw)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        split.error = f"invalid YAML frontmatter: {exc.problem or exc.context}"
        block_line = text[: text.find(raw)].count("\n")  # lines before the block's text
        split.error_line = block_line + mark.line + 1 if mark else 1
        return split
    except Exception as exc:  # every handler (YAML, TOML, JSON) has its own error types
        split.error = f"invalid frontmatter: {_one_line(exc)}"
        split.error_line = 1
        return split
    if meta is None:
        return split  # an empty block
    if not isinstance(meta, dict):
        split.error = f"frontmatter is a {type(meta).__name__}, not a mapping of keys to values"
        split.error_line = 1
        return split
    split.meta = {str(k): v for k, v in meta.items()}
    return split


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
