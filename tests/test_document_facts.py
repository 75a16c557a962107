"""`api._document_facts` builds the JSON report's `documents` column by column; its output
is exactly that of the plain row-by-row reference below (kept here, not in the product)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import zoneinfo
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from auditor import api
from auditor.config import load_config
from auditor.corpus import Corpus
from auditor.load import load_corpus
from auditor.model import Finding, Severity
from auditor.scoring import document_scores
from tests.conftest import EXAMPLE, NOW

# The reference: the implementation before it was vectorised ------------------------------


# The cell converters are the implementation's own (the vectorised code keeps them for
# the cells it cannot convert a column at a time): the reference differs in reading the
# documents row by row.
_plain, _number, _integer, _iso = api._plain, api._number, api._integer, api._iso


def reference(corpus: Corpus, findings: list[Finding], scores: dict[str, int]) -> list[dict]:
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


# Comparison ------------------------------------------------------------------------------


def _typed(value: Any) -> Any:
    """The value with the type of every leaf, so that 1 and 1.0 or True and 1 differ."""
    if isinstance(value, dict):
        return [(k, _typed(v)) for k, v in value.items()]  # key order counts too
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


def _assert_same(corpus: Corpus, findings: list[Finding] = ()) -> list[dict]:
    findings = list(findings)
    scores = document_scores(list(corpus.documents.index), findings)
    expected = reference(corpus, findings, scores)
    actual = api._document_facts(corpus, findings, scores)
    assert _typed(actual) == _typed(expected)
    json.dumps(actual, allow_nan=False)  # and it is JSON
    return actual


def _findings(paths: list[str]) -> list[Finding]:
    return [
        Finding("T001", "stale-content", list(Severity)[i % 3], path, "m")
        for i, path in enumerate(paths[::2] + paths[:3])
    ] + [Finding("T050", "corpus-wide", Severity.INFO, ".", "m")]


@pytest.mark.parametrize("git_history", [False, True])
def test_the_example_wiki(git_history):
    """With usage figures (views, NaN where a page had none, last views as Timestamps and
    NaT), dates at midnight from the pages and, with git history, dates with a time."""
    config = dataclasses.replace(
        load_config(EXAMPLE / "kb-audit.toml"), git_history=git_history, exclude=[]
    )
    corpus = load_corpus(Path(EXAMPLE), config, pd.Timestamp(NOW, tz="UTC"))
    facts = _assert_same(corpus, _findings(list(corpus.documents.index)))
    assert any(d["views"] is None for d in facts) or any(d["last_viewed"] is None for d in facts)
    assert any(d["dates"] for d in facts)


def test_the_example_wiki_without_usage():
    corpus = load_corpus(
        Path(EXAMPLE), load_config(None), pd.Timestamp(NOW, tz="UTC")
    )  # no config: no usage, last_viewed all None
    facts = _assert_same(corpus)
    assert all(d["last_viewed"] is None and d["views"] is None for d in facts)


def _frame(dates: dict[str, list], n: int, **columns) -> pd.DataFrame:
    text = ["T", None, "T", float("nan")] * (n // 4 + 1)
    frame = pd.DataFrame(
        {
            "title": pd.Series(text[:n], dtype="str"),
            "title_source": pd.Series(["frontmatter"] * n, dtype="str"),
            "folder": pd.Series(["a"] * n, dtype="str"),
            "type": pd.Series(text[1 : n + 1], dtype=object),
            "owner": pd.Series(text[2 : n + 2], dtype="str"),
            "words": np.arange(n),
            "summary": pd.Series([None] * n, dtype="str"),
            "is_entry": np.arange(n) % 2 == 0,
            "date_basis": pd.Series(["reviewed"] * n, dtype="str"),
            "click_depth": pd.Series([1.0, float("nan")] * (n // 2) + [2.0] * (n % 2)),
            "views": pd.Series([float("nan"), 0.0, 12.5] * (n // 3) + [3.0] * (n % 3)),
            "users": pd.Series([None] * n, dtype=object),
            "last_viewed": pd.Series([None] * n, dtype=object),
            "usage_match": pd.Series([None, "url"] * (n // 2) + ["title"] * (n % 2), dtype=object),
            **columns,
        },
    )
    frame.index = pd.Index([f"p{i}.md" for i in range(n)], name="path")
    for column in ("reviewed", "changed", "expires"):
        given = dates.get(column, pd.Series([pd.NaT] * n, dtype="datetime64[s, UTC]"))
        frame[column] = given.array
        frame[f"{column}_source"] = pd.Series(["frontmatter"] * n, index=frame.index, dtype="str")
    return frame


def _corpus(documents: pd.DataFrame) -> Corpus:
    """The documents, each linking to the next, the first two also to themselves (not an
    inbound link), from a file that is no document (one), to another site (none) and
    to a document from another site's scope (not inbound, but outbound)."""
    paths = list(documents.index)
    rows = [(a, "internal", b) for a, b in zip(paths, paths[1:] + paths[:1], strict=True)]
    rows += [(a, "internal", a) for a in paths[:2]]
    rows += [("gone.md", "internal", paths[0] if paths else None), ("gone.md", "external", None)]
    rows += [(a, "external", a) for a in paths[:3]]
    source, scope, target = zip(*rows, strict=True)
    links = pd.DataFrame(
        {
            "source": pd.Series(source, dtype="str"),
            "scope": pd.Series(scope, dtype="str"),
            "target_path": pd.Series(target, dtype="str"),
        }
    )
    return Corpus(root="r", now=pd.Timestamp(NOW, tz="UTC"), documents=documents, links=links)


