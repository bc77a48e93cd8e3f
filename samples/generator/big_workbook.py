"""Very large workbooks for the reading limits (tests/test_limits.py, benchmarks/limits.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path


def raw_workbook(path: Path, rows: int, cols: int, labelled: bool = False) -> Path:
    """A one-sheet workbook ('목록') written as raw XML: openpyxl would take minutes for a
    million rows. Cell (r, c) holds r * 10 + c; `labelled` puts '항목 r' in column A and
    r * c in the others instead."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    letters = [chr(65 + c) for c in range(cols)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            f'"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.'
            f'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.'
            'worksheet+xml"/></Types>'))
        z.writestr("_rels/.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
                   f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets>'
                   '<sheet name="목록" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{pkg}"><Relationship '
                   f'Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f'<worksheet xmlns="{ns}"><dimension ref="A1:{letters[-1]}{rows}"/>'
                    '<sheetData>'.encode())
            for r in range(1, rows + 1):
                if labelled:
                    cells = f'<c r="A{r}" t="inlineStr"><is><t>항목 {r}</t></is></c>' + "".join(
                        f'<c r="{x}{r}"><v>{r * c}</v></c>' for c, x in enumerate(letters) if c)
                else:
                    cells = "".join(f'<c r="{x}{r}"><v>{r * 10 + c}</v></c>'
                                    for c, x in enumerate(letters))
                f.write(f'<row r="{r}">{cells}</row>'.encode())
            f.write(b"</sheetData></worksheet>")
    return path
