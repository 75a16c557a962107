"""The two real documentation sites in shared/corpora: audited without a crash, every
file accounted for, and the broken links found there are the real ones (checked by hand
against the sites' sources; see the notes in each test)."""

import os
from pathlib import Path

import pytest

from auditor.api import audit
from auditor.config import Config
from tests.conftest import NOW, REPO

CORPORA = REPO.parent / "shared" / "corpora"


def corpus(name: str) -> Path:
    path = CORPORA / name
    assert path.is_dir(), f"{path} is missing: CI lays shared/ beside the repository"
    return path


def audit_corpus(name: str):
    return audit(corpus(name), Config(now=NOW, git_history=False))


@pytest.mark.parametrize("name", ["algoritmekader-nl", "don-site-nl"])
def test_every_file_is_audited_or_skipped_with_a_reason(name):
    result = audit_corpus(name)
    root = corpus(name)
    on_disk = {
        Path(folder, f).relative_to(root).as_posix()
        for folder, _, files in os.walk(root)
        for f in files
    }
    documents = {d["path"] for d in result.documents}
    skipped = [s.path for s in result.skipped]
    in_skipped_folders = {
        p for p in on_disk if any(p.startswith(s) for s in skipped if s.endswith("/"))
    }
    assets = on_disk - documents - set(skipped) - in_skipped_folders
    assert result.summary.assets == len(assets)
    assert result.summary.files_seen == len(documents) + len(assets) + len(skipped)
    assert all(s.reason for s in result.skipped)


def test_algoritmekader_broken_links_are_the_real_ones():
    """MkDocs with directory URLs: `../ontwerp` in raw HTML is relative to the page's URL
    and works; CONTRIBUTING.md sits outside docs/ so MkDocs does not serve it; two
    anchors name a heading that has a longer name; one link is empty."""
    result = audit_corpus("algoritmekader-nl")
    broken = sorted(
        (f.path.rsplit("/", 1)[-1], f.line, f.evidence["problem"])
        for f in result.findings
        if f.id == "T020"
    )
    assert broken == [
        ("aia-26-recht-op-uitleg-ai-besluiten.md", 54, "empty"),
        ("ontwikkelen.md", 17, "missing-anchor"),
        ("over-het-algoritmekader.md", 35, "missing"),
        ("sitemap.md", 61, "missing"),
        ("sitemap.md", 62, "missing"),
        ("verificatie-en-validatie.md", 19, "missing-anchor"),
    ]
    assert result.inputs["site"]["kind"] == "mkdocs"


def test_don_site_broken_links_are_the_real_ones():
    """Docusaurus: /kennisbank/… links resolve through routeBasePath; links into the
    communities docs and src/pages, which the snapshot lacks, are unverified, not
    broken; two images of a meetup post are really missing."""
    result = audit_corpus("don-site-nl")
    broken = sorted((f.path, f.line) for f in result.findings if f.id == "T020")
    assert broken == [
        ("blog/2026/06/23-meetup-juni.md", 76),
        ("blog/2026/06/23-meetup-juni.md", 86),
    ]
    links = result.inputs["links"]
    assert links["ok"] > 300 and links["unverified"] < 60
    assert result.inputs["site"]["kind"] == "docusaurus"
