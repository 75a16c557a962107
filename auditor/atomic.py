"""Writing files so that an interrupted run never leaves half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO


def encoded(text: str) -> bytes:
    """UTF-8. A file name that was not valid UTF-8 reaches a report as lone surrogates
    (Python's surrogateescape); they are written as `\\udcff` escapes, which JSON reads
    back as the same string, instead of failing the whole report."""
    return text.encode("utf-8", "backslashreplace")


def write_atomically(target: Path, text: str | Iterable[str]) -> None:
    """Write `text`, or its pieces in order (UTF-8, the platform's line ends), beside the
    target, then rename."""
    with open_atomically(target) as out:
        write_text(out, text)


def write_text(out: BinaryIO, text: str | Iterable[str]) -> None:
    """`text` or its pieces as UTF-8 with the platform's line ends, a megabyte at a time."""
    for batch in _batches([text] if isinstance(text, str) else text):
        out.write(encoded(batch if os.linesep == "\n" else batch.replace("\n", os.linesep)))


def _batches(pieces: Iterable[str], size: int = 1 << 20) -> Iterator[str]:
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch)
            batch, length = [], 0
    if batch:
        yield "".join(batch)


def write_bytes_atomically(target: Path, data: bytes) -> None:
    """Write beside the target, then rename: an interrupted run leaves the old file or the
    new one, never half of one."""
    with open_atomically(target) as out:
        out.write(data)


@contextlib.contextmanager
def open_atomically(target: Path) -> Iterator[BinaryIO]:
    """A binary file that becomes `target` when the block ends without an error; for
    writing in pieces what would be too big to hold in memory at once."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 is for the temporary only
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
