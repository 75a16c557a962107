"""Reading version history: one streaming pass of `git log` over the scanned folder gives
each document its first and last change, revisions and authors, following renames.
git_log.py gets the log from git; this module says what it means, and puts git's
failures into words.

Read-only and never raising: git runs with `--no-optional-locks`, no prompt, no stdin and
no lazy fetch; when history is missing or partial, `History.note` says why in one line.

Dates are *author* dates (what a back-dated or rebased commit keeps), not committer dates.
A bulk commit (more than `bulk_threshold` files in the folder: a reformat, an import, a
migration) is not a meaningful edit: it counts for `first_change` (an import is when a
file appeared) but not for `last_change`, `last_author`, `revisions` or `authors`, unless
a document has no other commit, so that every committed document has a date.

With a cache, history read at an older HEAD goes on with the commits since (`_continue`
says when that gives exactly what reading every commit would); else all are read."""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import pandas as pd

from auditor.load import git_log
from auditor.load.cache import code_digest
from auditor.load.git import decode_text, nfc, run_git
from auditor.load.history_cache import cached, history_key, settings_key

HISTORY_COLUMNS = {
    "last_change": "datetime64[ns, UTC]",
    "first_change": "datetime64[ns, UTC]",
    "revisions": "int64",
    "authors": "int64",
    "last_author": "object",
}
SHALLOW_NOTE = (
    "Shallow clone: history is cut off, so change dates may be too recent and revisions "
    "too few; fetch the full history (actions/checkout: `fetch-depth: 0`, GitLab CI: "
    "`GIT_DEPTH: 0`, locally: `git fetch --unshallow`)."
)
PARTIAL_NOTE = (
    "Partial clone: a rename made together with edits is not followed, as file contents "
    "are not downloaded to compare; a full clone follows it."
)


@dataclass(frozen=True, slots=True)
class History:
    available: bool  # False when there is no usable history
    note: str | None  # one line for the user when history is missing or partial
    shallow: bool
    bulk_commits: int  # commits set aside as bulk
    frame: pd.DataFrame  # index: document path, POSIX relative to the scanned root
    #: Every earlier name of a document -> its current path (a baseline follows moves).
    renames: dict[str, str] = field(default_factory=dict)


class _NoHistory(Exception):
    """Why history cannot be read; caught in `read_history`, never raised to callers."""


@dataclass(slots=True)
class _Side:
    """The commits of one kind, meaningful or bulk, that touched one document."""

    revisions: int = 0
    last: int = 0
    last_author: str = ""
    emails: set[str] = field(default_factory=set)

    def add(self, commit: git_log.Commit) -> None:
        self.revisions += 1
        self.emails.add(commit.email)
        # Strictly newer: on a tie the commit git lists first (the newer one) stays.
        if self.revisions == 1 or commit.when > self.last:
            self.last, self.last_author = commit.when, commit.name

    def packed(self) -> _PackedSide | None:
        """A plain tuple, which pickles many times faster than the object; None if empty."""
        if not self.revisions:
            return None
        return (self.revisions, self.last, self.last_author, tuple(self.emails))

    @classmethod
    def unpacked(cls, packed: _PackedSide | None) -> _Side:
        if packed is None:
            return cls()
        revisions, last, last_author, emails = packed
        return cls(revisions, last, last_author, set(emails))

    def then(self, older: _Side) -> None:
        """Goes on with the commits of `older`, all walked after this side's: as `add`
        would, the newer side keeps `last` on a tie."""
        if older.revisions and (not self.revisions or older.last > self.last):
            self.last, self.last_author = older.last, older.last_author
        self.revisions += older.revisions
        self.emails |= older.emails


@dataclass(slots=True)
class _Tally:
    first: int
    edits: _Side = field(default_factory=_Side)
    bulk: _Side = field(default_factory=_Side)

    def packed(self) -> _Packed:
        return (self.first, self.edits.packed(), self.bulk.packed())

    @classmethod
    def unpacked(cls, packed: _Packed) -> _Tally:
        first, edits, bulk = packed
        return cls(first, _Side.unpacked(edits), _Side.unpacked(bulk))

    def then(self, older: _Tally) -> None:
        self.first = min(self.first, older.first)
        self.edits.then(older.edits)
        self.bulk.then(older.bulk)


#: A side as a tuple: revisions, last, last_author, e-mails.
_PackedSide = tuple[int, int, str, tuple[str, ...]]
#: A tally as a tuple: first, then its sides, edits and bulk (None when without commits).
_Packed = tuple[int, _PackedSide | None, _PackedSide | None]


