"""Hypothesis strategies for hostile documents and corpora, and the properties every input
must keep: shared by tests/test_fuzz.py (a few hundred examples in CI) and
benchmarks/fuzz_campaign.py (tens of thousands, outside CI).

The strategies build documents the way people and tools break them: frontmatter in YAML,
TOML and JSON (valid blocks of odd values, and token soup between fences), Markdown from a
small grammar (headings, links, wikilinks, images, HTML, comments with kb-audit
directives, code fences closed or not, tables, lists, entities, control characters, long
lines), any line ending, any byte-order mark or encoding, and random bytes.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import io
import json
import math
import os
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from hypothesis import strategies as st

from auditor.api import audit
from auditor.atomic import write_text
from auditor.config import Config
from auditor.docs import rule_sections
from auditor.load.document import DOCUMENT_COLUMNS, LoadedDocument, read_document
from auditor.model import AuditResult
from auditor.render import RENDERERS, RenderOptions

NOW = "2026-11-27"
SCHEMA = json.loads(
    (Path(__file__).parent.parent / "docs" / "report.schema.json").read_text(encoding="utf-8")
)
DOCUMENT_EXTENSIONS = (".md", ".markdown", ".mdx", ".MD", ".html.md", ".html.md.erb")

# Scalars and values ----------------------------------------------------------------------

#: Text people (and tools) put in frontmatter: any code point but surrogates, short.
any_text = st.text(max_size=40)
odd_strings = st.one_of(
    any_text,
    st.sampled_from([
        "", " ", "~", "null", "yes", "no", "on", "NaN", ".inf", "-.inf", "0x1F", "1e400",
        "2023-02-30", "0000-00-00", "9999-12-31", "13/13/2023", "03/05/2023", "31/12/99",
        "3 maart 2023", "le 3 mars 2023", "yesterday", "next week", "6 months", "P6M", "P0D",
        "0 days", "-3 weeks", "1e309 years", "99999999999999999999 days", "2023-01-01T25:61",
        "2023-06-01T10:00:00+14:00", "2023-06-01T10:00:00Z", "\u202eevil", "a\0b", "\t",
        "line\nbreak", "T020, too-long", "*", "owner@example.org",
    ]),
)  # fmt: skip
huge_ints = st.one_of(
    st.integers(),
    st.sampled_from([0, -1, 2**63 - 1, 2**63, -(2**63) - 1, 2**64, 10**30, 10**400, -(10**400)]),
)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
datetimes = st.datetimes(
    min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=st.one_of(
        st.none(), st.just(dt.UTC), st.timezones(), st.builds(
            lambda m: dt.timezone(dt.timedelta(minutes=m)), st.integers(-1439, 1439)
        )
    )
)  # fmt: skip
scalars = st.one_of(
    st.none(), st.booleans(), huge_ints, st.floats(), odd_strings, dates, datetimes,
)  # fmt: skip

#: Keys the loader looks for (title, owner, dates, review interval, kb-audit ignores…),
#: which give random values their best chance to reach the code that reads them.
KNOWN_KEYS = (
    "title", "titel", "summary", "description", "type", "category", "owner", "owners",
    "maintainer", "reviewed", "last_reviewed", "review_date", "updated", "lastmod",
    "last_update", "ms.date", "date", "datum", "expires", "review_by", "valid_until",
    "review_interval", "review_in", "kb-audit", "kb_audit", "ignore", "slug", "id",
    "permalink", "aliases", "url", "sidebar_position", "tags",
)  # fmt: skip
keys = st.one_of(st.sampled_from(KNOWN_KEYS), any_text)
yaml_keys = st.one_of(keys, huge_ints, st.booleans(), st.none(), dates, st.floats())


def _values(key_strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(key_strategy, inner, max_size=4),
        ),
        max_leaves=12,
    )


values = _values(keys)
mappings = st.dictionaries(keys, values, max_size=8)
#: A mapping whose values are dicts at the known keys: kb-audit: {ignore: …},
#: last_update: {date: …}.
nested_known = st.dictionaries(
    st.sampled_from(KNOWN_KEYS),
    st.one_of(values, st.dictionaries(st.sampled_from(("ignore", "date", "author")), values,
                                      max_size=3)),
    max_size=6,
)  # fmt: skip

# Frontmatter blocks ----------------------------------------------------------------------


def _yaml_dump(data: Any) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        return "title: fallback\n"


#: YAML as people and tools mistype it: anchors, aliases, tags, merges, flow collections,
#: tabs, unbalanced quotes and brackets.
YAML_TOKENS = (
    "&a ", "*a", "*b", "<<: *a", "!!binary ", "!!timestamp ", "!!python/object:os.system ",
    "!!str ", "!!int ", "!!float ", "!!set ", "!!omap ", "!custom ", "? ", ": ", "- ", "[", "]",
    "{", "}", ",", "'", '"', "|", ">", "#", "\t", "  ", "\n", "---", "...", "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n", "title", "owner", "reviewed", "2023-02-30", "0o777", "0x", "~",
    "\\", "\\x00", "\\u", "@", "`", "\ufeff", "\x85", "\u2028",
)  # fmt: skip
yaml_soup = st.lists(st.one_of(st.sampled_from(YAML_TOKENS), any_text), max_size=30).map("".join)

yaml_blocks = st.one_of(
    st.one_of(mappings, nested_known, st.dictionaries(yaml_keys, values, max_size=6)).map(
        _yaml_dump
    ),
    st.one_of(values, st.lists(values, max_size=3)).map(_yaml_dump),  # not a mapping
    yaml_soup,
    st.text(max_size=200),
    st.builds(
        lambda base, dup: base + dup,
        mappings.map(_yaml_dump),
        st.sampled_from(["title: again\n", "title: [1\n", "owner: *nowhere\n", ""]),
    ),
)


def _toml_key(key: str) -> str:
    return json.dumps(key, ensure_ascii=False)


def _toml_value(value: Any) -> str:
    if value is None:
        return '""'  # TOML has no null
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)  # beyond 64 bits: TOML refuses it, a parse error
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") \
            if math.isinf(value) else repr(value)  # fmt: skip
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        pairs = ", ".join(f"{_toml_key(str(k))} = {_toml_value(v)}" for k, v in value.items())
        return "{" + pairs + "}"
    return json.dumps(str(value), ensure_ascii=False)


def toml_text(data: dict) -> str:
    return "".join(f"{_toml_key(k)} = {_toml_value(v)}\n" for k, v in data.items())


TOML_TOKENS = (
    "=", " = ", "[", "]", "[[", "]]", "{", "}", '"', "'", '"""', "'''", "title", "owner",
    "date", "1979-05-27T07:32:00Z", "1979-05-27", "07:32:00", "nan", "inf", "0x", "1_000",
    "true", "\n", "#", ".", ",", "\\u", "\\U0010FFFF", "\\UFFFFFFFF",
)  # fmt: skip
toml_blocks = st.one_of(
    st.one_of(mappings, nested_known).map(toml_text),
    st.lists(st.one_of(st.sampled_from(TOML_TOKENS), any_text), max_size=30).map("".join),
    st.text(max_size=200),
)


