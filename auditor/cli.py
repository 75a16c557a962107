"""The command line: a thin click layer over `auditor.api`.

Errors the user can fix end with exit code 2 and one line on stderr, never a traceback.
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error,
3 an internal error (a bug), also in one line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from auditor import __version__
from auditor.api import audit
from auditor.baseline import expiry_date
from auditor.baseline import write_baseline as write_baseline_file
from auditor.config import FAIL_ON, Config, find_config, load_config
from auditor.docs import rule_sections
from auditor.errors import InputError, KbAuditError
from auditor.load.changes import Scope, listed_files
from auditor.load.changes import changed_since as changed_since_scope
from auditor.load.dates import parse_now
from auditor.output import report_targets, write_reports
from auditor.registry import load_rules, plugin_problems, resolve
from auditor.render import RENDERERS, RenderOptions
from auditor.render.i18n import LANGUAGES
from auditor.terminal import summary_lines

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # as shells report Ctrl-C
PROGRESS_FROM = 500  # documents: smaller folders are read before a bar would help
COMMA_LISTS = {"formats", "select", "ignore"}  # rule ids and formats hold no commas; paths may


class OneLineErrors(click.Group):
    """Turns every usage and configuration error into one line and exit code 2."""

    def main(self, args=None, prog_name=None, **extra):
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name or "kb-audit", standalone_mode=False, **extra)
        except (click.exceptions.Abort, KeyboardInterrupt):
            # Reports, the cache and the history are written whole or not at all.
            click.echo("kb-audit: interrupted; nothing was left half-written", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except click.ClickException as exc:
            click.echo(f"kb-audit: error: {exc.format_message()}", err=True)
            sys.exit(EXIT_USAGE)
        except KbAuditError as exc:
            click.echo(f"kb-audit: error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        except Exception as exc:  # a bug of ours: one line, the details only when asked
            if os.environ.get("KB_AUDIT_DEBUG"):
                raise
            click.echo(
                f"kb-audit: internal error: {type(exc).__name__}: {exc} "
                "(a bug: please report it; KB_AUDIT_DEBUG=1 shows where it happened)",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)
        sys.exit(code if isinstance(code, int) else EXIT_CLEAN)


def _split(values: tuple[str, ...]) -> list[str]:
    """`--select T001,T002 --select orphan` → ['T001', 'T002', 'orphan']."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kb-audit")
def cli() -> None:
    """Audit the hygiene of a team's knowledge base."""


