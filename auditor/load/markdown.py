"""Facts from a Markdown body, read with pyromark (pulldown-cmark): headings, links,
words, the lead paragraph. Nothing inside code is ever taken for a link or a word."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html.parser import HTMLParser

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
#: Template and include syntax of site generators: never links, never words. Where one
#: may start; `_template_end` says where it ends (see `mask_templates`).
_TEMPLATE_START = re.compile(
    r"\{%|\{\{|<%"  # Liquid, Hugo shortcodes, Jinja/Liquid output; ERB
    r"|\[!INCLUDE"  # Microsoft Learn includes
    r"|^(?:import|export)\s",  # MDX module lines
    re.MULTILINE,
)
#: Text every match of `_TEMPLATE_START` contains.
_TEMPLATE_MARKS = ("{%", "{{", "<%", "[!INCLUDE", "import", "export")
_MODULE_LINE = re.compile(r"(?:import|export)\s[^\n]*")
MEDIA_TAGS = frozenset({"video", "audio", "iframe", "object", "embed", "picture", "svg"})
#: "don't", "e-mail", curly apostrophes too. Possessive (`++`, `*+`): a word never gives
#: characters back, so the matches are those of `\w+(?:['\u2019-]\w+)*`, found faster.
_WORD = re.compile(r"\w++(?:['\u2019-]\w++)*+")
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
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)  # by slug style
    words: int = 0
    lead_words: int | None = None
    table_rows: int = 0
    #: Prose, code and inline code excluded, with the file line each piece starts on
    #: (abbreviations, policies, duplicates).
    prose: list[tuple[int, str]] = field(default_factory=list)
    inline_code: list[str] = field(default_factory=list)  # counted as words, not prose
    code_languages: list[str] = field(default_factory=list)  # of fenced blocks: mermaid, …
    html_tags: set[str] = field(default_factory=set)  # media tags met: video, audio, iframe
    comments: list[tuple[int, str]] = field(default_factory=list)  # HTML comments, by line


def mask_templates(body: str) -> str:
    r"""Template syntax blanked out with figure spaces: not words, and unlike ASCII spaces
    never an indented code block. Newlines stay, so line numbers stay true.

    What the regular expression `\{%.*?%\}|\{\{[<%].*?[>%]\}\}|\{\{.*?\}\}|<%.*?%>|
    \[!INCLUDE\s*\[[^\]]*\]\([^)]*\)\]|^(?:import|export)\s[^\n]*` (DOTALL, MULTILINE)
    replaces, in linear time: that expression scanned the rest of the page from every
    opening `{%` without its `%}`, so a page of them took minutes."""
    if not any(mark in body for mark in _TEMPLATE_MARKS):
        return body  # most pages: nothing `_TEMPLATE_START` could match, no regex pass
    pieces, done = [], 0
    closers = _Closers(body)
    start = _TEMPLATE_START.search(body)
    while start:
        end = _template_end(body, start.start(), closers)
        if end is None:
            start = _TEMPLATE_START.search(body, start.start() + 1)
            continue
        pieces += [body[done : start.start()], _FIGURE.sub("\u2007", body[start.start() : end])]
        done = end
        start = _TEMPLATE_START.search(body, end)
    return "".join([*pieces, body[done:]]) if pieces else body


_FIGURE = re.compile(r"[^\n]")
_SPACES = re.compile(r"\s*")


class _Closers:
    """`str.find` for the closing marks, remembering each mark's last answer: asked again
    from a later start that answer still holds, so no stretch of text is searched twice."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, tuple[int, int]] = {}  # mark -> (searched from, found at)

    def find(self, mark: str, start: int) -> int:
        searched, found = self.known.get(mark, (len(self.text) + 1, -1))
        if searched <= start and (found == -1 or found >= start):
            return found
        found = self.text.find(mark, start)
        self.known[mark] = (start, found)
        return found


def _template_end(text: str, i: int, closers: _Closers) -> int | None:
    """Where the template syntax that starts at `i` ends, or None if none does: the
    first of the expression's alternatives (see `mask_templates`) that matches."""
    if text.startswith("{%", i) and (end := closers.find("%}", i + 2)) >= 0:
        return end + 2
    if text.startswith(("{{<", "{{%"), i):
        ends = [e for e in (closers.find(">}}", i + 3), closers.find("%}}", i + 3)) if e >= 0]
        if ends:
            return min(ends) + 3
    if text.startswith("{{", i) and (end := closers.find("}}", i + 2)) >= 0:
        return end + 2
    if text.startswith("<%", i) and (end := closers.find("%>", i + 2)) >= 0:
        return end + 2
    if text.startswith("[!INCLUDE", i) and (end := _include_end(text, i, closers)):
        return end
    if (i == 0 or text[i - 1] == "\n") and (line := _MODULE_LINE.match(text, i)):
        return line.end()
    return None


class _HtmlLinks(HTMLParser):
    """Links, images and anchors in the raw HTML that Markdown allows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, int]] = []  # (kind, target, line within the html)
        self.ids: list[str] = []
        self.tags: set[str] = set()
        self.comments: list[tuple[int, str]] = []

    def handle_comment(self, data):
        self.comments.append((self.getpos()[0], data))

    def parse_marked_section(self, i, report=1):
        """`<![x[ … ]]>` and `<![ a [`: Python's parser raises AssertionError for a marked
        section it does not know; to a browser it is a bogus comment up to the next `>`."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        line = self.getpos()[0]
        if tag in MEDIA_TAGS:
            self.tags.add(tag)
        if tag == "a" and values.get("href"):
            self.found.append(("link", values["href"], line))
        elif tag == "img" and values.get("src"):
            self.found.append(("image", values["src"], line))
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.append(values[key])


