"""The load stage on small trees: what it reads, resolves, dates and skips."""

import pandas as pd
import pytest

from auditor.config import Config
from auditor.load import load_corpus
from auditor.load.dates import parse_date, parse_days
from auditor.load.markdown import scan_markdown
from auditor.load.slug import github_slug, toc_slug

NOW = pd.Timestamp("2026-11-27", tz="UTC")


def test_markdown_facts_exclude_code_and_carry_file_lines():
    body = (
        "# Title\n\n"
        "Lead with [a link](a.md) here.\n\n"
        "```\n[fake](code.md) words words words\n```\n\n"
        "## Second `part`\n\n"
        "| a | b |\n|---|---|\n| 1 | ![img](i.png) |\n"
    )
    facts = scan_markdown(body, first_line=4)
    assert [(h.level, h.text, h.line) for h in facts.headings] == [
        (1, "Title", 4),
        (2, "Second part", 12),
    ]
    assert [(link.kind, link.target, link.line) for link in facts.links] == [
        ("link", "a.md", 6),
        ("image", "i.png", 16),
    ]
    # Title(1) + "Lead with a link here"(5) + "Second part"(2) + table cells a b 1 (3)
    assert facts.words == 11
    assert facts.lead_words == 5
    assert facts.table_rows == 1


def test_slugs_follow_the_renderers():
    assert github_slug("What's new in 2.0?") == "whats-new-in-20"
    assert github_slug("Élan  vital") == "élan--vital"
    assert toc_slug("Élan  vital") == "elan-vital"


def test_dates_and_intervals():
    assert parse_date("2026-03-01") == pd.Timestamp("2026-03-01", tz="UTC")
    assert parse_date("3 maart 2026") == pd.Timestamp("2026-03-03", tz="UTC")
    assert parse_date("2026-03-01T10:00:00+02:00") == pd.Timestamp("2026-03-01 08:00", tz="UTC")
    assert parse_date("whenever") is None
    assert parse_days("6 months") == 182.625
    assert parse_days("90 dagen") == 90
    assert parse_days("P1Y") == 365.25
    assert parse_days("soon") is None


def test_title_falls_back_from_frontmatter_to_heading_to_file_name(write_tree):
    root = write_tree(
        {
            "a.md": "---\ntitle: From frontmatter\n---\n# From heading\n",
            "b.md": "# From heading\n",
            "on-call_notes.md": "No heading.\n",
        }
    )
    docs = load_corpus(root, Config(), NOW).documents
    assert docs.loc["a.md", "title"] == "From frontmatter"
    assert docs.loc["b.md", ["title", "title_source"]].tolist() == ["From heading", "heading"]
    assert docs.loc["on-call_notes.md", "title"] == "on call notes"


def test_discovery_skips_hidden_and_excluded_and_says_so(write_tree):
    root = write_tree(
        {
            "a.md": "# A\n",
            "notes.MARKDOWN": "# Upper-case extension\n",
            "drafts/wip.md": "# WIP\n",
            ".obsidian/workspace.md": "x",
            "node_modules/pkg/readme.md": "x",
            "image.png": b"\x89PNG\r\n\x1a\n\0\0",
            "fake.md": b"\0\0\0binary",
        }
    )
    corpus = load_corpus(root, Config(exclude=["drafts/"]), NOW)
    assert list(corpus.documents.index) == ["a.md", "notes.MARKDOWN"]
    assert corpus.assets == {"image.png"}
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert reasons == {
        ".obsidian/": "hidden folder",
        "drafts/": "excluded by configuration",
        "fake.md": "binary file with a document extension",
        "node_modules/": "dependency folder",
    }
    assert corpus.files_seen == 2 + 1 + 4


def test_links_resolve_relative_to_their_document(write_tree):
    root = write_tree(
        {
            "guides/a.md": "[b](../b.md#part) [c](sub/) [x](https://x.org)\n",
            "guides/sub/index.md": "# Sub\n",
            "b.md": "## Part\n",
        }
    )
    links = load_corpus(root, Config(), NOW).links.set_index("target")
    assert links.loc["../b.md#part", ["target_path", "anchor", "status"]].tolist() == [
        "b.md",
        "part",
        "ok",
    ]
    assert links.loc["sub/", "target_path"] == "guides/sub/index.md"
    assert links.loc["https://x.org", "scope"] == "external"


def test_frontmatter_error_keeps_the_body(write_tree):
    root = write_tree({"a.md": "---\ntitle: [unclosed\n---\n# Still here\n\n[x](nope.md)\n"})
    corpus = load_corpus(root, Config(), NOW)
    doc = corpus.documents.loc["a.md"]
    assert doc["parse_error"].startswith("invalid YAML frontmatter")
    assert doc["title"] == "Still here"
    assert corpus.links["line"].tolist() == [6]


