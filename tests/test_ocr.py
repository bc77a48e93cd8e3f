"""smartcert.extractors.ocr: Tesseract TSV → spans in page points, for images and PDF pages."""

from __future__ import annotations

import fitz
import pytest

from smartcert.extractors import ocr
from smartcert.extractors.base import ExtractSettings

NANUM = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"
AWARD = "2024 공공데이터 제공 우수기관 표창 2024.10.15"


def _korean_page(lines: list[tuple[float, float, str, float]], rotation: int = 0) -> fitz.Page:
    """An A4 page with Korean lines drawn upright as displayed (also on rotated pages)."""
    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.set_rotation(rotation)
    page.insert_font(fontname="ng", fontfile=NANUM)
    for x, y, text, size in lines:
        # insert_text takes unrotated coordinates; rotate the text to read upright
        page.insert_text(fitz.Point(x, y) * page.derotation_matrix, text, fontname="ng",
                         fontsize=size, rotate=rotation)
    return page


def _truth(page: fitz.Page, word: str) -> fitz.Rect:
    return fitz.Rect(next(w[:4] for w in page.get_text("words") if w[4] == word))


def _span_with(result: ocr.OcrResult, key: str) -> ocr.Span:
    return next(s for s in result.spans if key in s.key)


def _assert_same_place(got: fitz.Rect, truth: fitz.Rect, tol: float = 3.0) -> None:
    """OCR boxes ink (Tesseract's Hangul boxes are often taller than the glyphs), text
    extraction boxes the font's line: the centres agree and the lengths nearly do."""
    gc, tc = (got.tl + got.br) / 2, (truth.tl + truth.br) / 2
    assert abs(gc.x - tc.x) < tol and abs(gc.y - tc.y) < tol
    long_got, long_truth = max(got.width, got.height), max(truth.width, truth.height)
    assert abs(long_got - long_truth) < 0.1 * long_truth


TSV_HEADER = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth"
              "\theight\tconf\ttext")


def _tsv(rows: list[tuple[int, int, int, int, int, int, float, str]]) -> str:
    out = [TSV_HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
           "4\t1\t1\t1\t1\t0\t100\t100\t900\t40\t-1\t"]
    for block, line, left, top, width, height, conf, text in rows:
        out.append(f"5\t1\t{block}\t1\t{line}\t1\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}")
    return "\n".join(out) + "\n"


def test_tsv_words_become_line_runs_split_at_gaps_and_rulings() -> None:
    # one Tesseract line holding a table row: code | name | value, with ruling glyphs
    tsv = _tsv([
        (1, 1, 100, 100, 110, 40, 91.0, "A-1-2"),
        (1, 1, 230, 100, 20, 40, 60.0, "|"),
        (1, 1, 270, 100, 40, 40, 90.0, "공"),
        (1, 1, 318, 100, 40, 40, 88.0, "공"),
        (1, 1, 362, 100, 120, 40, 93.0, "데이터"),
        (1, 1, 500, 100, 80, 40, 95.0, "개방"),
        (1, 1, 900, 100, 60, 40, 80.0, "6건"),  # 320 px after '개방': another cell
        (1, 2, 100, 160, 50, 40, -1, ""),  # layout row without text: ignored
    ])
    words = ocr.parse_tsv(tsv)
    assert [w.text for w in words] == ["A-1-2", "|", "공", "공", "데이터", "개방", "6건"]
    result = ocr.build_result(words, fitz.Matrix(0.24, 0.24), page_number=3)
    assert [s.text for s in result.spans] == ["A-1-2", "공 공 데이터 개방", "6건"]
    assert [s.key for s in result.spans] == ["A-1-2", "공공데이터개방", "6건"]
    mid = result.spans[1]
    assert mid.page == 3 and mid.ocr
    assert mid.bbox == pytest.approx((270 * 0.24, 100 * 0.24, 580 * 0.24, 140 * 0.24))
    assert mid.confidence == pytest.approx((90 + 88 + 93 + 95) / 4)
    # the ruling is not a word: it counts neither in the spans nor in the mean
    assert result.words == 6
    assert result.mean_confidence == pytest.approx((91 + 90 + 88 + 93 + 95 + 80) / 6, abs=0.01)