@dataclass(slots=True)
class _Walk:
    """What walking commits newest first leaves. Documents are known by their current path."""

    #: A name at the oldest commit walked -> the document it continues.
    alias: dict[str, str]
    tallies: dict[str, _Tally] = field(default_factory=dict)
    bulk: int = 0
    #: An older name -> the documents that had it, in the order the walk met them.
    moves: dict[str, list[str]] = field(default_factory=dict)
    #: (document, document whose name it took): a rename onto a name another document
    #: still had, as when branches are walked as one line.
    overwrites: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class _Stored:
    """What a walk over every commit from `head` gave: the history, and what is kept to
    go on from when HEAD moves on."""

    head: str
    names: dict[str, str]  # where the walk started: each document under its name at HEAD
    tallies: dict[str, _Packed]
    bulk: int
    moves: dict[str, list[str]]
    overwrites: list[tuple[str, str]]

    @classmethod
    def of(cls, walk: _Walk, head: str, names: dict[str, str]) -> _Stored:
        tallies = {path: tally.packed() for path, tally in walk.tallies.items()}
        return cls(head, names, tallies, walk.bulk, walk.moves, walk.overwrites)

    def renames(self) -> dict[str, str]:
        return {name: documents[0] for name, documents in self.moves.items()}


#: `_tally` bound to a repository and settings: walks commits on from where a walk stands.
_TallyFn = Callable[[list[bytes], _Walk], None]


def read_history(
    root: Path,
    paths: Iterable[str],
    bulk_threshold: int = 200,
    cache_file: Path | None = None,
    jobs: int = 1,
) -> History:
    """History of the documents `paths` (POSIX, relative to `root`) from the git repository
    holding `root`, which may be a subfolder of it. Uncommitted documents have no row.
    With a `cache_file`, an unchanged HEAD is served from it and a HEAD moved forward reads
    only the new commits (see history_cache.py); a long history is read by up to `jobs`
    git processes at once."""
    git = shutil.which("git")
    if git is None:
        return _unavailable("No version history: git is not installed or not on the PATH.")
    paths = list(paths)
    try:
        prefix, shallow, partial = _locate(git, root)
        head = _head(git, root) if cache_file else None
        tally = functools.partial(_tally, git, root, prefix, bulk_threshold, partial, jobs)
        if head is None:  # nothing to store, nor to go on from
            return _history(_walk_all(git, root, paths, tally, ""), shallow, partial)
        settings = (bulk_threshold, shallow, partial, _mailmap(git, root, prefix), code_digest())
        key = history_key(head, prefix, paths, *settings)
        read = functools.partial(_read, git, root, paths, tally, shallow, partial, head)
        return cached(cache_file, key, settings_key(prefix, *settings), read)
    except _NoHistory as missing:
        return _unavailable(str(missing))
    except git_log.NotStarted as error:
        return _unavailable(f"No version history: git could not run: {error}")
    except git_log.Failed as failed:
        return _unavailable(_failure(failed.stderr, root))


def _read(
    git: str,
    root: Path,
    paths: list[str],
    tally: _TallyFn,
    shallow: bool,
    partial: bool,
    head: str,
    stored: object,
) -> tuple[History, _Stored]:
    """History at `head`, going on from `stored` (a read at an older HEAD) when that is
    exact, else read in full; and what to store to go on from next time."""
    done = None
    # A shallow clone's cut moves with a fetch: what was walked then may not be now.
    if isinstance(stored, _Stored) and not shallow:
        done = _resume(git, root, paths, tally, stored, head)
    if done is None:
        done = _walk_all(git, root, paths, tally, head)
    return _history(done, shallow, partial), done


def _history(done: _Stored, shallow: bool, partial: bool) -> History:
    notes = [SHALLOW_NOTE] * shallow + [PARTIAL_NOTE] * partial
    frame = _frame(done.tallies)
    return History(True, " ".join(notes) or None, shallow, done.bulk, frame, done.renames())


def _names(paths: list[str]) -> dict[str, str]:
    """A walk's start: each document under its name at HEAD, as git spells it."""
    return {nfc(path): path for path in paths}


def _walk_all(git: str, root: Path, paths: list[str], tally: _TallyFn, head: str) -> _Stored:
    names = _names(paths)
    walk = _Walk(dict(names))
    tally(git_log.commit_list(git, root), walk)
    return _Stored.of(walk, head, names)


