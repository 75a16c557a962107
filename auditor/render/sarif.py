"""The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.

One run. Every rule of the audit is a reportingDescriptor whose help is the rule's own
documentation, so a code-scanning alert explains itself the way `kb-audit explain` does.
Silenced findings are results with `suppressions` (viewers hide them but keep the record);
baseline states map onto SARIF's `baselineState`; rules that did not run and files that
were skipped are notifications of the invocation, so a viewer never takes a partial audit
for a clean one.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from auditor.model import AuditResult, Finding, RuleRun, Severity
from auditor.principles import PRINCIPLES
from auditor.render.locations import platform_path, root_uri
from auditor.render.options import RenderOptions
from auditor.render.rule_runs import listed_rules
from auditor.render.rule_text import DOC_ORDER

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: kb-audit's baseline states as SARIF's: an expired entry fails again, like a new finding.
BASELINE_STATES = {"new": "new", "unchanged": "unchanged", "expired": "new"}
#: The rule id's letter as a tag (see the rule catalogue); X is a policy from the config.
DOMAINS = {"T": "technical", "O": "ownership", "C": "communication", "P": "plan", "X": "policy"}
#: Base for paths under a relative root (the checkout); an absolute root is ROOT_ID.
SRCROOT_ID = "%SRCROOT%"
ROOT_ID = "ROOT"
FINGERPRINT_KEY = "kbAudit/v1"
#: Skipped files listed one by one; a huge vendored folder should not bloat the log.
MAX_SKIPPED_NOTES = 1000


def render_sarif(result: AuditResult, options: RenderOptions) -> str:
    descriptors, index = _descriptors(result, options.rule_docs)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": result.tool.get("name", "kb-audit"),
                "version": result.tool.get("version", ""),
                "rules": descriptors,
            }
        },
        "invocations": [_invocation(result, index)],
    }
    base = root_uri(result.root)
    if base:
        run["originalUriBaseIds"] = {ROOT_ID: {"uri": base}}
    run["results"] = [_result(f, result.root, index) for f in result.findings] + [
        _result(f, result.root, index) for f in result.suppressed
    ]
    properties: dict[str, Any] = {"score": result.summary.score.value, "now": result.now}
    for key in ("baseline", "scope"):
        if getattr(result, key) is not None:
            properties[key] = getattr(result, key)
    run["properties"] = properties
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _descriptors(
    result: AuditResult, rule_docs: dict[str, dict[str, str]]
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """One descriptor per rule of the audit, then one per rule a finding names that the
    audit does not list (a hand-made result), so every ruleIndex points somewhere."""
    runs = listed_rules(result)
    descriptors = [_descriptor(run, rule_docs.get(run.id, {})) for run in runs]
    return descriptors, {run.id: n for n, run in enumerate(runs)}


def _descriptor(run: RuleRun, sections: dict[str, str]) -> dict[str, Any]:
    summary = run.summary or run.rule
    ordered = [t for t in DOC_ORDER if sections.get(t)]
    ordered += [t for t in sections if t not in DOC_ORDER and sections[t]]
    principle = PRINCIPLES.get(run.principle)
    lead = [summary] + ([f"Principle {run.principle}: {principle}"] if principle else [])
    text = "\n\n".join(lead + [f"{t}\n{sections[t]}" for t in ordered])
    markdown = "\n\n".join(lead + [f"## {t}\n\n{sections[t]}" for t in ordered])
    properties: dict[str, Any] = {
        "tags": list(dict.fromkeys(["documentation", DOMAINS.get(run.id[:1], "other")]))
    }
    if run.principle:
        properties["principle"] = run.principle
        properties["tags"].append(run.principle)
    if principle:
        properties["principleText"] = principle
    return {
        "id": run.id,
        "name": run.rule,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": sections.get("What it does") or summary},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[run.severity]},
        "properties": properties,
    }


def _result(finding: Finding, root: str, index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": _artifact(root, finding.path)}
    if finding.line is not None and finding.line >= 1:
        location["region"] = {"startLine": finding.line}
    out: dict[str, Any] = {
        "ruleId": finding.id,
        "ruleIndex": index[finding.id],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
    }
    if finding.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.baseline in BASELINE_STATES:
        out["baselineState"] = BASELINE_STATES[finding.baseline]
    if finding.suppressed_by:
        kind = "inSource" if finding.suppressed_by.startswith("document") else "external"
        out["suppressions"] = [{"kind": kind, "justification": finding.suppressed_by}]
    properties: dict[str, Any] = {"rule": finding.rule}
    if finding.baseline == "expired":
        properties["baselineExpired"] = True
    if finding.evidence:
        properties["evidence"] = finding.evidence
    out["properties"] = properties
    return out


def _artifact(root: str, path: str) -> dict[str, str]:
    """A URI reference (percent-encoded: a ':' or a space in a name stays a path) with the
    base it is relative to."""
    return {
        # a file name that is not UTF-8 becomes its own bytes, percent-encoded
        "uri": quote(platform_path(root, path), safe="/", errors="surrogateescape"),
        "uriBaseId": ROOT_ID if root_uri(root) else SRCROOT_ID,
    }


def _invocation(result: AuditResult, index: dict[str, int]) -> dict[str, Any]:
    configuration = [
        {
            "level": "note",
            "message": {"text": f"{r.id} {r.rule} did not run: {r.skipped_reason or 'skipped'}"},
            "associatedRule": {"id": r.id, "index": index[r.id]},
        }
        for r in result.rules
        if not r.ran
    ]
    configuration += [
        {"level": "warning", "message": {"text": str(problem)}}
        for problem in result.inputs.get("plugin_problems") or ()
    ]
    execution = [
        {
            "level": "note",
            "message": {"text": f"Skipped {s.path}: {s.reason}"},
            "locations": [
                {"physicalLocation": {"artifactLocation": _artifact(result.root, s.path)}}
            ],
        }
        for s in result.skipped[:MAX_SKIPPED_NOTES]
    ]
    if len(result.skipped) > MAX_SKIPPED_NOTES:
        more = len(result.skipped) - MAX_SKIPPED_NOTES
        execution.append(
            {
                "level": "note",
                "message": {
                    "text": f"{more} more skipped files and folders are not listed here "
                    f"({len(result.skipped)} in all); the JSON report lists every one."
                },
            }
        )
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if configuration:
        invocation["toolConfigurationNotifications"] = configuration
    if execution:
        invocation["toolExecutionNotifications"] = execution
    return invocation
