"""The rules a CI report lists: the audit's, then any rule a finding names that the audit
does not list (a hand-made result, a plugin's finding), so every finding has its rule."""

from __future__ import annotations

from auditor.model import AuditResult, RuleRun


def listed_rules(result: AuditResult) -> list[RuleRun]:
    runs = list(result.rules)
    known = {r.id for r in runs}
    for f in [*result.findings, *result.suppressed]:
        if f.id not in known:
            known.add(f.id)
            runs.append(RuleRun(f.id, f.rule, f.severity, "", "", ran=True))
    return runs