def _json_text(data: Any) -> str:
    return json.dumps(data, default=str, ensure_ascii=False, indent=1)


JSON_TOKENS = ('"', ":", ",", "[", "]", "{", "}", "null", "NaN", "Infinity", "1e999",
               "\\u0000", "\\ud800", '"title"', "\n", "true", "-")  # fmt: skip
json_bodies = st.one_of(
    st.one_of(mappings, nested_known).map(lambda d: _json_text(d)[1:-1]),  # inside { }
    st.lists(st.one_of(st.sampled_from(JSON_TOKENS), any_text), max_size=30).map("".join),
)


@st.composite
def frontmatter_blocks(draw) -> str:
    """A frontmatter block and its fences, or something that looks almost like one."""
    kind = draw(st.sampled_from(["yaml", "toml", "json", "odd"]))
    if kind == "yaml":
        fence_open = draw(st.sampled_from(["---", "---", "--- ", "----", "---\t"]))
        fence_close = draw(st.sampled_from(["---", "---", "...", "--- ", "", "----"]))
        return f"{fence_open}\n{draw(yaml_blocks)}\n{fence_close}\n"
    if kind == "toml":
        fence_close = draw(st.sampled_from(["+++", "+++", "++++", ""]))
        return f"+++\n{draw(toml_blocks)}\n{fence_close}\n"
    if kind == "json":
        close = draw(st.sampled_from(["}", "}", "} ", ""]))
        return "{\n" + draw(json_bodies) + "\n" + close + "\n"
    return draw(st.sampled_from(["---\n", "---", "+++\n", "{\n", "}\n", "---\n---\n",
                                 "+++\n+++\n", "{\n}\n", "---\n...\n"]))  # fmt: skip


