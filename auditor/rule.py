"""What a rule is: metadata, typed options, documentation and a pure `check`.

A rule is a subclass of `Rule` in its own module under `rules/<domain>/`,
registered through the `kb_audit.rules` entry-point group (see `registry.py`).
Third-party rules subclass the same class and register the same way.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import re
import types
import typing
from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.errors import ConfigError
from auditor.model import Finding, Severity

DOC_SECTIONS = ("What it does", "Why", "Example", "Fix")
_SECTION = re.compile(r"^## (.+)$", re.MULTILINE)


def fingerprint(rule_id: str, path: str, parts: Iterable[str]) -> str:
    """16 hex digits of SHA-256 over the rule, the path and the distinguishing parts (a
    file name that is not UTF-8 hashes as its own bytes)."""
    key = "\0".join([rule_id, path, *parts]).encode("utf-8", "surrogateescape")
    return hashlib.sha256(key).hexdigest()[:16]


def option(default: Any, help: str) -> Any:
    """A rule option with its default and the help text shown by `kb-audit explain`."""
    factory = (lambda: type(default)(default)) if isinstance(default, dict | list) else None
    if factory:
        return dataclasses.field(default_factory=factory, metadata={"help": help})
    return dataclasses.field(default=default, metadata={"help": help})


@dataclasses.dataclass(frozen=True)
class NoOptions:
    """For rules without options."""


class Rule:
    id: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    principle: ClassVar[str]
    summary: ClassVar[str]
    #: Kinds of input the rule needs beyond the documents ("usage", "roster", "history").
    needs: ClassVar[tuple[str, ...]] = ()
    #: Evidence that tells two findings of the rule on one document apart (a link's
    #: target): with the rule and the path it makes the finding's fingerprint, which
    #: survives edits elsewhere in the document, moved lines and reordering.
    fingerprint_evidence: ClassVar[tuple[str, ...]] = ()
    Options: ClassVar[type] = NoOptions

    def check(self, corpus, options) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def finding(
        cls, path: str, message: str, *, line: int | None = None, **evidence: Any
    ) -> Finding:
        evidence = {k: v for k, v in evidence.items() if v is not None and v == v}  # no NaN
        return Finding(
            id=cls.id,
            rule=cls.name,
            severity=cls.severity,
            path=path,
            message=message,
            line=None if line is None else int(line),
            evidence=evidence,
            fingerprint=cls.fingerprint_at(path, evidence),
        )

    @classmethod
    def fingerprint_at(cls, path: str, evidence: dict[str, Any]) -> str:
        """The fingerprint of a finding with this evidence on `path`; a baseline recomputes
        it for a document's earlier name to follow a move."""
        return fingerprint(
            cls.id, path, (str(evidence.get(k, "")) for k in cls.fingerprint_evidence)
        )

    # Documentation -----------------------------------------------------------

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring's `## Section` blocks, by title."""
        doc = inspect.cleandoc(cls.__doc__ or "")
        parts = _SECTION.split(doc)
        return {
            title.strip(): body.strip()
            for title, body in zip(parts[1::2], parts[2::2], strict=True)
        }

    @classmethod
    def option_docs(cls) -> list[dict[str, str]]:
        return [
            {
                "name": f.name.replace("_", "-"),
                "type": _type_name(f.type),
                "default": _default_text(f),
                "help": f.metadata.get("help", ""),
            }
            for f in dataclasses.fields(cls.Options)
        ]

    @classmethod
    def documentation(cls) -> str:
        """The rule's full documentation as Markdown: for `explain`, docs/rules and SARIF."""
        lines = [
            f"# {cls.id} `{cls.name}`",
            "",
            cls.summary,
            "",
            f"Default severity: **{cls.severity}** · Principle: **{cls.principle}**"
            + (f" · Needs: {', '.join(cls.needs)}" if cls.needs else ""),
        ]
        for title, body in cls.doc_sections().items():
            lines += ["", f"## {title}", "", body]
        lines += ["", "## Options", ""]
        docs = cls.option_docs()
        if not docs:
            lines.append("This rule has no options.")
        for opt in docs:
            lines.append(
                f"- `{opt['name']}` ({opt['type']}, default `{opt['default']}`): {opt['help']}"
            )
        lines += ["", f"Set them in `kb-audit.toml` under `[rules.{cls.name}]`."]
        return "\n".join(lines) + "\n"

    # Options -----------------------------------------------------------------

    @classmethod
    def parse_options(cls, raw: dict[str, Any] | None) -> Any:
        """Build the typed options from a config table, refusing unknown keys and bad types."""
        raw = dict(raw or {})
        fields = {f.name: f for f in dataclasses.fields(cls.Options)}
        hints = typing.get_type_hints(cls.Options)
        values = {}
        for key, value in raw.items():
            name = key.replace("-", "_")
            if name not in fields:
                known = ", ".join(f.replace("_", "-") for f in fields) or "none"
                raise ConfigError(
                    f"rule {cls.id} ({cls.name}) has no option '{key}' (options: {known})"
                )
            values[name] = _coerce(value, hints[name], f"{cls.name}.{key}")
        return cls.Options(**values)


def _coerce(value: Any, hint: Any, where: str) -> Any:
    origin = typing.get_origin(hint) or hint
    if origin in (types.UnionType, typing.Union):
        for arm in typing.get_args(hint):
            if arm is type(None) and value is None:
                return None
            try:
                return _coerce(value, arm, where)
            except ConfigError:
                continue
        raise ConfigError(f"option {where}: {value!r} is not a {_type_name(hint)}")
    if origin is bool:
        if isinstance(value, bool):
            return value
    elif origin in (int, float):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return origin(value)
    elif origin is str:
        if isinstance(value, str):
            return value
    elif origin in (list, tuple):
        (item,) = typing.get_args(hint)[:1] or (Any,)
        if isinstance(value, list | tuple):
            return origin(_coerce(v, item, where) for v in value)
        if isinstance(value, str):  # a single value where a list is expected
            return origin([_coerce(value, item, where)])
    elif origin is dict:
        _, item = typing.get_args(hint) or (str, Any)
        if isinstance(value, dict):
            return {str(k): _coerce(v, item, f"{where}.{k}") for k, v in value.items()}
    elif hint is Any:
        return value
    raise ConfigError(f"option {where}: {value!r} is not a {_type_name(hint)}")


def _type_name(hint: Any) -> str:
    if isinstance(hint, str):
        return hint
    if isinstance(hint, type):
        return hint.__name__
    return str(hint).replace("typing.", "")


def _default_text(f: dataclasses.Field) -> str:
    has_factory = f.default_factory is not dataclasses.MISSING
    value = f.default_factory() if has_factory else f.default
    if isinstance(value, bool):
        return str(value).lower()  # as written in TOML
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "(none)"
    if isinstance(value, dict):
        return ", ".join(f"{k} = {v}" for k, v in value.items()) or "(none)"
    return str(value)
