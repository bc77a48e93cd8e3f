"""The 정량지표 요약표 as other municipalities lay it out (variant profiles only).

The profile's ``variant.summary`` says which columns, in which order, under which header
rows; whether groups are merged 분류 columns or title rows; and where the table is cut
into two separate tables (the second with no header or a reworded one).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samples.generator.doc import Block, C, Cell, H, L, PageBreak, Para, Table, TableBuilder
from samples.generator.fmt import num
from samples.generator.model import Built, Spec
from samples.generator.proposal import GROUPS, SUB_LABEL, row_label
from samples.generator.variants import Printed

WIDTHS = {
    "group": 54.0,
    "sub": 54.0,
    "code": 40.0,
    "name": 160.0,
    "code_name": 190.0,
    "text": 112.0,
    "pages": 60.0,
    "no": 26.0,
    "points": 30.0,
}
LETTER = {group: letter for letter, group in GROUPS}


def text_cell(s: Spec, b: Built, style: str | None) -> Cell:
    """The 작성 지표 요약 cell; workbook styles write a number whose format shows the text."""
    key = f"sumtext:{s.code}"
    if style is None:
        return C(b.text, key=key)
    number: float | int
    if style == "xlsx_percent":
        shown, number, fmt = (
            f"{Decimal(str(b.value)):.2f}%",
            float(Decimal(str(b.value)) / 100),
            "0.00%",
        )
    else:  # xlsx_count / xlsx_money: '#,##0"건"' shows 12 as '12건'
        shown, number, fmt = f"{num(b.value)}{b.unit}", int(b.value), f'#,##0"{b.unit}"'
    if shown != b.text:
        raise ValueError(f"{s.code}: {style} would show {shown!r}, the form says {b.text!r}")
    return Cell(text=b.text, key=key, number=number, fmt=fmt)


def pages_cell(code: str, printed: Printed, numeric: bool) -> Cell:
    p = printed.pages[code]
    if numeric and p.isdigit():  # a single page typed into a spreadsheet is a number
        return Cell(text=p, number=int(p), fmt="0")
    return C(p)


def header_rows(tb: TableBuilder, rows: list[list[list[Any]]]) -> None:
    for row in rows:
        tb.row(
            *[
                H(str(h[0]), colspan=h[1], rowspan=h[2], spaced=h[3] if len(h) > 3 else True)
                for h in row
            ]
        )


def one_table(
    spec: dict[str, Any],
    part: list[Spec],
    built: dict[str, Built],
    printed: Printed,
    header: list[list[list[Any]]] | None,
    key: str,
    first_no: int,
) -> Table:
    cols: list[str] = spec["columns"]
    widths = spec.get("widths") or [WIDTHS[c] for c in cols]
    tb = TableBuilder(
        widths,
        header_rows=len(header or []),
        split_cols=frozenset(i for i, c in enumerate(cols) if c in ("group", "sub")),
        size=spec.get("size", 8.5),
        min_row_h=spec.get("min_row_h", 18.0),
        key=key,
    )
    header_rows(tb, header or [])
    numeric = bool(spec.get("numeric_pages"))
    for i, s in enumerate(part):
        prev = part[i - 1] if i else None
        if spec.get("group_rows") and (prev is None or prev.group != s.group):
            tb.row(
                Cell(
                    text=f"{LETTER[s.group]}. {s.group}",
                    colspan=len(cols),
                    align="left",
                    bold=True,
                )
            )
        cells: list[Cell] = []
        for col in cols:
            if col == "group":
                if prev is None or prev.group != s.group:
                    n = sum(1 for t in part if t.group == s.group)
                    cells.append(C(f"{LETTER[s.group]}. {s.group}", rowspan=n))
            elif col == "sub":
                if prev is None or prev.group != s.group or row_label(prev) != row_label(s):
                    n = sum(1 for t in part if t.group == s.group and row_label(t) == row_label(s))
                    cells.append(C(SUB_LABEL.get(row_label(s), row_label(s)), rowspan=n))
            elif col == "code":
                cells.append(C(printed.code[s.code]))
            elif col == "name":
                cells.append(L(printed.name[s.code]))
            elif col == "code_name":
                sep = spec.get("code_name_sep", " ")
                code = printed.code[s.code]
                cells.append(
                    L(f"{code}{sep}{printed.name[s.code]}" if code else printed.name[s.code])
                )
            elif col == "text":
                cells.append(text_cell(s, built[s.code], printed.cell_style.get(s.code)))
            elif col == "pages":
                cells.append(pages_cell(s.code, printed, numeric))
            elif col == "no":
                cells.append(C(str(first_no + i), number=first_no + i))
            elif col == "points":
                cells.append(C(str(s.points), number=s.points))
            else:
                raise ValueError(f"unknown summary column {col!r}")
        tb.row(*cells, key=f"sum:{s.code}")
    return tb.build()


def summary_tables(
    spec: dict[str, Any],
    specs: list[Spec],
    built: dict[str, Built],
    printed: Printed,
    paged: bool = True,
) -> list[Block]:
    """One table, or two separate ones cut before ``split_before`` (a page break between
    them when ``paged``, as when the author started the second on a fresh page)."""
    cut = next((i for i, s in enumerate(specs) if s.code == spec.get("split_before")), len(specs))
    out: list[Block] = [one_table(spec, specs[:cut], built, printed, spec["header"], "summary", 1)]
    if cut < len(specs):
        if paged:
            out.append(PageBreak())
        if spec.get("continuation_note"):
            out.append(Para(spec["continuation_note"], size=10, bold=True, after=4))
        out.append(
            one_table(
                spec,
                specs[cut:],
                built,
                printed,
                spec.get("continuation_header"),
                "summary2",
                cut + 1,
            )
        )
    return out
