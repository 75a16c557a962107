"""Real git repositories with back-dated commits, built for tests."""

import os
import subprocess
from pathlib import Path

import pytest

ANN = ("Ann", "ann@example.org")
BOB = ("Bob", "bob@example.org")
BOT = ("Format Bot", "bot@example.org")


@pytest.fixture(autouse=True)
def isolated_git(tmp_path, monkeypatch):
    """No user or system config (signing, hooks, aliases) leaks into the repositories."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)


class Repo:
    def __init__(self, path: Path):
        self.path = path
        path.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=self.path,
            env={**os.environ, **(env or {})},
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def commit(
        self,
        when: str,
        author: tuple[str, str] = ANN,
        write: dict[str, str] | None = None,
        move: dict[str, str] | None = None,
        delete: tuple[str, ...] = (),
    ) -> None:
        for old, new in (move or {}).items():
            (self.path / new).parent.mkdir(parents=True, exist_ok=True)
            self.git("mv", old, new)
        for rel, text in (write or {}).items():
            (self.path / rel).parent.mkdir(parents=True, exist_ok=True)
            (self.path / rel).write_text(text, encoding="utf-8")
        for rel in delete:
            self.git("rm", "-q", rel)
        self.git("add", "-A")
        name, email = author
        env = {
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_AUTHOR_DATE": f"{when}T12:00:00+00:00",
            "GIT_COMMITTER_DATE": f"{when}T12:00:00+00:00",
        }
        self.git(
            "-c",
            "user.name=CI",
            "-c",
            "user.email=ci@example.org",
            "commit",
            "-q",
            "-m",
            f"change of {when}",
            env=env,
        )
