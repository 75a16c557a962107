"""How fast `read_usage` streams big page-view files, and in how much memory.

Generates, in a temporary folder (never in the repository), a GA4-style CSV of per-day
page views over about 50,000 pages (plain and gzipped) and a combined-format access log,
each of --rows rows, then reads each in a fresh process and prints the time, rows per
second and the process's peak resident memory.

    python benchmarks/usage_read.py               # 10 million rows: a few minutes
    python benchmarks/usage_read.py --rows 200000
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

NOW = "2026-11-27"
CHUNK = 1_000_000
AGENTS = [
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "curl/8.5.0",
]
ASSETS = ["/assets/site.css", "/assets/app.js", "/assets/logo.png", "/favicon.ico"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000, help="rows (lines) per file")
    parser.add_argument("--pages", type=int, default=50_000, help="distinct pages")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.measure:
        return _measure(args.measure)
    with tempfile.TemporaryDirectory(prefix="kb-audit-bench-") as tmp:
        folder = Path(tmp)
        files = {
            "csv": _csv(folder / "views.csv", args.rows, args.pages),
            "csv.gz": _gzip(folder / "views.csv", folder / "views.csv.gz"),
            "access log": _log(folder / "access.log", args.rows, args.pages),
        }
        print(f"{'file':<12}{'size':>10}{'rows':>13}{'seconds':>10}{'rows/s':>12}{'peak RSS':>11}")
        for name, path in files.items():
            result = subprocess.run(
                [sys.executable, __file__, "--measure", str(path)],
                check=True,
                capture_output=True,
                text=True,
            )
            m = json.loads(result.stdout)
            print(
                f"{name:<12}{path.stat().st_size / 2**20:>8.0f}MB{m['rows']:>13,}"
                f"{m['seconds']:>10.1f}{m['rows'] / m['seconds']:>12,.0f}"
                f"{m['peak_rss_mib']:>8.0f}MiB   (pages {m['pages']:,}, "
                f"imports {m['baseline_rss_mib']:.0f}MiB)"
            )


def _measure(path: Path) -> None:
    from auditor.load.usage import read_usage

    baseline = _peak_rss_mib()
    start = time.perf_counter()
    views = read_usage([path], pd.Timestamp(NOW, tz="UTC"))
    seconds = time.perf_counter() - start
    (facts,) = views.files
    print(
        json.dumps(
            {
                "rows": facts["rows"],
                "seconds": seconds,
                "pages": len(views.pages),
                "peak_rss_mib": _peak_rss_mib(),
                "baseline_rss_mib": baseline,
            }
        )
    )


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _csv(path: Path, rows: int, pages: int) -> Path:
    """Per-day rows as GA4 exports them: comment lines, YYYYMMDD dates over two years."""
    rng = np.random.default_rng(1)
    names = np.array([f"/docs/section-{i % 97}/page-{i}/" for i in range(pages)], dtype=object)
    days = pd.date_range(end=NOW, periods=730, freq="D").strftime("%Y%m%d").to_numpy(object)
    with path.open("w", encoding="utf-8") as out:
        out.write("# ----------------------------------------\n# Pages and screens\n")
        out.write("# Start date: 20241128\n# End date: 20261127\n")
        out.write("Page path and screen class,Date,Views,Users,Average engagement time\n")
        for done in range(0, rows, CHUNK):
            n = min(CHUNK, rows - done)
            views = rng.integers(1, 60, n)
            pd.DataFrame(
                {
                    "page": names[_popular(rng, n, pages)],
                    "date": days[rng.integers(0, len(days), n)],
                    "views": views,
                    "users": np.maximum(1, views - rng.integers(0, 10, n)),
                    "time": rng.integers(5, 300, n),
                }
            ).to_csv(out, header=False, index=False)
    return path


def _gzip(source: Path, target: Path) -> Path:
    with source.open("rb") as data, gzip.open(target, "wb", compresslevel=6) as packed:
        shutil.copyfileobj(data, packed, 1 << 20)
    return target


def _log(path: Path, rows: int, pages: int) -> Path:
    """Combined Log Format over 400 days: pages, assets, robots, POSTs and errors."""
    rng = np.random.default_rng(2)
    names = [f"/docs/section-{i % 97}/page-{i}/" for i in range(pages)]
    targets = np.array(names + ASSETS, dtype=object)
    clients = np.array([f"10.{i // 65536}.{i // 256 % 256}.{i % 256}" for i in range(200_000)])
    days = pd.date_range(end=NOW, periods=400, freq="D").strftime("%d/%b/%Y").to_numpy(object)
    methods = np.array(["GET"] * 18 + ["POST", "HEAD"], dtype=object)
    statuses = np.array(["200"] * 15 + ["304", "304", "404", "301", "500"], dtype=object)
    agents = np.array(AGENTS, dtype=object)
    with path.open("w", encoding="utf-8") as out:
        for done in range(0, rows, CHUNK):
            n = min(CHUNK, rows - done)
            target = np.where(
                rng.random(n) < 0.3,
                targets[pages + rng.integers(0, len(ASSETS), n)],
                targets[_popular(rng, n, pages)],
            )
            columns = zip(
                clients[rng.integers(0, len(clients), n)],
                days[rng.integers(0, len(days), n)],
                rng.integers(0, 86400, n),
                methods[rng.integers(0, len(methods), n)],
                target,
                statuses[rng.integers(0, len(statuses), n)],
                rng.integers(200, 90000, n),
                agents[rng.choice(len(agents), n, p=[0.3, 0.3, 0.15, 0.15, 0.05, 0.05])],
                strict=True,
            )
            out.writelines(
                f"{ip} - - [{day}:{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d} +0100] "
                f'"{method} {page} HTTP/1.1" {status} {size} "-" "{agent}"\n'
                for ip, day, s, method, page, status, size, agent in columns
            )
    return path


def _popular(rng: np.random.Generator, n: int, pages: int) -> np.ndarray:
    """Page indexes: half of the reads go to a few popular pages, half anywhere."""
    popular = np.minimum(rng.zipf(1.3, n) - 1, pages - 1)
    return np.where(rng.random(n) < 0.5, popular, rng.integers(0, pages, n))


if __name__ == "__main__":
    main()
