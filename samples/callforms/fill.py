"""What a filler returns for one form, and how it reads the generator's printed tables.

Fillers read the figures from the tables the sample generator built for the indicator
(`Built.tables`), so a defect planted there by `samples.planted.edits` (a replaced
string, a duplicated row) reaches the call-style form too. Items and components fill in
what those tables do not print.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from samples.generator.doc import Table
from samples.generator.model import Built, Profile, Spec

UP = "\x00up"  # a body cell merged with the cell above it (rowspan grows)
TOTAL_LABELS = ("총계", "합계")


@dataclass
class TableFill:
    """The filled body of one template table.

    ``rows``: full-width body rows (one string per leaf column, ``UP`` = merged above).
    ``labels``: one list per template label row, a figure per cell or None (keep the
    template's text). ``total``: the same for a total row that is not a label row.
    """

    rows: list[list[str]] = field(default_factory=list)
    labels: list[list[str | None]] = field(default_factory=list)
    total: list[str | None] | None = None
    headers: dict[str, str] = field(default_factory=dict)  # template header -> as typed
    heading: str | None = None  # replaces the template's heading line


@dataclass
class FormFill:
    tables: list[TableFill | None]  # aligned with the template's tables; None: not printed


@dataclass
class Source:
    """One indicator's data: the city, its catalogue row and what the generator built."""

    city: Profile
    spec: Spec
    built: Built

    def grid(self, index: int = 0) -> list[list[str]]:
        return grid(self.built.tables[index])

    def records(self, index: int = 0) -> list[dict[str, str]]:
        """Body rows of a generator table by header, total rows left out."""
        g = self.grid(index)
        head = g[0]
        return [dict(zip(head, r, strict=True)) for r in g[1:] if not r[0].endswith(TOTAL_LABELS)]

    def total_row(self, index: int = 0) -> list[str] | None:
        g = self.grid(index)
        return next((r for r in g[1:] if r[0].endswith(TOTAL_LABELS)), None)

    def component(self, key: str) -> object:
        return self.built.components[key]


def grid(t: Table) -> list[list[str]]:
    """The table as rows × columns of text, merged cells repeated over what they cover."""
    out = [[""] * t.n_cols for _ in range(t.n_rows)]
    for c in t.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                out[r][k] = c.text
    return out


def merge_runs(rows: list[list[str]], col: int) -> list[list[str]]:
    """Consecutive equal cells of one column become one merged cell (category columns)."""
    prev = None
    for r in rows:
        cur = r[col]
        if cur == prev and cur not in ("", UP):
            r[col] = UP
        else:
            prev = cur
    return rows


def number_rows(rows: list[list[str]], col: int) -> list[list[str]]:
    """A running No. 1…n in one column (a pasted duplicate gets its own number)."""
    n = 0
    for r in rows:
        if r[col] != UP:
            n += 1
            r[col] = str(n)
    return rows
