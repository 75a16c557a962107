"""The audit history database: embedded SQLite, one row per audit, safe to share.

Runs are keyed by the scanned folder's resolved path, so several wikis can share one file,
and ordered by the date each audit is *as of* (`now`), ties by the order they were
appended: an audit made later with `--now` in the past takes its place in the trend by date.

Concurrency: WAL mode, a busy timeout, and every write in one `BEGIN IMMEDIATE`
transaction, so concurrent kb-audit processes queue for the write lock instead of failing,
and each sees the runs committed before it as its predecessors.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from auditor.errors import InputError

SCHEMA_VERSION = 1
#: MIGRATIONS[i] takes the schema from version i to i + 1; append, never edit.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            root TEXT NOT NULL,
            now TEXT NOT NULL,
            started TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            documents INTEGER NOT NULL,
            score INTEGER NOT NULL,
            errors INTEGER NOT NULL,
            warnings INTEGER NOT NULL,
            infos INTEGER NOT NULL
        )""",
        "CREATE INDEX runs_by_root_now ON runs (root, now, id)",
        """CREATE TABLE rule_counts (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            rule_id TEXT NOT NULL,
            rule TEXT NOT NULL,
            findings INTEGER NOT NULL,
            PRIMARY KEY (run_id, rule_id)
        )""",
        """CREATE TABLE findings (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            rule TEXT NOT NULL,
            path TEXT NOT NULL,
            severity TEXT NOT NULL
        )""",
        "CREATE INDEX findings_by_run ON findings (run_id)",
    ),
)
BUSY_TIMEOUT_S = 60.0
#: How many runs the trend shows, this one included.
RECENT = 20
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class FindingRef:
    """A finding as the history keeps it: enough to say what was fixed."""

    fingerprint: str
    id: str
    rule: str
    path: str
    severity: str


@dataclass(frozen=True, slots=True)
class Run:
    """One audit's summary, as appended and as read back."""

    now: str
    score: int
    documents: int
    findings: dict[str, int]  # per severity


@dataclass(frozen=True, slots=True)
class Appended:
    """What appending a run learned: its predecessor and the trend up to it."""

    previous: Run | None
    previous_findings: list[FindingRef]
    recent: list[Run]  # oldest first, ending with the run just appended


def normalise_now(now: str) -> str:
    """UTC, whole seconds: ISO strings in one form sort as the dates they are."""
    return datetime.fromisoformat(now).astimezone(UTC).isoformat(timespec="seconds")


def _storable(text: str) -> str:
    """SQLite keeps UTF-8: a name that was not (surrogate-escaped bytes) is kept as
    `\\udcff` escapes, as the reports show it."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def prepare(path: Path) -> None:
    """Create or migrate the database, so a bad path fails before the scan, not after."""
    with _connection(path):
        pass


def append(
    path: Path, root: str, run: Run, tool_version: str, findings: list[FindingRef]
) -> Appended:
    """Read this root's previous run and append this one, in one write transaction."""
    root = _storable(root)
    with _connection(path) as conn, _write(conn, path):
        now = normalise_now(run.now)
        row = conn.execute(
            "SELECT id, now, score, documents, errors, warnings, infos FROM runs"
            " WHERE root = ? AND now <= ? ORDER BY now DESC, id DESC LIMIT 1",
            (root, now),
        ).fetchone()
        previous = _run(row) if row else None
        previous_findings = [
            FindingRef(*r)
            for r in conn.execute(
                "SELECT fingerprint, rule_id, rule, path, severity FROM findings"
                " WHERE run_id = ? ORDER BY rowid",
                (row[0],),
            )
        ] if row else []  # fmt: skip
        run_id = conn.execute(
            "INSERT INTO runs (root, now, started, tool_version, documents, score, errors,"
            " warnings, infos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                root, now, datetime.now(UTC).isoformat(timespec="seconds"), tool_version,
                run.documents, run.score, *(run.findings.get(s, 0) for s in SEVERITIES),
            ),
        ).lastrowid  # fmt: skip
        per_rule: dict[tuple[str, str], int] = {}
        for f in findings:
            per_rule[(f.id, f.rule)] = per_rule.get((f.id, f.rule), 0) + 1
        conn.executemany(
            "INSERT INTO rule_counts VALUES (?, ?, ?, ?)",
            [(run_id, rule_id, rule, n) for (rule_id, rule), n in sorted(per_rule.items())],
        )
        conn.executemany(
            "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?)",
            [
                (run_id, f.fingerprint, f.id, f.rule, _storable(f.path), f.severity)
                for f in findings
            ],
        )
        rows = conn.execute(
            "SELECT id, now, score, documents, errors, warnings, infos FROM runs"
            " WHERE root = ? AND (now < ? OR (now = ? AND id <= ?))"
            " ORDER BY now DESC, id DESC LIMIT ?",
            (root, now, now, run_id, RECENT),
        ).fetchall()
    return Appended(previous, previous_findings, [_run(r) for r in reversed(rows)])


def _run(row: tuple) -> Run:
    _, now, score, documents, *counts = row
    return Run(now, score, documents, dict(zip(SEVERITIES, counts, strict=True)))


@contextmanager
def _connection(path: Path) -> Iterator[sqlite3.Connection]:
    """An open, migrated database; every SQLite failure becomes one clear InputError."""
    if path.is_dir():
        raise InputError(f"history database {path} is a folder: name a file inside it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the folder of history database {path}: {exc}") from None
    conn = None
    try:
        # isolation_level=None: we issue BEGIN IMMEDIATE ourselves, Python adds nothing.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        _retry_locked(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        _migrate(conn, path)
        yield conn
    except sqlite3.Error as exc:
        raise _error(path, exc) from None
    finally:
        if conn is not None:
            conn.close()


@contextmanager
def _write(conn: sqlite3.Connection, path: Path) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")  # take the write lock now: no upgrade deadlock later
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    with _write(conn, path):
        tables = {
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables:
            conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            conn.execute("INSERT INTO schema_version VALUES (0)")
            version = 0
        elif "schema_version" not in tables:
            # Someone else's database: never write into it.
            raise InputError(f"{path} is an SQLite database, but not a kb-audit history")
        else:
            version = conn.execute("SELECT version FROM schema_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise InputError(
                f"history database {path} has schema version {version}, newer than this "
                f"kb-audit knows ({SCHEMA_VERSION}): upgrade kb-audit"
            )
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                conn.execute(statement)
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))


def _retry_locked(step, attempts: int = 100):
    """Switching a new file to WAL can meet a concurrent opener's lock without waiting for
    the busy timeout; it is brief, so wait and try again."""
    for attempt in range(attempts):
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05)
    return None


def _error(path: Path, exc: sqlite3.Error) -> InputError:
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return InputError(f"{path} is not a kb-audit history database ({text})")
    return InputError(f"cannot use history database {path}: {text}")
