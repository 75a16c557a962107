"""Rule plugins: installed into a folder of their own and run through the real script, as
a user would; a broken plugin is reported and skipped; a clashing one is refused."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NOW, REPO

PLUGIN = REPO / "examples" / "plugin"


def kb_audit(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "auditor", *args],
        cwd=cwd, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def fake_distribution(site: Path, name: str, entry_point: str, module: str = "") -> None:
    """A distribution whose only content is a kb_audit.rules entry point (and a module)."""
    info = site / f"{name}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[kb_audit.rules]\n{entry_point}\n")
    if module:
        (site / f"{name}.py").write_text(module)


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--target", str(site), str(PLUGIN)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return site


def test_the_example_plugin_registers_and_runs_like_a_built_in_rule(plugin_site, tmp_path):
    listing = kb_audit(plugin_site, "rules", cwd=tmp_path)
    assert "Z001  draft-page" in listing.stdout
    assert "## Why" in kb_audit(plugin_site, "explain", "draft-page", cwd=tmp_path).stdout
    wiki = tmp_path / "wiki"
    wiki.mkdir()
    (wiki / "index.md").write_text("---\ndraft: true\n---\n# Home\n")
    (wiki / "done.md").write_text("---\ndraft: false\n---\n# Done\n")
    out = tmp_path / "r.json"
    scan = kb_audit(plugin_site, "scan", str(wiki), "--now", NOW, "--select", "Z001",
                    "-f", "json", "-o", str(out), cwd=tmp_path)  # fmt: skip
    assert scan.returncode == 0, scan.stderr
    assert '"id": "Z001"' in out.read_text() and '"path": "index.md"' in out.read_text()
    assert (
        '"path": "done.md"' not in out.read_text().split('"findings"')[1].split('"suppressed"')[0]
    )


def test_a_broken_plugin_is_reported_and_skipped(tmp_path):
    site = tmp_path / "site"
    fake_distribution(site, "broken_plugin", "Y001 = broken_plugin:Missing", "import nowhere\n")
    wiki = tmp_path / "wiki"
    wiki.mkdir()
    (wiki / "index.md").write_text("# Home\n")
    scan = kb_audit(site, "scan", str(wiki), "--now", NOW, "-o", str(tmp_path / "r.html"),
                    cwd=tmp_path)  # fmt: skip
    assert scan.returncode == 0, scan.stderr
    assert "Skipped rule plugin 'Y001' (broken_plugin:Missing) failed to load" in scan.stdout
    assert "No module named 'nowhere'" in scan.stdout
    assert "Traceback" not in scan.stderr


def test_a_plugin_reusing_a_built_in_id_is_refused(tmp_path):
    site = tmp_path / "site"
    module = (
        "from auditor.model import Severity\nfrom auditor.rule import Rule\n"
        "class Clash(Rule):\n    id = 'T001'\n    name = 'my-stale'\n"
        "    severity = Severity.INFO\n"
    )
    fake_distribution(site, "clash_plugin", "T001 = clash_plugin:Clash", module)
    done = kb_audit(site, "rules", cwd=tmp_path)
    assert done.returncode == 2
    assert "duplicate rule 'T001'" in done.stderr and len(done.stderr.splitlines()) == 1
