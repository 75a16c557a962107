"""How fast the audit result is built once the rules have run, at N documents.

Builds a synthetic Corpus of N documents (default 100,000) with the columns the load stage
gives (titles and owners sometimes missing, review dates at midnight, change dates from
git with a time, page views with gaps, a last view as a Timestamp or NaT) and about five
links a document, plus findings at the example wiki's rate (about 0.8 a document), then
times each step of the "result" stage: the per-document scores, the overall score and
`api._document_facts` (the JSON report's `documents`), best of --repeat runs.

    python benchmarks/document_facts.py              # 100,000 documents
    python benchmarks/document_facts.py -n 10000
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from auditor import api
from auditor.corpus import Corpus
from auditor.model import Finding, Severity
from auditor.scoring import document_scores, overall_score

NOW = pd.Timestamp("2026-11-27", tz="UTC")


def synthetic_corpus(n: int, seed: int = 1) -> Corpus:
    rng = np.random.default_rng(seed)
    paths = [f"folder-{i % 400}/sub-{i % 23}/page-{i}.md" for i in range(n)]
    folders = [p.rsplit("/", 1)[0] for p in paths]

    def sometimes(values: list, share: float) -> pd.Series:
        keep = rng.random(n) >= share
        return pd.Series([v if k else None for v, k in zip(values, keep, strict=True)], dtype="str")

    def dates(share_missing: float, with_time: bool) -> pd.Series:
        days = rng.integers(0, 3000, n)
        seconds = rng.integers(0, 86400, n) if with_time else np.zeros(n, dtype=int)
        values = NOW - pd.to_timedelta(days, unit="D") + pd.to_timedelta(seconds, unit="s")
        values = values.where(rng.random(n) >= share_missing)
        return pd.Series(values)

    reviewed = dates(0.4, with_time=False)
    changed = dates(0.05, with_time=True)
    expires = dates(0.95, with_time=False)
    views = pd.Series(np.floor(rng.lognormal(3.5, 1.6, n))).where(rng.random(n) >= 0.1)
    last_viewed = pd.Series(
        [NOW - pd.Timedelta(days=int(d)) if v == v and v > 0 else pd.NaT
         for d, v in zip(rng.integers(0, 365, n), views, strict=True)],
        dtype=object,
    )  # fmt: skip
    documents = pd.DataFrame(
        {
            "title": sometimes([f"Page {i}" for i in range(n)], 0.02),
            "title_source": sometimes(["frontmatter"] * n, 0.02),
            "folder": pd.Series(folders, dtype="str"),
            "type": sometimes(list(rng.choice(["tool", "inspiration", "theory"], n)), 0.3),
            "owner": sometimes([f"Owner {i % 150}" for i in range(n)], 0.15),
            "words": rng.integers(10, 3000, n),
            "summary": sometimes(["A summary of the page."] * n, 0.5),
            "is_entry": rng.random(n) < 0.01,
            "reviewed": reviewed,
            "reviewed_source": pd.Series(["frontmatter:reviewed"] * n, dtype="str"),
            "changed": changed,
            "changed_source": pd.Series(["git"] * n, dtype="str"),
            "expires": expires,
            "expires_source": pd.Series(["frontmatter:expires"] * n, dtype="str"),
            "date_basis": pd.Series(["reviewed"] * n, dtype="str"),
            "click_depth": pd.Series(rng.integers(0, 6, n), dtype="float64").where(
                rng.random(n) >= 0.1
            ),
            "revisions": rng.integers(1, 40, n),
            "views": views,
            "users": np.floor(views / 8),
            "last_viewed": last_viewed,
            "usage_match": pd.Series(["url" if v == v else None for v in views], dtype=object),
        },
    )
    documents.index = pd.Index(paths, name="path")
    targets = rng.integers(0, n, 5 * n)
    sources = rng.integers(0, n, 5 * n)
    links = pd.DataFrame(
        {
            "source": pd.Series([paths[i] for i in sources], dtype="str"),
            "scope": pd.Series(
                rng.choice(["internal", "external"], 5 * n, p=[0.8, 0.2]), dtype="str"
            ),
            "target_path": pd.Series([paths[i] for i in targets], dtype="str"),
        }
    )
    return Corpus(root="synthetic", now=NOW, documents=documents, links=links)


def synthetic_findings(paths: list[str], seed: int = 1) -> list[Finding]:
    rng = np.random.default_rng(seed)
    severities = list(Severity)
    chosen = rng.choice(len(paths), int(0.8 * len(paths)))
    return [
        Finding("T001", "stale-content", severities[i % 3], paths[p], "Not reviewed.")
        for i, p in enumerate(chosen)
    ]


def best(repeat: int, fn) -> tuple[float, object]:
    times = []
    out = None
    for _ in range(repeat):
        started = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - started)
    return min(times), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--documents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    corpus = synthetic_corpus(args.documents)
    paths = list(corpus.documents.index)
    findings = synthetic_findings(paths)
    print(f"synthetic corpus: {args.documents:,} documents, {len(corpus.links):,} links, "
          f"{len(findings):,} findings: {time.perf_counter() - started:.1f} s")  # fmt: skip
    took, scores = best(args.repeat, lambda: document_scores(paths, findings))
    print(f"document_scores: {took:.3f} s")
    took, _ = best(args.repeat, lambda: overall_score(scores))
    print(f"overall_score: {took:.3f} s")
    took, facts = best(args.repeat, lambda: api._document_facts(corpus, findings, scores))
    print(f"_document_facts: {took:.3f} s ({len(facts):,} documents)")


if __name__ == "__main__":
    main()
