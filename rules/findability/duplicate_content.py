from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

import numpy as np
import pandas as pd

from auditor.errors import ConfigError
from auditor.model import Severity
from auditor.rule import Rule, option

#: Chance that a pair exactly at the threshold becomes a candidate; above it, more likely still.
RECALL = 0.95
#: Near-duplicates in a finding's evidence: the nearest (`similar_to`) and the next ones
#: (`also_similar`); `others` counts them all.
LISTED = 6
_NAMED = 3  # further pages named in a message
_ROLL = np.uint64(0x9E3779B97F4A7C15)  # odd: combines a band's values into one bucket key
_PAIRS_AT_ONCE = 100_000  # pairs verified per step: 100,000 × 128 bytes of comparisons


class DuplicateContent(Rule):
    """
    ## What it does
    Finds documents whose text is nearly the same as another document's: the share of
    their 5-word shingles (runs of five consecutive words of prose, code excluded, case
    ignored) that they have in common — the Jaccard similarity — is at least `threshold`,
    0.8 by default. Each such document is reported once, naming its most similar page
    (of equally similar pages, the first by path) with their similarity. When a page has
    more near-duplicates (say, one of many pages filled in from one template), its finding
    also counts them and names up to five more, most similar first.

    The similarity is estimated from each document's MinHash signature of 128 values
    (computed when the document is read; standard error 0.035 at 0.8), and only pairs that
    agree on a whole band of their signature are compared, so 100,000 documents take
    seconds, not the five billion comparisons of every pair. The bands let a pair right at
    the threshold through 95 times in 100, a pair 0.05 above it practically always; the
    estimate then decides. Pages with the same signature are compared as one: a thousand
    copies of a page cost what one does. Pages shorter than `min-words` words are not
    compared: short pages alike in wording (stubs, a link and a line) say little. Pages of
    fewer than 20 words, and pages whose frontmatter could not be read, have no signature
    and are never compared. The shingle size is fixed.

    ## Why
    Don't keep all information (TA4): a copy that lives on beside its original goes out of
    date on its own, and readers who find both can't tell which one to trust. Attach each
    piece of knowledge to one logical place in the structure (TE1).

    ## Example
    `onboarding/laptop-setup.md` and `it/new-laptop.md`: the second is a copy of the first
    with a few words changed (similarity 0.91).

    ## Fix
    Keep one page. Merge what the copy adds into it, then delete the copy or reduce it to
    a link to the page that stays.
    """

    id = "T023"
    name = "duplicate-content"
    severity = Severity.WARNING
    principle = "TA4"
    summary = "The document is a near-duplicate of another one."
    fingerprint_evidence = ("similar_to",)

    @dataclass(frozen=True)
    class Options:
        threshold: float = option(
            0.8,
            "Similarity (0 to 1, the share of 5-word shingles in common) from which two pages "
            "are near-duplicates.",
        )
        min_words: int = option(
            50,
            "Pages with fewer words are not compared. Below 20 it has no effect: shorter pages "
            "have no signature.",
        )

        def __post_init__(self) -> None:
            if not 0 < self.threshold <= 1:
                raise ConfigError(
                    f"option duplicate-content.threshold: {self.threshold} is not in (0, 1]"
                )

    def check(self, corpus, options):
        docs = corpus.documents
        compared = (
            docs["minhash"].notna()
            & docs["readable"].astype(bool)
            & docs["parse_error"].isna()
            & (docs["words"] >= options.min_words)
        )
        if compared.sum() < 2:
            return
        paths = np.sort(docs.index[compared].to_numpy(dtype=object))  # ties go to path order
        signatures = np.stack(docs.loc[paths, "minhash"].to_numpy())
        near = near_duplicates(signatures, options.threshold)
        for row in np.flatnonzero(near.count):
            listed = [str(paths[r]) for r in near.rows[row] if r >= 0]
            similarity = near.similarity[row, 0]
            others = int(near.count[row]) - 1
            text = f"Nearly the same text as {listed[0]} (similarity {similarity:.2f})"
            if others:
                text += f" and {_pages(others)} ({_named(listed[1:], others)})"
            yield self.finding(
                str(paths[row]),
                f"{text}: keep one page and link to it.",
                similar_to=listed[0],
                similarity=round(float(similarity), 2),
                threshold=options.threshold,
                # A pair's finding stays as it was before clusters were counted.
                also_similar=listed[1:] if others else None,
                others=others or None,
            )


def _pages(n: int) -> str:
    return "1 other page" if n == 1 else f"{n} other pages"


def _named(listed: list[str], others: int) -> str:
    """The first pages of `listed`, and how many of the `others` are left unnamed."""
    named = listed[:_NAMED]
    if others > len(named):
        return f"{', '.join(named)} and {others - len(named)} more"
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"


