"""Who owns a document: CODEOWNERS files, the roster of current people, and the identity
keys that let "@jpeeters", "Jan Peeters" and "jan.peeters@example.org" meet.

CODEOWNERS follows GitHub and GitLab: gitignore-style patterns relative to the repository
root, the last matching line wins, a line without owners leaves its files unowned, and
`docs/*` owns only the files directly in `docs/`. GitLab `[Sections]` each contribute
their own last match.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import numpy as np
import pandas as pd
import pathspec
import yaml

from auditor.errors import InputError
from auditor.load.text import read_input_file

#: Where GitHub and GitLab look for the file, in their order, under the repository root.
CODEOWNERS_PLACES = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS")
#: Roster columns or keys that name a person; any other column (team, role) is ignored.
PERSON_FIELDS = frozenset(
    {
        "name", "naam", "full name", "full_name", "fullname", "display name", "display_name",
        "person", "persoon", "medewerker", "user", "username", "user name", "login", "handle",
        "github", "gitlab", "email", "e-mail", "mail", "emailaddress", "email address",
        "owner", "eigenaar", "id", "alias", "aliases",
    }
)  # fmt: skip
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"(?<![\w@])@([\w.-]+(?:/[\w./-]+)?)")
_PARENS = re.compile(r"\([^)]*\)")
_NAME_SEPARATORS = re.compile(r"[\s._+-]+")
_OWNER_SEPARATORS = re.compile(r"[;,|&]|\s+(?:and|en)\s+", re.IGNORECASE)
_SECTION = re.compile(r"^\^?\[[^\]]+\](?:\[\d+\])?\s*(.*)$")  # GitLab: ^[Optional][2] @owners


# Identities -------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower case without accents: "José" and "jose" are the same person."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _as_name(text: str) -> str:
    """Spellings of one name meet: "jan.peeters", "Jan Peeters" and "jan-peeters" all
    become "janpeeters", and "An De Smet" meets the handle "andesmet"."""
    return "".join(_NAME_SEPARATORS.split(text))


def identity_keys(text: str) -> frozenset[str]:
    """The keys one owner or roster entry is known by: e-mail addresses and their local part
    read as a name, @handles with and without the @, and the name that remains."""
    rest = _fold(text)
    keys: set[str] = set()
    for email in _EMAIL.findall(rest):
        keys.update((email, _as_name(email.split("@")[0])))
        rest = rest.replace(email, " ")
    for handle in _HANDLE.findall(rest):
        keys.update((handle, _as_name(handle)))
        rest = rest.replace("@" + handle, " ")
    rest = re.sub(r"[^\w\s/'-]", " ", _PARENS.sub(" ", rest))
    keys.add(_as_name(rest))
    return frozenset(k for k in keys if k)


def is_team(owner: str) -> bool:
    """`@org/team` (GitHub) or `@group/subgroup` (GitLab)."""
    return bool(re.fullmatch(r"@[\w.-]+/[\w./-]+", owner.strip()))


def split_owners(text: str | None) -> tuple[str, ...]:
    """Several owners in one value: "Jan; An", "Jan Peeters and An De Smet", "@jan @an"."""
    owners: list[str] = []
    for part in _OWNER_SEPARATORS.split(text or ""):
        part = part.strip()
        tokens = part.split()
        if len(tokens) > 1 and all(t.startswith("@") or _EMAIL.fullmatch(t) for t in tokens):
            owners.extend(tokens)
        elif part:
            owners.append(part)
    return tuple(dict.fromkeys(owners))


# CODEOWNERS --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OwnerRule:
    pattern: str
    owners: tuple[str, ...]
    line: int

    def matches(self, paths: list[str]) -> np.ndarray:
        patterns = pathspec.GitIgnoreSpec.from_lines([self.pattern]).patterns
        regex = patterns[0].regex if patterns else None
        if regex is None:
            return np.zeros(len(paths), dtype=bool)
        # GitHub: `docs/*` owns docs/a.md but not docs/sub/b.md, unlike gitignore.
        files_only = self.pattern.rstrip("/").rsplit("/", 1)[-1] == "*"
        found = (regex.match(p) for p in paths)
        return np.fromiter(
            (m is not None and not (files_only and m.groupdict().get("ps_d")) for m in found),
            dtype=bool,
            count=len(paths),
        )


@dataclass(frozen=True, slots=True)
class CodeOwners:
    path: Path
    #: The folder its patterns are relative to: the repository root.
    base: Path
    sections: tuple[tuple[OwnerRule, ...], ...]

    @property
    def rules(self) -> int:
        return sum(len(s) for s in self.sections)

    def owners_for(self, paths: list[str]) -> list[tuple[tuple[str, ...], list[int]]]:
        """For each path (relative to `base`): its owners and the lines that named them."""
        result: list[tuple[tuple[str, ...], list[int]]] = [((), []) for _ in paths]
        for rules in self.sections:
            last = np.full(len(paths), -1)
            for i, rule in enumerate(rules):
                last[rule.matches(paths)] = i
            for n, i in enumerate(last):
                if i >= 0 and rules[i].owners:
                    owners, lines = result[n]
                    merged = tuple(dict.fromkeys(owners + rules[i].owners))
                    result[n] = (merged, [*lines, rules[i].line])
        return result


def parse_codeowners(text: str, path: Path, base: Path) -> CodeOwners:
    sections: list[list[OwnerRule]] = [[]]
    default: tuple[str, ...] = ()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = re.sub(r"\s+#.*$", "", raw).strip()  # trailing comments
        if not line or line.startswith("#"):
            continue
        section = _SECTION.match(line)
        if section:  # GitLab: each section has its own last match; default owners follow
            sections.append([])
            default = tuple(section.group(1).split())
            continue
        pattern, *owners = line.replace("\\ ", "\0").split()
        pattern = pattern.replace("\0", " ").replace("\\#", "#")
        sections[-1].append(OwnerRule(pattern, tuple(owners) or default, number))
    return CodeOwners(path, base, tuple(tuple(s) for s in sections if s))


def find_codeowners(root: Path, explicit: Path | None = None) -> CodeOwners | None:
    """The CODEOWNERS file that applies to `root`: the explicit one, else the first in the
    usual places of the scanned folder, then of the repository root above it."""
    if explicit is not None:
        return _read_codeowners(explicit)
    root = root.resolve()
    folders = [root]
    repo = _repository_root(root)
    if repo is not None and repo != root:
        folders.append(repo)
    for folder in folders:
        for place in CODEOWNERS_PLACES:
            if (folder / place).is_file():
                return _read_codeowners(folder / place)
    return None


def _read_codeowners(path: Path) -> CodeOwners:
    text = read_input_file(path, "CODEOWNERS file")
    path = path.resolve()
    # Patterns are relative to the repository root: the file's folder, or its parent when
    # the file sits in .github/, .gitlab/ or docs/.
    base = path.parent.parent if path.parent.name in (".github", ".gitlab", "docs") else path.parent
    return parse_codeowners(text, path, base)


def _repository_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def codeowners_paths(root: Path, owners: CodeOwners, documents: Iterable[str]) -> list[str]:
    """Document paths (relative to `root`) as the CODEOWNERS patterns see them."""
    try:
        prefix = PurePosixPath(root.resolve().relative_to(owners.base).as_posix())
    except ValueError:  # an explicit CODEOWNERS of another tree: patterns meet paths as is
        prefix = PurePosixPath(".")
    return [str(prefix / doc) if str(prefix) != "." else doc for doc in documents]


def apply_owners(documents: pd.DataFrame, root: Path, codeowners: CodeOwners | None) -> None:
    """Fill `owner` from CODEOWNERS where the document names none, then split every owner
    value into `owners` and the identity keys of each, `owner_keys`."""
    if codeowners is not None and len(documents):
        unowned = documents.index[documents["owner"].isna()]
        where = _display(codeowners.path, root)
        found = codeowners.owners_for(codeowners_paths(root, codeowners, unowned))
        for path, (owners, lines) in zip(unowned, found, strict=True):
            if owners:
                documents.at[path, "owner"] = "; ".join(owners)
                documents.at[path, "owner_source"] = f"codeowners:{where}:" + ",".join(
                    map(str, lines)
                )
    owners = documents["owner"].map(split_owners, na_action="ignore")
    documents["owners"] = owners.map(lambda o: o if isinstance(o, tuple) else ())
    documents["owner_keys"] = documents["owners"].map(lambda o: tuple(map(identity_keys, o)))


def owner_facts(root: Path, codeowners: CodeOwners | None, roster: Roster | None) -> dict:
    """What the report says about the ownership inputs."""
    return {
        "codeowners": _display(codeowners.path, root) if codeowners else None,
        "codeowners_rules": codeowners.rules if codeowners else 0,
        "roster": {"file": str(roster.path), "people": roster.people} if roster else None,
    }


def _display(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root.resolve())).as_posix()


# Roster ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Roster:
    path: Path
    people: int
    keys: frozenset[str] = field(default_factory=frozenset)


def read_roster(path: Path) -> Roster:
    """Current people, one per line (with `#` comments), or a CSV/TSV with a name, handle
    or e-mail column, or YAML/JSON: a list of names or of records, or a mapping of names."""
    text = read_input_file(path, "roster file")
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".tsv"):
            people = _people_from_table(text, "\t" if suffix == ".tsv" else None)
        elif suffix in (".yml", ".yaml", ".json"):
            data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
            people = list(_people_from_data(data))
        else:
            people = [(re.sub(r"(?:^|\s)#.*$", "", line),) for line in text.splitlines()]
    except (yaml.YAMLError, json.JSONDecodeError, csv.Error) as exc:
        raise InputError(f"roster file {path}: cannot be read: {exc}") from None
    people = [fields for fields in people if any(f.strip() for f in fields)]
    if not people:
        raise InputError(
            f"roster file {path}: no people found (one name, handle or e-mail per line, "
            "or a CSV with a 'name', 'handle' or 'email' column)"
        )
    keys = frozenset().union(*(identity_keys(f) for fields in people for f in fields))
    return Roster(path, len(people), keys)


def _people_from_table(text: str, delimiter: str | None) -> list[tuple[str, ...]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    if delimiter is None:
        delimiter = csv.Sniffer().sniff(lines[0], delimiters=",;\t").delimiter
    rows = [row for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter) if row]
    header = [_fold(cell) for cell in rows[0]]
    columns = [i for i, name in enumerate(header) if name in PERSON_FIELDS]
    if not columns:  # no header we know: the first column lists the people
        return [(row[0],) for row in rows]
    return [tuple(row[i] for i in columns if i < len(row)) for row in rows[1:]]


def _people_from_data(data: Any) -> Iterable[tuple[str, ...]]:
    """Each person as the fields that name them."""
    if isinstance(data, str | int):
        yield (str(data),)
    elif isinstance(data, list):
        for item in data:
            yield from _people_from_data(item)
    elif isinstance(data, dict):
        fields = _person_fields(data)
        if fields:  # one person's record: {name: …, github: …, team: …}
            yield fields
            return
        for key, value in data.items():
            if isinstance(value, list):  # {people: […]}, {platform-team: […]}
                yield from _people_from_data(value)
            elif isinstance(value, dict) and _person_fields(value):
                yield (str(key), *_person_fields(value))  # {Jan Peeters: {email: …}}
            elif isinstance(value, dict) and all(
                isinstance(v, list | dict) for v in value.values()
            ):
                yield from _people_from_data(value)  # nested groups
            else:
                yield (str(key),)  # {Jan Peeters: {team: …}}, {Jan Peeters: platform}


def _person_fields(record: dict) -> tuple[str, ...]:
    values = [v for k, v in record.items() if _fold(str(k)) in PERSON_FIELDS and v]
    flat = [x for v in values for x in (v if isinstance(v, list) else [v])]
    return tuple(str(x) for x in flat if isinstance(x, str | int))
