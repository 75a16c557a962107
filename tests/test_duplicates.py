"""Near-duplicates (MinHash + LSH banding) and duplicate titles beyond the fixture cases."""

import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from auditor.api import audit
from auditor.config import Config
from auditor.errors import ConfigError
from auditor.load import load_corpus
from auditor.load.shingles import MIN_WORDS, NUM_PERM, SHINGLE_WORDS, minhash, shingle_hashes, words
from auditor.rules.findability.duplicate_content import (
    RECALL,
    DuplicateContent,
    banding,
    similar_pairs,
)
from auditor.rules.findability.duplicate_title import normalise_titles
from tests.conftest import NOW, REPO

VOCABULARY = [f"w{i}" for i in range(3000)]


def _text(rng: np.random.Generator, n: int) -> list[str]:
    return [VOCABULARY[i] for i in rng.integers(0, len(VOCABULARY), n)]


def _prose(tokens: list[str]) -> list[tuple[int, str]]:
    return [(1, " ".join(tokens))]


def _jaccard(a: list[str], b: list[str]) -> float:
    x, y = shingle_hashes(a), shingle_hashes(b)
    return len(np.intersect1d(x, y)) / len(np.union1d(x, y))


def test_lsh_finds_a_planted_near_duplicate_among_random_documents_and_nothing_else():
    rng = np.random.default_rng(7)
    texts = [_text(rng, int(rng.integers(80, 400))) for _ in range(2000)]
    copy = list(texts[1234])
    for at in (20, 90, 160):  # a few words changed
        copy[at] = "changed"
    texts[500] = copy
    half = texts[42][: len(texts[42]) // 2] + _text(rng, len(texts[42]) // 2)
    texts[900] = half  # half the text in common: similar, but no near-duplicate
    signatures = np.stack([minhash(_prose(t)) for t in texts])

    first, second, similarity = similar_pairs(signatures, 0.8)

    assert list(zip(first, second, strict=True)) == [(500, 1234)]
    assert similarity[0] == pytest.approx(_jaccard(copy, texts[1234]), abs=0.1)


def test_the_estimate_follows_the_exact_jaccard_similarity():
    rng = np.random.default_rng(3)
    base = _text(rng, 600)
    for keep in (0.2, 0.5, 0.8, 0.95):
        other = list(base)
        for at in rng.choice(len(base), int(len(base) * (1 - keep) / SHINGLE_WORDS), replace=False):
            other[at] = "x"
        estimate = (minhash(_prose(base)) == minhash(_prose(other))).mean()
        assert estimate == pytest.approx(_jaccard(base, other), abs=0.12)


def test_banding_keeps_pairs_at_the_threshold_and_prefers_long_bands():
    for threshold in (0.5, 0.8, 0.9, 1.0):
        bands, rows = banding(threshold, NUM_PERM)
        assert bands * rows <= NUM_PERM
        assert 1 - (1 - threshold**rows) ** bands >= RECALL
        assert 1 - (1 - threshold ** (rows + 1)) ** (NUM_PERM // (rows + 1)) < RECALL
    assert banding(0.8, NUM_PERM) == (18, 7)


def test_every_pair_of_a_group_is_reported_once_on_each_of_its_two_documents(write_tree):
    rng = np.random.default_rng(11)
    body = " ".join(_text(rng, 120))
    root = write_tree({f"copy-{n}.md": f"{body}\n" for n in range(3)} | {"other.md": "Short."})
    result = audit(root, Config(now=NOW, select=["duplicate-content"], git_history=False))

    pairs = sorted((f.path, f.evidence["similar_to"]) for f in result.findings)
    assert pairs == sorted(
        (f"copy-{a}.md", f"copy-{b}.md") for a in range(3) for b in range(3) if a != b
    )
    assert {f.evidence["similarity"] for f in result.findings} == {1.0}
    assert "copy-1.md (similarity 1.00)" in result.findings[0].message


def test_short_pages_and_unreadable_frontmatter_get_no_fingerprint(write_tree):
    rng = np.random.default_rng(5)
    long = " ".join(_text(rng, 100))
    root = write_tree(
        {
            "short.md": " ".join(_text(rng, MIN_WORDS - 1)),
            "long.md": long,
            "broken.md": f"---\ntitle: [unclosed\n---\n{long}\n",
        }
    )
    docs = load_corpus(root, Config(git_history=False), pd.Timestamp(NOW, tz="UTC")).documents
    assert docs["minhash"].notna().to_dict() == {
        "broken.md": False,
        "long.md": True,
        "short.md": False,
    }
    assert docs.at["long.md", "minhash"].dtype == np.uint32
    assert docs.at["long.md", "minhash"].shape == (NUM_PERM,)


def test_words_are_normalised_as_the_loader_counts_them():
    prose = [(1, "Don\u2019t  MIX the ﬁles"), (2, "don't mix the files")]
    assert words(prose) == ["don't", "mix", "the", "files"] * 2


def test_signatures_do_not_depend_on_the_process():
    """No salted hashing: the same page has the same signature in every run."""
    code = (
        "from auditor.load.shingles import minhash;"
        "print(minhash([(1, ' '.join(f'w{i}' for i in range(60)))])[:8].tolist())"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=REPO,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1


def test_the_rule_documents_the_loader_constants():
    doc = DuplicateContent.documentation()
    assert f"{SHINGLE_WORDS}-word shingles" in doc
    assert f"fewer than {MIN_WORDS} words" in doc
    assert f"signature of {NUM_PERM} values" in doc


def test_threshold_outside_zero_to_one_is_refused():
    with pytest.raises(ConfigError, match="threshold"):
        DuplicateContent.parse_options({"threshold": 1.5})


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Deploy runbook", "  deploy-runbook!"),
        ("Q&A", "\uff31 \uff06 \uff21"),  # fullwidth: NFKC
        ("On_call notes", "On call notes"),
        ("🚀 Release notes", "Release notes"),
        ("Straße", "STRASSE"),  # case-folded, not just lower-cased
    ],
)
def test_titles_that_are_the_same(a, b):
    assert normalise_titles(pd.Series([a])).iloc[0] == normalise_titles(pd.Series([b])).iloc[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [("C# guide", "C guide"), ("C++ guide", "C guide"), ("Café", "Cafe"), ("v1.2", "v12")],
)
def test_titles_that_only_look_alike(a, b):
    assert normalise_titles(pd.Series([a])).iloc[0] != normalise_titles(pd.Series([b])).iloc[0]
