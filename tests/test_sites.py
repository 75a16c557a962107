"""Site conventions: the URLs MkDocs, Docusaurus, Hugo and Jekyll serve documents at, and
the documents their navigation lists, on small trees and on the two real corpora."""

import re
from pathlib import Path

import pandas as pd

from auditor.config import Config
from auditor.load.discover import discover
from auditor.load.document import base_row
from auditor.load.frontmatter import split_frontmatter
from auditor.load.sites import SiteMap, normalise_url, read_site

CORPORA = Path(__file__).parents[2] / "shared" / "corpora"


def documents(root: Path) -> pd.DataFrame:
    """The columns of the loader's frame that read_site uses, for the documents under root."""
    config, rows = Config(), []
    for rel in discover(root, config.extensions, config.exclude).documents:
        row = base_row(rel, config, size=0)
        row["frontmatter"] = split_frontmatter((root / rel).read_text(encoding="utf-8")).meta
        rows.append(row)
    columns = ["path", "name", "folder", "is_entry", "frontmatter"]
    return pd.DataFrame(rows, columns=columns).set_index("path", drop=False)


def site_of(root: Path) -> SiteMap:
    return read_site(root, documents(root))


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def corpus(name: str) -> Path:
    """A real corpus. CI checks shared/ out beside the repository; without it the tests that
    use one fail (an assertion in the test, not a fixture error or a skip)."""
    path = CORPORA / name
    assert path.is_dir(), f"the real corpus {name} is missing: expected it at {path}"
    return path


def test_normalise_url_strips_base_query_fragment_index_and_html():
    bases = ["https://example.org/handbook/", "http://docs.example.org"]
    assert normalise_url("https://example.org/handbook/a/b/?x=1#top", bases) == "a/b"
    assert normalise_url("https://www.example.org/handbook/a/index.html", bases) == "a"
    assert normalise_url("http://docs.example.org/x.html", bases) == "x"
    assert normalise_url("https://example.org/elsewhere/a", bases) is None  # not below the base
    assert normalise_url("https://other.org/handbook/a", bases) is None
    assert normalise_url("mailto:team@example.org", bases) is None
    assert normalise_url("/handbook/a/b.html", bases) == "a/b"  # site-absolute with base path
    assert normalise_url("/a/b/", bases) == "a/b"
    assert normalise_url("/caf%C3%A9/over%20ons/index", bases) == "café/over ons"
    assert normalise_url("/", bases) == normalise_url("/index.html") == ""
    assert normalise_url("/a/./b/../c//") == "a/c"
    assert normalise_url("/../../a") == "a"  # above the root stays at the root


MKDOCS_YML = """\
site_name: Handbook
site_url: https://example.org/handbook/
docs_dir: site-docs
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - git-revision-date-localized:
      enabled: !ENV [CI, false]
  - redirects:
      redirect_maps:
        old-page.md: a/b.md
extra:
  danger: !!python/object/apply:os.system ["touch executed"]
nav:
  - Home: index.md
  - Section:
      - a/index.md
      - Page B: a/b.md
      - External: https://example.org/elsewhere/
  - ... | c/*.md
  - Gone: a/missing.md
"""


def mkdocs_tree(root: Path, directory_urls: bool = True) -> Path:
    config = MKDOCS_YML + ("" if directory_urls else "use_directory_urls: false\n")
    return write(
        root,
        {
            "mkdocs.yml": config,
            "site-docs/index.md": "# Home\n",
            "site-docs/a/index.md": "# A\n",
            "site-docs/a/b.md": "# B\n",
            "site-docs/c/README.md": "# C\n",
            "site-docs/c/d.md": "# D\n",
            "site-docs/e/index.md": "# E\n",
            "site-docs/e/README.md": "# ignored beside index.md\n",
            "site-docs/img/logo.png": "",
            "README.md": "# The repository's readme: not part of the site\n",
        },
    )