# Markdown --------------------------------------------------------------------------------

words = st.one_of(
    st.sampled_from([
        "the", "page", "Setup", "SLA", "Service Level Agreement (SLA)", "AVG", "K8S", "CI/CD",
        "TL;DR", "README.md", "OPS-123", "DO NOT EDIT THIS PAGE", "don't", "e-mail",
        "café", "ǅ", "ß", "İ", "\u0301", "\u200b", "\u2007", "\u2028", "\u00a0", "🦆",
        "\U0001d518\U0001d52b\U0001d526", "ﷺ", "\ufeff", "*", "_", "**", "~~", "`", "\\", "|",
        ":", "&", "<", ">",
        "[", "]", "(", ")", "!", "#", "{#id}", "{.class}", "[^1]", "$$", "{{", "}}",
        "{% raw %}", "{{< ref x >}}", "<% x %>", "[!INCLUDE [x](y.md)]",
    ]),
    any_text,
)  # fmt: skip
inline_text = st.lists(words, max_size=8).map(" ".join)
#: Control characters and NUL; NUL only counts past the first 8 KiB (binary sniffing).
controls = st.sampled_from([
    "\0", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029",
    "\ufffe", "\uffff", "\U0010ffff",
])  # fmt: skip
entities = st.sampled_from(["&amp;", "&lt;", "&#0;", "&#x0;", "&#xD800;", "&#x10FFFF;",
                            "&#1114112;", "&#99999999999;", "&bogus;", "&", "&#", "&#x;",
                            "&nbsp;", "&ZeroWidthSpace;"])  # fmt: skip

path_segments = st.one_of(
    st.sampled_from(["", ".", "..", "guide", "index", "README", "a b", "café", "x.md",
                     "guide.md", "guide.html", "img.png", "clip.mp4", "d.drawio.svg",
                     "%20", "%", "%zz", "%2e%2e", "%2F", "%2F[x]", "[::1", "%5B::1", "?",
                     "q?x=1", "~", "//", "\\"]),
    any_text.filter(lambda s: "\n" not in s),
)  # fmt: skip
anchors = st.one_of(st.none(), st.sampled_from(["", "setup", "Setup", "top", "%20", "a#b"]),
                    any_text)  # fmt: skip


HOSTS = ("example.org", "wiki.example.org", "youtube.com", "img.shields.io", "", "xn--",
         "[::1]", "a:b@c:99999")  # fmt: skip


@st.composite
def link_targets(draw) -> str:
    kind = draw(st.sampled_from(["relative", "absolute", "url", "odd"]))
    if kind == "odd":
        return draw(st.sampled_from([
            "", " ", "#", "#setup", "<>", "<a b.md>", "mailto:x@y.z", "javascript:alert(1)",
            "data:text/html,<b>", "file:///etc/passwd", "//host/x", "http://", "http://[::1",
            "https://example.org/a?b#c", "https://youtu.be/x", "ftp://x", "tel:+32",
            "../" * 20 + "etc/passwd", "C:\\Windows", "\\\\server\\share", "a\0b.md",
        ]))  # fmt: skip
    parts = draw(st.lists(path_segments, min_size=1, max_size=4))
    path = "/".join(parts)
    if kind == "absolute":
        path = "/" + path
    elif kind == "url":
        host = draw(st.sampled_from(HOSTS))
        path = f"{draw(st.sampled_from(['https', 'http', 'HTTP']))}://{host}/{path}"
    anchor = draw(anchors)
    return path if anchor is None else f"{path}#{anchor}"


