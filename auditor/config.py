"""The configuration: `kb-audit.toml`, `[tool.kb-audit]` in `pyproject.toml`, or the CLI.

Every command-line option of `scan` has a key of the same name here. Unknown keys are
refused with a suggestion, so a typo never silently does nothing.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.errors import ConfigError
from auditor.overrides import Override, parse_overrides
from auditor.policies import Policy, parse_policies
from auditor.render.i18n import check_language

CONFIG_NAME = "kb-audit.toml"
FAIL_ON = ("error", "warning", "info", "never")
DATE_ORDERS = ("auto", "DMY", "MDY")
LIST_KEYS = (
    "format", "select", "ignore", "exclude", "extensions", "entry_pages", "base_urls", "usage",
)  # fmt: skip
USAGE_COLUMNS = ("page", "title", "views", "users", "date", "last_viewed")


@dataclass(frozen=True)
class FrontmatterKeys:
    """Which frontmatter keys carry which fact; the first key present wins."""

    title: list[str] = field(default_factory=lambda: ["title", "titel"])
    summary: list[str] = field(
        default_factory=lambda: [
            "summary", "description", "abstract", "tldr", "excerpt",
            "samenvatting", "beschrijving", "toelichting",
        ]
    )  # fmt: skip
    type: list[str] = field(default_factory=lambda: ["type", "kind", "category", "soort"])
    owner: list[str] = field(
        default_factory=lambda: ["owner", "owners", "maintainer", "maintainers", "eigenaar"]
    )
    review_date: list[str] = field(
        default_factory=lambda: [
            "reviewed", "last_reviewed", "last-reviewed", "last_reviewed_on", "review_date",
            "reviewed_at", "herzien", "laatst_herzien",
        ]
    )  # fmt: skip
    change_date: list[str] = field(
        default_factory=lambda: [
            "updated", "last_updated", "last-updated", "lastmod", "last_modified",
            "last_modified_at", "last_update", "ms.date", "modified", "date", "bijgewerkt",
            "gewijzigd", "datum",
        ]
    )  # fmt: skip
    expiry_date: list[str] = field(
        default_factory=lambda: [
            "review_by", "review-by", "expires", "expiry", "valid_until", "valid-until",
            "geldig_tot", "herzien_voor",
        ]
    )  # fmt: skip
    review_interval: list[str] = field(
        default_factory=lambda: [
            "review_interval", "review-interval", "review_in", "review_cycle", "herzien_elke",
        ]
    )  # fmt: skip
    #: Date order for ambiguous numeric dates per key, e.g. {"ms.date" = "MDY"}.
    date_order: dict[str, str] = field(default_factory=lambda: {"ms.date": "MDY"})


@dataclass(frozen=True)
class Config:
    format: list[str] = field(default_factory=lambda: ["html"])
    output: str | None = None
    now: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    quiet: bool = False
    exclude: list[str] = field(default_factory=list)
    extensions: list[str] = field(
        default_factory=lambda: [".md", ".markdown", ".mdx", ".html.md", ".html.md.erb"]
    )
    entry_pages: list[str] = field(default_factory=lambda: ["index", "readme", "home", "_index"])
    frontmatter: FrontmatterKeys = field(default_factory=FrontmatterKeys)
    #: "DMY" or "MDY" for ambiguous numeric dates such as 03/05/2023, or "auto": the order
    #: the corpus proves for each key (13/05/2023 proves day-first), else day-first.
    date_order: str = "auto"
    #: Read version history with git when the folder is in a repository.
    git_history: bool = True
    #: Commits touching more files than this are bulk edits, not a page's last change.
    bulk_commit_files: int = 200
    #: The site's public addresses, so absolute links to it resolve to documents.
    base_urls: list[str] = field(default_factory=list)
    #: Heading anchors as "github" (and Docusaurus), "mkdocs" or "any" renderer makes
    #: them; "auto" follows the site generator found. Explicit {#id}s always count.
    anchor_slugs: str = "auto"
    #: Page-view exports (CSV/TSV, JSON Lines, access logs, gzipped or not).
    usage: list[str] = field(default_factory=list)
    #: Days before "now" whose views count.
    usage_window_days: int = 365
    #: Column names of the usage files, when not recognised: page, title, views, users,
    #: date, last_viewed.
    usage_columns: dict[str, str] = field(default_factory=dict)
    #: "obsidian" reads [[Page|text]], "gollum" reads [[text|Page]].
    wikilinks: str = "obsidian"
    #: The language of the HTML report: "en" or "nl" (the other outputs are language-neutral).
    lang: str = "en"
    #: Current people: one per line, or a CSV/YAML of names, handles or e-mail addresses.
    roster: str | None = None
    #: Terms and their meaning: Markdown or text (`TERM: meaning`, tables), CSV or YAML.
    glossary: str | None = None
    #: A CODEOWNERS file, when not in the usual places of the folder or its repository.
    codeowners: str | None = None
    #: An SQLite file each audit appends its summary to, for the trend and what changed.
    history: str | None = None
    #: Reuse what reading each unchanged file gave last time (see `load/cache.py`), and
    #: the version history read before: only commits since are read (`load/history.py`).
    cache: bool = True
    #: Where the cache lives; default the user's cache folder, never the scanned folder.
    cache_dir: str | None = None
    #: Processes that read documents; 0 means one per core.
    jobs: int = 0
    #: Larger documents are skipped and reported: bytes, or a size such as "5 MB".
    max_file_size: int | str = "5 MB"
    #: A baseline file (`--write-baseline`): only findings not in it fail.
    baseline: str | None = None
    #: Where the HTML report will be read (a CI artifact's page), for the Markdown summary.
    report_url: str | None = None
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    overrides: list[Override] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    #: Where the values came from, for the report ("defaults" or a file path).
    source: str = "defaults"

    @classmethod
    def from_mapping(cls, data: dict[str, Any], source: str) -> Config:
        values = _check_keys(data, cls, source, skip=("source",))
        if "frontmatter" in values:
            fm = values["frontmatter"]
            if not isinstance(fm, dict):
                raise ConfigError(f"{source}: 'frontmatter' must be a table")
            checked = _check_keys(fm, FrontmatterKeys, f"{source} [frontmatter]")
            values["frontmatter"] = FrontmatterKeys(
                **{k: v if k == "date_order" else _str_list(v, f"frontmatter.{k}", source)
                   for k, v in checked.items()}
            )  # fmt: skip
        if "overrides" in values:
            values["overrides"] = parse_overrides(values["overrides"], source)
        if "policies" in values:
            values["policies"] = parse_policies(values["policies"], source)
        if "rules" in values:
            rules = values["rules"]
            if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
                raise ConfigError(
                    f"{source}: 'rules' must hold one table per rule, e.g. [rules.T001]"
                )
        for key in (
            "format",
            "select",
            "ignore",
            "exclude",
            "extensions",
            "entry_pages",
            "base_urls",
        ):
            if key in values:
                values[key] = _str_list(values[key], key, source)
        return cls(**values, source=source).validated()

    def merged(self, overrides: dict[str, Any]) -> Config:
        """This config with values given on the command line taking precedence."""
        return dataclasses.replace(self, **overrides).validated()

    def validated(self) -> Config:
        if self.fail_on not in FAIL_ON:
            raise ConfigError(f"fail-on must be one of {', '.join(FAIL_ON)}, not {self.fail_on!r}")
        orders = [self.date_order, *self.frontmatter.date_order.values()]
        if any(order not in DATE_ORDERS for order in orders):
            raise ConfigError(f"date-order must be one of {', '.join(DATE_ORDERS)}")
        unknown = set(self.usage_columns) - set(USAGE_COLUMNS)
        if unknown:
            raise ConfigError(
                f"usage-columns: unknown role {sorted(unknown)[0]!r} "
                f"(roles: {', '.join(USAGE_COLUMNS)})"
            )
        if self.usage_window_days <= 0:
            raise ConfigError("usage-window-days must be a positive number of days")
        if self.anchor_slugs not in ("auto", "github", "mkdocs", "any"):
            raise ConfigError("anchor-slugs must be auto, github, mkdocs or any")
        if self.wikilinks not in ("obsidian", "gollum"):
            raise ConfigError(f"wikilinks must be obsidian or gollum, not {self.wikilinks!r}")
        check_language(self.lang)
        for key in ("roster", "glossary", "codeowners", "history", "baseline", "cache_dir"):
            if not isinstance(getattr(self, key), str | None):
                raise ConfigError(f"{key} must be the path of a file")
        if not isinstance(self.jobs, int) or isinstance(self.jobs, bool) or self.jobs < 0:
            raise ConfigError("jobs must be a whole number of processes (0: one per core)")
        file_size_bytes(self.max_file_size)  # refuses a size it cannot read
        url = self.report_url
        if url is not None and not (
            isinstance(url, str) and url.startswith(("https://", "http://"))
        ):
            # a summary links to it: no javascript: or data: address may become a live link
            raise ConfigError(f"report-url must be an http(s) address, not {url!r}")
        bad = [e for e in self.extensions if not e.startswith(".")]
        if bad:
            raise ConfigError(f"extensions must start with a dot: {', '.join(bad)}")
        return self

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$", re.IGNORECASE)
_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20,
          "gib": 2**30}  # fmt: skip


def file_size_bytes(value: int | str) -> int:
    """`max-file-size` in bytes: 5000000, "5 MB", "500 KiB"."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    match = _SIZE.match(value) if isinstance(value, str) else None
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f'max-file-size must be a size such as 5000000 or "5 MB", not {value!r}')
    return int(float(match.group(1)) * _UNITS[(match.group(2) or "b").lower()])