def test_mkdocs_directory_urls_nav_and_a_missing_nav_entry(tmp_path):
    root = mkdocs_tree(tmp_path)
    site = site_of(root)
    assert site.kind == "mkdocs" and site.config == "mkdocs.yml"
    assert site.urls == {
        "": "site-docs/index.md",
        "a": "site-docs/a/index.md",
        "a/b": "site-docs/a/b.md",
        "c": "site-docs/c/README.md",
        "c/d": "site-docs/c/d.md",
        "e": "site-docs/e/index.md",
        "old-page": "site-docs/a/b.md",  # mkdocs-redirects
    }
    assert site.pages["site-docs/a/b.md"] == "a/b/"
    assert site.in_nav == {
        "site-docs/index.md", "site-docs/a/index.md", "site-docs/a/b.md",
        "site-docs/c/README.md", "site-docs/c/d.md",
    }  # fmt: skip
    assert site.notes == ("mkdocs.yml nav lists site-docs/a/missing.md, which does not exist",)
    assert site.routes == {"img/logo.png": "site-docs/img/logo.png"}
    assert site.base_urls == ("https://example.org/handbook/",)
    assert not (tmp_path / "executed").exists()  # custom tags are read as data, never run


def test_mkdocs_links_resolve_as_the_browser_resolves_them(tmp_path):
    site = site_of(mkdocs_tree(tmp_path))
    # a/b.md is served at a/b/, so `../` is the a/ folder and `../../c/` the c/ folder
    assert site.resolve("../", "site-docs/a/b.md") == "site-docs/a/index.md"
    assert site.resolve("../../c/d/", "site-docs/a/b.md") == "site-docs/c/d.md"
    assert site.resolve("a/b/#part", "site-docs/index.md") == "site-docs/a/b.md"
    assert site.resolve("https://example.org/handbook/c/", None) == "site-docs/c/README.md"
    assert site.resolve("/handbook/a/b/", None) == "site-docs/a/b.md"
    assert site.resolve("../nowhere/", "site-docs/a/b.md") is None
    assert site.is_broken("nowhere") and not site.is_broken("img/logo.png")


def test_mkdocs_without_directory_urls_serves_html_files(tmp_path):
    site = site_of(mkdocs_tree(tmp_path, directory_urls=False))
    assert site.pages["site-docs/a/b.md"] == "a/b.html"
    assert site.pages["site-docs/a/index.md"] == "a/index.html"
    assert site.urls["a/b"] == "site-docs/a/b.md"  # /a/b.html normalises to a/b
    assert site.resolve("b.html", "site-docs/a/index.md") == "site-docs/a/b.md"
    assert site.resolve("../c/d.html", "site-docs/a/b.md") == "site-docs/c/d.md"


def test_mkdocs_config_above_the_scanned_folder(tmp_path):
    mkdocs_tree(tmp_path)
    site = site_of(tmp_path / "site-docs")
    assert site.config == "../mkdocs.yml"
    assert site.urls["a/b"] == "a/b.md" and site.pages["a/b.md"] == "a/b/"
    assert "index.md" in site.in_nav
    assert site.notes == ("../mkdocs.yml nav lists a/missing.md, which does not exist",)


DOCUSAURUS_CONFIG = """\
// import { themes } from "prism-react-renderer";
const config = {
  url: "https://example.org",
  baseUrl: "/site/",
  presets: [
    [
      "classic",
      {
        docs: {
          path: "docs",
          routeBasePath: "guide", // not /docs
          sidebarPath: "./sidebars.js",
          include: ["**/*.{md,mdx}"],
        },
        blog: { showReadingTime: true },
      },
    ],
  ],
  plugins: [
    ["@docusaurus/plugin-client-redirects", {
      redirects: [{ from: ["/old-intro", "/older-intro"], to: "/guide/intro" }],
    }],
  ],
  themeConfig: {
    docs: { sidebar: { hideable: true } },
    navbar: { items: [{ to: "/guide/legal", label: "Legal" }] },
  },
};
module.exports = config;
"""

SIDEBARS = """\
/* The docs' sidebars */
module.exports = {
  main: [
    "intro",
    { type: "doc", id: "getting-started/install" },
    { type: "category", label: "Deep", items: [{ type: "autogenerated", dirName: "deep" }] },
    "not-a-doc",
  ],
};
"""


