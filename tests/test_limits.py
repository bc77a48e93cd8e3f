"""The limits on the work one document or one submission can cause (issue 14, item 4): pages
per document, OCR pages per submission, rendered pixels per page, cells per workbook, bytes
inflated per member and per archive, time and memory per document. Each is hit on a
generated input with small limits; the finding is asserted, the same input under the limit
gives none, and the rest of the document or bundle goes through."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from dataclasses import replace
from pathlib import Path

import fitz
import pytest
from openpyxl import Workbook

from samples.generator.big_workbook import raw_workbook
from smartcert.cli import main
from smartcert.core.files.media import MediaType
from smartcert.extractors import ocr
from smartcert.extractors import xlsx as xlsx_module
from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.limits import Limits, OcrAllowance, ocr_pages_used
from smartcert.extractors.models import DocumentExtract, DocumentStatus
from smartcert.extractors.xlsx import XlsxBackend
from smartcert.intake.archive import ZipExpander
from smartcert.intake.bundle import open_submission
from smartcert.intake.context import IntakeRun
from smartcert.intake.limits import IntakeLimits
from smartcert.pipelines.cache import ExtractCache
from smartcert.pipelines.runtime import RunConfig
from smartcert.pipelines.steps import extract_step, intake_step
from tests.builders.hwp_pdf import put_words

ROOT = Path(__file__).resolve().parent.parent
HWPX = ROOT / "samples" / "bundles" / "garam-hwpx" / "02 가람광역시 정량지표 평가제안서.hwpx"


# -- generated inputs --------------------------------------------------------------------
def text_pdf(path: Path, pages: int) -> Path:
    doc = fitz.open()
    for n in range(1, pages + 1):
        put_words(doc.new_page(width=595, height=842), 72, 100, f"본문 {n}쪽 스마트도시", 12)
    doc.save(path)
    return path


def _scan_image(text: str) -> fitz.Pixmap:
    src = fitz.open()
    page = src.new_page(width=300, height=120)
    put_words(page, 20, 60, text, 20)
    return page.get_pixmap(dpi=150, colorspace=fitz.csGRAY)


def scan_pdf(path: Path, pages: int, side: float | None = None) -> Path:
    """Image-only pages (no text layer: they need OCR); `side` makes each a square that big."""
    doc = fitz.open()
    for n in range(1, pages + 1):
        w, h = (side, side) if side else (300.0, 120.0)
        page = doc.new_page(width=w, height=h)
        page.insert_image(page.rect, pixmap=_scan_image(f"스캔 {n}쪽"), keep_proportion=False)
    doc.save(path)
    return path


def lying_zip(path: Path, members: list[tuple[str, bytes]], liars: set[str]) -> Path:
    """A zip whose `liars` claim a compressed size far beyond theirs, a tiny file size and a
    CRC their bytes fail: what a hostile archive does to slip past size checks."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    raw = bytearray(buf.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as z:
        infos = z.infolist()
    end = raw.rfind(b"PK\x05\x06")
    pos = struct.unpack_from("<I", raw, end + 16)[0]
    for info in infos:
        n, m, k = struct.unpack_from("<HHH", raw, pos + 28)
        if info.filename in liars:  # central directory entry, then the local header
            struct.pack_into("<III", raw, pos + 16, info.CRC ^ 0xFFFF, 0x7FFF0000, 1000)
            struct.pack_into("<III", raw, info.header_offset + 14, info.CRC ^ 0xFFFF,
                             0x7FFF0000, 1000)
        pos += 46 + n + m + k
    path.write_bytes(bytes(raw))
    return path


def rules(doc: DocumentExtract) -> list[str]:
    return [f.rule for f in doc.findings]


def only(doc: DocumentExtract, rule: str) -> str:
    (message,) = [f.message for f in doc.findings if f.rule == rule]
    return message


