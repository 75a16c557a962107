"""The short summary a person sees on the terminal after a scan."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from auditor.model import AuditResult, Severity
from auditor.render.text import clean

COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
TOP = 10


def summary_lines(result: AuditResult, written: list[Path], fail_on: str) -> list[str]:
    s = result.summary
    counts = ", ".join(
        click.style(f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}", fg=COLOURS[sev])
        for sev, n in s.findings.items()
    )
    lines = [
        f"kb-audit {result.tool['version']} · {clean(result.root)} · as of {result.now[:10]}",
        f"{s.documents} documents · score {click.style(str(s.score.value), bold=True)}/100 · "
        + counts,
    ]
    lines.extend(_history_lines(result.history))
    lines.extend(_scope_lines(result.scope))
    lines.extend(_baseline_lines(result.baseline))
    usage = result.inputs.get("usage")
    if usage:
        lines.append(
            f"Usage: {usage['match_share']:.0%} of {usage['views_total']:,} page views "
            "matched a document."
        )
        if usage.get("warning"):
            lines.append(click.style(usage["warning"], fg="red", bold=True))
    by_rule = Counter((f.severity.value, f.id, f.rule) for f in result.findings)
    for (sev, rule_id, name), n in sorted(
        by_rule.items(), key=lambda kv: (-Severity(kv[0][0]).rank, kv[0][1])
    ):
        lines.append(f"  {click.style(f'{sev:<8}', fg=COLOURS[sev])}{rule_id} {name:<24}{n:>6}")
    if result.findings:
        lines.append("First findings:")
        first = sorted(result.findings, key=lambda f: f.baseline == "unchanged")  # new first
        for f in first[:TOP]:
            where = f"{clean(f.path)}:{f.line}" if f.line else clean(f.path)
            mark = " (baselined)" if f.baseline == "unchanged" else ""
            lines.append(f"  {where}  {f.id} {clean(f.message)}{mark}")
        if len(result.findings) > TOP:
            lines.append(f"  … and {len(result.findings) - TOP} more in the report.")
    skipped_rules = [r for r in result.rules if not r.ran]
    for run in skipped_rules:
        lines.append(f"Skipped {run.id} {run.rule}: {run.skipped_reason}.")
    for problem in result.inputs.get("plugin_problems", ()):
        lines.append(click.style(f"Skipped {problem}", fg="yellow"))
    if s.suppressed:
        lines.append(
            f"{s.suppressed} findings silenced by pages or the config (listed in the report)."
        )
    if s.skipped:
        noun = "file or folder" if s.skipped == 1 else "files or folders"
        lines.append(f"Skipped {s.skipped} {noun} (listed in the report).")
    if not s.documents:
        lines.append(click.style("No documents found: is this the right folder?", fg="yellow"))
    for path in written:
        lines.append(f"Wrote {path}")
    failing = result.failing(fail_on)
    if failing:
        lines.append(
            click.style(
                f"{_count(len(failing), 'finding')} at or above '{fail_on}' (--fail-on).", fg="red"
            )
        )
    return lines


def _history_lines(history: dict | None) -> list[str]:
    """One line of trend when history is on: "Score 87 (+3 since 2026-10-27): 4 new …"."""
    if history is None:
        return []
    lines = []
    previous = history["previous"]
    if previous is None:
        lines.append(f"History: first audit of this folder in {history['database']}.")
    else:
        new = len(history["new"])
        lines.append(
            f"Score {history['runs'][-1]['score']} ({history['score_change']:+d} since "
            f"{previous['now'][:10]}): {new} new finding{'' if new == 1 else 's'}, "
            f"{len(history['fixed'])} fixed."
        )
    if history.get("warning"):
        lines.append(click.style(f"Warning: {history['warning']}.", fg="yellow"))
    return lines


def _scope_lines(scope: dict | None) -> list[str]:
    if scope is None:
        return []
    since = scope.get("changed_since")
    what = f"changed since {since}" if since else f"listed in {scope.get('files')}"
    lines = [
        f"Checked {_count(scope['documents'], 'document')} {what} (the whole folder was "
        f"read); {_count(scope['findings_outside'], 'finding')} on other documents not "
        "reported."
    ]
    if scope["ignored"]:
        lines.append(f"Not documents of the folder, so not checked: {len(scope['ignored'])}.")
    return lines


def _baseline_lines(baseline: dict | None) -> list[str]:
    """One line: Baseline FILE: 3 new, 30 baselined, 1 expired; 2 entries no longer found …"""
    if baseline is None:
        return []
    line = (
        f"Baseline {baseline['file']}: {baseline['new']} new, {baseline['unchanged']} "
        f"baselined, {baseline['expired']} expired"
    )
    if baseline["renamed"]:
        line += f" ({baseline['renamed']} followed to a page's new name)"
    if baseline["absent"]:
        entries = "entry" if baseline["absent"] == 1 else "entries"
        line += (
            f"; {baseline['absent']} {entries} no longer found (fixed): write the baseline "
            "again to drop them"
        )
    return [line + "."]


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
