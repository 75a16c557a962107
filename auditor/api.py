"""The programmatic entry point: `audit(path, config) -> AuditResult`. No click here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from auditor import __version__
from auditor.config import Config
from auditor.corpus import Corpus
from auditor.engine import plan_rules, run_rules
from auditor.errors import ConfigError
from auditor.history import prepare_history, record_history
from auditor.load import load_corpus
from auditor.load.dates import parse_now
from auditor.model import AuditResult, Finding, Severity, Summary
from auditor.registry import plugin_problems
from auditor.scoring import document_scores, overall_score


def audit(path: str | Path, config: Config | None = None, progress=None) -> AuditResult:
    config = config or Config()
    try:
        now = parse_now(config.now)
    except ValueError as exc:
        raise ConfigError(f"--now: {exc}") from None
    plan = plan_rules(config)  # refuse a bad rule configuration before reading any file
    if config.history:
        prepare_history(config.history)  # likewise an unusable history database
    corpus = load_corpus(Path(path), config, now, progress=progress)
    findings, suppressed, runs = run_rules(corpus, plan)
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
    )
    if config.history:
        result.history = record_history(config.history, Path(path), result)
    return result


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
