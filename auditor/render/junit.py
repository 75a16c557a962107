"""The JUnit XML report, for CI test views (GitLab, Jenkins, Azure, GitHub test reporters).

A test suite per rule ("T001 stale-content") and a test case per finding. A finding fails
when it fails the build (`AuditResult.failing`: at or above --fail-on, not in the
baseline), a baselined one is skipped ("in baseline"), one below the threshold passes and
says its message in <system-out>. A rule without findings is one passing case, so the view
shows what was checked; a rule that did not run is one skipped case with the reason.
Silenced findings are skipped cases that say what silenced them: counted, never hidden.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field

from auditor.model import AuditResult, Finding, RuleRun
from auditor.render.locations import platform_path
from auditor.render.options import RenderOptions
from auditor.render.rule_runs import listed_rules

#: What XML 1.0 does not allow in a document at all (control characters, lone surrogates,
#: U+FFFE/U+FFFF): no escaping helps, so they are dropped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _xml_text(text: object) -> str:
    return _NOT_XML.sub("", str(text))


@dataclass(slots=True)
class _Suite:
    element: ET.Element
    counts: Counter = field(default_factory=Counter)

    def case(self, classname: str, name: str, outcome: str | None = None, **attrs: str):
        """A test case; `outcome` is its child (failure, skipped) or None when it passes."""
        case = _sub(self.element, "testcase", classname=classname, name=name)
        self.counts["tests"] += 1
        if outcome is None:
            return case, None
        self.counts["failures" if outcome == "failure" else outcome] += 1
        return case, _sub(case, outcome, **attrs)


def render_junit(result: AuditResult, options: RenderOptions) -> str:
    failing = {id(f) for f in result.failing(options.fail_on)}
    active = _by_rule(result.findings)
    silenced = _by_rule(result.suppressed)
    root = _sub(None, "testsuites", name=result.tool.get("name", "kb-audit"))
    totals: Counter = Counter()
    for run in listed_rules(result):
        suite = _Suite(_sub(root, "testsuite", name=_suite_name(run)))
        if not run.ran:
            suite.case(
                _suite_name(run),
                _suite_name(run),
                "skipped",
                message=run.skipped_reason or "did not run",
            )
        else:
            for finding in active.get(run.id, []):
                _finding_case(suite, finding, result.root, id(finding) in failing)
            for finding in silenced.get(run.id, []):
                suite.case(
                    *_names(finding, result.root),
                    "skipped",
                    message=f"suppressed: {finding.suppressed_by}",
                )
            if not active.get(run.id):
                suite.case(_suite_name(run), f"{_suite_name(run)}: no findings")
        _count(suite.element, suite.counts)
        totals.update(suite.counts)
    _count(root, totals)
    ET.indent(root)
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def _suite_name(run: RuleRun) -> str:
    return f"{run.id} {run.rule}"


def _finding_case(suite: _Suite, finding: Finding, root: str, fails: bool) -> None:
    names = _names(finding, root)
    details = "\n".join(
        [
            names[1],
            finding.message,
            f"severity: {finding.severity}",
            f"fingerprint: {finding.fingerprint}",
            *([f"baseline: {finding.baseline}"] if finding.baseline else []),
        ]
    )
    if fails:
        _, failure = suite.case(
            *names, "failure", type=finding.severity.value, message=finding.message
        )
        failure.text = _xml_text(details)
    elif finding.baseline == "unchanged":
        suite.case(*names, "skipped", message="in baseline")
    else:
        case, _ = suite.case(*names)
        _sub(case, "system-out").text = _xml_text(details)


def _names(finding: Finding, root: str) -> tuple[str, str]:
    """(classname, name): the document, and "T001 docs/page.md:12"."""
    path = platform_path(root, finding.path)
    where = f"{path}:{finding.line}" if finding.line is not None else path
    return path, f"{finding.id} {where}"


def _by_rule(findings: list[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for f in findings:
        grouped.setdefault(f.id, []).append(f)
    return grouped


def _count(element: ET.Element, counts: Counter) -> None:
    for key in ("tests", "failures", "errors", "skipped"):
        element.set(key, str(counts[key]))


def _sub(parent: ET.Element | None, tag: str, **attrs: str) -> ET.Element:
    clean = {key: _xml_text(value) for key, value in attrs.items()}
    if parent is None:
        return ET.Element(tag, clean)
    return ET.SubElement(parent, tag, clean)
