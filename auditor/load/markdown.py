"""Facts from a Markdown body, read with pyromark (pulldown-cmark): headings, links,
words, the lead paragraph. Nothing inside code is ever taken for a link or a word."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import pyromark

from auditor.load.slug import AnchorSet

OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_HEADING_ATTRIBUTES
    | pyromark.Options.ENABLE_WIKILINKS
)
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")  # "don't", "e-mail", curly apostrophes too
_LEVEL = {"H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6}


@dataclass(slots=True)
class Heading:
    level: int
    text: str
    anchor: str
    line: int


@dataclass(slots=True)
class RawLink:
    kind: str  # link | image | wikilink | embed
    target: str
    line: int


@dataclass(slots=True)
class MarkdownFacts:
    headings: list[Heading] = field(default_factory=list)
    links: list[RawLink] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    words: int = 0
    lead_words: int | None = None
    table_rows: int = 0


class _LineIndex:
    """Maps pyromark's UTF-8 byte offsets to 1-based line numbers of the file."""

    def __init__(self, data: bytes, first_line: int) -> None:
        self._starts = [m.end() for m in re.finditer(b"\n", data)]
        self._first = first_line

    def line(self, offset: int) -> int:
        return self._first + bisect_right(self._starts, offset)


def scan_markdown(body: str, first_line: int = 1) -> MarkdownFacts:
    """Walk the body's events once. `first_line` is the file line the body starts on."""
    facts = MarkdownFacts()
    lines = _LineIndex(body.encode("utf-8", "surrogatepass"), first_line)
    anchors = AnchorSet()
    words: list[str] = []
    heading: list[str] | None = None
    heading_start = heading_id = None
    paragraph: list[str] | None = None
    code_depth = image_depth = 0
    seen_subheading = False

    for event, span in pyromark.events_with_range(body, options=OPTIONS):
        if isinstance(event, str):
            continue
        ((kind, value),) = event.items()
        if kind == "Text" or kind == "Code":
            if code_depth or image_depth:
                continue
            words.append(value)
            if heading is not None:
                heading.append(value)
            elif paragraph is not None:
                paragraph.append(value)
        elif kind == "Start":
            if isinstance(value, str):
                if value == "Paragraph" and facts.lead_words is None and not seen_subheading:
                    paragraph = []
                elif value == "TableRow":
                    facts.table_rows += 1
                continue
            ((tag, attrs),) = value.items()
            if tag == "Heading":
                heading, heading_start, heading_id = [], span["start"], attrs["id"]
            elif tag == "Link":
                link_type = attrs["link_type"]
                link_kind = "wikilink" if isinstance(link_type, dict) else "link"
                if link_type != "Email":
                    facts.links.append(
                        RawLink(link_kind, attrs["dest_url"], lines.line(span["start"]))
                    )
            elif tag == "Image":
                image_depth += 1
                link_kind = "embed" if isinstance(attrs["link_type"], dict) else "image"
                facts.links.append(RawLink(link_kind, attrs["dest_url"], lines.line(span["start"])))
            elif tag == "CodeBlock":
                code_depth += 1
        elif kind == "End":
            if value == "Paragraph" and paragraph is not None:
                facts.lead_words = _count_words(paragraph)
                paragraph = None
            elif value == "Image":
                image_depth -= 1
            elif value == "CodeBlock":
                code_depth -= 1
            elif isinstance(value, dict) and "Heading" in value and heading is not None:
                level = _LEVEL[value["Heading"]]
                text = " ".join("".join(heading).split())
                anchor = anchors.add_heading(text)
                if heading_id:
                    anchors.add_id(heading_id)
                    anchor = heading_id
                facts.headings.append(Heading(level, text, anchor, lines.line(heading_start)))
                seen_subheading = seen_subheading or level > 1
                heading = None

    facts.words = _count_words(words)
    facts.anchors = anchors.anchors
    return facts


def _count_words(parts: list[str]) -> int:
    return len(_WORD.findall(" ".join(parts)))
