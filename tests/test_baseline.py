"""Baselines: only findings not in the baseline fail; moved lines, edits elsewhere,
reordering and renames seen in history keep findings baselined; expired entries fail."""

import json

import jsonschema
import pytest
from click.testing import CliRunner

from auditor.cli import cli
from tests.conftest import NOW, REPO
from tests.gitrepo import Repo, isolated_git  # noqa: F401 (fixture)

SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text())
PAGE = """---
title: Deploying
summary: How we deploy.
owner: ann
reviewed: 2026-10-01
---
# Deploying

See [the runbook](runbook.md) first.
"""
INDEX = "---\ntitle: Home\nsummary: Start here.\nowner: ann\nreviewed: 2026-10-01\n---\n" \
    "# Home\n\n[Deploying](deploy.md)\n"  # fmt: skip


def scan(root, *args, out=None):
    """Run `kb-audit scan` on `root` with only the broken-link rule; the JSON report."""
    out = out or root.parent / "report.json"
    result = CliRunner().invoke(
        cli,
        ["scan", str(root), "--now", NOW, "--select", "T020", "-f", "json", "-o", str(out),
         "--no-git-history", *args],
    )  # fmt: skip
    report = json.loads(out.read_text()) if out.exists() and result.exit_code != 2 else None
    if report is not None:
        jsonschema.validate(report, SCHEMA)
        out.unlink()
    return result, report


def states(report) -> dict[str, str]:
    return {f["evidence"]["target"]: f["baseline"] for f in report["findings"]}


@pytest.fixture
def wiki(write_tree):
    return write_tree({"index.md": INDEX, "deploy.md": PAGE})


@pytest.fixture
def baseline(wiki):
    path = wiki.parent / "baseline.json"
    result, _ = scan(wiki, "--write-baseline", str(path))
    assert result.exit_code == 0, result.output  # recording fails nothing
    assert "Wrote baseline" in result.output
    return path


def test_the_baseline_records_each_finding_for_review(baseline):
    data = json.loads(baseline.read_text())
    assert data["kb-audit-baseline"] == 1
    assert [(e["id"], e["path"]) for e in data["entries"]] == [("T020", "deploy.md")]
    assert "runbook.md" in data["entries"][0]["message"]


def test_baselined_findings_do_not_fail_and_are_reported_as_such(wiki, baseline):
    result, report = scan(wiki, "--baseline", str(baseline))
    assert result.exit_code == 0
    assert states(report) == {"runbook.md": "unchanged"}
    assert report["baseline"]["unchanged"] == 1 and report["baseline"]["new"] == 0
    assert "1 baselined" in result.output


def test_moved_lines_and_edits_elsewhere_keep_a_finding_baselined(wiki, baseline):
    moved = PAGE.replace("# Deploying\n", "# Deploying\n\nA new paragraph.\n\nAnd another.\n")
    (wiki / "deploy.md").write_text(moved.replace("How we deploy.", "How we ship."))
    result, report = scan(wiki, "--baseline", str(baseline))
    assert report["findings"][0]["line"] == 13  # was line 9
    assert states(report) == {"runbook.md": "unchanged"}
    assert result.exit_code == 0


def test_a_new_finding_fails_beside_the_baselined_one(wiki, baseline):
    (wiki / "deploy.md").write_text(PAGE + "\nAnd [the rollback](rollback.md).\n")
    result, report = scan(wiki, "--baseline", str(baseline))
    assert states(report) == {"runbook.md": "unchanged", "rollback.md": "new"}
    assert result.exit_code == 1
    assert "1 new, 1 baselined" in result.output


def test_reordered_findings_stay_baselined(write_tree):
    links = ["[a](a.md)", "[b](b.md)", "[c](c.md)"]
    wiki = write_tree({"page.md": "\n\n".join(links) + "\n"})
    path = wiki.parent / "baseline.json"
    scan(wiki, "--write-baseline", str(path))
    (wiki / "page.md").write_text("\n\n".join(reversed(links)) + "\n")
    result, report = scan(wiki, "--baseline", str(path))
    assert set(states(report).values()) == {"unchanged"}
    assert result.exit_code == 0


def test_a_second_copy_of_a_baselined_link_is_new(write_tree):
    wiki = write_tree({"page.md": "[a](gone.md)\n"})
    path = wiki.parent / "baseline.json"
    scan(wiki, "--write-baseline", str(path))
    (wiki / "page.md").write_text("[a](gone.md)\n\nAgain: [a](gone.md)\n")
    result, report = scan(wiki, "--baseline", str(path))
    assert [f["baseline"] for f in report["findings"]] == ["unchanged", "new"]
    assert report["findings"][1]["fingerprint"].endswith(":2")
    assert result.exit_code == 1


def test_an_expired_entry_fails_again(wiki):
    path = wiki.parent / "baseline.json"
    result, _ = scan(wiki, "--write-baseline", str(path), "--baseline-expires", "2026-11-01")
    assert json.loads(path.read_text())["entries"][0]["expires"] == "2026-11-01"
    result, report = scan(wiki, "--baseline", str(path))
    assert states(report) == {"runbook.md": "expired"}
    assert report["baseline"]["expired"] == 1
    assert result.exit_code == 1


