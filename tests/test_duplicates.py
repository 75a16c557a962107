"""Near-duplicates (MinHash + LSH banding) and duplicate titles beyond the fixture cases."""

import dataclasses
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
from auditor.render.i18n import catalogue
from auditor.render.messages import message
from auditor.rules.findability import duplicate_content
from auditor.rules.findability.duplicate_content import (
    LISTED,
    RECALL,
    DuplicateContent,
    banding,
    candidate_pairs,
    identical_groups,
    near_duplicates,
    similar_pairs,
)
from auditor.rules.findability.duplicate_title import normalise_titles
from tests.conftest import FIXTURES, NOW, REPO

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


def _audit(root):
    config = Config(now=NOW, select=["duplicate-content"], git_history=False)
    return sorted(audit(root, config).findings, key=lambda f: f.path)


def _copy(rng: np.random.Generator, tokens: list[str], changed: int) -> str:
    tokens = list(tokens)
    for at in rng.choice(len(tokens), changed, replace=False):
        tokens[at] = f"changed{at}"
    return " ".join(tokens)


def test_a_pair_is_reported_exactly_as_before_clusters_were_counted():
    """Baselines and history of earlier versions keep matching: message, evidence and
    fingerprint of a pair's findings are those of the rule that reported every pair."""
    findings = _audit(FIXTURES / "rules" / "duplicate-content" / "fires" / "wiki")
    assert [(f.path, f.message, f.evidence, f.fingerprint) for f in findings] == [
        (
            "it/new-laptop.md",
            "Nearly the same text as onboarding/laptop-setup.md (similarity 0.85): "
            "keep one page and link to it.",
            {"similar_to": "onboarding/laptop-setup.md", "similarity": 0.85, "threshold": 0.8},
            "871855209effe98a",
        ),
        (
            "onboarding/laptop-setup.md",
            "Nearly the same text as it/new-laptop.md (similarity 0.85): "
            "keep one page and link to it.",
            {"similar_to": "it/new-laptop.md", "similarity": 0.85, "threshold": 0.8},
            "74f716c42e4e5ad0",
        ),
    ]


def test_a_cluster_gives_one_finding_per_page_naming_its_nearest_page(write_tree):
    rng = np.random.default_rng(11)
    base = _text(rng, 400)
    root = write_tree({f"svc-{n}.md": _copy(rng, base, n) for n in range(5)})
    findings = _audit(root)

    docs = load_corpus(root, Config(git_history=False), pd.Timestamp(NOW, tz="UTC")).documents
    for finding in findings:
        estimates = {
            other: (docs.at[finding.path, "minhash"] == docs.at[other, "minhash"]).mean()
            for other in docs.index
            if other != finding.path
        }
        nearest = min(estimates, key=lambda other: (-estimates[other], other))
        assert finding.evidence["similar_to"] == nearest
        assert finding.evidence["similarity"] == round(estimates[nearest], 2)
        assert finding.evidence["others"] == 3
        assert sorted(finding.evidence["also_similar"] + [nearest]) == sorted(estimates)
        assert finding.message.startswith(f"Nearly the same text as {nearest} (similarity ")
        assert finding.message.endswith(
            f" and 3 other pages ({', '.join(finding.evidence['also_similar'][:2])} and "
            f"{finding.evidence['also_similar'][2]}): keep one page and link to it."
        )
    assert [f.path for f in findings] == [f"svc-{n}.md" for n in range(5)]
    assert len({f.fingerprint for f in findings}) == 5


def test_a_big_cluster_names_a_bounded_list_and_counts_the_rest(write_tree):
    rng = np.random.default_rng(12)
    body = " ".join(_text(rng, 120))
    root = write_tree({f"stub-{n:02}.md": f"{body}\n" for n in range(12)})
    findings = _audit(root)

    assert len(findings) == 12
    first = findings[0]
    assert first.evidence == {
        "similar_to": "stub-01.md",
        "similarity": 1.0,
        "threshold": 0.8,
        "also_similar": [f"stub-{n:02}.md" for n in range(2, 7)],
        "others": 10,
    }
    assert first.message == (
        "Nearly the same text as stub-01.md (similarity 1.00) and 10 other pages (stub-02.md, "
        "stub-03.md, stub-04.md and 7 more): keep one page and link to it."
    )
    assert findings[5].evidence["similar_to"] == "stub-00.md"
    assert findings[5].evidence["also_similar"] == [f"stub-{n:02}.md" for n in (1, 2, 3, 4, 6)]


