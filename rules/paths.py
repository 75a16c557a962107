"""Matching document paths against the gitignore-style globs of rule options."""

from __future__ import annotations

import pandas as pd
import pathspec


def matches(paths: pd.Index | pd.Series, globs: list[str]) -> pd.Series:
    """A boolean Series, by path: does any glob match?"""
    paths = pd.Series(paths, index=paths)
    if not globs:
        return pd.Series(False, index=paths.index)
    spec = pathspec.GitIgnoreSpec.from_lines(globs)
    return paths.map(spec.match_file).astype(bool)