def _resume(
    git: str, root: Path, paths: list[str], tally: _TallyFn, stored: _Stored, head: str
) -> _Stored | None:
    """What a walk over every commit from `head` gives, made of the commits since
    `stored.head` walked now and the stored walk of those before; None when that would
    not be exact."""
    newer = _commits_since(git, root, stored.head)
    if newer is None:
        return None
    names = _names(paths)
    walk = _Walk(dict(names))
    tally(newer, walk)
    return _continue(walk, stored, head, names)


def _commits_since(git: str, root: Path, old: str) -> list[bytes] | None:
    """The commits a full read at HEAD walks before `old`, newest first, without merges;
    None unless what it walks from `old` on is exactly what a full read at `old` walked.

    git walks from HEAD taking the waiting commit with the newest commit date. When the
    first it takes are exactly the commits since `old` (so `old` is an ancestor), then
    `old`, and none of them has a parent outside them but `old`, only `old` is waiting
    when it is taken: the walk goes on as the walk from `old` alone. A branch merged since
    that forked before `old`, or whose commits are dated before it, is read in full.
    """
    since = _run(git, root, "rev-list", "--parents", "HEAD", f"^{old}")
    if since.returncode:
        return None  # `old` is gone (a rewritten history, collected)
    parents = {line[0]: line[1:] for line in map(bytes.split, since.stdout.splitlines())}
    walked = _run(git, root, "rev-list", f"--max-count={len(parents) + 1}", "HEAD")
    order, oldest = walked.stdout.split(), old.encode()
    if walked.returncode or order[-1:] != [oldest] or set(order[:-1]) != parents.keys():
        return None
    if any(parent not in parents for parent in chain(*parents.values()) if parent != oldest):
        return None
    return [commit for commit in order[:-1] if len(parents[commit]) < 2]


def _continue(newer: _Walk, older: _Stored, head: str, names: dict[str, str]) -> _Stored | None:
    """One walk from `names` at `head` over the commits `newer` walked, then those `older`
    walked from its names.

    Walking the older commits only looks names up, so it follows the documents under the
    names `newer.alias` leaves them exactly as `older` did under the same names, provided
    `older` followed each of those names and no document it followed but `newer` does not
    took one of their names. Then each document goes on with the tally and renames of the
    document `older` followed under its name. None when that cannot be told."""
    if not newer.alias.keys() <= older.names.keys():
        return None  # a name `older` did not follow may have history
    continues = {older.names[name]: document for name, document in newer.alias.items()}
    if len(set(continues.values())) < len(continues):
        return None  # one document under two names: a commit touching both counts once
    if any(taken in continues and by not in continues for by, taken in older.overwrites):
        return None
    untouched = {}
    for path, packed in older.tallies.items():
        document = continues.get(path)
        if document in newer.tallies:
            newer.tallies[document].then(_Tally.unpacked(packed))
        elif document is not None:
            untouched[document] = packed
    for name, movers in older.moves.items():
        for mover in filter(continues.__contains__, movers):
            known = newer.moves.setdefault(name, [])
            if continues[mover] not in known:
                known.append(continues[mover])
    newer.overwrites += [
        (continues[by], continues[taken])
        for by, taken in older.overwrites
        if by in continues and taken in continues
    ]
    newer.bulk += older.bulk
    done = _Stored.of(newer, head, names)
    done.tallies.update(untouched)
    return done


def _head(git: str, root: Path) -> str | None:
    """The commit HEAD names; None in a repository without commits."""
    found = _run(git, root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    if found.returncode:
        return None
    return decode_text(found.stdout).strip() or None


def _mailmap(git: str, root: Path, prefix: str) -> bytes:
    """What maps authors' names (.mailmap at the top of the work tree, and git's mailmap
    settings): part of the history cache's key, as it changes `last_author`."""
    top = root.joinpath(*[".."] * prefix.count("/"))
    try:
        text = (top / ".mailmap").read_bytes()
    except OSError:
        text = b""
    return text + _run(git, root, "config", "--get-regexp", r"^mailmap\.").stdout


def empty_history_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {column: pd.Series(dtype=dtype) for column, dtype in HISTORY_COLUMNS.items()},
        index=pd.Index([], dtype=object, name="path"),
    )


def _unavailable(note: str) -> History:
    return History(False, note, False, 0, empty_history_frame())


