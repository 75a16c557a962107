"""Abbreviations in a document's prose, the expansions that explain them, and glossaries.

A candidate is a token of 2–6 capitals and digits with at least two capitals (SLA, AVG,
K8S), with its plural (SLAs, KPI's) read as the same. Not candidates: Roman numerals,
capitalised words written for emphasis (NOT, NIET), tokens in a line that shouts (DO NOT
EDIT THIS PAGE), ticket keys (OPS-123), file names (README.md), and anything in code.
An expansion must match the abbreviation's initials, in English or Dutch, in either order:
"Service Level Agreement (SLA)", "SLA (Service Level Agreement)", "SLA: Service Level
Agreement", "Algemene Verordening Gegevensbescherming (hierna: AVG)". Small words (of, the,
van, de, voor…) may be skipped, and a CamelCase word gives its capitals (JavaScript: JS).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import InputError
from auditor.load.markdown import scan_markdown
from auditor.load.text import read_input_file

#: Memoises a pure function of a word or token. Bounded: a million pages hold millions of
#: distinct words, and the reading processes live for the whole audit.
_remembered = lru_cache(maxsize=1 << 16)

_ABBR = r"[A-Z][A-Z0-9]{1,5}"
_PLURAL = r"(?:['\u2019]?s)?"


def _abbr_not_after(*before: str) -> str:
    """`(?<!before)…{_ABBR}`, but with the first capital ahead of the look-behinds (which
    then end in it). A pattern that starts with a plain [A-Z] lets `re` skip from capital to
    capital; one that starts with a look-behind, `\b` or a repeat like [A-Z]{2,} is tried at
    every position of the text, several times slower."""
    return "[A-Z]" + "".join(f"(?<!{b}[A-Z])" for b in before) + "[A-Z0-9]{1,5}"


#: `\b{_ABBR}`: an abbreviation that starts a word.
_WORD_ABBR = _abbr_not_after(r"\w")
#: Not after a word, handle, hashtag or file stem; not before a word, a ticket number
#: (OPS-123) or a file extension (README.md).
_TOKEN_ABBR = _abbr_not_after(r"[\w@#$&]", r"\w\.")
TOKEN = re.compile(rf"({_TOKEN_ABBR}){_PLURAL}(?![\w&@]|-\d|\.\w)")
#: Web addresses, and TL;DR: an expression, not two abbreviations.
_NOT_PROSE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\bTL;\s?DR\b", re.IGNORECASE)
_CAPS = re.compile(r"[A-Z][A-Z0-9]")
_CAPITAL_RUN = re.compile(r"[A-Z][A-Z]+")  # not [A-Z]{2,}: see _abbr_not_after
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(r"[.;:!?()\[\]]")
#: "Long form (ABBR)", also "(hierna: AVG)", "(or SLA)", "(hereafter “SLA”)".
_ABBR_IN_PARENS = re.compile(
    r"\(\s*(?:(?i:hierna|hereafter|afgekort|kortweg|verder|or|of|ook wel|abbreviated|short)"
    rf"\s*:?\s*)?[\"'\u2018\u201c]?({_ABBR}){_PLURAL}[\"'\u2019\u201d]?\s*\)"
)
_LONG_IN_PARENS = re.compile(rf"({_WORD_ABBR}(?:/{_ABBR})*){_PLURAL}\s*\(([^()]{{2,200}})\)")
_SEPARATOR = r"(?:[:=\t\u2013\u2014]|\s-\s)"
_SAYS = (
    rf"(?:{_SEPARATOR}|\s(?:stands for|is short for|means|staat voor|betekent"
    r"|is de afkorting van|is een afkorting van)\s)"
)
_LONG_AFTER = re.compile(rf"({_WORD_ABBR}){_PLURAL}\s*{_SAYS}\s*([^\n]{{2,200}})")
#: A line that defines: "SLA: Service Level Agreement", "**JERI** – doelgericht …".
_DEFINITION_LINE = re.compile(rf"^\s*({_ABBR}){_PLURAL}\s*{_SEPARATOR}\s*(\S.*)$")
_BARE = re.compile(rf"^\s*({_ABBR}){_PLURAL}\s*:?\s*$")

#: Words that may be skipped in an expansion, English and Dutch.
SMALL_WORDS = frozenset({
    "a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from",
    "as", "into", "de", "het", "een", "van", "voor", "en", "op", "met", "over", "aan", "bij",
    "der", "des", "den", "te", "tot", "door", "uit", "om",
})  # fmt: skip
#: Words in capitals for emphasis or as markers (NOT, NIET, TODO): not abbreviations.
NOT_ABBREVIATIONS = frozenset({
    "AN", "AND", "ARE", "AS", "AT", "BUT", "BY", "DO", "DONT", "FOR", "HAS", "IF", "IN", "IS",
    "ME", "MY", "NO", "NOT", "NOW", "OF", "ON", "OR", "SO", "THE", "TO", "UP", "WE", "YES",
    "YOU", "ALL", "ANY", "MUST", "NEVER", "ALWAYS", "ONLY", "NEW", "NOTE", "TODO", "FIXME",
    "TIP", "INFO", "WARN", "DONE", "STOP", "READ", "README", "WIP", "MIX", "HERE", "THIS",
    "THAT", "WHAT", "WHY", "HOW", "WHO", "DE", "HET", "EEN", "EN", "OP", "VAN", "VOOR", "MET",
    "NIET", "NOOIT", "ALTIJD", "MOET", "MOETEN", "GEEN", "WEL", "OOK", "ALLE", "ALLEEN", "JA",
    "NEE", "DIT", "DAT", "WAT", "WIE", "HOE", "WAAROM", "LET", "NU", "HIER",
})  # fmt: skip
_GLOSSARY_HEADERS = frozenset({
    "term", "terms", "abbreviation", "abbreviations", "acronym", "afkorting", "afkortingen",
    "begrip", "begrippen", "woord", "word", "name", "naam", "abbr", "short", "kort",
})  # fmt: skip
_MEANING_KEYS = ("meaning", "definition", "expansion", "description", "betekenis",
                 "definitie", "omschrijving", "uitleg")  # fmt: skip
_TERM_KEYS = ("term", "abbreviation", "acronym", "afkorting", "begrip", "abbr", "name", "naam")


@dataclass(slots=True)
class Abbreviations:
    #: Each candidate and the file line of its first use.
    used: dict[str, int] = field(default_factory=dict)
    #: Explained in the text: expansions whose initials match, and `ABBR: meaning` lines.
    expansions: dict[str, str] = field(default_factory=dict)
    #: All of those, and glossary-shaped entries too: table rows and definition lists
    #: whose first cell is the abbreviation. They define it when the page is a glossary.
    definitions: dict[str, str] = field(default_factory=dict)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
                           (1, "I")):  # fmt: skip
        while n >= value:
            out, n = out + numeral, n - value
    return out


ROMAN_NUMERALS = frozenset(_roman(n) for n in range(1, 90))


def find_abbreviations(prose: list[tuple[int, str]]) -> Abbreviations:
    """Abbreviations in the prose pieces (file line, text) of a document."""
    lines = _prose_lines(prose)
    found = Abbreviations()
    numbers = sorted(lines)
    for i, number in enumerate(numbers):
        text, pieces = lines[number]
        if not _CAPS.search(text):  # most lines: nothing to look at
            continue
        if not _shouts(visible := _visible(text)):
            for match in TOKEN.finditer(visible):
                if _is_candidate(token := match.group(1)):
                    found.used.setdefault(token, number)
        following = lines[numbers[i + 1]][0] if i + 1 < len(numbers) else ""
        defined = _DEFINITION_LINE.match(text)
        bare = _BARE.match(text)
        if defined:
            found.expansions.setdefault(defined.group(1), defined.group(2).strip())
        elif bare and following.lstrip().startswith(":"):  # definition list: TERM / : meaning
            found.expansions.setdefault(bare.group(1), following.lstrip(" :").strip())
        elif len(pieces) > 1 and (cell := _BARE.match(pieces[0])):  # | SLA | meaning |
            rest = " ".join(p.strip() for p in pieces[1:] if p.strip())
            found.definitions.setdefault(cell.group(1), rest)
    if found.used or found.expansions:
        for abbr, long in _expansions("\n".join(lines[n][0] for n in numbers)):
            found.expansions.setdefault(abbr, long)
    if not found.definitions:  # most pages hold no glossary table: one dict, not a copy
        found.definitions = found.expansions
    for abbr, long in found.expansions.items():
        found.definitions.setdefault(abbr, long)
    return found


def _prose_lines(prose: list[tuple[int, str]]) -> dict[int, tuple[str, list[str]]]:
    """Per file line: its prose joined, and the pieces (cells, emphasis…) it was made of."""
    pieces: dict[int, list[str]] = {}
    for line, text in prose:
        for offset, part in enumerate(text.split("\n")):
            pieces.setdefault(line + offset, []).append(part)
    return {line: (_join(parts), parts) for line, parts in pieces.items()}


def _join(parts: list[str]) -> str:
    """Pieces split by emphasis join as written; table cells get a space between them."""
    out = ""
    for part in parts:
        glued = out and part and (out[-1].isalnum() and part[0].isalnum())
        out += (" " if glued else "") + part
    return out


def _visible(text: str) -> str:
    """The text without web addresses and TL;DR."""
    # Every match has "://", "www." or "tl;" in it (in any case): most lines have none.
    lower = text.lower()
    if "://" in text or "www." in lower or "tl;" in lower:
        return _NOT_PROSE.sub(" ", text)
    return text


def _shouts(text: str) -> bool:
    """DO NOT EDIT THIS PAGE: a line mostly in capitals, with words that are not
    abbreviations among them."""
    # Each word in capitals of an ASCII line is a run of capitals of its own: most lines
    # have fewer than three of those, and so cannot shout.
    if text.isascii() and len(_CAPITAL_RUN.findall(text)) < 3:
        return False
    words = _LETTERS.findall(text)
    caps = [w for w in words if w.isupper()]
    return (
        len(caps) >= 3
        and len(caps) >= 0.6 * len(words)
        and any(len(w) > 6 or w in NOT_ABBREVIATIONS for w in caps)
    )


@_remembered
def _is_candidate(token: str) -> bool:
    return (
        sum(c.isupper() for c in token) >= 2
        and token not in ROMAN_NUMERALS
        and token not in NOT_ABBREVIATIONS
    )


def _expansions(text: str) -> Iterable[tuple[str, str]]:
    # The last sentence end before each "(SLA)" is the first one after it in the reversed
    # text. Each search stops at the latest at the ")" of the one before, so all of them
    # read the text once (splitting all the text before each "(SLA)" cost minutes on a
    # page of thousands of them).
    reverse = text[::-1]
    for match in _ABBR_IN_PARENS.finditer(text):
        abbr = match.group(1)
        end = _SENTENCE_END.search(reverse, len(text) - match.start())
        before = text[len(text) - end.start() if end else 0 : match.start()]
        words = _WORD.findall(before)[-(2 * len(abbr) + 3) :]
        for start in range(len(words) - 1, -1, -1):  # the shortest long form first
            if initials_match(words[start:], abbr):
                yield abbr, " ".join(words[start:])
                break
    for match in _LONG_IN_PARENS.finditer(text):
        abbrs = match.group(1).split("/")  # CI/CD (Continuous Integration / … Delivery)
        parts = match.group(2).split("/") if len(abbrs) > 1 else [match.group(2)]
        if len(parts) == len(abbrs):
            for abbr, part in zip(abbrs, parts, strict=True):
                yield from _long_form_after(abbr, part)
    for match in _LONG_AFTER.finditer(text):
        yield from _long_form_after(match.group(1), match.group(2))


def _long_form_after(abbr: str, text: str) -> Iterable[tuple[str, str]]:
    """The shortest run of words at the start of `text` that spells `abbr`, if any."""
    words = _WORD.findall(text)[: 2 * len(abbr) + 3]
    for end in range(1, len(words) + 1):
        if initials_match(words[:end], abbr):
            yield abbr, " ".join(words[:end])
            return


def initials_match(words: list[str], abbr: str) -> bool:
    """Do the words spell the abbreviation? Every word but a small one gives its initial,
    in order; a small word may; a CamelCase word may also give its inner capitals. The
    first word always counts. Digits in the abbreviation are ignored (B2B, K8S)."""
    letters = _letters(abbr)
    shaped = tuple(_shape(w) for w in words if w)
    return bool(shaped) and shaped[0][0] == letters[:1] and _spells(shaped, letters)


@_remembered
def _letters(abbr: str) -> str:
    """The letters to spell, in lower case (digits do not count)."""
    return "".join(c for c in abbr.lower() if c.isalpha())


@_remembered
def _shape(word: str) -> tuple[str, str, bool]:
    """A word's initial, its inner capitals, and whether it is a small word."""
    inner = "".join(c for c in word[1:] if c.isupper())
    return word[0].lower(), inner.lower(), word.lower() in SMALL_WORDS


