"""MinHash fingerprints of a document's prose, for finding near-duplicates (`duplicate-content`).

The prose (code excluded) is cut into overlapping shingles of `SHINGLE_WORDS` words,
normalised (NFKC, case-folded). The signature keeps, for each of `NUM_PERM` hash functions,
the smallest hash of any shingle: two signatures agree at a position with a probability equal
to the Jaccard similarity of the two shingle sets, so the share of agreeing positions
estimates it (standard error 0.035 at a similarity of 0.8). 128 × 4 bytes per document keep
100,000 documents in 51 MB, where their shingle sets would take gigabytes.

Written with numpy rather than taken from `datasketch`: that library requires scipy (35 MB,
for tuning its LSH parameters), hashes shingles one at a time in Python with SHA-1, and keeps
its LSH index as Python dicts; here hashing and signing are a few vectorised array operations,
and the banding runs over the whole corpus at once in the rule.

Hashes are deterministic (pandas' SipHash with a fixed key, fixed seeds), so an audit reports
the same similarities on every run and machine.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

SHINGLE_WORDS = 5
NUM_PERM = 128
#: Pages with fewer words get no fingerprint: a 20-word page has 16 shingles, and a single
#: changed word moves their similarity by a quarter or more.
MIN_WORDS = 20

_WORD = re.compile(r"\w+(?:['-]\w+)*")  # as `markdown.count_words` counts them
_ROLL = np.uint64(0x9E3779B97F4A7C15)  # odd: combines word hashes into a shingle hash
_CHUNK = 4096  # shingles signed at once: 4096 × 128 × 8 bytes = 4 MB of scratch

_rng = np.random.default_rng(0x5EED)
_MULTIPLY = _rng.integers(0, 2**64, NUM_PERM, dtype=np.uint64, endpoint=False) | np.uint64(1)
_ADD = _rng.integers(0, 2**64, NUM_PERM, dtype=np.uint64, endpoint=False)


def words(prose: list[tuple[int, str]]) -> list[str]:
    """The prose's words, normalised so that case, ligatures and curly quotes don't count."""
    text = unicodedata.normalize("NFKC", " ".join(piece for _, piece in prose))
    return _WORD.findall(text.casefold().replace("\u2019", "'"))


def shingle_hashes(tokens: list[str], size: int = SHINGLE_WORDS) -> np.ndarray:
    """The distinct 64-bit hashes of the runs of `size` consecutive words."""
    return np.unique(_shingles(tokens, size))


def _shingles(tokens: list[str], size: int = SHINGLE_WORDS) -> np.ndarray:
    """The 64-bit hash of every run of `size` consecutive words, repeats included: a
    minimum needs no deduplication, and sorting to deduplicate cost a fifth of MinHash."""
    if len(tokens) < size:
        return np.empty(0, dtype=np.uint64)
    hashed = pd.util.hash_array(np.asarray(tokens, dtype=object), categorize=False)
    count = len(tokens) - size + 1
    shingles = np.zeros(count, dtype=np.uint64)
    for offset in range(size):  # a polynomial over the words: order matters
        shingles = shingles * _ROLL + hashed[offset : offset + count]
    return _mix(shingles)


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature of a set of 64-bit hashes: `NUM_PERM` unsigned 32-bit values.

    Each hash function is multiply-add-shift, (a·x + b) mod 2⁶⁴ keeping the top 32 bits.
    The shift comes after the minimum, which it does not change: one pass less."""
    result = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(hashes), _CHUNK):
        hashed = hashes[start : start + _CHUNK, None] * _MULTIPLY
        hashed += _ADD
        np.minimum(result, hashed.min(axis=0), out=result)
    return (result >> np.uint64(32)).astype(np.uint32)


def minhash(prose: list[tuple[int, str]]) -> np.ndarray | None:
    """The document's fingerprint, or None when it has fewer than `MIN_WORDS` words."""
    tokens = words(prose)
    if len(tokens) < MIN_WORDS:
        return None
    return signature(_shingles(tokens))


def _mix(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: spreads every input bit over the whole hash, so the linear
    hash functions of `signature` see no structure of the polynomial."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))