def _run(git: str, root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return run_git(git, root, *args)
    except OSError as error:
        raise _NoHistory(f"No version history: git could not run: {error}") from error


def _locate(git: str, root: Path) -> tuple[str, bool, bool]:
    """The scanned folder's path inside the repository ("" at its top, else ending in "/"),
    and whether the clone is shallow or partial."""
    found = _run(
        git, root, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"
    )
    if found.returncode:
        raise _NoHistory(_failure(found.stderr, root))
    # Read from the end: the top folder's path is the likeliest to hold odd characters.
    lines = decode_text(found.stdout).removesuffix("\n").split("\n")
    if len(lines) < 3:
        raise _NoHistory(f"No version history: git rev-parse said {lines!r}.")
    prefix, shallow = lines[-2], lines[-1]
    return prefix, shallow == "true", _is_partial(git, root)


def _is_partial(git: str, root: Path) -> bool:
    """Whether objects may be missing, to be fetched on demand: a promisor remote, as a
    blobless clone sets up (`--filter=blob:none`)."""
    pattern = r"^(extensions\.partialclone|remote\..*\.promisor)$"
    found = _run(git, root, "config", "--get-regexp", pattern).stdout
    for line in decode_text(found).splitlines():
        key, _, value = line.partition(" ")
        if key == "extensions.partialclone" or value.lower() in ("true", "yes", "on", "1"):
            return True
    return False


def _failure(stderr: bytes, root: Path) -> str:
    lines = [line.strip() for line in decode_text(stderr).splitlines() if line.strip()]
    first = next((line for line in lines if line.startswith(("fatal:", "error:"))), "")
    first = first or (lines[0] if lines else "no message")
    if "not a git repository" in first:
        return f"No version history: {root} is not in a git repository."
    if "does not have any commits yet" in first or "ambiguous argument 'HEAD'" in first:
        return "No version history: the repository has no commits yet."
    return f"No version history: git failed: {first}"


def _tally(
    git: str,
    root: Path,
    prefix: str,
    bulk_threshold: int,
    partial: bool,
    jobs: int,
    commits: list[bytes],
    walk: _Walk,
) -> None:
    """Walks `commits` (newest first) with `git log`, going on from where `walk` stands.
    Its `alias` maps a name a document had at this point of history to its current path:
    a rename seen going back in time moves the document to its older name; an addition
    ends its history."""
    for commit in git_log.read(git, root, commits, prefix, partial, jobs):
        is_bulk = len(commit.changes) > bulk_threshold
        walk.bulk += is_bulk
        for current in _follow(commit, walk):
            tally = walk.tallies.get(current)
            if tally is None:
                tally = walk.tallies[current] = _Tally(first=commit.when)
            tally.first = min(tally.first, commit.when)
            (tally.bulk if is_bulk else tally.edits).add(commit)


def _follow(commit: git_log.Commit, walk: _Walk) -> list[str]:
    """The current paths of the documents `commit` touched; updates `walk.alias` to the
    names they had before it, and records each older name in `walk.moves`. All lookups
    see the names after the commit, so `R a b` + `A a` (a renamed to b, a new a) keeps
    both documents apart."""
    alias = walk.alias
    touched: dict[str, None] = {}
    ended, moved = [], []
    for status, old, new in commit.changes:
        current = alias.get(new)
        if current is None or status == "D":
            continue
        touched[current] = None
        if status in "ACR":
            ended.append(new)
            if status == "R" and old is not None:
                moved.append((old, current))
    for name in ended:
        alias.pop(name, None)
    for old, current in moved:
        taken = alias.get(old)
        if taken is not None and taken != current:
            walk.overwrites.append((current, taken))
        alias[old] = current
        movers = walk.moves.setdefault(old, [])
        if current not in movers:
            movers.append(current)
    return list(touched)


def _frame(tallies: dict[str, _Packed]) -> pd.DataFrame:
    if not tallies:
        return empty_history_frame()
    paths = sorted(tallies)
    packed = [tallies[path] for path in paths]
    # A document touched only by bulk commits takes its dates and authors from them.
    sides = [edits or bulk for _, edits, bulk in packed]
    index = pd.Index(paths, dtype=object, name="path")
    frame = pd.DataFrame(
        {
            "last_change": _utc([last for _, last, _, _ in sides]),
            "first_change": _utc([first for first, _, _ in packed]),
            "revisions": [revisions for revisions, _, _, _ in sides],
            "authors": [len(emails) for _, _, _, emails in sides],
            "last_author": [author for _, _, author, _ in sides],
        },
        index=index,
    )
    return frame.astype(HISTORY_COLUMNS)


def _utc(seconds: list[int]) -> pd.DatetimeIndex:
    # A nonsense author date (year 30000) becomes NaT rather than an overflow.
    return pd.to_datetime(seconds, unit="s", utc=True, errors="coerce").as_unit("ns")
