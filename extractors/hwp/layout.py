"""What rhwp's renderer laid out on each page, read from its SVG: glyphs and cell boxes.

rhwp paginates and draws the document itself (it is not Hancom's layout engine, so a long
document may break pages a little differently from 한글). Its SVG draws one `<text>` per
glyph at its pen position, and every table cell as a group clipped to the cell's box
(`<g clip-path="url(#cell-clip-N)">`, nested for a table inside a cell). Coordinates are
CSS pixels (96 per inch); they are turned into PDF points (72 per inch), top-left origin,
the unit every other extractor's boxes use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

PT_PER_PX = 72.0 / 96.0
_SVG = "{http://www.w3.org/2000/svg}"
_CLIP = re.compile(r"url\(#([^)]+)\)")
_FUNC = re.compile(r"(\w+)\(([^)]*)\)")
_NUM = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Glyph:
    text: str
    x: float  # points, left of the glyph
    baseline: float
    size: float
    width: float

    @property
    def box(self) -> Box:
        return (self.x, self.baseline - 0.85 * self.size, self.x + self.width,
                self.baseline + 0.2 * self.size)


@dataclass
class CellBox:
    page: int
    box: Box
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    body: list[Glyph] = field(default_factory=list)  # outside every table cell, drawn order
    cells: list[CellBox] = field(default_factory=list)  # pre-order


def _num(el: etree._Element, name: str, default: float = 0.0) -> float:
    try:
        return float(el.get(name, default))
    except ValueError:
        return default


def _clip_rects(root: etree._Element) -> dict[str, Box]:
    rects: dict[str, Box] = {}
    for clip in root.iter(f"{_SVG}clipPath"):
        rect = clip.find(f"{_SVG}rect")
        if rect is not None:
            x, y = _num(rect, "x"), _num(rect, "y")
            rects[clip.get("id", "")] = (x, y, x + _num(rect, "width"), y + _num(rect, "height"))
    return rects


def _transform(spec: str) -> tuple[float, float, float, float] | None:
    """(dx, dy, sx, sy) of a 'translate(..) scale(..)' transform (rhwp draws condensed
    or widened characters, 장평, this way); None for anything else (rotated text)."""
    dx = dy = 0.0
    sx = sy = 1.0
    for name, args in _FUNC.findall(spec):
        nums = [float(v) for v in _NUM.findall(args)]
        if name == "translate" and nums:
            dx, dy = nums[0], nums[1] if len(nums) > 1 else 0.0
        elif name == "scale" and nums:
            sx, sy = nums[0], nums[1] if len(nums) > 1 else nums[0]
        else:
            return None
    return dx, dy, sx, sy


def _glyph(el: etree._Element) -> Glyph | None:
    text = el.text or ""
    if not text.strip():
        return None
    moved = _transform(el.get("transform", ""))
    if moved is None:  # rotated text has no upright box
        return None
    dx, dy, sx, sy = moved
    size = _num(el, "font-size", 10.0) * sy * PT_PER_PX
    width = _num(el, "textLength") * sx * PT_PER_PX
    if width <= 0:  # no advance recorded: a CJK glyph is about square, others about half
        width = size * sx * sum(1.0 if ord(ch) > 0x2E80 else 0.5 for ch in text)
    x = (dx + _num(el, "x") * sx) * PT_PER_PX
    return Glyph(text, x, (dy + _num(el, "y") * sy) * PT_PER_PX, size, width)


class _Walk:
    def __init__(self, page: PageLayout, rects: dict[str, Box]) -> None:
        self.page = page
        self.rects = rects

    def walk(self, el: etree._Element, cell: CellBox | None) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag == f"{_SVG}defs":
                continue
            if tag == f"{_SVG}text":
                g = _glyph(child)
                if g is not None:
                    (cell.glyphs if cell is not None else self.page.body).append(g)
                continue
            inner = cell
            m = _CLIP.match(child.get("clip-path", "")) if tag == f"{_SVG}g" else None
            if m and m.group(1).startswith("cell-clip") and m.group(1) in self.rects:
                x0, y0, x1, y1 = self.rects[m.group(1)]
                inner = CellBox(self.page.number, (x0 * PT_PER_PX, y0 * PT_PER_PX,
                                                   x1 * PT_PER_PX, y1 * PT_PER_PX))
                self.page.cells.append(inner)
            self.walk(child, inner)


def read_page(svg: str, number: int) -> PageLayout:
    root = etree.fromstring(svg.encode("utf-8"), _PARSER)
    page = PageLayout(number, round(_num(root, "width") * PT_PER_PX, 2),
                      round(_num(root, "height") * PT_PER_PX, 2))
    _Walk(page, _clip_rects(root)).walk(root, None)
    return page
