"""Printed structure of the 2025 call's forms (rulesets/city-2025/forms.yaml), so the mapping
aligns extracted tables to it instead of guessing by position: merged header cells, rows of
letters/formulas (never values), where the total row sits, items spanning several rows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import AfterValidator, Field, PositiveInt, model_validator

from smartcert.schemas.catalogue.base import CatalogueModel

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "rulesets" / "city-2025" / "forms.yaml"
CODE_PATTERN = r"^[ABC]-\d+-\d+$"

Role = Literal["category", "no", "name", "date", "period", "count", "amount", "ratio", "value",
               "text", "unit", "year", "flag", "label", "other"]
BodyKind = Literal["list", "breakdown", "single", "key_value", "matrix"]
Row = tuple[str, ...]
_LETTER = re.compile(r"\([A-Z]\)")


def _ordered(lines: tuple[int, int]) -> tuple[int, int]:
    if lines[1] < lines[0]:
        raise ValueError(f"seed lines {lines[0]}-{lines[1]} run backwards")
    return lines


# Inclusive 1-based line range in the seed, written [first, last] in the YAML.
SeedLines = Annotated[tuple[PositiveInt, PositiveInt], AfterValidator(_ordered)]


class Printed(CatalogueModel):
    text: str
    line: PositiveInt


class Discrepancy(CatalogueModel):
    what: str
    reading_chosen: str


class Cell(CatalogueModel):
    text: str
    rowspan: PositiveInt = 1
    colspan: PositiveInt = 1


class Column(CatalogueModel):
    header: str  # text of the lowest header cell above this leaf column
    role: Role
    merged_over_rows: bool = False
    note: str | None = None


class LabelRow(CatalogueModel):  # a row printing (A), (B/A)*100 … instead of figures: never a value
    cells: Row
    letters: dict[str, str]  # letter -> header of the column it stands for
    formula: str | None

    @model_validator(mode="after")
    def _letters_printed(self) -> LabelRow:
        if missing := set(self.letters) - set(_LETTER.findall(" ".join(self.cells))):
            raise ValueError(f"letters {sorted(missing)} not printed in {self.cells}")
        return self


class TotalRow(CatalogueModel):
    label: str
    position: Literal["first", "last"]
    cells: Row


class Body(CatalogueModel):
    kind: BodyKind
    multi_row_items: bool
    example_rows: int = Field(ge=0)
    keys: Row = ()  # row labels of key_value tables


def leaf_headers(rows: tuple[tuple[Cell, ...], ...], width: int) -> list[str]:
    """Text of the lowest header cell over each leaf column; every row must span `width`."""
    leaves = [""] * width
    busy: dict[int, int] = {}  # column -> header rows still covered by a rowspan from above
    for i, row in enumerate(rows, 1):
        if (covered := len(busy) + sum(c.colspan for c in row)) != width:
            raise ValueError(f"header row {i} spans {covered} columns, not {width}")
        nxt = {col: n - 1 for col, n in busy.items() if n > 1}
        col = 0
        for cell in row:
            while col in busy:
                col += 1
            for c in range(col, col + cell.colspan):
                leaves[c] = cell.text
                if cell.rowspan > 1:
                    nxt[c] = cell.rowspan - 1
            col += cell.colspan
        busy = nxt
    if busy:
        raise ValueError("a header rowspan runs past the last header row")
    return leaves


class Table(CatalogueModel):
    seed_lines: SeedLines
    heading: str | None = None
    unit_line: str | None = None
    header_rows: tuple[tuple[Cell, ...], ...]
    columns: tuple[Column, ...] = Field(min_length=1)
    label_rows: tuple[LabelRow, ...] = ()
    total_row: TotalRow | None = None
    total_column: str | None = None
    header_letters: dict[str, str] = Field(default_factory=dict)  # letters printed in headers
    body: Body
    example_rows: tuple[Row, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Table:
        width, headers = len(self.columns), [c.header for c in self.columns]
        if self.header_rows and leaf_headers(self.header_rows, width) != headers:
            raise ValueError(f"leaf headers {headers} differ from the header rows' cells")
        rows = [r.cells for r in self.label_rows] + list(self.example_rows)
        rows += [self.total_row.cells] if self.total_row else []
        if bad := [list(r) for r in rows if len(r) != width]:
            raise ValueError(f"rows {bad} do not have {width} cells")
        for row in self.label_rows:
            if stray := set(row.letters.values()) - set(headers):
                raise ValueError(f"letters name unknown columns {sorted(stray)}")
        if self.total_row and self.total_row.label not in self.total_row.cells:
            raise ValueError(f"total label {self.total_row.label!r} is not among its cells")
        if self.body.example_rows != len(self.example_rows):
            raise ValueError("body.example_rows differs from the example rows given")
        if self.total_column not in (None, *headers):
            raise ValueError(f"total column {self.total_column!r} is not a column")
        return self


class _Part(CatalogueModel):
    seed_lines: SeedLines
    tables: tuple[Table, ...]
    remarks: Row = ()  # reading notes of the transcription (not printed)
    discrepancies: tuple[Discrepancy, ...] = ()


class FormTemplate(_Part):
    code: str = Field(pattern=CODE_PATTERN)
    title: str
    section: str
    unit_line: str | None
    heading_lines: Row = ()
    notes: Row = ()  # the printed '*' lines under the table
    note: str | None = None  # why `tables` is empty

    @model_validator(mode="after")
    def _tables_inside(self) -> FormTemplate:
        if not self.tables and not self.note:
            raise ValueError(f"{self.code}: a form without tables needs a note")
        first, last = self.seed_lines
        if any(not first <= t.seed_lines[0] <= t.seed_lines[1] <= last for t in self.tables):
            raise ValueError(f"{self.code}: a table's seed lines leave the form's")
        return self


class Summary(_Part):
    heading: str
    repeated_header_lines: tuple[PositiveInt, ...] = ()  # the header reprinted after a page break


class ApplicationField(Printed):  # a field label of the form's grid
    section: str | None  # the row group, e.g. 인증 신청 기관


class Application(CatalogueModel):
    seed_lines: SeedLines
    form_id: Printed
    title: Printed
    page_marker: Printed
    fields: tuple[ApplicationField, ...]
    declaration: Printed
    date_line: Printed
    signature: tuple[Printed, ...]
    addressee: tuple[Printed, ...]
    documents: Printed  # the 신청인 제출서류 cell's label
    document_items: Row
    fee: Printed
    procedure: tuple[Printed, ...]
    discrepancies: tuple[Discrepancy, ...] = ()


class SubItem(Printed):  # a 소분류: the unit the self-assessment gives one stage to
    group: str  # 대분류
    subgroup: Printed  # 중분류 row of the criteria table
    criteria_rows: int = Field(ge=0)  # criteria rows printed on it; 0 = shares the merged cell


class QualitativeForm(_Part):
    instructions: tuple[Printed, ...]


class Qualitative(CatalogueModel):
    seed_lines: SeedLines
    stages: Row = Field(min_length=5, max_length=5)
    stage_lines: SeedLines
    criteria_lines: SeedLines
    group_headings: tuple[Printed, ...]  # ○ 대분류N : … (평가 배점: …)
    subitems: tuple[SubItem, ...]
    form: QualitativeForm
    remarks: Row = ()
    discrepancies: tuple[Discrepancy, ...] = ()


class WithoutForm(CatalogueModel):
    code: str = Field(pattern=CODE_PATTERN)
    summary_line: PositiveInt
    note: str


class FormTemplates(CatalogueModel):
    version: Literal[1]
    source: str
    seed_file: str
    summary: Summary
    application: Application
    qualitative: Qualitative
    forms: tuple[FormTemplate, ...]
    without_form: tuple[WithoutForm, ...] = ()

    @model_validator(mode="after")
    def _unique_codes(self) -> FormTemplates:
        codes = [f.code for f in self.forms] + [w.code for w in self.without_form]
        if dupes := sorted({c for c in codes if codes.count(c) > 1}):
            raise ValueError(f"codes listed twice: {dupes}")
        return self

    def form(self, code: str) -> FormTemplate | None:
        return next((f for f in self.forms if f.code == code), None)


def load_form_templates(path: Path | None = None) -> FormTemplates:
    """Read and validate the form templates (default: the city-2025 rule set's forms.yaml)."""
    with (path or DEFAULT_PATH).open(encoding="utf-8") as fh:
        return FormTemplates.model_validate(yaml.safe_load(fh))
