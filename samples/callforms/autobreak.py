"""Breaks with ``row: auto`` (LibreOffice bundles): the row is the one the page break
falls on when LibreOffice lays the table out, found by rendering without it first, so
the break lands where the page really ends instead of where a guess put it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from samples.callforms.office import Unreachable, squeeze
from samples.callforms.proposal import Proposal
from samples.callforms.style import CallTable, Style

Lines = list[tuple[int, str, float, float]]
TRIES = 3  # rows tried, from the last one starting on the page upward


def row_texts(t: CallTable) -> list[tuple[int, str]]:
    """(row, its longest cell's text) of every body row, in order."""
    out = []
    for r in range(t.header_count, t.n_rows):
        cells = [c.text for c in t.cells if c.row == r and c.text]
        if cells:
            out.append((r, max(cells, key=len)))
    return out


def row_pages(found: Lines, anchor: str, rows: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """(row, page of its first line): matched in order after the anchor's line."""
    k = next((i for i, ln in enumerate(found) if squeeze(anchor)[:12] in ln[1]), None)
    if k is None:
        return []
    out = []
    for r, text in rows:
        want = squeeze(text.split("\n", 1)[0])
        while k < len(found):
            page, line = found[k][0], found[k][1]
            k += 1
            if line.startswith(want[:10]) or (want.startswith(line) and len(line) >= 4):
                out.append((r, page))
                break
    return out


def resolve(style: Style, make: Callable[[Style], Proposal],
            render: Callable[[Proposal], Lines]) -> Style:  # fmt: skip
    """The style with each 'auto' row replaced by the row its page break falls on."""
    known = [b for b in style.breaks if b.row != "auto"]
    for brk in (b for b in style.breaks if b.row == "auto"):
        probe = make(replace(style, breaks=tuple(known)))
        key = "summary" if brk.where == "summary" else f"{brk.where}:{brk.table}"
        pages = row_pages(render(probe), probe.anchors[key], row_texts(probe.tables[key]))
        if not pages:
            raise RuntimeError(f"{brk.where}: its rows were not found in the rendering")
        first = pages[0][1]
        candidates = [r for r, p in pages if p == first][::-1][:TRIES]
        for r in candidates:
            trial = replace(brk, row=f"#{r}")
            try:
                render(make(replace(style, breaks=(*known, trial))))
            except Unreachable:
                continue
            known.append(trial)
            break
        else:
            raise RuntimeError(f"{brk.where}: no row near the page end can be broken")
    return replace(style, breaks=tuple(known))


