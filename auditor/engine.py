"""Running the rules over a Corpus: selection, options, skips, severities, per-path
overrides and suppressions.

`plan_rules` validates everything the configuration says about rules before any file is
read, so a typo fails in milliseconds; `run_rules` then applies the plan to a Corpus.
Suppressed findings are kept apart and reported as such, never dropped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

import pandas as pd

from auditor.config import Config
from auditor.corpus import Corpus
from auditor.errors import ConfigError
from auditor.load.suppressions import silences
from auditor.model import Finding, RuleRun, Severity
from auditor.overrides import Override
from auditor.registry import load_rules, resolve
from auditor.rule import Rule, fingerprint
from auditor.rules.custom.policy import PolicyRule


@dataclasses.dataclass(frozen=True, slots=True)
class PlannedRule:
    cls: type[Rule]
    options: Any
    severity: Severity
    not_run: str | None  # why the configuration leaves it out
    #: (override, options or None, severity or None, ignored) per override naming the rule
    overrides: tuple[tuple[Override, Any, Severity | None, bool], ...] = ()


def plan_rules(config: Config, rules: tuple[type[Rule], ...] | None = None) -> list[PlannedRule]:
    rules = rules if rules is not None else load_rules()
    rules = rules + _policy_rules(config, rules)
    selected = _matching(config.select, rules) if config.select else {c.id for c in rules}
    ignored = _matching(config.ignore, rules)
    for key in [*config.rules, *(n for o in config.overrides for n in o.names())]:
        resolve(key, rules)  # naming an unknown rule is a typo: refuse it
    plan = []
    for cls in rules:
        options, severity = rule_settings(cls, config.rules)
        not_run = None
        if cls.id not in selected:
            not_run = "not selected (--select)"
        elif cls.id in ignored:
            not_run = "ignored (--ignore)"
        plan.append(PlannedRule(cls, options, severity, not_run, _overrides(cls, config)))
    return plan


def _policy_rules(config: Config, rules: tuple[type[Rule], ...]) -> tuple[type[Rule], ...]:
    taken = {c.id for c in rules} | {c.name for c in rules}
    clash = [p for p in config.policies if p.id in taken or p.name in taken]
    if clash:
        raise ConfigError(f"policy {clash[0].id} ({clash[0].name}) clashes with a rule")
    return tuple(PolicyRule.for_policy(p) for p in config.policies)


def _matching(keys: Iterable[str], rules: tuple[type[Rule], ...]) -> set[str]:
    """Rule ids for ids, names or id prefixes (`T0` selects T001…T099)."""
    ids = set()
    for key in keys:
        prefix = [c.id for c in rules if key and c.id.startswith(key.strip().upper())]
        ids.update(prefix or [resolve(key, rules).id])
    return ids


def _names(cls: type[Rule], key: str) -> bool:
    return key.upper() == cls.id or key.lower() == cls.name


def rule_settings(cls: type[Rule], tables: dict[str, dict[str, Any]]) -> tuple[Any, Severity]:
    """The rule's typed options and severity from its `[rules.<id or name>]` table."""
    found = [v for k, v in tables.items() if _names(cls, k)]
    if len(found) > 1:
        raise ConfigError(f"rule {cls.id} is configured twice (by id and by name)")
    table = dict(found[0]) if found else {}
    severity = _severity(cls, table.pop("severity", cls.severity))
    return cls.parse_options(table), severity


def _severity(cls: type[Rule], value: Any) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(
            f"rule {cls.id}: severity must be error, warning or info, not {value!r}"
        ) from None


def _overrides(cls: type[Rule], config: Config) -> tuple:
    mine = []
    for override in config.overrides:
        tables = {k: v for k, v in override.rules.items() if _names(cls, k)}
        severity = next((v for k, v in override.severity.items() if _names(cls, k)), None)
        ignored = any(_names(cls, k) for k in override.ignore)
        if not (tables or severity or ignored):
            continue
        base = next((v for k, v in config.rules.items() if _names(cls, k)), {})
        options = None
        if tables:  # the override's options on top of the rule's own
            merged = {**base, **next(iter(tables.values()))}
            merged.pop("severity", None)
            options = cls.parse_options(merged)
        mine.append((override, options, severity and _severity(cls, severity), ignored))
    return tuple(mine)


