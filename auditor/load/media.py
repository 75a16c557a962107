"""Which formats besides text a document offers: images, diagrams, video, audio (TA3).

Read from the Markdown facts alone: image and embed targets, links to media files or to
well-known video and podcast sites, diagram code fences and media HTML tags. Nothing is
fetched; a link's file extension or host decides its kind.
"""

from __future__ import annotations

import re
from functools import lru_cache
from posixpath import basename
from urllib.parse import SplitResult, unquote, urlsplit

from auditor.load.markdown import MarkdownFacts

#: In the order the kinds are reported.
KINDS = ("image", "diagram", "video", "audio")

# SVG is a picture like any other; only draw.io and Excalidraw exports are known diagrams.
IMAGE_EXTENSIONS = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".heic", ".svg",
})  # fmt: skip
DIAGRAM_EXTENSIONS = (  # checked as name endings: `x.drawio.svg` is a diagram, not an image
    ".drawio", ".dio", ".drawio.svg", ".drawio.png", ".excalidraw", ".excalidraw.md",
    ".excalidraw.svg", ".excalidraw.png", ".vsdx", ".bpmn", ".puml", ".mmd",
)  # fmt: skip
VIDEO_EXTENSIONS = frozenset({".mp4", ".webm", ".mov", ".m4v", ".mkv", ".avi", ".ogv"})
AUDIO_EXTENSIONS = frozenset({".mp3", ".ogg", ".oga", ".opus", ".wav", ".m4a", ".aac", ".flac"})
DIAGRAM_LANGUAGES = frozenset({
    "mermaid", "plantuml", "puml", "graphviz", "dot", "d2", "ditaa", "nomnoml", "blockdiag",
    "seqdiag",
})  # fmt: skip
VIDEO_TAGS = frozenset({"video", "iframe"})  # an iframe in a knowledge page is a video player
IMAGE_TAGS = frozenset({"picture", "svg"})
VIDEO_HOSTS = re.compile(
    r"(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|loom\.com"
    r"|dailymotion\.com|wistia\.com|stream\.microsoft\.com|microsoftstream\.com)$"
)
AUDIO_URLS = re.compile(  # podcasts: an episode or show page is listened to, not read
    r"^(podcasts\.apple\.com|open\.spotify\.com/(episode|show)|soundcloud\.com"
    r"|anchor\.fm|podcasters\.spotify\.com|[\w-]+\.buzzsprout\.com|[\w-]+\.podbean\.com"
    r"|overcast\.fm|pca\.st)(/|$)"
)


def media_kinds(facts: MarkdownFacts) -> tuple[str, ...]:
    """The kinds of media the document offers, in `KINDS` order; empty for plain text."""
    found = {kind for link in facts.links if (kind := link_media(link.kind, link.target))}
    if DIAGRAM_LANGUAGES.intersection(facts.code_languages):
        found.add("diagram")
    if VIDEO_TAGS & facts.html_tags:
        found.add("video")
    if "audio" in facts.html_tags:
        found.add("audio")
    if IMAGE_TAGS & facts.html_tags:
        found.add("image")
    return tuple(kind for kind in KINDS if kind in found)


@lru_cache(maxsize=16384)  # a pure function of its strings; sites link the same targets
def link_media(kind: str, target: str) -> str | None:
    """The medium a link, image or embed offers (`image`, `diagram`, `video`, `audio`),
    or None for a link to text. `kind` is the link's kind: link, image, embed, wikilink."""
    address = target.strip()
    if not address:
        return None
    try:
        parts = urlsplit(address)
    except ValueError:  # `http://[::1`, a host NFKC makes a path: no address, a name
        parts = SplitResult("", "", address, "", "")
    host = parts.netloc.lower().removeprefix("www.")
    if kind in ("wikilink", "embed"):  # `[[clip.mp4|300]]`: names, not URLs
        path = target.split("#")[0].split("|")[0].strip()
    else:
        path = unquote(parts.path)
    name = basename(path.rstrip("/")).lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    if name.endswith(DIAGRAM_EXTENSIONS):
        return "diagram"
    if extension in VIDEO_EXTENSIONS or (host and VIDEO_HOSTS.search(host)):
        return "video"
    if extension in AUDIO_EXTENSIONS or (host and AUDIO_URLS.match(host + parts.path)):
        return "audio"
    if _is_badge(host, path):
        return None
    if extension in IMAGE_EXTENSIONS or kind == "image":
        return "image"  # `![](…)` and `<img>` show a picture whatever the address looks like
    return None


def _is_badge(host: str, path: str) -> bool:
    """A README status badge (build passing, coverage 93%): an image, but not a picture."""
    segments = path.lower().split("/")
    return (
        host.endswith("shields.io")
        or host.startswith("badge")
        or "badge" in segments
        or "badges" in segments
        or segments[-1].startswith("badge.")
    )
