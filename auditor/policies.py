"""Custom policies without code, declared in the config the way Vale styles are: an id
(`X001`…), a message, a severity, the paths they apply to, and one check.

    [[policies]]
    id = "X001"
    message = "Policies need an owner and a review date"
    severity = "error"
    paths = ["policies/**"]
    require-keys = ["owner", "reviewed"]

Checks: `require-keys`, `key` with `allowed` values, `max-age-days`, `forbid-pattern`
and `require-pattern` (regular expressions over the prose, code excluded). Policies are
validated when the config loads; the rule that runs them is rules/custom/policy.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from auditor.errors import ConfigError
from auditor.globs import matches_any
from auditor.model import Severity

CHECKS = ("require-keys", "allowed", "max-age-days", "forbid-pattern", "require-pattern")
_KEYS = {"id", "name", "message", "severity", "paths", "principle", "key", *CHECKS}
_ID = re.compile(r"^X\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Policy:
    id: str
    name: str
    message: str
    severity: Severity
    paths: tuple[str, ...]
    check: str  # one of CHECKS
    value: Any  # the check's argument: keys, allowed values, days or a pattern
    key: str | None = None  # the frontmatter key `allowed` constrains
    principle: str = ""

    @property
    def pattern(self) -> re.Pattern[str] | None:
        return re.compile(self.value) if self.check.endswith("-pattern") else None


def parse_policies(tables: Any, source: str) -> list[Policy]:
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise ConfigError(f"{source}: 'policies' must be an array of tables ([[policies]])")
    policies, seen = [], set()
    for number, table in enumerate(tables, start=1):
        policy = _policy(table, f"{source}: policies #{number}")
        if policy.id in seen:
            raise ConfigError(f"{source}: policy {policy.id} is declared twice")
        seen.add(policy.id)
        policies.append(policy)
    return policies


def _policy(table: dict[str, Any], where: str) -> Policy:
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key '{sorted(unknown)[0]}'")
    policy_id = str(table.get("id", ""))
    if not _ID.match(policy_id):
        raise ConfigError(f"{where}: 'id' must be X followed by three digits, e.g. X001")
    where = f"{where} ({policy_id})"
    name = str(table.get("name", f"policy-{policy_id.lower()}"))
    if not _NAME.match(name):
        raise ConfigError(f"{where}: 'name' must be kebab-case, e.g. runbook-needs-owner")
    if not isinstance(table.get("message"), str) or not table["message"].strip():
        raise ConfigError(f"{where}: 'message' is required: what a reader should fix")
    try:
        severity = Severity(table.get("severity", "warning"))
    except ValueError:
        raise ConfigError(f"{where}: 'severity' must be error, warning or info") from None
    paths = table.get("paths", ["**"])
    paths = [paths] if isinstance(paths, str) else paths
    checks = [c for c in CHECKS if c in table]
    if len(checks) != 1:
        raise ConfigError(f"{where}: give exactly one check of {', '.join(CHECKS)}")
    check, value = checks[0], table[checks[0]]
    _validate(check, value, table, where)
    return Policy(
        id=policy_id,
        name=name,
        message=table["message"].strip(),
        severity=severity,
        paths=tuple(paths),
        check=check,
        value=tuple(value) if isinstance(value, list) else value,
        key=table.get("key"),
        principle=str(table.get("principle", "")),
    )


def _validate(check: str, value: Any, table: dict[str, Any], where: str) -> None:
    if check == "require-keys" and not (
        isinstance(value, list) and value and all(isinstance(v, str) for v in value)
    ):
        raise ConfigError(f"{where}: 'require-keys' must list frontmatter keys")
    if check == "allowed" and not (isinstance(value, list) and isinstance(table.get("key"), str)):
        raise ConfigError(f"{where}: 'allowed' lists values and needs the frontmatter 'key'")
    if check == "max-age-days" and not (isinstance(value, int) and value > 0):
        raise ConfigError(f"{where}: 'max-age-days' must be a positive number of days")
    if check.endswith("-pattern"):
        if not isinstance(value, str):
            raise ConfigError(f"{where}: '{check}' must be a regular expression")
        try:
            re.compile(value)
        except re.error as exc:
            raise ConfigError(f"{where}: '{check}' is not a valid pattern: {exc}") from None


def pattern_hits(policies: list[Policy], path: str, prose: list[tuple[int, str]]) -> dict:
    """For each pattern policy over `path`: the first line its pattern matches, or None.
    Run by the load stage, which has the text, so the rule needs none."""
    hits: dict[str, int | None] = {}
    for policy in policies:
        pattern = policy.pattern
        if pattern is None or not _applies(policy, path):
            continue
        hits[policy.id] = next((line for line, text in prose if pattern.search(text)), None)
    return hits


def _applies(policy: Policy, path: str) -> bool:
    return matches_any(path, policy.paths)
