"""What changed since the previous audit: pure functions over fingerprints.

Findings are compared as multisets of fingerprints: when a fingerprint occurs twice now and
once before, one occurrence is new. Findings with one fingerprint are indistinguishable, so
the first ones in report order count as the ones that persisted.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from auditor.history.store import Appended, FindingRef
from auditor.model import Finding


def finding_ref(finding: Finding) -> FindingRef:
    # The engine gives every finding a fingerprint, unique within the audit.
    return FindingRef(
        finding.fingerprint, finding.id, finding.rule, finding.path, str(finding.severity)
    )


def compare(
    current: list[FindingRef], previous: list[FindingRef]
) -> tuple[list[FindingRef], list[FindingRef]]:
    """(new, fixed): occurrences now and not before, and before and not now."""
    remaining = Counter(f.fingerprint for f in previous)
    new = []
    for ref in current:
        if remaining[ref.fingerprint] > 0:
            remaining[ref.fingerprint] -= 1
        else:
            new.append(ref)
    fixed = []
    for ref in previous:
        if remaining[ref.fingerprint] > 0:
            remaining[ref.fingerprint] -= 1
            fixed.append(ref)
    return new, fixed


def history_facts(
    database: str, current: list[FindingRef], appended: Appended, warning: str | None
) -> dict[str, Any]:
    """The AuditResult's `history`: JSON-ready, schema in docs/report.schema.json."""
    previous = appended.previous
    new, fixed = compare(current, appended.previous_findings) if previous else ([], [])
    return {
        "database": database,
        "runs": [
            {"now": r.now, "score": r.score, "documents": r.documents, "findings": r.findings}
            for r in appended.recent
        ],
        "previous": {"now": previous.now, "score": previous.score} if previous else None,
        "score_change": appended.recent[-1].score - previous.score if previous else None,
        "new": [_ref(f) for f in new],
        "fixed": [_ref(f) for f in fixed],
        "warning": warning,
    }


def _ref(ref: FindingRef) -> dict[str, str]:
    return {
        "id": ref.id, "rule": ref.rule, "severity": ref.severity, "path": ref.path,
        "fingerprint": ref.fingerprint,
    }  # fmt: skip
