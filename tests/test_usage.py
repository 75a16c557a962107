"""Usage data: page-view exports of each format read with the right totals, the window, the
columns, bad inputs as one-line errors, and page keys matched to documents."""

import gzip
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from auditor.config import Config
from auditor.errors import InputError
from auditor.load.confluence import ConfluenceIndex, export_index
from auditor.load.document import base_row
from auditor.load.sites import SiteMap, read_site
from auditor.load.usage import PageViews, map_usage, read_usage

from .conftest import FIXTURES, NOW

USAGE = FIXTURES / "usage"


def read(*names: str, days: int = 365, columns=None) -> PageViews:
    paths = [name if isinstance(name, Path) else USAGE / name for name in names]
    return read_usage(paths, pd.Timestamp(NOW, tz="UTC"), days, columns)


def totals(views: PageViews, by: str = "page") -> dict:
    return dict(zip(views.pages[by], views.pages["views"], strict=True))


def documents(titles: dict[str, str]) -> pd.DataFrame:
    """The columns of the loader's frame that usage mapping and read_site use."""
    rows = []
    for path, title in titles.items():
        row = base_row(path, Config(), size=0)
        rows.append({**row, "title": title, "frontmatter": {}})
    columns = ["path", "title", "name", "folder", "is_entry", "frontmatter"]
    return pd.DataFrame(rows, columns=columns).set_index("path", drop=False)


def views_of(rows: list[tuple]) -> PageViews:
    """PageViews with rows of (page, title, views[, users, last_viewed])."""
    frame = pd.DataFrame(
        [(*row, *(math.nan, None)[len(row) - 3 :]) for row in rows],
        columns=["page", "title", "views", "users", "last_viewed"],
    )
    frame["last_viewed"] = pd.to_datetime(frame["last_viewed"], utc=True)
    return PageViews(frame, ({"columns": {"page": "Page"}},))


DOCS = documents(
    {
        "docs/index.md": "Handbook",
        "docs/getting-started.md": "Getting started",
        "docs/guides/deploy.md": "Deploy",
        "docs/about.md": "About us",
        "docs/faq.md": "FAQ",
        "docs/team/faq.md": "FAQ",
        "docs/nieuws.md": "Nieuws",
    }
)
#: What an MkDocs site with docs_dir "docs" and site_url https://docs.example.org/ serves.
SITE = SiteMap(
    kind="mkdocs",
    urls={
        "": "docs/index.md",
        "getting-started": "docs/getting-started.md",
        "guides/deploy": "docs/guides/deploy.md",
        "about": "docs/about.md",
        "faq": "docs/faq.md",
        "team/faq": "docs/team/faq.md",
        "nieuws": "docs/nieuws.md",
        "old/deploy": "docs/guides/deploy.md",  # a redirect_maps entry
    },
    in_nav=frozenset(),
    base_urls=("https://docs.example.org/",),
)
NO_SITE = SiteMap(kind=None, urls={}, in_nav=frozenset())


def matched(rows: list[tuple], site: SiteMap = SITE, docs=DOCS, **kwargs) -> pd.DataFrame:
    return map_usage(views_of(rows), docs, site, **kwargs).documents


# Reading: each format


def test_ga4_export_skips_comment_lines_reads_yyyymmdd_and_stops_at_the_second_table():
    views = read("ga4_pages.csv")
    assert totals(views) == {
        "/": 120,
        "/getting-started/": 60,
        "/guides/deploy/": 10,  # 30 more on 2025-06-01, before the window
        "/about.html": 5,
        "/search?q=vpn": 3,
    }
    (file,) = views.files
    assert file["format"] == "csv"
    assert file["columns"] == {
        "page": "Page path and screen class",
        "views": "Views",
        "users": "Users",
        "date": "Date",
    }
    assert (file["rows"], file["rows_in_window"], file["rows_outside_window"]) == (7, 6, 1)
    assert file["per_day"] is True
    page = views.pages.set_index("page")
    assert page.loc["/getting-started/", "users"] == 30  # the largest day, not 30 + 12
    assert page.loc["/getting-started/", "last_viewed"] == pd.Timestamp("2026-11-21", tz="UTC")


def test_matomo_export_in_utf16_with_label_and_unique_pageviews():
    views = read("matomo_pages.csv")
    assert totals(views) == {"/": 75, "/getting-started/": 24, "/guides/deploy/": 7, "/nieuws/": 2}
    (file,) = views.files
    assert file["encoding"] == "UTF-16"
    assert file["columns"] == {"page": "Label", "views": "Pageviews", "users": "Unique Pageviews"}
    assert views.pages["users"].tolist() == [61, 20, 6, 2]
    assert views.pages["last_viewed"].isna().all()  # a total export: no dates


