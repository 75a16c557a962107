"""History carried forward when HEAD moves on: the new commits are read and the walk stored
for the old HEAD goes on from them, giving exactly what a full read at the new HEAD gives;
anything it cannot answer exactly is read in full.

The property test builds each random history with one `git fast-import` (git processes
for each commit would make it ten times slower) and moves HEAD with `update-ref`: history
is read from git's objects only, so the work tree stays empty."""

from __future__ import annotations

import os
import pickle
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.load import git_log
from auditor.load.history import read_history
from tests.gitrepo import ANN, BOB, BOT, Repo, isolated_git  # noqa: F401 (fixture)

FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
BULK = 2  # more files than this in the folder make a bulk commit
POOL = ["a.md", "b.md", "c.md", "sub/d.md", "e.md"]  # names in docs/, reused
OUTSIDE = ["top.md", "other/x.md"]
PEOPLE = [("Ann", "ann@example.org"), ("Bob", "bob@example.org"), ("Ann A.", "ANN@example.org")]
DAY = 86_400
START = 1_700_000_000


def body(page: int, edits: int = 0) -> str:
    """Text long enough for git to recognise a renamed page after a small edit."""
    lines = [f"Line {n} of page {page} about the on-call rota.\n" for n in range(12)]
    return "".join(lines + [f"Edit {n}.\n" for n in range(edits)])


def equal(one, other) -> None:
    pd.testing.assert_frame_equal(one.frame, other.frame)
    assert (one.renames, one.bulk_commits, one.note, one.shallow, one.available) == (
        other.renames,
        other.bulk_commits,
        other.note,
        other.shallow,
        other.available,
    )


# --- random histories -------------------------------------------------------------------


@dataclass
class Tree:
    """The files of a branch as a history is drawn: path -> (page, edits)."""

    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    pages: int = 0

    def new_page(self) -> tuple[int, int]:
        self.pages += 1
        return (self.pages, 0)

    def docs(self) -> list[str]:
        return sorted(path for path in self.files if path.startswith("docs/"))


def _commands(draw, tree: Tree) -> list[str]:
    """One change to `tree`, as fast-import file commands."""
    docs, free = tree.docs(), [f"docs/{n}" for n in POOL if f"docs/{n}" not in tree.files]
    kinds = ["add", "outside"] + ["edit", "rename", "delete", "readd", "out", "bulk"] * bool(docs)
    kind = draw(st.sampled_from(kinds))
    commands: list[str] = []

    def write(path: str, content: tuple[int, int]) -> None:
        tree.files[path] = content
        commands.append(f"M 100644 inline {path}\ndata <<END\n{body(*content)}END")

    def move(old: str, new: str) -> None:
        page, edits = tree.files.pop(old)
        commands.append(f"R {old} {new}")
        if draw(st.booleans()):
            write(new, (page, edits + 1))  # a rename with a small edit
        else:
            tree.files[new] = (page, edits)

    if kind in ("add", "bulk") and free:
        write(draw(st.sampled_from(free)), tree.new_page())
    if kind == "outside":
        path = draw(st.sampled_from(OUTSIDE))
        if path in tree.files and draw(st.booleans()):  # moved into the folder
            move(path, draw(st.sampled_from(free or ["docs/in.md"])))
        else:
            page, edits = tree.files.get(path) or tree.new_page()
            write(path, (page, edits + 1))
    if not docs:
        return commands
    path = draw(st.sampled_from(docs))
    if kind == "edit":
        page, edits = tree.files[path]
        write(path, (page, edits + 1))
    elif kind == "rename" and free:
        move(path, draw(st.sampled_from(free)))
    elif kind == "delete":
        del tree.files[path]
        commands.append(f"D {path}")
    elif kind == "readd" and free:  # renamed away, and a new page under its name
        move(path, draw(st.sampled_from(free)))
        write(path, tree.new_page())
    elif kind == "out":
        move(path, f"other/{path.rsplit('/', 1)[-1]}")
    elif kind == "bulk":
        for path in docs:
            page, edits = tree.files[path]
            write(path, (page, edits + 1))
    return commands


@st.composite
def histories(draw) -> tuple[str, list[int]]:
    """A fast-import stream of commits on main, some merging a side branch, and the marks
    of main's commits in order."""
    tree, stream, main = Tree(), [], []
    for number in range(1, draw(st.integers(3, 9)) + 1):
        merged = None
        if main and draw(st.integers(0, 7)) == 0:  # merges a branch forked from main
            fork, page, merged = draw(st.sampled_from(main)), tree.new_page(), 1000 + number
            tree.files[path := f"docs/side{number}.md"] = page
            commands = [f"M 100644 inline {path}\ndata <<END\n{body(*page)}END"]
            when = START + draw(st.integers(0, 12)) * 3600  # may be older than main's
            stream.append(_commit("side", merged, f":{fork}", when, PEOPLE[1], commands))
        else:
            commands = [c for _ in range(draw(st.integers(1, 2))) for c in _commands(draw, tree)]
        author = draw(st.sampled_from(PEOPLE))
        when = START + draw(st.integers(0, 3)) * DAY  # ties and back-dated commits
        parent = f":{main[-1]}" if main else None
        stream.append(_commit("main", number, parent, when, author, commands, merged))
        main.append(number)
    return "".join(stream), main