INLINE_KINDS = ("text", "link", "image", "wikilink", "embed", "emphasis", "code", "html",
                "entity", "control", "autolink", "reference", "footnote")  # fmt: skip


@st.composite
def inline(draw) -> str:
    """One line's worth of inline Markdown."""
    kinds = draw(st.lists(st.sampled_from(INLINE_KINDS), max_size=5))
    return " ".join(_inline_piece(draw, kind) for kind in kinds)


def _inline_piece(draw, kind: str) -> str:
    text, target = draw(inline_text), draw(link_targets())
    if kind == "link":
        return f"[{text}]({target})"
    if kind == "image":
        return f"![{text}]({target})"
    if kind == "wikilink":
        return f"[[{target}" + draw(st.sampled_from(["", f"|{text}"])) + "]]"
    if kind == "embed":
        return f"![[{target}]]"
    if kind == "emphasis":
        opening = draw(st.sampled_from(["*", "**", "_", "~~", "***"]))
        return opening + text + draw(st.sampled_from(["*", "**", "_", "~~", ""]))
    if kind == "code":
        return f"`{text}`"
    if kind == "html":
        return draw(html_fragments())
    if kind == "entity":
        return draw(entities)
    if kind == "control":
        return draw(controls)
    if kind == "autolink":
        return f"<{target}>"
    if kind == "reference":
        return f"[{text}][{draw(st.sampled_from(['ref', '', text]))}]"
    if kind == "footnote":
        return "[^" + draw(st.sampled_from(["1", "", text])) + "]"
    return text


@st.composite
def html_fragments(draw) -> str:
    target, text = draw(link_targets()), draw(inline_text)
    quote = draw(st.sampled_from(['"', "'", ""]))
    return draw(st.sampled_from([
        f"<a href={quote}{target}{quote}>{text}</a>",
        f"<a name={quote}{text}{quote}></a>",
        f"<a id={quote}{text}{quote} href>",
        f"<img src={quote}{target}{quote} alt='{text}'>",
        f"<div id={quote}{text}{quote}>{text}</div>",
        f"<video src='{target}'></video>", "<audio>", "<iframe src=x>", "<svg><path/></svg>",
        "<picture>", "<script>alert(1)</script>", "<style>*{}</style>", "<a", "<a href=",
        "</a>", "<br/>", "<!DOCTYPE html>", "<![CDATA[x]]>", "<![x[ y ]]>", "<![if !IE]>",
        "<![ a [", "<div>\n<![x[", "<?php ?>", f"<{text}>",
        f"<!-- {text} -->", "<!--", "-->", "<!---->", "<!-- -- -->",
        f"<!-- kb-audit: ignore {text} -->", "<!-- kb-audit: ignore -->",
        "<!-- kb-audit: ignore-file T020, too-long -->", "<!-- KB-AUDIT: IGNORE-FILE -->",
        f"<!--* freshness: {{ owner: '{text}' reviewed: '{text}' }} *-->",
        "<!--* freshness: { owner: 'ann' reviewed: '2023-02-30' } *-->",
    ]))  # fmt: skip


