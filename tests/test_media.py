"""Which formats besides text a document offers (TA3), read from its Markdown."""

import pytest

from auditor.load.markdown import scan_markdown
from auditor.load.media import link_media, media_kinds


def kinds(markdown: str) -> tuple[str, ...]:
    return media_kinds(scan_markdown(markdown))


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Just words, and a [link](other.md).\n", ()),
        ("![The team](img/team.png)\n", ("image",)),
        ("![chart](https://example.com/render?id=3)\n", ("image",)),  # shown, so a picture
        ('<img src="shot.jpg" alt="screen">\n', ("image",)),
        ("![[photo.webp]]\n", ("image",)),
        ("See [the floor plan](plan.svg).\n", ("image",)),
        ("```mermaid\ngraph TD; A-->B\n```\n", ("diagram",)),
        ("```plantuml\n@startuml\n@enduml\n```\n", ("diagram",)),
        ("```dot\ndigraph { a -> b }\n```\n", ("diagram",)),
        ("![flow](flow.drawio.svg)\n", ("diagram",)),
        ("![[Sketch.excalidraw]]\n", ("diagram",)),
        ("Open [the model](process.bpmn).\n", ("diagram",)),
        ('<video src="demo.mp4" controls></video>\n', ("video",)),
        ('<iframe src="https://www.youtube.com/embed/x"></iframe>\n', ("video",)),
        ("Watch [the demo](https://youtu.be/abc123).\n", ("video",)),
        ("[Recording](https://vimeo.com/1234)\n", ("video",)),
        ("![[standup.mp4]]\n", ("video",)),
        ('<audio src="talk.mp3" controls></audio>\n', ("audio",)),
        ("[Listen](recordings/intro.m4a)\n", ("audio",)),
        ("[Our podcast](https://open.spotify.com/episode/abc)\n", ("audio",)),
        ("[Episode 4](https://podcasts.apple.com/be/podcast/x/id1)\n", ("audio",)),
        (
            "![x](a.png)\n\n```mermaid\ngraph TD\n```\n\n[v](https://youtu.be/x)\n",
            ("image", "diagram", "video"),
        ),
    ],
)
def test_media_kinds(markdown, expected):
    assert kinds(markdown) == expected


@pytest.mark.parametrize(
    "markdown",
    [
        "![build](https://img.shields.io/badge/build-passing-green.svg)\n",
        "![CI](https://github.com/o/r/actions/workflows/ci.yml/badge.svg)\n",
        "![docs](https://readthedocs.org/projects/x/badge/?version=latest)\n",
        "```python\nprint('a diagram? no')\n```\n",
        "`![not an image](x.png)` in code, and ![[Other note]] embedded.\n",
        "A [song](https://open.spotify.com/track/1) is not a podcast.\n",
        "[mail](mailto:team@example.com) and [[Some page]].\n",
    ],
)
def test_text_only(markdown):
    assert kinds(markdown) == ()


@pytest.mark.parametrize(
    ("kind", "target", "expected"),
    [
        ("image", "a%20b.PNG?raw=true", "image"),
        ("link", "docs/guide.pdf", None),
        ("link", "https://example.com/page", None),
        ("embed", "clip.mp4|400", "video"),
        ("wikilink", "Board.excalidraw.md#^x", "diagram"),
        ("link", "https://www.loom.com/share/abc", "video"),
        ("image", "", None),
    ],
)
def test_link_media(kind, target, expected):
    assert link_media(kind, target) == expected


def test_link_media_remembers_each_target_by_its_kind():
    """`link_media` is cached: the same address asked again, or as another kind of link,
    gets the answer it would get the first time."""
    for _ in range(2):
        assert link_media("image", "render?id=3") == "image"  # shown, so a picture
        assert link_media("link", "render?id=3") is None  # only linked: text
        assert link_media("embed", "clip.mp4|400") == "video"
        assert link_media("link", "clip.mp4|400") is None  # a URL path, not a clip name
