"""Hostile and broken folders: never crash, never lose a file, never leave the folder,
never change it."""

import hashlib
import itertools
import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.api import audit
from auditor.cli import cli
from auditor.config import Config
from auditor.render import RENDERERS
from tests.conftest import NOW

SECRET = "root:x:0:0:this-must-never-be-read"


def snapshot(root: Path) -> str:
    """Names, kinds, modes, link targets and contents of everything under `root`."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = Path(folder, name)
            info = path.lstat()
            digest.update(os.fsencode(path.relative_to(root)) + b"\0")
            digest.update(f"{stat.S_IFMT(info.st_mode)} {info.st_mode} {info.st_mtime_ns}".encode())
            if path.is_symlink():
                digest.update(os.fsencode(os.readlink(path)))
            elif stat.S_ISREG(info.st_mode):
                digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def hostile(tmp_path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(SECRET)
    root = tmp_path / "wiki"
    root.mkdir()
    (root / "index.md").write_text(
        "# Home\n\n[up](../../../../etc/passwd) [secret](../outside/secret.md) "
        "[named](new%0Aline.md)\n"
    )
    (root / "new\nline.md").write_text("# New line\n\n[x](nowhere.md)\n")
    (root / "colon: odd \u202e name.md").write_text("# Right to left\n")
    (root / os.fsdecode(b"latin-\xe9.md")).write_bytes(b"# Caf\xc3\xa9\n\n[y](gone.md)\n")
    (root / "nul.md").write_bytes(b"# Text\0with a NUL\n")
    (root / "big.md").write_bytes(b"# Big\n" + b"word " * 1_300_000)  # 6.5 MB
    os.mkfifo(root / "pipe.md")
    (root / "secret.md").symlink_to(outside / "secret.md")
    (root / "etc.md").symlink_to("/etc/passwd")
    (root / "loop.md").symlink_to("loop.md")
    (root / "up").symlink_to("..")
    (root / "self").symlink_to(".")  # a loop, were it followed
    (root / "gone.md").symlink_to("does-not-exist.md")
    (root / "alias.md").symlink_to("index.md")  # inside: read like any file
    return root


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def report(hostile, tmp_path):
    out = tmp_path / "out"
    result = run("scan", str(hostile), "--now", NOW, "--no-git-history", "-f", "json", "-o",
                 str(out / "report.json"))  # fmt: skip
    assert result.exit_code == 1, result.output  # the broken links
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_every_file_is_a_document_an_asset_or_skipped_with_its_reason(report):
    s = report["summary"]
    assert s["files_seen"] == s["documents"] + s["assets"] + s["skipped"] == 14
    reasons = {item["path"]: item["reason"] for item in report["skipped"]}
    assert reasons == {
        "big.md": "larger than max-file-size (6,500,006 bytes; limit 5,000,000)",
        "etc.md": "symbolic link to outside the scanned folder (not followed)",
        "gone.md": "broken symbolic link",
        "loop.md": "broken symbolic link",
        "nul.md": "binary file with a document extension",
        "pipe.md": "not a regular file (a pipe, socket or device)",
        "secret.md": "symbolic link to outside the scanned folder (not followed)",
        "self": "symbolic link to a folder (not followed)",
        "up": "symbolic link to outside the scanned folder (not followed)",
    }


def test_nothing_outside_the_folder_is_read(report):
    text = json.dumps(report)
    assert "this-must-never-be-read" not in text and "/bin/bash" not in text
    outside = [f for f in report["findings"] if f["id"] == "T020" and f["path"] == "index.md"]
    assert {f["evidence"]["target"] for f in outside} >= {
        "../../../../etc/passwd", "../outside/secret.md"
    }  # fmt: skip


def test_odd_names_are_audited_and_survive_every_format(hostile, tmp_path):
    documents = {d["path"] for d in audit(hostile, Config(now=NOW, git_history=False)).documents}
    assert {"new\nline.md", "colon: odd \u202e name.md", "latin-\udce9.md"} <= documents
    out = tmp_path / "all"
    result = run("scan", str(hostile), "--now", NOW, "--no-git-history", "-f",
                 ",".join(RENDERERS), "-o", f"{out}/")  # fmt: skip
    assert result.exit_code == 1, result.output
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert "latin-\udce9.md" in {d["path"] for d in data["documents"]}  # read back as written
    for name, _ in RENDERERS.values():
        assert (out / name).read_bytes().decode("utf-8")  # valid UTF-8, whatever the names
    assert "\u202e" not in (out / "report.txt").read_text(encoding="utf-8")


def test_the_size_limit_is_configurable_and_a_ten_megabyte_line_is_read(hostile, tmp_path):
    (hostile / "line.md").write_bytes(b"# One line\n\n" + b"x" * 10_000_000 + b"\n")
    config = Config(now=NOW, git_history=False, max_file_size="20 MB", cache=False)
    result = audit(hostile, config)
    docs = {d["path"]: d for d in result.documents}
    assert "line.md" in docs and "big.md" in docs
    assert docs["big.md"]["words"] == 1_300_001


def test_an_unreadable_file_and_folder_are_skipped_with_the_reason(hostile, monkeypatch):
    """Permissions simulated: the tests run as root in CI, and root reads everything."""
    (hostile / "locked").mkdir()
    (hostile / "locked" / "a.md").write_text("# A\n")
    scandir, read_bytes = os.scandir, Path.read_bytes

    def locked_scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    def locked_read_bytes(self):
        if self.name == "index.md":
            raise PermissionError(13, "Permission denied")
        return read_bytes(self)

    monkeypatch.setattr(os, "scandir", locked_scandir)
    monkeypatch.setattr(Path, "read_bytes", locked_read_bytes)
    result = audit(hostile, Config(now=NOW, git_history=False, cache=False))
    reasons = {s.path: s.reason for s in result.skipped}
    assert reasons["locked/"] == "unreadable folder: Permission denied"
    assert reasons["index.md"] == "unreadable: Permission denied"


def test_a_pipe_never_blocks_the_audit(hostile):
    """Reading a FIFO would wait for a writer forever: the scan must end on its own."""
    done = subprocess.run(
        [sys.executable, "-m", "auditor", "scan", str(hostile), "--now", NOW, "-q", "-f", "json",
         "-o", "-", "--no-git-history", "--no-cache"],
        capture_output=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["summary"]["skipped"] == 9


def test_an_internal_error_is_one_line_and_exit_3(hostile, monkeypatch, tmp_path):
    def broken(result, options):
        raise RuntimeError("renderer exploded")

    monkeypatch.setitem(RENDERERS, "json", ("report.json", broken))
    result = run("scan", str(hostile), "--no-git-history", "-f", "json", "-o",
                 str(tmp_path / "r.json"))  # fmt: skip
    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [
        "kb-audit: internal error: RuntimeError: renderer exploded (a bug: please report it; "
        "KB_AUDIT_DEBUG=1 shows where it happened)"
    ]


def test_the_audit_never_changes_the_folder_it_scans(hostile, tmp_path, monkeypatch):
    """Every output, the cache, a baseline and the history database on, and the reports
    left to their default folder from inside the scanned folder (they must go elsewhere)."""
    (hostile / "kb-audit.toml").write_text('history = "../history.sqlite"\n')
    before = snapshot(hostile)
    monkeypatch.chdir(hostile)
    every = ["scan", ".", "--now", NOW, "-f", ",".join(RENDERERS), "--cache-dir",
             str(tmp_path / "cache")]  # fmt: skip
    baseline = str(tmp_path / "baseline.json")
    assert run(*every, "--write-baseline", baseline).exit_code == 0
    assert run(*every, "--baseline", baseline).exit_code == 0  # read from the cache now
    assert snapshot(hostile) == before
    assert (tmp_path / "history.sqlite").exists() and any((tmp_path / "cache").iterdir())


def _bomb() -> str:
    """Nine levels of nine aliases: 387 million values once expanded."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in itertools.pairwise("abcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines)


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("bomb.md", f"---\n{_bomb()}\ntitle: Bomb\n---\n# Bomb\n", "billion laughs"),
        ("bomb-title.md", f"---\n{_bomb()}\ntitle: *i\nowner: *i\n---\n# B\n", "billion laughs"),
        ("deep.md", "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n# Deep\n", "nesting depth"),
        ("deep.toml.md", "+++\na = " + "[" * 5000 + "]" * 5000 + "\n+++\n# T\n", "recursion"),
        ("deep.json.md", '{\n"a": ' + "[" * 100_000 + "]" * 100_000 + "\n}\n# J\n", "recursion"),
    ],
)
def test_frontmatter_bombs_and_depths_are_parse_errors_not_crashes(write_tree, name, text,
                                                                   message):  # fmt: skip
    wiki = write_tree({name: text, "index.md": "# Home\n"})
    result = audit(wiki, Config(now=NOW, git_history=False, cache=False))
    errors = [f for f in result.findings if f.id == "T024"]
    assert [f.path for f in errors] == [name]
    assert message in errors[0].message


