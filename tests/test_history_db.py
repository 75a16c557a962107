"""The audit history database: trend, new and fixed findings, roots kept apart, concurrency."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from auditor.api import audit
from auditor.cli import cli
from auditor.config import Config
from tests.conftest import REPO

SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text())
FRONT = (
    "---\ntitle: Home\nsummary: The start.\nowner: ann\nreviewed: 2026-10-01\ntype: guide\n---\n"
)


def page(*targets: str) -> str:
    """A page that is clean but for one broken link per target."""
    return FRONT + "# Home\n\n" + "".join(f"See [it]({t}).\n\n" for t in targets)


def wiki(folder: Path, *targets: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text(page(*targets), encoding="utf-8")
    return folder


def run_audit(root: Path, db: Path, now: str):
    return audit(root, Config(now=now, history=str(db)))


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def cli_scan(*args: str):
    return CliRunner().invoke(cli, ["scan", *args], catch_exceptions=False)


def test_first_run_has_no_previous_and_stores_one_run(tmp_path):
    root = wiki(tmp_path / "wiki", "gone.md")
    db = tmp_path / "history.sqlite"
    result = run_audit(root, db, "2026-10-27")
    history = result.history
    assert history["previous"] is None and history["score_change"] is None
    assert history["new"] == [] and history["fixed"] == []
    assert history["runs"] == [
        {
            "now": "2026-10-27T00:00:00+00:00",
            "score": 75,
            "documents": 1,
            "findings": {"error": 1, "warning": 0, "info": 0},
        }
    ]
    assert rows(db, "SELECT root, documents, score, errors FROM runs") == [
        (root.resolve().as_posix(), 1, 75, 1)
    ]
    assert rows(db, "SELECT rule_id, rule, findings FROM rule_counts") == [
        ("T020", "broken-link", 1)
    ]
    assert rows(db, "SELECT fingerprint FROM findings") == [(result.findings[0].fingerprint,)]
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    jsonschema.validate(json.loads(json.dumps(result.to_dict())), SCHEMA)


def test_second_run_reports_new_and_fixed_as_multisets_and_the_score_change(tmp_path):
    root = wiki(tmp_path / "wiki", "gone.md", "lost.md")
    db = tmp_path / "history.sqlite"
    first = run_audit(root, db, "2026-10-27")
    wiki(root, "gone.md", "gone.md", "other.md")  # gone.md twice now: one occurrence is new
    second = run_audit(root, db, "2026-11-27")
    history = second.history
    assert history["previous"] == {"now": "2026-10-27T00:00:00+00:00", "score": 50}
    assert history["score_change"] == 25 - 50 == second.summary.score.value - 50
    assert [r["score"] for r in history["runs"]] == [50, 25]
    by_target = {f.evidence["target"]: f.fingerprint for f in first.findings + second.findings}
    assert sorted(f["fingerprint"] for f in history["new"]) == sorted(
        [by_target["gone.md"], by_target["other.md"]]
    )
    assert history["fixed"] == [
        {
            "id": "T020",
            "rule": "broken-link",
            "severity": "error",
            "path": "index.md",
            "fingerprint": by_target["lost.md"],
        }
    ]
    jsonschema.validate(json.loads(json.dumps(second.to_dict())), SCHEMA)


def test_roots_sharing_a_database_do_not_mix(tmp_path):
    db = tmp_path / "shared.sqlite"
    team = wiki(tmp_path / "team", "gone.md")
    ops = wiki(tmp_path / "ops", "a.md", "b.md")
    run_audit(team, db, "2026-10-01")
    first_ops = run_audit(ops, db, "2026-10-02")
    again = run_audit(team, db, "2026-10-03")
    assert first_ops.history["previous"] is None
    assert len(first_ops.history["runs"]) == 1
    assert again.history["previous"]["now"].startswith("2026-10-01")
    assert [r["score"] for r in again.history["runs"]] == [75, 75]
    assert again.history["new"] == again.history["fixed"] == []
    assert rows(db, "SELECT count(*) FROM runs") == [(3,)]


def test_runs_are_ordered_by_the_date_they_are_as_of(tmp_path):
    root = wiki(tmp_path / "wiki", "gone.md")
    db = tmp_path / "history.sqlite"
    run_audit(root, db, "2026-11-27")
    back_dated = run_audit(root, db, "2026-10-01")  # made later, as of earlier
    assert back_dated.history["previous"] is None
    assert len(back_dated.history["runs"]) == 1
    latest = run_audit(root, db, "2026-12-01")
    assert latest.history["previous"]["now"].startswith("2026-11-27")
    assert [r["now"][:10] for r in latest.history["runs"]] == [
        "2026-10-01",
        "2026-11-27",
        "2026-12-01",
    ]


def test_concurrent_processes_all_append_without_corruption(tmp_path):
    root = wiki(tmp_path / "wiki", "gone.md")
    db = tmp_path / "history.sqlite"
    total = 0
    for round_ in range(2):
        commands = [
            [sys.executable, "-m", "auditor", "scan", str(root), "--now", "2026-11-27",
             "--history", str(db), "-f", "json", "-o", str(tmp_path / f"r{round_}-{i}.json"),
             "--fail-on", "never", "-q"]
            for i in range(4)
        ]  # fmt: skip
        procs = [
            subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for cmd in commands
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        total += len(procs)
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "SELECT count(*) FROM runs") == [(total,)]
    assert rows(db, "SELECT count(*) FROM findings") == [(total,)]
    reports = [json.loads(p.read_text()) for p in sorted(tmp_path.glob("r*.json"))]
    # Each append saw exactly the runs committed before it: one first run, then a chain.
    lengths = sorted(len(r["history"]["runs"]) for r in reports)
    assert lengths == list(range(1, total + 1))
    assert sum(r["history"]["previous"] is None for r in reports) == 1


def test_a_file_that_is_not_a_database_exits_2_with_one_line(tmp_path):
    root = wiki(tmp_path / "wiki", "gone.md")
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 20)
    before = bad.read_bytes()
    result = cli_scan(str(root), "--history", str(bad), "-f", "json", "-o", "-")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"kb-audit: error: {bad} is not a kb-audit history database (file is not a database)"
    ]
    assert bad.read_bytes() == before


def test_another_programs_sqlite_database_is_refused_and_left_alone(tmp_path):
    root = wiki(tmp_path / "wiki", "gone.md")
    other = tmp_path / "app.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE users (name TEXT)")
    result = cli_scan(str(root), "--history", str(other), "-f", "json", "-o", "-")
    assert result.exit_code == 2
    assert "not a kb-audit history" in result.output
    assert rows(other, "SELECT name FROM sqlite_master") == [("users",)]


def test_a_folder_or_unopenable_path_exits_2(tmp_path):
    root = wiki(tmp_path / "wiki", "gone.md")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for path in (tmp_path, blocker / "history.sqlite"):
        result = cli_scan(str(root), "--history", str(path), "-f", "json", "-o", "-")
        assert result.exit_code == 2
        assert len(result.output.strip().splitlines()) == 1
        assert str(path) in result.output


def test_history_off_leaves_no_file_and_reports_null(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = wiki(tmp_path / "wiki", "gone.md")
    result = cli_scan(str(root), "--now", "2026-11-27", "-f", "json", "-o", "out.json")
    assert result.exit_code == 1
    assert json.loads((tmp_path / "out.json").read_text())["history"] is None
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["index.md", "out.json", "wiki"]


def test_config_key_is_relative_to_the_config_file_and_the_terminal_shows_the_trend(tmp_path):
    root = wiki(tmp_path / "wiki", "gone.md")
    conf = tmp_path / "conf"
    conf.mkdir()
    (conf / "kb-audit.toml").write_text('history = "db/history.sqlite"\n')
    args = ["--config", str(conf / "kb-audit.toml"), "-f", "json", "-o", str(tmp_path / "r.json")]
    first = cli_scan(str(root), "--now", "2026-10-27", *args)
    assert f"History: first audit of this folder in {conf / 'db' / 'history.sqlite'}." in (
        first.output
    )
    wiki(root, "lost.md", "other.md")
    second = cli_scan(str(root), "--now", "2026-11-27", *args)
    assert "Score 50 (-25 since 2026-10-27): 2 new findings, 1 fixed." in second.output


def test_a_database_inside_the_scanned_folder_is_allowed_with_a_warning(tmp_path):
    root = wiki(tmp_path / "wiki", "gone.md")
    db = root / "kb-audit-history.sqlite"
    first = cli_scan(str(root), "--now", "2026-10-27", "--history", str(db), "-o", "-", "-f",
                     "json")  # fmt: skip
    assert first.exit_code == 1
    assert "Warning: the history database is inside the scanned folder" in first.output
    second = run_audit(root, db, "2026-11-27")
    assert second.summary.documents == 1  # an asset, never a document
    assert second.history["new"] == second.history["fixed"] == []
