"""The base date a data form prints beside its figures → text components.

The call's forms state the date their figures are as of in a 비고 cell ("'25.06 기준" on
C-1-4's 총계 row, "'24.12기준" beside C-1-7's figures, "'24년 기준" on a C-2-2 row). Such a
cell is no figure, so `form_components` leaves it; it is kept here as a component without a
catalogue id (label: its column header, text: the note as printed) for the period rules.
"""

from __future__ import annotations

import re

from smartcert.core.normalize import match_key
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.claims import Basis, Component
from smartcert.schemas.mapping.form_cells import BodyCell
from smartcert.schemas.mapping.tables import cell_location, flat

# a cell that is a base-date note and nothing else: "'25.06 기준", "'24년 기준",
# "(2025년 6월 기준)", "2024.12.31 기준" — never "186개소 ('25.6 기준)" (a figure with a note)
BASE_DATE_NOTE = re.compile(
    r"[(\[]?\s*(?P<date>['’‘]?\s*\d{2,4}\s*(?:[.년/-]\s*\d{1,2}\s*[.월]?"
    r"(?:\s*\d{1,2}\s*[.일]?)?)?\s*년?)\s*기준\s*[)\]]?")
NOTE_COLUMN = "비고"


def base_date_notes(doc: DocumentExtract, cells: list[BodyCell]) -> list[Component]:
    """Every body cell of the form that is a base-date note, in reading order. Read under
    the 비고 column (where the call prints it) it is located by its label; elsewhere the
    note is still the cell's whole text, but which figures it dates is a guess."""
    out: list[Component] = []
    for cell in cells:
        text = flat(cell.cell.text)
        if not BASE_DATE_NOTE.fullmatch(text):
            continue
        loc = cell_location(doc, cell.block.view.table, cell.cell)
        in_notes = NOTE_COLUMN in match_key(cell.col_label)
        out.append(Component(id=None, label=cell.col_label or NOTE_COLUMN, text=text,
                             location=loc, cells=[loc],
                             basis=Basis.LABEL if in_notes else Basis.FUZZY))
    return out