def _commit(branch, mark, parent, when, author, commands, merged=None) -> str:
    # main's commits an hour apart; a side branch's (marks from 1000) when drawn
    committed = START + mark * 3600 if mark < 1000 else when
    lines = [
        f"commit refs/heads/{branch}",
        f"mark :{mark}",
        f"author {author[0]} <{author[1]}> {when} +0000",
        f"committer CI <ci@example.org> {committed} +0000",
        "data <<END\nchange\nEND",
        *([f"from {parent}"] if parent else []),
        *([f"merge :{merged}"] if merged else []),
        *commands,
    ]
    return "\n".join(lines) + "\n\n"


class Repository:
    """A repository made by fast-import, its HEAD moved to any of its commits."""

    def __init__(self, path: Path, stream: str):
        self.path = path
        path.mkdir()
        self.git("init", "-q", "-b", "main")
        marks = path / ".git" / "marks"
        self.git("fast-import", "--quiet", f"--export-marks={marks}", stdin=stream)
        self.commits = dict(line.split() for line in marks.read_text().splitlines())
        (path / "docs").mkdir()

    def git(self, *args: str, stdin: str | None = None) -> str:
        return subprocess.run(
            ["git", "-C", str(self.path), *args],
            input=stdin,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1"},
        ).stdout

    def head_at(self, mark: int) -> list[str]:
        """Moves HEAD to the commit `mark`; the documents there."""
        self.git("update-ref", "refs/heads/main", self.commits[f":{mark}"])
        listed = self.git("ls-tree", "-r", "--name-only", "HEAD", "docs/")
        return [path.removeprefix("docs/") for path in listed.split()]


@st.composite
def asked(draw, paths: list[str]) -> list[str]:
    """The documents at HEAD, at times with one left out or one uncommitted page more."""
    paths = list(paths)
    if paths and draw(st.integers(0, 7)) == 0:
        paths.remove(draw(st.sampled_from(paths)))
    if draw(st.integers(0, 7)) == 0:
        paths.append(draw(st.sampled_from(POOL)))
    return sorted(set(paths))


def test_history_carried_forward_is_the_history_read_in_full(monkeypatch):
    """For random histories (pages added, edited, renamed with small edits, deleted,
    re-added under an old name, moved in and out of the folder, bulk commits, commits
    outside the folder, merged side branches), reading at an older HEAD, then at a newer
    one, then at the newest, each time with the cache of the read before, gives what a
    read without cache gives. Most reads go on from the cache; the rest are read in full."""
    full_reads: list[int] = []
    commit_list = git_log.commit_list

    def counted(*args):
        full_reads.append(1)
        return commit_list(*args)

    monkeypatch.setattr(git_log, "commit_list", counted)
    carried: list[bool] = []

    @FUZZ
    @given(histories(), st.data())
    def check(history, data):
        stream, main = history
        cuts = sorted(data.draw(st.lists(st.sampled_from(main), min_size=2, max_size=2)))
        with tempfile.TemporaryDirectory() as folder:
            repo = Repository(Path(folder) / "repo", stream)
            cache = Path(folder) / "history.pickle"
            for step, mark in enumerate([*cuts, main[-1]]):
                paths = data.draw(asked(repo.head_at(mark)))
                full_reads.clear()
                served = read_history(repo.path / "docs", paths, BULK, cache_file=cache)
                if step:
                    carried.append(not full_reads)
                equal(served, read_history(repo.path / "docs", paths, BULK))

    check()
    assert len(carried) >= 60 and sum(carried) >= 40, carried


# --- plain cases ----------------------------------------------------------------------------


def body_lines(n: int) -> str:
    return "".join(f"Line {i} of a page about the on-call rota.\n" for i in range(n))


def logged(monkeypatch) -> list[list[bytes]]:
    """The commits each read gave `git log`, one list a read."""
    reads: list[list[bytes]] = []
    run_logs = git_log.run_logs

    def counted(git, root, command, pieces):
        reads.append([commit for piece in pieces for commit in piece])
        return run_logs(git, root, command, pieces)

    monkeypatch.setattr(git_log, "run_logs", counted)
    return reads