def test_identical_pages_and_a_near_copy_count_each_other(write_tree):
    rng = np.random.default_rng(13)
    tokens = _text(rng, 400)
    same = " ".join(tokens)
    root = write_tree(
        {"a.md": same, "b.md": same, "c.md": same, "d.md": _copy(rng, tokens, 2), "e.md": "x"}
    )
    by_path = {f.path: f.evidence for f in _audit(root)}

    assert sorted(by_path) == ["a.md", "b.md", "c.md", "d.md"]
    assert {path: e["others"] for path, e in by_path.items()} == dict.fromkeys(by_path, 2)
    assert by_path["a.md"]["similar_to"] == "b.md"
    assert by_path["a.md"]["also_similar"] == ["c.md", "d.md"]
    assert by_path["c.md"]["similar_to"] == "a.md"
    assert by_path["c.md"]["also_similar"] == ["b.md", "d.md"]
    assert by_path["d.md"]["similar_to"] == "a.md"  # a tie: the first path
    assert by_path["d.md"]["also_similar"] == ["b.md", "c.md"]
    assert 0.8 <= by_path["d.md"]["similarity"] < 1
    assert by_path["a.md"]["similarity"] == 1.0


def test_the_messages_name_a_few_pages_in_english_and_dutch(write_tree):
    rng = np.random.default_rng(14)
    one, two, many = (" ".join(_text(rng, 120)) for _ in range(3))
    root = write_tree(
        {"one/a.md": one, "one/b.md": one}
        | {f"two/{n}.md": two for n in "abc"}
        | {f"many/{n}.md": many for n in "abcdef"}
    )
    findings = {f.path: f for f in _audit(root)}
    nl = catalogue("nl")
    expected = {
        "one/a.md": (
            "Nearly the same text as one/b.md (similarity 1.00): keep one page and link to it.",
            "Bijna dezelfde tekst als one/b.md (gelijkenis 1,00): hou één pagina over en link "
            "ernaar.",
        ),
        "two/b.md": (
            "Nearly the same text as two/a.md (similarity 1.00) and 1 other page (two/c.md): "
            "keep one page and link to it.",
            "Bijna dezelfde tekst als two/a.md (gelijkenis 1,00) en 1 andere pagina (two/c.md): "
            "hou één pagina over en link ernaar.",
        ),
        "many/e.md": (
            "Nearly the same text as many/a.md (similarity 1.00) and 4 other pages (many/b.md, "
            "many/c.md, many/d.md and 1 more): keep one page and link to it.",
            "Bijna dezelfde tekst als many/a.md (gelijkenis 1,00) en 4 andere pagina's "
            "(many/b.md, many/c.md, many/d.md en nog 1 andere): hou één pagina over en link "
            "ernaar.",
        ),
    }
    for path, (english, dutch) in expected.items():
        assert findings[path].message == english
        assert message(findings[path], nl) == (dutch, None)
    three = dataclasses.replace(
        findings["many/a.md"],
        evidence=findings["many/a.md"].evidence | {"others": 3, "also_similar": ["x", "y", "z"]},
    )
    assert "en 3 andere pagina's (x, y en z):" in message(three, nl)[0]


def _brute_force(similarity: np.ndarray, threshold: float, listed: int):
    """Every pair at once: the count and the nearest rows of every row."""
    n = len(similarity)
    count = np.zeros(n, dtype=int)
    rows = np.full((n, listed), -1)
    values = np.full((n, listed), np.nan)
    for i in range(n):
        near = sorted(
            (-similarity[i, j], j) for j in range(n) if j != i and similarity[i, j] >= threshold
        )
        count[i] = len(near)
        for k, (value, j) in enumerate(near[:listed]):
            rows[i, k], values[i, k] = j, -value
    return count, rows, values


