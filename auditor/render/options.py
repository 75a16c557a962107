"""What a renderer may need beyond the AuditResult."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a renderer may need beyond the result."""

    #: The rules' documentation sections by id ({"T001": {"Why": "…", …}}).
    rule_docs: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The --fail-on threshold: which findings fail the build.
    fail_on: str = "error"
    #: Where the HTML report can be read (a CI artifact), for summaries that link to it.
    report_url: str | None = None
    #: ANSI colours, for text written to a terminal.
    colour: bool = False
    #: Findings only, no headings or totals (`--quiet`).
    quiet: bool = False
