"""Finding messages in the report's language: translated from the rule id and evidence,
English (marked `lang="en"`) whenever the translation cannot be made."""

from __future__ import annotations

import dataclasses
import html as htmllib
import re

import pytest

from auditor.api import audit
from auditor.config import load_config
from auditor.docs import rule_sections
from auditor.model import Finding, Severity
from auditor.render.html import render_html
from auditor.render.i18n import catalogue
from auditor.render.i18n.nl_messages import MESSAGES
from auditor.render.messages import message
from tests.conftest import EXAMPLE, NOW

NL = catalogue("nl")
#: Words of the English messages that no Dutch message should still hold.
ENGLISH = frozenset(
    {
        "the", "which", "does", "not", "page", "pages", "read", "only", "once", "times",
        "but", "and", "this", "with", "nobody", "reviewed", "since", "should", "every",
        "passed", "ago", "split", "into", "move", "add", "readers", "cannot", "words", "its",
        "points", "exist", "there", "where",
    }
)  # fmt: skip


@pytest.fixture(scope="module")
def result():
    config = load_config(EXAMPLE / "kb-audit.toml")
    return audit(EXAMPLE, config.merged({"now": NOW, "lang": "nl"}))


def _without_evidence(text: str, evidence: dict) -> str:
    """The text minus the evidence strings in it (a parser's English error, a path)."""
    values = [v for v in evidence.values() if isinstance(v, str)]
    values += [i for v in evidence.values() if isinstance(v, list) for i in v if isinstance(i, str)]
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def test_every_covered_finding_of_the_example_reads_dutch(result):
    covered = [f for f in result.findings if f.id in MESSAGES]
    assert {f.id for f in covered} >= {"T020", "T001", "T003", "O002", "C001", "P002"}
    for finding in covered:
        text, lang = message(finding, NL)
        assert lang is None, (finding.id, finding.message)
        assert text != finding.message
        words = set(re.findall(r"[a-z]+", _without_evidence(text, finding.evidence).lower()))
        assert not words & ENGLISH, (finding.id, text, words & ENGLISH)


def test_the_dutch_page_shows_the_dutch_messages(result):
    page = htmllib.unescape(render_html(result, rule_sections(), "nl"))
    for finding in result.findings:
        if finding.id in MESSAGES:
            assert message(finding, NL)[0] in page
    assert "which does not exist" not in page


def test_an_english_page_keeps_the_rules_own_message(result):
    for finding in result.findings:
        assert message(finding, catalogue("en")) == (finding.message, None)


def _finding(rule_id: str, text: str, **evidence) -> Finding:
    return Finding(rule_id, "rule", Severity.WARNING, "a.md", text, evidence=evidence)


@pytest.mark.parametrize(
    "finding",
    [
        _finding("T001", "Not reviewed for 9 days.", date="2026-01-01", age_days=9),
        _finding("T001", "Not reviewed.", date="2026-01-01", age_days=9, cadence_days=None),
        _finding("T020", "Link is odd.", target="x.md", kind="link", problem="teleported"),
        _finding("T022", "The title is shared.", title="X", same_title=None),
        _finding("X999", "A plugin's message."),
    ],
    ids=["missing key", "empty key", "unknown variant", "missing list", "unknown rule"],
)
def test_what_cannot_be_translated_stays_english(finding):
    assert message(finding, NL) == (finding.message, "en")


def test_a_fallback_is_marked_english_on_the_page(result):
    odd = _finding("T001", "Not reviewed for 9 days.", date="2026-01-01", age_days=9)
    page = render_html(dataclasses.replace(result, findings=[odd]), rule_sections(), "nl")
    assert '<span lang="en">Not reviewed for 9 days.</span>' in page


def test_hostile_evidence_is_escaped(result):
    hostile = "<script>alert(1)</script>"
    bad = _finding("T020", "Link broken.", target=hostile, kind="link", problem="missing")
    assert hostile in message(bad, NL)[0]
    page = render_html(dataclasses.replace(result, findings=[bad]), rule_sections(), "nl")
    assert hostile not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
