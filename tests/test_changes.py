"""Checking only what a change touched: --changed-since on a repository with commits,
--files lists, `kb-audit check`; the whole folder is still read."""

import io
import json
import os

import pytest
from click.testing import CliRunner

from auditor import cli as cli_module
from auditor.cli import cli
from auditor.config import Config
from auditor.load.changes import Scope, in_scope
from tests.conftest import NOW
from tests.gitrepo import Repo, isolated_git  # noqa: F401 (fixture)


def page(title: str, *links: str) -> str:
    body = "\n\n".join(f"[{target}]({target})" for target in links)
    return f"---\ntitle: {title}\nsummary: About {title}.\nowner: ann\n---\n# {title}\n\n{body}\n"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def scan(root, *args, stdin=None):
    out = root.parent / "report.json"
    result = run(
        "scan", str(root), "--now", NOW, "--select", "T020,T021", "-f", "json", "-o", str(out),
        *args, stdin=stdin,
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    report = json.loads(out.read_text())
    out.unlink()
    return result, report


@pytest.fixture
def repo(tmp_path):
    """main: a home page linking to guide and faq, each with a broken link; then a
    branch that edits the guide, deletes the faq and adds an uncommitted new page."""
    repo = Repo(tmp_path / "repo")
    repo.commit(
        "2026-09-01",
        write={
            "docs/index.md": page("Home", "guide.md", "faq.md", "old.md"),
            "docs/guide.md": page("Guide", "missing-1.md"),
            "docs/faq.md": page("FAQ", "missing-2.md"),
            "docs/old.md": page("Old", "missing-3.md"),
        },
    )
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit("2026-10-01", write={"docs/guide.md": page("Guide", "missing-1.md", "faq.md")})
    (repo.path / "docs" / "new.md").write_text(page("New", "guide.md", "nowhere.md"))
    return repo


def paths(report) -> set[str]:
    return {f["path"] for f in report["findings"]}


def test_changed_since_reports_only_the_touched_documents(repo):
    result, report = scan(repo.path / "docs", "--changed-since", "main")
    # guide.md (committed on the branch) and new.md (untracked); not faq.md or old.md
    assert paths(report) == {"guide.md", "new.md"}
    assert report["scope"]["kind"] == "changed-since"
    assert report["scope"]["changed_since"] == "main"
    assert report["scope"]["paths"] == ["guide.md", "new.md"]
    assert report["scope"]["findings_outside"] == 2  # faq's and old's broken links
    assert "Checked 2 documents changed since main" in result.output
    assert result.exit_code == 1


def test_the_whole_folder_is_still_read_so_links_and_orphans_stay_right(repo):
    _, report = scan(repo.path / "docs", "--changed-since", "main")
    # new.md links to guide.md, which exists though unchanged: not broken. new.md itself
    # has no inbound link: an orphan, though only the home page could link to it.
    targets = {f["evidence"].get("target") for f in report["findings"] if f["id"] == "T020"}
    assert targets == {"missing-1.md", "nowhere.md"}
    assert ("new.md", "T021") in {(f["path"], f["id"]) for f in report["findings"]}
    assert report["summary"]["documents"] == 5


def test_staged_and_edited_files_count_and_deleted_ones_do_not(repo):
    repo.git("rm", "-q", "docs/faq.md")
    (repo.path / "docs" / "old.md").write_text(page("Old", "missing-3.md", "x.md"))
    _, report = scan(repo.path / "docs", "--changed-since", "main")
    assert paths(report) >= {"old.md"}
    assert "faq.md" not in report["scope"]["paths"]


def test_nothing_changed_reports_nothing(repo):
    _, report = scan(repo.path / "docs", "--changed-since", "HEAD", "--exclude", "new.md")
    assert report["findings"] == [] and report["scope"]["documents"] == 0


@pytest.mark.parametrize("ref, message", [("no-such-branch", "unknown revision 'no-such-branch'")])
def test_an_unknown_revision_is_one_line_and_exit_2(repo, ref, message):
    result = run("scan", str(repo.path / "docs"), "--changed-since", ref, "-f", "json", "-o",
                 str(repo.path.parent / "r.json"))  # fmt: skip
    assert result.exit_code == 2
    assert message in result.output


def test_changed_since_outside_a_repository_is_exit_2(write_tree):
    wiki = write_tree({"a.md": page("A")})
    result = run("scan", str(wiki), "--changed-since", "main", "-o", str(wiki.parent / "r"))
    assert result.exit_code == 2
    assert "not in a git repository" in result.output


def test_files_lists_paths_relative_to_the_working_directory_or_the_root(
    repo, monkeypatch, tmp_path
):
    monkeypatch.chdir(repo.path)
    listing = tmp_path / "changed.txt"
    listing.write_text("# from git diff --name-only\ndocs/faq.md\nold.md\nREADME.md\n../x.md\n")
    _, report = scan(repo.path / "docs", "--files", str(listing))
    assert paths(report) == {"faq.md", "old.md"}
    assert report["scope"]["files"] == str(listing)
    assert sorted(report["scope"]["ignored"]) == ["../x.md", "README.md"]


def test_files_from_standard_input(repo):
    _, report = scan(repo.path / "docs", "--files", "-", stdin=f"{repo.path}/docs/guide.md\n")
    assert paths(report) == {"guide.md"}


def test_an_unreadable_files_list_is_exit_2(repo):
    result = run("scan", str(repo.path / "docs"), "--files", str(repo.path / "nope.txt"))
    assert result.exit_code == 2
    assert "--files: cannot read" in result.output


def test_changed_since_and_files_together_are_refused(repo):
    result = run("scan", str(repo.path / "docs"), "--changed-since", "main", "--files", "-")
    assert result.exit_code == 2 and "not both" in result.output


def test_folder_findings_are_in_scope_when_a_document_directly_inside_is():
    scope = Scope("files", "list", frozenset({"guides/a.md", "top.md"}))
    assert in_scope("guides/", scope) and in_scope("./", scope)
    assert not in_scope("guides/deep/", scope)
    assert not in_scope("other/", scope) and not in_scope(".", scope)


def test_check_prints_only_the_given_files_findings_and_fails(repo, monkeypatch):
    monkeypatch.chdir(repo.path)
    result = run("check", "--root", "docs", "--now", NOW, "docs/guide.md")
    assert result.exit_code == 1
    assert "guide.md" in result.output and "missing-1.md" in result.output
    assert "missing-2.md" not in result.output


def test_check_passes_a_clean_file(repo, monkeypatch):
    monkeypatch.chdir(repo.path)
    (repo.path / "docs" / "guide.md").write_text(page("Guide", "faq.md"))
    result = run("check", "--root", "docs", "--now", NOW, "--select", "T020", "docs/guide.md")
    assert result.exit_code == 0, result.output
    assert "missing" not in result.output


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "ci, quiet, total, shown",
    [(None, False, 1000, True), ("true", False, 1000, False), (None, True, 1000, False),
     (None, False, 10, False)],
)  # fmt: skip
def test_the_progress_bar_shows_only_on_a_terminal_outside_ci(monkeypatch, ci, quiet, total,
                                                             shown):  # fmt: skip
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with cli_module._progress(Config(quiet=quiet)) as progress:
        for done in range(1, total + 1):
            if progress:
                progress(done, total)
    assert ("Reading documents" in terminal.getvalue()) is shown


def test_no_progress_bar_when_stderr_is_not_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stderr", io.StringIO())
    monkeypatch.delenv("CI", raising=False)
    with cli_module._progress(Config()) as progress:
        assert progress is None


def test_git_hook_variables_do_not_redirect_changed_since(repo, monkeypatch, tmp_path):
    # pre-commit runs hooks with GIT_INDEX_FILE set to its own index
    monkeypatch.setenv("GIT_INDEX_FILE", os.fspath(tmp_path / "elsewhere"))
    _, report = scan(repo.path / "docs", "--changed-since", "main")
    assert paths(report) == {"guide.md", "new.md"}


def test_with_a_baseline_entries_on_pages_not_checked_are_not_called_fixed(repo):
    baseline = repo.path.parent / "baseline.json"
    scan(repo.path / "docs", "--write-baseline", str(baseline))
    result, report = scan(repo.path / "docs", "--changed-since", "main", "--baseline",
                          str(baseline))  # fmt: skip
    assert report["baseline"]["unchanged"] == len(report["findings"]) > 0
    assert report["baseline"]["absent"] == 0  # faq's and old's entries: not looked at
    assert "no longer found" not in result.output
    assert result.exit_code == 0