def test_ambiguous_numeric_dates_follow_the_order_the_corpus_proves(write_tree):
    root = write_tree(
        {
            "proof.md": "---\nupdated: 05/13/2026\n---\n",  # only month-first reads this
            "ambiguous.md": "---\nupdated: 12/11/2025\n---\n",
            "iso.md": "---\nupdated: 2026-01-02\n---\n",
        }
    )
    corpus = load_corpus(root, Config(), NOW)
    assert corpus.documents.loc["ambiguous.md", "changed"] == pd.Timestamp("2025-12-11", tz="UTC")
    assert corpus.facts["dates"]["numeric_order"] == {
        "frontmatter:updated": {"order": "MDY", "basis": "proven by 05/13/2026"}
    }
    configured = load_corpus(root, Config(date_order="DMY"), NOW)
    assert configured.documents.loc["ambiguous.md", "changed"] == pd.Timestamp(
        "2025-11-12", tz="UTC"
    )


def test_every_date_carries_its_source_and_mtime_comes_last(write_tree):
    root = write_tree(
        {
            "reviewed.md": "---\nreviewed: 2026-01-01\nupdated: 2026-02-01\n---\n",
            "comment.md": "<!--* freshness: { owner: 'ann' reviewed: '2026-03-01' } *-->\n",
            "bare.md": "# Nothing\n",
            "bad.md": "---\nupdated: whenever\n---\n",
        }
    )
    corpus = load_corpus(root, Config(), NOW)
    docs = corpus.documents
    assert docs.loc["reviewed.md", ["reviewed_source", "changed_source"]].tolist() == [
        "frontmatter:reviewed",
        "frontmatter:updated",
    ]
    assert docs.loc["comment.md", ["reviewed_source", "owner"]].tolist() == [
        "comment:freshness",
        "ann",
    ]
    assert docs.loc["bare.md", ["changed_source", "date_basis"]].tolist() == ["mtime", "mtime"]
    assert docs.loc["bad.md", "date_problems"] == ("'updated: whenever' is not a date",)
    assert corpus.facts["dates"]["sources"] == {"frontmatter": 1, "comment": 1, "mtime": 2}


def test_html_links_and_anchors_inside_markdown_count():
    body = (
        '<a href="x.md">x</a> <img src="y.png">\n\n<div>\n<a id="here" href="z.md">z</a>\n</div>\n'
    )
    facts = scan_markdown(body)
    assert [(link.kind, link.target, link.line) for link in facts.links] == [
        ("link", "x.md", 1),
        ("image", "y.png", 1),
        ("link", "z.md", 4),
    ]
    assert "here" in facts.anchors["id"]


def test_template_syntax_is_never_a_link_and_keeps_lines():
    body = (
        '{% include note.html href="a.md" %}\n'
        '{{< ref "b.md" >}} <%= link_to "c", "c.md" %>\n'
        "[!INCLUDE [shared](../includes/d.md)]\n"
        "import Tabs from '@theme/Tabs';\n"
        "    {{ not code }}\n"
        "[real](e.md)\n"
    )
    facts = scan_markdown(body)
    assert [(link.target, link.line) for link in facts.links] == [("e.md", 6)]


def test_gollum_wikilinks_put_the_page_last():
    obsidian = scan_markdown("[[Real Page|read this]]").links
    assert [link.target for link in obsidian] == ["Real Page"]
    gollum = scan_markdown("[[Read this|Real Page]]", gollum=True).links
    assert [link.target for link in gollum] == ["Real Page"]


def test_notion_export_pages_link_and_databases_stay_data(write_tree):
    page_id, sub_id, db_id = "0123456789abcdef0123456789abcdef", "a" * 32, "b" * 32
    root = write_tree(
        {
            f"Team Home {page_id}.md": (
                "# Team Home\n\n"
                f"[On-call](Team%20Home%20{page_id}/On-call%20{sub_id}.md)\n\n"
                f"[Tasks](Team%20Home%20{page_id}/Tasks%20{db_id}.csv)\n"
            ),
            f"Team Home {page_id}/On-call {sub_id}.md": "No heading here.\n",
            f"Team Home {page_id}/Tasks {db_id}.csv": "Name,Status\nA,Done\n",
            f"Team Home {page_id}/Tasks {db_id}_all.csv": "Name,Status\nA,Done\n",
        }
    )
    corpus = load_corpus(root, Config(), NOW)
    docs = corpus.documents
    assert len(docs) == 2 and len(corpus.assets) == 2
    assert docs.loc[f"Team Home {page_id}/On-call {sub_id}.md", "title"] == "On call"
    assert corpus.links["status"].tolist() == ["ok", "ok"]


