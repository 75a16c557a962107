"""The rules' documentation, for `explain`, the HTML report and `docs/rules/`.

Regenerate `docs/rules/` after changing a rule: `python -m auditor.docs docs/rules`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from auditor.registry import load_rules


def rule_sections() -> dict[str, dict[str, str]]:
    """Each rule's documentation sections by id, with its options rendered as Markdown."""
    docs = {}
    for cls in load_rules():
        sections = dict(cls.doc_sections())
        options = cls.option_docs()
        if options:
            sections["Options"] = "\n".join(
                f"- `{o['name']}` (default `{o['default']}`): {o['help']}" for o in options
            )
        docs[cls.id] = sections
    return docs


def render_rule_docs() -> dict[str, str]:
    """File name -> Markdown: one page per rule and an index."""
    rules = load_rules()
    pages = {f"{cls.id}-{cls.name}.md": cls.documentation() for cls in rules}
    index = ["# kb-audit rules", "", "| id | rule | severity | principle | what it finds |"]
    index.append("|---|---|---|---|---|")
    for cls in rules:
        index.append(
            f"| {cls.id} | [`{cls.name}`]({cls.id}-{cls.name}.md) | {cls.severity} "
            f"| {cls.principle} | {cls.summary} |"
        )
    pages["README.md"] = "\n".join(index) + "\n"
    return pages


def main(folder: str = "docs/rules") -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, text in render_rule_docs().items():
        (target / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(load_rules()) + 1} files to {target}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
