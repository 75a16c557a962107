"""Owners: CODEOWNERS as GitHub and GitLab read it, rosters in their formats, identities."""

from pathlib import Path

import pandas as pd
import pytest

from auditor.api import audit
from auditor.config import Config, load_config
from auditor.errors import InputError
from auditor.load import load_corpus
from auditor.load.owners import (
    find_codeowners,
    identity_keys,
    parse_codeowners,
    read_roster,
    split_owners,
)
from tests.conftest import NOW

CODEOWNERS = """\
# Default owners, then more specific lines: the last match wins.
*                  @acme/everyone
docs/*             @docs-team       # only files directly in docs/
/ops/              @ops
/ops/legacy/
my\\ file.md        @spaces
[Security][2] @sec
*.md
"""


def _owners(paths: list[str], text: str = CODEOWNERS) -> list[tuple[str, ...]]:
    rules = parse_codeowners(text, Path("CODEOWNERS"), Path("."))
    return [owners for owners, _ in rules.owners_for(paths)]


def test_codeowners_last_match_wins_and_sections_add_up():
    assert _owners(["a.txt", "docs/x.md", "docs/sub/y.txt", "ops/run.txt", "ops/legacy/z.txt"]) == [
        ("@acme/everyone",),
        ("@docs-team", "@sec"),
        ("@acme/everyone",),  # docs/* does not reach into docs/sub/
        ("@ops",),
        (),  # a line without owners leaves its files unowned
    ]


def test_codeowners_escaped_space_and_lines():
    rules = parse_codeowners(CODEOWNERS, Path("CODEOWNERS"), Path("."))
    [(owners, lines)] = rules.owners_for(["my file.md"])
    assert owners == ("@spaces", "@sec") and lines == [6, 8]


