"""One document file to one row of the corpus: its facts, dates, links and problems."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from auditor.config import Config
from auditor.load.dates import parse_date, parse_days
from auditor.load.frontmatter import split_frontmatter
from auditor.load.markdown import MarkdownFacts, scan_markdown
from auditor.load.text import decode, is_binary


@dataclass(slots=True)
class LoadedDocument:
    row: dict[str, Any]
    links: list[dict[str, Any]]


def document_name(rel: str, extensions: list[str]) -> str:
    """The file name without its document extension (`guide.html.md` → `guide.html`)."""
    name = PurePosixPath(rel).name
    for ext in sorted(extensions, key=len, reverse=True):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return name


def read_document(path: Path, rel: str, config: Config) -> LoadedDocument | str:
    """The document's row and links, or the reason it is skipped (a string)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    if is_binary(data):
        return "binary file with a document extension"
    row = base_row(rel, config, size=len(data))
    text, problem = decode(data)
    if text is None:
        row.update(parse_error=problem, parse_error_line=None, readable=False)
        return LoadedDocument(row, [])

    split = split_frontmatter(text)
    facts = scan_markdown(split.body, split.body_line)
    row.update(
        readable=True,
        frontmatter_ok=split.error is None,
        parse_error=split.error,
        parse_error_line=split.error_line,
        lines=text.count("\n") + (not text.endswith("\n") and bool(text)),
        words=facts.words,
        lead_words=facts.lead_words,
        table_rows=facts.table_rows,
        headings=tuple(h.text for h in facts.headings if h.level > 1),
        anchors=frozenset(facts.anchors),
        frontmatter=split.meta,
    )
    row.update(_title(split.meta, facts, row["name"], config))
    row.update(_facts_from_frontmatter(split.meta, config))
    links = [
        {"source": rel, "line": link.line, "kind": link.kind, "target": link.target}
        for link in facts.links
    ]
    return LoadedDocument(row, links)


def base_row(rel: str, config: Config, size: int) -> dict[str, Any]:
    posix = PurePosixPath(rel)
    name = document_name(rel, config.extensions)
    folder = str(posix.parent)
    return {
        "path": rel,
        "folder": folder,
        "depth": len(posix.parts) - 1,
        "name": name,
        "is_entry": name.lower() in {e.lower() for e in config.entry_pages},
        "size": size,
        "readable": False,
        "frontmatter_ok": False,
        "parse_error": None,
        "parse_error_line": None,
        "lines": 0,
        "words": 0,
        "lead_words": None,
        "table_rows": 0,
        "headings": (),
        "anchors": frozenset(),
        "frontmatter": {},
        "title": name.replace("-", " ").replace("_", " "),
        "title_source": "filename",
        "title_line": None,
        "type": None,
        "owner": None,
        "summary": None,
        "summary_key": None,
        "review_interval_days": math.nan,
        "date_problems": (),
        **{f"{kind}{suffix}": None for kind in ("reviewed", "changed", "expires")
           for suffix in ("", "_key")},
    }  # fmt: skip


def _first(meta: dict[str, Any], keys: list[str]) -> tuple[str | None, Any]:
    for key in keys:
        if key in meta and meta[key] not in (None, "", [], {}):
            return key, meta[key]
    return None, None


def _title(meta: dict[str, Any], facts: MarkdownFacts, name: str, config: Config) -> dict:
    _, title = _first(meta, config.frontmatter.title)
    if isinstance(title, str | int | float) and str(title).strip():
        return {"title": str(title).strip(), "title_source": "frontmatter"}
    h1 = next((h for h in facts.headings if h.level == 1 and h.text), None)
    if h1:
        return {"title": h1.text, "title_source": "heading", "title_line": h1.line}
    return {}


def _text(value: Any) -> str | None:
    """A frontmatter value as one line of text; lists are joined."""
    if isinstance(value, list | tuple):
        items = [str(v).strip() for v in value if str(v).strip()]
        return "; ".join(items) or None
    if isinstance(value, str | int | float):
        return str(value).strip() or None
    return None


def _facts_from_frontmatter(meta: dict[str, Any], config: Config) -> dict[str, Any]:
    keys = config.frontmatter
    facts: dict[str, Any] = {}
    problems = []
    for column, key_list in (("type", keys.type), ("owner", keys.owner)):
        facts[column] = _text(_first(meta, key_list)[1])
    summary_key, summary = _first(meta, keys.summary)
    if _text(summary):
        facts["summary"], facts["summary_key"] = _text(summary), summary_key
    for column, key_list in (
        ("reviewed", keys.review_date),
        ("changed", keys.change_date),
        ("expires", keys.expiry_date),
    ):
        key, value = _first(meta, key_list)
        if key is None:
            continue
        when = parse_date(value)
        if when is None:
            problems.append(f"'{key}: {value}' is not a date")
            continue
        facts[column], facts[f"{column}_key"] = when, key
    key, value = _first(meta, keys.review_interval)
    if key is not None:
        days = parse_days(value)
        if days is None:
            problems.append(f"'{key}: {value}' is not an interval such as '6 months'")
        else:
            facts["review_interval_days"] = days
    facts["date_problems"] = tuple(problems)
    return facts


#: Every column of `Corpus.documents`, in order (see docs/corpus.md).
DOCUMENT_COLUMNS = list(base_row("x.md", Config(), size=0))