# -- the settings --------------------------------------------------------------------------
def test_limits_are_validated_and_carried_by_the_settings() -> None:
    for bad in ({"max_pages": 0}, {"max_ocr_pages": -1}, {"max_render_megapixels": 0.5},
                {"min_ocr_dpi": 10}, {"max_cells": 0}, {"doc_timeout_s": 0},
                {"doc_memory_mb": 256}):
        with pytest.raises(ValueError, match="invalid limits"):
            Limits(**bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="limits must be a Limits"):
        ExtractSettings(limits={"max_pages": 3})  # type: ignore[arg-type]
    s = ExtractSettings(max_pages=5, limits=Limits(max_pages=3, doc_timeout_s=9),
                        ocr_ledger="/tmp/x")
    assert s.page_limit == 3 and ExtractSettings(max_pages=2).page_limit == 2
    # what only stops a reading (and the run's ledger) does not key the cache
    assert s.cache_key() == ExtractSettings(max_pages=5, limits=Limits(max_pages=3))
    config = RunConfig.make(Path("/tmp/out"), limits=Limits(max_cells=77))
    assert config.extract_settings().limits.max_cells == 77


def test_the_cli_options_set_the_limits(tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "세쪽.pdf", 3)
    out = tmp_path / "out"
    assert main(["extract", str(pdf), "--out", str(out), "--no-ocr", "--max-pages", "2",
                 "--doc-timeout", "120", "--doc-memory-mb", "2048"]) == 0
    record = DocumentExtract.model_validate_json((out / "세쪽.pdf.extract.json").read_bytes())
    assert len(record.pages) == 2
    assert "--max-pages" in only(record, "intake.page-limit")


# -- pages per document ------------------------------------------------------------------
def test_pages_beyond_the_limit_are_not_read(tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "다섯쪽.pdf", 5)
    doc = extract_file(pdf, ExtractSettings(ocr=False, limits=Limits(max_pages=3)))
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert {s.page for s in doc.spans} == {1, 2, 3}  # the pages within the limit are read
    message = only(doc, "intake.page-limit")
    assert "5쪽" in message and "3쪽만" in message and "2쪽은 읽지 않았습니다" in message
    whole = extract_file(pdf, ExtractSettings(ocr=False, limits=Limits(max_pages=5)))
    assert len(whole.pages) == 5 and "intake.page-limit" not in rules(whole)


def test_an_hwp_document_is_cut_after_its_last_page_allowed() -> None:
    settings = ExtractSettings(limits=Limits(isolate=False))
    whole = extract_file(HWPX, settings)
    cut = extract_file(HWPX, replace(settings, limits=Limits(isolate=False, max_pages=2)))
    assert len(whole.pages) > 2 and "intake.page-limit" not in rules(whole)
    assert len(cut.pages) == 2 and "intake.page-limit" in rules(cut)
    assert [(s.page, s.text) for s in cut.spans] == [
        (s.page, s.text) for s in whole.spans if s.page <= 2]
    assert {c.page for t in cut.tables for c in t.cells} <= {1, 2}


# -- OCR pages per submission -------------------------------------------------------------
def test_the_ocr_budget_is_shared_by_the_documents_of_a_submission(tmp_path: Path) -> None:
    bundle = tmp_path / "스캔제출"
    bundle.mkdir()
    scan_pdf(bundle / "가 스캔.pdf", 3)
    scan_pdf(bundle / "나 스캔.pdf", 3)
    text_pdf(bundle / "다 본문.pdf", 1)
    settings = ExtractSettings(limits=Limits(max_ocr_pages=4))
    cache = ExtractCache(tmp_path / "cache")

    def run() -> dict[str, DocumentExtract]:
        files = intake_step(bundle, tmp_path / "work").files
        return {f.name: extract_step(f, settings, cache) for f in files}

    first = run()
    ga, na, da = first["가 스캔.pdf"], first["나 스캔.pdf"], first["다 본문.pdf"]
    assert [p.ocr for p in ga.pages] == [True] * 3 and "intake.ocr-budget" not in rules(ga)
    assert [p.ocr for p in na.pages] == [True, False, False]
    message = only(na, "intake.ocr-budget")
    assert "2개(2-3쪽)" in message and "300" not in message and "--max-ocr-pages" in message
    assert na.status is DocumentStatus.PARTIAL and da.status is DocumentStatus.OK
    assert ocr_pages_used(ga) + ocr_pages_used(na) == 4
    # a re-run (가 from the cache, its pages charged again) spends the budget the same way
    again = run()
    assert cache.hits >= 2
    assert [p.ocr for p in again["나 스캔.pdf"].pages] == [True, False, False]
    roomy = {f.name: extract_step(f, replace(settings, limits=Limits(max_ocr_pages=6)))
             for f in intake_step(bundle, tmp_path / "work").files}
    assert not any("intake.ocr-budget" in rules(d) for d in roomy.values())