def test_links_that_work_only_where_case_does_not_count(write_tree):
    root = write_tree({"index.md": "[guide](Guides/Setup.md)\n", "guides/setup.md": "# Setup\n"})
    link = load_corpus(root, Config(), NOW).links.iloc[0]
    assert (link["status"], link["target_path"]) == ("case-mismatch", "guides/setup.md")


def test_wikilinks_and_embeds_resolve_by_file_name_anywhere(write_tree):
    root = write_tree(
        {
            "index.md": "[[setup]] [[Deep Page#Part Two|see]] ![[Diagram.PNG]] [[nowhere]]\n",
            "a/b/setup.md": "# Setup\n",
            "c/deep page.md": "# Deep\n\n## Part two\n",
            "assets/diagram.png": b"\x89PNG",
        }
    )
    links = load_corpus(root, Config(), NOW).links
    assert links[["target_path", "status"]].values.tolist() == [
        ["a/b/setup.md", "ok"],
        ["c/deep page.md", "ok"],
        ["assets/diagram.png", "ok"],
        ["nowhere", "missing"],
    ]


def test_html_links_to_markdown_sources_and_base_urls(write_tree):
    root = write_tree(
        {
            "index.md": (
                "[a](guide/intro.html) [b](https://docs.example.org/guide/intro.html#part)"
                " [c](https://docs.example.org/gone.html) [d](https://example.com/x)\n"
            ),
            "guide/intro.md": "## Part\n",
        }
    )
    config = Config(base_urls=["https://docs.example.org/"])
    links = load_corpus(root, config, NOW).links
    assert links[["scope", "status"]].values.tolist() == [
        ["internal", "ok"],
        ["internal", "ok"],
        ["internal", "missing"],
        ["external", "unchecked"],
    ]


def test_anchor_slug_style_is_chosen_by_the_site_or_the_config(write_tree):
    root = write_tree(
        {
            "index.md": "# Élan vital\n\n## Setup {#custom}\n\n"
            "[a](#élan-vital) [b](#elan-vital) [c](#custom)\n"
        }
    )
    for style, expected in [
        ("github", ["ok", "missing-anchor", "ok"]),
        ("mkdocs", ["missing-anchor", "ok", "ok"]),
        ("any", ["ok", "ok", "ok"]),
        ("auto", ["ok", "missing-anchor", "ok"]),  # no site generator: GitHub's rules
    ]:
        links = load_corpus(root, Config(anchor_slugs=style), NOW).links
        assert links["status"].tolist() == expected, style
    (root / "mkdocs.yml").write_text("site_name: x\ndocs_dir: .\n")
    links = load_corpus(root, Config(), NOW).links
    assert links["status"].tolist() == ["missing-anchor", "ok", "ok"]


def test_click_depth_counts_hops_from_entry_pages_and_navigation(write_tree):
    root = write_tree(
        {
            "index.md": "[a](a.md)\n",
            "a.md": "[b](b.md#gone) [a](a.md)\n",
            "b.md": "[c](c.md)\n",
            "c.md": "# C\n",
            "island.md": "[c](c.md)\n",
            "sub/index.md": "[b](../b.md)\n",  # a folder's index is no home page
            "mkdocs.yml": "site_name: x\ndocs_dir: .\nnav:\n  - c.md\n",
        }
    )
    docs = load_corpus(root, Config(), NOW).documents
    assert docs["click_depth"].to_dict() == pytest.approx(
        {
            "index.md": 0,
            "a.md": 1,
            "b.md": 2,
            "c.md": 1,
            "island.md": float("nan"),
            "sub/index.md": float("nan"),
        },
        nan_ok=True,
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("August 26, 2022", "2022-08-26"),
        ("26 August 2022", "2022-08-26"),
        ("Aug. 26th, 2022", "2022-08-26"),
        ("13 mei 2023", "2023-05-13"),
        ("1er janvier 2024", "2024-01-01"),
        ("3. März 2021", "2021-03-03"),
        ("31 februari 2023", None),
        ("Smarch 3, 2023", None),
    ],
)
def test_named_months_are_read_without_dateparser(text, expected, monkeypatch):
    """The common written forms skip dateparser (milliseconds a value); what they do not
    read still goes to it."""
    from auditor.load import dates

    dates._parse_text.cache_clear()
    calls = []
    monkeypatch.setattr(dates.dateparser, "parse", lambda *a, **k: calls.append(a))
    when = dates.parse_date(text)
    assert (when.date().isoformat() if when is not None else None) == expected
    assert len(calls) == (0 if expected else 1)
