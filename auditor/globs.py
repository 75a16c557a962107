"""Gitignore-style globs, as the config and rule options write them (`policies/**`)."""

from __future__ import annotations

from functools import lru_cache

import pathspec


@lru_cache(maxsize=256)
def glob_spec(globs: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    """The compiled globs; cached, as the same few are matched against every path."""
    return pathspec.GitIgnoreSpec.from_lines(globs)


def matches_any(path: str, globs: tuple[str, ...] | list[str]) -> bool:
    return glob_spec(tuple(globs)).match_file(path)