class NearDuplicates(NamedTuple):
    """Per row of the signatures: how many rows are near-duplicates of it (`count`), and
    the first `listed` of them, most similar first, then by position (`rows`, padded with
    -1) with their similarity (`similarity`, padded with NaN)."""

    count: np.ndarray
    rows: np.ndarray
    similarity: np.ndarray


def near_duplicates(
    signatures: np.ndarray, threshold: float, listed: int = LISTED
) -> NearDuplicates:
    """The near-duplicates of every row, aggregated without a step per pair in Python.

    Rows with identical signatures form a group, compared as one row: its members are
    near-duplicates of each other at similarity 1, and of every member of a group whose
    first row is similar enough to theirs. Only pairs of groups are found and verified,
    a step at a time: memory grows with the rows, not with the pairs.
    """
    n, width = signatures.shape
    group = identical_groups(signatures)
    size = np.bincount(group)
    members = np.argsort(group, kind="stable")  # rows by group, in order within each
    start = np.cumsum(size) - size
    count = size - 1
    nearest = _Nearest(members, start, size, np.maximum(listed - (size - 1), 0), width)
    for first, second, similar in _similar_steps(signatures[members[start]], threshold):
        count += np.bincount(first, weights=size[second], minlength=len(size)).astype(np.int64)
        count += np.bincount(second, weights=size[first], minlength=len(size)).astype(np.int64)
        nearest.add(first, second, similar)
        nearest.add(second, first, similar)

    # Per group, its members first (at similarity 1): `listed` + 1 of them, so that every
    # member still has `listed` once it drops itself; then the nearest rows of other groups.
    own = _first_members(members, start, size, listed + 1)
    candidates = np.concatenate([own[group], nearest.rows[group]], axis=1)
    similarity = np.concatenate(
        [np.where(own[group] >= 0, 1.0, np.nan), nearest.similarity[group]], axis=1
    )
    candidates[candidates == np.arange(n)[:, None]] = -1  # not itself
    left = np.argsort(candidates < 0, axis=1, kind="stable")[:, :listed]  # keeps the order
    rows = np.take_along_axis(candidates, left, axis=1)
    similarity = np.take_along_axis(similarity, left, axis=1)
    similarity[rows < 0] = np.nan
    return NearDuplicates(count[group], rows, similarity)


def identical_groups(signatures: np.ndarray) -> np.ndarray:
    """A group number per row, the same for rows with identical signatures: 0, 1, … in
    the order of each group's first row."""
    group = pd.factorize(_key(signatures, range(signatures.shape[1])))[0]
    first = signatures[np.unique(group, return_index=True)[1]]
    for at in range(0, len(signatures), _PAIRS_AT_ONCE):
        step = slice(at, at + _PAIRS_AT_ONCE)
        if not np.array_equal(signatures[step], first[group[step]]):  # a hash collision
            return pd.factorize(np.unique(signatures, axis=0, return_inverse=True)[1].ravel())[0]
    return group


def _first_members(members, start, size, most) -> np.ndarray:
    """The first `most` rows of each group (a line per group, padded with -1)."""
    at = np.arange(most)
    rows = members[np.minimum(start[:, None] + at, len(members) - 1)]
    return np.where(at < size[:, None], rows, -1)


class _Nearest:
    """Per group, the `need` rows of other groups nearest to it so far (most similar, then
    first by position): `rows` (padded with -1) and their `similarity` (NaN)."""

    def __init__(self, members, start, size, need, width: int) -> None:
        self.members, self.start, self.size, self.need = members, start, size, need
        self.levels = width + 1  # how many values of the signatures differ: 0 to width
        shape = (len(size), int(need.max(initial=0)))
        self.rows = np.full(shape, -1, dtype=np.int64)
        self.apart = np.zeros(shape, dtype=np.int64)
        self.similarity = np.full(shape, np.nan)

    def add(self, of: np.ndarray, other: np.ndarray, similar: np.ndarray) -> None:
        """Groups `of` are `similar` to groups `other`: each pair of groups comes once."""
        wanted = self.need[of] > 0
        of, other, similar = of[wanted], other[wanted], similar[wanted]
        if not len(of):
            return
        # The first rows of each other group, as many as the group still needs.
        taken = np.minimum(self.size[other], self.need[of])
        row = self.members[np.repeat(self.start[other], taken) + _within(taken)]
        of, similar = np.repeat(of, taken), np.repeat(similar, taken)
        apart = np.rint((1 - similar) * (self.levels - 1)).astype(np.int64)
        # With the rows kept so far for the same groups, the best `need` rows of each.
        touched = np.flatnonzero(np.bincount(of, minlength=len(self.size)))
        kept = self.rows[touched] >= 0
        of = np.concatenate([np.repeat(touched, kept.sum(axis=1)), of])
        row = np.concatenate([self.rows[touched][kept], row])
        apart = np.concatenate([self.apart[touched][kept], apart])
        similar = np.concatenate([self.similarity[touched][kept], similar])
        order = np.argsort((of * self.levels + apart) * len(self.members) + row)  # < 2⁶³
        of, row, apart, similar = of[order], row[order], apart[order], similar[order]
        rank = np.arange(len(of)) - np.searchsorted(of, of)
        best = rank < self.need[of]
        of, rank = of[best], rank[best]
        self.rows[touched] = -1
        self.rows[of, rank] = row[best]
        self.apart[of, rank] = apart[best]
        self.similarity[of, rank] = similar[best]