def docusaurus_tree(root: Path) -> Path:
    return write(
        root,
        {
            "docusaurus.config.js": DOCUSAURUS_CONFIG,
            "sidebars.js": SIDEBARS,
            "package.json": "{}",
            "docs/01-intro.md": "# Intro\n",
            "docs/02-getting-started/index.md": "# Getting started\n",
            "docs/02-getting-started/03-install.md": "# Install\n",
            "docs/custom.md": "---\nid: renamed\n---\n# Id replaces the file name\n",
            "docs/moved.md": "---\nslug: /elsewhere/moved\n---\n# An absolute slug\n",
            "docs/relative.md": "---\nslug: ../up-one\n---\n# A relative slug\n",
            "docs/deep/deep.md": "# A doc named as its folder serves the folder\n",
            "docs/deep/inner/page.mdx": "# Page\n",
            "docs/deep/hidden.md": "---\nunlisted: true\n---\n# Unlisted\n",
            "docs/_partial.md": "Included elsewhere, never a page of its own.\n",
            "docs/legal.md": "# Only in the navbar\n",
            "blog/2024-01-02-hello.md": "# Hello\n",
            "blog/2024-03-04-folder-post/index.md": "# A post in a folder\n",
            "blog/2023/11/28-nested-date.md": "# Date in the folders\n",
            "blog/2024-05-06-renamed.md": "---\nslug: custom/slug\n---\n# Slug\n",
            "blog/undated.md": "# No date in the name\n",
            "blog/authors.yml": "ann:\n  name: Ann\n  page: true\nbob:\n  name: Bob\n",
            "src/pages/about.md": "# A Markdown page\n",
            "src/pages/team/index.tsx": "export default () => null;\n",
            "static/img/logo.svg": "<svg/>",
        },
    )


def test_docusaurus_docs_ids_slugs_number_prefixes_and_sidebars(tmp_path):
    site = site_of(docusaurus_tree(tmp_path))
    assert site.kind == "docusaurus"
    served = {doc: url for doc, url in site.pages.items() if doc.startswith("docs/")}
    assert served == {
        "docs/01-intro.md": "guide/intro",
        "docs/02-getting-started/index.md": "guide/getting-started/",
        "docs/02-getting-started/03-install.md": "guide/getting-started/install",
        "docs/custom.md": "guide/renamed",
        "docs/moved.md": "guide/elsewhere/moved",
        "docs/relative.md": "guide/up-one",
        "docs/deep/deep.md": "guide/deep/",
        "docs/deep/inner/page.mdx": "guide/deep/inner/page",
        "docs/deep/hidden.md": "guide/deep/hidden",
        "docs/legal.md": "guide/legal",
    }
    assert site.urls["guide/getting-started/install"] == "docs/02-getting-started/03-install.md"
    assert site.in_nav >= {
        "docs/01-intro.md",  # "intro"
        "docs/02-getting-started/03-install.md",  # {type: "doc", id: …}, prefixes stripped
        "docs/deep/deep.md", "docs/deep/inner/page.mdx",  # autogenerated from deep/
        "docs/legal.md",  # linked from the navbar
    }  # fmt: skip
    assert "docs/deep/hidden.md" not in site.in_nav  # unlisted: no sidebar shows it
    assert "docs/relative.md" not in site.in_nav
    assert site.notes == ("sidebars.js lists the doc id 'not-a-doc', which no document has",)


def test_docusaurus_blog_pages_static_and_redirects(tmp_path):
    site = site_of(docusaurus_tree(tmp_path))
    assert site.urls["blog/2024/01/02/hello"] == "blog/2024-01-02-hello.md"
    assert site.urls["blog/2024/03/04/folder-post"] == "blog/2024-03-04-folder-post/index.md"
    assert site.urls["blog/2023/11/28/nested-date"] == "blog/2023/11/28-nested-date.md"
    assert site.urls["blog/custom/slug"] == "blog/2024-05-06-renamed.md"
    assert site.urls["blog/undated"] == "blog/undated.md"
    assert "blog/undated.md" in site.in_nav  # the blog's list pages show every post
    assert site.urls["about"] == "src/pages/about.md"
    assert site.routes["team"] == "src/pages/team/index.tsx"
    assert site.routes["img/logo.svg"] == "static/img/logo.svg"
    assert "blog/authors/ann" in site.routes and "blog/authors/bob" not in site.routes
    assert site.redirects["old-intro"] == "guide/intro"
    assert site.resolve("/old-intro") == site.resolve("/older-intro") == "docs/01-intro.md"
    # baseUrl: a link may carry it or not, and a full URL to the site is the site's
    assert site.resolve("/site/guide/intro") == site.resolve("/guide/intro") == "docs/01-intro.md"
    assert site.resolve("https://example.org/site/blog/undated") == "blog/undated.md"
    # the docs and the blog are wholly scanned (package.json: a whole checkout)
    assert site.is_broken("guide/typo") and site.is_broken("blog/2024/01/02/typo")
    assert not site.is_broken("communities/x")  # served by nothing we know of: unknown


