"""Where a document silences rules for itself: `kb-audit: {ignore: [T031, too-long]}` in
its frontmatter, `<!-- kb-audit: ignore-file T020 -->` for the whole file, and
`<!-- kb-audit: ignore T020 -->` for the next line or block. Rules are named by id or
name; no rule named means every rule."""

from __future__ import annotations

import re
from typing import Any

_COMMENT = re.compile(r"^\s*kb-audit:\s*(ignore-file|ignore)\b(.*)$", re.DOTALL | re.IGNORECASE)
ALL = "*"


def _rule_list(text: str) -> tuple[str, ...]:
    names = tuple(n.lower() for n in re.split(r"[\s,]+", text.strip()) if n)
    return names or (ALL,)


def file_ignores(meta: dict[str, Any]) -> tuple[str, ...]:
    """Rules the frontmatter silences for the file."""
    block = meta.get("kb-audit", meta.get("kb_audit"))
    ignore = block.get("ignore") if isinstance(block, dict) else None
    if isinstance(ignore, str):
        return _rule_list(ignore)
    if isinstance(ignore, list):
        return tuple(str(n).lower() for n in ignore) or (ALL,)
    return ()


def comment_ignores(
    comments: list[tuple[int, str]], text: str
) -> tuple[tuple[str, ...], tuple[tuple[tuple[str, ...], int, int], ...]]:
    """(rules silenced for the file, ((rules, first line, last line), …) for blocks)."""
    whole: list[str] = []
    ranges = []
    blocks: _Blocks | None = None
    for line, body in comments:
        match = _COMMENT.match(body)
        if not match:
            continue
        rules = _rule_list(match.group(2))
        if match.group(1).lower() == "ignore-file":
            whole.extend(rules)
        else:
            blocks = blocks or _Blocks(text)
            ranges.append((rules, line, blocks.end_of_next(line)))
    return tuple(whole), tuple(ranges)


class _Blocks:
    """Where each line's next blank and next non-blank line are, found in one pass: a
    walk from every comment cost minutes on a page of thousands of comments."""

    def __init__(self, text: str) -> None:
        blank = [not line.strip() for line in text.split("\n")]
        self.count = len(blank)
        self.next_blank = [self.count] * (self.count + 1)
        self.next_text = [self.count] * (self.count + 1)
        for i in range(self.count - 1, -1, -1):
            self.next_blank[i] = i if blank[i] else self.next_blank[i + 1]
            self.next_text[i] = self.next_text[i + 1] if blank[i] else i

    def end_of_next(self, comment_line: int) -> int:
        """The last line of the block after the comment's line (1-based): the lines up to
        the next blank one, after skipping blank lines."""
        i = comment_line  # index of the line after the comment (lines are 1-based)
        if i < self.count:
            i = self.next_blank[self.next_text[i]]
        return max(i, comment_line)


def silences(rule_id: str, rule_name: str, rules: tuple[str, ...]) -> bool:
    return ALL in rules or rule_id.lower() in rules or rule_name in rules
