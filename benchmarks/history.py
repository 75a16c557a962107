"""How long reading version history takes: in full, from the cache, and after new commits.

Clones the git repository REPO (e.g. one made by `generate_corpus.py --git-commits N`)
into a temporary folder, so the corpus itself never changes, and prints the seconds of:

- a plain `git log --name-status -M` of every commit, the yardstick;
- a full read of the history (`read_history`, on every core), which writes the cache;
- a read with HEAD unchanged, served from the cache;
- a read after `--commits` new commits (edits, a rename, a new page): only they are read;
- a full read at the new HEAD without the cache, and whether both give the same history.

    python benchmarks/history.py /tmp/bench/corpus-100k/wiki      # 100,000 commits: a minute
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from pathlib import Path

from run import GIT_LOG  # the yardstick run.py times too (benchmarks/ is on the path)

from auditor.config import Config
from auditor.load.history import read_history
from auditor.load.reader import jobs_for

AUTHOR = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
          "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path, help="a git repository (never changed)")
    parser.add_argument("--commits", type=int, default=10, help="new commits (default 10)")
    args = parser.parse_args()
    jobs = jobs_for(Config())
    with tempfile.TemporaryDirectory(prefix="kb-audit-history-") as tmp:
        clone, cache = Path(tmp) / "wiki", Path(tmp) / "cache" / "history.pickle"
        # --shared borrows the objects instead of copying gigabytes; new ones stay here.
        subprocess.run(["git", "clone", "-q", "--shared", str(args.repo), str(clone)], check=True)
        commits = int(_git(clone, "rev-list", "--count", "HEAD"))
        print(f"repository  {args.repo}: {commits:,} commits; reading with {jobs} git "
              "processes from 20,000 commits")  # fmt: skip
        _time("plain git log", lambda: _git(clone, *GIT_LOG, binary=True))
        read = lambda cached: read_history(clone, _documents(clone), 200, cached, jobs=jobs)  # noqa: E731
        _time("full read, the cache written", lambda: read(cache))
        print(f"{'':32}cache file {cache.stat().st_size / 1e6:,.1f} MB")
        _time("HEAD unchanged, from the cache", lambda: read(cache))
        _commit(clone, args.commits)
        after = _time(f"{args.commits} new commits, read alone", lambda: read(cache))
        full = _time("the same, read in full", lambda: read(None))
        same = after.frame.equals(full.frame) and (after.renames, after.bulk_commits) == (
            full.renames, full.bulk_commits)  # fmt: skip
        print(f"same history: {'yes' if same else 'NO'} ({len(full.frame):,} documents)")


def _time(label: str, run):
    started = time.perf_counter()
    result = run()
    print(f"{label:32}{time.perf_counter() - started:8.2f} s", flush=True)
    return result


def _git(repo: Path, *args: str, binary: bool = False) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          env={**os.environ, **AUTHOR})  # fmt: skip
    return "" if binary else done.stdout.decode()


def _documents(repo: Path) -> list[str]:
    return [p for p in _git(repo, "ls-files", "-z", "--", "*.md").split("\0") if p]


def _commit(repo: Path, count: int) -> None:
    """Edits, with a rename and a new page among them, one commit each."""
    documents = _documents(repo)
    for n in range(count):
        page = documents[n * 997 % len(documents)]
        if n == 3:
            _git(repo, "mv", page, page.removesuffix(".md") + "-moved.md")
        elif n == 5:
            (repo / f"new-page-{n}.md").write_text("# New\n\nA new page.\n", encoding="utf-8")
        else:
            with (repo / page).open("a", encoding="utf-8") as text:
                text.write(f"\nEdit {n}.\n")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", f"bench edit {n}")


if __name__ == "__main__":
    main()
