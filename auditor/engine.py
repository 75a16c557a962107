"""Running the registry's rules over a Corpus: selection, options, skips, severities.

`plan_rules` validates everything the configuration says about rules before any file is
read, so a typo fails in milliseconds; `run_rules` then applies the plan to a Corpus.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from auditor.config import Config
from auditor.corpus import Corpus
from auditor.errors import ConfigError
from auditor.model import Finding, RuleRun, Severity
from auditor.registry import load_rules, resolve
from auditor.rule import Rule


@dataclasses.dataclass(frozen=True, slots=True)
class PlannedRule:
    cls: type[Rule]
    options: Any
    severity: Severity
    not_run: str | None  # why the configuration leaves it out


def plan_rules(config: Config, rules: tuple[type[Rule], ...] | None = None) -> list[PlannedRule]:
    rules = rules if rules is not None else load_rules()
    selected = _matching(config.select, rules) if config.select else {c.id for c in rules}
    ignored = _matching(config.ignore, rules)
    for key in config.rules:
        resolve(key, rules)  # a table for an unknown rule is a typo: refuse it
    plan = []
    for cls in rules:
        options, severity = rule_settings(cls, config)
        not_run = None
        if cls.id not in selected:
            not_run = "not selected (--select)"
        elif cls.id in ignored:
            not_run = "ignored (--ignore)"
        plan.append(PlannedRule(cls, options, severity, not_run))
    return plan


def _matching(keys: Iterable[str], rules: tuple[type[Rule], ...]) -> set[str]:
    """Rule ids for ids, names or id prefixes (`T0` selects T001…T099)."""
    ids = set()
    for key in keys:
        prefix = [c.id for c in rules if key and c.id.startswith(key.strip().upper())]
        ids.update(prefix or [resolve(key, rules).id])
    return ids


def rule_settings(cls: type[Rule], config: Config) -> tuple[Any, Severity]:
    """The rule's typed options and severity from its `[rules.<id or name>]` table."""
    tables = [v for k, v in config.rules.items() if k.upper() == cls.id or k.lower() == cls.name]
    if len(tables) > 1:
        raise ConfigError(f"rule {cls.id} is configured twice (by id and by name)")
    table = dict(tables[0]) if tables else {}
    severity = table.pop("severity", cls.severity)
    try:
        severity = Severity(severity)
    except ValueError:
        raise ConfigError(
            f"rule {cls.id}: severity must be error, warning or info, not {severity!r}"
        ) from None
    return cls.parse_options(table), severity


def run_rules(corpus: Corpus, plan: list[PlannedRule]) -> tuple[list[Finding], list[RuleRun]]:
    findings: list[Finding] = []
    runs: list[RuleRun] = []
    for planned in plan:
        cls = planned.cls
        reason = planned.not_run or _missing_input(cls, corpus)
        found: list[Finding] = []
        if reason is None:
            try:
                found = list(cls().check(corpus, planned.options))
            except Exception as exc:  # a buggy (plugin) rule must not sink the audit
                reason = f"failed: {type(exc).__name__}: {exc}"
                found = []
        if planned.severity != cls.severity:
            found = [dataclasses.replace(f, severity=planned.severity) for f in found]
        findings.extend(found)
        runs.append(
            RuleRun(
                id=cls.id,
                rule=cls.name,
                severity=planned.severity,
                principle=cls.principle,
                summary=cls.summary,
                ran=reason is None,
                findings=len(found),
                skipped_reason=reason,
            )
        )
    findings.sort(key=Finding.sort_key)
    return findings, runs


def _missing_input(cls: type[Rule], corpus: Corpus) -> str | None:
    missing = [need for need in cls.needs if need not in corpus.inputs]
    if missing:
        return f"needs {' and '.join(missing)} data, which was not given"
    return None