@st.composite
def blocks(draw) -> str:
    kind = draw(st.sampled_from([
        "heading", "setext", "paragraph", "fence", "open-fence", "indented", "table", "list",
        "quote", "html", "comment", "rule", "reference", "footnote", "definition", "math",
        "long", "template", "blank",
    ]))  # fmt: skip
    line = draw(inline())
    if kind == "heading":
        hashes = "#" * draw(st.integers(1, 7))
        attrs = draw(st.sampled_from(["", " {#custom-id}", " {#}", " {.cls #a #b}", " #"]))
        return f"{hashes} {line}{attrs}"
    if kind == "setext":
        return f"{line}\n" + draw(st.sampled_from(["===", "---", "=", "- - -"]))
    if kind in ("fence", "open-fence"):
        fence = draw(st.sampled_from(["```", "~~~", "````", "``` ", "```mermaid", "```{python}",
                                      "``` \u00a0"]))  # fmt: skip
        language = draw(st.sampled_from(["", "python", "mermaid", "plantuml", " ", "ÄÖ", "{"]))
        body = "\n".join(draw(st.lists(inline(), max_size=4)))
        closing = f"\n{fence[:3]}" if kind == "fence" else ""
        return f"{fence}{language}\n{body}{closing}"
    if kind == "indented":
        return "\n".join("    " + row for row in draw(st.lists(inline(), max_size=3)))
    if kind == "table":
        columns = draw(st.integers(1, 4))
        rows = draw(st.lists(st.lists(inline_text, min_size=columns, max_size=columns),
                             max_size=4))  # fmt: skip
        header = "| " + " | ".join(f"h{i}" for i in range(columns)) + " |"
        rule = "|" + "|".join(draw(st.sampled_from(["---", ":-:", "--:", "-"]))
                              for _ in range(columns)) + "|"  # fmt: skip
        return "\n".join([header, rule, *("| " + " | ".join(r) + " |" for r in rows)])
    if kind == "list":
        items = draw(st.lists(inline(), min_size=1, max_size=5))
        marker = draw(st.sampled_from(["- ", "* ", "1. ", "1) ", "- [ ] ", "- [x] ", "  - "]))
        return "\n".join(marker + item for item in items)
    if kind == "quote":
        return "> " + line + draw(st.sampled_from(["", "\n> [!NOTE]", "\n>> nested"]))
    if kind == "html":
        return draw(html_fragments())
    if kind == "comment":
        return draw(html_fragments()) + "\n" + line
    if kind == "rule":
        return draw(st.sampled_from(["---", "***", "___", "- - -"]))
    if kind == "reference":
        return f"[{draw(st.sampled_from(['ref', 'x', line]))}]: {draw(link_targets())}"
    if kind == "footnote":
        return f"[^{draw(st.sampled_from(['1', 'note', '']))}]: {line}"
    if kind == "definition":
        return f"{draw(words)}\n: {line}"
    if kind == "math":
        return f"$$\n{line}\n$$"
    if kind == "long":
        unit = draw(st.sampled_from(["x", "word ", "[a](b) ", "*", "<", "`", "SLA "]))
        return unit * draw(st.integers(1_000, 20_000))
    if kind == "template":
        return draw(st.sampled_from(["{% include x.md %}", "{{ page.title }}", "{{< ref \"x\" >}}",
                                     "import X from './x'", "export const a = 1", "<% if x %>",
                                     "{%", "{{", "[!INCLUDE [x](y.md)]"]))  # fmt: skip
    if kind == "blank":
        return ""
    return line


markdown_bodies = st.lists(blocks(), max_size=12).map("\n\n".join)


@st.composite
def documents(draw) -> str:
    """A document's text: maybe frontmatter, then a Markdown body."""
    front = draw(st.one_of(st.just(""), frontmatter_blocks()))
    return front + draw(markdown_bodies)


# Bytes: line endings, byte-order marks, encodings ------------------------------------------


@st.composite
def encoded(draw, text_strategy: st.SearchStrategy[str]) -> bytes:
    """Text with its line endings changed and encoded, with or without a BOM; sometimes
    a NUL past the first 8 KiB, or a few bytes overwritten."""
    text = draw(text_strategy)
    ending = draw(st.sampled_from(["\n", "\n", "\r\n", "\r", "mixed"]))
    if ending == "mixed":
        text = "".join(
            line + draw(st.sampled_from(["\n", "\r\n", "\r"])) for line in text.split("\n")
        )
    else:
        text = text.replace("\n", ending)
    if draw(st.integers(0, 9)) == 0:
        text = text + " " * 8200 + "\0 after the sniffed block"
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16",
                                     "utf-16-le", "utf-16-be", "latin-1"]))  # fmt: skip
    data = text.encode(encoding, errors="surrogatepass" if "utf" in encoding else "replace")
    if encoding in ("utf-16-le", "utf-16-be") and draw(st.booleans()):
        data = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + data
    if data and draw(st.integers(0, 9)) == 0:  # damage: a few bytes overwritten
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at + 4 :]
    return data


