"""One document file to one row of the corpus: its facts, dates, links and problems."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from auditor.config import Config, file_size_bytes
from auditor.load.abbreviations import find_abbreviations
from auditor.load.dates import from_epoch, parse_days
from auditor.load.frontmatter import split_frontmatter
from auditor.load.links import LinkRef
from auditor.load.markdown import MarkdownFacts, scan_markdown
from auditor.load.media import media_kinds
from auditor.load.shingles import minhash
from auditor.load.suppressions import comment_ignores, file_ignores
from auditor.load.text import decode, is_binary
from auditor.policies import pattern_hits

DATE_KINDS = ("reviewed", "changed", "expires")
_NOTION_ID = re.compile(r" [0-9a-f]{32}$")  # Notion exports end every name in the page id
#: No braces inside: `.*?` here scanned the rest of the page from every unclosed `{`, so a
#: page of half-written comments took minutes.
_FRESHNESS = re.compile(r"<!--\*\s*freshness:\s*\{([^{}]*)\}\s*\*-->")
_FRESHNESS_FIELD = re.compile(r"(\w+):\s*['\"]([^'\"]*)['\"]")


@dataclass(slots=True)
class LoadedDocument:
    row: dict[str, Any]
    links: list[LinkRef]


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
        status = path.stat()
        limit = file_size_bytes(config.max_file_size)
        if status.st_size > limit:
            return f"larger than max-file-size ({status.st_size:,} bytes; limit {limit:,})"
        data = path.read_bytes()
        mtime = status.st_mtime
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    if is_binary(data):
        return "binary file with a document extension"
    row = base_row(rel, config, size=len(data))
    row["mtime"] = from_epoch(mtime)
    text, problem = decode(data)
    if text is None:
        row.update(parse_error=problem, parse_error_line=None, readable=False)
        return LoadedDocument(row, [])

    split = split_frontmatter(text)
    facts = scan_markdown(split.body, split.body_line, gollum=config.wikilinks == "gollum")
    row.update(
        readable=True,
        frontmatter_ok=split.error is None,
        frontmatter_format=split.format,
        duplicate_keys=tuple(split.duplicates),
        parse_error=split.error,
        parse_error_line=split.error_line,
        lines=text.count("\n") + (not text.endswith("\n") and bool(text)),
        words=facts.words,
        lead_words=facts.lead_words,
        table_rows=facts.table_rows,
        headings=tuple(h.text for h in facts.headings if h.level > 1),
        anchors=facts.anchors,
        frontmatter=split.meta,
    )
    row.update(_title(split.meta, facts, config))
    row.update(_facts_from_frontmatter(split.meta, config))
    row.update(_freshness_comment(split.body, row))
    found = find_abbreviations(facts.prose)
    row.update(abbreviations=found.used, expansions=found.expansions,
               definitions=found.definitions)  # fmt: skip
    row["minhash"] = None if split.error else minhash(facts.prose)  # duplicate-content
    row["media"] = media_kinds(facts)
    in_comments, row["ignore_blocks"] = comment_ignores(facts.comments, text)
    row["ignore_file"] = file_ignores(split.meta) + in_comments
    row["policy_hits"] = pattern_hits(config.policies, rel, facts.prose)
    links = [LinkRef(rel, link.line, link.kind, link.target) for link in facts.links]
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
        "frontmatter_format": None,
        "duplicate_keys": (),
        "parse_error": None,
        "parse_error_line": None,
        "lines": 0,
        "words": 0,
        "lead_words": None,
        "table_rows": 0,
        "media": (),  # formats besides text: image, diagram, video, audio (load/media.py)
        "headings": (),
        "anchors": {},
        "frontmatter": {},
        "minhash": None,  # MinHash signature of the prose, uint32 array (load/shingles.py)
        "title": _NOTION_ID.sub("", name).replace("-", " ").replace("_", " "),
        "title_source": "filename",
        "title_line": None,
        "type": None,
        "owner": None,
        "owner_source": None,  # "frontmatter:owner", "codeowners:CODEOWNERS:3"
        "summary": None,
        "summary_key": None,
        "review_interval_days": math.nan,
        "date_problems": (),
        "mtime": None,
        "in_nav": False,
        "ignore_file": (),  # rules the document silences for itself (ids or names, lower)
        "ignore_blocks": (),  # ((rules, first line, last line), …) silenced by comments
        "policy_hits": {},  # pattern policy id -> first matching line, or None
        # Abbreviation -> line of first use; abbreviation -> meaning, as explained in the
        # text, and also in glossary shape (tables, definition lists): see abbreviations.py.
        "abbreviations": {},
        "expansions": {},
        "definitions": {},
        # Filled by the load stage: from usage data (NaN without it), the link graph
        # and version history (NaN without it).
        "views": math.nan,
        "users": math.nan,
        "last_viewed": None,
        "usage_match": None,
        "click_depth": math.nan,
        # Dates: the raw value and its source ("frontmatter:updated") from the document;
        # the load stage parses them all at once (see dating.py) and adds history's.
        **{f"{kind}{suffix}": None for kind in DATE_KINDS for suffix in ("", "_raw", "_source")},
    }


def _first(meta: dict[str, Any], keys: list[str]) -> tuple[str | None, Any]:
    for key in keys:
        if key in meta and meta[key] not in (None, "", [], {}):
            return key, meta[key]
    return None, None


def _title(meta: dict[str, Any], facts: MarkdownFacts, config: Config) -> dict:
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
    for column, key_list in (("type", keys.type), ("owner", keys.owner)):
        facts[column] = _text(_first(meta, key_list)[1])
    if facts["owner"]:
        facts["owner_source"] = f"frontmatter:{_first(meta, keys.owner)[0]}"
    summary_key, summary = _first(meta, keys.summary)
    if _text(summary):
        facts["summary"], facts["summary_key"] = _text(summary), summary_key
    for kind, key_list in zip(DATE_KINDS, (keys.review_date, keys.change_date, keys.expiry_date),
                              strict=True):  # fmt: skip
        key, value = _first(meta, key_list)
        if isinstance(value, dict):  # Docusaurus: last_update: {date: …, author: …}
            value = value.get("date")
        if key is not None and value is not None:
            facts[f"{kind}_raw"], facts[f"{kind}_source"] = value, f"frontmatter:{key}"
    key, value = _first(meta, keys.review_interval)
    if key is not None:
        days = parse_days(value)
        if days is None:
            facts["date_problems"] = (f"'{key}: {value}' is not an interval such as '6 months'",)
        else:
            facts["review_interval_days"] = days
    return facts


def _freshness_comment(body: str, row: dict[str, Any]) -> dict[str, Any]:
    """Google-style `<!--* freshness: { owner: 'a' reviewed: '2023-01-15' } *-->`, for
    documents whose frontmatter does not say the same."""
    match = _FRESHNESS.search(body)
    if not match:
        return {}
    fields = dict(_FRESHNESS_FIELD.findall(match.group(1)))
    facts: dict[str, Any] = {}
    if fields.get("reviewed") and row["reviewed_raw"] is None:
        facts["reviewed_raw"], facts["reviewed_source"] = fields["reviewed"], "comment:freshness"
    if fields.get("owner") and row["owner"] is None:
        facts["owner"], facts["owner_source"] = fields["owner"], "comment:freshness"
    return facts


#: Every column of `Corpus.documents`, in order (see docs/corpus.md).
DOCUMENT_COLUMNS = list(base_row("x.md", Config(), size=0))
