"""The cleanliness score: 0 (every document in trouble) to 100 (nothing found).

Each document starts at 100 and loses points per finding by severity, never below 0;
the score is the mean over documents. Corpus-level findings (path ".") weigh on every
document. The method is spelled out in the report so nobody has to trust a magic number.
"""

from __future__ import annotations

from collections import defaultdict

from auditor.model import Finding, Score

PENALTIES = {"error": 25, "warning": 10, "info": 3}
METHOD = (
    "Each document starts at 100 and loses {error} points per error, {warning} per warning "
    "and {info} per info finding (never below 0). The score is the average over all documents."
).format(**PENALTIES)


def document_scores(paths: list[str], findings: list[Finding]) -> dict[str, int]:
    lost: dict[str, int] = defaultdict(int)
    for finding in findings:
        lost[finding.path] += PENALTIES[finding.severity.value]
    start = 100 - lost.pop(".", 0)  # corpus-wide findings weigh on every document
    get = lost.get
    return {path: max(0, start - get(path, 0)) for path in paths}


def overall_score(per_document: dict[str, int]) -> Score:
    value = round(sum(per_document.values()) / len(per_document)) if per_document else 100
    return Score(value=value, method=METHOD, penalties=dict(PENALTIES))
