"""The CI report formats: SARIF, GitLab Code Quality, JUnit XML and the findings CSV.

The example wiki's reports must be valid against each format's schema or parser and say
exactly what the audit found; hand-built results check the edge cases: hostile text,
baseline states, silenced findings, findings without a line, absolute and relative roots.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from junitparser import Failure, JUnitXml, Skipped

from auditor.api import audit
from auditor.config import load_config
from auditor.docs import rule_sections
from auditor.model import AuditResult, Finding, RuleRun, Severity
from auditor.model import Skipped as SkippedFile
from auditor.render import RENDERERS, RenderOptions
from auditor.render.findings_csv import COLUMNS, render_findings_csv
from auditor.render.gitlab import render_gitlab
from auditor.render.junit import render_junit
from auditor.render.locations import platform_path, root_uri
from auditor.render.sarif import MAX_SKIPPED_NOTES, render_sarif
from tests.conftest import EXAMPLE, NOW, REPO
from tests.results import hand_built

SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
GITLAB_SCHEMA = Path(__file__).parent / "schemas" / "gitlab-codequality.schema.json"
#: What GitLab's documentation of the format adds to the loose schema GitLab validates with
#: (doc/ci/testing/code_quality.md, "Implement a custom tool"), and the Code Climate
#: fields kb-audit always writes.
GITLAB_DOCUMENTED = {
    "type": "array",
    "items": {
        "type": "object",
        "required": [
            "type",
            "check_name",
            "description",
            "categories",
            "severity",
            "fingerprint",
            "location",
        ],
        "properties": {
            "type": {"const": "issue"},
            "check_name": {"type": "string", "minLength": 1},
            "description": {"type": "string", "minLength": 1},
            "categories": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "enum": [
                        "Bug Risk",
                        "Clarity",
                        "Compatibility",
                        "Complexity",
                        "Duplication",
                        "Performance",
                        "Security",
                        "Style",
                    ]
                },
            },
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "fingerprint": {"type": "string", "minLength": 1},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}
FAIL_ON = ("error", "warning", "info", "never")
HOSTILE = "<script>alert('x')</script> & \"quoted\" \x00\x01\x02\x03\x04\x05\x06\x07\x08 ]]> end"
#: HOSTILE as XML can hold it: the control characters XML 1.0 forbids are dropped.
HOSTILE_XML = "<script>alert('x')</script> & \"quoted\"  ]]> end"
HOSTILE_PATH = 'odd dir/<b>&"name"\nsecond line.md'


# Fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> AuditResult:
    config = load_config(EXAMPLE / "kb-audit.toml")
    return audit(EXAMPLE, config.merged({"now": NOW}))


@pytest.fixture(scope="module")
def docs() -> dict[str, dict[str, str]]:
    return rule_sections()


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft7Validator:
    assert SARIF_SCHEMA.is_file(), f"{SARIF_SCHEMA} is missing: CI lays shared/ beside the repo"
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def _rule(rule_id: str, name: str, severity: Severity, ran: bool = True, reason=None):
    return RuleRun(rule_id, name, severity, "TE6", f"{name} summary", ran, 0, reason)


RULES = [
    _rule("T001", "stale-content", Severity.WARNING),
    _rule("T003", "stale-and-popular", Severity.ERROR, False, "needs usage data"),
    _rule("T020", "broken-link", Severity.ERROR),
    _rule("T021", "orphan", Severity.WARNING),
    _rule("C001", "undefined-abbreviation", Severity.INFO),
]


def _finding(rule_id="T020", severity=Severity.ERROR, path="a.md", line=3, **kw) -> Finding:
    names = {r.id: r.rule for r in RULES}
    return Finding(
        id=rule_id,
        rule=names[rule_id],
        severity=severity,
        path=path,
        message=kw.pop("message", f"{rule_id} on {path}"),
        line=line,
        fingerprint=kw.pop("fingerprint", f"fp-{rule_id}-{path}"),
        **kw,
    )


def _hand_built(findings, suppressed=(), root="/wiki", **fields) -> AuditResult:
    result = hand_built([{"path": f.path} for f in findings], findings, RULES)
    return dataclasses.replace(result, suppressed=list(suppressed), root=root, **fields)


@pytest.fixture
def baselined() -> AuditResult:
    """One finding per baseline state, one without a line, and two silenced ones."""
    return _hand_built(
        [
            _finding("T020", path="new.md", baseline="new"),
            _finding("T020", path="kept.md", baseline="unchanged"),
            _finding("T020", path="expired.md", baseline="expired"),
            _finding("T001", Severity.WARNING, path="old.md", line=None, baseline="new"),
        ],
        suppressed=[
            _finding("T021", Severity.WARNING, path="s1.md", suppressed_by="document: ignored"),
            _finding("T020", path="s2.md", suppressed_by="config: overrides for archive/**"),
        ],
        baseline={"file": "kb-audit-baseline.json", "matched": 1, "expired": 1},
    )


# Reading each format back, checking it is valid on the way -------------------------------


def sarif_run(text: str, validator: jsonschema.Draft7Validator) -> dict:
    log = json.loads(text)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, f"{errors[0].message} at {list(errors[0].absolute_path)}"
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    return run


def gitlab_issues(text: str) -> list[dict]:
    issues = json.loads(text)
    jsonschema.Draft7Validator(GITLAB_DOCUMENTED).validate(issues)
    per_issue = jsonschema.Draft7Validator(json.loads(GITLAB_SCHEMA.read_text(encoding="utf-8")))
    for issue in issues:
        per_issue.validate(issue)
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints), "GitLab keeps one issue per fingerprint"
    return issues


def junit_suites(text: str) -> dict[str, list[tuple[ET.Element, str | None, ET.Element | None]]]:
    """{suite name: [(testcase, outcome or None, outcome element)]}, after checking that
    junitparser reads it and every count attribute adds up."""
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites, totals = {}, dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root.findall("testsuite"):
        cases = []
        for case in suite.findall("testcase"):
            outcome = next((c for c in case if c.tag in ("failure", "skipped", "error")), None)
            cases.append((case, None if outcome is None else outcome.tag, outcome))
        counts = {
            "tests": len(cases),
            "failures": sum(o == "failure" for _, o, _ in cases),
            "errors": 0,
            "skipped": sum(o == "skipped" for _, o, _ in cases),
        }
        assert {k: int(suite.get(k)) for k in counts} == counts, suite.get("name")
        for key in totals:
            totals[key] += counts[key]
        suites[suite.get("name")] = cases
    assert {k: int(root.get(k)) for k in totals} == totals

    parsed = JUnitXml.fromstring(text)
    assert (parsed.tests, parsed.failures, parsed.skipped) == (
        totals["tests"],
        totals["failures"],
        totals["skipped"],
    )
    for suite in parsed:
        cases = list(suite)
        assert suite.tests == len(cases)
        assert suite.failures == sum(any(isinstance(r, Failure) for r in c.result) for c in cases)
        assert suite.skipped == sum(any(isinstance(r, Skipped) for r in c.result) for c in cases)
    return suites


def csv_rows(text: str) -> list[dict[str, str]]:
    assert "\r" not in text.replace('\r"', "")  # "\n" line ends, as archive.csv
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert tuple(reader.fieldnames) == COLUMNS
    return list(reader)


def expected_rows(result: AuditResult, fail_on: str) -> list[dict[str, str]]:
    failing = result.failing(fail_on)
    return [
        {
            "id": f.id,
            "rule": f.rule,
            "severity": f.severity.value,
            "path": f.path,
            "line": "" if f.line is None else str(f.line),
            "message": f.message,
            "fingerprint": f.fingerprint,
            "baseline": f.baseline or "",
            "suppressed_by": f.suppressed_by or "",
            "fails": "yes" if any(f is g for g in failing) else "no",
        }
        for f in [*result.findings, *result.suppressed]
    ]


# The example wiki ---------------------------------------------------------------------------


def test_the_formats_are_registered_under_their_names_and_file_names():
    assert {name: RENDERERS[name][0] for name in ("sarif", "gitlab", "junit", "csv")} == {
        "sarif": "report.sarif",
        "gitlab": "gl-code-quality-report.json",
        "junit": "junit.xml",
        "csv": "findings.csv",
    }
    assert RENDERERS["sarif"][1] is render_sarif and RENDERERS["csv"][1] is render_findings_csv


def test_example_sarif_is_valid_and_every_result_points_at_its_rule(example, docs, sarif_validator):
    run = sarif_run(render_sarif(example, RenderOptions(rule_docs=docs)), sarif_validator)
    assert run["tool"]["driver"]["name"] == "kb-audit"
    assert run["tool"]["driver"]["version"] == example.tool["version"]
    results = run["results"]
    assert len(results) == len(example.findings) + len(example.suppressed) > 0
    for finding, result in zip(example.findings, results, strict=False):
        assert (result["ruleId"], result["message"]["text"]) == (finding.id, finding.message)
        assert result["partialFingerprints"] == {"kbAudit/v1": finding.fingerprint}
        region = result["locations"][0]["physicalLocation"].get("region")
        assert region == ({"startLine": finding.line} if finding.line else None)
        assert "baselineState" not in result and "suppressions" not in result
    assert any(f.line for f in example.findings) and any(not f.line for f in example.findings)
    assert run["properties"]["score"] == example.summary.score.value


def test_example_sarif_documents_every_rule_with_its_help(example, docs, sarif_validator):
    run = sarif_run(render_sarif(example, RenderOptions(rule_docs=docs)), sarif_validator)
    descriptors = {d["id"]: d for d in run["tool"]["driver"]["rules"]}
    assert set(descriptors) == {r.id for r in example.rules}
    for rule in example.rules:
        descriptor = descriptors[rule.id]
        assert descriptor["name"] == rule.rule
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert docs[rule.id]["Why"] in descriptor["help"]["text"]
        assert "## Fix" in descriptor["help"]["markdown"]
        assert descriptor["fullDescription"]["text"] == docs[rule.id]["What it does"]
        assert descriptor["properties"]["principle"] == rule.principle
        assert rule.principle in descriptor["properties"]["tags"]
        level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]
        assert descriptor["defaultConfiguration"]["level"] == level


def test_example_sarif_paths_rest_on_the_absolute_root(example, docs, sarif_validator):
    run = sarif_run(render_sarif(example, RenderOptions(rule_docs=docs)), sarif_validator)
    assert Path(example.root).is_absolute()
    assert run["originalUriBaseIds"] == {"ROOT": {"uri": EXAMPLE.as_uri() + "/"}}
    first = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert first == {"uri": example.findings[0].path, "uriBaseId": "ROOT"}


def test_example_gitlab_report_is_valid_and_lists_the_findings(example):
    issues = gitlab_issues(render_gitlab(example, RenderOptions()))
    assert len(issues) == len(example.findings) > 0
    for finding, issue in zip(example.findings, issues, strict=True):
        assert finding.message in issue["description"]
        assert issue["check_name"] == f"kb-audit/{finding.id}/{finding.rule}"
        assert issue["location"]["lines"]["begin"] == (finding.line or 1)
        assert issue["fingerprint"] == finding.fingerprint
    severities = {
        (f.severity.value, i["severity"]) for f, i in zip(example.findings, issues, strict=True)
    }
    assert severities == {("error", "major"), ("warning", "minor"), ("info", "info")}


def test_example_gitlab_paths_are_relative_to_the_working_directory(example):
    relative = dataclasses.replace(example, root="examples/team-wiki")
    issues = gitlab_issues(render_gitlab(relative, RenderOptions()))
    assert {i["location"]["path"] for i in issues} == {
        platform_path("examples/team-wiki", f.path) for f in example.findings
    }
    assert all(i["location"]["path"].startswith("examples/team-wiki/") for i in issues)


@pytest.mark.parametrize("fail_on", FAIL_ON)
def test_example_junit_counts_add_up_to_the_findings(example, fail_on):
    suites = junit_suites(render_junit(example, RenderOptions(fail_on=fail_on)))
    assert list(suites) == [f"{r.id} {r.rule}" for r in example.rules]
    failures = [c for cases in suites.values() for c in cases if c[1] == "failure"]
    assert len(failures) == len(example.failing(fail_on))
    for run in example.rules:
        cases = suites[f"{run.id} {run.rule}"]
        silenced = sum(f.id == run.id for f in example.suppressed)
        assert len(cases) == (run.findings or 1) + silenced  # no findings: one passing case
    for finding in example.findings:
        (case,) = [
            c
            for c in suites[f"{finding.id} {finding.rule}"]
            if c[0].get("name")
            == f"{finding.id} {platform_path(example.root, finding.path)}"
            + (f":{finding.line}" if finding.line is not None else "")
        ]
        fails = finding in example.failing(fail_on)
        assert case[1] == ("failure" if fails else None)
        if fails:
            assert case[2].get("type") == finding.severity.value
            assert case[2].get("message") == finding.message
        else:
            assert finding.message in case[0].findtext("system-out")


def test_example_csv_reads_back_as_the_findings(example):
    for fail_on in FAIL_ON:
        rows = csv_rows(render_findings_csv(example, RenderOptions(fail_on=fail_on)))
        assert rows == expected_rows(example, fail_on)
    assert sum(r["fails"] == "yes" for r in rows) == 0  # fail_on "never"


# Hand-built edge cases ----------------------------------------------------------------------


@pytest.fixture
def hostile() -> AuditResult:
    return _hand_built(
        [
            _finding("T020", path=HOSTILE_PATH, message=HOSTILE, line=2),
            _finding(
                "T001",
                Severity.WARNING,
                path="=cmd|' /C calc'!A0.md",
                line=None,
                message='=HYPERLINK("http://evil.example","click")',
            ),
        ],
        suppressed=[_finding("T021", Severity.WARNING, path="s.md", suppressed_by=HOSTILE)],
        skipped=[SkippedFile(HOSTILE_PATH, HOSTILE)],
    )


def test_hostile_text_survives_sarif(hostile, sarif_validator):
    run = sarif_run(render_sarif(hostile, RenderOptions()), sarif_validator)
    first = run["results"][0]
    assert first["message"]["text"] == HOSTILE
    uri = first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "odd%20dir/%3Cb%3E%26%22name%22%0Asecond%20line.md"
    assert run["results"][2]["suppressions"][0]["justification"] == HOSTILE
    note = run["invocations"][0]["toolExecutionNotifications"][0]
    assert note["message"]["text"] == f"Skipped {HOSTILE_PATH}: {HOSTILE}"


def test_hostile_text_survives_gitlab(hostile):
    issues = gitlab_issues(render_gitlab(hostile, RenderOptions()))
    assert issues[0]["description"].startswith(HOSTILE)
    assert issues[0]["location"]["path"] == HOSTILE_PATH


def test_hostile_text_survives_junit(hostile):
    suites = junit_suites(render_junit(hostile, RenderOptions(fail_on="error")))
    ((case, outcome, failure),) = suites["T020 broken-link"]
    assert outcome == "failure" and failure.get("message") == HOSTILE_XML
    assert HOSTILE_XML in failure.text
    assert case.get("classname") == HOSTILE_PATH  # the newline survives as &#10;
    assert case.get("name") == f"T020 {HOSTILE_PATH}:2"
    _, outcome, skipped = suites["T021 orphan"][0]
    assert outcome == "skipped" and skipped.get("message") == f"suppressed: {HOSTILE_XML}"


def test_hostile_text_survives_csv_and_formulas_are_defused(hostile):
    rows = csv_rows(render_findings_csv(hostile, RenderOptions()))
    assert rows[0]["message"] == HOSTILE and rows[0]["path"] == HOSTILE_PATH
    assert rows[1]["message"] == "'" + '=HYPERLINK("http://evil.example","click")'
    assert rows[1]["path"] == "'=cmd|' /C calc'!A0.md"
    assert rows[2]["suppressed_by"] == HOSTILE and rows[2]["fails"] == "no"


def test_baseline_states_in_sarif(baselined, sarif_validator):
    run = sarif_run(render_sarif(baselined, RenderOptions()), sarif_validator)
    states = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: (
            r.get("baselineState"),
            r["properties"].get("baselineExpired", False),
        )
        for r in run["results"]
    }
    assert states == {
        "new.md": ("new", False),
        "kept.md": ("unchanged", False),
        "expired.md": ("new", True),
        "old.md": ("new", False),
        "s1.md": (None, False),
        "s2.md": (None, False),
    }
    assert run["properties"]["baseline"] == baselined.baseline
    assert "scope" not in run["properties"]


def test_baseline_states_in_gitlab_leave_out_only_unchanged_findings(baselined):
    issues = gitlab_issues(render_gitlab(baselined, RenderOptions()))
    assert [i["location"]["path"] for i in issues] == ["new.md", "expired.md", "old.md"]


def test_baseline_states_in_junit(baselined):
    suites = junit_suites(render_junit(baselined, RenderOptions(fail_on="error")))
    outcomes = {
        case.get("classname"): (o, e.get("message") if o else None)
        for cases in suites.values()
        for case, o, e in cases
    }
    assert outcomes["new.md"] == ("failure", "T020 on new.md")
    assert outcomes["expired.md"] == ("failure", "T020 on expired.md")
    assert outcomes["kept.md"] == ("skipped", "in baseline")
    assert outcomes["old.md"] == (None, None)  # a warning, below --fail-on error
    assert outcomes["s2.md"] == ("skipped", "suppressed: config: overrides for archive/**")


def test_baseline_states_and_fails_in_csv(baselined):
    rows = csv_rows(render_findings_csv(baselined, RenderOptions(fail_on="warning")))
    assert rows == expected_rows(baselined, "warning")
    assert [(r["path"], r["baseline"], r["fails"]) for r in rows] == [
        ("new.md", "new", "yes"),
        ("kept.md", "unchanged", "no"),
        ("expired.md", "expired", "yes"),
        ("old.md", "new", "yes"),
        ("s1.md", "", "no"),
        ("s2.md", "", "no"),
    ]


def test_suppressed_findings_say_where_they_were_silenced(baselined, sarif_validator):
    run = sarif_run(render_sarif(baselined, RenderOptions()), sarif_validator)
    suppressions = [r["suppressions"] for r in run["results"] if "suppressions" in r]
    assert suppressions == [
        [{"kind": "inSource", "justification": "document: ignored"}],
        [{"kind": "external", "justification": "config: overrides for archive/**"}],
    ]
    assert all(
        "suppressions" not in i for i in gitlab_issues(render_gitlab(baselined, RenderOptions()))
    )


def test_a_finding_without_a_line(baselined, sarif_validator):
    run = sarif_run(render_sarif(baselined, RenderOptions()), sarif_validator)
    (result,) = [r for r in run["results"] if r["ruleId"] == "T001"]
    assert "region" not in result["locations"][0]["physicalLocation"]
    (issue,) = [
        i
        for i in gitlab_issues(render_gitlab(baselined, RenderOptions()))
        if i["location"]["path"] == "old.md"
    ]
    assert issue["location"]["lines"] == {"begin": 1}
    suites = junit_suites(render_junit(baselined, RenderOptions()))
    assert [c.get("name") for c, _, _ in suites["T001 stale-content"]] == ["T001 old.md"]
    (row,) = [
        r for r in csv_rows(render_findings_csv(baselined, RenderOptions())) if r["id"] == "T001"
    ]
    assert row["line"] == ""


def test_rules_that_did_not_run_and_rules_without_findings(baselined, sarif_validator):
    run = sarif_run(render_sarif(baselined, RenderOptions()), sarif_validator)
    (note,) = run["invocations"][0]["toolConfigurationNotifications"]
    assert note["associatedRule"] == {"id": "T003", "index": 1}
    assert "needs usage data" in note["message"]["text"]
    assert run["invocations"][0]["executionSuccessful"] is True
    suites = junit_suites(render_junit(baselined, RenderOptions()))
    ((_, outcome, skipped),) = suites["T003 stale-and-popular"]
    assert outcome == "skipped" and skipped.get("message") == "needs usage data"
    ((case, outcome, _),) = suites["C001 undefined-abbreviation"]
    assert outcome is None and case.get("name") == "C001 undefined-abbreviation: no findings"
    # T021's only finding is silenced: a skipped case for it, and a passing one for the rule
    assert [o for _, o, _ in suites["T021 orphan"]] == ["skipped", None]


def test_skipped_files_are_listed_up_to_a_cap(sarif_validator):
    skipped = [SkippedFile(f"vendor/{n}.md", "binary") for n in range(MAX_SKIPPED_NOTES + 5)]
    result = _hand_built([_finding()], skipped=skipped)
    run = sarif_run(render_sarif(result, RenderOptions()), sarif_validator)
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == MAX_SKIPPED_NOTES + 1
    assert notes[0]["message"]["text"] == "Skipped vendor/0.md: binary"
    assert notes[-1]["message"]["text"].startswith("5 more skipped files and folders")


def test_gitlab_fingerprints_are_unique_when_findings_share_one():
    shared = [_finding(path="a.md", line=n, fingerprint="same") for n in (1, 2, 3)]
    unnamed = [_finding(path="b.md", line=n, fingerprint="") for n in (1, 2)]
    result = _hand_built([*shared, _finding(path="c.md", fingerprint="same:2"), *unnamed])
    fingerprints = [i["fingerprint"] for i in gitlab_issues(render_gitlab(result, RenderOptions()))]
    assert fingerprints[:4] == ["same", "same:2", "same:3", "same:2:2"]
    assert fingerprints[4] != fingerprints[5] and fingerprints[5].endswith(":2")


def test_a_finding_of_a_rule_the_result_does_not_list_still_has_a_descriptor(sarif_validator):
    result = dataclasses.replace(_hand_built([_finding()]), rules=[])
    run = sarif_run(render_sarif(result, RenderOptions()), sarif_validator)
    (descriptor,) = run["tool"]["driver"]["rules"]
    assert descriptor["id"] == "T020" and descriptor["help"]["text"]
    assert list(junit_suites(render_junit(result, RenderOptions()))) == ["T020 broken-link"]


def test_nothing_found_is_still_a_valid_report(sarif_validator):
    result = _hand_built([])
    assert sarif_run(render_sarif(result, RenderOptions()), sarif_validator)["results"] == []
    assert gitlab_issues(render_gitlab(result, RenderOptions())) == []
    assert csv_rows(render_findings_csv(result, RenderOptions())) == []
    suites = junit_suites(render_junit(result, RenderOptions()))
    assert sum(len(cases) for cases in suites.values()) == len(RULES)


@pytest.mark.parametrize(
    ("root", "path", "expected"),
    [
        ("docs", "a.md", "docs/a.md"),
        (".", "sub/a.md", "sub/a.md"),
        ("./docs/", "sub/a.md", "docs/sub/a.md"),
        ("../wiki", "a.md", "../wiki/a.md"),
        ("docs", "meetings/2025/", "docs/meetings/2025/"),
        ("docs", ".", "docs/"),
        (".", ".", "."),
        ("/srv/wiki", "a.md", "a.md"),
        ("/srv/wiki", ".", "."),
        ("C:/wiki", "sub/a.md", "sub/a.md"),
    ],
)
def test_platform_paths(root, path, expected):
    assert platform_path(root, path) == expected


def test_root_uris():
    assert root_uri("/srv/my wiki") == "file:///srv/my%20wiki/"
    assert root_uri("/") == "file:///"
    assert root_uri("C:/wiki") == "file:///C:/wiki/"
    assert root_uri("docs") is None and root_uri(".") is None


def test_sarif_with_a_relative_root_uses_the_checkout_as_base(sarif_validator):
    result = _hand_built([_finding(path="a b.md")], root="docs")
    run = sarif_run(render_sarif(result, RenderOptions()), sarif_validator)
    assert "originalUriBaseIds" not in run
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "docs/a%20b.md", "uriBaseId": "%SRCROOT%"}
