"""Splitting a document into frontmatter and body, with errors that carry a line.

YAML (`---`), TOML (`+++`) and JSON (`{ … }`) blocks are recognised, as Hugo, Jekyll,
MkDocs and Docusaurus write them. Duplicate keys keep the last value, as the generators
do, and are reported: YAML and JSON require unique keys.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml
from frontmatter.default_handlers import JSONHandler, YAMLHandler

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DuplicateTrackingLoader(_Loader):
    """The (C) safe loader, noting keys that a mapping repeats."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[str, int]] = []

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in seen:
                self.duplicates.append((str(key), key_node.start_mark.line))
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node, deep=False):
        """PyYAML's, but a scalar its tag cannot read is an error at the scalar's line:
        PyYAML's constructors raise IndexError (`!!int ""`), KeyError (`!!bool x`),
        AttributeError (`!!timestamp x`) or ValueError (`2023-02-30`) instead."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as e:
            if not isinstance(node, yaml.ScalarNode):
                raise  # a collection's own error; a scalar's was converted below it
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            what = "date" if tag == "!!timestamp" else tag
            why = f" ({e})" if what == "date" and isinstance(e, ValueError) else ""
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a valid {what}{why}", node.start_mark
            ) from None


class _YAML(YAMLHandler):
    def load(self, fm: str, **kwargs: object):
        loader = _DuplicateTrackingLoader(fm)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, loader.duplicates
            if _expanded_size(node) > MAX_VALUES:
                raise yaml.YAMLError(
                    f"aliases expand it to more than {MAX_VALUES:,} values (a 'billion laughs')"
                )
            return loader.construct_document(node), loader.duplicates
        finally:
            loader.dispose()


#: Values a frontmatter block may hold once its aliases are expanded. Reports and rules
#: walk the values; a few lines of aliases can stand for billions of them.
MAX_VALUES = 100_000


def _expanded_size(root: yaml.Node) -> int:
    """How many values the node graph stands for with every alias expanded: each node's
    size is computed once, so a bomb costs as little to measure as its text."""
    sizes: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done or not children:
            sizes[id(node)] = min(MAX_VALUES + 1, 1 + sum(sizes[id(c)] for c in children))
        else:
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


class _TOML(YAMLHandler):
    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: object):
        return tomllib.loads(fm), []  # TOML refuses duplicate keys itself


class _JSON(JSONHandler):
    def load(self, fm: str, **kwargs: object):
        duplicates: list[tuple[str, int]] = []

        def pairs(items):
            keys = [k for k, _ in items]
            duplicates.extend((k, 0) for i, k in enumerate(keys) if k in keys[:i])
            return dict(items)

        return json.loads(fm, object_pairs_hook=pairs), duplicates


HANDLERS = (_YAML(), _TOML(), _JSON())


@dataclass(slots=True)
class Split:
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # the file line the body starts on
    format: str | None = None  # yaml | toml | json
    error: str | None = None
    error_line: int | None = None
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (key, file line)


def split_frontmatter(text: str) -> Split:
    """Parse the frontmatter block if there is one. A malformed block becomes an error on
    the result, and the body after it is still returned so the rest can be audited."""
    handler = next((h for h in HANDLERS if h.detect(text)), None)
    if handler is None:
        return Split(body=text)
    try:
        raw, body = handler.split(text)
    except ValueError:  # an opening delimiter with no closing one: not frontmatter
        return Split(body=text)
    fmt = {_YAML: "yaml", _TOML: "toml", _JSON: "json"}[type(handler)]
    body_line = text[: len(text) - len(body)].count("\n") + 1
    block_line = text[: text.find(raw)].count("\n")  # file lines before the block's text
    split = Split(body=body, body_line=body_line, format=fmt)
    try:
        meta, duplicates = handler.load(raw)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        split.error = f"invalid YAML frontmatter: {exc.problem or exc.context}"
        split.error_line = block_line + mark.line + 1 if mark else 1
        return split
    except tomllib.TOMLDecodeError as exc:
        split.error, split.error_line = f"invalid TOML frontmatter: {_one_line(exc)}", 1
        match = re.search(r"line (\d+)", str(exc))
        if match:
            split.error_line = block_line + int(match.group(1))
        return split
    except json.JSONDecodeError as exc:
        split.error = f"invalid JSON frontmatter: {exc.msg}"
        split.error_line = exc.lineno
        return split
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        split.error, split.error_line = f"invalid frontmatter: {_one_line(exc)}", 1
        return split
    if meta is None:
        return split  # an empty block
    if not isinstance(meta, dict):
        split.error = f"frontmatter is a {type(meta).__name__}, not a mapping of keys to values"
        split.error_line = 1
        return split
    split.meta = {str(k): v for k, v in meta.items()}
    split.duplicates = [(key, block_line + line + 1) for key, line in duplicates]
    return split


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
