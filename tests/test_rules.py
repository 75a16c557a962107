"""Rule behaviour as data: every folder under fixtures/rules/<rule>/<case>/ holds a small
wiki and a case.yml with the audit date, the rule's options (`config`), other settings
of kb-audit.toml such as overrides and policies (`settings`), usage, roster, glossary and
CODEOWNERS files (paths relative to the case), the expected findings (with severity
where it matters) and the expected suppressed findings."""

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
    settings = {k.replace("-", "_"): v for k, v in (spec.get("settings") or {}).items()}
    config = Config.from_mapping(
        {
            **settings,
            "now": str(spec["now"]),
            "select": [rule],
            "rules": spec.get("config") or {},
            "git_history": False,  # the fixtures' git history is this repository's, not theirs
            "usage": [str(case / f) for f in spec.get("usage", [])],
            **{k: str(case / spec[k]) for k in ("roster", "glossary", "codeowners") if k in spec},
        },
        source=str(case / "case.yml"),
    )
    result = audit(case / "wiki", config)

    assert _keys(result.findings, spec["expected"]) == _keys(spec["expected"], spec["expected"])
    suppressed = spec.get("suppressed", [])
    assert _keys(result.suppressed, suppressed) == _keys(suppressed, suppressed)
    assert all(f.suppressed_by for f in result.suppressed)
    assert {f.rule for f in result.findings} <= {rule}
    for finding in result.findings:
        assert finding.message and "\n" not in finding.message


def _keys(findings, expected: list[dict]) -> list[tuple]:
    """Comparable (path, line, severity) triples; line and severity only where the expected
    findings give them."""
    with_line = any("line" in e for e in expected)
    with_severity = any("severity" in e for e in expected)

    def key(f):
        get = f.get if isinstance(f, dict) else lambda name: getattr(f, name)
        return (
            get("path"),
            get("line") if with_line else None,
            str(get("severity")) if with_severity else None,
        )

    return sorted(map(key, findings))


def test_every_rule_has_a_case_that_fires_and_one_that_does_not():
    by_rule: dict[str, list[bool]] = {}
    for case in CASES:
        spec = yaml.safe_load((case / "case.yml").read_text())
        by_rule.setdefault(case.parent.name, []).append(bool(spec["expected"]))
    for cls in load_rules():
        outcomes = by_rule.get(cls.name, [])
        assert True in outcomes, f"{cls.id} {cls.name} has no fixture case where it fires"
        assert False in outcomes, f"{cls.id} {cls.name} has no fixture case where it must not"


def test_fingerprints_survive_line_shifts_and_tell_links_apart(write_tree):
    first = write_tree({"index.md": "# Home\n\n[a](gone.md)\n\n[b](lost.md)\n"})
    before = audit(first, Config(now="2026-11-27", select=["T020"], git_history=False)).findings
    (first / "index.md").write_text(
        "# Home\n\nNew intro.\n\n[b](lost.md)\n\nMore.\n\n[a](gone.md)\n"
    )
    after = audit(first, Config(now="2026-11-27", select=["T020"], git_history=False)).findings
    assert {f.line for f in before} != {f.line for f in after}
    by_target = {f.evidence["target"]: f.fingerprint for f in before}
    assert by_target == {f.evidence["target"]: f.fingerprint for f in after}
    assert len(set(by_target.values())) == 2
