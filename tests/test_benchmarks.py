"""The benchmark tooling keeps working: a small generated corpus has the promised shape
and the runner prints every figure for it (printed, never asserted on: CI machines vary);
and generation is deterministic for a seed."""

import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

from tests.conftest import REPO

BENCHMARKS = REPO / "benchmarks"


def generate(out: Path, *options: str) -> str:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "generate_corpus.py"), str(out), *options],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_a_generated_corpus_is_measured(tmp_path):
    wiki = tmp_path / "corpus" / "wiki"
    print(generate(wiki, "--documents", "1000", "--git-commits", "200", "--usage"))
    usage = tmp_path / "corpus" / "usage.csv"
    reports, figures_file = tmp_path / "reports", tmp_path / "figures.json"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), str(wiki), "--usage", str(usage),
         "--out", str(reports), "--json", str(figures_file)],
        capture_output=True,
        text=True,
    )  # fmt: skip
    print(done.stdout, done.stderr)
    assert done.returncode == 0

    table = done.stdout
    assert re.search(r"^audit, cold\s+[\d.]+\s+[\d,]+\s+[\d.]+×", table, re.M)  # docs/s, ratio
    assert re.search(r"^floor \(walk, read, YAML\)\s+[\d.]+", table, re.M)
    assert re.search(r"^warm \(1% changed\)\s+[\d.]+\s+[\d,]+\s+[\d.]+×", table, re.M)
    assert re.search(r"^git history stage\s+[\d.]+\s+[\d.]+×", table, re.M)
    assert re.search(r"^peak RSS\s+audit process [\d,]+ MiB", table, re.M)
    assert re.search(r"^report\s+html: [\d.]+ MB", table, re.M)
    assert re.search(r"^report\s+json: [\d.]+ MB", table, re.M)
    assert re.search(r"^\s+read\s+[\d.]+\s+[\d.]+$", table, re.M)  # a stage, cold and warm
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["audit"]["summary"]["documents"] == 1000
    assert figures["floor"]["documents"] == 1000
    assert figures["floor"]["frontmatter_errors"] == 0
    assert figures["floor"]["frontmatters"] >= 900  # a few pages have only a # Title
    assert figures["ratios"]["audit"] > 0 and figures["ratios"]["history"] > 0
    assert figures["warm"]["changed_files"] == 10
    if sys.platform == "linux":  # workers and git too, sampled from /proc
        assert figures["audit_peak_pss_all_mib"] > 0
    for fmt, report in figures["audit"]["render"].items():
        assert report.get("bytes", 0) > 0, f"{fmt}: {report}"

    # The corpus has the promised shape, as the audit saw it.
    report = json.loads((reports / "report.json").read_text(encoding="utf-8"))
    rules = Counter(f["rule"] for f in report["findings"])
    assert rules["broken-link"] > 50  # about 3% of about 7,000 links
    assert rules["duplicate-content"] > 0
    assert not rules["parse-error"]
    assert report["inputs"]["history"]["available"]
    assert report["inputs"]["dates"]["sources"].get("git", 0) > 0
    assert report["inputs"]["usage"]["match_share"] > 0.9
    read = [d for d in report["documents"] if d["views"]]
    assert 850 <= len(read) <= 900  # 88% of the pages have a row
    # Some dates are written 13/05/2023, and prove the order.
    orders = report["inputs"]["dates"]["numeric_order"].values()
    assert any(o["order"] == "DMY" for o in orders)
    # Nested folders with entry pages; images, most of them present.
    files = _files(wiki)
    documents = [f for f in files if f.endswith(".md")]
    assert len(documents) == 1000
    assert max(f.count("/") for f in documents) >= 3
    assert sum(f.endswith(("/index.md", "/README.md")) for f in documents) >= 10
    assert sum(f.endswith(".png") for f in files) > 10
    first = (wiki / documents[1]).read_text(encoding="utf-8")
    assert isinstance(yaml.safe_load(first.split("---\n")[1]), dict)
    assert not (wiki / "kb-audit.toml").exists()

    # Version history, in full, from the cache and after new commits, on a clone.
    head = subprocess.run(["git", "-C", str(wiki), "rev-parse", "HEAD"], capture_output=True)
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "history.py"), str(wiki), "--commits", "3"],
        capture_output=True,
        text=True,
    )
    print(done.stdout, done.stderr)
    assert done.returncode == 0
    for label in ("plain git log", "full read", "HEAD unchanged", "3 new commits"):
        assert re.search(rf"^{label}.*\s[\d.]+ s$", done.stdout, re.M), label
    assert "same history: yes" in done.stdout
    again = subprocess.run(["git", "-C", str(wiki), "rev-parse", "HEAD"], capture_output=True)
    assert again.stdout == head.stdout  # the commits went to the clone


def test_generation_is_deterministic(tmp_path):
    digests = []
    for run in ("a", "b"):
        wiki = tmp_path / run / "wiki"
        generate(wiki, "--documents", "300", "--seed", "7", "--git-commits", "40", "--usage")
        files = {rel: _digest(wiki / rel) for rel in _files(wiki)}
        files["../usage.csv"] = _digest(tmp_path / run / "usage.csv")
        head = subprocess.run(["git", "-C", str(wiki), "rev-parse", "HEAD"],
                              capture_output=True, text=True, check=True).stdout  # fmt: skip
        digests.append((files, head))
    assert len(digests[0][0]) > 300
    assert digests[0] == digests[1]  # the same files, and the same commits to the byte


def _files(root: Path) -> list[str]:
    found = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != ".git")
        found += [Path(folder, name).relative_to(root).as_posix() for name in sorted(filenames)]
    return found


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