def test_docusaurus_default_routes_and_redirects_from_a_csv(tmp_path):
    root = write(
        tmp_path,
        {
            "docusaurus.config.ts": 'export default { url: "https://x.org", baseUrl: "/",'
            ' plugins: [], customFields: { file: "redirects.csv" } };\n',
            "redirects.csv": "from,to\n/docs/old,/docs/new\n",
            "docs/new.md": "# New\n",
        },
    )
    site = site_of(root)
    assert site.urls == {"docs/new": "docs/new.md", "docs/old": "docs/new.md"}
    assert site.in_nav == {"docs/new.md"}  # no sidebars file: one autogenerated sidebar
    assert not site.complete  # no package.json: maybe not the whole site


HUGO_TOML = """\
baseURL = "https://example.org/"
[[menus.main]]
  name = "About"
  pageRef = "/about"
"""


def test_hugo_sections_bundles_url_slug_and_aliases(tmp_path):
    root = write(
        tmp_path,
        {
            "hugo.toml": HUGO_TOML,
            "content/_index.md": "+++\ntitle = 'Home'\n+++\n",
            "content/about.md": "# About\n",
            "content/posts/_index.md": "# Posts\n",
            "content/posts/First-Post.md": "---\naliases: [/old/first/, renamed]\n---\n",
            "content/posts/bundle/index.md": "---\nslug: packed\n---\n",
            "content/posts/sluggy.md": "---\nslug: other-name\nmenu: main\n---\n",
            "content/docs/fixed.md": "---\nurl: /fixed/Path/\n---\n",
        },
    )
    site = site_of(root)
    assert site.kind == "hugo"
    assert site.urls == {
        "": "content/_index.md",
        "about": "content/about.md",
        "posts": "content/posts/_index.md",
        "posts/first-post": "content/posts/First-Post.md",  # Hugo lower-cases paths
        "posts/packed": "content/posts/bundle/index.md",
        "posts/other-name": "content/posts/sluggy.md",
        "fixed/Path": "content/docs/fixed.md",  # an explicit url is kept as written
        "old/first": "content/posts/First-Post.md",
        "posts/renamed": "content/posts/First-Post.md",  # relative to the page's section
    }
    assert site.in_nav == {"content/about.md", "content/posts/sluggy.md"}
    assert "docs" in site.routes and "tags" in site.routes  # section list, taxonomy


def test_jekyll_posts_pages_and_permalinks(tmp_path):
    root = write(
        tmp_path,
        {
            "_config.yml": "baseurl: /blog\npermalink: pretty\n",
            "_posts/2024-01-02-hello-world.md": "---\ncategories: news\n---\n",
            "_drafts/unfinished.md": "# Not published\n",
            "about.md": "---\npermalink: /about-us/\nredirect_from: [/about-old/]\n---\n",
            "guides/setup.md": "# Setup\n",
            "index.md": "# Home\n",
        },
    )
    site = site_of(root)
    assert site.kind == "jekyll"
    assert site.urls == {
        "news/2024/01/02/hello-world": "_posts/2024-01-02-hello-world.md",
        "about-us": "about.md",
        "about-old": "about.md",
        "guides/setup": "guides/setup.md",
        "": "index.md",
    }
    assert site.resolve("/blog/guides/setup/") == "guides/setup.md"


def test_generic_folder_maps_paths_without_extensions(tmp_path):
    root = write(
        tmp_path / "wiki",
        {
            "a/b.md": "# B\n",
            "a/index.md": "# A\n",
            "c/README.md": "# C\n",
            "d.md": "---\npermalink: /special/place/\n---\n",
        },
    )
    site = site_of(root)
    assert site.kind is None and site.notes == ()
    assert site.resolve("/a/b") == site.resolve("/a/b.html") == site.resolve("/a/b/") == "a/b.md"
    assert site.resolve("/a/") == site.resolve("/a/index.html") == "a/index.md"
    assert site.resolve("/c") == "c/README.md"
    assert site.resolve("/special/place") == "d.md"
    assert site.resolve("../c/", "a/b.md") == "c/README.md"  # relative to the file
    assert site.in_nav == frozenset() and not site.complete