def test_the_ledger_never_gives_more_than_the_budget(tmp_path: Path) -> None:
    ledger = tmp_path / "ocr"
    ledger.touch()
    a, b = OcrAllowance(5, str(ledger)), OcrAllowance(5, str(ledger))
    assert a.take(3) and not b.take(3) and b.take(2) and not a.take(1)
    alone = OcrAllowance(2)
    assert alone.take() and alone.take() and not alone.take()


# -- rendered pixels per page --------------------------------------------------------------
def test_a_page_too_big_for_the_pixel_limit_is_rendered_smaller(tmp_path: Path) -> None:
    assert ocr.capped_dpi(14_400, 14_400, 300, 40.0) == 31  # the page: 3.6 GP at 300
    assert ocr.capped_dpi(595, 842, 300, 40.0) == 300  # A4 keeps its resolution
    big = scan_pdf(tmp_path / "대형.pdf", 1, side=2000)
    doc = extract_file(big, ExtractSettings(limits=Limits(max_render_megapixels=1.0)))
    assert doc.pages[0].ocr  # read, at the lower resolution
    message = only(doc, "intake.ocr-low-resolution")
    assert "36dpi" in message and "1백만 화소" in message and "--max-render-mp" in message
    fine = extract_file(scan_pdf(tmp_path / "보통.pdf", 1, side=600), ExtractSettings())
    assert fine.pages[0].ocr and "intake.ocr-low-resolution" not in rules(fine)


def test_a_big_scan_image_is_reduced_to_the_pixel_limit(tmp_path: Path) -> None:
    pix = _scan_image("대형 스캔")
    src = fitz.open()
    page = src.new_page(width=720, height=720)
    page.insert_image(page.rect, pixmap=pix)
    png = tmp_path / "대형.png"
    png.write_bytes(page.get_pixmap(dpi=300, colorspace=fitz.csGRAY).pil_tobytes(
        "PNG", dpi=(300, 300)))  # 3,000 × 3,000 px: 9 MP
    doc = extract_file(png, ExtractSettings(limits=Limits(max_render_megapixels=1.0)))
    assert doc.media_type is MediaType.PNG and doc.pages[0].ocr
    assert "100dpi" in only(doc, "intake.ocr-low-resolution")
    assert "intake.ocr-low-resolution" not in rules(extract_file(png, ExtractSettings()))


# -- cells per workbook -----------------------------------------------------------------
def _three_sheets(path: Path) -> Path:
    wb = Workbook()
    wb.active.title = "가"
    for name, rows, cols in (("가", 10, 3), ("나", 10, 3), ("다", 2, 2)):
        ws = wb[name] if name in wb.sheetnames else wb.create_sheet(name)
        for r in range(1, rows + 1):
            ws.append([f"{name}{r}-{c}" for c in range(cols)])
    wb.save(path)
    return path


