"""The report's inline SVG charts, drawn by our own code.

Each function is pure: numbers and ready-made label strings in, a small frozen structure of
coordinates out. The templates (`_chart_*.svg.j2`) write the SVG elements from that structure
with autoescaping on, so no label, title or path can ever become markup. Coordinates are in
the chart's own units (its viewBox), rounded to a tenth.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

#: The quadrants, in reading order: fresh and read, old and read, fresh and unread,
#: old and unread. Their names are the CSS classes and the keys of the labels.
QUADRANTS = ("keep", "review", "promote", "archive")


def quadrant(age_days: int | None, views: float, cadence_days: int, threshold: float) -> str:
    """The quadrant of one document.

    Old: reviewed or changed more than `cadence_days` ago, or never dated (nobody can say
    it is fresh). Read: at least `threshold` views, and at least one (a median of 0 must
    not make unread pages "read").
    """
    old = age_days is None or age_days > cadence_days
    read = views > 0 and views >= threshold
    if read:
        return "review" if old else "keep"
    return "archive" if old else "promote"


def view_threshold(views: Sequence[float]) -> int:
    """Where "read" begins: the median of the documents' views, rounded up to a whole view
    (views are counts: "11.5 or more" is "12 or more"); 0 when there are none."""
    ordered = sorted(views)
    if not ordered:
        return 0
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return math.ceil(ordered[middle])
    return math.ceil((ordered[middle - 1] + ordered[middle]) / 2)


# The quadrant chart ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Point:
    """One document to plot."""

    key: str  # a stable key (the path): it seeds the small offset that un-stacks dots
    age_days: int | None  # None: the document has no date at all
    views: float
    label: str  # the dot's tooltip


@dataclass(frozen=True, slots=True)
class ChartText:
    """The words the chart shows, in the report's language."""

    corners: dict[str, str]  # quadrant -> what to do
    x_title: str
    y_title: str
    zero: str  # the band of documents nobody read
    older: str  # the column of documents older than the axis
    undated: str  # the column of documents without a date


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    kind: str = ""  # a quadrant for the tinted areas; "band" for the extra columns/band

    @property
    def x2(self) -> float:
        return _r(self.x + self.w)

    @property
    def y2(self) -> float:
        return _r(self.y + self.h)


@dataclass(frozen=True, slots=True)
class Tick:
    at: float  # x for the horizontal axis, y for the vertical one
    label: str
    line: bool = True  # draw a grid line through it

    @property
    def text_at(self) -> float:
        """Where the label's baseline goes to look centred on a horizontal line at `at`."""
        return _r(self.at + 4)


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"  # SVG text-anchor: start | middle | end
    kind: str = ""
    count: int | None = None


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    quadrant: str
    label: str


@dataclass(frozen=True, slots=True)
class Cell:
    """A square of the density grid: the documents whose dots would fall in it."""

    x: float
    y: float
    w: float
    h: float
    quadrant: str  # the corner most of its documents are in
    count: int
    opacity: float  # 0..1, more documents darker
    label: str  # the square's tooltip: how many pages


