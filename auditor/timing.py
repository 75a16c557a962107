"""Seconds per stage of an audit, for the benchmark (`benchmarks/run.py`) and profiling."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator


class Stopwatch:
    """Adds each stage's wall time to `timings` (name -> seconds); does nothing without."""

    def __init__(self, timings: dict[str, float] | None = None):
        self.timings = timings

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            if self.timings is not None:
                elapsed = time.perf_counter() - start
                self.timings[name] = self.timings.get(name, 0.0) + elapsed
