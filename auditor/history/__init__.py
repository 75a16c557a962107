"""The audit history: each audit appends its summary to an SQLite database the user names
(`--history` or `history` in the config), and the report shows the trend and what is new
and what was fixed since the previous audit of the same folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditor.history.store import Run, append, prepare
from auditor.history.trend import finding_ref, history_facts
from auditor.model import AuditResult

INSIDE_WARNING = (
    "the history database is inside the scanned folder: kb-audit will see it as a file next time"
)

__all__ = ["prepare_history", "record_history"]


def prepare_history(database: str) -> None:
    """Create or check the database before scanning: a bad path should not cost a scan."""
    prepare(Path(database))


def record_history(database: str, root: Path, result: AuditResult) -> dict[str, Any]:
    """Append this audit and return the trend facts for `AuditResult.history`."""
    key = root.resolve()
    db = Path(database).resolve()
    inside = key.is_dir() and db.is_relative_to(key)
    current = [finding_ref(f) for f in result.findings]
    s = result.summary
    appended = append(
        Path(database),
        key.as_posix(),
        Run(result.now, s.score.value, s.documents, dict(s.findings)),
        result.tool["version"],
        current,
    )
    return history_facts(database, current, appended, INSIDE_WARNING if inside else None)