def wiki(tmp_path) -> Repo:
    repo = Repo(tmp_path / "wiki")
    repo.commit("2024-01-10", ANN, write={"a.md": body_lines(20), "b.md": "b\n"})
    repo.commit("2024-03-05", BOB, write={"a.md": body_lines(21), "c.md": "c\n"})
    return repo


def commits_since(repo: Repo, old: str) -> list[bytes]:
    return repo.git("rev-list", f"{old}..HEAD").encode().split()


def test_a_head_moved_forward_reads_only_the_new_commits(tmp_path, monkeypatch):
    repo, cache = wiki(tmp_path), tmp_path / "history.pickle"
    read_history(repo.path, ["a.md", "b.md", "c.md"], cache_file=cache)
    old = repo.git("rev-parse", "HEAD").strip()
    repo.commit("2024-04-01", ANN, move={"a.md": "guides/a.md"}, write={"b.md": "b2\n"})
    repo.commit("2024-04-01", BOB, write={"guides/a.md": body_lines(22)}, delete=("c.md",))
    repo.commit("2024-04-02", BOT, write={"c.md": "a new c\n"})
    paths = ["guides/a.md", "b.md", "c.md"]
    reads = logged(monkeypatch)

    carried = read_history(repo.path, paths, cache_file=cache)

    assert reads == [commits_since(repo, old)] and len(reads[0]) == 3
    equal(carried, read_history(repo.path, paths))
    a = carried.frame.loc["guides/a.md"]
    assert (a["revisions"], a["authors"], a["last_author"]) == (4, 2, "Bob")
    assert a["first_change"] == pd.Timestamp("2024-01-10T12:00:00", tz="UTC")
    assert carried.renames == {"a.md": "guides/a.md"}
    assert carried.frame.at["c.md", "revisions"] == 1  # re-added: its older history is another's
    reads.clear()
    again = read_history(repo.path, paths, cache_file=cache)  # stored with the new HEAD
    assert reads == [] and again.frame.equals(carried.frame)


def test_a_tie_goes_to_the_newer_commit_as_in_a_full_read(tmp_path, monkeypatch):
    repo, cache = wiki(tmp_path), tmp_path / "history.pickle"
    read_history(repo.path, ["a.md"], cache_file=cache)
    repo.commit("2024-03-05", ANN, write={"a.md": body_lines(23)})  # Bob's date, Ann's edit
    reads = logged(monkeypatch)

    carried = read_history(repo.path, ["a.md"], cache_file=cache)

    assert len(reads) == 1 and len(reads[0]) == 1
    assert carried.frame.at["a.md", "last_author"] == "Ann"
    equal(carried, read_history(repo.path, ["a.md"]))


@pytest.mark.parametrize("how", ["amend", "reset"])
def test_a_rewritten_history_is_read_in_full(tmp_path, monkeypatch, how):
    repo, cache = wiki(tmp_path), tmp_path / "history.pickle"
    read_history(repo.path, ["a.md", "b.md"], cache_file=cache)
    if how == "amend":  # the old HEAD is no ancestor of the new one
        repo.git("-c", "user.name=CI", "-c", "user.email=ci@example.org",
                 "commit", "-q", "--amend", "-m", "rewritten")  # fmt: skip
    else:  # HEAD moved back, then on
        repo.git("reset", "-q", "--hard", "HEAD~1")
        repo.commit("2024-05-01", BOB, write={"b.md": "b, after the reset\n"})
    reads = logged(monkeypatch)

    history = read_history(repo.path, ["a.md", "b.md"], cache_file=cache)

    assert len(reads) == 1 and len(reads[0]) == int(repo.git("rev-list", "--count", "HEAD"))
    equal(history, read_history(repo.path, ["a.md", "b.md"]))


def test_other_settings_are_read_in_full(tmp_path, monkeypatch):
    repo, cache = wiki(tmp_path), tmp_path / "history.pickle"
    read_history(repo.path, ["a.md"], cache_file=cache)
    repo.commit("2024-04-01", ANN, write={"a.md": body_lines(22)})
    reads = logged(monkeypatch)

    read_history(repo.path, ["a.md"], bulk_threshold=1, cache_file=cache)
    repo.commit("2024-04-02", BOB, write={"a.md": body_lines(23)})
    (repo.path / ".mailmap").write_text(f"Robert <{BOB[1]}>\n")
    history = read_history(repo.path, ["a.md"], bulk_threshold=1, cache_file=cache)

    assert [len(commits) for commits in reads] == [3, 4]
    assert history.frame.at["a.md", "last_author"] == "Robert"


