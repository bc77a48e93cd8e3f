"""The XLSX backend on a realistic 정량지표 요약표 workbook, and the display formats."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from smartcert.core.files.media import MediaType
from smartcert.extractors.findings import ranges_text
from smartcert.extractors.models import DocumentExtract, DocumentStatus, TextLayer
from smartcert.extractors.xlsx import XlsxBackend
from smartcert.extractors.xlsx_format import display_text
from smartcert.extractors.xlsx_formulas import formulas_without_value, scan_sheet_xml

SHEET1 = "xl/worksheets/sheet1.xml"


def _rewrite(path: Path, member: str, old: str, new: str) -> None:
    """Edit one XML part in place, the way Excel would have written it."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    xml = parts[member].decode()
    assert old in xml, f"{old!r} not in {member}"
    parts[member] = xml.replace(old, new, 1).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def build_summary(path: Path) -> Path:
    """정량지표 요약표: title in A1:G1, 분류 merged down B3:B5 and B6:B7, a hidden row and
    column inside the table, a total with a cached value (as Excel saves it), an average
    without one (as openpyxl saves it), a ratio whose cached result is an empty string,
    an error value, and a hidden 기초자료 sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "요약표"
    ws["A1"] = "2025년 스마트도시 인증 정량지표 요약표"
    ws.merge_cells("A1:G1")
    ws.append(["순번", "분류", "지표코드", "지표명", "실적", "달성률", "제출일"])
    rows = [
        (1, "혁신성", "A-1-1", "공공데이터 개방 실적", 1250000, 0.1234, datetime(2024, 10, 15)),
        (2, None, "A-1-2", "시민참여 리빙랩 운영", 12, 0.5, datetime(2023, 5, 12)),
        (3, None, "A-2-1", "스마트도시 전담조직 운영", True, 1, datetime(2024, 1, 2)),
        (4, "거버넌스 및 제도", "B-1-1", "스마트도시 조례 제정", 3, 0.875, datetime(2024, 3, 4)),
        (5, None, "B-2-3", "스마트도시 예산 비율", 2.345, 0.0235, datetime(2024, 12, 31)),
    ]
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
        ws.cell(r, 5).number_format = "#,##0"
        ws.cell(r, 6).number_format = "0.00%"
        ws.cell(r, 7).number_format = "yyyy-mm-dd"
    ws["E7"].number_format = "0.00"
    ws.merge_cells("B3:B5")
    ws.merge_cells("B6:B7")
    ws["D8"] = "합계"
    ws["E8"] = "=SUM(E3:E7)"  # cached value added below
    ws["E8"].number_format = "#,##0"
    ws["F8"] = "=AVERAGE(F3:F7)"  # no cached value, as every openpyxl formula
    ws["F8"].number_format = "0.00%"
    ws["G8"] = '=IFERROR(E8/0,"")'  # Excel caches an empty string result
    ws["D9"] = "검증"
    ws["E9"] = "#DIV/0!"
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["C"].hidden = True
    ws["K40"].number_format = "0.00"  # formatted but empty: not part of the used range
    hidden = wb.create_sheet("기초자료")
    hidden["A1"] = "인구"
    hidden["B1"] = 412345
    hidden.sheet_state = "hidden"
    wb.save(path)
    _rewrite(path, SHEET1, "<f>SUM(E3:E7)</f><v></v>", "<f>SUM(E3:E7)</f><v>1250017.345</v>")
    _rewrite(path, SHEET1, '<c r="G8"><f>IFERROR(E8/0,"")</f><v></v>',
             '<c r="G8" t="str"><f>IFERROR(E8/0,"")</f><v></v>')
    return path


def extract(path: Path, **settings: object) -> DocumentExtract:
    backend = XlsxBackend()
    return backend.extract(path, backend.new_document(path, MediaType.XLSX))


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> DocumentExtract:
    return extract(build_summary(tmp_path_factory.mktemp("xlsx") / "정량지표_요약표.xlsx"))


def _cell(doc: DocumentExtract, sheet: str, ref: str):
    table = next(t for t in doc.tables if t.sheet == sheet)
    return next(c for c in table.cells if c.ref == ref)


def test_sheets_become_pages_with_one_table(summary: DocumentExtract) -> None:
    assert summary.status is DocumentStatus.OK
    assert [(p.number, p.sheet, p.hidden) for p in summary.pages] == [
        (1, "요약표", False), (2, "기초자료", True)]
    assert all(p.text_layer is TextLayer.NOT_APPLICABLE for p in summary.pages)
    table = summary.tables[0]
    assert (table.sheet, table.pages, table.n_rows, table.n_cols) == ("요약표", [1], 9, 7)
    assert summary.tables[1].grid() == [["인구", "412345"]]


def test_merged_cells_are_anchors_with_spans(summary: DocumentExtract) -> None:
    grid = summary.tables[0].grid()
    assert grid[0] == ["2025년 스마트도시 인증 정량지표 요약표"] + [None] * 6
    assert [row[1] for row in grid[2:7]] == ["혁신성", None, None, "거버넌스 및 제도", None]
    b3 = _cell(summary, "요약표", "B3")
    assert (b3.row, b3.col, b3.rowspan, b3.colspan) == (2, 1, 3, 1)
    assert (_cell(summary, "요약표", "B6").rowspan, _cell(summary, "요약표", "A1").colspan) == (2, 7)
    refs = {c.ref for c in summary.tables[0].cells}
    assert not refs & {"B4", "B5", "B7", "C1", "G1"}  # covered cells are not listed


def test_values_are_displayed_as_formatted(summary: DocumentExtract) -> None:
    row = summary.tables[0].grid()[2]
    assert row == ["1", "혁신성", "A-1-1", "공공데이터 개방 실적", "1,250,000", "12.34%",
                   "2024-10-15"]
    assert _cell(summary, "요약표", "E5").text == "TRUE"
    assert _cell(summary, "요약표", "E7").text == "2.35"  # 2.345 rounds half up, as Excel
    assert _cell(summary, "요약표", "F6").text == "87.50%"
    assert _cell(summary, "요약표", "F5").text == "100.00%"
    assert _cell(summary, "요약표", "E3").key == "1,250,000"


def test_formula_with_cached_value_reads_the_value(summary: DocumentExtract) -> None:
    assert _cell(summary, "요약표", "E8").text == "1,250,017"
    flagged = {loc.cell for f in summary.findings for loc in f.locations
               if f.rule == "intake.formula-without-value"}
    assert "E8" not in flagged
    assert "G8" not in flagged  # a cached empty string is a value
    assert _cell(summary, "요약표", "G8").text == ""


def test_formula_without_cached_value_is_a_warning(summary: DocumentExtract) -> None:
    found = [f for f in summary.findings if f.rule == "intake.formula-without-value"]
    assert len(found) == 1
    f = found[0]
    assert (f.category, f.severity) == ("intake", "warning")
    assert [(loc.file, loc.sheet, loc.cell) for loc in f.locations] == [
        ("정량지표_요약표.xlsx", "요약표", "F8")]
    assert "=AVERAGE(F3:F7)" in f.message and "계산 값이 없어" in f.message
    assert _cell(summary, "요약표", "F8").text == ""  # kept in the grid, shown empty


def test_error_values_are_flagged(summary: DocumentExtract) -> None:
    assert _cell(summary, "요약표", "E9").text == "#DIV/0!"
    f = next(f for f in summary.findings if f.rule == "intake.formula-error")
    assert f.severity == "warning" and f.locations[0].cell == "E9" and "#DIV/0!" in f.message


def test_hidden_sheet_rows_and_columns_are_noted(summary: DocumentExtract) -> None:
    assert summary.pages[0].hidden_rows == [4]
    by_rule = {f.rule: f for f in summary.findings}
    sheet = by_rule["intake.hidden-sheet"]
    assert sheet.severity == "info" and sheet.locations[0].sheet == "기초자료"
    assert "기초자료" in sheet.message
    rows = by_rule["intake.hidden-rows"]
    assert rows.severity == "info" and "(4)" in rows.message
    cols = by_rule["intake.hidden-columns"]
    assert cols.severity == "info" and "(C)" in cols.message
    # hidden content is still read
    assert _cell(summary, "요약표", "C4").text == "A-1-2"


def test_used_range_is_trimmed(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws["C3"] = "지표"
    ws["D4"] = 6
    ws["H200"].number_format = "0"  # styled, empty
    ws.row_dimensions[150].hidden = True  # hidden but outside the values
    wb.save(tmp_path / "a.xlsx")
    doc = extract(tmp_path / "a.xlsx")
    t = doc.tables[0]
    assert (t.n_rows, t.n_cols) == (2, 2)
    assert t.grid() == [["지표", ""], ["", "6"]]
    assert [c.ref for c in t.cells] == ["C3", "D3", "C4", "D4"]
    assert doc.pages[0].hidden_rows == []
    assert not doc.findings


def test_many_formulas_without_value_fold_into_one_finding(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    for r in range(1, 31):
        ws.cell(r, 1, r)
        ws.cell(r, 2, f"=A{r}*2")
    wb.save(tmp_path / "f.xlsx")
    found = [f for f in extract(tmp_path / "f.xlsx").findings
             if f.rule == "intake.formula-without-value"]
    assert len(found) == 21  # 20 one by one, then one for the other 10
    assert [loc.cell for loc in found[-1].locations] == [f"B{r}" for r in range(21, 31)]
    assert "B21 외 9개" in found[-1].message


def test_shared_formula_followers_get_their_own_formula() -> None:
    xml = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData><row r=\"2\">"
        b'<c r="C2"><f t="shared" ref="C2:C4" si="0">A2+B2</f></c></row>'
        b'<row r="3"><c r="C3"><f t="shared" si="0"/></c></row>'
        b'<row><c><v>1</v></c><c r="C4"><f t="shared" si="0"/><v>7</v></c></row>'
        b"</sheetData></worksheet>"
    )
    missing = scan_sheet_xml(io.BytesIO(xml))
    assert [(m.ref, m.formula) for m in missing] == [("C2", "=A2+B2"), ("C3", "=A3+B3")]


def test_corrupt_workbooks_are_reported_not_raised(tmp_path: Path) -> None:
    good = build_summary(tmp_path / "good.xlsx").read_bytes()
    cases = {
        "truncated.xlsx": good[: len(good) // 2],
        "garbage.xlsx": b"PK\x03\x04" + b"\x00garbage" * 50,
        "no_workbook.xlsx": _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<"}),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        doc = extract(tmp_path / name)
        assert doc.status is DocumentStatus.CORRUPT, name
        assert [f.rule for f in doc.findings] == ["intake.corrupt"], name
        assert doc.findings[0].severity == "error" and doc.status_detail
        assert not doc.pages and not doc.tables


def test_encrypted_workbook_is_reported(tmp_path: Path) -> None:
    # Office wraps a password-protected XLSX in an OLE file with these two streams
    ole = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
           + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
           + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 2000)
    (tmp_path / "secret.xlsx").write_bytes(ole)
    doc = extract(tmp_path / "secret.xlsx")
    assert doc.status is DocumentStatus.ENCRYPTED
    assert [f.rule for f in doc.findings] == ["intake.encrypted"]


def test_empty_workbook_says_so(tmp_path: Path) -> None:
    Workbook().save(tmp_path / "empty.xlsx")
    doc = extract(tmp_path / "empty.xlsx")
    assert doc.status is DocumentStatus.OK and not doc.tables
    assert [f.rule for f in doc.findings] == ["intake.no-content"]


def test_formulas_without_value_on_real_file(tmp_path: Path) -> None:
    path = build_summary(tmp_path / "s.xlsx")
    assert {k: [m.ref for m in v] for k, v in formulas_without_value(path).items()} == {
        "요약표": ["F8"]}


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(("value", "code", "shown"), [
    (1234567, "#,##0", "1,234,567"),
    (1234.5, "#,##0.00", "1,234.50"),
    (0.1234, "0.00%", "12.34%"),
    (0.875, "0%", "88%"),
    (0.125, "0.00", "0.13"),
    (-1.5, "0.00", "-1.50"),
    (-0.001, "0.00", "0.00"),
    (-1234, "#,##0;(#,##0)", "(1,234)"),
    (-1234, "#,##0;[Red]\\-#,##0", "-1,234"),
    (1250000, '#,##0"원"', "1,250,000원"),
    (1250000, "[$₩-412]#,##0", "₩1,250,000"),
    (1234, '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-', "1,234"),
    (-1234, '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-', "-1,234"),
    (0, '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-', "-"),
    (1234567890, '#,##0,,"백만원"', "1,235백만원"),
    (1234567, "0.0,,", "1.2"),
    (12.5, ".00", "12.50"),
    (1234, "#,##0_ ", "1,234"),
    (1234567, "0.00E+00", "1.23E+06"),
    (1234567890, "000-00-00000", "123-45-67890"),
    (3, '"총 "0"회"', "총 3회"),
    (0.5, "#.##", ".5"),
    (2.5, "# ?/?", "2.5"),  # fractions fall back to the decimal
    (12.0, "General", "12"),
    (0.1 + 0.2, "General", "0.3"),
    (1 / 3, "General", "0.333333333"),
    (123456789012, "General", "1.23457E+11"),
    (0, "0;-0;;@", ""),
    (True, "General", "TRUE"),
    ("텍스트", "@", "텍스트"),
    (None, "0.00", ""),
    (datetime(2023, 5, 12), "mm-dd-yy", "2023-05-12"),  # built-in 14 on a Korean system
    (datetime(2023, 5, 12, 14, 5), "m/d/yy h:mm", "2023-05-12 14:05"),
    (datetime(2023, 5, 12), 'yyyy"년" m"월" d"일"', "2023년 5월 12일"),
    (datetime(2023, 5, 12), "yyyy.mm.dd (aaa)", "2023.05.12 (금)"),
    (datetime(2023, 5, 12), '[$-412]yyyy"년" mm"월" dd"일" dddd', "2023년 05월 12일 금요일"),
    (datetime(2023, 5, 12), "[$-409]d-mmm-yy", "12-May-23"),
    (datetime(2023, 5, 12, 15, 4), "h:mm AM/PM", "3:04 오후"),
    (datetime(2023, 5, 12), "[$-F800]dddd, mmmm dd, yyyy", "2023년 5월 12일 금요일"),
    (time(9, 30), "h:mm", "9:30"),
    (timedelta(hours=30, minutes=5), "[h]:mm", "30:05"),
    (date(2024, 10, 15), "General", "2024-10-15"),
    (45058, "yyyy-mm-dd", "2023-05-12"),  # a serial under a date code
])
def test_display_text(value: object, code: str, shown: str) -> None:
    assert display_text(value, code) == shown


def test_cjk_builtin_date_ids_are_dates(tmp_path: Path) -> None:
    """numFmtId 31 (Korean 'yyyy"년" mm"월" dd"일"') is unknown to openpyxl: still a date."""
    wb = Workbook()
    wb.active["A1"] = 45058
    wb.save(tmp_path / "d.xlsx")
    _rewrite(tmp_path / "d.xlsx", "xl/styles.xml", '<cellXfs count="1">',
             '<cellXfs count="2">')
    _rewrite(tmp_path / "d.xlsx", "xl/styles.xml", "</cellXfs>",
             '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
             "</cellXfs>")
    _rewrite(tmp_path / "d.xlsx", SHEET1, '<c r="A1" t="n">', '<c r="A1" s="1" t="n">')
    assert extract(tmp_path / "d.xlsx").tables[0].grid() == [["2023-05-12"]]


def test_huge_sheet_is_cut_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("smartcert.extractors.xlsx.MAX_CELLS", 7)
    wb = Workbook()
    for r in range(1, 6):
        wb.active.append([f"행{r}", r, r * 10])
    wb.save(tmp_path / "big.xlsx")
    doc = extract(tmp_path / "big.xlsx")
    assert doc.tables[0].grid() == [["행1", "1", "10"], ["행2", "2", "20"]]
    f = next(f for f in doc.findings if f.rule == "intake.sheet-truncated")
    assert f.severity == "warning" and "2행까지만" in f.message


def test_row_lists_read_like_a_reviewer_writes_them() -> None:
    assert ranges_text([9, 3, 7, 8, 12, 13]) == "3, 7-9, 12-13"
    assert ranges_text([]) == ""
