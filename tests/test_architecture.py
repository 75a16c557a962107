"""Dependencies point one way: cli -> api -> load/rules/render -> model.
Rules never import render, load or cli; render never reads documents."""

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

FORBIDDEN = {
    "rules": ("auditor.cli", "auditor.api", "auditor.render", "auditor.load", "click", "jinja2"),
    "auditor/render": ("auditor.cli", "auditor.api", "auditor.load", "auditor.rules", "click"),
    "auditor/load": ("auditor.cli", "auditor.api", "auditor.render", "auditor.rules", "click"),
    "auditor/api.py": ("auditor.cli", "click"),
}


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", FORBIDDEN)
def test_layer_imports_point_one_way(layer):
    base = REPO / layer
    files = [base] if base.is_file() else sorted(base.rglob("*.py"))
    assert files
    for path in files:
        for name in imports(path):
            bad = [f for f in FORBIDDEN[layer] if name == f or name.startswith(f + ".")]
            assert not bad, f"{path.relative_to(REPO)} imports {name}"


def test_every_package_is_listed_in_setup_cfg():
    """setup.cfg lists packages by hand (rules/ and reports_templates/ are mapped into
    auditor.): a package missing there works in an editable install and breaks in a wheel."""
    listed = set(re.search(r"^packages =\n((?:    .+\n)+)", (REPO / "setup.cfg").read_text(),
                           re.MULTILINE).group(1).split())  # fmt: skip
    found = set()
    for top, name in (("auditor", "auditor"), ("rules", "auditor.rules"),
                      ("reports_templates", "auditor.reports_templates")):  # fmt: skip
        for init in (REPO / top).rglob("__init__.py"):
            parts = init.parent.relative_to(REPO / top).parts
            found.add(".".join((name, *parts)))
    assert found == listed