document_bytes = st.one_of(
    st.binary(max_size=2000),
    encoded(st.text(max_size=500)),
    encoded(documents()),
    encoded(frontmatter_blocks().map(lambda f: f + "# Title\n\nBody text.\n")),
)

# File names and corpora ------------------------------------------------------------------

# No backslash: docs/report.schema.json refuses it in a path (see the campaign notes).
_NAME_CHARS = st.characters(blacklist_characters="/\\\0", blacklist_categories=("Cs",))
name_stems = st.one_of(
    st.sampled_from(["index", "README", "a", "a b", "café", "ǅ", " ", ".hidden", "..x", "-",
                     "node_modules", "__pycache__", "new\nline", "tab\there", "\u202eevil",
                     "guide.html", "Page 0123456789abcdef0123456789abcdef",
                     "latin-\udce9", "\udcff\udcfe"]),  # not UTF-8: bytes os.fsdecode escapes
    st.text(_NAME_CHARS, min_size=1, max_size=12),
).filter(lambda s: s not in (".", "..") and len(os.fsencode(s)) < 200)  # fmt: skip
extensions = st.sampled_from([*DOCUMENT_EXTENSIONS, ".md", ".md", ".png", ".txt", ".pdf", "",
                              ".md.bak", ".MARKDOWN", ".html"])  # fmt: skip


@st.composite
def relative_paths(draw) -> str:
    folders = draw(st.lists(name_stems, max_size=3))
    return "/".join([*folders, draw(name_stems) + draw(extensions)])


def _no_clash(paths: list[str]) -> bool:
    """No path is another one's folder (a file and a folder cannot share a name)."""
    names = set(paths)
    return not any(str(p) in names for path in paths for p in PurePosixPath(path).parents)


site_urls = st.one_of(
    st.sampled_from(["https://wiki.example.org/", "https://example.org/docs/", "/", "",
                     "http://[::1", "https://[x]/", "https://\uff03/", "//x", "not a url"]),
    link_targets(),
)  # fmt: skip
site_values = st.one_of(values, site_urls, st.lists(st.one_of(any_text, site_urls), max_size=4))


@st.composite
def site_configs(draw) -> dict[str, bytes]:
    """A site generator's config file: its URL rules decide what links mean."""
    kind = draw(st.sampled_from(["mkdocs", "hugo", "jekyll", "docusaurus"]))
    if kind == "docusaurus":
        url, base, route = draw(site_urls), draw(site_urls), draw(path_segments)
        text = (
            f"module.exports = {{ url: '{url}', baseUrl: '{base}', presets: [['classic', "
            f"{{ docs: {{ routeBasePath: '{route}' }}, blog: {{ routeBasePath: '{route}' }} }}]],"
            f" {draw(any_text)} }};\n"
        )
        return {"docusaurus.config.js": text.encode("utf-8", "surrogatepass")}
    keys = {
        "mkdocs": ("site_url", "docs_dir", "use_directory_urls", "nav", "plugins", "INHERIT",
                   "exclude_docs", "markdown_extensions"),
        "hugo": ("baseURL", "contentDir", "uglyURLs", "disablePathToLower", "taxonomies",
                 "menus", "permalinks", "defaultContentLanguage"),
        "jekyll": ("url", "baseurl", "permalink", "collections", "source", "defaults"),
    }[kind]  # fmt: skip
    data = draw(st.dictionaries(st.sampled_from(keys), site_values, max_size=6))
    if kind == "hugo":
        text = draw(st.one_of(st.just(toml_text(data)), toml_blocks))
        return {"hugo.toml": text.encode("utf-8", "surrogatepass")}
    text = draw(st.one_of(st.just(_yaml_dump(data)), yaml_blocks))
    name = "mkdocs.yml" if kind == "mkdocs" else "_config.yml"
    return {name: text.encode("utf-8", "surrogatepass")}


@st.composite
def corpora(draw, max_files: int = 8, site: bool = False) -> dict[str, bytes]:
    """1 to `max_files` files of any name and content; with `site`, and a site generator's
    config file (MkDocs, Hugo, Jekyll, Docusaurus)."""
    config = draw(site_configs()) if site else {}
    paths = draw(
        st.lists(relative_paths(), min_size=1, max_size=max_files, unique=True).filter(
            lambda p: _no_clash([*p, *config]) and not set(p) & set(config)
        )
    )
    return {**config, **{path: draw(document_bytes) for path in paths}}


