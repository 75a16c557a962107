"""How fast near-duplicates are found: MinHash signatures, then LSH banding and verification.

Generates N documents of random words (80 to 800 each, drawn from a Zipf-like vocabulary of
50,000 words, so common words repeat as in real text), plants near-duplicate copies among
them, and prints the time of signing every document (the load stage's share) and of finding
the pairs (the rule's share), and whether every planted pair was found and nothing else.

With `--cluster N`, it adds N identical pages and N pages filled in from one template (a
few words differ: near-identical, but each signature its own), the clusters that make
pairs quadratic, and prints what finding the pairs costs against what the rule does:
group identical signatures, then count and list the near-duplicates of every page.

    python benchmarks/duplicates.py              # 100,000 documents: about a minute
    python benchmarks/duplicates.py -n 10000
    python benchmarks/duplicates.py -n 10000 --cluster 3000
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from auditor.load.shingles import minhash
from auditor.rules.findability.duplicate_content import (
    banding,
    identical_groups,
    near_duplicates,
    similar_pairs,
)

VOCABULARY = 50_000
PLANTED = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--documents", type=int, default=100_000)
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument(
        "--cluster",
        type=int,
        default=0,
        metavar="N",
        help="Add N identical pages and N near-identical pages from one template.",
    )
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    vocabulary = np.array([f"word{i}" for i in range(VOCABULARY)], dtype=object)
    cumulative = np.cumsum(1 / np.arange(1, VOCABULARY + 1))  # Zipf: the k-th word 1/k as often
    cumulative /= cumulative[-1]

    started = time.perf_counter()
    texts = [
        " ".join(vocabulary[np.searchsorted(cumulative, rng.random(int(rng.integers(80, 800))))])
        for _ in range(args.documents)
    ]
    originals = rng.choice(args.documents // 2, PLANTED, replace=False)
    for copy, original in enumerate(originals, start=args.documents // 2):
        words = texts[original].split()
        changed = max(1, len(words) // 100)  # one word in a hundred: a similarity near 0.9
        for at in rng.choice(len(words), changed, replace=False):
            words[at] = "changed"
        texts[copy] = " ".join(words)
    if args.cluster:
        identical, template = (
            list(vocabulary[np.searchsorted(cumulative, rng.random(300))]) for _ in range(2)
        )
        texts += _clusters(identical, template, args.cluster)
    words_total = sum(text.count(" ") + 1 for text in texts)
    print(f"generated {len(texts):,} documents, {words_total:,} words: {_since(started)}")

    started = time.perf_counter()
    signatures = np.stack([minhash([(1, text)]) for text in texts])
    signed = time.perf_counter() - started
    print(
        f"signatures ({signatures.shape[1]} × uint32, {signatures.nbytes / 2**20:.0f} MB): "
        f"{signed:.1f} s, {signed / len(texts) * 1e6:.0f} µs per document"
    )

    started = time.perf_counter()
    first, second, _ = similar_pairs(signatures, args.threshold)
    bands, rows = banding(args.threshold, signatures.shape[1])
    print(f"banding ({bands} bands of {rows} rows) and verification: {_since(started)}")

    found = set(zip(first.tolist(), second.tolist(), strict=True))
    planted = {(int(o), c) for c, o in enumerate(originals, start=args.documents // 2)}
    if args.cluster:
        _report_clusters(signatures, args.threshold, len(first), args.documents, args.cluster)
        found = {(a, b) for a, b in found if b < args.documents}  # outside the clusters
    print(f"pairs found: {len(found)}; planted: {len(planted)}, of which found: "
          f"{len(found & planted)}; other pairs: {len(found - planted)}")  # fmt: skip


def _clusters(identical: list[str], template: list[str], n: int) -> list[str]:
    """n copies of one text, and n of another with two words that differ in every copy."""
    copies = [" ".join(identical)] * n
    filled = []
    for k in range(n):
        words = list(template)
        words[50] = words[200] = f"service{k}"  # the template's blanks: similarity about 0.94
        filled.append(" ".join(words))
    return copies + filled


def _report_clusters(signatures, threshold: float, pairs: int, start: int, n: int) -> None:
    print(f"pairs found (one finding per pair and document before): {pairs:,}")
    started = time.perf_counter()
    groups = identical_groups(signatures).max() + 1
    print(f"distinct signatures: {groups:,} of {len(signatures):,}: {_since(started)}")
    started = time.perf_counter()
    near = near_duplicates(signatures, threshold)
    print(
        f"near-duplicates of every page, grouped, found and listed: {_since(started)}; "
        f"findings: {np.count_nonzero(near.count):,}"
    )
    identical, filled = near.count[start : start + n], near.count[start + n :]
    print(
        f"identical pages counting all {n - 1:,} others: {np.sum(identical == n - 1):,} of {n:,}; "
        f"templated pages: {np.sum(filled == n - 1):,} of {n:,}"
    )


def _since(started: float) -> str:
    return f"{time.perf_counter() - started:.2f} s"


if __name__ == "__main__":
    main()
