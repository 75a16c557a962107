"""Rule behaviour as data: every folder under fixtures/rules/<rule>/<case>/ holds a small
wiki and a case.yml with the audit date, the rule's options and the expected findings."""

from pathlib import Path

import pytest
import yaml

from auditor.api import audit
from auditor.config import Config
from auditor.registry import load_rules
from tests.conftest import FIXTURES

CASES = sorted(p.parent for p in (FIXTURES / "rules").glob("*/*/case.yml"))


def _id(case: Path) -> str:
    return f"{case.parent.name}/{case.name}"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_rule_case(case: Path):
    spec = yaml.safe_load((case / "case.yml").read_text())
    rule = case.parent.name
    config = Config(
        now=str(spec["now"]),
        select=[rule],
        rules=spec.get("config") or {},
        history=False,  # the fixtures' git history is this repository's, not theirs
        usage=[str(case / f) for f in spec.get("usage", [])],
    )
    result = audit(case / "wiki", config)

    found = sorted((f.path, f.line) for f in result.findings)
    expected = sorted((e["path"], e.get("line")) for e in spec["expected"])
    if not any("line" in e for e in spec["expected"]):
        found = sorted((path, None) for path, _ in found)
    assert found == expected
    assert {f.rule for f in result.findings} <= {rule}
    for finding in result.findings:
        assert finding.message and "\n" not in finding.message


def test_every_rule_has_a_case_that_fires_and_one_that_does_not():
    by_rule: dict[str, list[bool]] = {}
    for case in CASES:
        spec = yaml.safe_load((case / "case.yml").read_text())
        by_rule.setdefault(case.parent.name, []).append(bool(spec["expected"]))
    for cls in load_rules():
        outcomes = by_rule.get(cls.name, [])
        assert True in outcomes, f"{cls.id} {cls.name} has no fixture case where it fires"
        assert False in outcomes, f"{cls.id} {cls.name} has no fixture case where it must not"