def test_a_workbook_stops_at_its_cell_limit(tmp_path: Path) -> None:
    path = _three_sheets(tmp_path / "셀.xlsx")
    doc = extract_file(path, ExtractSettings(limits=Limits(max_cells=45)))
    assert [(t.sheet, t.n_rows, t.n_cols) for t in doc.tables] == [("가", 10, 3), ("나", 5, 3)]
    assert [p.sheet for p in doc.pages] == ["가", "나", "다"]  # every sheet is still listed
    message = only(doc, "intake.cell-limit")
    assert "45개" in message and "'나' 시트 6행 이후, '다' 시트 전체를" in message
    assert "--max-cells" in message
    whole = extract_file(path, ExtractSettings(limits=Limits(max_cells=1_000)))
    assert len(whole.tables) == 3 and "intake.cell-limit" not in rules(whole)


def _rich_workbook(path: Path) -> Path:
    """Merges, hidden rows and columns, a hidden sheet, dates, errors, a formula without a
    cached value: everything the loaded and the streamed reading must agree on."""
    from datetime import date

    wb = Workbook()
    ws = wb.active
    ws.title = "요약"
    ws.append(["구분", "값", "일자", "비고"])
    ws.merge_cells("A1:B1")
    for r in range(2, 12):
        ws.append([f"항목{r}", r * 1.5, date(2024, 1, r), "#N/A" if r == 5 else None])
    ws["B13"] = "=SUM(B2:B11)"
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["D"].hidden = True
    hidden = wb.create_sheet("숨김")
    hidden.sheet_state = "hidden"
    hidden.append(["비밀", 1])
    wb.save(path)
    return path


