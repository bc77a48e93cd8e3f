"""The painter producer: the sample generator's reportlab layout, taught the page habits
of the call-style bundles (a header row that does not come back, a row broken across
the page, a unit line ending a page)."""

from __future__ import annotations

from dataclasses import replace

from samples.callforms.proposal import split_cell
from samples.callforms.style import AUTO, CallTable, Slack
from samples.generator.doc import Block, Table
from samples.generator.pdf_layout import BOTTOM, LEFT, PAD_Y, Laid, Layout


def split_row(t: CallTable) -> CallTable:
    """The break row becomes two: its cells' first lines, then their tails (the tail row
    starts the next page). Merged cells crossing the row grow by one."""
    r = t.break_at
    assert r is not None
    cells = []
    for c in t.cells:
        if c.row > r:
            cells.append(replace(c, row=c.row + 1))
        elif c.row < r <= c.row + c.rowspan - 1 or (c.row == r and c.rowspan > 1):
            cells.append(replace(c, rowspan=c.rowspan + 1))
        elif c.row == r:
            head, _, tail = c.text.partition("\n")
            cells += [replace(c, text=head, key=None), replace(c, row=r + 1, text=tail)]
        else:
            cells.append(c)
    keys = {(k + 1 if k > r else k): v for k, v in t.row_keys.items()}
    return replace(t, cells=cells, row_keys=keys, break_at=r + 1, inside=False)


class CallLayout(Layout):
    def choose_row(self, t: CallTable) -> None:
        """An 'auto' break: the row the page ends on (or, inside, the last row whose first
        line still fits), so the break falls where the page would end anyway."""
        heights, room, acc = row_heights(self, t), self.room(), 0.0
        r = len(heights) - 1  # a table that fits breaks before its last row
        for k, h in enumerate(heights):
            if acc + h > room:
                r = k
                break
            acc += h
        if t.inside and acc + t.size * 1.38 + 2 * PAD_Y > room:
            r -= 1
        if r <= t.header_count:
            raise ValueError("an 'auto' break found no body row on the page the table starts")
        t.break_at = r
        if t.inside:
            split_cell(t, r)

    def place(self, blocks: list[Block], i: int) -> None:
        b = blocks[i]
        if isinstance(b, Slack):  # room left at a page's foot, so the next line ends it
            if b.need and self.room() > b.need:
                self.y = BOTTOM + b.need
            return
        super().place(blocks, i)

    def table(self, t: Table) -> None:
        if not isinstance(t, CallTable):
            super().table(t)
            return
        if t.break_before:
            self.new_page()
        if t.break_at == AUTO:
            self.choose_row(t)
        if t.inside:
            t = split_row(t)
        if t.break_at is None:
            super().table(t)
            return
        # the page ends before the break row: lay the two parts as one table drawn twice,
        # the second part headed by the header rows only when they repeat
        head = [c for c in t.cells if c.row < t.header_count]
        first = [c for c in t.cells if c.row < t.break_at]
        rest = [c for c in t.cells if c.row >= t.break_at]
        crossing = [c for c in first if c.row + c.rowspan > t.break_at]
        top = replace(t, cells=[replace(c, rowspan=min(c.rowspan, t.break_at - c.row))
                                for c in first], break_at=None)  # fmt: skip
        carried = [replace(c, row=t.break_at, rowspan=c.row + c.rowspan - t.break_at, text="")
                   for c in crossing]  # fmt: skip
        shift = t.break_at - (t.header_count if t.repeat else 0)
        tail_cells = ([*head] if t.repeat else []) + [
            replace(c, row=c.row - shift) for c in [*carried, *rest]
        ]
        tail_keys = {k - shift: v for k, v in t.row_keys.items() if k >= t.break_at}
        bottom = replace(t, cells=tail_cells, row_keys=tail_keys, break_at=None, key=None,
                         break_before=False)  # fmt: skip
        super().table(top)
        self.new_page()
        super().table(bottom)


def row_heights(layout: Layout, t: Table) -> list[float]:
    """Row heights as `Layout.table` sizes them (merged cells grow their last row)."""
    xs = [LEFT]
    for w in t.widths:
        xs.append(xs[-1] + w * layout.width / sum(t.widths))
    heights = [t.min_row_h] * t.n_rows
    for c in sorted(t.cells, key=lambda c: c.rowspan):
        need = len(layout.cell_lines(t, c, xs)[0]) * t.size * 1.38 + 2 * PAD_Y
        have = sum(heights[c.row : c.row + c.rowspan])
        if need > have:
            heights[c.row + c.rowspan - 1] += need - have
    return heights


def layout(blocks: list[Block], hancom: bool, header: str, family: str) -> Laid:
    return CallLayout(hancom=hancom, header=header, numbered_from=2, family=family).run(blocks)


