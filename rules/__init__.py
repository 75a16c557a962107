"""kb-audit's built-in rules, one module per rule, grouped by the guide's domains.

Installed as `auditor.rules`; registered through the `kb_audit.rules` entry points.
"""
