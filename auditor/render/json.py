"""The JSON report: the AuditResult as is (schema: docs/report.schema.json).

The layout: the report's sections one a line at the top, each section's entries one a
line below it (a finding, a document, a rule, a key of `summary` or `inputs`), and each
entry written whole on its own line:

    {
      "summary": {
        "documents": 48,
        "score": {"value": 71, "method": "…", "penalties": {"error": 25, …}},
        …
      },
      "findings": [
        {"id": "T001", "rule": "stale-content", "severity": "warning", "path": "…", …},
        …

Why not indented all the way down (`indent=2`, as it was before): at 100,000
documents that made a 105 MB file, 30% of it indentation, and took about 10 s, because
Python's json module writes indented JSON in Python and compact JSON in C. Why not all
on one line: people read this report too, with `grep`, `less` and `diff` besides `jq`.
One entry a line serves both: `grep runbook.md report.json` prints that page's findings
and facts, a `diff` of two reports shows the findings that came and went, and an entry's
line less its trailing comma is JSON of its own. At 100,000 documents it is 82 MB,
written in under 2 s; fully compact would save another 8%, the spaces after `,` and `:`
that keep a long line readable. Parsers see no difference: the content is exactly
`AuditResult.to_dict()`.

The result is written as it is, not through `to_dict()`: a dataclass becomes the dict of
its fields as the encoder meets it, so the documents and findings are never copied first.
NaN is refused (`allow_nan=False`): it is not JSON.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import operator
from collections.abc import Iterator
from typing import Any

from auditor.model import AuditResult

#: Levels laid out a key or an item a line: the result's sections, and their entries.
#: Anything deeper is written on its entry's line.
LAID_OUT = 2

INDENT = "  "


@functools.cache
def _getter(cls: type) -> tuple[tuple[str, ...], operator.attrgetter]:
    names = tuple(f.name for f in dataclasses.fields(cls))
    return names, operator.attrgetter(*names)


def _fields(obj: Any) -> dict[str, Any]:
    """A dataclass as the dict of its fields (not copied: only read, to be written)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names, values = _getter(obj.__class__)
        if len(names) == 1:
            return {names[0]: values(obj)}
        return dict(zip(names, values(obj), strict=True))
    raise TypeError(f"Object of type {obj.__class__.__name__} is not JSON serializable")


_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, default=_fields).encode


def _key(key: Any) -> str:
    """A dict key as the json module writes it (a number, true, null become strings)."""
    if isinstance(key, str):
        return _encode(key)
    return _encode({key: None})[1 : -len(": null}")]


def json_pieces(result: AuditResult) -> Iterator[str]:
    """The report in pieces of an entry or so, for writing straight to a file: at a
    million documents the report is gigabytes, which would otherwise be held whole,
    several times over (the pieces, the joined text, its bytes)."""
    yield from _pieces(result, 0)
    yield "\n"


def render_json(result: AuditResult) -> str:
    return "".join(json_pieces(result))


def _pieces(value: Any, depth: int) -> Iterator[str]:
    if depth >= LAID_OUT:
        yield _encode(value)
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = _fields(value)
    inner, end = "\n" + INDENT * (depth + 1), "\n" + INDENT * depth
    if isinstance(value, dict) and value:
        for i, (key, item) in enumerate(value.items()):
            yield f"{',' if i else '{'}{inner}{_key(key)}: "
            yield from _pieces(item, depth + 1)
        yield end + "}"
    elif isinstance(value, list | tuple) and value:
        if depth + 1 >= LAID_OUT:  # the findings, the documents: straight to the encoder
            yield "[" + inner + _encode(value[0])
            yield from ("," + inner + line for line in map(_encode, value[1:]))
        else:
            for i, item in enumerate(value):
                yield ("," if i else "[") + inner
                yield from _pieces(item, depth + 1)
        yield end + "]"
    else:
        yield _encode(value)