@pytest.mark.parametrize("place", [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"])
def test_codeowners_found_in_the_usual_places(tmp_path, place):
    (tmp_path / place).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / place).write_text("* @team\n")
    found = find_codeowners(tmp_path)
    assert found is not None and found.base == tmp_path.resolve()


def test_codeowners_of_the_repository_above_the_scanned_folder(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CODEOWNERS").write_text("/handbook/hr/ @hr\n")
    wiki = tmp_path / "handbook"
    (wiki / "hr").mkdir(parents=True)
    (wiki / "hr" / "leave.md").write_text("# Leave\n")
    (wiki / "index.md").write_text("# Home\n")
    result = audit(wiki, Config(now=NOW, git_history=False, select=["O001"]))
    docs = {d["path"]: d["owner"] for d in result.documents}
    assert docs == {"hr/leave.md": "@hr", "index.md": None}
    assert result.inputs["owners"]["codeowners"] == "../.github/CODEOWNERS"
    assert [f.path for f in result.findings] == ["index.md"]


def test_frontmatter_owner_wins_over_codeowners(write_tree):
    root = write_tree(
        {
            "CODEOWNERS": "* @team\n",
            "a.md": "---\nowner: Jan\n---\n# A\n",
            "b.md": "# B\n",
        }
    )
    result = audit(root, Config(now=NOW, git_history=False, select=["O001"]))
    owners = {d["path"]: d["owner"] for d in result.documents}
    assert owners == {"a.md": "Jan", "b.md": "@team"}


def test_explicit_codeowners_file(tmp_path, write_tree):
    root = write_tree({"a.md": "# A\n"})
    elsewhere = tmp_path / "CODEOWNERS.txt"
    elsewhere.write_text("*.md @jan\n")
    result = audit(root, Config(now=NOW, git_history=False, codeowners=str(elsewhere)))
    assert result.documents[0]["owner"] == "@jan"


@pytest.mark.parametrize(
    ("owner", "roster_entry"),
    [
        ("Jan Peeters", "jan peeters"),
        ("@jpeeters", "jpeeters"),
        ("jpeeters", "@JPeeters"),
        ("jan.peeters@example.org", "Jan Peeters"),
        ("Jan Peeters <jan.peeters@example.org>", "jan.peeters@example.org"),
        ("José Claes", "Jose Claes"),
        ("an.desmet@example.org", "An De Smet"),
        ("An De Smet", "@andesmet"),
    ],
)
def test_identities_meet(owner, roster_entry):
    assert identity_keys(owner) & identity_keys(roster_entry)


@pytest.mark.parametrize(("owner", "other"), [("Jan Peeters", "An Peeters"), ("@jan", "@an")])
def test_different_people_do_not_meet(owner, other):
    assert not identity_keys(owner) & identity_keys(other)


@pytest.mark.parametrize(
    ("value", "owners"),
    [
        ("Jan Peeters; An De Smet", ("Jan Peeters", "An De Smet")),
        ("Jan Peeters and An De Smet", ("Jan Peeters", "An De Smet")),
        ("Jan en An", ("Jan", "An")),
        ("@jan @acme/platform", ("@jan", "@acme/platform")),
        ("Jan Peeters <jan@example.org>", ("Jan Peeters <jan@example.org>",)),
        (None, ()),
    ],
)
def test_split_owners(value, owners):
    assert split_owners(value) == owners


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("roster.txt", "# current people\nJan Peeters <jan@example.org> @jpeeters\n\nAn De Smet\n"),
        ("roster.csv", "name,github,team\nJan Peeters,jpeeters,platform\nAn De Smet,,platform\n"),
        ("roster.tsv", "Jan Peeters\njpeeters\nAn De Smet\n"),
        ("roster.yaml", "- Jan Peeters\n- {name: An De Smet, email: an@example.org}\n"),
        ("roster.yml", "platform:\n  Jan Peeters: {team: platform}\n  An De Smet: {role: sre}\n"),
        ("roster.json", '{"people": [{"name": "Jan Peeters"}, {"handle": "andesmet"}]}'),
    ],
)
def test_roster_formats(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    roster = read_roster(path)
    assert "janpeeters" in roster.keys
    assert identity_keys("An De Smet") & roster.keys
    assert not identity_keys("platform") & roster.keys  # a team column is not a person


@pytest.mark.parametrize("text", [None, "", "# only a comment\n"])
def test_unusable_roster_is_an_input_error(tmp_path, text):
    path = tmp_path / "roster.txt"
    if text is not None:
        path.write_text(text)
    with pytest.raises(InputError, match="roster file"):
        read_roster(path)


def test_roster_in_config_file_is_relative_to_it(tmp_path, write_tree):
    root = write_tree({"a.md": "---\nowner: Lotte\n---\n# A\n"})
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "roster.txt").write_text("Jan\n")
    (tmp_path / "kb-audit.toml").write_text('roster = "people/roster.txt"\n')
    config = load_config(tmp_path / "kb-audit.toml")
    assert Path(config.roster) == tmp_path / "people" / "roster.txt"
    result = audit(root, Config(now=NOW, git_history=False, roster=config.roster, select=["O002"]))
    assert [f.evidence["unknown_owners"] for f in result.findings] == [["Lotte"]]
    assert result.inputs["owners"]["roster"]["people"] == 1


def test_without_a_roster_unknown_owner_is_skipped(write_tree):
    root = write_tree({"a.md": "---\nowner: Lotte\n---\n# A\n"})
    result = audit(root, Config(now=NOW, git_history=False, select=["O002"]))
    [run] = [r for r in result.rules if r.id == "O002"]
    assert not run.ran and "roster" in run.skipped_reason


def test_owner_columns(write_tree):
    root = write_tree({"a.md": "---\nowners: [Jan, '@acme/x']\n---\n# A\n", "b.md": "# B\n"})
    docs = load_corpus(root, Config(git_history=False), pd.Timestamp(NOW, tz="UTC")).documents
    assert docs.at["a.md", "owners"] == ("Jan", "@acme/x")
    assert docs.at["a.md", "owner_source"] == "frontmatter:owners"
    assert docs.at["b.md", "owners"] == () and docs.at["b.md", "owner_keys"] == ()
