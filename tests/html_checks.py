"""Checks on rendered HTML shared by the report tests."""

from html.parser import HTMLParser

VOID = {"meta", "br", "input", "img", "hr", "link", "wbr"}


def assert_well_formed(html: str) -> None:
    """Every element the report opens is closed, in order."""

    class Checker(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag not in VOID:
                self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
            self.stack.pop()

    checker = Checker()
    checker.feed(html)
    assert checker.stack == []
