"""Running git read-only, the same way for history and for changed files."""

from __future__ import annotations

import os
import subprocess
import unicodedata
from pathlib import Path

# Set by git hooks (pre-commit runs us with them): they would point git at another
# repository or index than the one holding the scanned folder.
REPOSITORY_OVERRIDES = frozenset(
    {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_NAMESPACE"}
)


def git_command(git: str, root: Path, *args: str) -> list[str]:
    # Pin the settings a user's config could change the output with.
    settings = ("diff.relative=false", "log.showSignature=false", "log.follow=false")
    pinned = [arg for setting in settings for arg in ("-c", setting)]
    return [git, "--no-optional-locks", "-C", str(root), *pinned, *args]


def git_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in REPOSITORY_OVERRIDES}
    # No prompt for credentials, English messages to recognise, no fetch of missing
    # objects in a partial clone (git fails instead of touching the network).
    env.update(GIT_TERMINAL_PROMPT="0", LC_ALL="C", GIT_OPTIONAL_LOCKS="0", GIT_NO_LAZY_FETCH="1")
    return env


def decode_text(raw: bytes) -> str:
    # As os.walk decodes file names on POSIX, so paths from both compare equal.
    return raw.decode("utf-8", "surrogateescape")


def nfc(path: str) -> str:
    # macOS may hand out decomposed names (e + combining accent) where git has composed.
    return unicodedata.normalize("NFC", path)


def run_git(git: str, root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """git read-only in `root`, its output captured; OSError when git cannot start."""
    return subprocess.run(
        git_command(git, root, *args),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=git_environment(),
        check=False,
    )
