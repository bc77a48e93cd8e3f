"""A form's data table aligned to the table the call prints (`RuleSet.forms`, forms.yaml):
which printed column each extracted column is, and the letters the call prints for a row's
figures — so '(A)'/'(B)' name the figures even where a municipality typed its figures over
the letters and left none."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from smartcert.core.values import MentionKind, find_dates
from smartcert.schemas.catalogue.forms import Table as TemplateTable
from smartcert.schemas.mapping.settings import MAPPING
from smartcert.schemas.mapping.stream import Block
from smartcert.schemas.mapping.tables import column_label, is_total_label, label_score

_LETTER = re.compile(r"^\(\s*([A-Z])\s*\)$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
MIN_SHARE = 0.75  # of the printed columns an extracted table must show to be that table


@dataclass(frozen=True)
class Aligned:
    table: TemplateTable
    columns: dict[int, int]  # extracted column → the printed leaf column


def align(block: Block, heads: range, templates: Sequence[TemplateTable]) -> Aligned | None:
    """The printed table `block` is, when its headers show most of that table's columns."""
    best: tuple[float, Aligned] | None = None
    for template in templates:
        leaves = [c.header for c in template.columns]
        columns: dict[int, int] = {}
        for k in range(block.view.n_cols):
            label = column_label(block.view, heads, k)
            free = [(label_score(label, [h]), i) for i, h in enumerate(leaves)
                    if i not in columns.values()] if label else []
            score, i = max(free, default=(0.0, -1))
            if score >= MAPPING.header:
                columns[k] = i
        share = len(columns) / len(leaves)
        if share >= MIN_SHARE and (best is None or share > best[0]):
            best = (share, Aligned(template, columns))
    return best[1] if best else None


def _years(text: str) -> set[int]:
    spans = [m for m in find_dates(text, strict=False) if m.kind == MentionKind.SPAN]
    if spans:
        return {spans[0].value.start.year}  # type: ignore[union-attr]
    return {int(y) for y in _YEAR.findall(text)}


def printed_letters(aligned: Aligned, row_label: str, single_row: bool) -> dict[int, str]:
    """The letters the call prints for a row's figures, by extracted column: its label row
    for that year ('2024년 | (A) | (B) …'), its 총계 row, or the one row of a single table."""
    for lr in aligned.table.label_rows:
        first = lr.cells[0]
        if is_total_label(first):
            fits = is_total_label(row_label)
        elif _years(first):
            fits = bool(_years(first) & _years(row_label))
        else:
            fits = single_row and not is_total_label(row_label)
        if fits:
            return {k: lr.cells[i] for k, i in aligned.columns.items()
                    if _LETTER.match(lr.cells[i].strip())}
    return {}