def test_matomo_page_titles_report_reads_its_label_as_titles():
    views = read("matomo_titles.csv")
    assert views.files[0]["columns"]["title"] == "Label"
    assert views.pages["page"].isna().all()
    assert totals(views, "title") == {"Handbook": 75, "Getting started": 24, "Deploy": 7}


def test_plausible_export_takes_pageviews_not_visits_and_visitors_as_users():
    views = read("plausible_pages.csv")
    assert views.files[0]["columns"] == {
        "page": "page",
        "views": "pageviews",
        "users": "visitors",
        "date": "date",
    }
    assert totals(views) == {"/": 52, "/getting-started/": 24, "/guides/deploy/": 4}
    assert views.files[0]["rows_outside_window"] == 1


def test_confluence_analytics_export_reads_titles_and_last_viewed():
    views = read("confluence_analytics.csv")
    (file,) = views.files
    assert file["columns"] == {
        "title": "Page title",
        "views": "Views",
        "users": "Viewers",
        "last_viewed": "Last viewed",
    }
    # "Deploy runbook" was last viewed in March 2024: none of its views are in the window.
    assert totals(views, "title") == {"Team Home": 340, "Onboarding": 95, "Café-regels": 7}
    assert file["rows_outside_window"] == 1
    last = views.pages.set_index("title")["last_viewed"]
    assert last["Onboarding"] == pd.Timestamp("2026-10-03", tz="UTC")


def test_dutch_export_with_semicolons_thousands_dots_and_day_first_dates():
    views = read("dutch.csv")
    (file,) = views.files
    assert file["columns"] == {
        "page": "pagina",
        "title": "titel",
        "views": "weergaven",
        "users": "unieke bezoekers",
        "date": "datum",
    }
    assert totals(views) == {"/": 1234, "/aan-de-slag/": 56, "/café/": 7}
    assert file["rows_outside_window"] == 1  # 03-02-2025 is the 3rd of February
    assert views.pages.set_index("page").loc["/café/", "title"] == "Café-regels"


def test_tsv_is_told_by_its_tabs():
    views = read("pages.tsv")
    assert views.files[0]["format"] == "tsv"
    assert totals(views) == {
        "/guides/deploy/": 14,
        "/getting-started/index.html": 6,
        "/getting-started/#install": 2,
    }


def test_json_lines_with_full_urls_iso_timestamps_and_a_blank_line():
    views = read("events.jsonl")
    (file,) = views.files
    assert file["format"] == "jsonl"
    assert (file["rows"], file["rows_in_window"], file["rows_outside_window"]) == (5, 4, 1)
    assert totals(views)["https://docs.example.org/"] == 5
    home = views.pages.set_index("page").loc["https://docs.example.org/"]
    assert home["last_viewed"] == pd.Timestamp("2026-11-20 08:15", tz="UTC")  # +01:00 in UTC


def test_access_log_counts_get_page_views_only():
    views = read("access.log")
    (file,) = views.files
    assert file["format"] == "access-log"
    assert totals(views) == {
        "/getting-started/": 3,  # 200, a 304 revisit, 200; not the HEAD
        "/": 1,  # not curl's request
        "/guides/deploy/": 1,  # the query string dropped; not Googlebot's request
        "/pages/viewpage.action?pageId=98306": 1,  # Confluence's page id kept
    }
    # Ignored: 3 assets, a PDF, a POST, a robot, curl, a 404, a HEAD, a line that is no request.
    assert (file["rows"], file["rows_ignored"], file["rows_outside_window"]) == (17, 10, 1)
    page = views.pages.set_index("page")
    assert page.loc["/getting-started/", "users"] == 3  # three client addresses
    assert page.loc["/getting-started/", "last_viewed"] == pd.Timestamp("2026-11-25", tz="UTC")


def test_gzip_is_known_by_its_magic_bytes_not_its_name(tmp_path):
    rotated = read("access.log.1")  # a gzipped copy of access.log
    assert rotated.files[0]["gzipped"] is True
    assert totals(rotated) == totals(read("access.log"))
    packed = tmp_path / "ga4-export.csv"
    packed.write_bytes(gzip.compress((USAGE / "ga4_pages.csv").read_bytes()))
    assert totals(read(packed)) == totals(read("ga4_pages.csv"))
    plain = tmp_path / "pages.csv.gz"  # named .gz, but plain text
    shutil.copy(USAGE / "plausible_pages.csv", plain)
    assert read(plain).files[0]["gzipped"] is False


