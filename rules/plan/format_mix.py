from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Severity
from auditor.rule import Rule, option

#: The `media` column's kinds (see auditor/load/media.py; rules don't import the loader).
KINDS = ("image", "diagram", "video", "audio")


class FormatMix(Rule):
    """
    ## What it does
    Looks at the knowledge base as a whole: it reports, once, when fewer than
    `min-share` (10% by default) of the readable documents offer anything besides text.
    A document offers
    - an **image** when it shows a picture (`![…](…)`, `<img>`, `<picture>`, inline
      `<svg>`, an `![[embed]]` of an image file) or links to one; SVG files count as
      images; README status badges don't count;
    - a **diagram** when it has a `mermaid`, `plantuml`, `graphviz`/`dot`, `d2`, … code
      block, or shows or links to a draw.io or Excalidraw drawing (`.drawio`,
      `.drawio.svg`, `.excalidraw`, …), a Visio or BPMN file;
    - **video** with a `<video>` or `<iframe>` player, a video file (`.mp4`, `.webm`, …)
      or a link to YouTube, Vimeo, Loom, Microsoft Stream and the like;
    - **audio** with an `<audio>` player, a sound file (`.mp3`, `.m4a`, …) or a link to
      a podcast (Apple Podcasts, a Spotify episode or show, SoundCloud, …).

    The finding's path is `.`, the knowledge base as a whole; its evidence holds the share
    and the number of documents offering each kind. With fewer than `min-documents`
    documents a mix means little, and the rule reports nothing. Pages of a Confluence
    export are not yet read for media.

    ## Why
    One size does not fit all: people learn differently — by reading, from podcasts,
    video, a buddy — so offer a MIX of formats (TA3). A knowledge base of text alone
    serves only those who learn by reading; a diagram or a two-minute screen recording
    often says what three pages don't.

    ## Example
    A wiki of 300 pages of which 6 have an image and none a diagram or video.

    ## Fix
    Where a picture explains faster than words, add one: a diagram of the architecture
    or the process (a `mermaid` block lives with the text and stays easy to maintain), a
    screenshot of the screen being explained, a short screen recording of a procedure,
    the recording of a knowledge session.
    """

    id = "P002"
    name = "format-mix"
    severity = Severity.INFO
    principle = "TA3"
    summary = "Few documents offer anything but text: images, diagrams, video or audio."

    @dataclass(frozen=True)
    class Options:
        min_share: float = option(
            0.1, "Share of the documents that should offer images, diagrams, video or audio."
        )
        min_documents: int = option(
            10, "Fewest readable documents before the mix is judged; with fewer, none."
        )

    def check(self, corpus, options):
        docs = corpus.documents
        media = docs.loc[docs["readable"].astype(bool), "media"]
        media = media.map(lambda m: tuple(m) if isinstance(m, tuple | list) else ())
        total = len(media)
        if total < options.min_documents:
            return
        offering = int(media.map(bool).sum())
        share = offering / total
        if share >= options.min_share:
            return
        by_kind = {kind: int(media.map(lambda m, k=kind: k in m).sum()) for kind in KINDS}
        if offering:
            lead = f"Only {offering} of {total} pages ({share:.0%}) offer"
        else:
            lead = f"None of the {total} pages offers"
        yield self.finding(
            ".",
            f"{lead} more than text: add images, diagrams, video or audio where they "
            f"help (aim for {options.min_share:.0%} of pages).",
            documents=total,
            with_media=offering,
            share=round(share, 3),
            min_share=options.min_share,
            by_kind=by_kind,
        )
