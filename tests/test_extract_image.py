"""The image backend: scans of Korean documents as PNG, JPEG and multi-frame TIFF."""

from __future__ import annotations

import io
from pathlib import Path

import fitz
import pytest
from PIL import Image

from smartcert.core.files.media import MediaType
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.image import ImageBackend, to_grey
from smartcert.extractors.models import DocumentExtract, DocumentStatus, TextLayer

NANUM = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"
AWARD = "2024 공공데이터 제공 우수기관 표창 2024.10.15"


def render(lines: list[tuple[float, float, str, float]], dpi: int,
           size: tuple[float, float] = (595, 842)) -> tuple[Image.Image, fitz.Page]:
    """A page with Korean text in NanumGothic, rasterised like a scanner would."""
    doc = fitz.open()
    page = doc.new_page(width=size[0], height=size[1])
    page.insert_font(fontname="ng", fontfile=NANUM)
    for x, y, text, fontsize in lines:
        page.insert_text((x, y), text, fontname="ng", fontsize=fontsize)
    pix = page.get_pixmap(dpi=dpi, colorspace=fitz.csGRAY)
    return Image.open(io.BytesIO(pix.tobytes("png"))).copy(), page


def save(img: Image.Image | list[Image.Image], path: Path, fmt: str,
         dpi: float | None) -> Path:
    frames = img if isinstance(img, list) else [img]
    kwargs: dict[str, object] = {} if dpi is None else {"dpi": (dpi, dpi)}
    if len(frames) > 1:
        kwargs.update(save_all=True, append_images=frames[1:])
    frames[0].save(path, fmt, **kwargs)
    return path


def extract(path: Path, media_type: MediaType, **settings: object) -> DocumentExtract:
    backend = ImageBackend(ExtractSettings(**settings))  # type: ignore[arg-type]
    return backend.extract(path, backend.new_document(path, media_type))


def _word_box(page: fitz.Page, word: str) -> fitz.Rect:
    return fitz.Rect(next(w[:4] for w in page.get_text("words") if w[4] == word))


@pytest.mark.slow
def test_scanned_award_png_is_read_by_ocr(tmp_path: Path) -> None:
    img, page = render([(250, 160, "표 창 장", 24), (300, 420, AWARD, 12)], dpi=300)
    doc = extract(save(img, tmp_path / "표창장.png", "PNG", 300), MediaType.PNG)
    assert doc.status is DocumentStatus.OK
    [p] = doc.pages
    assert (p.text_layer, p.ocr) == (TextLayer.MISSING, True)
    assert p.width == pytest.approx(595.2, abs=0.5) and p.height == pytest.approx(842, abs=0.5)
    assert p.ocr_confidence is not None and p.ocr_confidence > 50
    award = next(s for s in doc.spans if "우수기관" in s.key)
    for token in ("2024", "공공데이터", "우수기관", "2024.10.15"):
        assert token in award.key
    assert award.ocr and award.page == 1 and award.confidence > 0
    x0, top, x1, bottom = award.bbox
    truth = _word_box(page, "2024")
    assert abs(x0 - truth.x0) < 4 and top < truth.y1 and bottom > truth.y0  # right half, y≈420
    assert x0 > 595 / 2 - 5 and x1 <= 595
    assert not [f for f in doc.findings if f.severity != "info"]


@pytest.mark.slow
def test_jpeg_without_dpi_counts_one_pixel_as_one_point(tmp_path: Path) -> None:
    img, _ = render([(72, 100, "누리시 스마트도시과", 14)], dpi=150, size=(420, 200))
    doc = extract(save(img.convert("RGB"), tmp_path / "scan.jpg", "JPEG", None), MediaType.JPEG)
    [p] = doc.pages
    assert (p.width, p.height) == (img.width, img.height)  # 72 dpi assumed
    span = next(s for s in doc.spans if "스마트도시과" in s.key)
    # bboxes are in those points: the text starts 72 pt = 150 px from the left
    assert abs(span.bbox[0] - 150) < 8


