"""The link graph: how many clicks a reader needs to reach each document."""

from __future__ import annotations

from collections import defaultdict, deque

import pandas as pd

_FOLLOWED = ("ok", "missing-anchor")  # the page exists, even if the section does not


def click_depths(documents: pd.DataFrame, links: pd.DataFrame) -> pd.Series:
    """Fewest link hops from the home page (0) to each document: the entry pages at the
    top of the knowledge base, or all entry pages when none is at the top. A page in the
    site's navigation is one click from anywhere (1). NaN where no path leads."""
    followed = links[links["status"].isin(_FOLLOWED) & links["target_path"].isin(documents.index)]
    neighbours: dict[str, set[str]] = defaultdict(set)
    # Lists, not Series: iterating a string column boxes every value (a million links).
    pairs = zip(followed["source"].tolist(), followed["target_path"].tolist(), strict=True)
    for source, target in pairs:
        if source != target:
            neighbours[source].add(target)
    depth: dict[str, int] = {}
    queue: deque[str] = deque()
    entry = documents["is_entry"].astype(bool)
    home = entry & (documents["depth"] == 0)
    for start, level in ((home if home.any() else entry, 0), (documents["in_nav"], 1)):
        for path in documents.index[start.astype(bool)]:
            if path not in depth:
                depth[path] = level
                queue.append(path)
    queue = deque(sorted(queue, key=depth.__getitem__))
    while queue:  # breadth first: the first visit is the shortest path
        path = queue.popleft()
        for target in neighbours.get(path, ()):
            if target not in depth:
                depth[target] = depth[path] + 1
                queue.append(target)
    return pd.Series(depth, dtype=float).reindex(documents.index)
