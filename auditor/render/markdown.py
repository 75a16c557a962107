"""The `markdown` format: a short summary for a CI job ($GITHUB_STEP_SUMMARY) or a merge
request comment, in the report's language.

GitHub and GitLab render HTML inside Markdown, so everything that comes from documents
goes through `escape` or `code`, and is cut to a length first: whatever the result's size
the summary stays far below GitHub's 1 MiB job-summary limit (15 findings, 50 rules).
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from typing import Any
from urllib.parse import quote

from auditor.model import AuditResult, Finding, Severity
from auditor.render.html import band, report_language
from auditor.render.i18n import catalogue
from auditor.render.messages import message
from auditor.render.options import RenderOptions
from auditor.render.text import clean

TOP = 15
RULES_LIMIT = 50
#: Longest text kept from a document (a message, a path, a name), before escaping.
TEXT_LIMIT = 300

#: Characters with a meaning in GitHub-flavoured Markdown anywhere in a line: HTML,
#: entities, links, emphasis, strikethrough, table cells, code spans and maths.
_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~$])")


def escape(text: Any, limit: int = TEXT_LIMIT) -> str:
    """`text` as literal inline Markdown on one line: no HTML, link, emphasis or cell."""
    return _SPECIAL.sub(r"\\\1", _cut(text, limit))


def code(text: Any, limit: int = TEXT_LIMIT) -> str:
    """`text` as a code span, fenced by more backticks than it holds (no escapes work
    inside one). Not for table cells, where a `|` would still end the cell."""
    text = _cut(text, limit)
    fence = "`" * (max(map(len, re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _cut(text: Any, limit: int) -> str:
    text = clean(str(text)[: limit * 4])  # clean() joins whitespace: bound its work first
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def render_markdown(result: AuditResult, options: RenderOptions) -> str:
    cat = catalogue(report_language(result))
    t = cat.text["summary_md"]
    num = cat.formats.number
    score = result.summary.score.value
    blocks = [
        f"## {t['title']}",
        f"{cat.text['score_label']}: **{score}**/100 ({cat.text['band'][band(score)]})",
        _counts(result, t, num),
    ]
    failing = result.failing(options.fail_on)
    option = code(f"--fail-on {options.fail_on}")
    if failing:
        blocks.append(f"\u274c **{_plural(t['failing'], len(failing), num)}** ({option}).")
    else:
        blocks.append(f"{t['failing_none']} ({option}).")
    blocks += _baseline(result, t, num) + _scope(result.scope, t, num)
    if result.suppressed:
        blocks.append(t["suppressed"] % {"n": num(len(result.suppressed))})
    if result.findings:
        blocks += [f"### {t['rules_heading']}", _rules_table(result.findings, cat.text, num)]
        blocks += [f"### {t['top_heading']}", _top(result, failing, cat, num)]
    if options.report_url:
        url = quote(options.report_url, safe=":/?#@!$&'*+,;=%~")
        blocks.append(f"[{t['report_link']}]({url})")
    return "\n\n".join(blocks) + "\n"


def _plural(forms: dict[str, str], n: int, num) -> str:
    return forms["one"] if n == 1 else forms["many"] % {"n": num(n)}


def _counts(result: AuditResult, t: dict, num) -> str:
    findings, total = result.findings, num(result.summary.documents)
    if not findings:
        return t["no_findings"] % {"total": total}
    per = Counter(f.severity.value for f in findings)
    counts = ", ".join(
        _plural(t["count"][sev.value], per[sev.value], num) for sev in Severity if per[sev.value]
    )
    return t["in_documents"] % {
        "findings": f"**{_plural(t['findings'], len(findings), num)}**",
        "documents": num(result.summary.documents_with_findings),
        "total": total,
        "counts": counts,
    }


def _baseline(result: AuditResult, t: dict, num) -> list[str]:
    if result.baseline is None:
        return []
    states = Counter(f.baseline for f in result.findings)
    lines = [t["baseline"] % {key: num(states[key]) for key in ("new", "unchanged", "expired")}]
    file = result.baseline.get("file") if isinstance(result.baseline, dict) else None
    if file:
        lines.append(t["baseline_file"] % {"file": code(file)})
    return lines


def _scope(scope: dict[str, Any] | None, t: dict, num) -> list[str]:
    if scope is None:
        return []
    if scope.get("changed_since"):
        text = t["scope_changed"] % {"ref": code(scope["changed_since"], 80)}
    elif scope.get("files"):
        text = t["scope_files"]
    else:
        text = t["scope_other"]
    documents = scope.get("documents")
    if isinstance(documents, int) and not isinstance(documents, bool):
        text += " " + t["scope_documents"] % {"n": num(documents)}
    return [text]


def _rules_table(findings: list[Finding], text: dict, num) -> str:
    t = text["summary_md"]
    per_rule = Counter((f.severity, f.id, f.rule) for f in findings)
    rows = sorted(per_rule.items(), key=lambda kv: (-kv[0][0].rank, -kv[1], kv[0][1]))
    lines = [
        f"| {t['col_rule']} | {t['col_name']} | {t['col_severity']} | {t['col_count']} |",
        "|---|---|---|---:|",
    ]
    for (severity, rule_id, name), n in rows[:RULES_LIMIT]:
        cells = (escape(rule_id, 20), escape(name, 60), text["severity_one"][severity], num(n))
        lines.append("| " + " | ".join(cells) + " |")
    if len(rows) > RULES_LIMIT:
        lines.append("\n" + t["more"] % {"n": num(len(rows) - RULES_LIMIT)})
    return "\n".join(lines)


def _top(result: AuditResult, failing: list[Finding], cat, num) -> str:
    """The first findings to look at: failing ones, then new ones, the most severe first."""
    t = cat.text["summary_md"]
    fails = {id(f) for f in failing}
    top = heapq.nsmallest(
        TOP,
        result.findings,
        key=lambda f: (id(f) not in fails, f.baseline == "unchanged", *f.sort_key()),
    )
    lines = []
    for f in top:
        where = f"{f.path}:{f.line}" if f.line else f.path
        tags = [escape(f"{f.id} {f.rule}", 80)]
        if f.baseline in t["state"]:
            tags.append(t["state"][f.baseline])
        mark = "\u274c " if id(f) in fails else ""
        lines.append(
            f"- {mark}**{cat.text['severity_one'][f.severity.value]}** {code(where)}: "
            f"{escape(message(f, cat)[0])} ({', '.join(tags)})"
        )
    if len(result.findings) > TOP:
        lines.append("\n" + t["more"] % {"n": num(len(result.findings) - TOP)})
    return "\n".join(lines)