def run_rules(
    corpus: Corpus, plan: list[PlannedRule]
) -> tuple[list[Finding], list[Finding], list[RuleRun]]:
    """(findings, suppressed findings, a RuleRun per rule)."""
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    runs: list[RuleRun] = []
    silencing = _silencing(corpus.documents)
    for planned in plan:
        cls = planned.cls
        reason = planned.not_run or _missing_input(cls, corpus)
        found: list[Finding] = []
        if reason is None:
            try:
                found = _check(planned, corpus)
            except Exception as exc:  # a buggy (plugin) rule must not sink the audit
                reason = f"failed: {type(exc).__name__}: {exc}"
                found = []
        active = []
        for finding in found:
            why = _suppressed_by(finding, planned, silencing)
            if why:
                suppressed.append(dataclasses.replace(finding, suppressed_by=why))
            else:
                active.append(finding)
        findings.extend(active)
        runs.append(
            RuleRun(
                id=cls.id,
                rule=cls.name,
                severity=planned.severity,
                principle=cls.principle,
                summary=cls.summary,
                ran=reason is None,
                findings=len(active),
                skipped_reason=reason,
            )
        )
    findings.sort(key=Finding.sort_key)
    suppressed.sort(key=Finding.sort_key)
    findings, suppressed = _unique_fingerprints(findings, suppressed)
    return findings, suppressed, runs


def _unique_fingerprints(*groups: list[Finding]) -> tuple[list[Finding], ...]:
    """The second finding with a fingerprint gets ":2" appended, the third ":3": the same
    broken link twice in a page is two findings, and a baseline holding one of them lets
    the other fail. Occurrences count in line order. A finding made without `Rule.finding`
    (a plugin's) is keyed on its message instead of its evidence."""
    seen: dict[str, int] = {}
    unique = []
    for group in groups:
        marked = []
        for finding in group:
            base = finding.fingerprint or fingerprint(finding.id, finding.path, [finding.message])
            n = seen[base] = seen.get(base, 0) + 1
            key = base if n == 1 else f"{base}:{n}"
            if key != finding.fingerprint:
                finding = dataclasses.replace(finding, fingerprint=key)
            marked.append(finding)
        unique.append(marked)
    return tuple(unique)


def _check(planned: PlannedRule, corpus: Corpus) -> list[Finding]:
    """The rule's findings with its options and severity, and for the paths of each
    override the findings of a run with the override's options and severity instead."""
    rule = planned.cls()
    severity = planned.severity
    found = [
        f if f.severity is severity else dataclasses.replace(f, severity=severity)  # mostly is
        for f in rule.check(corpus, planned.options)
    ]
    for override, options, override_severity, _ in planned.overrides:
        if options is not None:
            found = [f for f in found if not override.matches(f.path)] + [
                f for f in rule.check(corpus, options) if override.matches(f.path)
            ]
        if override_severity is not None:
            found = [
                dataclasses.replace(f, severity=override_severity) if override.matches(f.path)
                else f
                for f in found
            ]  # fmt: skip
    return found


def _silencing(docs: pd.DataFrame) -> dict[str, tuple[tuple, tuple]]:
    """(rules ignored for the file, ignored blocks) of the few documents that silence
    anything, by path: one look-up per finding instead of a DataFrame row each."""
    silent = docs["ignore_file"].map(bool) | docs["ignore_blocks"].map(bool)
    chosen = docs[silent]
    return dict(
        zip(chosen.index, zip(chosen["ignore_file"], chosen["ignore_blocks"], strict=True),
            strict=True)
    )  # fmt: skip


def _suppressed_by(
    finding: Finding, planned: PlannedRule, silencing: dict[str, tuple[tuple, tuple]]
) -> str | None:
    cls = planned.cls
    for override, _, _, ignored in planned.overrides:
        if ignored and override.matches(finding.path):
            return f"config: overrides for {', '.join(override.paths)}"
    if finding.path not in silencing:
        return None
    ignore_file, ignore_blocks = silencing[finding.path]
    if silences(cls.id, cls.name, ignore_file):
        return "document: ignored for the file"
    for rules, first, last in ignore_blocks:
        on_line = finding.line is not None and first <= finding.line <= last
        if on_line and silences(cls.id, cls.name, rules):
            return f"document: ignore comment on line {first}"
    return None


def _missing_input(cls: type[Rule], corpus: Corpus) -> str | None:
    missing = [need for need in cls.needs if need not in corpus.inputs]
    if missing:
        return f"needs {' and '.join(missing)} data, which was not given"
    return None