# Properties ------------------------------------------------------------------------------

CONFIGS = (Config(), Config(wikilinks="gollum"))


def check_read_document(folder: Path, data: bytes, config: Config = CONFIGS[0],
                        name: str = "doc.md") -> LoadedDocument | str:  # fmt: skip
    """Read `data` as a document: a LoadedDocument with every column, or a reason."""
    path = folder / name
    path.write_bytes(data)
    loaded = read_document(path, name, config)
    assert isinstance(loaded, LoadedDocument | str), type(loaded)
    if isinstance(loaded, str):
        assert loaded, "a skip needs its reason"
        return loaded
    assert list(loaded.row) == DOCUMENT_COLUMNS, set(loaded.row) ^ set(DOCUMENT_COLUMNS)
    assert loaded.row["path"] == name
    for link in loaded.links:
        assert link.source == name and isinstance(link.kind, str)
        assert isinstance(link.target, str) and isinstance(link.line, int)
    return loaded


def write_corpus(root: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@functools.cache
def _validator():
    import jsonschema  # a test dependency, not the product's

    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    return cls(SCHEMA)


@functools.cache
def _render_options() -> RenderOptions:
    return RenderOptions(rule_docs=rule_sections())


def audit_and_render(root: Path) -> AuditResult:
    """Audit the folder and run every renderer; check the JSON report and the counts."""
    result = audit(root, Config(now=NOW, git_history=False, cache=False))
    options = _render_options()
    for name, (_, render) in RENDERERS.items():
        file = io.BytesIO()
        write_text(file, render(result, options))  # as the file is written: valid UTF-8
        written = file.getvalue().decode("utf-8")
        if name == "json":
            _validator().validate(json.loads(written))
    s = result.summary
    assert s.files_seen == s.documents + s.assets + s.skipped
    return result


def check_accounted(result: AuditResult, written: list[str]) -> None:
    """Every file written is a document, an asset or skipped (itself or a folder of it)."""
    documents = {d["path"] for d in result.documents}
    skipped = {s.path for s in result.skipped}
    assert documents <= set(written)

    def covered(rel: str) -> bool:
        if rel in documents or rel in skipped:
            return True
        return any(f"{parent}/" in skipped for parent in PurePosixPath(rel).parents)

    assets = [rel for rel in written if not covered(rel)]
    assert len(assets) == result.summary.assets, (assets, result.summary)
    assert result.summary.files_seen == len(documents) + len(assets) + len(skipped)


def audit_corpus(files: dict[str, bytes]) -> AuditResult:
    with tempfile.TemporaryDirectory(prefix="kb-audit-fuzz-") as tmp:
        root = Path(tmp) / "wiki"
        root.mkdir()
        write_corpus(root, files)
        result = audit_and_render(root)
        check_accounted(result, list(files))
        return result


# The properties, by name: (strategy of one input, check of it in a scratch folder) -------


def _read(args: tuple[bytes, Config], folder: Path) -> None:
    check_read_document(folder, *args)


def _audit(files: dict[str, bytes], folder: Path) -> None:
    audit_corpus(files)


PROPERTIES: dict[str, tuple[st.SearchStrategy, Any]] = {
    "read-bytes": (st.tuples(st.binary(max_size=4000), st.sampled_from(CONFIGS)), _read),
    "read-text": (st.tuples(encoded(st.text(max_size=2000)), st.sampled_from(CONFIGS)), _read),
    "read-frontmatter": (
        st.tuples(
            encoded(frontmatter_blocks().map(lambda f: f + "# Title\n\nBody.\n")),
            st.just(CONFIGS[0]),
        ),
        _read,
    ),
    "read-markdown": (st.tuples(encoded(markdown_bodies), st.sampled_from(CONFIGS)), _read),
    "read-document": (st.tuples(encoded(documents()), st.sampled_from(CONFIGS)), _read),
    "audit-corpus": (corpora(), _audit),
    "audit-site": (corpora(site=True), _audit),
}
