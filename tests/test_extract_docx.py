"""The DOCX backend on a Korean 평가제안서 with a merged-header table and a nested table."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm

from smartcert.core.files.media import MediaType
from smartcert.extractors.docx import DocxBackend
from smartcert.extractors.models import DocumentExtract, DocumentStatus, TextLayer

W = nsdecls("w")


def build_proposal(path: Path) -> Path:
    """정성지표 평가제안서: heading, paragraphs, a content control, a tracked deletion,
    a 실적 table whose header is merged both ways (gridSpan + vMerge), and a nested table."""
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    d.add_heading("2025년 스마트도시 인증 정성지표 평가제안서", level=1)
    d.add_paragraph("누리시는 2023년부터 교통, 안전, 행정 분야의 스마트도시 서비스를 운영하고 있다.")
    d.add_paragraph("")  # an empty paragraph keeps its index but gives no span
    p = d.add_paragraph("공공데이터 개방 실적은 ")
    p.add_run("총 6건")
    p._p.append(parse_xml(f"<w:del {W} w:id='1' w:author='검토자'><w:r><w:delText>(삭제된 7건)"
                          "</w:delText></w:r></w:del>"))
    p.add_run("이다.")
    body = d.element.body
    sdt = parse_xml(f"<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>작성기관: 누리시 스마트도시과</w:t>"
                    "</w:r></w:p></w:sdtContent></w:sdt>")
    body.insert(list(body).index(p._p) + 1, sdt)

    t = d.add_table(rows=4, cols=4)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(1, 0)).text = "구분"
    t.cell(0, 1).merge(t.cell(0, 2)).text = "실적"
    t.cell(0, 3).merge(t.cell(1, 3)).text = "증빙"
    t.cell(1, 1).text, t.cell(1, 2).text = "2023년", "2024년"
    t.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W}/>"))
    t.rows[1]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W}/>"))
    for r, row in enumerate([("공공데이터 개방", "3건", "3건", "p.12"),
                             ("리빙랩 운영", "5회", "7회", "p.15-16")], start=2):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    # the evidence cell of the last row lists documents in a small table of its own
    cell = t.cell(3, 3)
    inner = cell.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "결과보고서", (0, 1): "p.15", (1, 0): "사진대지",
                         (1, 1): "p.16"}.items():
        inner.cell(r, c).text = text
    d.add_paragraph("위 실적은 2023.1.1.~2024.12.31. 기간의 운영 결과이다.")
    d.core_properties.title = "정성지표 평가제안서"
    d.core_properties.author = "누리시"
    d.save(path)
    return path


def extract(path: Path) -> DocumentExtract:
    backend = DocxBackend()
    return backend.extract(path, backend.new_document(path, MediaType.DOCX))


@pytest.fixture(scope="module")
def proposal(tmp_path_factory: pytest.TempPathFactory) -> DocumentExtract:
    return extract(build_proposal(tmp_path_factory.mktemp("docx") / "정성지표_평가제안서.docx"))


def test_one_page_sized_from_the_section(proposal: DocumentExtract) -> None:
    assert proposal.status is DocumentStatus.OK
    [page] = proposal.pages
    assert (page.number, page.text_layer) == (1, TextLayer.NOT_APPLICABLE)
    assert page.width == pytest.approx(595.3, abs=0.1)
    assert page.height == pytest.approx(841.9, abs=0.1)
    assert proposal.metadata["title"] == "정성지표 평가제안서"
    assert proposal.metadata["author"] == "누리시"


def test_body_paragraphs_in_document_order(proposal: DocumentExtract) -> None:
    assert [(s.index, s.text) for s in proposal.spans] == [
        (0, "2025년 스마트도시 인증 정성지표 평가제안서"),
        (1, "누리시는 2023년부터 교통, 안전, 행정 분야의 스마트도시 서비스를 운영하고 있다."),
        (3, "공공데이터 개방 실적은 총 6건이다."),  # the tracked deletion is not printed
        (4, "작성기관: 누리시 스마트도시과"),  # inside a content control
        (5, "위 실적은 2023.1.1.~2024.12.31. 기간의 운영 결과이다."),
    ]
    assert all(s.page == 1 and s.bbox is None and not s.ocr for s in proposal.spans)
    assert proposal.spans[2].key == "공공데이터개방실적은총6건이다."


def test_merged_header_from_grid_span_and_vmerge(proposal: DocumentExtract) -> None:
    [table] = proposal.tables
    assert (table.id, table.pages, table.n_rows, table.n_cols, table.header_rows) == (
        "t1", [1], 4, 4, 2)
    by_pos = {(c.row, c.col): c for c in table.cells}
    assert (by_pos[0, 0].text, by_pos[0, 0].rowspan, by_pos[0, 0].colspan) == ("구분", 2, 1)
    assert (by_pos[0, 1].text, by_pos[0, 1].rowspan, by_pos[0, 1].colspan) == ("실적", 1, 2)
    assert (by_pos[0, 3].text, by_pos[0, 3].rowspan) == ("증빙", 2)
    assert table.grid()[:3] == [
        ["구분", "실적", None, "증빙"],
        [None, "2023년", "2024년", None],
        ["공공데이터 개방", "3건", "3건", "p.12"],
    ]
    assert len(table.cells) == 4 * 4 - 3  # each merge hides exactly one cell


def test_nested_table_is_flattened_with_a_note(proposal: DocumentExtract) -> None:
    [table] = proposal.tables
    evidence = next(c for c in table.cells if (c.row, c.col) == (3, 3))
    assert evidence.text == "p.15-16\n결과보고서 p.15\n사진대지 p.16"
    assert table.grid()[3][:3] == ["리빙랩 운영", "5회", "7회"]
    [note] = [f for f in proposal.findings if f.rule == "intake.nested-table"]
    assert note.severity == "info" and "t1" in note.message and "4행 4열" in note.message
    assert note.locations[0].file == "정성지표_평가제안서.docx"


def _docx_with_body(body_xml: str) -> bytes:
    buf = io.BytesIO()
    d = docx.Document()
    d.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/document.xml"] = (f"<w:document {W}><w:body>{body_xml}</w:body>"
                                  "</w:document>").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for n, data in parts.items():
            zf.writestr(n, data)
    return out.getvalue()


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_grid_before_and_merge_chains(tmp_path: Path) -> None:
    """Rows that start late (gridBefore), a three-row vMerge, and a vMerge that restarts."""
    rows = [
        "<w:tr>" + _tc("지표", "<w:vMerge w:val='restart'/>") + _tc("A-1-1") + _tc("6건") + "</w:tr>",
        "<w:tr>" + _tc("", "<w:vMerge/>") + _tc("A-1-2") + _tc("12회") + "</w:tr>",
        "<w:tr>" + _tc("", "<w:vMerge w:val='continue'/>") + _tc("A-2-1") + _tc("O") + "</w:tr>",
        "<w:tr>" + _tc("제도", "<w:vMerge w:val='restart'/>") + _tc("합계", "<w:gridSpan w:val='2'/>")
        + "</w:tr>",
        "<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>" + _tc("비고") + _tc("-") + "</w:tr>",
    ]
    (tmp_path / "g.docx").write_bytes(_docx_with_body(f"<w:tbl>{''.join(rows)}</w:tbl>"))
    [table] = extract(tmp_path / "g.docx").tables
    assert table.grid() == [
        ["지표", "A-1-1", "6건"],
        [None, "A-1-2", "12회"],
        [None, "A-2-1", "O"],
        ["제도", "합계", None],
        [None, "비고", "-"],  # before the grid's start: no cell there
    ]
    rowspans = {c.text: c.rowspan for c in table.cells}
    assert rowspans["지표"] == 3 and rowspans["제도"] == 1


def test_corrupt_docx_is_reported_not_raised(tmp_path: Path) -> None:
    good = build_proposal(tmp_path / "good.docx").read_bytes()
    cases = {
        "truncated.docx": good[: len(good) // 3],
        "bad_xml.docx": _docx_with_body("<w:p><w:r><w:t>열린 태그"),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        doc = extract(tmp_path / name)
        assert doc.status is DocumentStatus.CORRUPT, name
        assert [f.rule for f in doc.findings] == ["intake.corrupt"], name
        assert doc.findings[0].severity == "error" and not doc.spans


def test_document_without_text_says_so(tmp_path: Path) -> None:
    docx.Document().save(tmp_path / "blank.docx")
    doc = extract(tmp_path / "blank.docx")
    assert doc.status is DocumentStatus.OK and len(doc.pages) == 1
    assert [f.rule for f in doc.findings] == ["intake.no-content"]

