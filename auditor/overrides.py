"""Per-path overrides from the config: silence rules, change their severity or options for
the documents under some globs, e.g. a shorter review cadence for `policies/**` or
`archive/**` exempt from staleness. Later overrides win over earlier ones.

    [[overrides]]
    paths = ["archive/**"]
    ignore = ["stale-content", "T010"]
    severity = { orphan = "info" }
    [overrides.rules.stale-content]
    cadence-days = 90
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from auditor.errors import ConfigError
from auditor.globs import matches_any

_KEYS = {"paths", "ignore", "severity", "rules"}


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule -> option table

    def matches(self, path: str) -> bool:
        return matches_any(path, self.paths)

    def names(self) -> set[str]:
        """Every rule this override names, to be checked against the registry."""
        return {*self.ignore, *self.severity, *self.rules}


def parse_overrides(tables: Any, source: str) -> list[Override]:
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise ConfigError(f"{source}: 'overrides' must be an array of tables ([[overrides]])")
    overrides = []
    for number, table in enumerate(tables, start=1):
        where = f"{source}: overrides #{number}"
        unknown = set(table) - _KEYS
        if unknown:
            raise ConfigError(f"{where}: unknown key '{sorted(unknown)[0]}' (keys: paths, "
                              "ignore, severity, rules)")  # fmt: skip
        paths = table.get("paths")
        if isinstance(paths, str):
            paths = [paths]
        if not paths or not all(isinstance(p, str) for p in paths):
            raise ConfigError(f"{where}: 'paths' must list gitignore-style globs")
        ignore = table.get("ignore", [])
        ignore = [ignore] if isinstance(ignore, str) else ignore
        severity = table.get("severity", {})
        rules = table.get("rules", {})
        if not isinstance(ignore, list) or not isinstance(severity, dict):
            raise ConfigError(f"{where}: 'ignore' is a list of rules, 'severity' a table")
        if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
            raise ConfigError(f"{where}: 'rules' holds one table of options per rule")
        overrides.append(Override(tuple(paths), tuple(map(str, ignore)), severity, rules))
    return overrides
