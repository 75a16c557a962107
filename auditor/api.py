"""The programmatic entry point: `audit(path, config) -> AuditResult`. No click here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from auditor import __version__, heap
from auditor.baseline import compare, read_baseline
from auditor.config import Config
from auditor.corpus import Corpus
from auditor.engine import plan_rules, run_rules
from auditor.errors import ConfigError
from auditor.history import prepare_history, record_history
from auditor.load import load_corpus
from auditor.load.changes import Scope, in_scope
from auditor.load.dates import parse_now
from auditor.load.history import read_history
from auditor.model import AuditResult, Finding, Severity, Summary
from auditor.registry import plugin_problems
from auditor.rule import Rule
from auditor.scoring import document_scores, overall_score
from auditor.timing import Stopwatch


@heap.paused()  # see auditor/heap.py
def audit(
    path: str | Path,
    config: Config | None = None,
    progress=None,
    scope: Scope | None = None,
    timings: dict[str, float] | None = None,
) -> AuditResult:
    """Audit the folder `path`. With a `scope`, findings are reported only for the
    documents in it, though every document is read. `timings` (a dict) receives the
    seconds each stage took."""
    clock = Stopwatch(timings)
    config = config or Config()
    try:
        now = parse_now(config.now)
    except ValueError as exc:
        raise ConfigError(f"--now: {exc}") from None
    plan = plan_rules(config)  # refuse a bad rule configuration before reading any file
    if config.history:
        prepare_history(config.history)  # likewise an unusable history database
    baseline = read_baseline(Path(config.baseline)) if config.baseline else None
    corpus = load_corpus(Path(path), config, now, progress=progress, timings=timings)
    with clock.stage("rules"):
        findings, suppressed, runs = run_rules(corpus, plan)
    scope_facts = None
    if scope is not None:
        findings, suppressed, scope_facts = _in_scope(findings, suppressed, scope, corpus)
    baseline_facts = None
    if baseline is not None:
        findings, baseline_facts = compare(
            findings,
            baseline,
            now.date(),
            former_names=lambda: _former_names(corpus, config),
            fingerprint_at=_fingerprint_at({p.cls.id: p.cls for p in plan}),
            checked=(lambda p: in_scope(p, scope)) if scope else (lambda p: True),
        )
    with clock.stage("result"):
        scores = document_scores(list(corpus.documents.index), findings)
        per_severity = Counter(f.severity.value for f in findings)
        summary = Summary(
            documents=len(corpus.documents),
            files_seen=corpus.files_seen,
            assets=len(corpus.assets),
            skipped=len(corpus.skipped),
            findings={s.value: per_severity.get(s.value, 0) for s in Severity},
            documents_with_findings=len({f.path for f in findings if f.path in scores}),
            suppressed=len(suppressed),
            score=overall_score(scores),
            date_sources=corpus.facts.get("dates", {}).get("sources", {}),
        )
        result = AuditResult(
            tool={"name": "kb-audit", "version": __version__},
            now=now.isoformat(),
            root=Path(path).as_posix(),
            summary=summary,
            rules=runs,
            findings=findings,
            suppressed=suppressed,
            documents=_document_facts(corpus, findings, scores),
            skipped=corpus.skipped,
            inputs={**corpus.facts, "plugin_problems": list(plugin_problems())},
            config=config.to_dict(),
            baseline=baseline_facts,
            scope=scope_facts,
        )
    if config.history:
        with clock.stage("history-db"):
            result.history = record_history(config.history, Path(path), result)
    return result


def _in_scope(
    findings: list[Finding], suppressed: list[Finding], scope: Scope, corpus: Corpus
) -> tuple[list[Finding], list[Finding], dict[str, Any]]:
    kept = [f for f in findings if in_scope(f.path, scope)]
    documents = sorted(scope.paths & set(corpus.documents.index))
    facts = {
        "kind": scope.kind,
        ("changed_since" if scope.kind == "changed-since" else "files"): scope.source,
        "documents": len(documents),
        "paths": documents,
        "ignored": sorted(scope.paths - set(documents)) + list(scope.outside),
        "findings_outside": len(findings) - len(kept),
    }
    return kept, [f for f in suppressed if in_scope(f.path, scope)], facts


def _former_names(corpus: Corpus, config: Config) -> dict[str, list[str]]:
    """Each document's earlier names, from the history already read or, when the config
    turned history off, from one pass of git log now."""
    renames = corpus.renames
    if not config.git_history:
        renames = read_history(Path(corpus.root), corpus.documents.index).renames
    earlier: dict[str, list[str]] = {}
    for old, current in renames.items():
        earlier.setdefault(current, []).append(old)
    return earlier


def _fingerprint_at(rules: dict[str, type[Rule]]):
    def at(finding: Finding, path: str) -> str | None:
        rule = rules.get(finding.id)
        return rule.fingerprint_at(path, finding.evidence) if rule else None

    return at


def _document_facts(
    corpus: Corpus, findings: list[Finding], scores: dict[str, int]
) -> list[dict[str, Any]]:
    """One JSON object per document: the facts a reader of the report wants to see.

    Built column by column (missing markers and dates converted over whole columns), then
    zipped into one dict a document: no per-row pandas access, which at 100,000 documents
    cost seconds."""
    docs = corpus.documents
    if docs.empty:
        return []
    per_doc = Counter(f.path for f in findings)
    paths = docs.index.tolist()
    outbound, inbound = _link_counts(docs.index, corpus.links)
    columns = zip(
        paths,
        _plain_cells(docs["title"]),
        _plain_cells(docs["title_source"]),
        _plain_cells(docs["folder"]),
        _plain_cells(docs["type"]),
        _plain_cells(docs["owner"]),
        docs["words"].tolist(),
        _plain_cells(docs["summary"]),
        docs["is_entry"].tolist(),
        _date_facts(docs),
        docs["date_basis"].tolist(),
        outbound,
        inbound,
        _integer_cells(docs["click_depth"]),
        _integer_cells(docs["revisions"]) if "revisions" in docs else [None] * len(paths),
        _number_cells(docs["views"]),
        _number_cells(docs["users"]),
        _iso_cells(docs["last_viewed"]),
        _plain_cells(docs["usage_match"]),
        strict=True,
    )
    return [
        {
            "path": path,
            "title": title,
            "title_source": title_source,
            "folder": folder,
            "type": type_,
            "owner": owner,
            "words": int(words),
            "summary": summary,
            "is_entry": bool(is_entry),
            "dates": dates,
            "date_basis": date_basis,
            "links_out": links_out,
            "links_in": links_in,
            "click_depth": click_depth,
            "revisions": revisions,
            "views": views,
            "users": users,
            "last_viewed": last_viewed,
            "usage_match": usage_match,
            "findings": per_doc.get(path, 0),
            "score": scores[path],
        }
        for (
            path,
            title,
            title_source,
            folder,
            type_,
            owner,
            words,
            summary,
            is_entry,
            dates,
            date_basis,
            links_out,
            links_in,
            click_depth,
            revisions,
            views,
            users,
            last_viewed,
            usage_match,
        ) in columns
    ]


def _date_facts(docs: pd.DataFrame) -> list[dict[str, dict[str, Any]]]:
    """Each document's dates that it has, with their sources: reviewed, changed, expires."""
    facts: list[dict[str, dict[str, Any]]] = [{} for _ in range(len(docs))]
    for column in ("reviewed", "changed", "expires"):
        values = _iso_cells(docs[column])
        sources = docs[f"{column}_source"].tolist()
        for entry, value, source in zip(facts, values, sources, strict=True):
            if value is not None:
                entry[column] = {"value": value, "source": source}
    return facts


