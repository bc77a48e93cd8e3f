"""pdfplumber's table-finding steps (snap, join, intersect, smallest cells, group), rewritten
for speed with the same results, float for float.

Profiling the sample bundles put ~40 % of extraction in pdfplumber's `table.py`: its
`intersections_to_cells` rebuilds sets of edge boxes for every pair of points it tries,
and its snap and join copy each edge dict through tuples of items. Here each point keeps
only how far its rules reach down and right (which decides every `edge_connects`), the
points on a line are indexed once, the crossings are found by bisect, cells are grouped
through an index of their corners, and snap and join run on numbers: only the edges a join
returns are copied (and moved, and resized). The order of every sort, loop and sweep and
the arithmetic of every comparison and snap are pdfplumber's, so cells and tables are
identical (tests/test_pdf_grid.py compares both on every sample page and on random edge
sets and cells).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from heapq import heapify, heappop, heappush
from itertools import groupby
from operator import itemgetter

from smartcert.extractors.pdf.edges import Edge

BBox = tuple[float, float, float, float]
Point = tuple[float, float]
# per point: the y of the lowest point its vertical rules cross, and the largest x its
# horizontal rules may cross (`h.x1 + x_tol`): how far down and right it is linked
Points = dict[Point, tuple[float, float]]

_TOP_LEFT = itemgetter(1, 0)


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


def _moved(e: Edge, attr: str, d: float) -> Edge:
    """pdfplumber's `move_object` of an edge snapped `d` along `attr` (x0, or top)."""
    if attr == "x0":
        return {**e, "x0": e["x0"] + d, "x1": e["x1"] + d}
    moved = {**e, "top": e["top"] + d, "bottom": e["bottom"] + d}
    if "doctop" in e:
        moved["doctop"] = e["doctop"] + d
    return moved


def _merge_lines(edges: list[Edge], horizontal: bool, snap: float, join: float) -> list[Edge]:
    """pdfplumber's `snap_objects` then `join_edge_group` per line, for one orientation.

    Snapping moves an edge across its line only (top/bottom of a horizontal rule, x0/x1 of
    a vertical one), joining compares and extends along it only. So the join runs on
    (line, start, end) numbers and only the edges it returns are copied and moved: most
    pieces are swallowed by a join (Hancom draws rules cell by cell).
    """
    line, lo, hi = ("top", "x0", "x1") if horizontal else ("x0", "top", "bottom")
    n = len(edges)
    if n == 0:
        return []
    values = [e[line] for e in edges]
    if snap > 0:
        # pdfplumber's order: a stable sort by cluster, each cluster moved to its mean
        cluster = _clusters(values, snap)
        ids = [cluster[v] for v in values]
        order = sorted(range(n), key=ids.__getitem__)
        means = []
        for _, members in groupby(order, key=ids.__getitem__):
            vs = [values[i] for i in members]
            means.append(sum(vs) / len(vs))
        edges = [edges[i] for i in order]
        shifts: list[float] | None = [means[ids[i]] - values[i] for i in order]
        values = [values[i] + d for i, d in zip(order, shifts, strict=True)]
    else:
        shifts = None
    # pdfplumber sorts by line, then each line's edges by start; both sorts are stable,
    # as is ordering on the index k
    ordered = sorted(zip(values, [e[lo] for e in edges], range(n), [e[hi] for e in edges],
                         strict=True))
    out: list[Edge] = []
    at, _, first, end = ordered[0]
    length: float | None = None  # a vertical edge's height, as extended join by join
    grown = False
    for v, s, k, e_hi in ordered[1:]:
        if v == at and s <= end + join:
            if e_hi > end:
                if not horizontal:
                    base = edges[first]["height"] if length is None else length
                    length = base + (e_hi - end)
                end, grown = e_hi, True
            continue
        out.append(_result(edges[first], None if shifts is None else shifts[first], line,
                           horizontal, end if grown else None, length))
        at, first, end, length, grown = v, k, e_hi, None, False
    out.append(_result(edges[first], None if shifts is None else shifts[first], line,
                       horizontal, end if grown else None, length))
    return out


def _result(e: Edge, d: float | None, line: str, horizontal: bool, end: float | None,
            length: float | None) -> Edge:
    """A joined edge: its first piece, snapped (when `d` is given) and extended to `end`."""
    if d is not None:
        e = _moved(e, line, d)
    if end is None:
        return e
    # pdfplumber's `resize_object` of the far end (x1 or bottom), the only one joins move
    if horizontal:
        return {**e, "x1": end, "width": end - e["x0"]}
    return {**e, "bottom": end, "height": length}


def merge_edges(edges: list[Edge], snap: float, join: float) -> list[Edge]:
    """Snap rules within `snap` points onto one line, then join collinear pieces."""
    hs = [e for e in edges if e["orientation"] == "h"]
    # snapping takes the "v" edges; without it pdfplumber joins all others as vertical
    vs = [e for e in edges if (e["orientation"] == "v" if snap > 0 else e["orientation"] != "h")]
    # pdfplumber sorts by (orientation, line): all horizontal lines first
    return _merge_lines(hs, True, snap, join) + _merge_lines(vs, False, snap, join)


def long_enough(edges: list[Edge], min_length: float) -> list[Edge]:
    """pdfplumber's `filter_edges(edges, min_length=…)`."""
    return [e for e in edges
            if e["height" if e["orientation"] == "v" else "width"] >= min_length]


