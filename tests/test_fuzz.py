"""No input crashes the auditor (issue 9): property-based tests with Hypothesis.

A bad document becomes a finding (T024 parse-error) or a skipped file with its reason,
never an exception that ends the run, and no file is ever lost: files seen = documents +
assets + skipped. The strategies live in tests/fuzz_strategies.py, which
benchmarks/fuzz_campaign.py runs for tens of thousands of examples; here a few hundred,
derandomised, so CI is reproducible and quick. Each crash found, by the campaign or by
reading the parsers (and then added to the strategies), is a plain example below, with
its cause.
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from auditor.api import audit
from auditor.config import Config
from tests.conftest import NOW
from tests.fuzz_strategies import PROPERTIES, audit_corpus, check_read_document

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
)  # fmt: skip


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """One folder for the reader properties: each example overwrites its file."""
    return tmp_path_factory.mktemp("fuzz-read")


@pytest.mark.parametrize(
    "name, examples",
    [
        ("read-bytes", 150),
        ("read-text", 150),
        ("read-frontmatter", 200),
        ("read-markdown", 60),
        ("read-document", 60),
        ("audit-corpus", 30),
        ("audit-site", 20),
    ],
)
def test_no_input_raises(name, examples, folder):
    """The reader returns a complete row or a reason for any bytes, text, frontmatter,
    Markdown or document; the audit and every renderer survive any small corpus, its JSON
    report valid, every file written a document, an asset or skipped."""
    strategy, check = PROPERTIES[name]
    # A corpus takes Hypothesis minutes to shrink: a failing one is shown as drawn.
    phases = [Phase.generate] if name.startswith("audit") else list(Phase)

    @settings(FUZZ, max_examples=examples, phases=phases)
    @given(strategy)
    def run(value):
        check(value, folder)

    run()


def test_the_corpus_strategy_yields_documents_assets_and_skipped_files():
    """The pipeline property is only as good as its inputs: a fixed corpus of the shapes
    the strategy draws (odd names, hidden and skipped folders, binary, bad frontmatter)."""
    files = {
        "index.md": b"# Home\n\n[a](a%20b.md) [[caf\xc3\xa9]]\n",
        "a b.md": b"---\ntitle: [1\n---\n# A\n",
        "caf\u00e9/x.MD": "# X\r\n\r\n![i](../img.png)\r".encode("utf-16"),
        ".hidden/y.md": b"# Y\n",
        "node_modules/z.md": b"# Z\n",
        "img.png": b"\x89PNG\0\0",
        "bin.md": b"\0\1\2",
        "new\nline.markdown": b"\xef\xbb\xbf+++\ntitle = 1979-05-27\n+++\n",
    }
    result = audit_corpus(files)
    s = result.summary
    assert (s.documents, s.assets, s.skipped) == (4, 1, 3)


# Crashes found, as plain examples -------------------------------------------------------


def _audit(root):
    return audit(root, Config(now=NOW, git_history=False, cache=False))


@pytest.mark.parametrize("files", [{}, {"index.png": b""}])
def test_a_folder_without_documents_is_audited(write_tree, files):
    """Crash 1: `str.partition` of no rows gives a frame without column 0 (KeyError: 0)
    when the dates were resolved; an empty folder, or one of images only, crashed."""
    result = _audit(write_tree(files))
    assert (result.summary.documents, result.summary.assets) == (0, len(files))
    assert audit_corpus(files).summary.files_seen == len(files)


@pytest.mark.parametrize(
    "value, problem",
    [
        ("1349-03-03 21:48:19", "is outside the dates an audit can hold"),
        ("9999-12-31", "is outside the dates an audit can hold"),
        ("'3 maart 1349'", "is outside the dates an audit can hold"),
        ("0001-01-01T00:00:00+14:00", "is outside the dates an audit can hold"),  # UTC: year 0
        ("2023-02-30x", "is not a date"),
    ],
)
def test_a_date_out_of_range_is_a_date_problem(write_tree, value, problem):
    """Crash 2: dates before 1677 or after 2262 fit no nanosecond date column
    (OutOfBoundsDatetime when the dates were resolved)."""
    wiki = write_tree({"a.md": f"---\nreviewed: {value}\n---\n# A\n"})
    result = _audit(wiki)
    [finding] = [f for f in result.findings if f.id == "T004"]
    assert problem in finding.evidence["problems"][0]
    assert result.documents[0]["dates"].get("reviewed") is None


def test_a_modification_time_out_of_range_is_no_date(write_tree):
    """Crash 3: a file modified 'in 2300' (`touch -d`) gave a timestamp that no date
    column holds (OutOfBoundsDatetime)."""
    wiki = write_tree({"a.md": "# A\n", "b.md": "# B\n"})
    os.utime(wiki / "a.md", (0, 10_500_000_000))  # 2302
    result = _audit(wiki)
    dates = {d["path"]: (d["date_basis"], d["dates"]) for d in result.documents}
    assert dates["a.md"] == ("none", {})
    assert dates["b.md"][0] == "mtime"


def test_a_code_fence_whose_info_string_is_a_no_break_space_is_read(tmp_path):
    """Crash 4: pyromark keeps U+00A0 as the fence's info string, which `str.split()`
    splits into nothing (IndexError when the fence's language was read)."""
    loaded = check_read_document(tmp_path, "# A\n\n``` \u00a0\ncode\n```\n".encode())
    assert loaded.row["words"] == 1 and loaded.row["media"] == ()


@pytest.mark.parametrize(
    "line, message, at",
    [
        ('n: !!int ""', "'' is not a valid !!int", 3),
        ('n: !!float ""', "'' is not a valid !!float", 3),
        ("ok: !!bool x", "'x' is not a valid !!bool", 3),
        ("when:\n  date: !!timestamp '1912-01-01 00:00:00-00:16:08'",
         "'1912-01-01 00:00:00-00:16:08' is not a valid date", 4),
        ("updated: 2023-02-30", "'2023-02-30' is not a valid date (day is out of range", 3),
        ("n: [!!int '1:x']", "'1:x' is not a valid !!int", 3),
    ],
)  # fmt: skip
def test_a_yaml_value_its_tag_cannot_read_is_a_parse_error(write_tree, line, message, at):
    """Crash 5: PyYAML's constructors raise IndexError, KeyError or AttributeError (and
    ValueError, then reported without its line) for a scalar their tag cannot read."""
    wiki = write_tree({"a.md": f"---\ntitle: A\n{line}\n---\n# A\n"})
    [error] = [f for f in _audit(wiki).findings if f.id == "T024"]
    assert message in error.message
    assert error.line == at


@pytest.mark.parametrize("target", ["http://[::1", "https://[x]/a.png", "http://\uff03/a.mp3"])
def test_a_link_urlsplit_refuses_is_read(tmp_path, target):
    """Crash 6: `urlsplit` raises ValueError for an unclosed IPv6 host, a bracketed name
    and a host that NFKC turns into a path (when the link's medium was read)."""
    text = f"# A\n\n[[{target}]] [a]({target}) ![i]({target})\n"
    loaded = check_read_document(tmp_path, text.encode())
    assert [link.target for link in loaded.links][-1] == target


@pytest.mark.parametrize("site", [None, "mkdocs.yml"])
def test_a_link_whose_host_urlsplit_refuses_is_a_broken_link(write_tree, site):
    """Crash 7: `/%2F[x]/y` unquotes to `//[x]/y`, whose host `urlsplit` refuses
    (ValueError when the link was resolved through the site's URL rules); so do full
    URLs such as `https://[x]/y` where the site's own address makes them internal."""
    files = {"a.md": "# A\n\n[x](/%2F[x]/y) [y](%2F%2F[x]) [z](/%2F%5B::1) [w](https://[x]/y)\n"}
    if site:
        files[site] = "site_url: https://example.org/\n"
    config = Config(now=NOW, git_history=False, cache=False, base_urls=["https://[x]/"])
    result = audit(write_tree(files), config)
    broken = [f.evidence["target"] for f in result.findings if f.id == "T020"]
    assert broken == ["/%2F[x]/y", "%2F%2F[x]", "/%2F%5B::1"]


@pytest.mark.parametrize("value", ["!!timestamp x", "!!bool x", "!!int ''"])
def test_a_site_config_value_its_tag_cannot_read_is_a_site_note(write_tree, value):
    """Found by the campaign: PyYAML's constructors raised AttributeError, KeyError and
    IndexError out of a site's config file; now a site note."""
    wiki = write_tree({"_config.yml": f"permalink: {value}\n", "a.md": "# A\n"})
    result = _audit(wiki)
    assert "could not be read" in result.inputs["site"]["notes"][0]


@pytest.mark.parametrize("fence, sep", [("---", ": "), ("+++", " = ")])
def test_a_review_interval_past_floats_range_is_never_due(write_tree, fence, sep):
    """Crash 8: YAML and TOML read integers of any size; `float(10**400)` raised
    OverflowError when the review interval was read. Like `.inf`, it is never due."""
    front = f"review_interval{sep}{10**400}\nreviewed{sep}2001-01-01"
    wiki = write_tree({"a.md": f"{fence}\n{front}\n{fence}\n# A\n"})
    result = _audit(wiki)
    assert not [f for f in result.findings if f.id in ("T001", "T004", "T024")]


@pytest.mark.parametrize("html", ["<div>\n<![bogus[ x ]]>\n</div>", "<div> <![x[ ]]>",
                                  "<div>\n<!x\n<![ a ["])  # fmt: skip
def test_an_unknown_marked_section_in_html_is_a_bogus_comment(tmp_path, html):
    """Crash 9: Python's HTMLParser raises AssertionError for `<![x[` (found reading
    html.parser, then by the campaign's strategies): a browser reads a bogus comment."""
    text = f"# A\n\n{html}\n<a href='b.md'>b</a>\n\n[c](c.md)\n"
    loaded = check_read_document(tmp_path, text.encode())
    assert [link.target for link in loaded.links][-1] == "c.md"


def test_an_mkdocs_exclude_docs_pattern_that_is_no_regex_is_a_site_note(write_tree):
    """Found by the campaign: the pattern's re.error ended the audit; now a site note."""
    wiki = write_tree({"mkdocs.yml": 'exclude_docs: "[z-a]"\n', "docs/a.md": "# A\n"})
    result = _audit(wiki)
    assert "could not be read" in result.inputs["site"]["notes"][0]


@pytest.mark.parametrize(
    "text",
    [
        "Service Level Agreement (SLA) " * 20_000,  # 192 s before: abbreviations
        "<!-- kb-audit: ignore -->\n" * 20_000,  # 38 s: suppressions
        "<!--* freshness: {" * 30_000,  # 263 s: document
        "{%" * 100_000,  # 84 s: markdown's template mask; likewise <% {{< [!INCLUDE [
        "<%" * 100_000,
        "{{<a%}} " * 50_000 + ">}}",
        "[!INCLUDE [" * 50_000 + "]",
    ],
    ids=["expansions", "ignore-comments", "freshness", "liquid", "erb", "hugo", "include"],
)
def test_a_page_of_unclosed_syntax_is_read_in_linear_time(tmp_path, text):
    """Hangs, not crashes, found reading the parsers with pathological pages (under a
    megabyte, well within max-file-size): scans from every opening mark to the end of the
    page made reading quadratic. Each takes well under a second now."""
    started = time.monotonic()
    check_read_document(tmp_path, text.encode())
    assert time.monotonic() - started < 15
