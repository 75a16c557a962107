"""Version history kept between audits: served while HEAD, the documents, .mailmap and
the settings are the same; carried forward when HEAD moves on (see
test_history_incremental.py); read again when .mailmap or the settings change."""

import pandas as pd

from auditor.load import git_log
from auditor.load.history import read_history
from tests.gitrepo import ANN, BOB, Repo, isolated_git  # noqa: F401 (fixture)


def counting_git_log(monkeypatch) -> list[int]:
    """How many commits each `git log` was given: history read from git, not the cache."""
    reads: list[int] = []
    real = git_log.run_logs

    def run_logs(git, root, command, pieces):
        reads.append(sum(map(len, pieces)))
        return real(git, root, command, pieces)

    monkeypatch.setattr(git_log, "run_logs", run_logs)
    return reads


def wiki(tmp_path) -> Repo:
    repo = Repo(tmp_path / "wiki")
    repo.commit("2024-01-10", ANN, write={"a.md": "one\n", "b.md": "b\n"})
    repo.commit("2024-03-05", BOB, write={"a.md": "two\n"})
    return repo


def test_an_unchanged_head_is_served_from_the_cache(tmp_path, monkeypatch):
    repo, file = wiki(tmp_path), tmp_path / "cache" / "history.pickle"
    reads = counting_git_log(monkeypatch)
    first = read_history(repo.path, ["a.md", "b.md"], cache_file=file)
    (repo.path / "a.md").write_text("edited, not committed\n")  # the log is the same
    second = read_history(repo.path, ["a.md", "b.md"], cache_file=file)
    assert len(reads) == 1 and file.exists()
    pd.testing.assert_frame_equal(first.frame, second.frame)
    assert second.frame.at["a.md", "revisions"] == 2


def test_a_new_commit_fewer_documents_or_other_settings(tmp_path, monkeypatch):
    repo, file = wiki(tmp_path), tmp_path / "cache" / "history.pickle"
    reads = counting_git_log(monkeypatch)
    read_history(repo.path, ["a.md", "b.md"], cache_file=file)
    repo.commit("2024-04-01", ANN, write={"a.md": "three\n"})
    assert (
        read_history(repo.path, ["a.md", "b.md"], cache_file=file).frame.at["a.md", "revisions"]
        == 3
    )
    assert read_history(repo.path, ["a.md"], cache_file=file).frame.index.tolist() == ["a.md"]
    read_history(repo.path, ["a.md"], bulk_threshold=1, cache_file=file)
    # In full, the new commit alone, nothing (fewer documents), in full (another threshold).
    assert reads == [2, 1, 3]
    read_history(repo.path, ["a.md"], bulk_threshold=1, cache_file=file)
    assert reads == [2, 1, 3]  # one file per folder, holding the latest


def test_a_new_mailmap_at_the_top_renames_the_last_author_of_a_subfolder(tmp_path):
    repo, file = Repo(tmp_path / "repo"), tmp_path / "cache" / "history.pickle"
    repo.commit("2024-03-05", BOB, write={"docs/wiki/a.md": "two\n"})
    scanned = repo.path / "docs" / "wiki"
    assert read_history(scanned, ["a.md"], cache_file=file).frame.at["a.md", "last_author"] == "Bob"
    (repo.path / ".mailmap").write_text(f"Robert <{BOB[1]}>\n")
    frame = read_history(scanned, ["a.md"], cache_file=file).frame
    assert frame.at["a.md", "last_author"] == "Robert"


def test_a_damaged_or_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    repo = wiki(tmp_path)
    damaged = tmp_path / "damaged.pickle"
    damaged.write_bytes(b"\x80\x05 not a pickle")
    assert read_history(repo.path, ["a.md"], cache_file=damaged).frame.at["a.md", "revisions"] == 2
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be")
    history = read_history(repo.path, ["a.md"], cache_file=blocker / "history.pickle")
    assert history.available and history.frame.at["a.md", "revisions"] == 2


def test_no_commits_yet_is_said_with_a_cache_too(tmp_path):
    repo = Repo(tmp_path / "wiki")
    (repo.path / "a.md").write_text("x\n")
    history = read_history(repo.path, ["a.md"], cache_file=tmp_path / "history.pickle")
    assert not history.available and "no commits yet" in history.note
