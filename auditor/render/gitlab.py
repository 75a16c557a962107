"""The GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of issues
in the subset of the Code Climate format that GitLab reads, shown in the merge request
widget, the changes view and the pipeline's Code Quality tab.

Which findings belong: the active ones that count. Silenced findings do not (they were
silenced on purpose; the JSON and SARIF reports keep them). Baselined findings that are
unchanged do not either: the baseline is the team's decision that this debt does not
count, and GitLab finds what a merge request introduces by comparing its report with the
target branch's, so listing accepted debt would only add old issues to every changes view
that touches those pages. The price is that fixing a baselined finding is not shown as
"resolved" — the baseline file records that. An expired baseline entry fails again, so
it is listed, like a new finding.

GitLab keys issues by fingerprint (it keeps one of several with the same fingerprint), so
fingerprints are made unique here whatever the engine did: a repeat gets ":2", ":3".
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from auditor.model import AuditResult, Finding, Severity
from auditor.render.locations import platform_path
from auditor.render.options import RenderOptions

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
#: Code Climate's category for a rule; documentation hygiene is mostly about clarity.
CATEGORIES = {
    "T020": "Bug Risk",  # broken-link
    "T024": "Bug Risk",  # parse-error
    "T022": "Duplication",  # duplicate-title
    "T023": "Duplication",  # duplicate-content
    "T031": "Complexity",  # too-long
    "T032": "Complexity",  # folder-overload
}
DEFAULT_CATEGORY = "Clarity"


def render_gitlab(result: AuditResult, options: RenderOptions) -> str:
    seen: set[str] = set()
    issues = [
        _issue(f, result.root, _unique(_fingerprint(f), seen))
        for f in result.findings
        if f.baseline != "unchanged"
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _issue(finding: Finding, root: str, fingerprint: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": f"kb-audit/{finding.id}/{finding.rule}",
        "description": f"{finding.message} [{finding.id} {finding.rule}]",
        "categories": [CATEGORIES.get(finding.id, DEFAULT_CATEGORY)],
        "severity": SEVERITIES[finding.severity],
        "fingerprint": fingerprint,
        # GitLab needs a line; a finding about a whole page points at its first.
        "location": {
            "path": platform_path(root, finding.path),
            "lines": {"begin": finding.line or 1},
        },
    }


def _fingerprint(finding: Finding) -> str:
    """The engine's fingerprint, or one from what the finding says when it has none."""
    if finding.fingerprint:
        return finding.fingerprint
    key = "\0".join([finding.id, finding.path, finding.message])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _unique(fingerprint: str, seen: set[str]) -> str:
    candidate, n = fingerprint, 1
    while candidate in seen:
        n += 1
        candidate = f"{fingerprint}:{n}"
    seen.add(candidate)
    return candidate
