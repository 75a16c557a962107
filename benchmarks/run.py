"""Benchmark kb-audit on one corpus: throughput, time per stage, peak memory, and the floor.

Prints, for the folder CORPUS (e.g. one made by benchmarks/generate_corpus.py):

- files and documents, and documents per second;
- the audit's time per stage (as `auditor.api.audit(..., timings=…)` reports them) and the
  time and size of the HTML and JSON reports;
- the peak resident memory of the audit (its own process, and its largest subprocess:
  a reading worker or git);
- the floor, measured in the same run: a plain Python loop that walks the folder, reads
  every .md file and parses its frontmatter with PyYAML's C loader; and audit ÷ floor.
  Floor and audit alternate --repeat times, each in a fresh process, and the best of each
  counts: machines are noisy, ratios are what we compare;
- a warm audit, after 1% of the files changed (content and modification time), with the
  cache the cold audit left; the files are restored afterwards;
- in a git repository, the history stage beside the floor and a plain `git log`;
- with --markdownlint, markdownlint-cli2 on the same files (installed once with npm into
  ~/.cache/kb-audit-bench), as another yardstick.

    python benchmarks/run.py /tmp/bench/corpus-10k/wiki --usage /tmp/bench/corpus-10k/usage.csv
    python benchmarks/run.py CORPUS --repeat 3 --markdownlint --json figures.json

The audit runs as of 2026-11-27 with the reports html and json; cold audits use a new,
empty cache folder each, so they are cold however often the benchmark runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

NOW = "2026-11-27"
FORMATS = ("html", "json")
WARM_SHARE = 100  # one file in this many changes before the warm audit
NPM_PREFIX = Path.home() / ".cache" / "kb-audit-bench"
GIT_LOG = ["log", "-z", "--no-merges", "-M", "--name-status", "--no-color",
           "--format=%x01%at%x00%aE%x00%aN", "--", "."]  # fmt: skip


def main() -> None:
    args = _arguments()
    if args.child:
        result = {"floor": _child_floor, "audit": _child_audit}[args.child](args)
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory(prefix="kb-audit-bench-") as tmp:
        figures = measure(args, Path(tmp))
    print_figures(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the folder to audit")
    parser.add_argument("--usage", type=Path, metavar="FILE", help="a page-view export")
    parser.add_argument("--repeat", type=int, default=1, metavar="K",
                        help="alternate floor and audit K times; the best counts")  # fmt: skip
    parser.add_argument("--jobs", type=int, metavar="J", help="the audit's reading processes")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="where the reports go (default: a temporary folder)")  # fmt: skip
    parser.add_argument("--skip-floor", action="store_true", help="do not measure the floor")
    parser.add_argument("--markdownlint", action="store_true",
                        help="also time markdownlint-cli2 (needs node and npm)")  # fmt: skip
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    # The measurements run in fresh processes: this script again, with these.
    parser.add_argument("--child", choices=("floor", "audit"), help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", help=argparse.SUPPRESS)
    parser.add_argument("--no-render", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not args.corpus.is_dir():
        parser.error(f"not a folder: {args.corpus}")
    return args


# -- the parent: runs the measurements and gathers the figures --------------------------------


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    corpus = args.corpus.resolve()
    out = (args.out or tmp / "reports").resolve()
    git = _is_git(corpus)
    primed = _prime(corpus)
    floors, audits, git_logs = [], [], []
    for k in range(args.repeat):
        if not args.skip_floor:
            floors.append(_child("floor", args))
        audits.append(_child("audit", args, f"--cache-dir={tmp / f'cache-{k}'}", f"--out={out}"))
        if k:  # only the last cold audit's cache serves the warm ones
            shutil.rmtree(tmp / f"cache-{k - 1}", ignore_errors=True)
        if git:
            git_logs.append(_git_log(corpus))
        _progress(f"run {k + 1} of {args.repeat}: audit {audits[-1]['seconds']:.1f} s"
                  + (f", floor {floors[-1]['seconds']:.1f} s" if floors else ""))  # fmt: skip
    cache = f"--cache-dir={tmp / f'cache-{args.repeat - 1}'}"  # what the last cold audit left
    warms = []
    for _ in range(args.repeat):
        with _changed(corpus, WARM_SHARE) as changed:
            warms.append(_child("audit", args, cache, "--no-render"))
        warms[-1]["changed_files"] = changed
    figures: dict[str, Any] = {
        "corpus": str(corpus),
        "usage": str(args.usage.resolve()) if args.usage else None,
        "git": git,
        "prime_seconds": primed,
        "repeat": args.repeat,
        "jobs": args.jobs,
        "audit": min(audits, key=lambda m: m["seconds"]),
        "audit_peak_rss_mib": max(m["peak_rss_mib"] for m in audits),
        "audit_peak_pss_all_mib": max((m.get("peak_pss_all_mib") or 0) for m in audits) or None,
        "warm": min(warms, key=lambda m: m["seconds"]),
        "floor": min(floors, key=lambda m: m["seconds"]) if floors else None,
        "git_log_seconds": min(git_logs) if git_logs else None,
    }
    figures["warm_note"] = _warm_note(audits[-1], warms)
    if args.markdownlint:
        figures["markdownlint"] = _markdownlint(corpus)
    figures["ratios"] = _ratios(figures)
    return figures


def _warm_note(cold: dict[str, Any], warms: list[dict[str, Any]]) -> str | None:
    """Why the warm figure is not a warm one, when the cache was not reused."""
    caches = [(m.get("reading") or {}).get("cache") for m in (cold, *warms)]
    if any(cache is None for cache in caches):
        return "no cache was used: the warm audit is a second cold one"
    if len({cache["file"] for cache in caches}) > 1:
        return (
            "the cache file changed between the cold and the warm audit (kb-audit's code "
            "or settings changed meanwhile?): the warm figure is not a warm one"
        )
    return None


def _child(mode: str, args: argparse.Namespace, *extra: str) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), str(args.corpus.resolve()),
               f"--child={mode}", *extra]  # fmt: skip
    if args.usage:
        command.append(f"--usage={args.usage.resolve()}")
    if args.jobs is not None:
        command.append(f"--jobs={args.jobs}")
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    if done.returncode:
        sys.exit(f"the {mode} measurement failed (exit code {done.returncode})")
    return json.loads(done.stdout.splitlines()[-1])


def _prime(corpus: Path) -> float:
    """Read every file once, .git too, so that the first measurement does not pay alone
    for a cold disk. Returns the seconds it took."""
    started = time.perf_counter()
    for folder, _, filenames in os.walk(corpus):
        for name in filenames:
            try:
                with open(os.path.join(folder, name), "rb") as fh:
                    while fh.read(1 << 20):
                        pass
            except OSError:
                pass
    return time.perf_counter() - started


def _is_git(corpus: Path) -> bool:
    done = subprocess.run(["git", "-C", str(corpus), "rev-parse", "--is-inside-work-tree"],
                          capture_output=True, text=True)  # fmt: skip
    return done.returncode == 0 and done.stdout.strip() == "true"


def _git_log(corpus: Path) -> float:
    """Seconds of the `git log` pass the history stage makes, its output thrown away."""
    started = time.perf_counter()
    subprocess.run(["git", "-C", str(corpus), *GIT_LOG], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


class _changed:
    """Within: one Markdown file in `every` has a line more and a new modification time.
    After: every such file has its bytes and times back."""

    def __init__(self, corpus: Path, every: int) -> None:
        self.files = _markdown_files(corpus)[::every]
        self.saved: list[tuple[Path, bytes, int, int]] = []

    def __enter__(self) -> int:
        for path in self.files:
            data, stat = path.read_bytes(), path.stat()
            self.saved.append((path, data, stat.st_atime_ns, stat.st_mtime_ns))
            path.write_bytes(data + b"\nEdited for the benchmark.\n")
            os.utime(path, ns=(stat.st_atime_ns, max(time.time_ns(), stat.st_mtime_ns + 10**9)))
        return len(self.files)

    def __exit__(self, *exc: object) -> None:
        for path, data, atime, mtime in self.saved:
            path.write_bytes(data)
            os.utime(path, ns=(atime, mtime))


def _markdown_files(corpus: Path) -> list[Path]:
    found = []
    for folder, dirnames, filenames in os.walk(corpus):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [Path(folder, name) for name in sorted(filenames) if name.endswith(".md")]
    return found


def _markdownlint(corpus: Path) -> dict[str, Any]:
    """Seconds of `markdownlint-cli2 "**/*.md"` in the corpus, or why it was skipped."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return {"skipped": "node or npm is not installed"}
    binary = NPM_PREFIX / "node_modules" / ".bin" / "markdownlint-cli2"
    if not binary.exists():
        _progress(f"installing markdownlint-cli2 into {NPM_PREFIX} …")
        done = subprocess.run(
            [npm, "install", "--prefix", str(NPM_PREFIX), "--no-audit", "--no-fund",
             "--loglevel=error", "markdownlint-cli2"],
            capture_output=True, text=True,
        )  # fmt: skip
        if done.returncode or not binary.exists():
            reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
            return {"skipped": f"npm install markdownlint-cli2 failed: {reason}"}
    package = NPM_PREFIX / "node_modules" / "markdownlint-cli2" / "package.json"
    version = json.loads(package.read_text(encoding="utf-8")).get("version")
    _progress(f"markdownlint-cli2 {version} …")
    started = time.perf_counter()
    done = subprocess.run([str(binary), "**/*.md"], cwd=corpus, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: it found problems
        return {"skipped": f"markdownlint-cli2 failed (exit code {done.returncode})"}
    return {"seconds": seconds, "version": version, "exit_code": done.returncode}


def _ratios(figures: dict[str, Any]) -> dict[str, float]:
    floor = figures["floor"]
    if not floor:
        return {}
    base = floor["seconds"]
    ratios = {"audit": figures["audit"]["seconds"] / base,
              "warm": figures["warm"]["seconds"] / base}  # fmt: skip
    history = (figures["audit"]["timings"] or {}).get("history")
    if figures["git"] and history is not None:
        ratios["history"] = history / base
    lint = figures.get("markdownlint") or {}
    if "seconds" in lint:
        ratios["markdownlint"] = lint["seconds"] / base
    return ratios


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- the children: one measurement each, in a fresh process -----------------------------------


def _child_floor(args: argparse.Namespace) -> dict[str, Any]:
    """Walk, read every .md file, parse its YAML frontmatter: the least any audit does."""
    import yaml

    started, cpu = time.perf_counter(), _cpu_seconds()
    documents = frontmatters = failures = size = 0
    for folder, dirnames, filenames in os.walk(args.corpus):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "node_modules"]
        for name in filenames:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                text = fh.read()
            documents += 1
            size += len(text)
            block = _frontmatter_block(text)
            if block is None:
                continue
            try:
                yaml.load(block, Loader=yaml.CSafeLoader)
                frontmatters += 1
            except yaml.YAMLError:
                failures += 1
    return {
        "seconds": time.perf_counter() - started,
        "cpu_seconds": _cpu_seconds() - cpu,
        "documents": documents,
        "characters": size,
        "frontmatters": frontmatters,
        "frontmatter_errors": failures,
        "peak_rss_mib": _peak_rss_mib(resource.RUSAGE_SELF),
    }


