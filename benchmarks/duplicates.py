"""How fast near-duplicates are found: MinHash signatures, then LSH banding and verification.

Generates N documents of random words (80 to 800 each, drawn from a Zipf-like vocabulary of
50,000 words, so common words repeat as in real text), plants near-duplicate copies among
them, and prints the time of signing every document (the load stage's share) and of finding
the pairs (the rule's share), and whether every planted pair was found and nothing else.

    python benchmarks/duplicates.py              # 100,000 documents: about a minute
    python benchmarks/duplicates.py -n 10000
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from auditor.load.shingles import minhash
from auditor.rules.findability.duplicate_content import banding, similar_pairs

VOCABULARY = 50_000
PLANTED = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--documents", type=int, default=100_000)
    parser.add_argument("--threshold", type=float, default=0.8)
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
    words_total = sum(text.count(" ") + 1 for text in texts)
    print(f"generated {args.documents:,} documents, {words_total:,} words: {_since(started)}")

    started = time.perf_counter()
    signatures = np.stack([minhash([(1, text)]) for text in texts])
    signed = time.perf_counter() - started
    print(
        f"signatures ({signatures.shape[1]} × uint32, {signatures.nbytes / 2**20:.0f} MB): "
        f"{signed:.1f} s, {signed / args.documents * 1e6:.0f} µs per document"
    )

    started = time.perf_counter()
    first, second, _ = similar_pairs(signatures, args.threshold)
    bands, rows = banding(args.threshold, signatures.shape[1])
    print(f"banding ({bands} bands of {rows} rows) and verification: {_since(started)}")

    found = set(zip(first.tolist(), second.tolist(), strict=True))
    planted = {(int(o), c) for c, o in enumerate(originals, start=args.documents // 2)}
    print(f"pairs found: {len(found)}; planted: {len(planted)}, of which found: "
          f"{len(found & planted)}; other pairs: {len(found - planted)}")  # fmt: skip


def _since(started: float) -> str:
    return f"{time.perf_counter() - started:.2f} s"


if __name__ == "__main__":
    main()
