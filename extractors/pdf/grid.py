"""pdfplumber's table-finding steps (snap, join, intersect, smallest cells, group), rewritten
for speed with the same results, float for float.

Profiling the sample bundles put ~40 % of extraction in pdfplumber's `table.py`: its
`intersections_to_cells` rebuilds sets of edge boxes for every pair of points it tries,
and its snap and join copy each edge dict through tuples of items. Here each point's edges
are reduced once to sets of boxes, the points on a line are indexed once, and edges are
copied with one dict literal. The order of every sort and the arithmetic of every snap
are pdfplumber's, so cells and tables are identical (tests/test_pdf_grid.py compares both
on every sample page and on random edge sets).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import groupby
from operator import itemgetter

from smartcert.extractors.pdf.edges import Edge

BBox = tuple[float, float, float, float]
Point = tuple[float, float]
# per point: the boxes of the vertical rules and of the horizontal rules through it
Points = dict[Point, tuple[set[BBox], set[BBox]]]
Linked = Callable[[Point, Point], bool]

_BOX = itemgetter("x0", "top", "x1", "bottom")


def _clusters(values: Iterable[float], tolerance: float) -> dict[float, int]:
    """pdfplumber's `make_cluster_dict`: distinct values, sorted, chained within tolerance."""
    index: dict[float, int] = {}
    last: float | None = None
    k = -1
    for v in sorted(set(values)):
        if last is None or tolerance == 0 or v > last + tolerance:
            k += 1
        index[v] = k
        last = v
    return index


def _snap(edges: list[Edge], attr: str, tolerance: float) -> list[Edge]:
    """pdfplumber's `snap_objects`: each cluster moved to its mean, cluster by cluster."""
    if not edges:
        return []
    cluster = _clusters((e[attr] for e in edges), tolerance)
    # a stable sort by cluster keeps the original order inside each cluster, as pdfplumber
    ordered = sorted(edges, key=lambda e: cluster[e[attr]])
    out: list[Edge] = []
    for _, group in groupby(ordered, key=lambda e: cluster[e[attr]]):
        members = list(group)
        avg = sum(e[attr] for e in members) / len(members)
        for e in members:
            d = avg - e[attr]
            if attr == "x0":
                out.append({**e, "x0": e["x0"] + d, "x1": e["x1"] + d})
            else:
                moved = {**e, "top": e["top"] + d, "bottom": e["bottom"] + d}
                if "doctop" in e:
                    moved["doctop"] = e["doctop"] + d
                out.append(moved)
    return out


def _join(edges: list[Edge], orientation: str, tolerance: float) -> list[Edge]:
    """pdfplumber's `join_edge_group` on the edges of one line."""
    lo, hi = ("x0", "x1") if orientation == "h" else ("top", "bottom")
    ordered = sorted(edges, key=itemgetter(lo))
    joined = [ordered[0]]
    for e in ordered[1:]:
        last = joined[-1]
        if e[lo] <= last[hi] + tolerance:
            if e[hi] > last[hi]:
                joined[-1] = _extend(last, hi, e[hi])
        else:
            joined.append(e)
    return joined


def _extend(e: Edge, key: str, value: float) -> Edge:
    """pdfplumber's `resize_object` for the far end (x1 or bottom), the only one joins move."""
    if key == "x1":
        return {**e, "x1": value, "width": value - e["x0"]}
    return {**e, "bottom": value, "height": e["height"] + (value - e["bottom"])}


def merge_edges(edges: list[Edge], snap: float, join: float) -> list[Edge]:
    """Snap rules within `snap` points onto one line, then join collinear pieces."""
    if snap > 0:
        edges = (_snap([e for e in edges if e["orientation"] == "v"], "x0", snap)
                 + _snap([e for e in edges if e["orientation"] == "h"], "top", snap))

    def line(e: Edge) -> tuple[str, float]:
        return ("h", e["top"]) if e["orientation"] == "h" else ("v", e["x0"])

    out: list[Edge] = []
    for (orientation, _), group in groupby(sorted(edges, key=line), key=line):
        out.extend(_join(list(group), orientation, join))
    return out


