"""The usage rules where fixtures fall short: version history (revisions, first commits)
and the skip without usage data. Views are set on the loaded corpus, as the usage loader
would, so these tests judge the rules alone; the fixture cases run the whole path."""

from pathlib import Path

import pandas as pd

from auditor.api import audit
from auditor.config import Config
from auditor.load import load_corpus
from auditor.model import Finding
from auditor.registry import resolve
from tests.conftest import NOW
from tests.test_history import Repo, isolated_git  # noqa: F401 - the fixture isolates git

USAGE_RULES = ("T003", "T010", "T011", "T012", "T013")


def check(root: Path, rule: str, views: dict[str, float], history: bool) -> list[Finding]:
    """Run one rule over the folder with these page views (0 for pages not named)."""
    corpus = load_corpus(root, Config(git_history=history), pd.Timestamp(NOW, tz="UTC"))
    docs = corpus.documents
    docs["views"] = pd.Series(views, dtype=float).reindex(docs.index).fillna(0.0)
    corpus.inputs = corpus.inputs | {"usage"}
    cls = resolve(rule)
    return sorted(cls().check(corpus, cls.parse_options({})), key=lambda f: f.path)


def test_without_usage_data_the_usage_rules_are_skipped(write_tree):
    root = write_tree({"index.md": "# Home\n", "old.md": "---\nreviewed: 2020-01-01\n---\n"})
    result = audit(root, Config(now=NOW, git_history=False))
    runs = {run.id: run for run in result.rules}
    for rule_id in USAGE_RULES:
        assert not runs[rule_id].ran
        assert runs[rule_id].skipped_reason == "needs usage data, which was not given"
    assert not [f for f in result.findings if f.id in USAGE_RULES]


def effort_repo(path: Path) -> Repo:
    """Eight small pages, and four of 300 or 2,000 bytes edited 1 to 20 times."""
    repo = Repo(path)
    sizes = {f"p{i}.md": 100 for i in range(8)}
    sizes |= {"heavy.md": 2000, "long-once.md": 2000, "churn.md": 300, "popular-big.md": 2000}
    repo.commit("2024-01-01", write={rel: "x" * (n - 1) + "\n" for rel, n in sizes.items()})
    edits = {"heavy.md": 7, "churn.md": 19, "popular-big.md": 4}
    for rel, times in edits.items():
        for i in range(times):
            text = f"{i:02d}" + "y" * (sizes[rel] - 3) + "\n"  # same size, new content
            repo.commit(f"2024-{2 + i % 10:02d}-{1 + i:02d}", write={rel: text})
    return repo


EFFORT_VIEWS = {"churn.md": 1, "popular-big.md": 500} | {f"p{i}.md": 10 * (i + 1) for i in range(8)}


def test_effort_is_size_times_revisions_with_history(tmp_path):
    repo = effort_repo(tmp_path / "wiki")

    found = check(repo.path, "T013", EFFORT_VIEWS, history=True)

    # long-once.md is as big as heavy.md, but written once: not much effort.
    assert [f.path for f in found] == ["churn.md", "heavy.md"]
    heavy = found[1]
    assert heavy.evidence["revisions"] == 8
    assert heavy.evidence["effort"] == 2000 * 8
    assert heavy.evidence["effort_basis"] == "size times revisions"
    assert "edited 8 times" in heavy.message


def test_effort_is_size_alone_without_history(tmp_path):
    repo = effort_repo(tmp_path / "wiki")

    found = check(repo.path, "T013", EFFORT_VIEWS, history=False)

    # churn.md's twenty edits are invisible; long-once.md's size is all there is.
    assert [f.path for f in found] == ["heavy.md", "long-once.md"]
    assert found[0].evidence["effort_basis"] == "size only: no version history"
    assert "revisions" not in found[0].evidence
    assert "edited" not in found[0].message


def test_unused_pages_are_dated_by_their_first_commit(tmp_path):
    repo = Repo(tmp_path / "wiki")
    repo.commit("2024-06-01", write={"index.md": "# Home\n", "touched.md": "# Touched\n"})
    repo.commit("2026-11-01", write={"new.md": "# New\n"})
    repo.commit("2026-11-20", write={"touched.md": "---\nupdated: 2026-11-20\n---\n# Touched\n"})

    found = check(repo.path, "T010", {"index.md": 40}, history=True)

    # touched.md was edited a week ago, but has been there since June 2024; new.md is new.
    assert [f.path for f in found] == ["touched.md"]
    assert found[0].evidence["exists_since"] == "2024-06-01"
    assert found[0].evidence["exists_since_source"] == "git:first_change"
    assert found[0].evidence["archive_candidate"] is True


def test_without_history_a_recently_edited_page_is_given_its_grace(tmp_path):
    repo = Repo(tmp_path / "wiki")
    repo.commit("2024-06-01", write={"index.md": "# Home\n", "touched.md": "# Touched\n"})
    repo.commit("2026-11-20", write={"touched.md": "---\nupdated: 2026-11-20\n---\n# Touched\n"})

    assert check(repo.path, "T010", {"index.md": 40}, history=False) == []


def test_effort_imbalance_end_to_end_with_history_and_a_usage_file(tmp_path):
    repo = effort_repo(tmp_path / "wiki")
    usage = tmp_path / "usage.csv"
    rows = [f"{Path(rel).stem},{views}" for rel, views in EFFORT_VIEWS.items()]
    usage.write_text("page,views\n" + "\n".join(rows) + "\n", encoding="utf-8")

    result = audit(repo.path, Config(now=NOW, select=["T013"], usage=[str(usage)]))

    assert [f.path for f in result.findings] == ["churn.md", "heavy.md"]
