"""The rule registry: entry points in, malformed and clashing rules refused,
documentation complete for every rule."""

import re
from dataclasses import dataclass

import pytest

from auditor.errors import RegistryError
from auditor.model import Severity
from auditor.registry import load_rules, validate
from auditor.rule import DOC_SECTIONS, Rule, option
from auditor.rules.maintenance.stale_content import StaleContent
from tests.conftest import REPO

RULES_MD = REPO.parent / "shared" / "RULES.md"


def catalogue() -> dict[str, str]:
    """The rule catalogue's ids and names, read from RULES.md's tables."""
    assert RULES_MD.is_file(), f"{RULES_MD} is missing: CI lays shared/ beside the repository"
    rows = re.findall(r"^\| ([A-Z]\d{3}) \| `([a-z-]+)` \|", RULES_MD.read_text(), re.MULTILINE)
    return dict(rows)


def _rule(rule_id="X001", name="custom-rule"):
    return type("Custom", (Rule,), {"id": rule_id, "name": name, "severity": Severity.INFO})


def test_every_rule_of_the_catalogue_is_registered_under_its_id_and_name():
    assert {cls.id: cls.name for cls in load_rules()} == catalogue()


@pytest.mark.parametrize(
    ("classes", "message"),
    [
        ([_rule("T1")], "malformed rule id"),
        ([_rule(name="Not_Kebab")], "malformed rule name"),
        ([_rule(), _rule("X002", "custom-rule")], "duplicate rule 'custom-rule'"),
        ([StaleContent, _rule("T001")], "duplicate rule 'T001'"),
        ([object], "is not a kb-audit Rule"),
    ],
)
def test_malformed_or_clashing_rules_are_refused(classes, message):
    with pytest.raises(RegistryError, match=message):
        validate(classes)


@pytest.mark.parametrize("cls", load_rules(), ids=lambda c: c.id)
def test_every_rule_is_documented(cls):
    sections = cls.doc_sections()
    for title in DOC_SECTIONS:
        assert sections.get(title), f"{cls.id} lacks a '{title}' section"
    assert cls.principle and cls.summary
    assert all(o["help"] for o in cls.option_docs()), f"{cls.id} has an option without help"
    doc = cls.documentation()
    assert doc.startswith(f"# {cls.id} `{cls.name}`") and "## Options" in doc


def test_docs_rules_folder_is_generated_from_the_rules():
    from auditor.docs import render_rule_docs

    for name, text in render_rule_docs().items():
        path = REPO / "docs" / "rules" / name
        assert path.is_file() and path.read_text() == text, (
            f"{path} is out of date: run `python -m auditor.docs`"
        )


def test_options_are_typed_and_coerced():
    @dataclass(frozen=True)
    class Options:
        days: int = option(1, "d")
        globs: list[str] = option([], "g")
        limits: dict[str, int] = option({}, "l")

    rule = type("R", (Rule,), {"id": "X001", "name": "r", "Options": Options})
    parsed = rule.parse_options({"days": 3, "globs": "a/**", "limits": {"x": 2}})
    assert parsed == Options(days=3, globs=["a/**"], limits={"x": 2})


def test_the_readme_lists_every_rule_with_its_severity_and_principle():
    readme = (REPO / "README.md").read_text()
    for cls in load_rules():
        row = f"| {cls.id} | [`{cls.name}`](docs/rules/{cls.id}-{cls.name}.md) | {cls.severity} "
        assert f"{row}| {cls.principle} |" in readme, f"README lacks or misstates {cls.id}"
