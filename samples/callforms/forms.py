"""One 자료구축양식 as the call prints it: template headers, the filled body, label rows
filled in the bundle's way, the total row only where the form has one."""

from __future__ import annotations

import re

from samples.callforms.fill import UP, FormFill, TableFill
from samples.callforms.fill_c import LEFT
from samples.callforms.style import CallTable, LabelFill, Style
from samples.generator.doc import Block, C, Cell, H, L, Para, Spacer, TableBuilder
from samples.generator.model import Built
from smartcert.schemas.catalogue.forms import FormTemplate, LabelRow
from smartcert.schemas.catalogue.forms import Table as TemplateTable

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
WIDTH = {"no": 30, "category": 64, "name": 120, "text": 112, "date": 54, "period": 62,
         "count": 60, "amount": 66, "ratio": 58, "value": 64, "year": 50, "flag": 48,
         "label": 92, "unit": 40, "other": 60}  # fmt: skip
LETTERS = re.compile(r"\([A-D]")


def printed(text: str) -> str:
    """A template cell as a typist prints it (the seed keeps one formula in LaTeX)."""
    return text.replace("$", "").replace(r"\times", "×").replace("  ", " ").strip()


def has_letters(text: str) -> bool:
    return bool(LETTERS.search(text))


def spans(rows: list[list[str]]) -> list[list[Cell]]:
    """Rows of text with UP/LEFT markers → the anchored cells of each row, spans grown."""
    anchor: dict[tuple[int, int], Cell] = {}
    out: list[list[Cell]] = []
    for i, row in enumerate(rows):
        placed: list[Cell] = []
        for j, text in enumerate(row):
            if text == UP:
                cell = anchor[(i - 1, j)]
                if cell.col == j:
                    cell.rowspan += 1
            elif text == LEFT:
                cell = anchor[(i, j - 1)]
                if cell.row == i:
                    cell.colspan += 1
            else:
                cell = Cell(text=text, row=i, col=j)
                placed.append(cell)
            anchor[(i, j)] = cell
        out.append(placed)
    return out


def label_rows(label: LabelRow, figures: list[str | None], mode: LabelFill) -> list[list[str]]:
    """The label row with its figures: instead of the letters, beside them, or in a row of
    their own above it (then the other cells are merged over both rows)."""
    cells = [printed(t) for t in label.cells]
    if mode == "above":
        top = [(f or "") if has_letters(t) else (t if f is None else f)
               for t, f in zip(cells, figures, strict=True)]  # fmt: skip
        return [top, [t if has_letters(t) else UP for t in cells]]
    row = []
    for t, f in zip(cells, figures, strict=True):
        if f is None:
            row.append(t)
        elif mode == "beside" and has_letters(t) and f:
            row.append(f"{f} {t}")
        else:
            row.append(f)
    return [row]


def total_row(cells: tuple[str, ...], figures: list[str | None]) -> list[str]:
    """A 총계 row: the label spans the empty cells up to the first figure, the last figure
    the empty cells after it (as the call prints '총계' over No. … 민간기업)."""
    row = [printed(t) if f is None else f for t, f in zip(cells, figures, strict=True)]
    out, in_label = list(row), True
    for k in range(1, len(row)):
        if row[k]:
            in_label = False
            continue
        later = any(row[k + 1 :])
        if in_label or not later:
            out[k] = LEFT
    return out


def data_table(t: TemplateTable, fill: TableFill, style: Style, repeat: bool) -> CallTable:
    heads = len(t.header_rows)
    widths = [float(WIDTH[c.role]) for c in t.columns]
    tb = TableBuilder(widths)
    for hr in t.header_rows:
        tb.row(*[H(fill.headers.get(c.text, c.text), c.rowspan, c.colspan, spaced=False)
                 for c in hr])  # fmt: skip
    rows = [list(r) for r in fill.rows]
    for label, figures in zip(t.label_rows, fill.labels, strict=True):
        rows += label_rows(label, figures, style.labels)
    is_label_total = bool(t.total_row and t.label_rows and t.label_rows[-1].cells == t.total_row.cells)
    if t.total_row and not is_label_total:
        assert fill.total is not None, "a form with a 총계 row needs its figures"
        rows.append(total_row(t.total_row.cells, fill.total))
    for cells in spans(rows):
        for c in cells:
            role = t.columns[c.col].role
            c.align = "left" if role in ("name", "text", "label") and len(c.text) > 6 else "center"
            c.row = c.col = 0
        tb.row(*cells)
    built = tb.build()
    return CallTable(widths=built.widths, cells=built.cells, header_rows=heads if repeat else 0,
                     size=8.5, min_row_h=17.0, repeat=repeat, header_count=heads)


def block_table(code: str, b: Built) -> CallTable:
    """The 지표 / 분석자료 / 자료출처 grid above the data tables."""
    tb = TableBuilder([70, 260, 130], size=9)
    tb.row(H("지표"), L(b.form_title), C(b.form_text, key=f"formtext:{code}", bold=True))
    tb.row(H("분석자료"), L(b.analysis, colspan=2))
    tb.row(H("자료출처"), L(b.source, colspan=2))
    built = tb.build()
    return CallTable(widths=built.widths, cells=built.cells, size=9, key=f"form:{code}")


def form_blocks(tmpl: FormTemplate, number: int, b: Built, fill: FormFill,
                style: Style) -> tuple[list[Block], list[CallTable]]:
    """Heading, the 지표 grid, then each printed data table with its heading and unit
    line; the notes under them. Returns the blocks and the data tables (for breaks)."""
    out: list[Block] = [
        Para(f"{CIRCLED[number]} {tmpl.title}", size=11, bold=True, before=8,
             keep_with_next=True, key=f"formhead:{tmpl.code}"),
        Para("○ 평가대상 및 자료", size=10, keep_with_next=True),
        block_table(tmpl.code, b),
        Para("○ 자료구축양식", size=10, before=6, keep_with_next=True),
    ]
    tables: list[CallTable] = []
    for t, f in zip(tmpl.tables, fill.tables, strict=True):
        if f is None:
            continue
        if heading := f.heading or t.heading:
            out.append(Para(heading, size=9.5, bold=True, keep_with_next=True))
        if t.unit_line:
            out.append(Para(t.unit_line, size=8.5, align="right", after=1, keep_with_next=True))
        table = data_table(t, f, style, style.form_repeat)
        tables.append(table)
        out += [table, Spacer(6)]
    out += [Para(n, size=8, before=2) for n in tmpl.notes]
    return out, tables