@pytest.mark.slow
def test_multi_frame_tiff_gives_one_page_per_frame(tmp_path: Path) -> None:
    first, _ = render([(72, 100, "제1쪽 스마트도시 인증 신청서", 14)], dpi=200, size=(420, 300))
    second, _ = render([(72, 100, "제2쪽 정량지표 요약표", 14)], dpi=200, size=(420, 300))
    doc = extract(save([first, second], tmp_path / "scan.tif", "TIFF", 200), MediaType.TIFF)
    assert [(p.number, p.width, p.text_layer) for p in doc.pages] == [
        (1, pytest.approx(420, abs=0.5), TextLayer.MISSING),
        (2, pytest.approx(420, abs=0.5), TextLayer.MISSING)]
    by_page = {n: "".join(s.key for s in doc.spans if s.page == n) for n in (1, 2)}
    assert "신청서" in by_page[1] and "요약표" not in by_page[1]
    assert "요약표" in by_page[2] and "신청서" not in by_page[2]
    assert doc.metadata["frames"] == "2"


@pytest.mark.slow
def test_high_dpi_scan_is_reduced_but_keeps_coordinates(tmp_path: Path) -> None:
    img, page = render([(60, 200, "공공데이터 개방 실적 6건", 12)], dpi=600, size=(298, 420))
    doc = extract(save(img, tmp_path / "fine.png", "PNG", 600), MediaType.PNG)
    assert doc.pages[0].width == pytest.approx(298, abs=0.5)
    span = next(s for s in doc.spans if "공공데이터" in s.key)
    truth = _word_box(page, "공공데이터")
    assert abs(span.bbox[0] - truth.x0) < 3 and abs(span.bbox[3] - truth.y1) < 4


def test_page_limit_is_noted(tmp_path: Path) -> None:
    frames = [Image.new("L", (100, 80), 255) for _ in range(3)]
    doc = extract(save(frames, tmp_path / "three.tif", "TIFF", 100), MediaType.TIFF,
                  max_pages=2, ocr=False)
    assert len(doc.pages) == 2
    assert "intake.page-limit" in {f.rule for f in doc.findings}


def test_ocr_switched_off_is_noted_per_page(tmp_path: Path) -> None:
    img, _ = render([(72, 100, "스마트도시", 14)], dpi=100, size=(300, 200))
    doc = extract(save(img, tmp_path / "a.png", "PNG", 100), MediaType.PNG, ocr=False)
    assert doc.status is DocumentStatus.OK and not doc.spans
    assert [(p.ocr, p.text_layer) for p in doc.pages] == [(False, TextLayer.MISSING)]
    assert [(f.rule, f.locations[0].page) for f in doc.findings] == [("intake.ocr-skipped", 1)]


def test_missing_tesseract_becomes_a_finding(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTCERT_TESSERACT", "/nonexistent/tesseract")
    frames = [Image.new("L", (200, 100), 255) for _ in range(2)]
    doc = extract(save(frames, tmp_path / "two.tif", "TIFF", 100), MediaType.TIFF)
    found = [f for f in doc.findings if f.rule == "intake.ocr-unavailable"]
    assert len(found) == 1  # one finding for the document, placed on each page
    assert [loc.page for loc in found[0].locations] == [1, 2]
    assert found[0].severity == "error" and "2개(1-2쪽)" in found[0].message
    assert "tesseract-ocr-kor" in found[0].message
    assert len(doc.pages) == 2 and not any(p.ocr for p in doc.pages)


def test_unreadable_images_are_corrupt(tmp_path: Path) -> None:
    img, _ = render([(72, 100, "스마트도시", 14)], dpi=100, size=(300, 200))
    jpeg = io.BytesIO()
    img.save(jpeg, "JPEG")
    cases = {
        "garbage.png": (b"\x89PNG\r\n\x1a\n" + b"\x00not a png" * 20, MediaType.PNG),
        "truncated.jpg": (jpeg.getvalue()[: len(jpeg.getvalue()) // 2], MediaType.JPEG),
    }
    for name, (data, media_type) in cases.items():
        (tmp_path / name).write_bytes(data)
        doc = extract(tmp_path / name, media_type)
        assert doc.status is DocumentStatus.CORRUPT, name
        assert {f.rule for f in doc.findings} <= {"intake.corrupt", "intake.page-unreadable"}
        assert doc.findings and all(f.severity == "error" for f in doc.findings)
        assert not doc.spans


def test_to_grey_keeps_ink_visible() -> None:
    # transparent background on white, not black
    rgba = Image.new("RGBA", (4, 1), (0, 0, 0, 0))
    rgba.putpixel((0, 0), (0, 0, 0, 255))
    assert list(to_grey(rgba).tobytes()) == [0, 255, 255, 255]
    # 16-bit samples are scaled, not clipped to white
    deep = Image.new("I;16", (2, 1))
    deep.putpixel((0, 0), 0)
    deep.putpixel((1, 0), 65535)
    assert list(to_grey(deep).tobytes()) == [0, 255]
