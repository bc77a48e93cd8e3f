"""The image backend: PNG, JPEG and TIFF (one page per frame), read by OCR.

Pillow decodes the images rather than PyMuPDF: it gives each TIFF frame, the real DPI
(PyMuPDF assumes 96 when a file has none, we assume 72 so one pixel is one point),
EXIF orientation of phone photos, and a decompression-bomb guard.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from smartcert.core.files.media import MediaType
from smartcert.extractors import findings as R
from smartcert.extractors import ocr
from smartcert.extractors.base import Backend
from smartcert.extractors.findings import extract_finding, fail_document
from smartcert.extractors.limits import OcrAllowance
from smartcert.extractors.models import DocumentExtract, DocumentStatus, Page, TextLayer

# Scans above this resolution are reduced to it before OCR: Tesseract gains nothing
# beyond ~300 dpi and its time grows with the pixel count.
OCR_MAX_DPI = 400
_OCR_TARGET_DPI = 300
# What Pillow raises for undecodable or hostile image data (the bytes are already in
# memory, so an OSError here is about the data, not the disk).
_BAD_IMAGE = (UnidentifiedImageError, OSError, ValueError, EOFError, SyntaxError,
              Image.DecompressionBombError, MemoryError)


@dataclass
class Frame:
    number: int
    image: Image.Image | None  # 8-bit grey, upright; None when the frame is unreadable
    dpi: float | None
    error: str | None = None


def _dpi(info: dict[str, object]) -> float | None:
    raw = info.get("dpi")
    try:
        x = float(raw[0]) if isinstance(raw, tuple | list) else None
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return x if x is not None and 30 <= x <= 2400 else None  # 1 or 0: no real resolution


def to_grey(frame: Image.Image) -> Image.Image:
    """Upright 8-bit grey; transparency on white, 16-bit samples scaled rather than clipped."""
    img = ImageOps.exif_transpose(frame) or frame
    if img.mode.startswith("I;16") or img.mode in ("I", "F"):
        return img.convert("I").point(lambda v: v / 256).convert("L")
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("L")
    return img.convert("L")


def frames(data: bytes, limit: int | None = None) -> tuple[int, Iterator[Frame]]:
    """Total frame count and a lazy iterator over frames (one decoded at a time).

    Raises one of `_BAD_IMAGE` when the file is not a readable image at all.
    """
    im = Image.open(io.BytesIO(data))
    total = getattr(im, "n_frames", 1)

    def gen() -> Iterator[Frame]:
        with im:
            for i in range(min(total, limit or total)):
                try:
                    im.seek(i)
                    im.load()
                    yield Frame(i + 1, to_grey(im), _dpi(im.info))
                except _BAD_IMAGE as exc:
                    yield Frame(i + 1, None, None, f"{type(exc).__name__}: {exc}"[:160])

    return total, gen()


def _scaled(img: Image.Image, factor: float, per_px: float,
            dpi: float | None) -> tuple[Image.Image, float, float | None]:
    """`img` resized by `factor`, with the points per pixel and the dpi that go with it."""
    small = img.resize((max(1, round(img.width * factor)), max(1, round(img.height * factor))),
                       Image.Resampling.LANCZOS)
    return small, per_px / factor, None if dpi is None else dpi * factor


def _png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=1)  # speed over size: it only goes down a pipe
    return buf.getvalue()


class ImageBackend(Backend):
    name = "image"
    version = "1.1.0"  # 1.1: OCR that cannot run is one finding per document
    media_types = frozenset({MediaType.PNG, MediaType.JPEG, MediaType.TIFF})

    def extract(self, path: Path, doc: DocumentExtract) -> DocumentExtract:
        data = path.read_bytes()  # I/O errors are operational: they propagate
        limit = self.settings.page_limit
        try:
            total, it = frames(data, limit)
        except _BAD_IMAGE as exc:
            return fail_document(doc, DocumentStatus.CORRUPT, R.CORRUPT,
                                 reason=type(exc).__name__)
        if total > limit:
            doc.findings.append(R.page_limit(doc.file, total, limit))
        doc.metadata["frames"] = str(total)
        self._allowance = OcrAllowance(self.settings.limits.max_ocr_pages,
                                       self.settings.ocr_ledger)
        self._over_budget: list[int] = []
        self._gate = ocr.OcrGate(self.settings)  # --no-ocr or no Tesseract: decided once
        for frame in it:
            self._frame(frame, doc)
        doc.findings.extend(self._gate.findings(doc.file))
        if self._over_budget:
            doc.findings.append(R.ocr_budget(doc.file, self._over_budget,
                                             self.settings.limits.max_ocr_pages))
            doc.status = DocumentStatus.PARTIAL
        if any(p.text_layer is TextLayer.UNUSABLE for p in doc.pages):
            readable = any(p.text_layer is TextLayer.MISSING for p in doc.pages)
            doc.status = DocumentStatus.PARTIAL if readable else DocumentStatus.CORRUPT
        return doc

    def _frame(self, frame: Frame, doc: DocumentExtract) -> None:
        """Add one page and its OCR spans."""
        file, number = doc.file, frame.number
        if frame.image is None:
            doc.pages.append(Page(number=number, text_layer=TextLayer.UNUSABLE))
            doc.findings.append(extract_finding(R.PAGE_UNREADABLE, file, page=number,
                                                reason=frame.error or "?"))
            return
        img, dpi = frame.image, frame.dpi
        per_px = 72.0 / (dpi or 72.0)
        page = Page(number=number, width=round(img.width * per_px, 2),
                    height=round(img.height * per_px, 2), text_layer=TextLayer.MISSING)
        doc.pages.append(page)
        settings = self.settings
        if not self._gate.open:
            self._gate.refuse(number)
            return
        if not self._allowance.take():
            self._over_budget.append(number)
            return
        if dpi and dpi > OCR_MAX_DPI:  # downsample; bboxes still map to the same points
            img, per_px, dpi = _scaled(img, _OCR_TARGET_DPI / dpi, per_px, dpi)
        limits = settings.limits
        pixels = img.width * img.height
        if pixels > limits.max_render_megapixels * 1e6:  # too big for the pixel limit
            factor = (limits.max_render_megapixels * 1e6 / pixels) ** 0.5
            # a scan without its resolution is taken as 300 dpi when judging the loss
            effective = round((dpi or _OCR_TARGET_DPI) * factor)
            img, per_px, dpi = _scaled(img, factor, per_px, dpi)
            if effective < limits.min_ocr_dpi:
                doc.findings.append(R.ocr_low_resolution(
                    file, number, (page.width or 0.0, page.height or 0.0), effective,
                    limits.max_render_megapixels, limits.min_ocr_dpi))
        try:
            result = ocr.ocr_image(_png(img), languages=settings.ocr_languages, scale=per_px,
                                   page_number=number, dpi=dpi)
        except ocr.OcrFailed as exc:  # this frame only
            doc.findings.append(extract_finding(R.OCR_FAILED, file, page=number,
                                                reason=str(exc)))
            return
        except ocr.OcrUnavailable as exc:  # Tesseract went away: no further frame tries it
            self._gate.refuse(number, str(exc))
            return
        page.ocr = True
        page.ocr_confidence = result.mean_confidence
        doc.spans.extend(result.spans)
        if not result.spans:
            doc.findings.append(extract_finding(R.OCR_NO_TEXT, file, page=number))
        elif result.low_confidence:
            doc.findings.append(extract_finding(
                R.OCR_LOW_CONFIDENCE, file, page=number,
                confidence=f"{result.mean_confidence:.0f}"))
