"""Cell-level scores of predicted tables against truth tables (pure functions).

Texts are compared after NFC normalisation with ALL whitespace removed (`norm`), so
a Hancom export's missing or extra spaces never decide a score; empty cells are not
scored as cells (there is no text to get right), but they do count for exactness.

Two measures:

* `bag_score` — the crude one: the multiset of non-empty cell texts of every predicted
  table of a document against that of its truth tables. Blind to position and to which
  table a text came from.
* `structure_score` — each predicted table is aligned to the truth table (counted or
  ignored) sharing the most cell texts with it (ties: same page, then earlier table);
  several predicted tables may align to one truth table, so a table split over two
  pages is matched piece by piece. Within an aligned pair one (row, col) offset is
  chosen by vote over equal-text cell pairs (a piece starting mid-table, a missing
  header row or an extra left column); a predicted non-empty cell is correct when the
  truth cell anchored at its offset position has the same text and the same spans and
  was not already claimed. Cells of a predicted table aligned to an *ignored* truth
  table (a box, a diagram) are left out of both counts; cells of a predicted table
  sharing no text with any truth table are false positives.
* exact share — a truth table is reproduced exactly when exactly one predicted table
  aligns to it and has the same shape and the same cells (anchor, spans, text; empty
  cells included).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.hancom.grid import Grid, GridCell, compact

_SPACE = re.compile(r"[\s\u200b\u200c\u200d\ufeff]+")


def norm(text: str | None) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFC", text or ""))


@dataclass
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_truth: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_truth if self.n_truth else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.n_pred + other.n_pred, self.n_truth + other.n_truth)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "n_pred": self.n_pred,
            "n_truth": self.n_truth,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def texts(grid: Grid) -> Counter[str]:
    return Counter(t for t in (norm(c.text) for c in grid.cells) if t)


def bag_score(pred: Sequence[Grid], truth: Sequence[Grid]) -> PRF:
    p: Counter[str] = sum((texts(g) for g in pred), Counter())
    t: Counter[str] = sum((texts(g) for g in truth), Counter())
    return PRF(sum((p & t).values()), sum(p.values()), sum(t.values()))


def align(pred: Sequence[Grid], truth: Sequence[Grid]) -> list[int | None]:
    """For each predicted table, the truth table it is matched to (None: shares no text).

    First one to one, best pairs first (most shared texts, then same page, then document
    order), so two look-alike tables on a page go to two truth tables; then each
    predicted table left over joins the truth table it shares most with (the other
    pieces of a split table).
    """
    truth_texts = [texts(t) for t in truth]
    keys: dict[tuple[int, int], tuple[int, bool, int, int]] = {}
    for p, g in enumerate(pred):
        mine = texts(g)
        for i, theirs in enumerate(truth_texts):
            overlap = sum((mine & theirs).values())
            if overlap:
                keys[(p, i)] = (overlap, g.page is not None and g.page == truth[i].page, -i, -p)
    out: list[int | None] = [None] * len(pred)
    taken: set[int] = set()
    for p, i in sorted(keys, key=keys.__getitem__, reverse=True):
        if out[p] is None and i not in taken:
            out[p] = i
            taken.add(i)
    for p in range(len(pred)):
        if out[p] is None:
            options = [i for (q, i) in keys if q == p]
            out[p] = max(options, key=lambda i: keys[(p, i)]) if options else None
    return out


def best_offset(pred: Grid, truth: Grid) -> tuple[int, int]:
    """The (row, col) shift from predicted to truth anchors most equal-text pairs agree on."""
    where: dict[str, list[GridCell]] = {}
    for c in truth.cells:
        if norm(c.text):
            where.setdefault(norm(c.text), []).append(c)
    votes: Counter[tuple[int, int]] = Counter()
    for p in pred.cells:
        for t in where.get(norm(p.text), []):
            votes[(t.row - p.row, t.col - p.col)] += 1
    if not votes:
        return (0, 0)
    return min(votes, key=lambda d: (-votes[d], abs(d[0]) + abs(d[1]), d))


def _signature(g: Grid) -> tuple[int, int, frozenset[tuple[int, int, int, int, str]]]:
    cells = frozenset((c.row, c.col, c.rowspan, c.colspan, norm(c.text)) for c in g.cells)
    return (g.n_rows, g.n_cols, cells)


@dataclass
class StructureScore:
    cells: PRF = field(default_factory=PRF)
    exact: int = 0
    n_tables: int = 0  # counted truth tables
    per_table: list[dict[str, object]] = field(default_factory=list)

    @property
    def exact_share(self) -> float:
        return self.exact / self.n_tables if self.n_tables else 0.0

    def __add__(self, other: StructureScore) -> StructureScore:
        return StructureScore(
            self.cells + other.cells,
            self.exact + other.exact,
            self.n_tables + other.n_tables,
            self.per_table + other.per_table,
        )


def structure_score(
    pred: Sequence[Grid], truth: Sequence[Grid], ignored: Sequence[Grid] = ()
) -> StructureScore:
    pred = [compact(g) for g in pred]
    truth = [compact(t) for t in truth]
    everything = truth + [compact(g) for g in ignored]
    assigned = align(pred, everything)
    claimed: list[set[tuple[int, int]]] = [set() for _ in truth]
    pieces: list[list[Grid]] = [[] for _ in truth]
    tp = n_pred = 0
    for g, k in zip(pred, assigned, strict=True):
        if k is not None and k >= len(truth):
            continue  # aligned to a table that does not count
        scored = [c for c in g.cells if norm(c.text)]
        n_pred += len(scored)
        if k is None:
            continue
        pieces[k].append(g)
        t = truth[k]
        dr, dc = best_offset(g, t)
        anchors = {(c.row, c.col): c for c in t.cells}
        for c in scored:
            pos = (c.row + dr, c.col + dc)
            hit = anchors.get(pos)
            if (
                hit is not None
                and pos not in claimed[k]
                and norm(hit.text) == norm(c.text)
                and (hit.rowspan, hit.colspan) == (c.rowspan, c.colspan)
            ):
                claimed[k].add(pos)
                tp += 1
    n_truth = sum(sum(texts(t).values()) for t in truth)
    score = StructureScore(PRF(tp, n_pred, n_truth), n_tables=len(truth))
    for k, t in enumerate(truth):
        exact = len(pieces[k]) == 1 and _signature(pieces[k][0]) == _signature(t)
        score.exact += exact
        score.per_table.append(
            {
                "table": t.label,
                "page": t.page,
                "shape": f"{t.n_rows}x{t.n_cols}",
                "pieces": len(pieces[k]),
                "cells_found": len(claimed[k]),
                "cells": sum(texts(t).values()),
                "exact": exact,
            }
        )
    return score
