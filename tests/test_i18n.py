"""The HTML report in English and Dutch: complete catalogues, no English left on a Dutch
page, numbers and dates as each language writes them, and the language switch."""

from __future__ import annotations

import dataclasses
import html as htmllib
import json
import re
from typing import Any

import pytest
from click.testing import CliRunner

from auditor.api import audit
from auditor.cli import cli
from auditor.config import Config, load_config
from auditor.docs import rule_sections
from auditor.errors import ConfigError
from auditor.principles import BY_LANGUAGE
from auditor.registry import load_rules
from auditor.render.filters import Formats
from auditor.render.html import render_html
from auditor.render.i18n import LANGUAGES, catalogue
from auditor.render.json import render_json
from auditor.render.rule_text import rule_text
from tests.conftest import EXAMPLE, NOW

OTHERS = [lang for lang in LANGUAGES if lang != "en"]
DOC_SECTIONS = ("What it does", "Why", "Example", "Fix")
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")


def shape(value: Any) -> Any:
    """The keys of a catalogue, nested; every leaf as the placeholders it holds."""
    if isinstance(value, dict):
        return {key: shape(v) for key, v in value.items()}
    return sorted(PLACEHOLDER.findall(value))


def leaves(value: Any, path: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [leaf for key, v in value.items() for leaf in leaves(v, f"{path}.{key}")]
    return [(path, value)]


def test_the_languages_are_english_and_dutch():
    assert {"en", "nl"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", OTHERS)
def test_every_language_has_exactly_the_keys_and_placeholders_of_english(lang):
    assert shape(catalogue(lang).text) == shape(catalogue("en").text)
    assert catalogue(lang).text["lang"] == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_value_is_empty(lang):
    empty = [path for path, value in leaves(catalogue(lang).text) if not value.strip()]
    assert not empty


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_principle(lang):
    assert lang in BY_LANGUAGE
    assert BY_LANGUAGE[lang].keys() == BY_LANGUAGE["en"].keys()
    assert all(text.strip() for text in BY_LANGUAGE[lang].values())


@pytest.mark.parametrize("lang", OTHERS)
def test_every_registered_rule_is_described_in_every_language(lang):
    rules = catalogue(lang).rules
    ids = {cls.id for cls in load_rules()}
    builtin = {i for i in ids if not i.startswith("Z")}  # Z…: the example plugin's
    assert builtin <= rules.keys()
    assert rules.keys() <= ids
    for rule_id, text in rules.items():
        assert set(text) == {"summary", *DOC_SECTIONS}, rule_id
        assert all(value.strip() for value in text.values()), rule_id


@pytest.mark.parametrize(
    ("lang", "number", "fraction", "percent", "date"),
    [
        ("en", "1,234", "1,234.5", "12.5%", "27 November 2026"),
        ("nl", "1.234", "1.234,5", "12,5%", "27 november 2026"),
    ],
)
def test_numbers_and_dates_read_as_the_language_writes_them(lang, number, fraction, percent, date):
    formats: Formats = catalogue(lang).formats
    assert formats.number(1234) == number
    assert formats.number(1234.5) == fraction
    assert formats.percent(0.125, decimals=1) == percent
    assert formats.percent(0.342) == "34%"
    assert formats.date("2026-11-27T00:00:00+00:00") == date
    assert formats.date(None) == "\u2014"


# The example wiki, in Dutch --------------------------------------------------------------


@pytest.fixture(scope="module")
def example_result():
    config = load_config(EXAMPLE / "kb-audit.toml")
    return audit(EXAMPLE, config.merged({"now": NOW, "lang": "nl"}))


@pytest.fixture(scope="module")
def dutch_page(example_result) -> str:
    return render_html(example_result, rule_sections())


def visible_text(page: str) -> str:
    """The page's text and attribute values, unescaped, without CSS and JS."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    attributes = " ".join(re.findall(r'="([^"]*)"', page))
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page) + " " + attributes)


def test_the_dutch_page_has_no_english_ui_string(dutch_page, example_result):
    text = re.sub(r"\s+", " ", visible_text(dutch_page))
    # Finding messages and document content stay as they are: take them out first.
    for finding in [*example_result.findings, *example_result.suppressed]:
        text = text.replace(re.sub(r"\s+", " ", finding.message), " ")
    english, dutch = dict(leaves(catalogue("en").text)), dict(leaves(catalogue("nl").text))
    left = []
    for path, value in english.items():
        if value == dutch[path]:
            continue
        for fragment in PLACEHOLDER.split(value.replace("%%", "%")):
            fragment = re.sub(r"\s+", " ", fragment).strip(" .:,;()")
            if len(fragment.split()) > 3 and fragment in text:
                left.append((path, fragment))
    assert not left


def test_the_dutch_page_says_so_and_formats_the_dutch_way(dutch_page):
    assert '<html lang="nl">' in dutch_page
    assert '<time datetime="2026-11-27">27 november 2026</time>' in dutch_page
    assert "16.955 paginaweergaven" in dutch_page  # thousands with a dot
    assert ">1.644</td>" in dutch_page  # the word count of the platform handbook
    assert "Netheidsrapport van de kennisbank" in dutch_page
    assert "Zorg dat je kennis ONDERHOUDT." in dutch_page  # TE6 in the guide's words
    assert "Elk document begint op 100" in dutch_page  # the score's method


def test_the_dutch_page_uses_the_dutch_rule_texts(dutch_page):
    nl = catalogue("nl").rules
    assert nl["T020"]["summary"] in dutch_page
    assert htmllib.escape(nl["T001"]["Why"].split("\n")[0], quote=True) in dutch_page
    # Options are the rules' own (English) text, marked as English for screen readers.
    assert '<div lang="en"><ul><li><code>cadence-days</code>' in dutch_page


def test_a_rule_without_dutch_is_shown_in_english_and_says_so():
    text = rule_text(catalogue("nl"), "Z001", "A draft page.", {"Why": "Drafts mislead."})
    assert text.untranslated and text.summary == "A draft page." and text.summary_lang == "en"
    assert [(s.title, s.text, s.lang) for s in text.sections] == [("Why", "Drafts mislead.", "en")]


def test_a_plugin_rule_without_dutch_renders_with_a_note(example_result):
    run = dataclasses.replace(example_result.rules[0], id="Z999", rule="draft-page")
    result = dataclasses.replace(example_result, rules=[*example_result.rules, run])
    page = render_html(result, {**rule_sections(), "Z999": {"Why": "Drafts mislead."}})
    article = page[page.index('id="rule-Z999"') :]
    article = article[: article.index("</article>")]
    assert catalogue("nl").text["untranslated"] in article
    assert '<div lang="en"><p>Drafts mislead.</p></div>' in article


def test_the_english_page_formats_the_english_way(example_result):
    result = dataclasses.replace(example_result, config={**example_result.config, "lang": "en"})
    page = render_html(result, rule_sections())
    assert '<html lang="en">' in page
    assert '<time datetime="2026-11-27">27 November 2026</time>' in page
    assert "16,955 page views" in page


def test_json_stays_language_neutral(example_result):
    english = dataclasses.replace(example_result, config={**example_result.config, "lang": "en"})
    assert json.loads(render_json(example_result))["config"]["lang"] == "nl"
    strip = [json.loads(render_json(r)) for r in (english, example_result)]
    for report in strip:
        report["config"].pop("lang")
    assert strip[0] == strip[1]


# The switch --------------------------------------------------------------------------------


def test_the_default_language_is_english():
    assert Config().lang == "en"


def test_an_unknown_language_is_a_clear_error():
    with pytest.raises(ConfigError, match=r"unknown language 'fr' \(available: en, nl\)"):
        Config(lang="fr").validated()
    with pytest.raises(ConfigError, match="unknown language"):
        Config.from_mapping({"lang": "xx"}, "kb-audit.toml")


def scan(*args: str):
    return CliRunner().invoke(cli, ["scan", *args], catch_exceptions=False)


def test_the_language_comes_from_the_config_file(tmp_path):
    wiki = tmp_path / "wiki"
    wiki.mkdir()
    (wiki / "index.md").write_text("---\ntitle: Home\nreviewed: 2026-10-01\n---\n# Home\n")
    (wiki / "kb-audit.toml").write_text('lang = "nl"\ngit-history = false\n')
    out = tmp_path / "report.html"
    result = scan(str(wiki), "--now", NOW, "-o", str(out), "--fail-on", "never", "-q")
    assert result.exit_code == 0, result.output
    assert '<html lang="nl">' in out.read_text()
    # The command line wins over the file.
    result = scan(str(wiki), "--now", NOW, "-o", str(out), "--lang", "en", "-q")
    assert result.exit_code == 0, result.output
    assert '<html lang="en">' in out.read_text()


def test_the_language_comes_from_the_command_line(tmp_path):
    wiki = tmp_path / "wiki"
    wiki.mkdir()
    (wiki / "index.md").write_text("# Home\n\nWelkom.\n")
    out = tmp_path / "report.html"
    result = scan(str(wiki), "--now", NOW, "--no-git-history", "-o", str(out), "--lang", "nl")
    assert result.exit_code in (0, 1), result.output
    assert "27 november 2026" in out.read_text()


def test_an_unknown_language_on_the_command_line_exits_2(tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["scan", str(tmp_path), "--lang", "fr"])
    assert exit_info.value.code == 2


def test_reasons_from_the_pipeline_are_translated_where_their_form_is_known():
    from auditor.render.i18n import catalogue
    from auditor.render.messages import reason

    nl = catalogue("nl")
    assert reason("excluded by configuration", nl) == "uitgesloten in de configuratie"
    assert reason("document: ignore comment on line 12", nl) == (
        "document: ignore-commentaar op regel 12"
    )
    assert reason("needs usage data, which was not given", nl) == (
        "heeft gegevens nodig die niet gegeven werden (usage)"
    )
    assert reason("something new", nl) == "something new"  # unknown: as it is
    assert reason("excluded by configuration", catalogue("en")) == "excluded by configuration"
