"""The one registry of rules, fed by the `kb_audit.rules` entry-point group.

Built-in rules register through `setup.cfg` exactly as a plugin would through its own
package metadata. Malformed or clashing rules are refused when the registry loads.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.metadata import entry_points

from auditor.errors import ConfigError, RegistryError
from auditor.model import Severity
from auditor.rule import Rule

GROUP = "kb_audit.rules"
ID_PATTERN = re.compile(r"^[A-Z]\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def load_rules() -> tuple[type[Rule], ...]:
    """Every registered rule class, sorted by id."""
    return _discover()[0]


def plugin_problems() -> tuple[str, ...]:
    """One line per rule plugin that failed to load and was skipped."""
    return _discover()[1]


@cache
def _discover() -> tuple[tuple[type[Rule], ...], tuple[str, ...]]:
    classes, problems = [], []
    for ep in entry_points(group=GROUP):
        try:
            classes.append(ep.load())
        except Exception as exc:  # a broken plugin is reported and skipped, never a crash
            problems.append(f"rule plugin '{ep.name}' ({ep.value}) failed to load: {exc}")
    return validate(classes), tuple(problems)


def validate(classes: list[type]) -> tuple[type[Rule], ...]:
    by_id: dict[str, type] = {}
    by_name: dict[str, type] = {}
    for cls in classes:
        where = f"{cls.__module__}.{cls.__qualname__}"
        if not (isinstance(cls, type) and issubclass(cls, Rule)):
            raise RegistryError(f"{where} is not a kb-audit Rule")
        rule_id, name = getattr(cls, "id", ""), getattr(cls, "name", "")
        if not ID_PATTERN.match(rule_id):
            raise RegistryError(f"{where}: malformed rule id {rule_id!r} (expected e.g. T001)")
        if not NAME_PATTERN.match(name):
            raise RegistryError(f"{where}: malformed rule name {name!r} (expected kebab-case)")
        if not isinstance(getattr(cls, "severity", None), Severity):
            raise RegistryError(f"{where}: severity must be a Severity")
        for key, seen in ((rule_id, by_id), (name, by_name)):
            if key in seen and seen[key] is not cls:
                other = seen[key]
                raise RegistryError(
                    f"duplicate rule {key!r}: {where} and {other.__module__}.{other.__qualname__}"
                )
            seen[key] = cls
    return tuple(sorted(set(classes), key=lambda c: c.id))


def resolve(key: str, rules: tuple[type[Rule], ...] | None = None) -> type[Rule]:
    """A rule by id (`T001`, case-insensitive) or name (`stale-content`)."""
    rules = rules if rules is not None else load_rules()
    wanted = key.strip()
    for cls in rules:
        if wanted.upper() == cls.id or wanted.lower() == cls.name:
            return cls
    known = ", ".join(c.id for c in rules)
    raise ConfigError(f"unknown rule {key!r} (known: {known})")
