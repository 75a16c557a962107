"""Which format a usage file is in, told from its first lines rather than its name: analytics
tools name their exports freely (`data-export (3).csv`, `pages.txt`) and logs rotate to
`access.log.1.gz`."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass

from auditor.load.usage.access_log import is_log_line
from auditor.load.usage.source import Source, fail

DELIMITERS = ("\t", ";", ",", "|")
_EXCEL_SEP = re.compile(r'"?sep=(.)"?')  # Excel's first-line hint: sep=;
_SNIFF_ROWS = 30


@dataclass(frozen=True, slots=True)
class Layout:
    format: str  # "csv" | "tsv" | "jsonl" | "access-log"
    skip: int = 0  # lines above the header: comments (GA4's `#` lines), blanks, `sep=`
    header: tuple[str, ...] = ()  # column names, or the keys of the first JSON object
    delimiter: str | None = None
    sample: tuple[tuple[str, ...], ...] = ()  # the first rows below a table's header


def detect(source: Source) -> Layout:
    lines = [line for line in source.head if line.strip()]
    if not lines:
        raise fail(source.path, "empty file")
    first = lines[0].lstrip()
    if first.startswith("{"):
        return _json_lines(source, first)
    if first.startswith("["):
        raise fail(source.path, "a JSON array: export JSON Lines instead (one object a line)")
    probe = lines[:20]
    if sum(map(is_log_line, probe)) * 2 > len(probe):
        return Layout("access-log")
    return _table(source)


def _json_lines(source: Source, first: str) -> Layout:
    try:
        value = json.loads(first)
    except ValueError as exc:
        raise fail(source.path, f"malformed JSON Lines: line 1: {exc}") from None
    if not isinstance(value, dict):
        raise fail(source.path, "JSON Lines whose first line is not an object")
    return Layout("jsonl", header=tuple(str(key) for key in value))


def _table(source: Source) -> Layout:
    delimiter, skip = None, None
    for number, line in enumerate(source.head):
        text = line.strip()
        if match := _EXCEL_SEP.fullmatch(text):
            delimiter = match[1]
        elif text and not text.startswith("#"):
            skip = number
            break
    if skip is None:
        raise fail(source.path, "no table, JSON Lines or access-log lines in it")
    body = _body(source.head[skip : skip + _SNIFF_ROWS + 1])
    delimiter = delimiter or _delimiter(body)
    if delimiter is None:
        shown = body[0] if len(body[0]) <= 60 else body[0][:57] + "..."
        raise fail(
            source.path,
            f"not a CSV/TSV table, JSON Lines or an access log (its first line: {shown!r})",
        )
    header, *rows = csv.reader(body, delimiter=delimiter)
    return Layout(
        "tsv" if delimiter == "\t" else "csv",
        skip=skip,
        header=tuple(name.strip() for name in header),
        delimiter=delimiter,
        sample=tuple(tuple(row) for row in rows),
    )


def _body(lines: tuple[str, ...]) -> list[str]:
    """The header and the rows below it up to the end of the table (a blank or `#` line)."""
    end = next(
        (i for i, line in enumerate(lines) if i and (not line.strip() or line.startswith("#"))),
        len(lines),
    )
    return list(lines[:end])


def _delimiter(body: list[str]) -> str | None:
    """The delimiter that splits the header into most fields and every sampled row into as
    many: counting beats csv.Sniffer, which guesses wrong on short files."""
    best, best_fields = None, 1
    for delimiter in DELIMITERS:
        header, *rows = (len(row) for row in csv.reader(body, delimiter=delimiter))
        agree = sum(n == header for n in rows)
        if header > best_fields and agree * 2 >= len(rows):  # a bad row is the parser's to report
            best, best_fields = delimiter, header
    return best
