"""Reading version history from real git repositories built with back-dated commits."""

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from auditor.load.history import HISTORY_COLUMNS, read_history
from tests.gitrepo import ANN, BOB, BOT, Repo, isolated_git  # noqa: F401 (fixture)


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(f"{text}T12:00:00", tz="UTC")


def body(n: int) -> str:
    """Text long enough for git to recognise a renamed file after a small edit."""
    return "".join(f"Line {i} of a page about the on-call rota.\n" for i in range(n))


def assert_schema(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == list(HISTORY_COLUMNS)
    assert {c: str(t) for c, t in frame.dtypes.items()} == HISTORY_COLUMNS


def test_dates_revisions_and_authors(tmp_path):
    repo = Repo(tmp_path / "wiki")
    repo.commit("2024-01-10", ANN, write={"a.md": "one\n", "b.md": "b\n"})
    repo.commit("2024-03-05", BOB, write={"a.md": "two\n"})
    repo.commit("2024-06-01", ("Ann Again", "ANN@example.org"), write={"a.md": "three\n"})
    repo.commit("2024-07-01", BOB, write={"notes.txt": "not a document\n"})
    (repo.path / "draft.md").write_text("uncommitted\n")

    history = read_history(repo.path, ["a.md", "b.md", "draft.md"])

    assert history.available and history.note is None and not history.shallow
    assert_schema(history.frame)
    assert list(history.frame.index) == ["a.md", "b.md"]  # no row for the uncommitted draft
    a = history.frame.loc["a.md"]
    assert a["last_change"] == day("2024-06-01")
    assert a["first_change"] == day("2024-01-10")
    assert a["revisions"] == 3
    assert a["authors"] == 2  # e-mails compare without case
    assert a["last_author"] == "Ann Again"
    b = history.frame.loc["b.md"]
    assert (b["first_change"], b["last_change"], b["revisions"]) == (day("2024-01-10"),) * 2 + (1,)


def test_author_dates_decide_not_commit_order(tmp_path):
    repo = Repo(tmp_path / "wiki")
    repo.commit("2024-05-01", ANN, write={"a.md": "one\n"})
    repo.commit("2023-01-01", BOB, write={"a.md": "back-dated, committed later\n"})

    frame = read_history(repo.path, ["a.md"]).frame

    assert frame.at["a.md", "last_change"] == day("2024-05-01")
    assert frame.at["a.md", "last_author"] == "Ann"
    assert frame.at["a.md", "first_change"] == day("2023-01-01")


def test_renames_are_followed(tmp_path):
    repo = Repo(tmp_path / "wiki")
    repo.commit("2023-02-01", ANN, write={"old name.md": body(20)})
    repo.commit("2023-04-01", BOB, write={"old name.md": body(21)})
    repo.commit("2023-09-01", ANN, move={"old name.md": "guides/new.md"})
    repo.commit(
        "2024-01-01",
        BOB,
        move={"guides/new.md": "guides/newer.md"},
        write={"guides/newer.md": body(22)},
    )

    frame = read_history(repo.path, ["guides/newer.md"]).frame

    assert list(frame.index) == ["guides/newer.md"]
    row = frame.loc["guides/newer.md"]
    assert row["revisions"] == 4
    assert row["first_change"] == day("2023-02-01")
    assert row["last_change"] == day("2024-01-01")
    assert row["authors"] == 2


def test_a_renamed_file_and_a_new_file_under_its_old_name_stay_apart(tmp_path):
    repo = Repo(tmp_path / "wiki")
    repo.commit("2023-01-01", ANN, write={"a.md": body(20)})
    repo.commit("2023-06-01", BOB, move={"a.md": "b.md"})
    repo.commit("2023-06-02", BOB, write={"a.md": "a new page\n"})
    repo.commit("2023-07-01", ANN, delete=("a.md",))
    repo.commit("2024-01-01", ANN, write={"a.md": "recreated\n"})

    frame = read_history(repo.path, ["a.md", "b.md"]).frame

    assert frame.at["b.md", "first_change"] == day("2023-01-01")
    assert frame.at["b.md", "revisions"] == 2
    # History restarts where a document was added: earlier pages under its name are others.
    assert frame.at["a.md", "first_change"] == day("2024-01-01")
    assert frame.at["a.md", "revisions"] == 1


def test_scanned_subfolder_of_a_repository(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.commit("2023-01-01", ANN, write={"README.md": "top\n", "docs/wiki/a.md": body(20)})
    repo.commit("2023-05-01", BOB, write={"README.md": "top, edited\n", "src/x.py": "x\n"})
    repo.commit("2023-08-01", BOB, move={"docs/wiki/a.md": "docs/wiki/team/a.md"})

    history = read_history(repo.path / "docs" / "wiki", ["team/a.md", "README.md"])

    assert history.available
    assert list(history.frame.index) == ["team/a.md"]  # the repository's README is outside
    assert history.frame.at["team/a.md", "revisions"] == 2
    assert history.frame.at["team/a.md", "first_change"] == day("2023-01-01")


def test_bulk_commits_do_not_count_as_a_meaningful_change(tmp_path):
    repo = Repo(tmp_path / "wiki")
    repo.commit("2023-01-01", ANN, write={"a.md": "a\n"})
    repo.commit("2023-03-01", BOB, write={"a.md": "a, edited\n"})
    sweep = {f"{name}.md": "reformatted\n" for name in ("a", "b", "c", "d")}
    repo.commit("2024-02-01", BOT, write=sweep)
    repo.commit("2024-02-02", BOT, write={f"{name}.md": "again\n" for name in "abcd"})
    repo.commit("2024-02-03", BOT, write={"b.md": "small fix by the same bot\n"})

    history = read_history(repo.path, ["a.md", "b.md", "c.md"], bulk_threshold=3)

    assert history.bulk_commits == 2
    a = history.frame.loc["a.md"]
    assert (a["last_change"], a["last_author"]) == (day("2023-03-01"), "Bob")
    assert (a["first_change"], a["revisions"], a["authors"]) == (day("2023-01-01"), 2, 2)
    # A bulk import is when a file appeared ...
    assert history.frame.at["b.md", "first_change"] == day("2024-02-01")
    assert history.frame.at["b.md", "last_change"] == day("2024-02-03")
    # ... and a file only bulk commits touched still gets a date from the newest of them.
    c = history.frame.loc["c.md"]
    assert (c["first_change"], c["last_change"]) == (day("2024-02-01"), day("2024-02-02"))
    assert (c["revisions"], c["authors"], c["last_author"]) == (2, 1, "Format Bot")


def test_shallow_clone_is_flagged(tmp_path):
    origin = Repo(tmp_path / "origin")
    origin.commit("2022-01-01", ANN, write={"a.md": "a\n", "b.md": "b\n"})
    origin.commit("2024-01-01", BOB, write={"b.md": "b, edited\n"})
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", origin.path.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )

    history = read_history(clone, ["a.md", "b.md"])

    assert history.available and history.shallow
    assert "fetch-depth: 0" in history.note and "GIT_DEPTH: 0" in history.note
    # Cut-off history: a.md looks as young as the only commit the clone has.
    assert history.frame.at["a.md", "first_change"] == day("2024-01-01")


def test_partial_clone_fetches_nothing_and_follows_exact_renames(tmp_path):
    origin = Repo(tmp_path / "origin")
    origin.git("config", "uploadpack.allowFilter", "true")
    origin.commit("2022-01-01", ANN, write={"a.md": body(20), "b.md": body(30)})
    origin.commit(
        "2023-01-01",
        BOB,
        move={"a.md": "moved.md", "b.md": "edited.md"},
        write={"edited.md": body(31)},
    )
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", origin.path.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    packs = sorted((clone / ".git" / "objects" / "pack").iterdir())

    history = read_history(clone, ["moved.md", "edited.md"])

    assert history.available and "Partial clone" in history.note
    assert sorted((clone / ".git" / "objects" / "pack").iterdir()) == packs  # nothing fetched
    assert history.frame.at["moved.md", "first_change"] == day("2022-01-01")
    # Following a rename with edits would need the old contents, which the clone lacks.
    assert history.frame.at["edited.md", "first_change"] == day("2023-01-01")


def test_folder_outside_any_repository(tmp_path, monkeypatch):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "a.md").write_text("a\n")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # tmp may sit in a repo

    history = read_history(folder, ["a.md"])

    assert not history.available
    assert "not in a git repository" in history.note
    assert history.frame.empty
    assert_schema(history.frame)


def test_repository_without_commits(tmp_path):
    repo = Repo(tmp_path / "wiki")
    (repo.path / "a.md").write_text("a\n")

    history = read_history(repo.path, ["a.md"])

    assert not history.available
    assert "no commits" in history.note


@pytest.mark.parametrize("how", ["path", "which"])
def test_git_missing(tmp_path, monkeypatch, how):
    repo = Repo(tmp_path / "wiki")
    repo.commit("2024-01-01", ANN, write={"a.md": "a\n"})
    if how == "path":
        monkeypatch.setenv("PATH", str(tmp_path / "no-such-bin"))
    else:
        monkeypatch.setattr(shutil, "which", lambda *_args, **_kw: None)

    history = read_history(repo.path, ["a.md"])

    assert not history.available
    assert "git is not installed" in history.note
    assert_schema(history.frame)


def test_failing_git_gives_its_first_error_line(tmp_path, monkeypatch):
    folder = tmp_path / "wiki"
    folder.mkdir()
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    fake.write_text(
        f"#!{sys.executable}\nimport sys\n"
        "sys.stderr.write('warning: noise\\nfatal: something broke\\nmore\\n')\nsys.exit(128)\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))

    history = read_history(folder, ["a.md"])

    assert not history.available
    assert history.note == "No version history: git failed: fatal: something broke"


def test_hook_variables_do_not_redirect_git(tmp_path, monkeypatch):
    other = Repo(tmp_path / "other")
    other.commit("2020-01-01", BOB, write={"a.md": "elsewhere\n"})
    repo = Repo(tmp_path / "wiki")
    repo.commit("2024-01-01", ANN, write={"a.md": "here\n"})
    monkeypatch.setenv("GIT_DIR", str(other.path / ".git"))

    frame = read_history(repo.path, ["a.md"]).frame

    assert frame.at["a.md", "last_change"] == day("2024-01-01")


def test_names_with_spaces_and_non_ascii_characters(tmp_path):
    repo = Repo(tmp_path / "wiki")
    names = ["Über uns/café menu.md", 'quote"d\ttab.md', "日本語 ノート.md"]
    repo.commit("2024-01-01", ANN, write=dict.fromkeys(names, "text\n"))
    repo.commit("2024-02-01", BOB, write={names[0]: "edited\n"})

    frame = read_history(repo.path, names).frame

    assert sorted(frame.index) == sorted(names)
    assert frame.at[names[0], "revisions"] == 2
    assert frame.at[names[0], "last_change"] == day("2024-02-01")
    assert frame.at[names[2], "last_author"] == "Ann"


def test_repository_is_left_untouched(tmp_path):
    repo = Repo(tmp_path / "wiki")
    repo.commit("2024-01-01", ANN, write={"a.md": "a\n"})
    (repo.path / "a.md").write_text("an uncommitted edit\n")
    before = {p: p.stat().st_mtime_ns for p in (repo.path / ".git").rglob("*") if p.is_file()}

    read_history(repo.path, ["a.md"])

    after = {p: p.stat().st_mtime_ns for p in (repo.path / ".git").rglob("*") if p.is_file()}
    assert after == before


def test_the_audit_dates_undated_pages_by_history_and_says_so(tmp_path):
    from auditor.api import audit
    from auditor.config import Config

    repo = Repo(tmp_path / "wiki")
    repo.commit(
        "2024-03-01", write={"old.md": "# Old\n", "dated.md": "---\nreviewed: 2026-10-01\n---\n"}
    )
    repo.commit("2026-09-01", author=BOB, write={"new.md": "# New\n"})
    repo.commit(
        "2026-11-01",
        author=BOT,
        write={f"p{i}.md": "# Bulk\n" for i in range(4)} | {"old.md": "# Old, reformatted\n"},
    )
    result = audit(
        repo.path, Config(now="2026-11-27", select=["T001", "T004"], bulk_commit_files=3)
    )
    stale = {f.path: f.evidence for f in result.findings if f.id == "T001"}
    assert stale == {
        "old.md": {
            "date": "2024-03-01",
            "date_source": "git",
            "age_days": 1000,
            "cadence_days": 365,
        }
    }
    assert not [f for f in result.findings if f.id == "T004"]
    docs = {d["path"]: d for d in result.documents}
    assert docs["dated.md"]["dates"]["reviewed"]["source"] == "frontmatter:reviewed"
    assert docs["new.md"]["dates"]["changed"] == {
        "value": "2026-09-01T12:00:00+00:00",
        "source": "git",
    }
    assert result.summary.date_sources == {"git": 6, "frontmatter": 1}
    assert result.inputs["history"] == {
        "available": True,
        "note": None,
        "shallow": False,
        "bulk_commits": 1,
    }


def test_a_long_history_read_by_several_git_processes_is_the_same_history(tmp_path, monkeypatch):
    """From SPLIT_FROM commits, `git log` runs as several processes over runs of
    consecutive commits; renames, re-additions, bulk commits and merged branches are
    followed across the runs exactly as in one pass."""
    repo = Repo(tmp_path / "repo")
    repo.commit("2022-01-01", ANN, write={"docs/a.md": body(20), "docs/b.md": body(30)})
    for month in range(1, 13):  # edits interleaved with moves, deletions and re-additions
        who = ANN if month % 2 else BOB
        repo.commit(f"2023-{month:02}-01", who, write={"docs/a.md": body(20 + month)})
        if month == 4:
            repo.commit("2023-04-02", BOB, move={"docs/b.md": "docs/guides/b.md"})
        if month == 7:
            repo.commit("2023-07-02", ANN, delete=("docs/a.md",))
            repo.commit("2023-07-03", BOB, write={"docs/a.md": "a new page\n"})
        if month == 9:
            sweep = {f"docs/bulk{n}.md": "imported\n" for n in range(5)}
            repo.commit("2023-09-02", BOT, write={**sweep, "docs/guides/b.md": body(31)})
    repo.git("checkout", "-q", "-b", "side", "HEAD~3")
    repo.commit("2024-02-01", BOB, write={"docs/side.md": body(10), "README.md": "top\n"})
    repo.git("checkout", "-q", "main")
    repo.git("-c", "user.name=CI", "-c", "user.email=ci@example.org", "merge", "-q",
             "--no-ff", "-m", "merge side", "side")  # fmt: skip
    repo.commit("2024-03-01", ANN, move={"docs/guides/b.md": "docs/b2.md"})
    paths = ["a.md", "b2.md", "side.md", *(f"bulk{n}.md" for n in range(5))]
    started = []
    popen = subprocess.Popen

    def counted(command, **kwargs):
        started.append(command)
        return popen(command, **kwargs)

    one = read_history(repo.path / "docs", paths, bulk_threshold=4, jobs=1)
    monkeypatch.setattr("auditor.load.git_log.SPLIT_FROM", 5)
    monkeypatch.setattr("auditor.load.git_log.subprocess.Popen", counted)
    several = read_history(repo.path / "docs", paths, bulk_threshold=4, jobs=3)

    assert sum("--stdin" in command for command in started) == 3  # three git logs at once
    pd.testing.assert_frame_equal(several.frame, one.frame)
    assert (several.renames, several.bulk_commits) == (one.renames, one.bulk_commits)
    assert one.frame.at["b2.md", "revisions"] == 3 and one.frame.at["a.md", "revisions"] == 6
    assert one.renames == {"guides/b.md": "b2.md", "b.md": "b2.md"}
    assert one.frame.at["side.md", "last_author"] == "Bob" and one.bulk_commits == 1