def test_several_files_add_up_per_page_and_users_take_the_largest():
    views = read("ga4_pages.csv", "plausible_pages.csv")
    assert totals(views)["/getting-started/"] == 60 + 24
    assert views.pages.set_index("page").loc["/", "users"] == 80  # GA4 80, Plausible 35
    assert [f["format"] for f in views.files] == ["csv", "csv"]


def test_no_files_is_no_pages():
    views = read()
    assert views.pages.empty and list(views.pages.columns) == [
        "page", "title", "views", "users", "last_viewed",
    ]  # fmt: skip
    assert views.files == ()


# Reading: the window


def test_the_window_counts_rows_outside_it_and_includes_nows_day(tmp_path):
    assert totals(read("ga4_pages.csv", days=30)) == {
        "/": 120,
        "/getting-started/": 45,
        "/about.html": 5,
        "/search?q=vpn": 3,
    }
    assert read("ga4_pages.csv", days=30).files[0]["rows_outside_window"] == 3
    edges = tmp_path / "edges.csv"
    edges.write_text(
        "page,views,date\n/a,1,2026-11-27\n/b,1,2025-11-27\n/c,1,2025-11-26\n/d,1,2026-11-28\n"
    )
    assert set(totals(read(edges))) == {"/a", "/b"}  # now's day and 365 days before it


