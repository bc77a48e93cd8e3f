"""Ruling lines of a page, from PyMuPDF's vector drawings, as pdfplumber edge records."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import pairwise
from operator import itemgetter
from typing import Any

Edge = dict[str, Any]  # pdfplumber's own edge record: its table functions take exactly this

_THIN = 2.0  # a filled rectangle thinner than this is a drawn line (Hancom draws rules so)
_AXIS = 1.0  # slope tolerance for an axis-parallel segment


def _h(x0: float, x1: float, y: float, kind: str) -> Edge:
    x0, x1 = min(x0, x1), max(x0, x1)
    return {"x0": x0, "x1": x1, "top": y, "bottom": y, "doctop": y, "width": x1 - x0,
            "height": 0.0, "orientation": "h", "object_type": kind}


def _v(x: float, y0: float, y1: float, kind: str) -> Edge:
    y0, y1 = min(y0, y1), max(y0, y1)
    return {"x0": x, "x1": x, "top": y0, "bottom": y1, "doctop": y0, "width": 0.0,
            "height": y1 - y0, "orientation": "v", "object_type": kind}


def _is_white(color: Any) -> bool:
    return color is not None and len(color) >= 3 and min(color[:3]) > 0.98


def _rect_edges(x0: float, y0: float, x1: float, y1: float) -> list[Edge]:
    w, h = x1 - x0, y1 - y0
    if w <= _THIN and h <= _THIN:
        return []
    if h <= _THIN:
        return [_h(x0, x1, (y0 + y1) / 2, "line")]
    if w <= _THIN:
        return [_v((x0 + x1) / 2, y0, y1, "line")]
    return [_h(x0, x1, y0, "rect_edge"), _h(x0, x1, y1, "rect_edge"),
            _v(x0, y0, y1, "rect_edge"), _v(x1, y0, y1, "rect_edge")]


def drawings_to_edges(drawings: Iterable[dict[str, Any]]) -> list[Edge]:
    """Axis-parallel segments and rectangle sides from `page.get_cdrawings()` (plain tuples).

    White fills (page and cell backgrounds drawn in white) are skipped.
    """
    # a page has tens of thousands of paths, mostly one segment each: the per-path and
    # per-segment work is inlined (`_h`/`_v`/`_is_white` are the reference), colours
    # are judged once per distinct colour
    edges: list[Edge] = []
    append = edges.append
    white: dict[Any, bool] = {None: True}  # None: no stroke or no fill, as good as white
    for path in drawings:
        color, fill = path.get("color"), path.get("fill")
        try:
            blank = white[color] and white[fill]
        except (KeyError, TypeError):  # a colour not seen yet (or a list: not hashable)
            blank = ((color is None or _is_white(color)) and (fill is None or _is_white(fill)))
            for c in (color, fill):
                if c is not None and isinstance(c, tuple):
                    white[c] = _is_white(c)
        if blank:
            continue
        for item in path["items"]:
            op = item[0]
            if op == "l":
                (px, py), (qx, qy) = item[1], item[2]
                dx, dy = abs(px - qx), abs(py - qy)
                # dotted rules come as runs of 0.5 pt dashes: keep them, the join fuses them
                if dy <= _AXIS and dx > dy:
                    x0, x1 = (px, qx) if px <= qx else (qx, px)
                    y = (py + qy) / 2
                    append({"x0": x0, "x1": x1, "top": y, "bottom": y, "doctop": y,
                            "width": x1 - x0, "height": 0.0, "orientation": "h",
                            "object_type": "line"})
                elif dx <= _AXIS and dy > dx:
                    y0, y1 = (py, qy) if py <= qy else (qy, py)
                    x = (px + qx) / 2
                    append({"x0": x, "x1": x, "top": y0, "bottom": y1, "doctop": y0,
                            "width": 0.0, "height": y1 - y0, "orientation": "v",
                            "object_type": "line"})
            elif op == "re":
                x0, y0, x1, y1 = item[1]
                edges.extend(_rect_edges(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
            elif op == "qu":
                xs = [pt[0] for pt in item[1]]
                ys = [pt[1] for pt in item[1]]
                # only an axis-parallel quad is a rectangle: two distinct x and two distinct y
                if len({round(x, 1) for x in xs}) <= 2 and len({round(y, 1) for y in ys}) <= 2:
                    edges.extend(_rect_edges(min(xs), min(ys), max(xs), max(ys)))
    return edges


TextIn = Callable[[float, float, float, float], bool]


def close_open_sides(
    edges: list[Edge], text_in: TextIn | None = None, tolerance: float = 2.0
) -> list[Edge]:
    """Add the missing left/right borders of 'open' tables.

    Korean government tables are often drawn without outer vertical borders: rows are
    ruled across, columns only inside. A stack of horizontal rules with the same extent
    and inner vertical rules between them is a table whose sides we close virtually —
    when `text_in` says there is text between a rule's end and the nearest inner
    vertical (rules that merely run past a form's border into an empty margin are not
    an extra column).
    """
    hs = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("x0", "x1"))
    vs = [e for e in edges if e["orientation"] == "v"]
    inner = _Verticals(vs)
    bands: list[list[Edge]] = []
    # rules come by x0, so band heads do too: a head too far left of this rule is too far
    # for every later rule, and the bands still open are a suffix of `bands`
    first = 0
    for e in hs:
        ex0, ex1 = e["x0"], e["x1"]
        while first < len(bands) and ex0 - bands[first][0]["x0"] > tolerance:
            first += 1
        for k in range(first, len(bands)):
            ref = bands[k][0]
            if abs(ref["x0"] - ex0) <= tolerance and abs(ref["x1"] - ex1) <= tolerance:
                bands[k].append(e)
                break
        else:
            bands.append([e])
    added: list[Edge] = []
    for band in bands:
        if len(band) < 2:  # a lone rule is no stack
            continue
        for run in _linked_runs(band, inner, tolerance):
            added.extend(_missing_sides(run, vs, inner, tolerance, text_in))
    return edges + added


class _Verticals:
    """A page's vertical rules as (x, top, bottom) sorted by x, to take those strictly
    between two x without a scan of all (a page has a band per table, a run per stack)."""

    def __init__(self, vs: list[Edge]) -> None:
        # a NaN x would break the order; it is between nothing anyway
        self.rows = sorted(((v["x0"], v["top"], v["bottom"]) for v in vs if v["x0"] == v["x0"]),
                           key=itemgetter(0))
        self.xs = [r[0] for r in self.rows]

    def inside(self, x0: float, x1: float, tol: float) -> list[tuple[float, float, float]]:
        """The rules with x0 + tol < x < x1 - tol."""
        return self.rows[bisect_right(self.xs, x0 + tol):bisect_left(self.xs, x1 - tol)]


def _linked_runs(band: list[Edge], inner: _Verticals, tol: float) -> list[list[Edge]]:
    """Split a band of equal-width rules into stacks joined by inner vertical rules.

    Two tables of the same width on one page must not be closed into one box.
    """
    band = sorted(band, key=itemgetter("top"))
    between = inner.inside(band[0]["x0"], band[0]["x1"], tol)
    runs: list[list[Edge]] = [[band[0]]]
    for prev, cur in pairwise(band):
        top, bottom = prev["top"] + tol, cur["top"] - tol
        if any(vt <= top and vb >= bottom for _, vt, vb in between):
            runs[-1].append(cur)
        else:
            runs.append([cur])
    return [r for r in runs if len(r) >= 2]


def _missing_sides(
    run: list[Edge], vs: list[Edge], inner: _Verticals, tol: float, text_in: TextIn | None
) -> list[Edge]:
    x0 = min(e["x0"] for e in run)
    x1 = max(e["x1"] for e in run)
    top, bottom = run[0]["top"], run[-1]["top"]
    t_hi, t_lo, b_hi, b_lo = top + tol, top - tol, bottom + tol, bottom - tol
    xs = sorted(x for x, vt, vb in inner.inside(x0, x1, tol)
                if (vt <= t_hi and vb >= t_lo) or (vt <= b_hi and vb >= b_lo))
    out = []
    for x, near in ((x0, xs[0] if xs else x1), (x1, xs[-1] if xs else x0)):
        side = any(abs(v["x0"] - x) <= tol and v["top"] <= t_hi
                   and v["bottom"] >= b_lo for v in vs)
        if side:
            continue
        lo, hi = min(x, near), max(x, near)
        if text_in is None or text_in(lo, top, hi, bottom):
            out.append(_v(x, top, bottom, "virtual"))
    return out