def _link_counts(paths: pd.Index, links: pd.DataFrame) -> tuple[list[int], list[int]]:
    """Per document of `paths`: its links (any kind), and the internal links to it from
    other documents (a link to itself does not count)."""
    if not paths.is_unique:  # never from the load stage; counted by path all the same
        internal = links[links["scope"] == "internal"]
        to_others = internal[internal["source"] != internal["target_path"]]
        return (
            [int(n) for n in links["source"].value_counts().reindex(paths, fill_value=0)],
            [int(n) for n in to_others["target_path"].value_counts().reindex(paths, fill_value=0)],
        )
    source = paths.get_indexer(links["source"])  # -1: not a document
    target = paths.get_indexer(links["target_path"])
    inbound = (links["scope"] == "internal").to_numpy() & (target >= 0) & (source != target)
    return (
        np.bincount(source[source >= 0], minlength=len(paths)).tolist(),
        np.bincount(target[inbound], minlength=len(paths)).tolist(),
    )


def _plain_cells(column: pd.Series) -> list[Any]:
    """`_plain` of every cell of the column."""
    return [None if v is None or (isinstance(v, float) and v != v) else v for v in column.tolist()]


def _number_cells(column: pd.Series) -> list[float | None]:
    """`_number` of every cell of the column."""
    if column.dtype.kind not in "biuf":
        return [_number(v) for v in column.tolist()]
    missing = column.isna().tolist()
    return [None if m else float(v) for v, m in zip(column.tolist(), missing, strict=True)]


def _integer_cells(column: pd.Series) -> list[int | None]:
    """`_integer` of every cell of the column."""
    if column.dtype.kind not in "biuf":
        return [_integer(v) for v in column.tolist()]
    missing = column.isna().tolist()
    return [None if m else int(v) for v, m in zip(column.tolist(), missing, strict=True)]


def _iso_cells(column: pd.Series) -> list[str | None]:
    """`_iso` of every date of the column, None where it has none (NaT, None, NaN).

    Dates at midnight are written by numpy over the whole column; dates with a time in UTC
    (git's, a file's modification time) likewise, to the second or the microsecond; any
    other one (another time zone, nanoseconds) by `_iso`."""
    if column.dtype.kind != "M":  # an object column (last_viewed): Timestamps and NaT
        # A date column when all its dates share one time zone; else cell by cell.
        column = column.infer_objects()
        if column.dtype.kind != "M":
            return [None if v is None or pd.isna(v) else _iso(v) for v in column.tolist()]
    tz = getattr(column.dtype, "tz", None)
    wall = (column.dt.tz_localize(None) if tz is not None else column).to_numpy()
    days = wall.astype("datetime64[D]")
    present = ~np.isnat(wall)
    midnight = (wall == days) & present
    out = np.full(len(wall), None, dtype=object)
    out[midnight] = np.datetime_as_string(days[midnight])
    timed = present & ~midnight
    if timed.any():
        rest = timed
        if tz is None or tz.utcoffset(None) == pd.Timedelta(0):
            # isoformat: seconds, or six decimals when there is a fraction of a second
            suffix = "" if tz is None else "+00:00"
            for unit in ("s", "us"):
                exact = wall.astype(f"datetime64[{unit}]")
                whole = (wall == exact) & rest
                out[whole] = np.char.add(np.datetime_as_string(exact[whole]), suffix)
                rest = rest & ~whole
        if rest.any():
            out[rest] = [_iso(v) for v in column[rest].tolist()]
    return out.tolist()


def _plain(value: Any) -> Any:
    """A cell as a JSON value: pandas' missing markers become None."""
    return None if value is None or (isinstance(value, float) and value != value) else value


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _integer(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _iso(value: pd.Timestamp) -> str:
    return value.date().isoformat() if value == value.normalize() else value.isoformat()
