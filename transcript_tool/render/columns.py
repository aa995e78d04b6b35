"""Tables for the terminal laid out so that no word in them is cut.

rich shrinks a table's columns to the width without regard to what is in
them: at 80 columns it cut the questions table's "missing:" to "missin…",
and at 64 the timing table's "interviewer" to "interview…".
:func:`column_widths` lays a table out itself, and :class:`Narrowing` shows
a list in its place where its longest words do not fit side by side.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table


class Narrowing:
    """The table ``wide`` laid out so that no word in it is cut, where the
    console has ``columns`` or more and every column can be as wide as its
    longest word; else ``narrow``, a list that keeps every word."""

    def __init__(self, wide: Table, narrow: RenderableType, columns: int) -> None:
        self.wide, self.narrow, self.columns = wide, narrow, columns

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = (
            column_widths(self.wide, console, options)
            if options.max_width >= self.columns
            else None
        )
        if widths is None:
            yield self.narrow
            return
        table = copy.copy(self.wide)
        table.columns = [
            dataclasses.replace(column, width=width, ratio=None)
            for column, width in zip(self.wide.columns, widths, strict=True)
        ]
        yield table


CELL_PADDING = 2
"""A cell's padding, left and right (rich's default, which the tables keep)."""


def column_widths(table: Table, console: Console, options: ConsoleOptions) -> list[int] | None:
    """Widths of ``table``'s columns (without padding) that fill the console
    and cut no word, or None when its longest words do not fit side by side.

    Each column is at least as wide as its longest word (the whole of its
    longest text where it does not wrap) and its ``min_width``. Columns
    without a ``ratio`` then grow to their widest cell, and columns with one
    share the rest by ratio, each up to its widest; what is left over
    (``expand``) goes to the ratio columns, or to every column by its width
    when none has one."""
    available = options.max_width - (len(table.columns) + 1)  # the box's edges and dividers
    measure = options.update_width(max(1, available))
    lows: list[int] = []
    highs: list[int] = []
    for column in table.columns:
        cells = [Measurement.get(console, measure, cell) for cell in (column.header, *column.cells)]
        high = max(m.maximum for m in cells)
        low = high if column.no_wrap else max(m.minimum for m in cells)
        lows.append(max(low, column.min_width or 0) + CELL_PADDING)
        highs.append(high + CELL_PADDING)
    if sum(lows) > available:
        return None
    widths = [
        high if not column.ratio else low
        for column, low, high in zip(table.columns, lows, highs, strict=True)
    ]
    if sum(widths) > available:  # the fixed columns' widest cells do not fit: grow them evenly
        widths = list(lows)
        _share(widths, available, [1] * len(widths), highs)
    else:
        ratios = [column.ratio or 0 for column in table.columns]
        _share(widths, available, ratios, highs)
    if table.expand and sum(widths) < available:
        ratios = [column.ratio or 0 for column in table.columns]
        _share(widths, available, ratios if any(ratios) else list(widths), None)
    return [width - CELL_PADDING for width in widths]


def _share(
    widths: list[int], total: int, weights: Sequence[int], caps: Sequence[int] | None
) -> None:
    """Grow ``widths`` in place towards ``total`` in proportion to
    ``weights``, none past its cap, in whole characters (what does not
    divide goes one at a time to the first columns still open)."""
    while (spare := total - sum(widths)) > 0:
        open_ = [
            i
            for i, weight in enumerate(weights)
            if weight and (caps is None or widths[i] < caps[i])
        ]
        if not open_:
            return
        weight = sum(weights[i] for i in open_)
        grown = False
        for i in open_:
            step = spare * weights[i] // weight
            if caps is not None:
                step = min(step, caps[i] - widths[i])
            if step > 0:
                widths[i] += step
                grown = True
        if not grown:  # fewer spare columns than open ones: one each, in order
            for i in open_[:spare]:
                widths[i] += 1
