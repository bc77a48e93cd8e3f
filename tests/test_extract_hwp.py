"""The native HWP 5 / HWPX backend on the real Hancom documents and on bad copies of them.

The native tables are compared with the PDF path on the Hancom PDF of the same document,
cell by cell (benchmarks/hancom/metrics.py: text without whitespace, spans must agree):
`pytest -s tests/test_extract_hwp.py -k pdf_path` prints the figures that
docs/hwp-evaluation.md reports.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import zipfile
from functools import cache
from pathlib import Path

import fitz
import olefile
import pytest

from benchmarks.hancom.grid import Grid, GridCell
from benchmarks.hancom.metrics import norm, structure_score
from benchmarks.hancom.truth import DOCUMENTS, REAL_DIR
from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location
from smartcert.extractors.api import extract_file
from smartcert.extractors.hwp import HwpBackend
from smartcert.extractors.hwp.render import render_pdf
from smartcert.extractors.models import DocumentExtract, DocumentStatus
from smartcert.extractors.registry import backend_for
from smartcert.reports.regions import RegionRenderer

# the PDF path's agreement with the native tables, measured (docs/hwp-evaluation.md); a
# change of either extractor that lowers one fails here
FLOOR = {  # document: (cell F1, exact tables)
    "2022년 국립국어원 업무계획": (0.84, 13),
    "복학원서": (0.69, 0),
    "issue_241": (1.0, 1),
}


def _real(name: str) -> Path:
    path = REAL_DIR / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: the real documents live in ../shared/real-hancom")
    return path


@cache
def _extract(name: str) -> DocumentExtract:
    return extract_file(_real(name))


def _grids(doc: DocumentExtract) -> list[Grid]:
    return [Grid(t.n_rows, t.n_cols, [GridCell(c.row, c.col, c.rowspan, c.colspan, c.text)
                                      for c in t.cells], page=t.pages[0], label=t.id)
            for t in doc.tables]


def _counts(g: Grid) -> bool:
    """A table a reader sees as one: 2+ rows, 2+ columns, 2+ filled cells (the others —
    a box around text, a heading bar — are left out of the comparison, not counted)."""
    return g.n_rows >= 2 and g.n_cols >= 2 and sum(1 for c in g.cells if norm(c.text)) >= 2


def _hwp_copy(tmp: Path, name: str, *, set_bits: int = 0, section: bytes | None = None) -> Path:
    """A copy of 복학원서.hwp with FileHeader property bits set or its body replaced."""
    path = tmp / name
    shutil.copy(_real("복학원서.hwp"), path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        if set_bits:
            head = bytearray(ole.openstream("FileHeader").read())
            struct.pack_into("<I", head, 36, struct.unpack_from("<I", head, 36)[0] | set_bits)
            ole.write_stream("FileHeader", bytes(head))
        if section is not None:
            ole.write_stream("BodyText/Section0", section)
    return path


def test_registry_routes_hwp_and_hwpx_to_the_native_backend() -> None:
    assert backend_for(MediaType.HWP) is HwpBackend
    assert backend_for(MediaType.HWPX) is HwpBackend


@pytest.mark.parametrize("name", [twin for _pdf, twin in DOCUMENTS.values()])
def test_real_documents_are_read_with_a_place_for_every_value(name: str) -> None:
    doc = _extract(name)
    assert doc.status is DocumentStatus.OK and doc.extractor.name == "hwp"
    assert doc.tables and doc.spans and doc.metadata["layout"].startswith("rhwp")
    rules = [f.rule for f in doc.findings]
    assert "intake.hwp-pagination" in rules  # the page numbers are said to be rhwp's
    sizes = {p.number: (p.width, p.height) for p in doc.pages}
    boxed = 0
    values = [(s.page, s.bbox) for s in doc.spans] + \
        [(c.page, c.bbox) for t in doc.tables for c in t.cells if c.key]
    for page, bbox in values:
        assert page in sizes
        if bbox is not None:
            boxed += 1
            w, h = sizes[page]
            assert -1 <= bbox[0] < bbox[2] <= w + 1 and -1 <= bbox[1] < bbox[3] <= h + 1
    assert boxed / len(values) >= 0.97, f"{boxed}/{len(values)} values have a box"


def test_cells_keep_the_grid_and_the_text_as_typed() -> None:
    doc = _extract("복학원서.hwp")
    form = doc.tables[0]
    assert (form.n_rows, form.n_cols) == (5, 4) and doc.pages[0].width == pytest.approx(595.28)
    by_pos = {(c.row, c.col): c for c in form.cells}
    assert by_pos[(0, 0)].colspan == 4 and by_pos[(4, 1)].colspan == 3
    assert by_pos[(1, 2)].text == "학과/학부\nDepartment\n/Major"  # paragraphs as lines
    assert (1, 3) in by_pos and (4, 2) not in by_pos  # covered cells of a merge are not listed
    # the value sits where it is drawn: the label's box is left of its empty answer box
    assert by_pos[(1, 0)].bbox[2] <= by_pos[(1, 1)].bbox[0] + 1


def test_a_long_document_paginates_and_places_split_tables() -> None:
    doc = _extract("2022년 국립국어원 업무계획.hwp")
    assert 33 <= len(doc.pages) <= 39  # 한글 prints 37; rhwp's own layout gives 35
    budget = next(t for t in doc.tables if any(c.text == "22,565" for c in t.cells))
    assert budget.n_rows == 19 and budget.regions and budget.pages == [budget.regions[0].page]
    schedule = next(t for t in doc.tables if any("1/4분기" in c.text for c in t.cells))
    assert len(schedule.pages) >= 2  # a table broken over pages has a region on each
    assert [r.page for r in schedule.regions] == schedule.pages
    marked = next(s for s in doc.spans if "국어 말뭉치 구축, 공개로" in s.text)
    assert marked.text.startswith("□ 지속적") and marked.page == 3 and marked.index is not None


@pytest.mark.slow
@pytest.mark.parametrize("doc", list(DOCUMENTS))
def test_pdf_path_against_native_tables(doc: str) -> None:
    pdf, twin = DOCUMENTS[doc]
    native = _grids(_extract(twin))
    counted = [g for g in native if _counts(g)]
    ignored = [g for g in native if not _counts(g)]
    score = structure_score(_grids(extract_file(_real(pdf))), counted, ignored)
    print(f"\n{doc}: native tables {len(native)} ({len(counted)} counted); PDF path cell F1 "
          f"{score.cells.f1:.3f} (P {score.cells.precision:.3f}, R {score.cells.recall:.3f}), "
          f"exact tables {score.exact}/{score.n_tables}")
    f1, exact = FLOOR[doc]
    assert score.cells.f1 >= f1 and score.exact >= exact, score.per_table


def test_password_protected_hwp_is_a_finding(tmp_path: Path) -> None:
    doc = extract_file(_hwp_copy(tmp_path, "암호.hwp", set_bits=1 << 1))
    assert doc.media_type is MediaType.HWP and doc.status is DocumentStatus.ENCRYPTED
    (f,) = doc.findings
    assert f.rule == "intake.hwp-encrypted" and "암호" in f.message and f.severity == "error"
    assert not doc.tables and not doc.spans


def test_distribution_hwp_that_cannot_be_opened_is_a_finding(tmp_path: Path) -> None:
    # the 배포용 flag on a body that is not encrypted: no key record, nothing to decrypt
    doc = extract_file(_hwp_copy(tmp_path, "배포용.hwp", set_bits=1 << 2))
    assert doc.status is DocumentStatus.ENCRYPTED
    (f,) = doc.findings
    assert f.rule == "intake.hwp-distribution" and "배포용" in f.message
    assert "DISTRIBUTE_DOC_DATA" in f.message and "InvalidFile" not in f.message


def test_truncated_hwp_is_broken_not_an_empty_document(tmp_path: Path) -> None:
    data = _real("복학원서.hwp").read_bytes()
    path = tmp_path / "잘림.hwp"
    path.write_bytes(data[: len(data) // 2])
    doc = extract_file(path)
    assert doc.media_type is MediaType.HWP and doc.status is DocumentStatus.CORRUPT
    (f,) = doc.findings
    assert f.rule == "intake.hwp-broken" and "잘려" in f.message


def test_garbage_body_is_broken_and_nothing_crashes(tmp_path: Path) -> None:
    size = olefile.OleFileIO(str(_real("복학원서.hwp"))).get_size("BodyText/Section0")
    compressed = _hwp_copy(tmp_path, "쓰레기.hwp", section=os.urandom(size))
    assert extract_file(compressed).findings[0].rule == "intake.hwp-broken"
    # stored uncompressed, random records reach the parser itself (it may panic: caught)
    raw = _hwp_copy(tmp_path, "쓰레기2.hwp", section=os.urandom(size))
    with olefile.OleFileIO(str(raw), write_mode=True) as ole:
        head = bytearray(ole.openstream("FileHeader").read())
        struct.pack_into("<I", head, 36, struct.unpack_from("<I", head, 36)[0] & ~1)
        ole.write_stream("FileHeader", bytes(head))
    doc = extract_file(raw)
    assert doc.status in (DocumentStatus.CORRUPT, DocumentStatus.OK)
    if doc.status is DocumentStatus.CORRUPT:
        assert doc.findings[0].rule == "intake.hwp-broken"
    else:  # read as records of nothing: said so, not silently empty
        assert {f.rule for f in doc.findings} & {"intake.no-content", "intake.hwp-pagination"}


def _hwpx_with(section: bytes | None = None, manifest: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(_real("issue_241.hwpx")) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "Contents/section0.xml" and section is not None:
                body = section
            if info.filename == "META-INF/manifest.xml" and manifest is not None:
                body = manifest
            dst.writestr(info, body)
    return buf.getvalue()


def test_broken_and_encrypted_hwpx_are_findings(tmp_path: Path) -> None:
    section = zipfile.ZipFile(_real("issue_241.hwpx")).read("Contents/section0.xml")
    cut = tmp_path / "잘림.hwpx"
    cut.write_bytes(_hwpx_with(section=section[: len(section) // 2]))
    doc = extract_file(cut)
    assert doc.media_type is MediaType.HWPX and doc.status is DocumentStatus.CORRUPT
    assert doc.findings[0].rule == "intake.hwp-broken" and "section0.xml" in doc.findings[0].message
    locked = tmp_path / "암호.hwpx"
    locked.write_bytes(_hwpx_with(manifest=b'<manifest><file-entry full-path="Contents/'
                                           b'section0.xml"><encryption-data/></file-entry>'
                                           b'</manifest>'))
    doc = extract_file(locked)
    assert doc.status is DocumentStatus.ENCRYPTED and doc.findings[0].rule == "intake.hwp-encrypted"


def test_pages_render_for_evidence_crops(tmp_path: Path) -> None:
    path = _real("issue_241.hwpx")
    doc = _extract("issue_241.hwpx")
    pdf = fitz.open("pdf", render_pdf(path))
    assert pdf.page_count == len(doc.pages)
    assert pdf[0].rect.width == pytest.approx(doc.pages[0].width, abs=0.5)
    cell = next(c for t in doc.tables for c in t.cells if c.text and c.bbox)
    # the rendered page has the cell's text where the extract placed it
    x0, y0, x1, y1 = cell.bbox
    words = pdf[0].get_text("text", clip=fitz.Rect(x0 - 2, y0 - 2, x1 + 2, y1 + 2))
    assert norm(cell.text)[:4] in norm(words)
    with RegionRenderer({doc.file: path}, tmp_path) as regions:
        image = regions.render(Location(file=doc.file, page=cell.page, bbox=cell.bbox))
    assert image is not None and (tmp_path / image.src).stat().st_size > 1000
    assert render_pdf(_real("issue_241.pdf")) is None  # only HWP files are drawn here


def test_crop_of_a_long_document_draws_only_its_page(tmp_path: Path) -> None:
    name = "2022년 국립국어원 업무계획.hwp"
    doc = _extract(name)
    cell = next(c for t in doc.tables for c in t.cells if c.text == "22,565")
    with RegionRenderer({name: _real(name)}, tmp_path) as regions:
        image = regions.render(Location(file=name, page=cell.page, bbox=cell.bbox))
        assert image is not None and image.page == cell.page
        drawn = list(regions._docs[name].pdf._drawn)  # one page drawn, not the document
    assert drawn == [cell.page - 1]
