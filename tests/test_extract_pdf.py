"""The PDF backend on HWP-like PDFs built here and on real Hancom exports."""

from __future__ import annotations

from pathlib import Path

import fitz
import pytest

from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentStatus, TextLayer
from tests.builders.hwp_pdf import Grid, draw_grid, new_pdf, put_words
from tests.shared_paths import REAL_HANCOM, require


def _save(doc: fitz.Document, path: Path) -> Path:
    doc.save(path)
    return path


def test_merged_cells_rebuilt_from_geometry(tmp_path: Path) -> None:
    pdf = new_pdf()
    g = Grid(60, 100, [80, 160, 120, 80], [22, 22, 22, 22],
             texts={(0, 0): "분류", (0, 1): "지표명", (0, 2): "작성 지표 요약", (0, 3): "증빙 페이지",
                    (1, 0): "공공역량", (1, 1): "A-1-2 표창 건수", (1, 2): "6건", (1, 3): "12-15",
                    (2, 1): "A-1-3 성과 관리", (2, 2): "KPI 성과 지표", (2, 3): "16",
                    (3, 0): "민간시민", (3, 1): "A-2-1 혁신 기업", (3, 2): "1만명 당 기업 수 3.21",
                    (3, 3): "17"},
             merges=[(1, 0, 2, 1)])
    draw_grid(pdf[0], g)
    doc = extract_file(_save(pdf, tmp_path / "요약표.pdf"))
    assert doc.status is DocumentStatus.OK
    (t,) = doc.tables
    assert (t.n_rows, t.n_cols) == (4, 4)
    anchor = next(c for c in t.cells if c.row == 1 and c.col == 0)
    assert (anchor.rowspan, anchor.colspan, anchor.text) == (2, 1, "공공역량")
    assert t.grid()[2][0] is None  # covered by the merge, as pdfplumber reports it
    assert t.grid()[3][2] == "1만명 당 기업 수 3.21"  # spaces inferred from gaps
    assert all(c.page == 1 and c.bbox is not None for c in t.cells)


def test_open_sided_table_keeps_outer_columns(tmp_path: Path) -> None:
    pdf = new_pdf()
    g = Grid(60, 100, [90, 90, 90], [20, 20, 20],
             texts={(0, 0): "구분", (0, 1): "2023년", (0, 2): "2024년",
                    (1, 0): "감수", (1, 1): "2,208건", (1, 2): "8,232건",
                    (2, 0): "반영", (2, 1): "10,286건", (2, 2): "12,230건"},
             open_sides=True)
    draw_grid(pdf[0], g)
    (t,) = extract_file(_save(pdf, tmp_path / "open.pdf")).tables
    assert t.grid() == [["구분", "2023년", "2024년"], ["감수", "2,208건", "8,232건"],
                        ["반영", "10,286건", "12,230건"]]


def test_letter_spaced_label_keeps_print_and_normalises_key(tmp_path: Path) -> None:
    pdf = new_pdf()
    g = Grid(60, 100, [120, 120], [22, 22], texts={(0, 0): "지표명", (0, 1): "증빙페이지",
                                                 (1, 0): "A-1-1", (1, 1): "3"},
             letter_spaced={(0, 0), (0, 1)})
    draw_grid(pdf[0], g)
    (t,) = extract_file(_save(pdf, tmp_path / "spaced.pdf")).tables
    head = {c.col: c for c in t.cells if c.row == 0}
    assert head[0].text == "지 표 명" and head[0].key == "지표명"
    assert head[1].key == "증빙페이지"


def test_table_continued_on_next_page_is_joined_without_repeated_header(tmp_path: Path) -> None:
    pdf = new_pdf(2)
    header = {(0, 0): "코드", (0, 1): "지표명", (0, 2): "값"}
    rows1 = {(r, 0): f"A-1-{r}" for r in range(1, 30)} | {(r, 2): f"{r}건" for r in range(1, 30)}
    rows1 |= {(r, 1): f"지표 {r}" for r in range(1, 30)}
    draw_grid(pdf[0], Grid(60, 100, [100, 200, 100], [22] * 30, header | rows1))
    rows2 = {(r, 0): f"B-1-{r}" for r in range(1, 6)} | {(r, 2): f"{r * 10}건" for r in range(1, 6)}
    rows2 |= {(r, 1): f"거버넌스 {r}" for r in range(1, 6)}
    draw_grid(pdf[1], Grid(60, 60, [100, 200, 100], [22] * 6, header | rows2))
    doc = extract_file(_save(pdf, tmp_path / "split.pdf"))
    (t,) = doc.tables
    assert t.pages == [1, 2] and [r.page for r in t.regions] == [1, 2]
    assert t.n_rows == 30 + 5
    grid = t.grid()
    assert [row[0] for row in grid].count("코드") == 1
    assert grid[30] == ["B-1-1", "거버넌스 1", "10건"]
    assert next(c for c in t.cells if c.row == 30).page == 2