def test_a_small_alias_is_still_read(write_tree):
    text = "---\nbase: &who {owner: ann}\nteam: *who\ntitle: Shared\n---\n# Shared\n"
    wiki = write_tree({"page.md": text})
    result = audit(wiki, Config(now=NOW, git_history=False, cache=False))
    assert [d["title"] for d in result.documents] == ["Shared"]
    assert not [f for f in result.findings if f.id == "T024"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_run_leaves_nothing_half_written(tmp_path, signum):
    """Stopped while reading, a run ends with code 130 in one line; the output folder holds
    no partial report and no temporary file, and the history database is intact."""
    wiki = tmp_path / "wiki"
    # Pages with some prose, so that reading is most of a run: the signal must land in it
    # on fast and slow machines alike, not after the history is written.
    words = ["on-call", "engineer", "checks", "SLA", "dashboard", "deploy", "queue", "rota",
             "backup", "restore"]  # fmt: skip
    for n in range(3000):
        folder = wiki / f"f{n % 40}"
        folder.mkdir(parents=True, exist_ok=True)
        prose = " ".join(random.Random(n).choices(words, k=400))  # not near-duplicates
        (folder / f"p{n}.md").write_text(
            f"---\ntitle: P{n}\n---\n# P{n}\n\n{prose}\n\n[next](p{n + 1}.md)\n"
        )
    out, history = tmp_path / "out", tmp_path / "history.sqlite"
    command = [sys.executable, "-m", "auditor", "scan", str(wiki), "-f", "html,json", "-o",
               f"{out}/", "--history", str(history), "--no-cache", "--no-git-history"]  # fmt: skip
    subprocess.run(command, capture_output=True, check=False)  # complete runs: the first
    start = time.monotonic()  # warms the file cache, the second is timed like the third
    subprocess.run(command, capture_output=True, check=False)
    took = time.monotonic() - start
    complete = {p.name: p.read_bytes() for p in out.iterdir()}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(took * 0.45)  # past start-up (imports), in the middle of reading
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.decode().strip().splitlines()[-1] == (
        "kb-audit: interrupted; nothing was left half-written"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == complete  # the last run's
    with sqlite3.connect(history) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM runs").fetchone() == (2,)  # not the third


def test_document_urls_never_become_live_links_in_the_report(write_tree, tmp_path):
    wiki = write_tree({
        "index.md": "# <script>alert(1)</script>\n\n[a](javascript:alert(1)) "
        "[b](data:text/html;base64,PHNjcmlwdD4=) ![c](javascript:alert(2))\n"
        "<a href=\"javascript:alert(3)\">d</a>\n",
    })  # fmt: skip
    out = tmp_path / "out"
    result = run("scan", str(wiki), "--now", NOW, "--no-git-history", "-f", "html,markdown",
                 "-o", f"{out}/")  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    for name in ("report.html", "summary.md"):
        text = (out / name).read_text(encoding="utf-8").lower()
        assert 'href="javascript:' not in text and "href='javascript:" not in text
        assert 'href="data:' not in text and "](javascript:" not in text
        assert "<script>alert" not in text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x", "x"])
def test_a_report_url_must_be_http(write_tree, url):
    wiki = write_tree({"a.md": "# A\n"})
    result = run("scan", str(wiki), "--report-url", url, "-f", "markdown", "-o", "-")
    assert result.exit_code == 2
    assert "report-url must be an http(s) address" in result.output
