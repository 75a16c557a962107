"""The data that flows out of the rules: findings, rule runs and the audit result.

`AuditResult.to_dict()` *is* the JSON report; its schema is `docs/report.schema.json`.
"""

from __future__ import annotations

import copy
import enum
import functools
import operator
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for --fail-on and sorting."""
        return {"info": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    rule: str
    severity: Severity
    path: str
    message: str
    line: int | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    #: Stable across runs: rule, path and distinguishing evidence, never the line.
    fingerprint: str = ""
    #: Why the finding does not count, when a document or the config silenced its rule.
    suppressed_by: str | None = None
    #: Against a baseline (`--baseline`): "new", "unchanged" (in the baseline: does not
    #: fail) or "expired" (its baseline entry has expired: fails again). None without one.
    baseline: str | None = None

    def sort_key(self) -> tuple:
        return (-self.severity.rank, self.path, self.line or 0, self.id)


@dataclass(frozen=True, slots=True)
class RuleRun:
    """One rule of the registry and what became of it in this audit."""

    id: str
    rule: str
    severity: Severity
    principle: str
    summary: str
    ran: bool
    findings: int = 0
    skipped_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder the scan saw but did not audit, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Score:
    """The cleanliness score and the figures it was computed from."""

    value: int
    method: str
    penalties: dict[str, int]


@dataclass(frozen=True, slots=True)
class Summary:
    documents: int
    files_seen: int
    assets: int
    skipped: int
    findings: dict[str, int]
    documents_with_findings: int
    suppressed: int
    score: Score
    #: How many documents' freshness rests on each kind of date source.
    date_sources: dict[str, int]


@dataclass(slots=True)
class AuditResult:
    tool: dict[str, str]
    now: str
    root: str
    summary: Summary
    rules: list[RuleRun]
    findings: list[Finding]
    #: Findings silenced by a document or the config: counted and listed, never hidden.
    suppressed: list[Finding]
    documents: list[dict[str, Any]]
    skipped: list[Skipped]
    #: What the load stage learned about its inputs: date orders, history, site.
    inputs: dict[str, Any]
    config: dict[str, Any]
    #: The trend and what is new and fixed since the previous audit, when `history` is on.
    history: dict[str, Any] | None = None
    #: The baseline compared against (file, entries matched, expired, absent), if any.
    baseline: dict[str, Any] | None = None
    #: The documents findings are reported for, when only a change is checked
    #: (`--changed-since`, `--files`); None when the whole folder is.
    scope: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data, a copy sharing nothing mutable with it: what
        `dataclasses.asdict` gives, without its cost at 100,000 documents."""
        return _plain(self)

    def failing(self, fail_on: str) -> list[Finding]:
        """The findings at or above the `--fail-on` threshold that are not in the baseline
        ('never' fails nothing)."""
        if fail_on == "never":
            return []
        threshold = Severity(fail_on).rank
        return [
            f for f in self.findings if f.severity.rank >= threshold and f.baseline != "unchanged"
        ]


# Plain data ------------------------------------------------------------------------------

#: Immutable values of JSON's own types, taken as they are.
_ATOMS = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _getter(cls: type) -> tuple[tuple[str, ...], operator.attrgetter]:
    names = tuple(f.name for f in fields(cls))
    return names, operator.attrgetter(*names)


def _plain(obj: Any) -> Any:
    """`obj` converted as `dataclasses.asdict` converts a field's value: a dataclass to a
    dict of its fields, a list, tuple or dict copied with each item converted, anything
    else deep-copied. Strings, numbers, None and enum members (which deep copying leaves
    as they are) are returned at once: the documents and findings are mostly those."""
    cls = obj.__class__
    if cls in _ATOMS:
        return obj
    if cls is dict:
        return {
            (k if k.__class__ in _ATOMS else _plain(k)): (v if v.__class__ in _ATOMS else _plain(v))
            for k, v in obj.items()
        }
    if cls is list:
        return [v if v.__class__ in _ATOMS else _plain(v) for v in obj]
    if isinstance(obj, enum.Enum):
        return obj
    if is_dataclass(cls):
        names, values = _getter(cls)
        if len(names) == 1:
            value = values(obj)
            return {names[0]: value if value.__class__ in _ATOMS else _plain(value)}
        return {
            name: value if value.__class__ in _ATOMS else _plain(value)
            for name, value in zip(names, values(obj), strict=True)
        }
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):  # a namedtuple stays one
        return cls(*[_plain(v) for v in obj])
    if isinstance(obj, list | tuple):
        return cls(_plain(v) for v in obj)
    if isinstance(obj, dict):
        return cls((_plain(k), _plain(v)) for k, v in obj.items())
    return copy.deepcopy(obj)
