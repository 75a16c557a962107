"""The JSON report: the AuditResult as is (schema: docs/report.schema.json)."""

from __future__ import annotations

import json

from auditor.model import AuditResult


def render_json(result: AuditResult) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
