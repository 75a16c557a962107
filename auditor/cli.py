"""The command line: a thin click layer over `auditor.api`.

Errors the user can fix end with exit code 2 and one line on stderr, never a traceback.
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from auditor import __version__
from auditor.api import audit
from auditor.config import FAIL_ON, Config, find_config, load_config
from auditor.docs import rule_sections
from auditor.errors import InputError, KbAuditError
from auditor.output import report_targets, write_reports
from auditor.registry import load_rules, plugin_problems, resolve
from auditor.render.i18n import LANGUAGES
from auditor.terminal import summary_lines

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
COMMA_LISTS = {"formats", "select", "ignore"}  # rule ids and formats hold no commas; paths may


class OneLineErrors(click.Group):
    """Turns every usage and configuration error into one line and exit code 2."""

    def main(self, args=None, prog_name=None, **extra):
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name or "kb-audit", standalone_mode=False, **extra)
        except click.exceptions.Abort:
            click.echo("kb-audit: aborted", err=True)
            sys.exit(EXIT_USAGE)
        except click.ClickException as exc:
            click.echo(f"kb-audit: error: {exc.format_message()}", err=True)
            sys.exit(EXIT_USAGE)
        except KbAuditError as exc:
            click.echo(f"kb-audit: error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        sys.exit(code if isinstance(code, int) else EXIT_CLEAN)


def _split(values: tuple[str, ...]) -> list[str]:
    """`--select T001,T002 --select orphan` → ['T001', 'T002', 'orphan']."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kb-audit")
def cli() -> None:
    """Audit the hygiene of a team's knowledge base."""


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format", "-f", "formats", multiple=True, metavar="FORMAT[,FORMAT]",
    help="Report formats: html, json, archive-csv (comma-separated or repeated). Default: html.",
)  # fmt: skip
@click.option(
    "--output", "-o", metavar="PATH",
    help="A file, or a folder for several formats; '-' for standard output. "
    "Default: ./kb-audit-report/.",
)  # fmt: skip
@click.option(
    "--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file (default: kb-audit.toml or a pyproject.toml with "
    "[tool.kb-audit] in PATH or the working directory).",
)  # fmt: skip
@click.option("--now", metavar="DATE", help="Audit as of this date (YYYY-MM-DD). Default: today.")
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Run only these rules (ids, names or id prefixes).",
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules.")
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Skip files matching these gitignore-style globs.",
)
@click.option(
    "--usage", multiple=True, metavar="FILE",
    help="Page-view export: CSV/TSV (GA4, Matomo, Plausible, Confluence), JSON Lines or an "
    "access log, gzipped or not. Repeatable.",
)  # fmt: skip
@click.option(
    "--roster", metavar="FILE",
    help="Current people (one per line, or CSV/YAML of names, handles, e-mail addresses): "
    "owners not on it are reported.",
)  # fmt: skip
@click.option(
    "--glossary", metavar="FILE",
    help="Glossary of terms and meanings (Markdown, text, CSV or YAML): its abbreviations "
    "count as explained everywhere.",
)  # fmt: skip
@click.option(
    "--usage-window-days", type=int, metavar="DAYS", help="Days of usage that count. Default: 365."
)
@click.option(
    "--git-history/--no-git-history", default=None, help="Date pages by git history. Default: on."
)
@click.option(
    "--history", metavar="FILE",
    help="Append this audit to an SQLite history database (created if missing) and report "
    "the trend and what is new and fixed since the last audit of PATH. Default: off.",
)  # fmt: skip
@click.option(
    "--lang", metavar="LANG",
    help=f"Language of the HTML report: {', '.join(LANGUAGES)}. Default: en.",
)  # fmt: skip
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    help="Exit 1 when findings of this severity or worse exist. Default: error.",
)
@click.option("--quiet", "-q", is_flag=True, default=None, help="Print nothing but errors.")
@click.pass_context
def scan(ctx: click.Context, path: Path, config_file: Path | None, **options) -> int:
    """Audit the documents in PATH and write the reports."""
    config = _config(ctx, path, config_file, options)
    targets = report_targets(config.format, config.output, path)  # refuse bad formats early
    result = audit(path, config)
    written = write_reports(result, targets, rule_sections())
    if not config.quiet:
        to_stderr = None in targets.values()  # stdout carries a report: keep it clean
        for line in summary_lines(result, written, config.fail_on):
            click.echo(line, err=to_stderr)
    return EXIT_FINDINGS if result.failing(config.fail_on) else EXIT_CLEAN


def _config(ctx: click.Context, path: Path, config_file: Path | None, options: dict) -> Config:
    """The config file's values, overridden by the options given on the command line."""
    if not path.exists():
        raise InputError(f"path does not exist: {path}")
    config = load_config(config_file or find_config(path, Path.cwd()))
    overrides = {}
    for name, value in options.items():
        if ctx.get_parameter_source(name) != ParameterSource.COMMANDLINE:
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
    cli()
