from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from auditor.errors import ConfigError
from auditor.model import Severity
from auditor.rule import Rule, option

#: Chance that a pair exactly at the threshold becomes a candidate; above it, more likely still.
RECALL = 0.95
_ROLL = np.uint64(0x9E3779B97F4A7C15)  # odd: combines a band's values into one bucket key
_PAIRS_AT_ONCE = 100_000  # pairs verified per step: 100,000 × 128 bytes of comparisons


class DuplicateContent(Rule):
    """
    ## What it does
    Finds pairs of documents whose text is nearly the same: the share of their 5-word
    shingles (runs of five consecutive words of prose, code excluded, case ignored) that
    they have in common — the Jaccard similarity — is at least `threshold`, 0.8 by default.
    Each pair is reported once, on both documents, with its similarity.

    The similarity is estimated from each document's MinHash signature of 128 values
    (computed when the document is read; standard error 0.035 at 0.8), and only pairs that
    agree on a whole band of their signature are compared, so 100,000 documents take
    seconds, not the five billion comparisons of every pair. The bands let a pair right at
    the threshold through 95 times in 100, a pair 0.05 above it practically always; the
    estimate then decides. Pages shorter than
    `min-words` words are not compared: short pages alike in wording (stubs, a link and a
    line) say little. Pages of fewer than 20 words, and pages whose frontmatter could not
    be read, have no signature and are never compared. The shingle size is fixed.

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
        paths = docs.index[compared]
        pairs = similar_pairs(np.stack(docs["minhash"][compared].to_numpy()), options.threshold)
        for first, second, similarity in zip(*pairs, strict=True):
            for this, other in ((first, second), (second, first)):
                yield self.finding(
                    paths[this],
                    f"Nearly the same text as {paths[other]} (similarity {similarity:.2f}): "
                    "keep one page and link to it.",
                    similar_to=paths[other],
                    similarity=round(float(similarity), 2),
                    threshold=options.threshold,
                )


def similar_pairs(
    signatures: np.ndarray, threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of rows (i < j, by position) whose estimated similarity is at least
    `threshold`, and that similarity; ordered by i, then j."""
    bands, rows = banding(threshold, signatures.shape[1])
    first, second = candidate_pairs(signatures, bands, rows)
    similarity = np.empty(len(first))
    for at in range(0, len(first), _PAIRS_AT_ONCE):  # bounded memory for big clusters
        step = slice(at, at + _PAIRS_AT_ONCE)
        similarity[step] = (signatures[first[step]] == signatures[second[step]]).mean(axis=1)
    keep = similarity >= threshold
    return first[keep], second[keep], similarity[keep]


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
    found = []
    for band in range(bands):
        key = np.zeros(count, dtype=np.uint64)
        for column in range(band * rows, (band + 1) * rows):
            key = key * _ROLL + signatures[:, column]
        bucket = pd.DataFrame({"key": key, "row": np.arange(count)})
        bucket = bucket[bucket["key"].duplicated(keep=False)]  # most documents share nothing
        if len(bucket):
            pairs = bucket.merge(bucket, on="key")
            pairs = pairs[pairs["row_x"] < pairs["row_y"]]
            found.append(pairs["row_x"].to_numpy() * count + pairs["row_y"].to_numpy())
    # A hash collision between different bands only adds a candidate: verification drops it.
    codes = np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)
    return codes // count, codes % count
