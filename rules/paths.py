"""Matching document paths against the gitignore-style globs of rule options."""

from __future__ import annotations

import pandas as pd
import pathspec


def matches(paths: pd.Index | pd.Series, globs: list[str]) -> pd.Series:
    """A boolean Series aligned with `paths` (its index, or the paths themselves for an
    Index): does any glob match the path?"""
    index = paths if isinstance(paths, pd.Index) else paths.index
    values = pd.Series(paths.to_numpy(), index=index).fillna("").astype(str)
    if not globs:
        return pd.Series(False, index=index)
    spec = pathspec.GitIgnoreSpec.from_lines(globs)
    return values.map(spec.match_file).astype(bool)