def intersections(edges: list[Edge], x_tol: float, y_tol: float) -> Points:
    """Points where a vertical and a horizontal rule meet (pdfplumber's
    `edges_to_intersections`: its points, its comparisons, its insertion order), each with
    how far its rules reach (see `Points`).

    The points a rule crosses on its line are one run of that line's points (its crossing
    test is an interval in the other coordinate), so two points on a line share a rule,
    pdfplumber's `edge_connects`, exactly when the first one's reach gets to the second:
    `cells` needs no sets of edges.
    """
    vs = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    hs = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    tops = [h["top"] for h in hs]
    # pdfplumber's `v.top <= h.top + tol` and `v.bottom >= h.top - tol` are monotone in
    # h.top: the horizontals a vertical may cross are one slice of `hs`, found by bisect
    top_plus = [t + y_tol for t in tops]
    top_minus = [t - y_tol for t in tops]
    lefts = [h["x0"] - x_tol for h in hs]
    rights = [h["x1"] + x_tol for h in hs]
    points: Points = {}
    for v in vs:
        x = v["x0"]
        crossed = [k for k in range(bisect_left(top_plus, v["top"]),
                                    bisect_right(top_minus, v["bottom"]))
                   if lefts[k] <= x <= rights[k]]
        if not crossed:
            continue
        low = tops[crossed[-1]]  # the last crossing is the lowest: `hs` is sorted by top
        for k in crossed:
            pt = (x, tops[k])
            at = points.get(pt)
            if at is None:
                points[pt] = (low, rights[k])
            else:  # more than one rule through the point: the farthest reach counts
                points[pt] = (max(at[0], low), max(at[1], rights[k]))
    return points


def cells(points: Points) -> list[BBox]:
    """The smallest rectangle whose four sides are rules, from each point as its top-left
    corner (pdfplumber's `intersections_to_cells`: the same search in the same order, each
    loop stopping at its first point no longer linked, as none after it is)."""
    column_of: dict[float, list[tuple[Point, tuple[float, float]]]] = {}
    row_of: dict[float, list[tuple[Point, tuple[float, float]]]] = {}
    row_next: list[int] = []  # index in its row of the point after each one
    for item in sorted(points.items()):  # by (x, y): each list is in pdfplumber's order
        x, y = item[0]
        column = column_of.get(x)
        if column is None:
            column_of[x] = [item]
        else:
            column.append(item)
        row = row_of.get(y)
        if row is None:
            row_of[y] = row = [item]
        else:
            row.append(item)
        row_next.append(len(row))
    out: list[BBox] = []
    n = -1
    for column in column_of.values():
        n_col = len(column)
        for i, (pt, (down, right)) in enumerate(column, 1):
            n += 1
            row = row_of[pt[1]]
            j = row_next[n]
            n_row = len(row)
            # nothing below, or nothing linked to the right: no cell from here
            if i == n_col or j == n_row or row[j][0][0] > right:
                continue
            found = False
            for m in range(i, n_col):
                b, (_, reach) = column[m]
                by = b[1]
                if by > down:  # not linked to `pt`
                    break
                # the corner must be linked to `pt` along the top row and to `b` along
                # the bottom one: right of either reach it is not
                if right < reach:
                    reach = right
                for k in range(j, n_row):
                    r, (r_down, _) = row[k]
                    rx = r[0]
                    if rx > reach:
                        break
                    # and be a point, linked to `r` up its column
                    if r_down >= by and (rx, by) in points:
                        out.append((pt[0], pt[1], rx, by))
                        found = True
                        break
                if found:
                    break
    return out


def tables(found: list[BBox]) -> list[list[BBox]]:
    """Cells grouped into tables by shared corners (pdfplumber's `cells_to_tables`):
    tables of more than one cell, top to bottom then left to right.

    pdfplumber starts a table with the first cell left, then sweeps the others in order,
    again and again, taking each that touches the table so far. Here each corner's cells
    are indexed once: a cell touching a new corner is taken later in the same sweep when
    it comes after the cell that brought the corner (a heap of indices keeps the sweep's
    order), in the next sweep otherwise; so each table's cells come in pdfplumber's order.
    """
    at_corner: dict[Point, list[int]] = {}
    add = at_corner.setdefault
    corners: list[tuple[Point, Point, Point, Point]] = []
    for i, (x0, y0, x1, y1) in enumerate(found):
        a, b, c, d = four = ((x0, y0), (x0, y1), (x1, y0), (x1, y1))
        corners.append(four)
        add(a, []).append(i)
        add(b, []).append(i)
        add(c, []).append(i)
        add(d, []).append(i)
    taken = [False] * len(found)
    take = at_corner.pop
    groups: list[list[BBox]] = []
    for first in range(len(found)):
        if taken[first]:
            continue
        taken[first] = True
        group: list[BBox] = []
        sweep = [first]
        while sweep:
            later: list[int] = []
            while sweep:
                i = heappop(sweep)
                group.append(found[i])
                for p in corners[i]:
                    # a corner's cells all join now: the corner is never needed again
                    for j in take(p, ()):
                        if not taken[j]:
                            taken[j] = True
                            if j > i:
                                heappush(sweep, j)
                            else:
                                later.append(j)
            heapify(later)
            sweep = later
        if len(group) > 1:  # filtering before the (stable) sort keeps pdfplumber's order
            groups.append(group)
    # pdfplumber's key, min((c[1], c[0]) for c in t), with the min taken in C
    groups.sort(key=lambda t: _TOP_LEFT(min(t, key=_TOP_LEFT)))
    return groups
