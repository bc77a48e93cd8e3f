"""Format-neutral document model: paragraphs, ruled tables, figures, page breaks.

The same blocks are laid out to PDF (`pdf_layout`) or written to a worksheet
(`xlsx_render`), so a form looks alike in both and truth locations come from one place.
A ``key`` on a block or cell asks the renderer to record where it landed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass
class Cell:
    text: str = ""
    row: int = 0
    col: int = 0
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    align: str = "center"  # left | center | right
    spaced: bool = False  # letter-spaced label ('지 표 명'), drawn one syllable at a time
    bold: bool = False
    key: str | None = None
    number: float | int | None = None  # xlsx writes this as a numeric cell
    fmt: str | None = None  # xlsx number format for ``number`` (default: from the text)


@dataclass
class Table:
    widths: list[float]
    cells: list[Cell]
    header_rows: int = 0  # repeated at the top of every page the table continues on
    split_cols: frozenset[int] = frozenset()  # merged cells in these columns may break
    size: float = 9.0
    min_row_h: float = 18.0
    key: str | None = None
    row_keys: dict[int, str] = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        return len(self.widths)


@dataclass
class Para:
    text: str
    size: float = 10.0
    bold: bool = False
    align: str = "left"
    indent: float = 0.0
    before: float = 2.0
    after: float = 4.0
    shadow: bool = False
    spaced: bool = False
    font: str | None = None  # None: the document's family
    key: str | None = None
    keep_with_next: bool = False
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass
class Spacer:
    height: float


@dataclass
class PageBreak:
    pass


@dataclass
class Figure:
    """Free drawing (certificates, org charts, captures); PDF only."""

    height: float
    draw: Callable[[Any, float], None]  # (painter, width) -> None; painter y grows downward
    key: str | None = None


Block = Para | Table | Spacer | PageBreak | Figure


class TableBuilder:
    """Places cells like an HTML table: each row fills the next free grid positions."""

    def __init__(self, widths: list[float], **table_kw: Any) -> None:
        self.widths = widths
        self.cells: list[Cell] = []
        self.taken: set[tuple[int, int]] = set()
        self.r = 0
        self.kw = table_kw
        self.row_keys: dict[int, str] = {}

    def row(self, *cells: Cell | str, key: str | None = None) -> int:
        """Add one row; plain strings become centred body cells. Returns its index."""
        c_idx = 0
        for spec in cells:
            # copied: the same row lists are often placed in both a form and its evidence
            cell = replace(spec) if isinstance(spec, Cell) else Cell(text=spec)
            while (self.r, c_idx) in self.taken:
                c_idx += 1
            if c_idx + cell.colspan > len(self.widths):
                raise ValueError(f"row {self.r} overflows {len(self.widths)} columns")
            cell.row, cell.col = self.r, c_idx
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    self.taken.add((self.r + dr, c_idx + dc))
            self.cells.append(cell)
            c_idx += cell.colspan
        if key:
            self.row_keys[self.r] = key
        self.r += 1
        return self.r - 1

    def build(self) -> Table:
        return Table(widths=self.widths, cells=self.cells, row_keys=self.row_keys, **self.kw)


def H(text: str, rowspan: int = 1, colspan: int = 1, spaced: bool = True) -> Cell:
    """A shaded header cell, letter-spaced by default (the Hancom look)."""
    return Cell(text=text, rowspan=rowspan, colspan=colspan, header=True, spaced=spaced)


def C(
    text: object = "",
    rowspan: int = 1,
    colspan: int = 1,
    align: str = "center",
    key: str | None = None,
    number: float | int | None = None,
    bold: bool = False,
) -> Cell:
    """A body cell."""
    return Cell(
        text=str(text),
        rowspan=rowspan,
        colspan=colspan,
        align=align,
        key=key,
        number=number,
        bold=bold,
    )


def L(text: object = "", rowspan: int = 1, colspan: int = 1, key: str | None = None) -> Cell:
    """A left-aligned body cell (long text)."""
    return Cell(text=str(text), rowspan=rowspan, colspan=colspan, align="left", key=key)


def letter_spaced(text: str) -> str:
    """'제공 건수(건)' -> '제 공 건 수(건)': a label letter-spaced by typing, as in Word and
    Excel — a space between Hangul syllables only ('No.' stays 'No.')."""

    def hangul(ch: str) -> bool:
        return "\uac00" <= ch <= "\ud7a3"

    lines = []
    for line in text.split("\n"):
        chars = [ch for ch in line if ch != " "]
        lines.append(
            "".join(
                ch + (" " if hangul(ch) and i + 1 < len(chars) and hangul(chars[i + 1]) else "")
                for i, ch in enumerate(chars)
            )
        )
    return "\n".join(lines)
