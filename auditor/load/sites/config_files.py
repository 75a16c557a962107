"""Finding a site generator's config file, and reading config files without running them."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import yaml

_LEVELS_UP = 3  # how far above the scanned folder a config file is looked for
SKIPPED_DIRS = {"node_modules", "__pycache__"}


# --- finding the generator ---------------------------------------------------------------

_DATA = ("toml", "yaml", "yml", "json")
_CONFIG_FILES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mkdocs", ("mkdocs.yml", "mkdocs.yaml")),
    ("docusaurus", tuple(f"docusaurus.config.{e}" for e in ("js", "ts", "mjs", "cjs", "mts"))),
    ("hugo", tuple(f"{n}.{e}" for n in ("hugo", "config/_default/hugo") for e in _DATA)),
    ("jekyll", ("_config.yml", "_config.yaml")),
)
_HUGO_GENERIC = tuple(f"{n}.{e}" for n in ("config", "config/_default/config") for e in _DATA)


def find_configs(root: Path) -> list[tuple[str, Path]]:
    """Generators and their config files: the one in `root` or a few folders above it (not
    above a git repository's top), else those in its sub-folders (`website/`, or one per
    site when a folder holds several)."""
    folder = root.resolve()
    for _ in range(_LEVELS_UP + 1):
        found = _config_in(folder)
        if found:
            return [found]
        if (folder / ".git").exists() or folder.parent == folder:
            break
        folder = folder.parent
    try:
        children = sorted(p for p in root.resolve().iterdir() if p.is_dir())
    except OSError:
        return []
    return [
        found
        for child in children
        if not child.name.startswith((".", "_")) and child.name not in SKIPPED_DIRS
        for found in [_config_in(child)]
        if found
    ]


def _config_in(folder: Path) -> tuple[str, Path] | None:
    for kind, names in _CONFIG_FILES:
        for name in names:
            if (folder / name).is_file():
                return kind, folder / name
    if (folder / "content").is_dir():
        for name in _HUGO_GENERIC:
            if (folder / name).is_file():
                return "hugo", folder / name
    return None


# --- reading config files -----------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML that turns unknown tags (`!!python/name:…`, `!ENV`, `!relative`) into plain
    values instead of failing or, worse, running them."""


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", _plain)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _plain)


def read_yaml(path: Path) -> Any:
    """The file's YAML. A tag PyYAML cannot apply (`!!int ''`, `!!timestamp x`) raises
    from its constructors as AttributeError, KeyError, IndexError or TypeError: all of
    them become the YAMLError the callers turn into a site note."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (AttributeError, KeyError, IndexError, TypeError, RecursionError) as exc:
        raise yaml.YAMLError(f"a value cannot be read ({type(exc).__name__}: {exc})") from None


def read_data(path: Path) -> dict[str, Any]:
    """A TOML, YAML or JSON config file as a mapping (empty if it holds something else)."""
    suffix = path.suffix.lower()
    if suffix == ".toml":
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    elif suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
    else:
        data = read_yaml(path)
    return data if isinstance(data, dict) else {}


def as_text(value: Any) -> str | None:
    """A scalar frontmatter or config value as text; None for absent, lists and maps."""
    if value is None or isinstance(value, bool | list | dict):
        return None
    return str(value).strip() or None


def as_texts(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [t for t in (as_text(v) for v in items) if t]