def test_a_header_left_alone_mid_page_joins_its_body_on_the_next(tmp_path: Path) -> None:
    """B-3-1 as a producer lays it out when the 12-row 국내 group (one merged cell) cannot
    break: the header row stays mid-page, the whole body moves to the next page. The rows
    of numbers under a mid-page table end are another table, though (next test)."""
    pdf = new_pdf(2)
    header = {(0, 0): "구분", (0, 1): "No.", (0, 2): "명칭", (0, 3): "주최기관"}
    draw_grid(pdf[0], Grid(60, 500, [60, 40, 220, 140], [20], header))
    body = {(r, 1): str(r + 1) for r in range(12)} | {(r, 2): f"스마트시티 행사 {r + 1}"
                                                      for r in range(12)}
    body |= {(r, 0): "국내" for r in range(12)} | {(r, 3): "국토교통부" for r in range(12)}
    draw_grid(pdf[1], Grid(60, 60, [60, 40, 220, 140], [22] * 12, body))
    (t,) = extract_file(_save(pdf, tmp_path / "header-alone.pdf")).tables
    assert t.pages == [1, 2] and t.n_rows == 13 and t.grid()[1][2] == "스마트시티 행사 1"


def test_a_table_with_figures_ending_mid_page_is_not_continued(tmp_path: Path) -> None:
    pdf = new_pdf(2)
    rows1 = {(0, 0): "구분", (0, 1): "값", (1, 0): "총계", (1, 1): "1,204"}
    draw_grid(pdf[0], Grid(60, 300, [150, 150], [22, 22], rows1))
    rows2 = {(r, c): f"b{r}-{c}" for r in range(3) for c in range(2)}
    draw_grid(pdf[1], Grid(60, 60, [150, 150], [22] * 3, rows2))
    assert [t.pages for t in extract_file(_save(pdf, tmp_path / "apart.pdf")).tables] == [[1], [2]]


def test_a_heading_between_two_tables_keeps_them_apart(tmp_path: Path) -> None:
    """C-9-2's heading and unit line at the foot of a page, its table at the top of the next
    with the same column boundaries as C-9-1's table above the heading: two tables."""
    pdf = new_pdf(2)
    rows1 = {(r, c): f"{r}-{c}" for r in range(0, 28) for c in range(3)}
    draw_grid(pdf[0], Grid(60, 100, [150, 150, 150], [22] * 28, rows1))
    put_words(pdf[0], 60, 740, "② 재생에너지 공급 비율")
    put_words(pdf[0], 60, 756, "(단위: %)")
    rows2 = {(0, 0): "지 표", (0, 1): "재생에너지 공급 비율", (0, 2): "12.5%"}
    rows2 |= {(r, c): f"b{r}-{c}" for r in range(1, 4) for c in range(3)}
    draw_grid(pdf[1], Grid(60, 60, [150, 150, 150], [22] * 4, rows2))
    put_words(pdf[0], 290, 820, "- 12 -")  # a page number stays no obstacle
    tables = extract_file(_save(pdf, tmp_path / "two-forms.pdf")).tables
    assert [t.pages for t in tables] == [[1], [2]]


def test_tables_side_by_side_with_different_columns_are_not_joined(tmp_path: Path) -> None:
    pdf = new_pdf(2)
    draw_grid(pdf[0], Grid(60, 600, [100, 100], [22] * 8, {(0, 0): "가", (0, 1): "나"}))
    draw_grid(pdf[1], Grid(60, 60, [150, 150, 150], [22] * 3, {(0, 0): "다"}))
    assert len(extract_file(_save(pdf, tmp_path / "two.pdf")).tables) == 2


def test_shadow_glyphs_are_removed(tmp_path: Path) -> None:
    pdf = new_pdf()
    page = pdf[0]
    page.insert_text((100.6, 100.6), "스마트도시 인증", fontname="korea", fontsize=16,
                     color=(0.6, 0.6, 0.6))
    page.insert_text((100, 100), "스마트도시 인증", fontname="korea", fontsize=16)
    doc = extract_file(_save(pdf, tmp_path / "shadow.pdf"))
    assert [s.text for s in doc.spans] == ["스마트도시 인증"]