def test_documents_the_stored_walk_did_not_follow_are_read_in_full(tmp_path, monkeypatch):
    repo, cache = wiki(tmp_path), tmp_path / "history.pickle"
    read_history(repo.path, ["a.md"], cache_file=cache)
    repo.commit("2024-04-01", ANN, write={"b.md": "b2\n"})
    reads = logged(monkeypatch)

    more = read_history(repo.path, ["a.md", "b.md"], cache_file=cache)  # b.md had history
    fewer = read_history(repo.path, ["b.md"], cache_file=cache)  # answered from the store

    # The new commit, then (b.md was not followed) every commit; nothing for fewer.
    assert [len(commits) for commits in reads] == [1, 3]
    assert more.frame.at["b.md", "revisions"] == 2
    equal(more, read_history(repo.path, ["a.md", "b.md"]))
    equal(fewer, read_history(repo.path, ["b.md"]))


def test_a_rename_onto_an_uncommitted_page_s_name_is_read_in_full(tmp_path, monkeypatch):
    """a.md renamed to b.md, and an uncommitted a.md: going back, b.md takes the name a.md
    from the uncommitted page. Asked without b.md, a full read gives the uncommitted page
    the old a.md's commit, which the stored walk cannot tell: read in full."""
    repo, cache = Repo(tmp_path / "wiki"), tmp_path / "history.pickle"
    repo.commit("2024-01-10", ANN, write={"a.md": body_lines(20)})
    repo.commit("2024-02-10", BOB, move={"a.md": "b.md"})
    read_history(repo.path, ["a.md", "b.md"], cache_file=cache)
    repo.commit("2024-03-10", BOB, write={"c.md": "c\n"})
    reads = logged(monkeypatch)

    both = read_history(repo.path, ["a.md", "b.md"], cache_file=cache)
    repo.commit("2024-04-10", BOB, write={"c.md": "c2\n"})
    alone = read_history(repo.path, ["a.md"], cache_file=cache)

    assert [len(commits) for commits in reads] == [1, 1, 4]  # carried; new commit, in full
    equal(both, read_history(repo.path, ["a.md", "b.md"]))
    equal(alone, read_history(repo.path, ["a.md"]))
    assert "a.md" not in both.frame.index and alone.frame.at["a.md", "revisions"] == 1


def test_a_branch_merged_goes_on_only_when_git_walks_it_before_the_old_head(tmp_path, monkeypatch):
    """git walks a history by commit date: a branch that forked before the old HEAD, or
    whose commits are older than it, is walked among the old commits, so in full."""
    repo, cache = wiki(tmp_path), tmp_path / "history.pickle"
    read_history(repo.path, ["a.md", "b.md"], cache_file=cache)
    merge = ("-c", "user.name=CI", "-c", "user.email=ci@example.org", "merge", "-q", "--no-ff")
    repo.git("checkout", "-q", "-b", "later")
    repo.commit("2024-04-01", BOB, write={"b.md": "on a branch\n"})
    repo.git("checkout", "-q", "main")
    repo.commit("2024-04-02", ANN, write={"a.md": body_lines(24)})
    repo.git(*merge, "-m", "merge later", "later")
    repo.git("checkout", "-q", "-b", "earlier", "HEAD~3")  # forked before the old HEAD
    repo.commit("2024-04-03", BOB, write={"d.md": "on an old branch\n"})
    repo.git("checkout", "-q", "main")
    reads = logged(monkeypatch)

    carried = read_history(repo.path, ["a.md", "b.md"], cache_file=cache)
    repo.git(*merge, "-m", "merge earlier", "earlier")
    in_full = read_history(repo.path, ["a.md", "b.md", "d.md"], cache_file=cache)

    assert [len(commits) for commits in reads] == [2, 5]
    assert carried.frame.at["b.md", "revisions"] == 2
    equal(in_full, read_history(repo.path, ["a.md", "b.md", "d.md"]))
    repo.git("reset", "-q", "--hard", "HEAD~1")
    equal(carried, read_history(repo.path, ["a.md", "b.md"]))


def test_a_damaged_stored_walk_only_costs_time(tmp_path, monkeypatch):
    repo, cache = wiki(tmp_path), tmp_path / "history.pickle"
    read_history(repo.path, ["a.md"], cache_file=cache)
    repo.commit("2024-04-01", ANN, write={"a.md": body_lines(22)})
    with cache.open("rb") as stored:
        header = pickle.load(stored)
    reads = logged(monkeypatch)
    for damage in (b"\x80\x05 not a pickle", pickle.dumps({"not": "a stored walk"})):
        cache.write_bytes(pickle.dumps(header) + damage)
        history = read_history(repo.path, ["a.md"], cache_file=cache)
        assert history.frame.at["a.md", "revisions"] == 3
    assert [len(commits) for commits in reads] == [3, 3]
