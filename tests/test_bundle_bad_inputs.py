"""A submission full of bad files still completes; each bad file gets a clear status."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import fitz

from smartcert.core.files.media import MediaType
from smartcert.extractors.api import extract_file
from smartcert.extractors.models import DocumentStatus
from smartcert.pipelines.batch import run_submission
from tests.builders.hwp_pdf import Grid, draw_grid, new_pdf, put_words

REAL = Path(__file__).resolve().parents[2] / "shared" / "real-hancom"


def _good_pdf(path: Path) -> Path:
    pdf = new_pdf()
    put_words(pdf[0], 72, 80, "정량지표 요약표", 14)
    draw_grid(pdf[0], Grid(60, 100, [100, 200, 100], [22, 22],
                           {(0, 0): "코드", (0, 1): "지표명", (0, 2): "값",
                            (1, 0): "A-1-2", (1, 1): "표창 건수", (1, 2): "6건"}))
    pdf.save(path)
    return path


def _bad_folder(root: Path) -> Path:
    sub = root / "누리시"
    sub.mkdir()
    _good_pdf(sub / "2. 정량지표 평가제안서.pdf")
    data = (sub / "2. 정량지표 평가제안서.pdf").read_bytes()
    (sub / "잘림.pdf").write_bytes(data[: len(data) // 3])
    enc = new_pdf()
    put_words(enc[0], 72, 100, "비공개", 10)
    enc.save(sub / "암호.pdf", encryption=fitz.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y")
    (sub / "빈파일.pdf").write_bytes(b"")
    # a PDF saved under a spreadsheet's name: content decides, the name is only noted
    shutil.copy(sub / "2. 정량지표 평가제안서.pdf", sub / "요약표.xlsx")
    hwp = REAL / "복학원서.hwp"
    if hwp.exists():
        shutil.copy(hwp, sub / "원본.hwp")
    return sub


def test_wrong_extension_is_read_by_content(tmp_path: Path) -> None:
    path = _good_pdf(tmp_path / "요약표.xlsx")
    doc = extract_file(path)
    assert doc.media_type is MediaType.PDF and doc.status is DocumentStatus.OK
    assert doc.tables[0].grid()[1] == ["A-1-2", "표창 건수", "6건"]


def test_zero_byte_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "빈파일.pdf"
    path.write_bytes(b"")
    doc = extract_file(path)
    assert doc.status is DocumentStatus.EMPTY and doc.findings[0].rule == "intake.empty-file"


def test_hwp_binary_is_read_natively() -> None:
    doc = extract_file(REAL / "복학원서.hwp")
    assert doc.media_type is MediaType.HWP and doc.status is DocumentStatus.OK
    assert doc.tables and "intake.hwp-binary" not in {f.rule for f in doc.findings}


def test_bad_files_never_stop_the_submission(tmp_path: Path) -> None:
    sub = _bad_folder(tmp_path)
    run = run_submission(sub, tmp_path / "out")
    by_name = {d.file: d for d in run.extracts}
    assert by_name["2. 정량지표 평가제안서.pdf"].status is DocumentStatus.OK
    assert by_name["암호.pdf"].status is DocumentStatus.ENCRYPTED
    assert by_name["빈파일.pdf"].status is DocumentStatus.EMPTY
    assert by_name["잘림.pdf"].findings
    assert by_name["요약표.xlsx"].media_type is MediaType.PDF
    report = json.loads((tmp_path / "out" / "누리시" / "findings.json").read_text("utf-8"))
    assert report["schema_version"] == 1 and report["program"] == "city-2025"
    assert report["submission"]["id"] == run.intake.submission_id
    rules = {f["rule"] for f in report["findings"]}
    assert {"intake.encrypted", "intake.empty-file", "intake.extension-mismatch"} <= rules
    intake = [f for f in report["findings"] if f["category"] == "intake"]
    assert intake and all(f["locations"] for f in intake)
    # the bundle has no application or self-assessment: reported, not fatal
    assert "completeness.missing-document" in rules
    for d in run.extracts:
        assert (tmp_path / "out" / "누리시" / "extract" / f"{d.file}.extract.json").exists()


def test_scanned_pdf_page_is_ocrd_with_confidence(tmp_path: Path) -> None:
    text = fitz.open()
    page = text.new_page(width=595, height=842)
    page.insert_text((72, 120), "2024 공공데이터 제공 우수기관 표창", fontname="korea", fontsize=16)
    pix = page.get_pixmap(dpi=200)
    scan = fitz.open()
    scan.new_page(width=595, height=842).insert_image(fitz.Rect(0, 0, 595, 842), pixmap=pix)
    path = tmp_path / "스캔.pdf"
    scan.save(path)
    doc = extract_file(path)
    (p,) = doc.pages
    assert p.text_layer.value == "missing" and p.ocr and p.ocr_confidence is not None
    assert all(s.ocr for s in doc.spans)
    joined = "".join(s.key for s in doc.spans)
    assert "공공데이터" in joined and "우수기관" in joined
    top = min(s.bbox[1] for s in doc.spans if s.bbox)
    assert 90 < top < 130  # OCR boxes come back in PDF points, where the text was drawn


def test_password_protected_workbook_is_encrypted_not_legacy(tmp_path: Path) -> None:
    from smartcert.extractors.ooxml import is_encrypted_package

    path = tmp_path / "요약표.xlsx"
    # an Office 'encrypted package': an OLE container with these two streams
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    streams = "EncryptionInfo".encode("utf-16-le") + b"\0" * 8 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(ole + streams + b"\0" * 2048)
    if not is_encrypted_package(path):  # the fixture must look like what Office writes
        raise AssertionError("fixture is not recognised as an encrypted package")
    doc = extract_file(path)
    assert doc.status is DocumentStatus.ENCRYPTED and doc.findings[0].rule == "intake.encrypted"
