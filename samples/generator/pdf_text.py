"""Text metrics and free drawing for the PDF layout: Hancom-style runs without spaces."""

from __future__ import annotations

from typing import TYPE_CHECKING

from samples.generator.fonts import font_name, string_width

if TYPE_CHECKING:
    from samples.generator.pdf_layout import Layout


def gap(mode: str, size: float) -> float:
    """Gap drawn instead of a space glyph: words mode mimics Hancom, spaced = 배분 정렬."""
    return size * 0.45  # > pdfplumber's 3pt x_tolerance at 7pt and up


def measure(text: str, font: str, size: float, mode: str) -> float:
    if mode == "plain":
        return string_width(text, font, size)
    parts = [ch for ch in text if ch != " "] if mode == "spaced" else text.split(" ")
    return sum(string_width(p, font, size) for p in parts) + gap(mode, size) * (len(parts) - 1)


def wrap(text: str, width: float, font: str, size: float, mode: str) -> list[str]:
    """Greedy word wrap; a word wider than the line is broken between syllables."""
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for word in para.split(" "):
            trial = f"{cur} {word}" if cur else word
            if measure(trial, font, size, mode) <= width or (not cur and not word):
                cur = trial
                continue
            if cur:
                lines.append(cur)
            cur = ""
            for ch in word:  # a word may itself be too long
                if cur and measure(cur + ch, font, size, mode) > width:
                    lines.append(cur)
                    cur = ""
                cur += ch
        lines.append(cur)
    return lines


class Painter:
    """Figure drawing in figure-local coordinates (y grows downward from the top)."""

    def __init__(self, layout: Layout, x0: float, y0: float) -> None:
        self.lay, self.x0, self.y0 = layout, x0, y0

    def text(
        self,
        x: float,
        y: float,
        s: str,
        size: float = 10,
        bold: bool = False,
        align: str = "left",
        mode: str | None = None,
        family: str | None = None,
        color: tuple[float, float, float] = (0, 0, 0),
    ) -> None:
        mode = mode or self.lay.mode
        font = font_name(family or self.lay.family, bold)
        w = measure(s, font, size, mode)
        dx = {"left": 0.0, "center": -w / 2, "right": -w}[align]
        self.lay.op(("text", self.x0 + x + dx, self.y0 - y, s, font, size, mode, color))

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        width: float = 0.6,
        color: tuple[float, float, float] = (0, 0, 0),
    ) -> None:
        self.lay.op(("line", self.x0 + x1, self.y0 - y1, self.x0 + x2, self.y0 - y2, width, color))

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        stroke: float = 0.6,
        fill: float | None = None,
        color: tuple[float, float, float] = (0, 0, 0),
    ) -> None:
        self.lay.op(("rect", self.x0 + x, self.y0 - y - h, w, h, stroke, fill, color))

    def circle(
        self,
        x: float,
        y: float,
        r: float,
        width: float = 1.2,
        color: tuple[float, float, float] = (0, 0, 0),
    ) -> None:
        self.lay.op(("circle", self.x0 + x, self.y0 - y, r, width, color))