def similar_pairs(
    signatures: np.ndarray, threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of rows (i < j, by position) whose estimated similarity is at least
    `threshold`, and that similarity; ordered by i, then j."""
    count = len(signatures)
    steps = list(_similar_steps(signatures, threshold))
    codes = np.concatenate([np.empty(0, dtype=np.int64)] + [i * count + j for i, j, _ in steps])
    similarity = np.concatenate([np.empty(0)] + [s for _, _, s in steps])
    order = np.argsort(codes)
    return codes[order] // count, codes[order] % count, similarity[order]


def _similar_steps(
    signatures: np.ndarray, threshold: float
) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The pairs of `similar_pairs`, unordered, in steps: each step of candidates is
    verified at once, so memory holds one step, not all the candidates."""
    for first, second in _candidates(signatures, *banding(threshold, signatures.shape[1])):
        similarity = (signatures[first] == signatures[second]).mean(axis=1)
        keep = similarity >= threshold
        if keep.any():
            yield first[keep], second[keep], similarity[keep]


def banding(threshold: float, width: int) -> tuple[int, int]:
    """Bands × rows for locality-sensitive hashing over signatures of `width` values: the
    longest bands (fewest chance candidates) that make a pair at the threshold a candidate
    with probability `RECALL`. A pair agrees on a band of r rows with probability sᵣ, so it
    becomes a candidate in one of b bands with probability 1 − (1 − sʳ)ᵇ."""
    for rows in range(width, 0, -1):
        bands = width // rows
        if 1 - (1 - threshold**rows) ** bands >= RECALL:
            return bands, rows
    return width, 1


def candidate_pairs(signatures: np.ndarray, bands: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct pairs of rows (i < j) that agree on every value of at least one band:
    rows are bucketed by a hash of each band, and only rows sharing a bucket are paired."""
    count = len(signatures)
    codes = [first * count + second for first, second in _candidates(signatures, bands, rows)]
    codes = np.sort(np.concatenate(codes)) if codes else np.empty(0, dtype=np.int64)
    return codes // count, codes % count


def _candidates(
    signatures: np.ndarray, bands: int, rows: int
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The candidate pairs in steps of about `_PAIRS_AT_ONCE`, each pair once: in the
    first band where the two rows share a bucket. A hash collision between different band
    values only adds a candidate: verification drops it."""
    keys: list[np.ndarray] = []
    for band in range(bands):
        key = _key(signatures, range(band * rows, (band + 1) * rows))
        for first, second in _bucket_pairs(key):
            for earlier in keys:  # a cluster meets itself in band after band: drop repeats
                new = earlier[first] != earlier[second]
                first, second = first[new], second[new]
            if len(first):
                yield first, second
        keys.append(key)


def _bucket_pairs(key: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Every pair of rows (i < j) with the same key, in steps of about `_PAIRS_AT_ONCE`."""
    order = np.argsort(key, kind="stable")  # within a bucket, rows stay in order: i < j
    ordered = key[order]
    same = ordered[1:] == ordered[:-1]  # as the next row
    in_bucket = np.r_[same, False] | np.r_[False, same] if len(key) else same
    order, ordered = order[in_bucket], ordered[in_bucket]  # most documents share nothing
    start = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    size = np.diff(np.r_[start, len(order)])
    after = np.repeat(start + size, size) - np.arange(len(order)) - 1  # later rows in bucket
    ends = np.cumsum(after)
    cuts = np.searchsorted(
        ends, np.arange(_PAIRS_AT_ONCE, ends[-1] if len(ends) else 0, _PAIRS_AT_ONCE)
    )
    for begin, end in pairwise([0, *np.unique(cuts + 1).tolist(), len(order)]):
        partners = after[begin:end]
        first = np.repeat(order[begin:end], partners)
        second = order[np.repeat(np.arange(begin, end) + 1, partners) + _within(partners)]
        yield first, second


def _key(signatures: np.ndarray, columns: range) -> np.ndarray:
    """One 64-bit key per row from the values in `columns`: equal values, equal keys."""
    key = np.zeros(len(signatures), dtype=np.uint64)
    for column in columns:
        key = key * _ROLL + signatures[:, column]
    return key


def _within(counts: np.ndarray) -> np.ndarray:
    """0, 1, … counts[0] - 1, then 0, 1, … counts[1] - 1, and so on: each item's place in
    its run, for runs laid end to end."""
    return np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