def test_words_without_space_glyphs_get_spaces_and_numbers_stay_whole(tmp_path: Path) -> None:
    pdf = new_pdf()
    put_words(pdf[0], 72, 100, "전문가 감수 2,208건 및 12.34% 반영", 10)
    doc = extract_file(_save(pdf, tmp_path / "words.pdf"))
    assert [s.text for s in doc.spans] == ["전문가 감수 2,208건 및 12.34% 반영"]
    assert doc.spans[0].key == "전문가감수2,208건및12.34%반영"


def test_private_use_glyphs_make_a_page_unusable(tmp_path: Path) -> None:
    pdf = new_pdf()
    # a broken ToUnicode map shows up as private-use or Latin-1 garbage
    pdf[0].insert_text((72, 100), "ÇÑ±Û ¿À´Ã " * 6, fontname="helv", fontsize=10)
    doc = extract_file(_save(pdf, tmp_path / "garbage.pdf"),
                       settings=ExtractSettings(ocr=False))
    assert doc.pages[0].text_layer is TextLayer.UNUSABLE
    assert any(f.rule == "intake.ocr-skipped" for f in doc.findings)


def test_encrypted_pdf_is_a_status_not_an_exception(tmp_path: Path) -> None:
    pdf = new_pdf()
    put_words(pdf[0], 72, 100, "비공개 문서", 10)
    path = tmp_path / "잠김.pdf"
    pdf.save(path, encryption=fitz.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    doc = extract_file(path)
    assert doc.status is DocumentStatus.ENCRYPTED
    assert doc.findings[0].rule == "intake.encrypted" and doc.findings[0].category == "intake"


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    pdf = new_pdf()
    put_words(pdf[0], 72, 100, "인쇄 제한 문서", 10)
    path = tmp_path / "owner.pdf"
    pdf.save(path, encryption=fitz.PDF_ENCRYPT_AES_256, owner_pw="owner",
             permissions=fitz.PDF_PERM_ACCESSIBILITY)
    doc = extract_file(path)
    assert doc.status is DocumentStatus.OK and doc.spans[0].text == "인쇄 제한 문서"


@pytest.mark.parametrize("keep", [0.3, 0.6])
def test_truncated_pdf_never_raises(tmp_path: Path, keep: float) -> None:
    pdf = new_pdf(3)
    for i in range(3):
        put_words(pdf[i], 72, 100, f"근거자료 {i + 1}쪽", 10)
    data = pdf.tobytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    doc = extract_file(path)
    assert doc.status in {DocumentStatus.CORRUPT, DocumentStatus.OK, DocumentStatus.PARTIAL}
    assert doc.findings, "a truncated file must be reported"
    assert all(f.category == "intake" for f in doc.findings)


def test_real_hancom_work_plan_numbers_stay_whole() -> None:
    doc = extract_file(require(REAL_HANCOM / "2022년 국립국어원 업무계획.pdf"))
    assert len(doc.pages) == 37 and all(p.text_layer is TextLayer.GOOD for p in doc.pages)
    texts = {c.text for t in doc.tables for c in t.cells}
    # PyMuPDF's find_tables splits these ('2208건' + ','); pdfplumber drops the open edge
    assert {"2,208건", "8,232건", "10,286건", "12,230건"} <= texts
    assert doc.metadata.get("creator") == "한컴오피스 한글 Viewer"
    assert any(s.font and "HCR" in s.font for s in doc.spans)


def test_frame_drawn_across_a_sentence_is_not_a_table(tmp_path: Path) -> None:
    pdf = new_pdf()
    page = pdf[0]
    put_words(page, 72, 120, "(접수자 Receiving Official)", 10)
    shape = page.new_shape()
    for x in (60, 87, 150, 310):  # inner rules cut through '접' and 'Receiving'
        shape.draw_line((x, 100), (x, 140))
    for y in (100, 125, 140):
        shape.draw_line((60, y), (310, y))
    shape.finish(color=(0, 0, 0), width=0.5)
    shape.commit()
    doc = extract_file(_save(pdf, tmp_path / "frame.pdf"))
    assert doc.tables == []
    assert any("Receiving" in s.text for s in doc.spans)
