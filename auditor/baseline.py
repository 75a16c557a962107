"""Baselines: the findings a team has accepted for now, so that only new ones fail.

A large wiki adopts kb-audit by recording today's findings (`--write-baseline FILE`) and
committing the file; later audits (`--baseline FILE`) fail only on findings not in it.
Findings are matched on their fingerprint (rule, path and distinguishing evidence, never
the line), so edits elsewhere in a page, moved lines and reordering keep them matched; a
page moved to another path keeps its entries when version history shows the move.
An entry may carry an expiry date (`expires`), after which its finding fails again.

The file is JSON, one entry per finding, sorted so that its diffs read well in review.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from auditor.atomic import write_atomically
from auditor.errors import InputError
from auditor.model import Finding

FORMAT_KEY = "kb-audit-baseline"
FORMAT_VERSION = 1
_DAYS = re.compile(r"^(\d+)d$")


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    id: str
    rule: str
    path: str
    message: str
    expires: dt.date | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Baseline:
    file: str
    created: str | None
    entries: dict[str, Entry]  # by fingerprint


def read_baseline(path: Path) -> Baseline:
    """The baseline in `path`; a missing or malformed file is a usage error (exit 2)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            f"baseline not found: {path} (record one with --write-baseline {path})"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"baseline {path} cannot be read: {exc}") from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION:
        raise InputError(
            f"baseline {path} is not a kb-audit baseline (version {FORMAT_VERSION}): "
            "record one with --write-baseline"
        )
    entries = {}
    for n, raw in enumerate(data.get("entries") or [], start=1):
        entry = _entry(raw, f"baseline {path}, entry {n}")
        entries[entry.fingerprint] = entry
    created = data.get("created")
    return Baseline(str(path), created if isinstance(created, str) else None, entries)


def _entry(raw: Any, where: str) -> Entry:
    if not isinstance(raw, dict) or not isinstance(raw.get("fingerprint"), str):
        raise InputError(f"{where}: an entry needs at least a fingerprint")
    expires = raw.get("expires")
    try:
        expires = dt.date.fromisoformat(expires) if expires is not None else None
    except (TypeError, ValueError):
        raise InputError(f"{where}: expires must be a date (YYYY-MM-DD), not {expires!r}") from None
    text = {k: str(raw.get(k, "")) for k in ("id", "rule", "path", "message")}
    return Entry(raw["fingerprint"], **text, expires=expires)


def expiry_date(value: str, today: dt.date) -> dt.date:
    """`--baseline-expires`: a date (2027-03-31) or a number of days from today (90d)."""
    days = _DAYS.match(value.strip())
    if days:
        return today + dt.timedelta(days=int(days.group(1)))
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"--baseline-expires: {value!r} is neither a date (YYYY-MM-DD) nor days (90d)"
        ) from None


def write_baseline(
    path: Path, findings: Iterable[Finding], today: dt.date, expires: dt.date | None = None
) -> int:
    """Record `findings` in `path`; returns the number of entries. An entry of the file
    being replaced keeps its expiry unless `expires` sets a new one for all."""
    previous = _previous_expiry(path)
    entries = [
        {
            "fingerprint": f.fingerprint,
            "id": f.id,
            "rule": f.rule,
            "path": f.path,
            "message": f.message,
            **_expiry(expires or previous.get(f.fingerprint)),
        }
        for f in sorted(findings, key=lambda f: (f.path, f.id, f.fingerprint))
    ]
    document = {
        FORMAT_KEY: FORMAT_VERSION,
        "created": today.isoformat(),
        "note": "Findings accepted for now: kb-audit --baseline fails only on others.",
        "entries": entries,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise InputError(f"cannot write baseline {path}: {exc.strerror or exc}") from None
    return len(entries)


def _previous_expiry(path: Path) -> dict[str, dt.date]:
    try:
        old = read_baseline(path)
    except InputError:
        return {}
    return {e.fingerprint: e.expires for e in old.entries.values() if e.expires}


def _expiry(date: dt.date | None) -> dict[str, str]:
    return {"expires": date.isoformat()} if date else {}


def compare(
    findings: list[Finding],
    baseline: Baseline,
    today: dt.date,
    former_names: Callable[[], dict[str, list[str]]],
    fingerprint_at: Callable[[Finding, str], str | None],
    checked: Callable[[str], bool] = lambda path: True,
) -> tuple[list[Finding], dict[str, Any]]:
    """Each finding marked "new", "unchanged" or "expired", and the figures of the match.

    `former_names()` gives each current path its earlier names from version history; it
    is called only when entries are left on paths that no longer exist. `fingerprint_at`
    recomputes a finding's fingerprint as if on another path. An entry left unmatched
    counts as absent (fixed) only if its path was `checked`: when only a change is
    checked, the other pages' entries are not fixed, just not looked at."""
    entries = baseline.entries
    matched: dict[str, Entry] = {}
    unmatched: list[int] = []
    for i, finding in enumerate(findings):
        entry = entries.get(finding.fingerprint)
        if entry is not None:
            matched[i] = entry
        else:
            unmatched.append(i)
    renamed = 0
    used = {e.fingerprint for e in matched.values()}
    gone = {e.path for fp, e in entries.items() if fp not in used}
    if unmatched and gone - {f.path for f in findings}:
        earlier = former_names()
        for i in unmatched:
            finding = findings[i]
            for old in earlier.get(finding.path, ()):
                if old not in gone:
                    continue
                entry = entries.get(_with_occurrence(fingerprint_at(finding, old), finding))
                if entry is not None and entry.fingerprint not in used:
                    matched[i], renamed = entry, renamed + 1
                    used.add(entry.fingerprint)
                    break
    marked = []
    for i, finding in enumerate(findings):
        entry = matched.get(i)
        state = "new"
        if entry is not None:
            state = "expired" if entry.expires and entry.expires < today else "unchanged"
        marked.append(dataclasses.replace(finding, baseline=state))
    counts = {s: sum(f.baseline == s for f in marked) for s in ("new", "unchanged", "expired")}
    facts = {
        "file": baseline.file,
        "created": baseline.created,
        "entries": len(entries),
        **counts,
        "renamed": renamed,
        "absent": sum(fp not in used and checked(e.path) for fp, e in entries.items()),
    }
    return marked, facts


def _with_occurrence(fingerprint: str | None, finding: Finding) -> str | None:
    """The occurrence suffix (":2") of `finding`'s fingerprint, carried over."""
    if fingerprint is None:
        return None
    _, colon, occurrence = finding.fingerprint.partition(":")
    return f"{fingerprint}{colon}{occurrence}"
