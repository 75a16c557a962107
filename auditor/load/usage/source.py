"""Opening a usage file: gzip known by its magic bytes (not its name), the text encoding, and
the first lines to detect the format from. Every problem becomes a one-line `InputError`."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pandas as pd

from auditor.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 65536
#: Windows-1252: what Excel on Western Windows writes when it does not write UTF-8.
FALLBACK = "cp1252"
ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", FALLBACK: "Windows-1252 (cp1252)"}


@dataclass(frozen=True, slots=True)
class Source:
    path: Path
    gzipped: bool
    encodings: tuple[str, ...]  # to try in order: a file valid at its head may not be further on
    head: tuple[str, ...]  # the first complete lines, decoded with encodings[0], no newlines

    def open(self, encoding: str, errors: str = "strict") -> TextIO:
        """The decoded text; newline="" keeps quoted line breaks for the CSV parser."""
        raw = gzip.open(self.path, "rb") if self.gzipped else open(self.path, "rb")  # noqa: SIM115
        return io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline="")


class Malformed(ValueError):
    """A file's content is not what its format promises; `reading` adds the file's name."""


def fail(path: Path, why: str) -> InputError:
    return InputError(f"usage file {path}: {why}")


def open_source(path: Path) -> Source:
    """Check the file and take its first lines. Raises InputError for a missing, empty,
    badly gzipped, binary or undecodable file."""
    if not path.exists():
        raise fail(path, "not found")
    if not path.is_file():
        raise fail(path, "not a file")
    with reading(path):
        with open(path, "rb") as raw:
            gzipped = raw.read(2) == GZIP_MAGIC
        opener = gzip.open if gzipped else open
        with opener(path, "rb") as stream:
            head = stream.read(HEAD_BYTES)
            complete = len(head) < HEAD_BYTES
    if not head.strip():
        raise fail(path, "empty file")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Matomo's CSV export
        encodings: tuple[str, ...] = ("utf-16",)
    elif b"\0" in head:
        raise fail(path, "binary data, not a CSV/TSV export, JSON Lines or an access log")
    elif _decodes(head, "utf-8-sig", complete):
        encodings = ("utf-8-sig", FALLBACK)
    elif _decodes(head, FALLBACK, complete):
        encodings = (FALLBACK,)
    else:
        raise fail(path, "neither UTF-8 nor Windows-1252 (cp1252) text: save it as UTF-8")
    text = codecs.getincrementaldecoder(encodings[0])(errors="replace").decode(head, complete)
    lines = text.splitlines()
    if not complete and len(lines) > 1:
        lines.pop()  # cut off mid-line
    return Source(path, gzipped, encodings, tuple(lines))


def _decodes(data: bytes, encoding: str, final: bool) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final)
    except UnicodeDecodeError:
        return False
    return True


@contextmanager
def reading(path: Path, line_offset: int = 0) -> Iterator[None]:
    """Turns what reading can raise into one line naming the file. `line_offset` is added to
    line numbers in the CSV parser's messages, which count from the first row it read."""
    try:
        yield
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise fail(path, f"not a valid gzip file ({_plain(exc)})") from None
    except Malformed as exc:
        raise fail(path, str(exc)) from None
    except pd.errors.ParserError as exc:
        raise fail(path, f"malformed table: {_parser_problem(_plain(exc), line_offset)}") from None
    except OSError as exc:
        raise fail(path, f"cannot be read ({exc.strerror or _plain(exc)})") from None


def _plain(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text.removeprefix("Error tokenizing data. C error: ")


def _parser_problem(text: str, offset: int) -> str:
    """pandas' message, its line counted in the file and said as `Malformed` says it."""
    if match := re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", text):
        expected, line, saw = map(int, match.groups())
        return f"line {line + offset} has {saw} fields, the header {expected}"
    return re.sub(r"\bline (\d+)", lambda m: f"line {int(m[1]) + offset}", text)
