"""Ruling lines of a page, from PyMuPDF's vector drawings, as pdfplumber edge records."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise
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
    edges: list[Edge] = []
    for path in drawings:
        stroked = path.get("color") is not None and not _is_white(path.get("color"))
        filled = path.get("fill") is not None and not _is_white(path.get("fill"))
        if not (stroked or filled):
            continue
        for item in path["items"]:
            op = item[0]
            if op == "l":
                (px, py), (qx, qy) = item[1], item[2]
                dx, dy = abs(px - qx), abs(py - qy)
                # dotted rules come as runs of 0.5 pt dashes: keep them, the join fuses them
                if dy <= _AXIS and dx > dy:
                    edges.append(_h(px, qx, (py + qy) / 2, "line"))
                elif dx <= _AXIS and dy > dx:
                    edges.append(_v((px + qx) / 2, py, qy, "line"))
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
    hs = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: (e["x0"], e["x1"]))
    vs = [e for e in edges if e["orientation"] == "v"]
    bands: list[list[Edge]] = []
    for e in hs:
        for band in bands:
            ref = band[0]
            if abs(ref["x0"] - e["x0"]) <= tolerance and abs(ref["x1"] - e["x1"]) <= tolerance:
                band.append(e)
                break
        else:
            bands.append([e])
    added: list[Edge] = []
    for band in bands:
        for run in _linked_runs(band, vs, tolerance):
            added.extend(_missing_sides(run, vs, tolerance, text_in))
    return edges + added


def _spans_between(v: Edge, x0: float, x1: float, top: float, bottom: float, tol: float) -> bool:
    return x0 + tol < v["x0"] < x1 - tol and v["top"] <= top + tol and v["bottom"] >= bottom - tol


def _linked_runs(band: list[Edge], vs: list[Edge], tol: float) -> list[list[Edge]]:
    """Split a band of equal-width rules into stacks joined by inner vertical rules.

    Two tables of the same width on one page must not be closed into one box.
    """
    band = sorted(band, key=lambda e: e["top"])
    x0, x1 = band[0]["x0"], band[0]["x1"]
    runs: list[list[Edge]] = [[band[0]]]
    for prev, cur in pairwise(band):
        if any(_spans_between(v, x0, x1, prev["top"], cur["top"], tol) for v in vs):
            runs[-1].append(cur)
        else:
            runs.append([cur])
    return [r for r in runs if len(r) >= 2]


def _missing_sides(
    run: list[Edge], vs: list[Edge], tol: float, text_in: TextIn | None
) -> list[Edge]:
    x0 = min(e["x0"] for e in run)
    x1 = max(e["x1"] for e in run)
    top, bottom = run[0]["top"], run[-1]["top"]
    inner = sorted(v["x0"] for v in vs if _spans_between(v, x0, x1, top, top, tol)
                   or _spans_between(v, x0, x1, bottom, bottom, tol))
    out = []
    for x, near in ((x0, inner[0] if inner else x1), (x1, inner[-1] if inner else x0)):
        side = any(abs(v["x0"] - x) <= tol and v["top"] <= top + tol
                   and v["bottom"] >= bottom - tol for v in vs)
        if side:
            continue
        lo, hi = min(x, near), max(x, near)
        if text_in is None or text_in(lo, top, hi, bottom):
            out.append(_v(x, top, bottom, "virtual"))
    return out