def test_no_words_gives_no_confidence() -> None:
    result = ocr.build_result(ocr.parse_tsv(TSV_HEADER + "\n"), fitz.Matrix(1, 1), 1)
    assert result.spans == [] and result.mean_confidence is None and not result.low_confidence


@pytest.mark.slow
def test_ocr_image_maps_pixels_back_to_points() -> None:
    page = _korean_page([(300, 200, AWARD, 12), (72, 600, "누리시 스마트도시과 정량지표 요약표", 11)])
    pix = page.get_pixmap(dpi=200, colorspace=fitz.csGRAY)
    result = ocr.ocr_image(pix.tobytes("png"), languages="kor+eng", scale=72 / 200,
                           page_number=5, dpi=200)
    award = _span_with(result, "우수기관")
    for token in ("2024", "공공데이터", "우수기관", "표창"):
        assert token in award.key
    assert award.page == 5 and award.ocr and award.confidence and award.confidence > 50
    first = _truth(page, "2024")
    x0, top, x1, bottom = award.bbox
    assert abs(x0 - first.x0) < 4 and top < first.y1 and bottom > first.y0
    assert x1 > 450  # the run reaches the date at the end of the line
    assert 0 < result.mean_confidence <= 100
    assert result.words >= 8
    assert "요약표" in _span_with(result, "스마트도시").key


@pytest.mark.slow
@pytest.mark.parametrize("rotation", [0, 90])
def test_ocr_pdf_page_uses_text_extraction_coordinates(rotation: int) -> None:
    page = _korean_page([(320, 400, "누리시 스마트도시과", 14)], rotation=rotation)
    truth = _truth(page, "누리시") | _truth(page, "스마트도시과")
    settings = ExtractSettings(ocr_dpi=150)
    result = ocr.ocr_pdf_page(page, settings)
    span = _span_with(result, "누리시")
    assert "스마트도시과" in span.key
    assert span.page == 1
    _assert_same_place(fitz.Rect(span.bbox), truth)
    # a clip (unrotated coordinates) reads only that region and gives the same place
    clip = fitz.Rect(truth.x0 - 10, truth.y0 - 10, truth.x1 + 10, truth.y1 + 10)
    clipped = ocr.ocr_pdf_page(page, settings, clip=clip)
    _assert_same_place(fitz.Rect(_span_with(clipped, "누리시").bbox), truth)
    loose = fitz.Rect(clip.x0 - 2, clip.y0 - 2, clip.x1 + 2, clip.y1 + 2)
    assert all(fitz.Rect(s.bbox) in loose for s in clipped.spans)


def test_missing_tesseract_raises_ocr_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTCERT_TESSERACT", "/nonexistent/tesseract-binary")
    assert not ocr.tesseract_available()
    with pytest.raises(ocr.OcrUnavailable, match="tesseract"):
        ocr.ocr_image(b"\x89PNG\r\n\x1a\n", scale=1.0, page_number=1)


def test_missing_language_raises_ocr_unavailable() -> None:
    assert ocr.tesseract_available("kor+eng")
    assert not ocr.tesseract_available("kor+zzz")
    with pytest.raises(ocr.OcrUnavailable, match="zzz"):
        ocr.ocr_image(b"\x89PNG\r\n\x1a\n", languages="kor+zzz", scale=1.0, page_number=1)


def test_bad_image_bytes_raise_ocr_failed() -> None:
    # not an image at all: refused before Tesseract would read it as a list of file names
    with pytest.raises(ocr.OcrFailed):
        ocr.ocr_image(b"/etc/passwd\n", scale=1.0, page_number=1)
    # a PNG signature with nothing behind it: Tesseract itself fails
    with pytest.raises(ocr.OcrFailed, match="tesseract"):
        ocr.ocr_image(b"\x89PNG\r\n\x1a\nbroken", scale=1.0, page_number=1)
    # callers that only know OcrUnavailable still catch a failed page
    assert issubclass(ocr.OcrFailed, ocr.OcrUnavailable)
