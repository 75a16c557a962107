"""Writing rendered reports where the user asked: a file, a folder, or standard output."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from auditor.atomic import write_atomically, write_text
from auditor.errors import ConfigError
from auditor.model import AuditResult
from auditor.render import RENDERERS, RenderOptions

DEFAULT_FOLDER = "kb-audit-report"
#: Formats meant for the terminal: without `-o` they go to standard output.
TERMINAL_FORMATS = frozenset({"text"})


def report_targets(formats: list[str], output: str | None, root: Path) -> dict[str, Path | None]:
    """Where each format goes (None = standard output).

    `-o -` is standard output (one format); an existing folder, a path ending in `/`, or
    several formats mean a folder (`report.html`, `report.json`, `archive.csv`); anything
    else is a file. Without `-o`, `text` goes to standard output and other reports to
    `./kb-audit-report/` — or to the temporary folder when that would be inside the scanned
    folder, which kb-audit never writes to unless told to.
    """
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown:
        raise ConfigError(
            f"unknown format {unknown[0]!r} (choose from {', '.join(sorted(RENDERERS))})"
        )
    if output == "-":
        if len(formats) > 1:
            raise ConfigError("only one format can be written to standard output (-o -)")
        return {formats[0]: None}
    if output is None:
        folder = Path.cwd() / DEFAULT_FOLDER
        if folder.resolve().is_relative_to(root.resolve()):
            folder = Path(tempfile.gettempdir()) / f"{DEFAULT_FOLDER}-{root.resolve().name}"
        return {
            fmt: None if fmt in TERMINAL_FORMATS else folder / RENDERERS[fmt][0] for fmt in formats
        }
    path = Path(output)
    if len(formats) > 1 and path.suffix and not path.is_dir():
        raise ConfigError(
            f"-o {output} names one file, but {len(formats)} formats were asked "
            f"({', '.join(formats)}): give a folder, e.g. -o {path.with_suffix('')}/"
        )
    if len(formats) > 1 or path.is_dir() or output.endswith(("/", "\\")):
        return {fmt: path / RENDERERS[fmt][0] for fmt in formats}
    return {formats[0]: path}


def write_reports(
    result: AuditResult, targets: dict[str, Path | None], options: RenderOptions
) -> list[Path]:
    written = []
    for fmt, target in targets.items():
        text = RENDERERS[fmt][1](result, options)  # a string, or its pieces (json)
        if target is None:
            sys.stdout.flush()
            write_text(sys.stdout.buffer, text)
            sys.stdout.buffer.flush()
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, text)
        except OSError as exc:
            raise ConfigError(f"cannot write {target}: {exc.strerror or exc}") from None
        written.append(target)
    return written
