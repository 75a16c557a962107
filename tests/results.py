"""Audit results built by hand, for report tests that need exact figures."""

from collections import Counter

from auditor.model import AuditResult, Finding, RuleRun, Score, Summary
from tests.conftest import NOW


def hand_built(
    documents: list[dict],
    findings: list[Finding] = (),
    rules: list[RuleRun] = (),
    inputs: dict | None = None,
) -> AuditResult:
    findings = list(findings)
    per_severity = Counter(f.severity.value for f in findings)
    return AuditResult(
        tool={"name": "kb-audit", "version": "test"},
        now=NOW,
        root="/wiki",
        summary=Summary(
            documents=len(documents),
            files_seen=len(documents),
            assets=0,
            skipped=0,
            findings=dict(per_severity),
            documents_with_findings=len({f.path for f in findings}),
            suppressed=0,
            score=Score(100, "Each document starts at 100.", {}),
            date_sources={},
        ),
        rules=list(rules),
        findings=findings,
        suppressed=[],
        documents=documents,
        skipped=[],
        inputs=inputs or {},
        config={},
    )
