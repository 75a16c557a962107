"""Configuration files: discovery, precedence, and clear errors for bad ones."""

import re

import pytest

from auditor.config import Config, find_config, load_config
from auditor.engine import plan_rules
from auditor.errors import ConfigError


def test_kb_audit_toml_in_the_scanned_folder_wins_over_the_working_directory(tmp_path):
    scanned, cwd = tmp_path / "wiki", tmp_path / "cwd"
    scanned.mkdir()
    cwd.mkdir()
    (cwd / "kb-audit.toml").write_text('fail-on = "info"\n')
    assert find_config(scanned, cwd) == cwd / "kb-audit.toml"
    (scanned / "kb-audit.toml").write_text('fail-on = "warning"\n')
    assert find_config(scanned, cwd) == scanned / "kb-audit.toml"
    assert load_config(find_config(scanned, cwd)).fail_on == "warning"


def test_pyproject_table_is_read_only_when_it_has_a_kb_audit_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.black]\nline-length = 80\n")
    assert find_config(tmp_path, tmp_path) is None
    (tmp_path / "pyproject.toml").write_text(
        '[tool.kb-audit]\nselect = ["T001"]\nentry-pages = ["start"]\n'
        "[tool.kb-audit.rules.T001]\ncadence-days = 30\n"
    )
    config = load_config(find_config(tmp_path, tmp_path))
    assert config.select == ["T001"]
    assert config.entry_pages == ["start"]
    assert config.rules == {"T001": {"cadence-days": 30}}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fail-on = [", "malformed config"),
        ("fial-on = 'error'", "unknown key 'fial-on'; did you mean 'fail-on'?"),
        ("fail-on = 'sometimes'", "fail-on must be one of"),
        ("select = 3", "'select' must be a list of strings"),
        ("[frontmatter]\nsumary = ['tldr']", "unknown key 'sumary'; did you mean 'summary'?"),
        ("extensions = ['md']", "extensions must start with a dot"),
    ],
)
def test_bad_config_files_say_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "kb-audit.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message.replace("?", r"\?").replace("[", r"\[")):
        load_config(path)


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"T999": {}}, "unknown rule 'T999'"),
        ({"stale-content": {"cadense-days": 1}}, "has no option 'cadense-days'"),
        ({"T001": {"cadence-days": "a year"}}, "is not a int"),
        ({"T001": {"severity": "fatal"}}, "severity must be error, warning or info"),
        ({"T001": {}, "stale-content": {}}, "configured twice"),
    ],
)
def test_bad_rule_tables_are_refused_before_any_file_is_read(rules, message):
    with pytest.raises(ConfigError, match=message):
        plan_rules(Config(rules=rules))


def test_select_and_ignore_take_ids_names_and_prefixes():
    plan = plan_rules(Config(select=["T0"], ignore=["orphan", "t031"]))
    running = {p.cls.id for p in plan if p.not_run is None}
    technical = {p.cls.id for p in plan if p.cls.id.startswith("T0")}
    assert running == technical - {"T021", "T031"}
    assert "T001" in running and not any(i.startswith(("O", "C", "P")) for i in running)
    with pytest.raises(ConfigError, match="unknown rule 'nonsense'"):
        plan_rules(Config(select=["nonsense"]))


def test_rule_severity_can_be_changed_in_the_config():
    plan = {p.cls.id: p for p in plan_rules(Config(rules={"orphan": {"severity": "error"}}))}
    assert plan["T021"].severity == "error"
    assert plan["T001"].severity == "warning"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[policies]]\nid = 'P1'\nmessage = 'x'\nrequire-keys = ['a']", "'id' must be X"),
        ("[[policies]]\nid = 'X001'\nrequire-keys = ['a']", "'message' is required"),
        ("[[policies]]\nid = 'X001'\nmessage = 'x'", "give exactly one check"),
        (
            "[[policies]]\nid = 'X001'\nmessage = 'x'\nforbid-pattern = '(unclosed'",
            "not a valid pattern",
        ),
        (
            "[[policies]]\nid = 'X001'\nmessage = 'x'\nallowed = ['a']",
            "needs the frontmatter 'key'",
        ),
        ("[[policies]]\nid = 'X001'\nmessage = 'x'\nmax-age-days = 'old'", "positive number"),
        ("[[policies]]\nid = 'X001'\nmessage = 'x'\nmax-age-days = 3\ncolour = 1", "unknown key"),
        ("[[overrides]]\nignore = ['T001']", "'paths' must list"),
        ("[[overrides]]\npaths = ['a/**']\nignor = ['T001']", "unknown key 'ignor'"),
    ],
)
def test_bad_policies_and_overrides_are_refused_when_the_config_loads(tmp_path, text, message):
    path = tmp_path / "kb-audit.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(path)


def test_overrides_and_policies_naming_unknown_or_taken_rules_are_refused(tmp_path):
    path = tmp_path / "kb-audit.toml"
    path.write_text("[[overrides]]\npaths = ['a/**']\nignore = ['T999']\n")
    with pytest.raises(ConfigError, match="unknown rule 'T999'"):
        plan_rules(load_config(path))
    path.write_text("[[policies]]\nid = 'X001'\nname = 'orphan'\nmessage = 'x'\nmax-age-days = 3\n")
    with pytest.raises(ConfigError, match="clashes with a rule"):
        plan_rules(load_config(path))


def test_the_readme_names_every_config_key():
    import dataclasses

    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text()
    keys = [f.name.replace("_", "-") for f in dataclasses.fields(Config) if f.name != "source"]
    missing = [k for k in keys if not re.search(rf"\b{re.escape(k)}\b", readme)]
    assert not missing, f"README does not describe: {missing}"
