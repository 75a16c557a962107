"""Turning a file's bytes into text, or saying why they are not text."""

from __future__ import annotations

import codecs
from pathlib import Path

from auditor.errors import InputError

_SNIFF = 8192


def is_binary(data: bytes) -> bool:
    """NUL bytes in the first block mean binary, unless a UTF-16 BOM explains them."""
    head = data[:_SNIFF]
    return b"\0" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, why not). Newlines are normalised to \\n."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        name = encoding.upper().removesuffix("-SIG")
        return None, f"not valid {name} text (byte {exc.start}, line {line})"
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def read_input_file(path: Path, what: str) -> str:
    """The text of an input file the user named (a roster, a glossary), or InputError
    with one clear line that names it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} {path}: not found") from None
    except OSError as exc:
        raise InputError(f"{what} {path}: cannot be read: {exc.strerror or exc}") from None
    text, problem = decode(data)
    if text is None:
        raise InputError(f"{what} {path}: {problem}")
    return text
