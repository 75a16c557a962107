"""The programmatic entry point: `audit(path, config) -> AuditResult`. No click here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from auditor import __version__
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
    """One JSON object per document: the facts a reader of the report wants to see."""
    per_doc = Counter(f.path for f in findings)
    links = corpus.links
    internal = links[links["scope"] == "internal"]
    inbound = internal[internal["source"] != internal["target_path"]]["target_path"].value_counts()
    outbound = links["source"].value_counts()
    facts = []
    for path, doc in corpus.documents.iterrows():
        facts.append(
            {
                "path": path,
                "title": _plain(doc["title"]),
                "title_source": _plain(doc["title_source"]),
                "folder": _plain(doc["folder"]),
                "type": _plain(doc["type"]),
                "owner": _plain(doc["owner"]),
                "words": int(doc["words"]),
                "summary": _plain(doc["summary"]),
                "is_entry": bool(doc["is_entry"]),
                "dates": {
                    column: {"value": _iso(doc[column]), "source": doc[f"{column}_source"]}
                    for column in ("reviewed", "changed", "expires")
                    if not pd.isna(doc[column])
                },
                "date_basis": doc["date_basis"],
                "links_out": int(outbound.get(path, 0)),
                "links_in": int(inbound.get(path, 0)),
                "click_depth": _integer(doc["click_depth"]),
                "revisions": _integer(doc.get("revisions")),
                "views": _number(doc["views"]),
                "users": _number(doc["users"]),
                "last_viewed": None if pd.isna(doc["last_viewed"]) else _iso(doc["last_viewed"]),
                "usage_match": _plain(doc["usage_match"]),
                "findings": per_doc.get(path, 0),
                "score": scores[path],
            }
        )
    return facts


def _plain(value: Any) -> Any:
    """A cell as a JSON value: pandas' missing markers become None."""
    return None if value is None or (isinstance(value, float) and value != value) else value


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _integer(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _iso(value: pd.Timestamp) -> str:
    return value.date().isoformat() if value == value.normalize() else value.isoformat()