def _assert_agrees(near, expected):
    count, rows, values = expected
    np.testing.assert_array_equal(near.count, count)
    np.testing.assert_array_equal(near.rows, rows)
    np.testing.assert_array_equal(near.similarity, values)


def test_near_duplicates_agree_with_every_pair_compared_on_planted_clusters():
    rng = np.random.default_rng(2)
    texts = []
    for _ in range(6):  # clusters of exact and edited copies of one text
        base = _text(rng, 600)
        for _ in range(int(rng.integers(1, 12))):
            texts.append(_copy(rng, base, int(rng.integers(0, 3) * rng.integers(0, 2))))
    texts += [" ".join(_text(rng, 300)) for _ in range(40)]
    signatures = np.stack([minhash([(1, texts[i])]) for i in rng.permutation(len(texts))])
    similarity = (signatures[:, None, :] == signatures[None, :, :]).mean(axis=2)
    first, second, _ = similar_pairs(signatures, 0.8)
    every = np.nonzero(np.triu(similarity >= 0.8, 1))
    assert np.array_equal(first, every[0]) and np.array_equal(second, every[1])  # none missed

    near = near_duplicates(signatures, 0.8)

    _assert_agrees(near, _brute_force(similarity, 0.8, LISTED))
    assert near.count.sum() > 100 and (near.count > LISTED).any()  # clusters, big ones too
    assert (near.similarity == 1).any() and ((near.similarity > 0.8) & (near.similarity < 1)).any()


@pytest.mark.parametrize("seed", range(40))
def test_near_duplicates_agree_with_the_pairs_found_on_random_signatures(seed, monkeypatch):
    """Short signatures over three values: many ties, groups of identical rows, and
    similarities on both sides of the threshold; pairs found a few at a time."""
    rng = np.random.default_rng(seed)
    monkeypatch.setattr(duplicate_content, "_PAIRS_AT_ONCE", int(rng.integers(1, 40)))
    n, width = int(rng.integers(2, 60)), int(rng.choice([4, 8, 16]))
    signatures = rng.integers(0, 3, (int(rng.integers(1, 6)), width)).astype(np.uint32)
    signatures = signatures[rng.integers(0, len(signatures), n)]
    noise = rng.random((n, width)) < rng.random() * 0.3
    signatures[noise] = rng.integers(0, 3, noise.sum())
    threshold, listed = float(rng.choice([0.5, 0.7, 0.8, 1.0])), int(rng.integers(1, 8))
    similarity = np.zeros((n, n))
    first, second, found = similar_pairs(signatures, threshold)
    similarity[first, second] = similarity[second, first] = found

    _assert_agrees(
        near_duplicates(signatures, threshold, listed), _brute_force(similarity, threshold, listed)
    )


def test_identical_signatures_are_grouped_in_order_of_their_first_row():
    rows = np.array([[5, 6], [1, 2], [5, 6], [3, 4], [1, 2], [5, 6]], dtype=np.uint32)
    assert identical_groups(rows).tolist() == [0, 1, 0, 2, 1, 0]
    copies = np.repeat(rows[:1], 10_000, axis=0)
    assert identical_groups(copies).tolist() == [0] * 10_000
    near = near_duplicates(copies, 0.8)
    assert near.count.tolist() == [9_999] * 10_000
    assert near.rows[0].tolist() == [1, 2, 3, 4, 5, 6]
    assert near.rows[3].tolist() == [0, 1, 2, 4, 5, 6]


@pytest.mark.parametrize("step", [1, 7, 100_000])
def test_candidates_are_the_pairs_sharing_a_band(step, monkeypatch):
    monkeypatch.setattr(duplicate_content, "_PAIRS_AT_ONCE", step)
    rng = np.random.default_rng(4)
    signatures = rng.integers(0, 3, (60, 12)).astype(np.uint32)
    first, second = candidate_pairs(signatures, 3, 4)
    bands = signatures.reshape(60, 3, 4)
    agree = (bands[:, None] == bands[None, :]).all(axis=3).any(axis=2)
    expected = np.nonzero(np.triu(agree, 1))
    assert np.array_equal(first, expected[0]) and np.array_equal(second, expected[1])


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