@dataclass(frozen=True, slots=True)
class QuadrantChart:
    width: int
    height: int
    radius: float
    plot: Box
    areas: tuple[Box, ...]
    bands: tuple[Box, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    column_labels: tuple[Label, ...]
    split_x: float
    split_y: float
    corners: tuple[Label, ...]
    x_title: Label
    y_title: Label
    y_label_x: float  # right edge of the views labels
    x_label_y: float  # baseline of the time labels
    dots: tuple[Dot, ...]  # empty in density mode
    counts: tuple[tuple[str, int], ...]  # (quadrant, documents), in QUADRANTS order
    cells: tuple[Cell, ...] = ()  # density mode: one square per non-empty grid cell

    @property
    def density(self) -> bool:
        """Too many documents for a dot each: the chart draws the density grid instead."""
        return bool(self.cells)

    def count(self, name: str) -> int:
        return dict(self.counts)[name]


WIDTH, HEIGHT = 760, 470
LEFT, RIGHT, TOP, BOTTOM = 74, 14, 12, 62
COLUMN = 58  # width of the "older" and "no date" columns
ZERO_BAND = 42  # height of the band of unread documents
PAD = 10  # keeps dots off the edges of their area
RADIUS = 4.5

#: Above this many documents the chart draws density (a grid of squares, each with its count)
#: instead of a dot and a tooltip per document, which at 100,000 documents weighs 20 MB.
DENSITY_THRESHOLD = 2_000
GRID_COLUMNS, GRID_ROWS = 40, 30


def quadrant_chart(
    points: Iterable[Point],
    *,
    cadence_days: int,
    threshold: float,
    text: ChartText,
    age_tick: Callable[[int], str],
    views_tick: Callable[[float], str],
    cell_label: Callable[[int], str] = lambda n: f"{n:,}",
    density_above: int = DENSITY_THRESHOLD,
) -> QuadrantChart:
    """Every document as a dot: x = days since its last review or change, y = views.

    The time axis runs linearly from today to twice the review cadence, so the cadence
    splits the chart in equal halves; older documents stack in a column past the axis end,
    undated ones in a column of their own. Views use a log scale (each step x10) over a
    band at the bottom for documents nobody read. The horizontal split is `threshold`.

    With more than `density_above` points, no dot is drawn: the plot is cut in a grid of
    GRID_COLUMNS x GRID_ROWS cells, and each cell that holds documents becomes a square,
    darker the more it holds, coloured by the corner most of them are in, its tooltip
    `cell_label(count)`. The counts per corner are the same in both modes.

    `points` is read once, so it may be a generator: at 100,000 documents, points made one
    at a time and dropped spare the garbage collector (see `html._usage`).
    """
    ages: list[int | None] = []
    views: list[float] = []
    wobbles: list[int] = []  # a number from the key: the same small offset on every run
    labels: list[str] = []
    for point in points:
        ages.append(point.age_days)
        views.append(point.views)
        wobbles.append(zlib.crc32(point.key.encode("utf-8")))
        labels.append(point.label)
    cap = 2 * cadence_days
    older = any(age is not None and age > cap for age in ages)
    undated = any(age is None for age in ages)
    x0, x_end = LEFT, WIDTH - RIGHT
    main_end = x_end - COLUMN * (older + undated)
    y0, y_end = TOP, HEIGHT - BOTTOM
    zero_top = y_end - ZERO_BAND
    top_views = max(views, default=0.0)
    decades = max(1, math.ceil(math.log10(max(top_views, 10))))

    def x_of(days: float) -> float:
        return x0 + PAD + (main_end - x0 - 2 * PAD) * min(days, cap) / cap

    def y_of(views: float) -> float:
        share = math.log10(max(views, 1)) / decades
        return zero_top - PAD - (zero_top - y0 - 2 * PAD) * share

    split_x = x_of(cadence_days)
    # With a threshold of one view or less, any view counts as read: split above the band.
    split_y = y_of(threshold) if threshold > 1 else float(zero_top)

    columns: list[tuple[str, float]] = []  # (which, left edge)
    edge = main_end
    if older:
        columns.append(("older", edge))
        edge += COLUMN
    if undated:
        columns.append(("undated", edge))
    column_left = dict(columns)

    density = len(ages) > density_above
    cell_w = (x_end - x0) / GRID_COLUMNS
    cell_h = (y_end - y0) / GRID_ROWS
    binned: dict[tuple[int, int], dict[str, int]] = {}
    dots = []
    counts = dict.fromkeys(QUADRANTS, 0)
    for age, seen, wobble, label in zip(ages, views, wobbles, labels, strict=True):
        name = quadrant(age, seen, cadence_days, threshold)
        counts[name] += 1
        jx = ((wobble & 0xFFFF) / 0xFFFF) - 0.5  # -0.5 .. 0.5, the same on every run
        jy = ((wobble >> 16) / 0xFFFF) - 0.5
        if age is None:
            x = column_left["undated"] + COLUMN / 2 + jx * (COLUMN - 2 * PAD)
        elif age > cap:
            x = column_left["older"] + COLUMN / 2 + jx * (COLUMN - 2 * PAD)
        else:
            x = x_of(max(age, 0))
        y = zero_top + ZERO_BAND / 2 + jy * (ZERO_BAND - 2 * PAD) if seen <= 0 else y_of(seen)
        if density:
            column = min(max(int((x - x0) / cell_w), 0), GRID_COLUMNS - 1)
            row = min(max(int((y - y0) / cell_h), 0), GRID_ROWS - 1)
            cell = binned.get((column, row))
            if cell is None:
                cell = binned[column, row] = dict.fromkeys(QUADRANTS, 0)
            cell[name] += 1
        else:
            dots.append(Dot(_r(x), _r(y), name, label))
    # Draw the many unread dots first, so the fewer read ones stay on top.
    dots.sort(key=lambda d: d.quadrant in ("keep", "review"))
    cells = []
    most = max((sum(c.values()) for c in binned.values()), default=1)
    for (column, row), by_quadrant in sorted(binned.items()):
        n = sum(by_quadrant.values())
        cells.append(
            Cell(
                _r(x0 + column * cell_w),
                _r(y0 + row * cell_h),
                _r(cell_w),
                _r(cell_h),
                max(QUADRANTS, key=lambda q: by_quadrant[q]),
                n,
                round(0.2 + 0.8 * math.sqrt(n / most), 2),
                cell_label(n),
            )
        )

    areas = (
        Box(x0, y0, _r(split_x - x0), _r(split_y - y0), "keep"),
        Box(_r(split_x), y0, _r(x_end - split_x), _r(split_y - y0), "review"),
        Box(x0, _r(split_y), _r(split_x - x0), _r(y_end - split_y), "promote"),
        Box(_r(split_x), _r(split_y), _r(x_end - split_x), _r(y_end - split_y), "archive"),
    )
    bands = [Box(x0, zero_top, x_end - x0, ZERO_BAND, "band")]
    bands += [Box(left, y0, COLUMN, y_end - y0, "band") for _, left in columns]
    labels = {"older": text.older, "undated": text.undated}
    column_labels = tuple(
        Label(left + COLUMN / 2, y_end + 33, labels[which], "middle") for which, left in columns
    )
    x_ticks = tuple(
        Tick(_r(x_of(days)), age_tick(days))
        for days in (0, cadence_days // 2, cadence_days, cadence_days * 3 // 2, cap)
    )
    y_ticks = (
        Tick(zero_top + ZERO_BAND / 2, text.zero, line=False),
        *(Tick(_r(y_of(10**d)), views_tick(10**d)) for d in range(decades + 1)),
    )
    line = 16  # corner labels sit just inside the top of their quadrant
    corners = tuple(
        Label(x, _r(y), text.corners[name], anchor, name, counts[name])
        for name, x, y, anchor in (
            ("keep", x0 + 8, y0 + line, "start"),
            ("review", x_end - 8, y0 + line, "end"),
            ("promote", x0 + 8, split_y + line, "start"),
            ("archive", x_end - 8, split_y + line, "end"),
        )
    )
    return QuadrantChart(
        width=WIDTH,
        height=HEIGHT,
        radius=RADIUS,
        plot=Box(x0, y0, x_end - x0, y_end - y0),
        areas=areas,
        bands=tuple(bands),
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        column_labels=column_labels,
        split_x=_r(split_x),
        split_y=_r(split_y),
        corners=corners,
        x_title=Label(_r((x0 + main_end) / 2), HEIGHT - 8, text.x_title, "middle"),
        y_title=Label(18, _r((y0 + y_end) / 2), text.y_title, "middle"),
        y_label_x=x0 - 8,
        x_label_y=y_end + 18,
        dots=tuple(dots),
        counts=tuple((name, counts[name]) for name in QUADRANTS),
        cells=tuple(cells),
    )


# Two bars on a 0-100% scale --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: str  # the share as text, e.g. "34%"
    kind: str  # a CSS class: ours | guide
    y: float  # top of the bar
    w: float  # length of the filled part
    label_y: float  # baseline of the label above the bar
    text_y: float  # baseline of the value
    value_x: float  # where the value text goes
    value_inside: bool  # the value is written inside the bar (a long bar): it ends there


@dataclass(frozen=True, slots=True)
class ShareBars:
    width: int
    height: int
    track_x: float
    track_w: float
    bar_h: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    tick_y: float  # baseline of the tick labels
    grid_top: float
    grid_bottom: float


def share_bars(
    rows: Sequence[tuple[str, float, str, str]], percent: Callable[[float], str]
) -> ShareBars:
    """Horizontal bars side by side on one 0-100% scale, a label above each.

    `rows` holds (label, share 0..1, value text, kind).
    """
    width, track_x, right = 560, 4.0, 8.0
    track_w = width - track_x - right
    bar_h, label_h, gap = 26.0, 20.0, 14.0
    bars = []
    y = label_h
    for label, share, value, kind in rows:
        w = track_w * min(max(share, 0.0), 1.0)
        inside = w > 90
        value_x = track_x + w + (-8 if inside else 8)
        bars.append(
            Bar(label, value, kind, y, _r(w), y - 6, _r(y + bar_h / 2 + 5), _r(value_x), inside)
        )
        y += bar_h + gap + label_h
    tick_y = y - label_h + 4
    ticks = tuple(Tick(_r(track_x + track_w * s), percent(s)) for s in (0, 0.25, 0.5, 0.75, 1))
    return ShareBars(
        width=width,
        height=int(tick_y + 14),
        track_x=track_x,
        track_w=track_w,
        bar_h=bar_h,
        bars=tuple(bars),
        ticks=ticks,
        tick_y=tick_y,
        grid_top=label_h,
        grid_bottom=tick_y - 13,
    )


# Vertical bars: documents per age bucket ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """One bar of a column chart, its count above it and its label below."""

    key: str  # a CSS modifier: the bucket
    label: str
    value: str  # the count as text
    x: float  # left edge of the bar
    y: float  # top of the bar
    w: float
    h: float
    centre: float  # x of the texts
    value_y: float  # baseline of the count
    label_y: float  # baseline of the label


@dataclass(frozen=True, slots=True)
class ColumnChart:
    width: int
    height: int
    baseline: float  # y of the axis line
    left: float
    right: float
    columns: tuple[Column, ...]


def column_chart(rows: Sequence[tuple[str, str, int, str]]) -> ColumnChart:
    """Vertical bars on a shared scale from 0 to the largest count.

    `rows` holds (key, label, count, count as text), in the order to draw them. A count of
    0 draws no bar, only its "0" on the axis.
    """
    width, height = 640, 240
    left, right, top, bottom = 8.0, 8.0, 26.0, 34.0
    baseline = height - bottom
    slot = (width - left - right) / max(len(rows), 1)
    bar_w = slot * 0.62
    most = max((count for _, _, count, _ in rows), default=0)
    columns = []
    for i, (key, label, count, value) in enumerate(rows):
        h = (baseline - top) * count / most if most else 0.0
        centre = left + slot * (i + 0.5)
        columns.append(
            Column(
                key=key,
                label=label,
                value=value,
                x=_r(centre - bar_w / 2),
                y=_r(baseline - h),
                w=_r(bar_w),
                h=_r(h),
                centre=_r(centre),
                value_y=_r(baseline - h - 7),
                label_y=_r(baseline + 20),
            )
        )
    return ColumnChart(
        width=width,
        height=height,
        baseline=baseline,
        left=left,
        right=width - right,
        columns=tuple(columns),
    )


def _r(value: float) -> float:
    return round(value, 1)
