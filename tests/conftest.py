import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
EXAMPLE = REPO / "examples" / "team-wiki"
NOW = "2026-11-27"


@pytest.fixture
def write_tree(tmp_path):
    """Write {relative path: text or bytes} under tmp_path/wiki and return that folder."""

    def write(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "wiki"
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        root.mkdir(exist_ok=True)
        return root

    return write


def pytest_configure(config):
    """Audits in tests cache what they read in a folder of the test session, not in the
    user's cache folder; tests of the cache name their own."""
    if "KB_AUDIT_CACHE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="kb-audit-test-cache-")
        os.environ["KB_AUDIT_CACHE_DIR"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def benchmark(name: str):
    """A script of benchmarks/ as a module (`report_size`: synthetic results of any size)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
