"""Matching document paths against the gitignore-style globs of rule options."""

from __future__ import annotations

import pandas as pd

from auditor.globs import glob_spec


def matches(paths: pd.Index | pd.Series, globs: list[str]) -> pd.Series:
    """A boolean Series aligned with `paths` (its index, or the paths themselves for an
    Index): does any glob match the path?"""
    index = paths if isinstance(paths, pd.Index) else paths.index
    values = pd.Series(paths.to_numpy(), index=index).fillna("").astype(str)
    if not globs:
        return pd.Series(False, index=index)
    spec = glob_spec(tuple(globs))
    return values.map(spec.match_file).astype(bool)