@_remembered
def _spells(words: tuple[tuple[str, str, bool], ...], letters: str) -> bool:
    if not words:
        return not letters
    (initial, inner, small), rest = words[0], words[1:]
    if small and _spells(rest, letters):
        return True
    if not letters or letters[0] != initial:
        return False
    return any(
        inner[:n] == letters[1 : 1 + n] and _spells(rest, letters[1 + n :])
        for n in range(len(inner) + 1)
    )


# Glossary files --------------------------------------------------------------------------


def read_glossary(path: Path) -> dict[str, str]:
    """Terms and their meaning from a glossary file: Markdown or text (tables, definition
    lists, `TERM: meaning` and `**TERM** – meaning` lines), CSV/TSV, or YAML/JSON."""
    text = read_input_file(path, "glossary file")
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".tsv"):
            terms = _terms_from_table(text, "\t" if suffix == ".tsv" else None)
        elif suffix in (".yml", ".yaml", ".json"):
            loaded = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
            terms = dict(_terms_from_data(loaded))
        else:
            terms = find_abbreviations(scan_markdown(text).prose).definitions
    except (yaml.YAMLError, json.JSONDecodeError, csv.Error) as exc:
        raise InputError(f"glossary file {path}: cannot be read: {exc}") from None
    terms = {k.strip(): v.strip() for k, v in terms.items() if k.strip()}
    if not terms:
        raise InputError(
            f"glossary file {path}: no terms found (write 'TERM: meaning' lines, a Markdown "
            "table or a CSV of term and meaning)"
        )
    return terms


def _terms_from_table(text: str, delimiter: str | None) -> dict[str, str]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return {}
    if delimiter is None:
        delimiter = csv.Sniffer().sniff(lines[0], delimiters=",;\t").delimiter
    rows = [row for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter) if row]
    if rows and rows[0][0].strip().lower() in _GLOSSARY_HEADERS:
        rows = rows[1:]
    return {row[0]: next((c for c in row[1:] if c.strip()), "") for row in rows}


def _terms_from_data(data: Any) -> Iterable[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict):
                value = next((value[k] for k in _MEANING_KEYS if k in value), "")
            if isinstance(value, list):  # {terms: [...]}
                yield from _terms_from_data(value)
            else:
                yield str(key), str(value or "")
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, dict) and any(k in item for k in _TERM_KEYS):
                term = next(item[k] for k in _TERM_KEYS if k in item)
                yield str(term), str(next((item[k] for k in _MEANING_KEYS if k in item), ""))
            elif isinstance(item, dict):
                yield from _terms_from_data(item)
            elif isinstance(item, str):
                term, _, meaning = item.partition(":")
                yield term, meaning
