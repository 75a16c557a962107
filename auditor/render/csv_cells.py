"""Spreadsheet-safe CSV cells: a cell that starts like a formula is shown as text.

A page titled "=HYPERLINK(…)" would otherwise run as a formula when the CSV is opened in a
spreadsheet (OWASP: CSV injection). A leading ' is the guard, never part of the value.
"""

from __future__ import annotations

#: First characters a spreadsheet takes for the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value