def _audit_options(command):
    """The options `scan` and `check` share."""
    options = [
        click.option(
            "--format", "-f", "formats", multiple=True, metavar="FORMAT[,FORMAT]",
            help=f"Report formats: {', '.join(RENDERERS)} (comma-separated or repeated). "
            "Default: html for scan, text for check.",
        ),
        click.option(
            "--output", "-o", metavar="PATH",
            help="A file, or a folder for several formats; '-' for standard output. "
            "Default: ./kb-audit-report/ (text: standard output).",
        ),
        click.option(
            "--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
            help="Configuration file (default: kb-audit.toml or a pyproject.toml with "
            "[tool.kb-audit] in the folder or the working directory).",
        ),
        click.option("--now", metavar="DATE",
                     help="Audit as of this date (YYYY-MM-DD). Default: today."),
        click.option("--select", multiple=True, metavar="RULES",
                     help="Run only these rules (ids, names or id prefixes)."),
        click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules."),
        click.option("--exclude", multiple=True, metavar="GLOB",
                     help="Skip files matching these gitignore-style globs."),
        click.option(
            "--usage", multiple=True, metavar="FILE",
            help="Page-view export: CSV/TSV (GA4, Matomo, Plausible, Confluence), JSON Lines "
            "or an access log, gzipped or not. Repeatable.",
        ),
        click.option(
            "--roster", metavar="FILE",
            help="Current people (one per line, or CSV/YAML of names, handles, e-mail "
            "addresses): owners not on it are reported.",
        ),
        click.option(
            "--glossary", metavar="FILE",
            help="Glossary of terms and meanings (Markdown, text, CSV or YAML): its "
            "abbreviations count as explained everywhere.",
        ),
        click.option("--usage-window-days", type=int, metavar="DAYS",
                     help="Days of usage that count. Default: 365."),
        click.option("--git-history/--no-git-history", default=None,
                     help="Date pages by git history. Default: on."),
        click.option(
            "--history", metavar="FILE",
            help="Append this audit to an SQLite history database (created if missing) and "
            "report the trend and what is new and fixed since the last audit. Default: off.",
        ),
        click.option(
            "--baseline", metavar="FILE",
            help="Fail only on findings not in this baseline (see --write-baseline); the "
            "others are reported as baselined.",
        ),
        click.option("--lang", metavar="LANG",
                     help=f"Language of the reports: {', '.join(LANGUAGES)}. Default: en."),
        click.option(
            "--report-url", metavar="URL",
            help="Where the HTML report can be read (e.g. the CI run's artifacts): the "
            "Markdown summary links to it.",
        ),
        click.option("--jobs", "-j", type=click.IntRange(min=0), metavar="N",
                     help="Processes that read documents. Default: one per core (0)."),
        click.option("--cache/--no-cache", default=None,
                     help="Reuse what reading each unchanged file gave last time, and the "
                     "version history read (only new commits are read). Default: on."),
        click.option("--cache-dir", metavar="DIR",
                     help="Where the cache lives. Default: the user's cache folder "
                     "(~/.cache/kb-audit); never inside the scanned folder."),
        click.option("--fail-on", type=click.Choice(FAIL_ON),
                     help="Exit 1 when findings of this severity or worse exist. Default: error."),
        click.option("--quiet", "-q", is_flag=True, default=None,
                     help="Print nothing but errors (text reports: only the findings)."),
    ]  # fmt: skip
    for add in reversed(options):
        command = add(command)
    return command


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@_audit_options
@click.option(
    "--write-baseline", metavar="FILE", type=click.Path(path_type=Path, dir_okay=False),
    help="Record the current findings in FILE as the baseline, and exit 0.",
)  # fmt: skip
@click.option(
    "--baseline-expires", metavar="DATE",
    help="With --write-baseline: the entries expire on DATE (YYYY-MM-DD) or after so many "
    "days (90d), and fail again. Default: never.",
)  # fmt: skip
@click.option(
    "--changed-since", metavar="REF",
    help="Report only the documents changed since the git revision REF forked (committed, "
    "staged, edited or new); the whole folder is still read.",
)  # fmt: skip
@click.option(
    "--files", "files_list", metavar="FILE",
    help="Report only the documents listed in FILE (one path a line; '-' for standard input); "
    "the whole folder is still read.",
)  # fmt: skip
@click.pass_context
def scan(
    ctx: click.Context,
    path: Path,
    config_file: Path | None,
    write_baseline: Path | None,
    baseline_expires: str | None,
    changed_since: str | None,
    files_list: str | None,
    **options,
) -> int:
    """Audit the documents in PATH and write the reports."""
    config = _config(ctx, path, config_file, options)
    if changed_since and files_list:
        raise click.UsageError("give --changed-since or --files, not both")
    if write_baseline and (changed_since or files_list):
        raise click.UsageError(
            "--write-baseline records every finding: it cannot be combined with "
            "--changed-since or --files"
        )
    if baseline_expires and not write_baseline:
        raise click.UsageError("--baseline-expires goes with --write-baseline")
    expires = None
    if baseline_expires:
        try:
            today = parse_now(config.now).date()
        except ValueError as exc:
            raise click.UsageError(f"--now: {exc}") from None
        expires = expiry_date(baseline_expires, today)
    scope = None
    if changed_since:
        scope = changed_since_scope(path, changed_since)
    elif files_list:
        scope = _listed(files_list, path)
    return _run(config, path, scope, write_baseline, expires)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--root", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
    show_default=True,
    help="The folder of documents to read: links, orphans and duplicates need all of them.",
)  # fmt: skip
@_audit_options
@click.pass_context
def check(
    ctx: click.Context, files: tuple[Path, ...], root: Path, config_file: Path | None, **options
) -> int:
    """Check FILES (e.g. from pre-commit) and print their findings; exit 1 when any fails.

    Every document under --root is read, but only the findings on FILES are reported."""
    if ctx.get_parameter_source("formats") != ParameterSource.COMMANDLINE:
        options["formats"] = ("text",)
        ctx.params["formats"] = options["formats"]
    config = _config(ctx, root, config_file, options, always=("formats",))
    if not config.output:
        config = config.merged({"output": "-"} if len(config.format) == 1 else {})
    listing = "\n".join(str(f) for f in files)
    scope = listed_files(listing, "the files given", root, Path.cwd())
    return _run(config, root, scope, None, None)