class _LineIndex:
    """Maps pyromark's UTF-8 byte offsets to 1-based line numbers of the file."""

    def __init__(self, data: bytes, first_line: int) -> None:
        self._starts = [m.end() for m in re.finditer(b"\n", data)]
        self._first = first_line

    def line(self, offset: int) -> int:
        return self._first + bisect_right(self._starts, offset)


def scan_markdown(body: str, first_line: int = 1, gollum: bool = False) -> MarkdownFacts:
    """Walk the body's events once. `first_line` is the file line the body starts on.
    `gollum` reads `[[text|Page]]` as Gollum does (target last) instead of Obsidian's
    `[[Page|text]]`."""
    body = mask_templates(body)
    facts = MarkdownFacts()
    line_at = _LineIndex(body.encode("utf-8", "surrogatepass"), first_line).line
    anchors = AnchorSet()
    prose, inline_code, links = facts.prose, facts.inline_code, facts.links
    heading: list[str] | None = None
    heading_start = heading_id = None
    paragraph: list[str] | None = None
    code_depth = image_depth = 0
    seen_subheading = False
    html = _HtmlLinks()
    gollum_link: RawLink | None = None  # a Gollum wikilink whose target is its text

    # Run for every event of every page, so the most frequent come first and the tests
    # are cheap: text, then the starts and ends of blocks, the rare HTML last.
    for event, span in pyromark.events_with_range(body, options=OPTIONS):
        if event.__class__ is str:  # SoftBreak, HardBreak, Rule: nothing to read
            continue
        ((kind, value),) = event.items()
        if kind == "Text" or kind == "Code":
            if code_depth or image_depth:
                continue
            if gollum_link is not None:
                gollum_link.target += value
                continue
            if kind == "Text":
                prose.append((line_at(span["start"]), value))
            else:
                inline_code.append(value)
            if heading is not None:
                heading.append(value)
            elif paragraph is not None:
                paragraph.append(value)
        elif kind == "Start":
            if value.__class__ is str:  # Paragraph, Item, TableCell, …: no attributes
                if value == "Paragraph":
                    if facts.lead_words is None and not seen_subheading:
                        paragraph = []
                elif value == "TableRow":
                    facts.table_rows += 1
                continue
            ((tag, attrs),) = value.items()
            if tag == "Heading":
                heading, heading_start, heading_id = [], span["start"], attrs["id"]
            elif tag == "Link":
                link_type = attrs["link_type"]
                if link_type == "Email":
                    continue
                link_kind = "wikilink" if isinstance(link_type, dict) else "link"
                link = RawLink(link_kind, attrs["dest_url"], line_at(span["start"]))
                links.append(link)
                if gollum and link_kind == "wikilink" and link_type["WikiLink"]["has_pothole"]:
                    link.target, gollum_link = "", link
            elif tag == "Image":
                image_depth += 1
                link_kind = "embed" if isinstance(attrs["link_type"], dict) else "image"
                links.append(RawLink(link_kind, attrs["dest_url"], line_at(span["start"])))
            elif tag == "CodeBlock":
                code_depth += 1
                fenced = attrs.get("Fenced") if isinstance(attrs, dict) else None
                if fenced and (info := fenced.split()):  # "```\u00a0": blank to Python
                    facts.code_languages.append(info[0].lower())
        elif kind == "End":
            if value.__class__ is not str:  # {"Heading": "H2"}, {"List": False}, …
                if heading is not None and "Heading" in value:
                    level = _LEVEL[value["Heading"]]
                    text = " ".join("".join(heading).split())
                    anchor = anchors.add_heading(text)
                    if heading_id:
                        anchors.add_id(heading_id)
                        anchor = heading_id
                    facts.headings.append(Heading(level, text, anchor, line_at(heading_start)))
                    seen_subheading = seen_subheading or level > 1
                    heading = None
            elif value == "Paragraph":
                if paragraph is not None:
                    facts.lead_words = count_words(paragraph)
                    paragraph = None
            elif value == "Link":
                gollum_link = None
            elif value == "Image":
                image_depth -= 1
            elif value == "CodeBlock":
                code_depth -= 1
        elif kind == "Html" or kind == "InlineHtml":
            _scan_html(html, value, line_at(span["start"]), facts)

    facts.words = count_words([text for _, text in prose] + inline_code)
    for anchor in html.ids:
        anchors.add_id(anchor)
    facts.html_tags = html.tags
    facts.anchors = anchors.frozen()
    return facts


def _scan_html(parser: _HtmlLinks, fragment: str, line: int, facts: MarkdownFacts) -> None:
    """Feed one HTML event to the parser; its links get file lines."""
    parser.found.clear()
    parser.comments.clear()
    parser.reset()
    parser.feed(fragment)
    facts.links.extend(RawLink(kind, target, line + at - 1) for kind, target, at in parser.found)
    facts.comments.extend((line + at - 1, text) for at, text in parser.comments)


def count_words(parts: list[str]) -> int:
    return len(_WORD.findall(" ".join(parts)))


def _include_end(text: str, i: int, closers: _Closers) -> int | None:
    """The end of `[!INCLUDE [title](path)]` at `i`, or None."""
    k = _SPACES.match(text, i + len("[!INCLUDE")).end()
    if not text.startswith("[", k) or (close := closers.find("]", k + 1)) < 0:
        return None
    if not text.startswith("(", close + 1) or (paren := closers.find(")", close + 2)) < 0:
        return None
    return paren + 2 if text.startswith("]", paren + 1) else None