def test_a_folder_holding_several_sites_is_read_as_plain_files(tmp_path):
    mkdocs_tree(tmp_path / "one")
    docusaurus_tree(tmp_path / "two")
    site = site_of(tmp_path)
    assert site.kind is None
    assert site.notes == (
        "several sites here (one/mkdocs.yml, two/docusaurus.config.js): "
        "scan one of them to check links by its URLs",
    )


def test_a_site_below_the_scanned_folder_is_found(tmp_path):
    docusaurus_tree(tmp_path / "website")
    site = site_of(tmp_path)
    assert site.config == "website/docusaurus.config.js"
    assert site.urls["guide/intro"] == "website/docs/01-intro.md"
    assert site.routes["img/logo.svg"] == "website/static/img/logo.svg"


def test_an_unreadable_config_is_a_note_not_a_crash(tmp_path):
    root = write(tmp_path, {"mkdocs.yml": "nav: [unclosed\n", "docs/a.md": "# A\n"})
    site = site_of(root)
    assert site.kind is None and site.urls["docs/a"] == "docs/a.md"
    assert site.notes[0].startswith("mkdocs.yml could not be read (")


def test_real_mkdocs_site_nav_and_directory_links():
    root = corpus("algoritmekader-nl")
    site = site_of(root)
    assert site.kind == "mkdocs" and site.notes == ()
    # every page the nav names, and every page its awesome-pages globs match, is in nav
    nav = (root / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[1].split("\n\n")[0]
    named = {f"docs/{path}" for path in re.findall(r"[\w./-]+\.md\b", nav) if "*" not in path}
    globbed = {f"docs/{folder}/{p.name}" for folder in ("onderwerpen", "rollen")
               for p in (root / "docs" / folder).glob("*.md")}  # fmt: skip
    assert len(named) == 27 and len(globbed) == 16
    assert named | globbed == site.in_nav
    assert "docs/soorten-algoritmes-en-ai/geautomatiseerde-risicoselectie.md" not in site.in_nav
    # over-de-levenscyclus.md is served at levenscyclus/over-de-levenscyclus/, so its
    # `../ontwerp` link is the levenscyclus/ontwerp page (file logic would miss it)
    source = "docs/levenscyclus/over-de-levenscyclus.md"
    assert site.resolve("../ontwerp", source) == "docs/levenscyclus/ontwerp.md"
    assert site.resolve("../uitfaseren", source) == "docs/levenscyclus/uitfaseren.md"
    link = "https://minbzk.github.io/Algoritmekader/onderwerpen/"
    assert site.resolve(link) == "docs/onderwerpen/index.md"
    assert site_of(root / "docs").urls["onderwerpen"] == "onderwerpen/index.md"


def test_real_docusaurus_site_absolute_links_resolve():
    site = site_of(corpus("don-site-nl"))
    assert site.kind == "docusaurus" and site.notes == ()
    assert site.resolve("/kennisbank/api-ontwikkeling/tutorials/bouw-een-api") == (
        "docs/api-ontwikkeling/tutorials/bouw-een-api/index.md"
    )
    assert site.resolve("/blog/2026/07/2/tools-in-the-loop") == (
        "blog/2026/07/2-tools-in-the-loop.md"
    )
    tutorial = "api-ontwikkeling/tutorials/bouw-een-api"  # number prefixes are stripped
    assert site.pages[f"docs/{tutorial}/1-genereer-oas-boilerplate.md"] == (
        f"kennisbank/{tutorial}/genereer-oas-boilerplate"
    )
    # redirects.csv, read because the config names it
    assert site.resolve("/kennisbank/apis/architectuur/webhooks") == (
        "docs/api-ontwikkeling/architectuur/webhooks.md"
    )
    assert "docs/api-ontwikkeling/index.mdx" in site.in_nav  # a category link in sidebars.ts
    assert "docs/api-ontwikkeling/tools/api-design-rules-validator.md" not in site.in_nav
    assert "blog/authors/joost-farla" in site.routes
    # the snapshot has no package.json, src/pages or static/: no URL is declared broken
    assert not site.complete and not site.is_broken("kennisbank/standaarden")
