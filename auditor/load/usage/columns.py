"""Which column of an export holds what. Columns are recognised by name, in English and
Dutch, ignoring case and punctuation ("Page path and screen class" = `pagepathandscreenclass`),
or named through the `usage-columns` option. Names are tried in the order listed: GA4 has
both "Views" and "Views per user", Plausible both "visits" and "pageviews"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from auditor.load.usage.source import fail

ROLES = ("page", "title", "views", "users", "date", "last_viewed")
NAMES: dict[str, tuple[str, ...]] = {
    "page": (
        "pagepathandscreenclass", "pagepathquerystringandscreenclass", "pagepath",
        "pagepathquerystring", "page", "path", "pagina", "paginapad",
        "paginapadenschermklasse", "paginapadqueryreeksenschermklasse", "url", "pageurl",
        "pagelocation", "paginalocatie", "adres", "address", "uri", "requesturi", "pathname",
        "label", "metadataurl", "name", "pageid", "contentid",
    ),
    "title": (
        "pagetitleandscreenclass", "pagetitleandscreenname", "pagetitle", "title", "titel",
        "paginatitel", "paginatitelenschermklasse", "paginatitelenschermnaam", "documenttitle",
        "contenttitle",
    ),
    "views": (
        "views", "pageviews", "screenpageviews", "totalviews", "viewcount", "weergaven",
        "paginaweergaven", "nbhits", "hits", "visits", "bezoeken",
    ),
    "users": (
        "users", "totalusers", "activeusers", "visitors", "uniquevisitors", "nbuniqvisitors",
        "viewers", "uniqueviewers", "gebruikers", "actievegebruikers", "totaalaantalgebruikers",
        "bezoekers", "uniekebezoekers", "kijkers", "uniquepageviews", "uniekepaginaweergaven",
        "nbvisits",
    ),
    "date": ("date", "day", "datum", "dag", "eventdate", "timestamp", "datetime", "time", "tijd"),
    "last_viewed": (
        "lastviewed", "lastviewedat", "lastview", "laatstbekeken", "lastvisited", "lastaccessed",
    ),
}  # fmt: skip
#: Matomo's "Label" and Plausible's "name" hold paths in one report and titles in another.
AMBIGUOUS = frozenset({"label", "name"})


def fold(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def find_columns(
    header: Sequence[str],
    explicit: Mapping[str, str],
    path: Path,
    sample: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, str]:
    """{role: column name as in the header}. Names given in `explicit` ({role: name}) win;
    one the file lacks leaves the role to recognition. `sample` ({column: first values})
    tells whether an ambiguous page column holds titles. Raises InputError without a page
    or title column, or without a views column."""
    folded: dict[str, str] = {}
    for name in header:
        folded.setdefault(fold(name), name)
    found: dict[str, str] = {}
    absent: dict[str, str] = {}
    roles_named = {role.replace("-", "_") for role in explicit}
    for role, wanted in explicit.items():
        role = role.replace("-", "_")
        name = wanted if wanted in header else folded.get(fold(wanted))
        if name is None:
            absent[role] = wanted
        else:
            found[role] = name
    taken = set(found.values())
    for role in ROLES:
        name = found.get(role) or next(
            (folded[n] for n in NAMES[role] if n in folded and folded[n] not in taken), None
        )
        if name is not None:
            found[role] = name
            taken.add(name)
    label = found.get("page")
    if (
        label is not None
        and "title" not in found
        and "page" not in roles_named
        and fold(label) in AMBIGUOUS
        and looks_like_titles((sample or {}).get(label, ()))
    ):
        found["title"] = found.pop("page")
        urls = (folded[n] for n in NAMES["page"] if n in folded and folded[n] not in taken)
        if url := next(urls, None):
            found["page"] = url
    if "page" not in found and "title" not in found:
        raise _missing(path, "no column of page paths, URLs or titles", header, absent)
    if "views" not in found:
        raise _missing(path, "no column of view counts", header, absent)
    return found


def looks_like_titles(values: Iterable[str]) -> bool:
    """Whether sampled values of a page column read as titles rather than paths or ids."""
    values = [v.strip() for v in values if v and v.strip()]
    paths = sum(v.startswith("/") or "://" in v or v.isdigit() for v in values)
    return bool(values) and paths * 2 < len(values)


def _missing(path: Path, problem: str, header: Sequence[str], absent: Mapping[str, str]):
    shown = ", ".join(repr(name) for name in header[:12]) + (", ..." if len(header) > 12 else "")
    named = "".join(f"; usage-columns names {r} = {n!r}, which it lacks" for r, n in absent.items())
    return fail(
        path,
        f"{problem} (columns found: {shown or 'none'}){named}; name them with usage-columns, "
        f'e.g. usage-columns = {{page = "<column>", views = "<column>"}}',
    )
