"""Getting the log from git: the commits a full read of history walks, and what `git log`
shows of each (author date, author, the files it changed and how) as a `Commit`, its
paths relative to the scanned folder. What the log means is history.py's.

A long log is read by several git processes at once. Comparing each commit's tree with
its parent's is nearly all of git's work, and each comparison stands alone: from
`SPLIT_FROM` commits, the list of commits is cut into `jobs` runs, each shown by a git
process of its own, all at once. The commits are listed without the path (`-- .` would
make git compare trees twice), so a commit on a side branch that a merge discarded whole
counts, where git's history simplification would hide it; commits outside the scanned
folder show no files.

A failure is not put into words here: git that cannot start raises `NotStarted`, git
that ends in error raises `Failed` with what it said."""

from __future__ import annotations

import contextlib
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from auditor.load.git import decode_text, git_command, git_environment, nfc, run_git

# Author date, mailmapped e-mail and name (.mailmap is how a team merges identities).
# \x01 marks a commit's start; it is only looked for where a status letter may stand.
_FORMAT = "--format=%x01%at%x00%aE%x00%aN"
#: Read-only settings for the log: a larger cache of the objects that deltas are made
#: against (git's default is 96 MiB) saved a quarter of git's time on 100,000 commits.
_LOG_SETTINGS = ("-c", "core.deltaBaseCacheLimit=256m")
#: From this many commits, `git log` runs as several processes.
SPLIT_FROM = 20_000


class NotStarted(Exception):
    """git could not start; the message is the OSError's."""


class Failed(Exception):
    """git ended in error; `stderr` is what it said."""

    def __init__(self, stderr: bytes) -> None:
        super().__init__(stderr)
        self.stderr = stderr


@dataclass(slots=True)
class Commit:
    when: int  # author date, seconds since the epoch
    email: str
    name: str
    # (status letter, old path or None when outside the folder, new path), relative to
    # the scanned root and NFC-normalised
    changes: list[tuple[str, str | None, str]] = field(default_factory=list)


def commit_list(git: str, root: Path) -> list[bytes]:
    """The commits that are not merges, newest first: what a full read walks."""
    try:
        listed = run_git(git, root, "rev-list", "--no-merges", "HEAD")
    except OSError as error:
        raise NotStarted(error) from error
    if listed.returncode:
        raise Failed(listed.stderr)
    return listed.stdout.split()


def read(
    git: str, root: Path, commits: list[bytes], prefix: str, partial: bool, jobs: int
) -> Iterator[Commit]:
    """What `git log` shows of `commits`, in their order, by up to `jobs` git processes;
    paths are relative to the folder `prefix` names in the repository (as `rev-parse
    --show-prefix` gives it). `partial`: the clone is partial, so only exact renames are
    detected."""
    # A partial clone lacks the file contents inexact rename detection compares.
    detection = "-M100%" if partial else "-M"
    args = ["log", "-z", detection, "--name-status", "--no-color", _FORMAT]
    for log in _logs(git, root, args, commits, jobs):
        yield from _commits(_tokens(log), prefix)


def _logs(
    git: str, root: Path, args: list[str], commits: list[bytes], jobs: int
) -> Iterator[IO[bytes]]:
    """What `git log ARGS` shows of each of `commits`, in their order, in consecutive
    pieces: one, or from `SPLIT_FROM` commits up to `jobs`."""
    if not commits:
        return
    runs = jobs if len(commits) >= SPLIT_FROM else 1
    size = -(-len(commits) // runs)
    pieces = [commits[at : at + size] for at in range(0, len(commits), size)]
    yield from run_logs(git, root, [*args, "--no-walk=unsorted", "--stdin", "--", "."], pieces)


def run_logs(
    git: str, root: Path, command: list[str], pieces: list[list[bytes]]
) -> Iterator[IO[bytes]]:
    """Start `command` once for each piece of the commits, all at once, each given its
    commits on stdin, and yield their outputs in order: the first as it comes, the others
    from files once written."""
    with contextlib.ExitStack() as files:
        started: list[tuple[subprocess.Popen, IO[bytes] | None, IO[bytes]]] = []
        try:
            for number, commits in enumerate(pieces):
                stdin = files.enter_context(tempfile.TemporaryFile())
                stdin.write(b"\n".join(commits) + b"\n")
                stdin.seek(0)
                output = files.enter_context(tempfile.TemporaryFile()) if number else None
                # Errors go to a file, not a pipe: a pipe can fill and block git.
                errors = files.enter_context(tempfile.TemporaryFile())
                try:
                    process = subprocess.Popen(
                        git_command(git, root, *_LOG_SETTINGS, *command),
                        stdin=stdin,
                        stdout=output or subprocess.PIPE,
                        stderr=errors,
                        env=git_environment(),
                    )
                except OSError as error:
                    raise NotStarted(error) from error
                started.append((process, output, errors))
            for process, output, errors in started:
                if output is None:
                    assert process.stdout is not None
                    yield process.stdout
                if process.wait():
                    errors.seek(0)
                    raise Failed(errors.read())
                if output is not None:
                    output.seek(0)
                    yield output
        finally:
            for process, _, _ in started:  # interrupted, failed or done: no git left running
                if process.poll() is None:
                    process.kill()  # stop git writing into a pipe nobody reads any more
                if process.stdout is not None:
                    process.stdout.close()
                process.wait()


def _commits(tokens: Iterator[bytes], prefix: str) -> Iterator[Commit]:
    """Commits from `git log -z --name-status`: a header token and its fields, then per
    file a status token (the first preceded by a newline) and one path, two for R and C."""
    commit = None
    for token in tokens:
        if token[:1] == b"\x01":
            if commit is not None:
                yield commit
            when = _seconds(token[1:])
            email, name = decode_text(next(tokens, b"")).casefold(), decode_text(next(tokens, b""))
            commit = Commit(when, email, name)
            continue
        status = decode_text(token.lstrip(b"\n")[:1])
        if commit is None or not status:
            continue
        old = _relative(next(tokens, b""), prefix)
        new = _relative(next(tokens, b""), prefix) if status in "RC" else old
        if new is not None:
            commit.changes.append((status, old, new))
    if commit is not None:
        yield commit


def _tokens(stream: IO[bytes], size: int = 1 << 16) -> Iterator[bytes]:
    """NUL-separated tokens, read in chunks so memory stays flat however long the log."""
    rest = b""
    while chunk := stream.read(size):
        parts = (rest + chunk).split(b"\0")
        rest = parts.pop()
        yield from parts
    if rest:
        yield rest


def _relative(raw: bytes, prefix: str) -> str | None:
    """A repository path relative to the scanned folder; None when outside it."""
    path = nfc(decode_text(raw))
    return path[len(prefix) :] if path.startswith(prefix) and path != prefix else None


def _seconds(raw: bytes) -> int:
    try:
        return int(raw)
    except ValueError:
        return 0