def test_a_streamed_workbook_reads_like_a_loaded_one(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = _rich_workbook(tmp_path / "요약.xlsx")
    backend = XlsxBackend(ExtractSettings(limits=Limits(isolate=False)))
    loaded = backend.extract(path, backend.new_document(path, MediaType.XLSX))
    monkeypatch.setattr(xlsx_module, "needs_streaming", lambda _path: True)
    streamed = backend.extract(path, backend.new_document(path, MediaType.XLSX))
    assert streamed.model_dump() == loaded.model_dump()
    assert {"intake.hidden-rows", "intake.hidden-columns", "intake.hidden-sheet",
            "intake.formula-without-value"} <= set(rules(loaded))


def test_a_big_workbook_is_streamed_and_read_only_up_to_the_limit(tmp_path: Path) -> None:
    path = raw_workbook(tmp_path / "대용량.xlsx", 200_000, 3)  # 24 MB of sheet XML
    doc = extract_file(path, ExtractSettings(limits=Limits(max_cells=30_000)))
    (table,) = doc.tables
    assert (table.n_rows, table.n_cols) == (10_000, 3)
    assert table.cells[-1].text == str(10_000 * 10 + 2)
    assert "'목록' 시트 10,001행 이후를" in only(doc, "intake.cell-limit")


# -- time and memory per document ------------------------------------------------------
def test_a_document_over_the_time_limit_is_stopped_and_the_bundle_goes_on(
        tmp_path: Path) -> None:
    bundle = tmp_path / "느린제출"
    bundle.mkdir()
    raw_workbook(bundle / "느린 목록.xlsx", 40_000, 5)  # ~10 s to read here
    text_pdf(bundle / "신청서.pdf", 1)
    settings = ExtractSettings(limits=Limits(doc_timeout_s=1.0))
    docs = {f.name: extract_step(f, settings) for f in intake_step(bundle, tmp_path / "w").files}
    slow, fine = docs["느린 목록.xlsx"], docs["신청서.pdf"]
    assert slow.status is DocumentStatus.FAILED and slow.sha256 and not slow.tables
    message = only(slow, "intake.time-limit")
    assert "1초" in message and "--doc-timeout" in message
    assert fine.status is DocumentStatus.OK and fine.spans
    assert "intake.time-limit" not in rules(fine)


def test_a_document_over_the_memory_limit_is_stopped_and_the_bundle_goes_on(
        tmp_path: Path) -> None:
    bundle = tmp_path / "큰제출"
    bundle.mkdir()
    # one page of 10,000 pt rendered for OCR at 227 dpi: a gigapixel, past 1 GiB
    scan_pdf(bundle / "거대한 쪽.pdf", 1, side=10_000)
    text_pdf(bundle / "신청서.pdf", 1)
    settings = ExtractSettings(limits=Limits(doc_memory_mb=1024, max_render_megapixels=1000))
    docs = {f.name: extract_step(f, settings) for f in intake_step(bundle, tmp_path / "w").files}
    huge, fine = docs["거대한 쪽.pdf"], docs["신청서.pdf"]
    assert huge.status is DocumentStatus.FAILED
    message = only(huge, "intake.memory-limit")
    assert "1,024MiB" in message and "--doc-memory-mb" in message
    assert fine.status is DocumentStatus.OK and "intake.memory-limit" not in rules(fine)


def test_without_isolation_the_limits_that_need_no_worker_still_apply(tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "세쪽.pdf", 3)
    doc = extract_file(pdf, ExtractSettings(ocr=False, limits=Limits(max_pages=1,
                                                                     isolate=False)))
    assert len(doc.pages) == 1 and "intake.page-limit" in rules(doc)


# -- bytes inflated per member and per archive ----------------------------------------
def test_a_member_lying_about_its_size_is_refused_on_what_it_really_inflates(
        tmp_path: Path, make_pdf) -> None:  # type: ignore[no-untyped-def]
    members = [("신청서.pdf", make_pdf("신청서"))]
    members += [(f"폭탄{i}.txt", b"\0" * (16 << 20)) for i in range(3)]
    # what a lying member's reading runs on into: the members after it
    members += [("사진.bin", os.urandom(1 << 20))]
    src = lying_zip(tmp_path / "제출.zip", members, {f"폭탄{i}.txt" for i in range(3)})
    result = open_submission(src, tmp_path / "work")
    assert [f.name for f in result.files] == ["사진.bin", "신청서.pdf"]  # the rest went through
    bombs = [f for f in result.findings if f.rule == "intake.zip-bomb"]
    assert len(bombs) == 3 and all("압축률" in f.message for f in bombs)
    # each refused after ~1 MiB (the ratio over the bytes really read), not its 16 MiB,
    # and what it inflated is charged
    staging = tmp_path / "staging"
    staging.mkdir()
    run = IntakeRun(IntakeLimits(), staging)
    ZipExpander(run).expand(src, origin="제출.zip", prefix="", depth=1)
    assert 3 << 20 < run.inflated_bytes - (1 << 20) < 3 * (2 << 20)


def test_inflated_bytes_are_charged_whether_kept_or_refused(tmp_path: Path,
                                                            make_pdf) -> None:  # type: ignore[no-untyped-def]
    # incompressible members whose CRC fails: each is refused only once fully inflated
    members = [("신청서.pdf", make_pdf("신청서"))]
    members += [(f"손상{i}.bin", os.urandom(600_000)) for i in range(8)]
    src = lying_zip(tmp_path / "제출.zip", members, {f"손상{i}.bin" for i in range(8)})
    limits = IntakeLimits(max_member_bytes=1 << 20, max_total_bytes=2 << 20,
                          max_inflated_bytes=3 << 20)
    result = open_submission(src, tmp_path / "work", limits)
    assert [f.name for f in result.files] == ["신청서.pdf"]
    corrupt = [f for f in result.findings if f.rule == "intake.corrupt-archive"]
    (spent,) = [f for f in result.findings if f.rule == "intake.zip-bomb"]  # the one on the line
    (budget,) = [f for f in result.findings if f.rule == "intake.inflate-budget"]
    assert len(corrupt) == 5 and "압축 해제량" in spent.message  # 5 × 600 KB, then over 3 MiB
    assert "'제출.zip!손상6.bin'부터 2개 항목을 풀지" in budget.message
    assert "3,145,728바이트" in budget.message and "max_inflated_bytes" in budget.message
    roomy = open_submission(src, tmp_path / "work2",
                            replace(limits, max_inflated_bytes=64 << 20))
    assert not any(f.rule == "intake.inflate-budget" for f in roomy.findings)
    assert sum(f.rule == "intake.corrupt-archive" for f in roomy.findings) == 8