def test_expiry_in_days_counts_from_the_audit_date(wiki):
    path = wiki.parent / "baseline.json"
    scan(wiki, "--write-baseline", str(path), "--baseline-expires", "30d")
    assert json.loads(path.read_text())["entries"][0]["expires"] == "2026-12-27"
    _, report = scan(wiki, "--baseline", str(path))
    assert states(report) == {"runbook.md": "unchanged"}


def test_writing_the_baseline_again_keeps_expiry_dates_and_drops_fixed_entries(wiki):
    path = wiki.parent / "baseline.json"
    (wiki / "deploy.md").write_text(PAGE + "\n[x](x.md)\n")
    scan(wiki, "--write-baseline", str(path), "--baseline-expires", "2027-01-31")
    (wiki / "deploy.md").write_text(PAGE)  # x.md's link fixed
    result, report = scan(wiki, "--baseline", str(path))
    assert report["baseline"]["absent"] == 1
    assert "1 entry no longer found (fixed)" in result.output
    scan(wiki, "--write-baseline", str(path))
    entries = json.loads(path.read_text())["entries"]
    assert [(e["path"], e.get("expires")) for e in entries] == [("deploy.md", "2027-01-31")]


@pytest.mark.parametrize("history", ["--git-history", "--no-git-history"])
def test_a_renamed_page_keeps_its_entries_when_history_shows_the_move(tmp_path, history):
    repo = Repo(tmp_path / "repo")
    repo.commit("2026-09-01", write={"index.md": INDEX, "deploy.md": PAGE})
    wiki = repo.path
    path = tmp_path / "baseline.json"
    scan(wiki, "--write-baseline", str(path))
    repo.commit("2026-10-01", move={"deploy.md": "how-to/deploying.md"})
    (wiki / "index.md").write_text(INDEX.replace("deploy.md", "how-to/deploying.md"))
    result, report = scan(wiki, "--baseline", str(path), history)
    assert [(f["path"], f["baseline"]) for f in report["findings"]] == [
        ("how-to/deploying.md", "unchanged")
    ]
    assert report["baseline"]["renamed"] == 1 and report["baseline"]["absent"] == 0
    assert result.exit_code == 0


def test_without_history_a_moved_page_is_new(write_tree):
    wiki = write_tree({"index.md": INDEX, "deploy.md": PAGE})
    path = wiki.parent / "baseline.json"
    scan(wiki, "--write-baseline", str(path))
    (wiki / "deploy.md").rename(wiki / "deploying.md")
    (wiki / "index.md").write_text(INDEX.replace("deploy.md", "deploying.md"))
    result, report = scan(wiki, "--baseline", str(path))
    assert [f["baseline"] for f in report["findings"]] == ["new"]
    assert report["baseline"]["absent"] == 1
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "baseline not found"),
        ("{not json", "cannot be read"),
        ('{"entries": []}', "is not a kb-audit baseline"),
        ('{"kb-audit-baseline": 1, "entries": [{"id": "T020"}]}', "needs at least a fingerprint"),
        (
            '{"kb-audit-baseline": 1, "entries": [{"fingerprint": "ab", "expires": "soon"}]}',
            "expires must be a date",
        ),
    ],
)
def test_a_bad_baseline_is_one_clear_line_and_exit_2(wiki, content, message):
    path = wiki.parent / "baseline.json"
    if content is not None:
        path.write_text(content)
    result, _ = scan(wiki, "--baseline", str(path))
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["--baseline-expires", "2027-01-01"], "goes with --write-baseline"),
        (["--write-baseline", "b.json", "--baseline-expires", "soon"], "neither a date"),
        (["--write-baseline", "b.json", "--files", "list.txt"], "cannot be combined"),
    ],
)
def test_misused_baseline_options_are_refused(wiki, args, message):
    result, _ = scan(wiki, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_a_baseline_named_in_the_config_is_relative_to_it(wiki, baseline):
    (wiki / "kb-audit.toml").write_text(f'baseline = "../{baseline.name}"\n')
    result, report = scan(wiki)
    assert report["baseline"]["file"] == str(baseline)
    assert result.exit_code == 0


def test_the_html_report_tags_baselined_and_expired_findings(wiki, tmp_path):
    path = wiki.parent / "baseline.json"
    (wiki / "deploy.md").write_text(PAGE + "\n[x](x.md)\n")
    scan(wiki, "--write-baseline", str(path), "--baseline-expires", "2027-01-31")
    data = json.loads(path.read_text())
    data["entries"][1]["expires"] = "2026-01-01"  # one of the two entries has expired
    path.write_text(json.dumps(data))
    (wiki / "deploy.md").write_text(PAGE + "\n[x](x.md)\n\n[y](y.md)\n")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        cli, ["scan", str(wiki), "--now", NOW, "--select", "T020", "--no-git-history",
              "--baseline", str(path), "-f", "html", "-o", str(out), "--lang", "nl"],
    )  # fmt: skip
    assert result.exit_code == 1
    html = out.read_text()
    assert html.count("voorlopig aanvaard (baseline)") == 1
    assert html.count("baseline-vermelding verlopen") == 1
