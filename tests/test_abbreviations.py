"""Abbreviations: what counts as one, what explains it, and glossary files."""

from pathlib import Path

import pytest

from auditor.api import audit
from auditor.config import Config
from auditor.errors import InputError
from auditor.load.abbreviations import find_abbreviations, initials_match, read_glossary
from auditor.load.frontmatter import split_frontmatter
from auditor.load.markdown import scan_markdown


def _find(body: str):
    return find_abbreviations(scan_markdown(body).prose)


@pytest.mark.parametrize(
    ("text", "used"),
    [
        ("The SLA and the AVG apply.", ["SLA", "AVG"]),
        ("Two SLAs and three KPI's.", ["SLA", "KPI"]),
        ("Run K8S with B2B partners.", ["K8S", "B2B"]),
        ("Our CI/CD pipeline, e-ID and niet-EU.", ["CI", "CD", "ID", "EU"]),
        ("AVG-conforme opslag.", ["AVG"]),
        ("Chapter IV, part XII and section II.", []),  # Roman numerals
        ("See OPS-123 and COVID-19.", []),  # ticket keys
        ("Read README.md and file.PDF.", []),  # file names
        ("Mail @ACME, tag #SLA and $HOME.", []),
        ("Do NOT touch it, dit mag NIET.", []),  # emphasis
        ("DO NOT EDIT THIS PAGE WITH THE SLA", []),  # a shouting line
        ("ÉÉN-ÉÉN, GEEN SLA", []),  # shouting, in other letters than A–Z too
        ("| SLA | RTO | RPO |\n|---|---|---|\n| a | b | c |", ["SLA", "RTO", "RPO"]),
        ("TL;DR: see https://example.com/SLA/v2 or www.example.com/RTO.", []),
        ("Tl; Dr: see HTTPS://EXAMPLE.COM/SLA or WWW.EXAMPLE.COM/RTO.", []),
        ("An A4, a PhD, SaaS and the DevOps team.", []),
        ("Use `GET` and `API_KEY` here.", []),  # inline code
        ("```\nSLA RTO\n```\n\n    indented RPO\n", []),  # code blocks
        ("![the SLA diagram](sla.png)", []),  # image text is not prose here
    ],
)
def test_candidates(text, used):
    assert list(_find(text).used) == used


def test_first_use_lines_are_file_lines():
    body = "---\ntitle: x\n---\n# Title\n\nThe SLA.\n\nThe RTO and the SLA.\n"
    split = split_frontmatter(body)
    facts = scan_markdown(split.body, split.body_line)
    found = find_abbreviations(facts.prose)
    assert found.used == {"SLA": 6, "RTO": 8}


@pytest.mark.parametrize(
    "text",
    [
        "A Service Level Agreement (SLA) is signed.",
        "The **Service Level Agreement** (SLA) is signed.",
        "The SLA (Service Level Agreement) is signed.",
        "The SLA (service level agreement, our promise) is signed.",
        "SLA: Service Level Agreement.",
        "The SLA stands for Service Level Agreement.",
        "De SLA staat voor service level agreement.",
        "Onze service level\nagreement (SLA) geldt.",
        "Service Level Agreements (SLAs) are signed.",
        "Service Level Agreement (hereafter “SLA”).",
    ],
)
def test_expansions_in_english_and_dutch_in_both_orders(text):
    assert "SLA" in _find(text).expansions


@pytest.mark.parametrize(
    ("text", "abbr"),
    [
        ("De Algemene Verordening Gegevensbescherming (hierna: AVG).", "AVG"),
        ("Openbaar Centrum voor Maatschappelijk Welzijn (OCMW)", "OCMW"),
        ("belasting over de toegevoegde waarde (BTW)", "BTW"),
        ("JavaScript Object Notation (JSON)", "JSON"),
        ("Multi-Factor Authentication (MFA)", "MFA"),
        ("Point-In-Time Recovery (PITR)", "PITR"),
        ("DTAP (Development, Test, Acceptance, Production)", "DTAP"),
        ("CI/CD (Continuous Integration / Continuous Delivery)", "CD"),
        ("business to business (B2B)", "B2B"),
    ],
)
def test_initials_with_small_words_and_camel_case(text, abbr):
    assert abbr in _find(text).expansions


@pytest.mark.parametrize(
    "text",
    [
        "The contract we signed last year (SLA).",
        "Salary (SLA).",
        "The SLA (see below) applies.",
        "Elke (PO) was there.",
    ],
)
def test_no_expansion_when_the_initials_do_not_match(text):
    found = _find(text)
    assert not found.expansions


def test_long_form_before_the_abbreviation_is_in_its_sentence():
    found = _find("Service. Level Agreement (SLA), Recovery Time Objective (RTO) and more.")
    assert found.expansions == {"RTO": "Recovery Time Objective"}


def test_definitions_in_glossary_shape():
    body = (
        "| Term | Meaning |\n|---|---|\n| RTO | hersteltijd |\n\n"
        "CRM\n: klantenbeheer\n\n**JERI** – doelgericht communiceren\n"
    )
    found = _find(body)
    assert found.definitions == {
        "RTO": "hersteltijd",
        "CRM": "klantenbeheer",
        "JERI": "doelgericht communiceren",
    }
    assert "RTO" not in found.expansions  # a table row defines only on a glossary page


def test_initials_match_needs_the_first_word():
    assert initials_match(["Service", "Level", "Agreement"], "SLA")
    assert not initials_match(["the", "Service", "Level", "Agreement"], "SLA")
    assert not initials_match(["Service", "Agreement"], "SLA")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("glossary.md", "# Glossary\n\n- **SLA** (Service Level Agreement): our promise\n"
                        "- **JERI** – doelgericht communiceren\n"),
        ("glossary.txt", "SLA: Service Level Agreement\nJERI - doelgericht communiceren\n"),
        ("glossary.csv", "term,meaning\nSLA,Service Level Agreement\nJERI,doelgericht\n"),
        ("glossary.tsv", "SLA\tService Level Agreement\nJERI\tdoelgericht\n"),
        ("glossary.yaml", "SLA: Service Level Agreement\nJERI: {meaning: doelgericht}\n"),
        ("glossary.json", '[{"term": "SLA", "meaning": "x"}, {"abbreviation": "JERI"}]'),
    ],
)  # fmt: skip
def test_glossary_formats(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert {"SLA", "JERI"} <= set(read_glossary(path))


def test_unusable_glossary_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_glossary(tmp_path / "nope.md")
    empty = tmp_path / "glossary.md"
    empty.write_text("# Glossary\n\nNothing yet.\n")
    with pytest.raises(InputError, match="no terms"):
        read_glossary(empty)


def test_glossary_is_on_the_corpus(tmp_path, write_tree):
    root = write_tree({"a.md": "# A\n\nThe SLA and the RPO.\n"})
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("SLA,Service Level Agreement\n")
    result = audit(root, Config(now="2026-11-27", git_history=False, glossary=str(glossary),
                                select=["C001"]))  # fmt: skip
    assert [f.evidence["abbreviations"] for f in result.findings] == [{"RPO": 3}]
    assert result.inputs["glossary"]["terms"] == 1
    assert Path(result.inputs["glossary"]["file"]) == glossary
