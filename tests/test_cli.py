"""The command line, through click's runner and once as the installed script."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.registry import load_rules
from tests.conftest import EXAMPLE, NOW, REPO

SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text())


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    before = tree_hash(EXAMPLE)
    result = run("scan", str(EXAMPLE), "--now", NOW, "--format", "html,json", "-o", str(out))
    assert tree_hash(EXAMPLE) == before, "the scan changed the folder it audited"
    return result, out


def test_example_scan_writes_html_and_json_and_fails_on_errors(example_report):
    result, out = example_report
    assert (out / "report.html").is_file()
    report = json.loads((out / "report.json").read_text())
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["findings"]["error"] > 0
    assert result.exit_code == 1
    assert "findings at or above 'error'" in result.output


def test_example_has_a_finding_for_every_rule(example_report):
    _, out = example_report
    report = json.loads((out / "report.json").read_text())
    found = {f["id"] for f in report["findings"]}
    assert {cls.id for cls in load_rules()} <= found
    clean = [d for d in report["documents"] if d["findings"] == 0]
    assert len(clean) > len(report["documents"]) / 2, "most example pages should be clean"


@pytest.mark.parametrize(
    ("fail_on", "code"), [("never", 0), ("error", 1), ("warning", 1), ("info", 1)]
)
def test_exit_code_follows_fail_on(tmp_path, write_tree, fail_on, code):
    root = write_tree({"index.md": "---\nreviewed: 2020-01-01\n---\n# Home\n"})  # a warning
    result = run("scan", str(root), "--now", NOW, "-o", str(tmp_path / "r.json"),
                 "--format", "json", "--fail-on", fail_on)  # fmt: skip
    expected = 0 if fail_on == "error" else code
    assert result.exit_code == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan", "/no/such/folder"], "path does not exist"),
        (["scan", ".", "--bogus"], "--bogus"),
        (["scan", ".", "--fail-on", "sometimes"], "'sometimes' is not one of"),
        (["scan", ".", "--format", "pdf"], "unknown format 'pdf'"),
        (["scan", ".", "--now", "someday"], "cannot read 'someday' as a date"),
        (["scan", ".", "--select", "T999"], "unknown rule 'T999'"),
        (["explain", "nope"], "unknown rule 'nope'"),
        (["frobnicate"], "frobnicate"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args, message, tmp_path):
    args = [a if a != "." else str(tmp_path) for a in args]
    result = run(*args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kb-audit: error:"), result.output
    assert message in lines[0]


def test_malformed_config_exits_2_with_one_line(write_tree):
    root = write_tree({"index.md": "# Home\n", "kb-audit.toml": "fail-on = [\n"})
    result = run("scan", str(root))
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "malformed config" in result.output and "kb-audit.toml" in result.output


def test_command_line_overrides_the_config_file(tmp_path, write_tree):
    root = write_tree(
        {
            "index.md": "# Home\n\n[x](missing.md)\n",
            "kb-audit.toml": 'fail-on = "never"\nformat = ["json"]\nignore = ["T004", "O001"]\n',
        }
    )
    out = tmp_path / "r.json"
    assert run("scan", str(root), "-o", str(out), "--now", NOW).exit_code == 0
    assert {f["id"] for f in json.loads(out.read_text())["findings"]} == {"T020"}
    assert run("scan", str(root), "-o", str(out), "--fail-on", "error").exit_code == 1


def test_select_and_ignore(tmp_path, write_tree):
    root = write_tree({"index.md": "# Home\n\n[x](missing.md)\n", "lonely.md": "# Lonely\n"})
    out = tmp_path / "r.json"
    run("scan", str(root), "-f", "json", "-o", str(out), "--select", "T020,orphan")
    report = json.loads(out.read_text())
    assert {f["id"] for f in report["findings"]} == {"T020", "T021"}
    skipped = {r["id"]: r["skipped_reason"] for r in report["rules"] if not r["ran"]}
    assert skipped["T001"] == "not selected (--select)"
    run("scan", str(root), "-f", "json", "-o", str(out), "--ignore", "broken-link")
    assert "T020" not in {f["id"] for f in json.loads(out.read_text())["findings"]}


def test_json_to_stdout_keeps_the_summary_on_stderr(write_tree):
    root = write_tree({"index.md": "# Home\n"})
    result = CliRunner().invoke(cli, ["scan", str(root), "-f", "json", "-o", "-"])
    jsonschema.validate(json.loads(result.stdout), SCHEMA)
    assert "documents" in result.stderr


def test_quiet_prints_nothing(tmp_path, write_tree):
    root = write_tree({"index.md": "# Home\n"})
    result = run("scan", str(root), "-q", "-o", str(tmp_path / "r.html"))
    assert result.output == "" and (tmp_path / "r.html").is_file()


def test_rules_and_explain():
    listing = run("rules").output
    for cls in load_rules():
        assert f"{cls.id}  {cls.name}" in listing
    by_id, by_name = run("explain", "T001").output, run("explain", "stale-content").output
    assert by_id == by_name
    assert "## Why" in by_id and "TE6" in by_id and "cadence-days" in by_id


def test_installed_script_runs_from_any_directory(tmp_path):
    script = Path(sys.executable).parent / "kb-audit"
    assert script.is_file(), "kb-audit is not installed in this environment"
    out = tmp_path / "report.json"
    proc = subprocess.run(
        [str(script), "scan", str(EXAMPLE), "--now", NOW, "-f", "json", "-o", str(out)],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert json.loads(out.read_text())["summary"]["documents"] > 20
    proc = subprocess.run(
        [sys.executable, "-m", "auditor", "scan", str(tmp_path / "missing")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"kb-audit: error: path does not exist: {tmp_path / 'missing'}"


def test_one_file_for_several_formats_is_refused_with_the_fix(write_tree):
    root = write_tree({"index.md": "# Home\n"})
    result = run("scan", str(root), "-f", "html,json", "-o", "out.html")
    assert result.exit_code == 2
    assert "names one file, but 2 formats were asked (html, json)" in result.output
    assert "-o out/" in result.output


def test_poor_usage_match_is_said_loudly_on_the_terminal(tmp_path, write_tree):
    root = write_tree({"index.md": "# Home\n", "a.md": "# A\n"})
    usage = tmp_path / "views.csv"
    usage.write_text("page,views\n/a,5\nhttps://elsewhere.example/x,90\n/y,40\n")
    result = run("scan", str(root), "--usage", str(usage), "-o", str(tmp_path / "r.json"))
    assert "Usage: 4% of 135 page views matched a document." in result.output
    assert "unreliable" in result.output
