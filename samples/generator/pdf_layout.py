"""Lays blocks out on A4 pages as drawing operations (no reportlab canvas yet).

Tables are ruled cell by cell, break across pages between rows (repeating their header
rows), and keep merged cells whole unless their column is marked splittable; the text of
a split merged cell stays on its first part, as in Hancom exports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4

from samples.generator.doc import Block, Cell, Figure, PageBreak, Para, Spacer, Table
from samples.generator.fonts import font_name
from samples.generator.pdf_text import Painter, measure, wrap

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 56.0, 56.0, 62.0, 60.0
PAD_X, PAD_Y = 3.5, 3.0
Op = tuple


@dataclass
class Laid:
    pages: list[list[Op]]
    anchors: dict[str, int] = field(default_factory=dict)  # key -> 1-based page


class Layout:
    def __init__(
        self,
        *,
        hancom: bool = True,
        family: str = "gothic",
        header: str | None = None,
        numbered_from: int = 1,
        footer: Callable[[int], str] = lambda n: f"- {n} -",
    ) -> None:
        self.mode = "words" if hancom else "plain"
        self.family = family
        self.header, self.numbered_from, self.footer = header, numbered_from, footer
        self.out = Laid(pages=[])
        self.width = PAGE_W - LEFT - RIGHT
        self.y = 0.0

    # -- pages -------------------------------------------------------------------------
    def op(self, op: Op) -> None:
        self.out.pages[-1].append(op)

    def new_page(self) -> None:
        self.out.pages.append([])
        n = len(self.out.pages)
        f = font_name(self.family, False)
        if self.header and n >= self.numbered_from:
            w = measure(self.header, f, 8, self.mode)
            self.op(
                (
                    "text",
                    PAGE_W - RIGHT - w,
                    PAGE_H - 40,
                    self.header,
                    f,
                    8,
                    self.mode,
                    (0.35, 0.35, 0.35),
                )
            )
            self.op(("line", LEFT, PAGE_H - 45, PAGE_W - RIGHT, PAGE_H - 45, 0.4, (0.5, 0.5, 0.5)))
        if n >= self.numbered_from:
            s = self.footer(n)
            self.op(
                (
                    "text",
                    (PAGE_W - measure(s, f, 9, self.mode)) / 2,
                    32,
                    s,
                    f,
                    9,
                    self.mode,
                    (0, 0, 0),
                )
            )
        self.y = PAGE_H - TOP

    def room(self) -> float:
        return self.y - BOTTOM

    def mark(self, key: str | None) -> None:
        if key:
            self.out.anchors[key] = len(self.out.pages)

    # -- blocks ------------------------------------------------------------------------
    def run(self, blocks: list[Block]) -> Laid:
        self.new_page()
        for i in range(len(blocks)):
            self.place(blocks, i)
        return self.out

    def place(self, blocks: list[Block], i: int) -> None:
        """Lay out block `i` (subclasses add block kinds of their own)."""
        b = blocks[i]
        if isinstance(b, PageBreak):
            self.new_page()
        elif isinstance(b, Spacer):
            self.y -= b.height
        elif isinstance(b, Para):
            self.para(b, self.keep_room(blocks, i))
        elif isinstance(b, Figure):
            if b.height > self.room():
                self.new_page()
            self.mark(b.key)
            b.draw(Painter(self, LEFT, self.y), self.width)
            self.y -= b.height
        else:
            self.table(b)

    def keep_room(self, blocks: list[Block], i: int) -> float:
        """Room a keep-with-next heading needs below it: the chained headings that follow
        plus the first rows of the table they introduce (no orphaned headings)."""
        if not isinstance(blocks[i], Para) or not blocks[i].keep_with_next:
            return 0.0
        need, j = 0.0, i + 1
        while j < len(blocks) and isinstance(blocks[j], Para):
            nxt = blocks[j]
            assert isinstance(nxt, Para)
            need += nxt.before + nxt.after + nxt.size * 1.5
            if not nxt.keep_with_next:
                return need
            j += 1
        return need + (60.0 if j < len(blocks) and isinstance(blocks[j], Table) else 0.0)

    def para(self, p: Para, keep: float) -> None:
        font = font_name(p.font or self.family, p.bold)
        # letter spacing is a Hancom habit: the plain (Word-like) style prints labels as typed
        mode = "spaced" if p.spaced and self.mode == "words" else self.mode
        lines = wrap(p.text, self.width - p.indent, font, p.size, mode)
        lead = p.size * 1.5
        if p.before + lead * len(lines) + p.after + keep > self.room():
            self.new_page()
        self.y -= p.before
        self.mark(p.key)
        for line in lines:
            w = measure(line, font, p.size, mode)
            x = (
                LEFT
                + p.indent
                + {
                    "left": 0.0,
                    "center": (self.width - p.indent - w) / 2,
                    "right": self.width - p.indent - w,
                }[p.align]
            )
            base = self.y - p.size * 1.1
            if p.shadow:  # the same run drawn twice, offset: Hancom's shadow effect
                self.op(("text", x + 0.5, base - 0.5, line, font, p.size, mode, (0.6, 0.6, 0.6)))
            self.op(("text", x, base, line, font, p.size, mode, p.color))
            self.y -= lead
        self.y -= p.after

    # -- tables ------------------------------------------------------------------------
    def cell_lines(self, t: Table, c: Cell, xs: list[float]) -> tuple[list[str], str]:
        """The cell's lines and drawing mode (letter-spaced only when it fits one line)."""
        w = xs[c.col + c.colspan] - xs[c.col] - 2 * PAD_X
        font = font_name(self.family, c.bold or c.header)
        if (
            c.spaced
            and self.mode == "words"
            and "\n" not in c.text
            and measure(c.text, font, t.size, "spaced") <= w
        ):
            return [c.text], "spaced"
        return wrap(c.text, w, font, t.size, self.mode), self.mode

    def table(self, t: Table) -> None:
        scale = self.width / sum(t.widths)
        xs = [LEFT]
        for w in t.widths:
            xs.append(xs[-1] + w * scale)
        lead = t.size * 1.38
        lines = {id(c): self.cell_lines(t, c, xs) for c in t.cells}
        n, hr = t.n_rows, t.header_rows
        heights = [t.min_row_h] * n
        for c in sorted(t.cells, key=lambda c: c.rowspan):
            need = len(lines[id(c)][0]) * lead + 2 * PAD_Y
            have = sum(heights[c.row : c.row + c.rowspan])
            if need > have:
                heights[c.row + c.rowspan - 1] += need - have
        blocked = {
            r
            for c in t.cells
            if c.col not in t.split_cols
            for r in range(c.row + 1, c.row + c.rowspan)
        } | set(range(1, hr + 1))
        groups: list[range] = []
        r = 0
        while r < n:
            e = r + 1
            while e < n and e in blocked:
                e += 1
            groups.append(range(r, e))
            r = e
        head = sum(heights[:hr])
        segments: list[list[int]] = [[]]
        if sum(heights[i] for i in groups[0]) > self.room():  # header + first row together
            self.new_page()
        avail = self.room()
        for g in groups:
            gh = sum(heights[i] for i in g)
            if gh > avail and segments[-1]:
                segments.append([])
                avail = PAGE_H - TOP - BOTTOM - head
            segments[-1].extend(g)
            avail -= gh
        self.mark(t.key)
        for k, seg in enumerate(segments):
            if k:
                self.new_page()
            rows = ([*range(hr)] if k and hr else []) + seg
            self.draw_rows(t, rows, heights, xs, lines, lead)

    def draw_rows(
        self,
        t: Table,
        rows: list[int],
        heights: list[float],
        xs: list[float],
        lines: dict[int, tuple[list[str], str]],
        lead: float,
    ) -> None:
        tops: dict[int, float] = {}
        y = self.y
        for r in rows:
            tops[r] = y
            y -= heights[r]
        page = len(self.out.pages)
        for r in rows:
            if r in t.row_keys:
                self.out.anchors[t.row_keys[r]] = page
        shown = set(rows)
        border: list[Op] = []
        for c in t.cells:
            span = [r for r in range(c.row, c.row + c.rowspan) if r in shown]
            if not span:
                continue
            x0, x1 = xs[c.col], xs[c.col + c.colspan]
            top, bot = tops[span[0]], tops[span[-1]] - heights[span[-1]]
            if c.header:
                self.op(("rect", x0, bot, x1 - x0, top - bot, 0, 0.88, (0, 0, 0)))
            for seg in (
                (x0, top, x1, top),
                (x0, bot, x1, bot),
                (x0, top, x0, bot),
                (x1, top, x1, bot),
            ):
                border.append(("line", *seg, 0.5, (0, 0, 0)))
            if c.row in shown:
                if c.key:
                    self.out.anchors[c.key] = page
                self.cell_text(t, c, lines[id(c)], x0, x1, top, bot, lead)
        for op in border:
            self.op(op)
        self.y = y

    def cell_text(
        self,
        t: Table,
        c: Cell,
        laid: tuple[list[str], str],
        x0: float,
        x1: float,
        top: float,
        bot: float,
        lead: float,
    ) -> None:
        font = font_name(self.family, c.bold or c.header)
        text_lines, mode = laid
        block = len(text_lines) * lead
        y = top - (top - bot - block) / 2
        for line in text_lines:
            w = measure(line, font, t.size, mode)
            x = {"left": x0 + PAD_X, "right": x1 - PAD_X - w, "center": (x0 + x1 - w) / 2}[
                c.align if not c.header else "center"
            ]
            self.op(("text", x, y - t.size * 1.05, line, font, t.size, mode, (0, 0, 0)))
            y -= lead