UTC = [
    pd.Timestamp("2026-11-27", tz="UTC"),  # midnight: a date
    pd.NaT,
    pd.Timestamp("2026-11-27 07:39:23", tz="UTC"),  # a time (git)
    pd.Timestamp("2026-11-27 07:39:23.250", tz="UTC"),  # a fraction of a second
    pd.Timestamp("2026-11-27 07:39:23.000000001", tz="UTC"),  # a nanosecond
    pd.Timestamp("1969-12-31 12:00", tz="UTC"),  # before 1970
    pd.Timestamp("1969-12-31 23:59:59.5", tz="UTC"),
    pd.Timestamp("2026-11-27 00:00:00.000001", tz="UTC"),  # a microsecond after midnight
    pd.Timestamp("1901-03-04", tz="UTC"),
    pd.Timestamp("2026-11-26 23:59:59", tz="UTC"),
]


@pytest.mark.parametrize(
    "zone",
    [None, "UTC", dt.UTC, "Europe/Brussels", dt.timezone(dt.timedelta(hours=-5))],
    ids=["naive", "UTC", "timezone.utc", "Brussels", "fixed-offset"],
)
def test_dates_in_any_zone(zone):
    stamps = pd.Series(UTC, dtype="datetime64[ns, UTC]")
    stamps = stamps.dt.tz_convert(zone) if zone is not None else stamps.dt.tz_localize(None)
    n = len(stamps)
    reversed_ = pd.Series(stamps.tolist()[::-1], dtype=stamps.dtype)
    documents = _frame({"reviewed": stamps, "changed": reversed_}, n)
    documents["expires"] = stamps.dt.floor("D").array
    documents["last_viewed"] = pd.Series(stamps.tolist(), index=documents.index, dtype=object)
    assert documents["reviewed"].dtype == stamps.dtype
    _assert_same(_corpus(documents), _findings(list(documents.index)))


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_dates_of_any_resolution(unit):
    stamps = pd.Series([UTC[0], UTC[1], UTC[2], UTC[5]]).dt.as_unit(unit)
    documents = _frame({"changed": stamps}, len(stamps))
    assert documents["changed"].dtype == f"datetime64[{unit}, UTC]"
    _assert_same(_corpus(documents))


def test_last_views_of_mixed_zones_and_gaps():
    """An object column of Timestamps in several zones, None, NaN and NaT: cell by cell."""
    cells = [
        pd.Timestamp("2026-01-02", tz="UTC"),
        pd.Timestamp("2026-01-02 10:00", tz=zoneinfo.ZoneInfo("Europe/Brussels")),
        None,
        float("nan"),
        pd.NaT,
        pd.Timestamp("2026-01-02 00:00", tz="Asia/Tokyo"),
    ]
    documents = _frame({}, len(cells))
    documents["last_viewed"] = pd.Series(cells, index=documents.index, dtype=object)
    _assert_same(_corpus(documents))


def test_numbers_of_any_kind():
    n = 4
    documents = _frame(
        {},
        n,
        revisions=pd.Series([1, None, 3, None], dtype="Int64"),
        views=pd.Series([1, 0, 5, 7], dtype="int64"),
        users=pd.Series([None, 2.0, float("nan"), 4], dtype=object),
    )
    documents["click_depth"] = pd.Series([0, 1, 2, 3], index=documents.index, dtype="int64")
    _assert_same(_corpus(documents))


def test_without_a_revisions_column_and_without_documents():
    documents = _frame({}, 3)
    assert "revisions" not in documents
    facts = _assert_same(_corpus(documents))
    assert all(d["revisions"] is None for d in facts)
    assert _assert_same(_corpus(documents.iloc[:0])) == []


def test_link_counts():
    facts = _assert_same(_corpus(_frame({}, 4)))
    # each to the next, two to themselves, three to another site
    assert [d["links_out"] for d in facts] == [3, 3, 2, 1]
    # from the previous, and the first also from a file that is no document
    assert [d["links_in"] for d in facts] == [2, 1, 1, 1]


def test_link_counts_when_paths_repeat():
    """Never from the load stage, but counted by path all the same."""
    documents = _frame({}, 4)
    documents.index = pd.Index(["a.md", "b.md", "a.md", "c.md"], name="path")
    facts = _assert_same(_corpus(documents))
    assert [d["links_out"] for d in facts] == [5, 3, 5, 1]