def _run(
    config: Config,
    path: Path,
    scope: Scope | None,
    write_baseline: Path | None,
    expires: dt.date | None,
) -> int:
    targets = report_targets(config.format, config.output, path)  # refuse bad formats early
    with _progress(config) as progress:
        result = audit(path, config, progress=progress, scope=scope)
    options = RenderOptions(
        rule_docs=rule_sections(),
        fail_on=config.fail_on,
        report_url=config.report_url,
        colour=_colour(),
        quiet=bool(config.quiet),
    )
    written = write_reports(result, targets, options)
    recorded = None
    if write_baseline:
        today = dt.date.fromisoformat(result.now[:10])
        recorded = write_baseline_file(write_baseline, result.findings, today, expires)
    stdout_taken = None in targets.values()
    if not config.quiet and not (stdout_taken and "text" in targets):
        fail_on = "never" if write_baseline else config.fail_on
        for line in summary_lines(result, written, fail_on):
            click.echo(line, err=stdout_taken)  # stdout carries a report: keep it clean
    if recorded is not None:
        if not config.quiet:
            click.echo(f"Wrote baseline {write_baseline}: {recorded} findings.", err=stdout_taken)
        return EXIT_CLEAN
    return EXIT_FINDINGS if result.failing(config.fail_on) else EXIT_CLEAN


def _listed(files_list: str, root: Path) -> Scope:
    if files_list == "-":
        return listed_files(sys.stdin.read(), "standard input", root, Path.cwd())
    try:
        text = Path(files_list).read_text(encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        raise InputError(f"--files: cannot read {files_list}: {exc.strerror or exc}") from None
    return listed_files(text, files_list, root, Path.cwd())


def _colour() -> bool:
    """ANSI colours on a terminal, unless NO_COLOR asks otherwise (no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@contextlib.contextmanager
def _progress(config: Config):
    """A progress bar on stderr while documents are read: only on a terminal, never in a
    CI log (CI=true) or when quiet, and only for folders big enough to wait for."""
    if config.quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    with contextlib.ExitStack() as stack:
        bar = None

        def advance(done: int, total: int) -> None:
            nonlocal bar
            if total < PROGRESS_FROM:
                return
            if bar is None:
                bar = stack.enter_context(
                    click.progressbar(
                        length=total, label="Reading documents", file=sys.stderr,
                        update_min_steps=max(1, total // 200),
                    )
                )  # fmt: skip
            bar.update(1)

        yield advance


def _config(
    ctx: click.Context,
    path: Path,
    config_file: Path | None,
    options: dict,
    always: tuple[str, ...] = (),
) -> Config:
    """The config file's values, overridden by the options given on the command line."""
    if not path.exists():
        raise InputError(f"path does not exist: {path}")
    config = load_config(config_file or find_config(path, Path.cwd()))
    overrides = {}
    for name, value in options.items():
        if ctx.get_parameter_source(name) != ParameterSource.COMMANDLINE and name not in always:
            continue
        key = "format" if name == "formats" else name
        if name in COMMA_LISTS:
            value = _split(value)
        overrides[key] = list(value) if isinstance(value, tuple) else value
    return config.merged(overrides)


@cli.command("rules")
@click.option("--json", "as_json", is_flag=True, help="Print the registry as JSON.")
def list_rules(as_json: bool) -> int:
    """List the rules: id, name, default severity, the guide's principle."""
    rules = load_rules()
    for problem in plugin_problems():
        click.echo(f"kb-audit: skipped {problem}", err=True)
    if as_json:
        rows = [
            {"id": c.id, "rule": c.name, "severity": str(c.severity), "principle": c.principle,
             "summary": c.summary, "needs": list(c.needs)}
            for c in rules
        ]  # fmt: skip
        click.echo(json.dumps(rows, indent=2))
        return EXIT_CLEAN
    for c in rules:
        click.echo(f"{c.id}  {c.name:<22}{c.severity!s:<9}{c.principle:<6}{c.summary}")
    return EXIT_CLEAN


@cli.command()
@click.argument("rule")
def explain(rule: str) -> int:
    """Print a rule's documentation (by id, e.g. T001, or name, e.g. stale-content)."""
    click.echo(resolve(rule).documentation(), nl=False)
    return EXIT_CLEAN


def main() -> None:
    # SIGTERM (CI cancelling a job, `timeout`) ends the run like Ctrl-C: cleanly, so that
    # temporary files are removed and no report is left half-written.
    signal.signal(signal.SIGTERM, _interrupt)
    cli()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
