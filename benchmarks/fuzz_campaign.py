"""A long fuzzing campaign: the properties of tests/test_fuzz.py, for many more inputs.

    python benchmarks/fuzz_campaign.py --examples 20000
    python benchmarks/fuzz_campaign.py --examples 5000 --property read-markdown --minutes 5

Runs each property (the strategies and checks of tests/fuzz_strategies.py) until it has
tried `--examples` inputs or spent `--minutes`, in rounds of `--round` examples, each
round with its own seed (from `--seed`), so the same arguments try the same inputs.
A crash does not end the campaign: Hypothesis shrinks it to a small input, the campaign
records it by its signature (the exception and the innermost line of kb-audit's code
that raised it), and later rounds count inputs that raise the same way without stopping
again. It prints, per property, the inputs tried, the time, and each distinct crash with
its smallest input and traceback; `--json FILE` writes the same figures, and exits 1
when anything crashed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # `tests.fuzz_strategies`, and kb-audit from the checkout

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from tests.fuzz_strategies import PROPERTIES  # noqa: E402

REPR_LIMIT = 2000  # characters of a crashing input to print


@dataclass
class Crash:
    signature: str
    example: str  # repr of the smallest input that raised it
    trace: str
    count: int = 0  # inputs that raised it, shrinking excluded


@dataclass
class Figures:
    name: str
    tried: int = 0  # inputs generated and checked, shrinking excluded
    shrinks: int = 0  # inputs checked while shrinking crashes
    seconds: float = 0.0
    rounds: int = 0
    crashes: dict[str, Crash] = field(default_factory=dict)


def signature(exc: BaseException) -> str:
    """The exception's type and the innermost frame in kb-audit's code (or the checks')."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/site-packages/" not in f.filename
            and "/lib/python" not in f.filename]  # fmt: skip
    frame = (ours or frames)[-1]
    where = Path(frame.filename).resolve()
    where = where.relative_to(REPO) if where.is_relative_to(REPO) else where
    kind = type(exc)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    return f"{name} at {where}:{frame.lineno} ({frame.name})"


def run_property(name: str, examples: int, minutes: float, per_round: int, first_seed: int,
                 shrink: bool) -> Figures:  # fmt: skip
    strategy, check = PROPERTIES[name]
    figures = Figures(name)
    started = time.monotonic()
    deadline = started + minutes * 60
    with tempfile.TemporaryDirectory(prefix="kb-audit-fuzz-campaign-") as tmp:
        folder = Path(tmp)
        while figures.tried < examples and time.monotonic() < deadline:
            count = min(per_round, examples - figures.tried)
            _round(figures, strategy, check, folder, count, first_seed + figures.rounds, shrink)
            figures.rounds += 1
            figures.seconds = time.monotonic() - started
            print(f"  {name}: {figures.tried:,} inputs, {len(figures.crashes)} crash(es), "
                  f"{figures.seconds:,.0f} s", file=sys.stderr, flush=True)  # fmt: skip
    return figures


def _round(figures: Figures, strategy, check, folder: Path, count: int, round_seed: int,
           shrink: bool) -> None:  # fmt: skip
    state: dict[str, Any] = {"failing": None, "new": None}

    @seed(round_seed)
    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        derandomize=False,
        phases=[Phase.generate, Phase.shrink] if shrink else [Phase.generate],
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ],
        report_multiple_bugs=False,
        print_blob=False,
    )
    @given(strategy)
    def property_holds(value):
        shrinking = state["failing"] is not None
        if shrinking:
            figures.shrinks += 1
        else:
            figures.tried += 1
        try:
            check(value, folder)
        except Exception as exc:
            key = signature(exc)
            if shrinking and key != state["new"]:
                return  # another crash: shrink one at a time, later rounds find it again
            if key in figures.crashes and key != state["new"]:
                figures.crashes[key].count += 1
                return  # known: the round goes on
            if not shrinking:
                state["failing"], state["new"] = key, key
                figures.crashes[key] = Crash(key, "", "", count=1)
            if key == state["new"]:  # the last one raised is Hypothesis's smallest
                if not shrink and isinstance(value, dict):
                    value, exc = _fewer_files(value, check, folder, key, exc)
                crash = figures.crashes[key]
                crash.example = _short(repr(value))
                crash.trace = "".join(traceback.format_exception(exc)[-12:])
            raise

    try:
        property_holds()
    except Exception as exc:  # the round's new crash, shrunk; later rounds go on
        if state["new"] is None:
            raise  # not a crash of the property: a bug of the campaign itself
        del exc


def _fewer_files(files: dict, check, folder: Path, key: str, exc: Exception):
    """A corpus that crashes, reduced to the files it needs to crash the same way: shrinking
    a corpus with Hypothesis costs minutes per crash, dropping files one by one seconds."""
    for rel in list(files):
        fewer = {k: v for k, v in files.items() if k != rel}
        try:
            check(fewer, folder)
        except Exception as again:
            if signature(again) == key:
                files, exc = fewer, again
    return files, exc


def _short(text: str) -> str:
    return text if len(text) <= REPR_LIMIT else text[:REPR_LIMIT] + f"… ({len(text):,} chars)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=20_000, help="inputs per property")
    parser.add_argument("--minutes", type=float, default=60.0, help="at most, per property")
    parser.add_argument("--property", action="append", choices=sorted(PROPERTIES),
                        help="only these (repeatable); default all")  # fmt: skip
    parser.add_argument("--round", type=int, default=1000, help="examples per seed")
    parser.add_argument("--seed", type=int, default=20261127, help="the first round's seed")
    parser.add_argument("--shrink", choices=("auto", "always", "never"), default="auto",
                        help="shrink crashing inputs with Hypothesis (auto: not corpora (audit-*), "
                        "which are reduced file by file instead)")  # fmt: skip
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()

    results = []
    for name in args.property or list(PROPERTIES):
        print(f"{name}: up to {args.examples:,} inputs", file=sys.stderr, flush=True)
        shrink = args.shrink == "always" or (args.shrink == "auto" and not name.startswith("audit"))
        results.append(run_property(name, args.examples, args.minutes, args.round, args.seed,
                                    shrink))  # fmt: skip

    print(f"\n{'property':<18} {'inputs':>8} {'shrinks':>8} {'seconds':>8} {'per s':>7} crashes")
    for r in results:
        rate = r.tried / r.seconds if r.seconds else 0.0
        print(f"{r.name:<18} {r.tried:>8,} {r.shrinks:>8,} {r.seconds:>8,.0f} {rate:>7,.1f} "
              f"{len(r.crashes)}")  # fmt: skip
    for r in results:
        for crash in r.crashes.values():
            print(f"\n[{r.name}] {crash.signature} — {crash.count:,} input(s)")
            print(f"smallest input: {crash.example}")
            print(crash.trace.rstrip())
    if args.json:
        data = [
            {"property": r.name, "inputs": r.tried, "shrinks": r.shrinks,
             "seconds": round(r.seconds, 1), "rounds": r.rounds,
             "crashes": [vars(c) for c in r.crashes.values()]}
            for r in results
        ]  # fmt: skip
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return 1 if any(r.crashes for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