def _frontmatter_block(text: str) -> str | None:
    """The text between the first two '---' lines, if the file starts with one."""
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    return text[3:end] if end >= 0 else None


def _child_audit(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    from auditor.api import audit
    from auditor.config import Config
    from auditor.docs import rule_sections
    from auditor.output import write_reports
    from auditor.render import RENDERERS, RenderOptions

    imported = time.perf_counter() - started
    rss_imports = _peak_rss_mib(resource.RUSAGE_SELF)
    config, notes = _config(Config, args)
    timings: dict[str, float] = {}
    sampler = _MemorySampler()
    sampler.start()
    started, cpu = time.perf_counter(), _cpu_seconds()
    if "timings" in inspect.signature(audit).parameters:
        result = audit(args.corpus, config, timings=timings)
    else:
        notes.append("auditor.api.audit takes no timings: the audit is timed as one stage")
        result = audit(args.corpus, config)
        timings = {"audit": time.perf_counter() - started}
    seconds = time.perf_counter() - started
    figures: dict[str, Any] = {
        "seconds": seconds,
        "cpu_seconds": _cpu_seconds() - cpu,
        "import_seconds": imported,
        "timings": timings,
        "summary": dataclasses.asdict(result.summary),
        "reading": result.inputs.get("reading"),
        "history": result.inputs.get("history"),
        "usage_match_share": (result.inputs.get("usage") or {}).get("match_share"),
        "rss_imports_mib": rss_imports,
        "peak_rss_mib": _peak_rss_mib(resource.RUSAGE_SELF),
        "peak_pss_all_mib": sampler.stop(),
        "notes": notes,
    }
    if not args.no_render:
        options = RenderOptions(rule_docs=rule_sections())
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        figures["render"] = {}
        for fmt in FORMATS:
            name = RENDERERS[fmt][0]
            started = time.perf_counter()
            try:
                write_reports(result, {fmt: out / name}, options)  # as the CLI writes it
            except Exception as exc:  # keep the audit's figures; say what failed
                figures["render"][fmt] = {"error": f"{type(exc).__name__}: {exc}"}
                continue
            figures["render"][fmt] = {
                "seconds": time.perf_counter() - started,
                "bytes": (out / name).stat().st_size,
                "file": str(out / name),
            }
        figures["peak_rss_with_render_mib"] = _peak_rss_mib(resource.RUSAGE_SELF)
    return figures


def _config(config_class: type, args: argparse.Namespace) -> tuple[Any, list[str]]:
    """The audit's settings, and notes on those this version of kb-audit lacks."""
    fields = {f.name for f in dataclasses.fields(config_class)}
    values: dict[str, Any] = {"now": NOW, "format": list(FORMATS), "fail_on": "never"}
    values["quiet"] = True
    if args.usage:
        values["usage"] = [str(args.usage)]
    notes = []
    if "cache_dir" in fields:
        values["cache_dir"] = args.cache_dir
    else:
        notes.append("this kb-audit has no cache-dir: cold and warm audits are alike")
    if args.jobs is not None:
        if "jobs" in fields:
            values["jobs"] = args.jobs
        else:
            notes.append("this kb-audit has no jobs setting: --jobs ignored")
    return config_class(**values).validated(), notes


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_rss_mib(who: int) -> float:
    """The peak resident memory of this process (RUSAGE_SELF), in MiB.

    Not RUSAGE_CHILDREN for the audit's subprocesses: on Linux a forked child counts the
    parent's pages as its own, and keeps that figure through exec (git, spawned by a
    process of 2 GB, "peaks" at 2 GB). `_MemorySampler` measures them instead."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes there, KiB here


class _MemorySampler(threading.Thread):
    """Samples, twice a second, the proportional set size (PSS) of this process and all
    its descendants (reading workers, git) summed: the memory the audit holds, each shared
    page counted once. Linux only (/proc); elsewhere the peak stays None."""

    def __init__(self, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_kib: int | None = None
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.sample()

    def stop(self) -> float | None:
        """Stop sampling; the peak in MiB."""
        self.done.set()
        self.join()
        self.sample()
        return None if self.peak_kib is None else self.peak_kib / 1024

    def sample(self) -> None:
        if not os.path.exists("/proc/self/smaps_rollup"):
            return
        total = sum(_pss_kib(pid) for pid in _process_tree(os.getpid()))
        self.peak_kib = max(self.peak_kib or 0, total)


def _process_tree(root: int) -> list[int]:
    pids, at = [root], 0
    while at < len(pids):
        pid = pids[at]
        at += 1
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    pids += [int(child) for child in fh.read().split()]
            except OSError:
                pass
    return pids


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


# -- the table --------------------------------------------------------------------------------


def print_figures(figures: dict[str, Any]) -> None:
    audit, floor, warm = figures["audit"], figures["floor"], figures["warm"]
    summary = audit["summary"]
    documents = summary["documents"]
    ratios = figures["ratios"]
    print(f"corpus     {figures['corpus']}" + ("  (a git repository)" if figures["git"] else ""))
    if figures["usage"]:
        share = audit["usage_match_share"]
        matched = f", {share:.0%} of the views matched" if share is not None else ""
        print(f"usage      {figures['usage']}{matched}")
    print(f"files      {summary['files_seen']:,}: {documents:,} documents, "
          f"{summary['assets']:,} other files, {summary['skipped']:,} skipped")  # fmt: skip
    runs = "1 run" if figures["repeat"] == 1 else f"best of {figures['repeat']} runs"
    jobs = (audit.get("reading") or {}).get("jobs", figures["jobs"])
    print(f"runs       {runs}, floor and audit alternated, each in a fresh process; "
          f"reading jobs: {jobs if jobs is not None else 'default'}")  # fmt: skip
    print(f"primed     every file read once first, to warm the OS file cache: "
          f"{figures['prime_seconds']:.1f} s (not counted)")  # fmt: skip
    for note in audit["notes"]:
        print(f"note       {note}")
    print()
    print(f"{'':32}{'seconds':>9}{'docs/s':>10}{'× floor':>9}{'CPU s':>8}")
    if floor:
        _row("floor (walk, read, YAML)", floor["seconds"], documents, 1.0, floor["cpu_seconds"])
    _row("audit, cold", audit["seconds"], documents, ratios.get("audit"), audit["cpu_seconds"])
    _row("warm (1% changed)", warm["seconds"], documents, ratios.get("warm"), warm["cpu_seconds"])
    history = audit["timings"].get("history")
    if figures["git"] and history is not None:
        _row("git history stage", history, None, ratios.get("history"))
    if figures["git_log_seconds"] is not None:
        _row("plain git log", figures["git_log_seconds"])
    lint = figures.get("markdownlint")
    if lint and "seconds" in lint:
        _row(f"markdownlint-cli2 {lint['version']}", lint["seconds"], documents,
             ratios.get("markdownlint"))  # fmt: skip
    elif lint:
        print(f"markdownlint-cli2: skipped: {lint['skipped']}")
    print()
    _print_stages(audit, warm)
    cache = (warm.get("reading") or {}).get("cache")
    if cache:
        print(f"cache      warm: {cache['reused']:,} documents reused, {cache['read']:,} read "
              f"({warm['changed_files']:,} files changed)")  # fmt: skip
    if figures.get("warm_note"):
        print(f"note       {figures['warm_note']}")
    for fmt, report in (audit.get("render") or {}).items():
        if "error" in report:
            print(f"report     {fmt}: rendering failed: {report['error']}")
            continue
        print(f"report     {fmt}: {report['bytes'] / 1e6:,.1f} MB, rendered and written in "
              f"{report['seconds']:.2f} s")  # fmt: skip
    print(f"peak RSS   audit process {figures['audit_peak_rss_mib']:,.0f} MiB "
          f"(after imports {audit['rss_imports_mib']:,.0f} MiB)"
          + (f", with rendering {audit['peak_rss_with_render_mib']:,.0f} MiB"
             if "peak_rss_with_render_mib" in audit else "")
          + (f"; floor {floor['peak_rss_mib']:,.0f} MiB" if floor else ""))  # fmt: skip
    if audit.get("peak_pss_all_mib") is not None:
        print(f"peak PSS   audit with its workers and git, sampled: "
              f"{figures['audit_peak_pss_all_mib']:,.0f} MiB")  # fmt: skip
    findings = summary["findings"]
    print(f"findings   {sum(findings.values()):,} ("
          + ", ".join(f"{n:,} {severity}" for severity, n in findings.items())
          + f") in {summary['documents_with_findings']:,} documents")  # fmt: skip
    print(f"imports    {audit['import_seconds']:.1f} s before the audit (not counted)")


def _print_stages(audit: dict[str, Any], warm: dict[str, Any]) -> None:
    """Seconds per stage of the cold and the warm audit, in the order the audit ran them."""
    print(f"{'stage':32}{'cold':>9}{'warm':>10}")
    stages = list(dict.fromkeys([*audit["timings"], *warm["timings"]]))
    for stage in stages:
        cold, again = audit["timings"].get(stage), warm["timings"].get(stage)
        print(f"  {stage:30}{_seconds(cold):>9}{_seconds(again):>10}")
    if stages:
        rest = [m["seconds"] - sum(m["timings"].values()) for m in (audit, warm)]
        print(f"  {'(not in a stage)':30}{_seconds(rest[0]):>9}{_seconds(rest[1]):>10}")
    print()


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _row(
    label: str,
    seconds: float,
    documents: int | None = None,
    ratio: float | None = None,
    cpu: float | None = None,
) -> None:
    rate = f"{documents / seconds:>10,.0f}" if documents and seconds > 0 else " " * 10
    times = f"{ratio:>8.1f}×" if ratio is not None else " " * 9
    cpu_text = f"{cpu:>8.1f}" if cpu is not None else ""
    print(f"{label:32}{seconds:>9.2f}{rate}{times}{cpu_text}".rstrip())


if __name__ == "__main__":
    main()