def find_config(scan_path: Path, cwd: Path) -> Path | None:
    """kb-audit.toml in the scanned folder or the working directory, else a pyproject.toml
    with a [tool.kb-audit] table in either."""
    folders = [scan_path if scan_path.is_dir() else scan_path.parent, cwd]
    for folder in folders:
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    for folder in folders:
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "kb-audit" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("kb-audit", {})
    config = Config.from_mapping(_snake(data), str(path))
    # Files named in a config file are relative to it, wherever kb-audit runs from; a
    # leading ~ is the user's home.
    usage = [os.path.normpath(path.parent / os.path.expanduser(u)) for u in config.usage]
    files = {
        key: os.path.normpath(path.parent / os.path.expanduser(value))
        for key in ("roster", "glossary", "codeowners", "history", "baseline", "cache_dir")
        if isinstance(value := getattr(config, key), str)
    }
    return dataclasses.replace(config, usage=usage, **files)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"malformed config {path}: {exc}") from None


def _snake(data: dict[str, Any]) -> dict[str, Any]:
    """Top-level and [frontmatter] keys are kebab-case in TOML; rule tables keep their keys."""
    out = {k.replace("-", "_"): v for k, v in data.items()}
    if isinstance(out.get("frontmatter"), dict):
        out["frontmatter"] = {k.replace("-", "_"): v for k, v in out["frontmatter"].items()}
    return out


def _check_keys(data: dict[str, Any], schema: type, where: str, skip=()) -> dict[str, Any]:
    known = [f.name for f in dataclasses.fields(schema) if f.name not in skip]
    for key in data:
        if key not in known:
            hint = difflib.get_close_matches(key, known, n=1)
            tip = f"; did you mean '{hint[0].replace('_', '-')}'?" if hint else ""
            raise ConfigError(f"{where}: unknown key '{key.replace('_', '-')}'{tip}")
    return dict(data)


def _str_list(value: Any, key: str, source: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: '{key.replace('_', '-')}' must be a list of strings")
    return list(value)