def long_enough(edges: list[Edge], min_length: float) -> list[Edge]:
    """pdfplumber's `filter_edges(edges, min_length=…)`."""
    return [e for e in edges
            if (e["height"] if e["orientation"] == "v" else e["width"]) >= min_length]


def intersections(edges: list[Edge], x_tol: float, y_tol: float) -> Points:
    """Points where a vertical and a horizontal rule meet, each with the boxes of the
    vertical and of the horizontal rules through it (pdfplumber's `edges_to_intersections`,
    its points in its order)."""
    vs = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    hs = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    h_rows = [(h["top"], h["x0"] - x_tol, h["x1"] + x_tol, _BOX(h)) for h in hs]
    points: Points = {}
    for v in vs:
        x, lo, hi, vbox = v["x0"], v["top"] - y_tol, v["bottom"] + y_tol, _BOX(v)
        for top, left, right, hbox in h_rows:
            if lo <= top <= hi and left <= x <= right:
                at = points.get((x, top))
                if at is None:
                    at = points[(x, top)] = (set(), set())
                at[0].add(vbox)
                at[1].add(hbox)
    return points


def cells(points: Points) -> list[BBox]:
    """The smallest rectangle whose four sides are rules, from each point as its top-left
    corner (pdfplumber's `intersections_to_cells`)."""
    ordered = sorted(points)
    below_of: dict[float, list[Point]] = {}
    right_of: dict[float, list[Point]] = {}
    for p in ordered:  # sorted by (x, y): each list is already in pdfplumber's order
        below_of.setdefault(p[0], []).append(p)
        right_of.setdefault(p[1], []).append(p)

    def v_linked(p: Point, q: Point) -> bool:
        return not points[p][0].isdisjoint(points[q][0])

    def h_linked(p: Point, q: Point) -> bool:
        return not points[p][1].isdisjoint(points[q][1])

    out: list[BBox] = []
    for pt in ordered:
        x, y = pt
        below = [q for q in below_of[x] if q[1] > y]
        right = [q for q in right_of[y] if q[0] > x]
        found = _smallest(pt, below, right, points, v_linked, h_linked)
        if found is not None:
            out.append(found)
    return out


def _smallest(pt: Point, below: list[Point], right: list[Point], points: Points,
              v_linked: Linked, h_linked: Linked) -> BBox | None:
    for b in below:
        if not v_linked(pt, b):
            continue
        for r in right:
            if not h_linked(pt, r):
                continue
            corner = (r[0], b[1])
            if corner in points and v_linked(corner, r) and h_linked(corner, b):
                return (pt[0], pt[1], corner[0], corner[1])
    return None


def tables(found: list[BBox]) -> list[list[BBox]]:
    """Cells grouped into tables by shared corners (pdfplumber's `cells_to_tables`):
    tables of more than one cell, top to bottom then left to right."""
    remaining = list(found)
    groups: list[list[BBox]] = []
    while remaining:
        x0, y0, x1, y1 = remaining.pop(0)
        corners = {(x0, y0), (x0, y1), (x1, y0), (x1, y1)}
        group = [(x0, y0, x1, y1)]
        grew = True
        while grew:  # pdfplumber sweeps the remaining cells in order until none joins
            grew = False
            rest: list[BBox] = []
            for c in remaining:
                cx0, cy0, cx1, cy1 = c
                mine = ((cx0, cy0), (cx0, cy1), (cx1, cy0), (cx1, cy1))
                if any(p in corners for p in mine):
                    corners.update(mine)
                    group.append(c)
                    grew = True
                else:
                    rest.append(c)
            remaining = rest
        groups.append(group)
    groups.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [g for g in groups if len(g) > 1]