def test_rows_with_unreadable_dates_or_no_views_are_ignored(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("page,views,date\n/a,3,2026-11-01\n/b,2,someday\n/c,,2026-11-01\n,4,\n")
    views = read(export)
    assert totals(views) == {"/a": 3}
    assert views.files[0]["rows_ignored"] == 3


# Reading: columns


def test_columns_are_recognised_by_name_case_and_punctuation_ignored(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("PAGE-PATH;Page_Views;Active users\n/a;5;2\n")
    views = read(export)
    assert views.files[0]["columns"] == {
        "page": "PAGE-PATH",
        "views": "Page_Views",
        "users": "Active users",
    }
    assert totals(views) == {"/a": 5}


def test_columns_can_be_named_explicitly(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Adresje,Aantal,Wanneer\n/a,5,2026-11-01\n/a,2,2020-01-01\n")
    with pytest.raises(InputError, match="no column of page paths"):
        read(export)
    columns = {"page": "Adresje", "views": "aantal", "date": "Wanneer"}
    views = read(export, columns=columns)
    assert totals(views) == {"/a": 5}
    assert views.files[0]["columns"] == {"page": "Adresje", "views": "Aantal", "date": "Wanneer"}


def test_an_explicit_column_wins_over_a_recognised_one(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("page,views,hits\n/a,5,7\n")
    assert totals(read(export, columns={"views": "hits"})) == {"/a": 7}


# Reading: bad input


def test_a_file_without_a_page_column_names_the_file_its_columns_and_the_option(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Country,Views\nNL,5\n")
    with pytest.raises(InputError) as error:
        read(export)
    message = str(error.value)
    assert "\n" not in message
    assert str(export) in message and "'Country', 'Views'" in message
    assert "usage-columns" in message


def test_a_file_without_a_views_column_says_so(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("page,Country\n/a,NL\n")
    with pytest.raises(InputError, match="no column of view counts"):
        read(export)
    with pytest.raises(InputError, match="usage-columns names views = 'Hits', which it lacks"):
        read(export, columns={"views": "Hits"})


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "not found"),
        (b"", "empty file"),
        (b"\x1f\x8b\x08\x00junk that is not deflate data", "not a valid gzip file"),
        (gzip.compress(bytes(range(256)) * 64)[:100], "not a valid gzip file"),
        (bytes(range(256)) * 8, "binary data"),
        (b"Dear team,\nplease find the numbers attached\n", "not a CSV/TSV table"),
        (b"page,views\n/a,1\n/b,2,3\n", "malformed table: line 3 has 3 fields, the header 2"),
        (b'{"page": "/a", "views": 1}\n{"page": \n', "usage file"),
        (b'["/a", 1]\n', "a JSON array"),
        (b"page,views\n/a,1\n/\x81\x8d,2\n", "neither UTF-8 nor Windows-1252"),
    ],
    ids=[
        "missing", "empty", "bad-gzip", "truncated-gzip", "binary", "prose", "malformed-csv",
        "malformed-jsonl", "json-array", "undecodable",
    ],
)  # fmt: skip
def test_bad_input_is_one_clear_line(tmp_path, content, problem):
    path = tmp_path / "usage.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read(path)
    message = str(error.value)
    assert problem in message and str(path) in message and "\n" not in message


def test_a_bad_row_far_down_is_reported_at_its_line(tmp_path):
    export = tmp_path / "export.csv"
    rows = "".join(f"/p{i},{i}\n" for i in range(20000))
    export.write_text(f"# an export\npage,views\n{rows}/a,Hello, world,1\n")
    with pytest.raises(InputError, match="line 20003 has 4 fields, the header 2"):
        read(export)


def test_a_folder_is_not_a_usage_file(tmp_path):
    with pytest.raises(InputError, match="not a file"):
        read(tmp_path)


def test_windows_1252_is_read_when_it_is_not_utf8_and_said(tmp_path):
    export = tmp_path / "export.csv"
    export.write_bytes("page,title,views\n/cafe,Café,3\n".encode("cp1252"))
    views = read(export)
    assert views.files[0]["encoding"] == "Windows-1252 (cp1252)"
    assert views.pages["title"].tolist() == ["Café"]


def test_utf8_that_breaks_after_the_first_block_falls_back_to_cp1252(tmp_path):
    export = tmp_path / "export.csv"
    body = "".join(f"/p{i},1\n" for i in range(20000))
    export.write_bytes(("page,views\n" + body).encode() + "/café,1\n".encode("cp1252"))
    views = read(export)
    assert views.files[0]["encoding"] == "Windows-1252 (cp1252)"
    assert totals(views)["/café"] == 1


def test_crlf_lines_and_excels_sep_line(tmp_path):
    export = tmp_path / "export.csv"
    export.write_bytes(b"sep=;\r\npage;views\r\n/a;1\r\n/b;2\r\n\r\n")
    assert totals(read(export)) == {"/b": 2, "/a": 1}


# Mapping


def test_urls_below_the_sites_base_url_or_a_given_one_match():
    rows = [
        ("https://docs.example.org/guides/deploy/", None, 5),
        ("https://www.docs.example.org/about/", None, 2),
        ("https://handbook.example.net/kb/faq/", None, 3),
        ("https://elsewhere.example.com/faq/", None, 9),
    ]
    assert matched(rows)["views"].to_dict() == {
        "docs/index.md": 0.0,
        "docs/getting-started.md": 0.0,
        "docs/guides/deploy.md": 5.0,
        "docs/about.md": 2.0,
        "docs/faq.md": 0.0,  # handbook.example.net is not a base URL, elsewhere is another site
        "docs/team/faq.md": 0.0,
        "docs/nieuws.md": 0.0,
    }
    given = matched(rows, base_urls=["https://handbook.example.net/kb/"])
    assert given.loc["docs/faq.md", "views"] == 3


@pytest.mark.parametrize(
    "page",
    [
        "/getting-started/",
        "/getting-started",  # no trailing slash
        "/getting-started/?utm_source=mail",  # a query
        "/getting-started/#install",  # a fragment
        "/getting-started/index.html",
        "/getting-started.html",
        "getting-started",
        "/GETTING-STARTED/",  # lower-cased by the analytics tool the other way round
    ],
)
def test_url_forms_of_a_page_match_it(page):
    out = matched([(page, None, 4)])
    assert out.loc["docs/getting-started.md", "views"] == 4
    assert out.loc["docs/getting-started.md", "usage_match"] == "url"


def test_site_urls_from_the_generator_match_redirects_included():
    out = matched([("/", None, 1), ("/index.html", None, 2), ("/old/deploy/", None, 3)])
    assert out.loc["docs/index.md", "views"] == 3
    assert out.loc["docs/guides/deploy.md", "views"] == 3


def test_a_real_mkdocs_site_maps_urls_to_documents(tmp_path):
    (tmp_path / "docs" / "guides").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: H\nsite_url: https://kb.example.org/h/\n")
    files = {
        "docs/index.md": "Home",
        "docs/guides/deploy.md": "Deploy",
        "docs/guides/README.md": "G",
    }
    for path in files:
        (tmp_path / path).write_text("# x\n")
    docs = documents(files)
    site = read_site(tmp_path, docs)
    rows = [("https://kb.example.org/h/guides/deploy/", None, 4), ("/h/guides/", None, 2)]
    out = map_usage(views_of(rows), docs, site).documents
    assert out["views"].to_dict() == {
        "docs/index.md": 0.0,
        "docs/guides/deploy.md": 4.0,
        "docs/guides/README.md": 2.0,
    }


def test_paths_match_document_files_without_a_site():
    docs = documents(
        {
            "docs/guides/deploy.md": "Deploy",
            "runbooks/README.md": "Runbooks",
            "runbooks/db/index.md": "Databases",
            "notes.md": "Notes",
        }
    )
    rows = [
        ("/guides/deploy", None, 1),  # below docs/, a common documentation root
        ("/runbooks/", None, 2),  # a folder: its README
        ("/runbooks/db", None, 3),  # a folder: its index
        ("/notes.md", None, 4),  # the file itself
        ("/docs/notes", None, 5),  # a URL prefix the files don't have
    ]
    out = matched(rows, site=NO_SITE, docs=docs)
    assert out["views"].to_dict() == {
        "docs/guides/deploy.md": 1.0,
        "runbooks/README.md": 2.0,
        "runbooks/db/index.md": 3.0,
        "notes.md": 9.0,
    }


def test_confluence_page_ids_match_through_the_export_index():
    docs = documents({"Deploy-Runbook_98306.html": "Deploy runbook", "Home_65537.html": "Home"})
    index = ConfluenceIndex(
        by_id={"98306": "Deploy-Runbook_98306.html", "65537": "Home_65537.html"},
        by_title={"home": "Home_65537.html"},
        space_key="TEAM",
    )
    rows = [
        ("/pages/viewpage.action?pageId=98306&src=search", None, 1),
        ("https://acme.atlassian.net/wiki/spaces/TEAM/pages/98306/Deploy+runbook", None, 2),
        ("https://wiki.acme.org/display/TEAM/Home", None, 4),
        ("65537", None, 8),
        ("/pages/viewpage.action?pageId=4242", None, 16),  # not in this export
    ]
    out = map_usage(views_of(rows), docs, NO_SITE, confluence=index)
    assert out.documents["views"].to_dict() == {
        "Deploy-Runbook_98306.html": 3.0,
        "Home_65537.html": 12.0,
    }
    assert out.facts["top_unmatched"] == [
        {"page": "/pages/viewpage.action?pageId=4242", "views": 16}
    ]


def test_an_access_log_of_the_wiki_maps_to_the_pages_of_its_confluence_export():
    space = FIXTURES / "confluence" / "space"
    docs = documents({path.name: path.stem for path in sorted(space.glob("*.html"))})
    out = map_usage(read("access.log"), docs, NO_SITE, confluence=export_index(space))
    assert out.documents.loc["Deploy-Runbook_98306.html", "views"] == 1
    assert out.documents.loc["Deploy-Runbook_98306.html", "usage_match"] == "url"


def test_titles_match_as_a_last_resort_flagged_and_only_when_unique():
    rows = [
        (None, "getting  STARTED", 3),  # case and spaces folded
        ("/no/such/page/", "About us", 2),  # the page does not match: its title does
        (None, "FAQ", 7),  # two documents are called FAQ
        ("/nieuws/", "Something else", 1),  # the page matches: the title is not looked at
    ]
    out = map_usage(views_of(rows), DOCS, SITE)
    documents_ = out.documents
    assert documents_.loc["docs/getting-started.md", "usage_match"] == "title"
    assert documents_.loc["docs/about.md", "views"] == 2
    assert documents_.loc["docs/about.md", "usage_match"] == "title"
    assert documents_.loc["docs/nieuws.md", "usage_match"] == "url"
    assert documents_.loc[["docs/faq.md", "docs/team/faq.md"], "views"].tolist() == [0.0, 0.0]
    assert documents_.loc["docs/faq.md", "usage_match"] is None
    assert out.facts["matched_by_title"] == 2
    assert out.facts["top_unmatched"] == [{"page": "FAQ", "views": 7}]


def test_keys_of_one_document_sum_views_and_take_the_largest_users_and_latest_date():
    rows = [
        ("/guides/deploy/", None, 5, 4.0, "2026-11-01"),
        ("https://docs.example.org/guides/deploy/?ref=x", None, 3, 3.0, "2026-11-20"),
        (None, "Deploy", 2, 2.0, "2026-10-01"),
    ]
    out = matched(rows).loc["docs/guides/deploy.md"]
    assert out["views"] == 10
    assert out["users"] == 4  # the same people behind two URLs: not 4 + 3 + 2
    assert out["last_viewed"] == pd.Timestamp("2026-11-20", tz="UTC")
    assert out["usage_match"] == "url"


def test_documents_without_a_row_have_zero_views_not_unknown():
    out = map_usage(read("ga4_pages.csv"), DOCS, SITE)
    frame = out.documents
    assert list(frame.index) == list(DOCS.index)
    assert frame["views"].dtype == "float64" and frame["users"].dtype == "float64"
    assert str(frame["last_viewed"].dtype) == "datetime64[ns, UTC]"
    assert frame.loc["docs/nieuws.md", "views"] == 0.0
    assert math.isnan(frame.loc["docs/nieuws.md", "users"])
    assert frame.loc["docs/nieuws.md", "usage_match"] is None
    assert frame.loc["docs/index.md", "views"] == 120


def test_facts_of_a_good_match():
    out = map_usage(read("ga4_pages.csv"), DOCS, SITE)
    assert out.facts == {
        "views_total": 198,
        "views_matched": 195,
        "match_share": round(195 / 198, 4),
        "matched_by_title": 0,
        "top_unmatched": [{"page": "/search?q=vpn", "views": 3}],
        "warning": None,
        "hint": None,
    }


# Mapping: the warning for a poor match


def test_a_poor_match_warns_that_the_usage_findings_are_unreliable_and_offers_the_base_url():
    rows = [
        ("https://handbook.example.net/kb/guides/deploy/", None, 50),
        ("https://handbook.example.net/kb/faq/", None, 30),
        ("https://handbook.example.net/kb/nowhere/", None, 10),
        ("/about/", None, 10),
    ]
    facts = map_usage(views_of(rows), DOCS, SITE).facts
    assert facts["match_share"] == 0.1
    warning = facts["warning"]
    assert warning.startswith("Only 10% of the 100 page views in the usage data match")
    assert "unreliable" in warning
    assert "https://handbook.example.net/kb/guides/deploy/ (50)" in warning
    assert "start with https://handbook.example.net/kb/: add it to base-urls" in warning
    assert facts["hint"] == {"option": "base-urls", "value": "https://handbook.example.net/kb/"}
    fixed = map_usage(views_of(rows), DOCS, SITE, base_urls=[facts["hint"]["value"]])
    assert fixed.facts["warning"] is None


def test_a_poor_match_on_confluence_pages_points_at_their_export():
    rows = [("https://acme.atlassian.net/wiki/spaces/OPS/pages/123/Runbook", None, 9)]
    warning = map_usage(views_of(rows), DOCS, SITE).facts["warning"]
    assert "look like Confluence pages" in warning and "Confluence export" in warning


def test_a_poor_match_on_titles_in_the_page_column_points_at_usage_columns():
    rows = [("Getting started", None, 9), ("Deploy", None, 5)]
    facts = map_usage(views_of(rows), DOCS, SITE).facts
    assert "'Page' seems to hold titles" in facts["warning"]
    assert facts["hint"] == {"option": "usage-columns", "value": {"title": "Page"}}


def test_a_poor_match_on_a_path_prefix_offers_the_base_path():
    rows = [("/team-kb/guides/deploy/", None, 9), ("/team-kb/about/", None, 5)]
    facts = map_usage(views_of(rows), DOCS, SITE).facts
    assert "start with /team-kb/" in facts["warning"]
    assert "(e.g. https://docs.example.org/team-kb/)" in facts["warning"]
    assert facts["hint"] == {"option": "base-urls", "value": "/team-kb/"}


def test_a_poor_match_on_titles_says_titles_must_be_unique_document_titles():
    rows = [(None, "Quarterly numbers", 9), (None, "FAQ", 5), (None, "Deploy", 1)]
    warning = map_usage(views_of(rows), DOCS, SITE).facts["warning"]
    assert "Most viewed unmatched: Quarterly numbers (9), FAQ (5)." in warning
    assert "only when exactly one document has it" in warning


def test_no_views_at_all_is_no_proof_of_disuse():
    facts = map_usage(views_of([]), DOCS, SITE).facts
    assert facts["views_total"] == 0 and facts["match_share"] == 0.0
    assert "unreliable" in facts["warning"]


def test_usage_of_another_site_is_said_to_be():
    rows = [("https://elsewhere.example.com/blog/", None, 8), ("/about/", None, 1)]
    warning = map_usage(views_of(rows), DOCS, SITE).facts["warning"]
    assert "https://elsewhere.example.com/ and match no document" in warning
