"""PNG crops of the page regions findings point at, the value highlighted.

Only pages a finding names are rendered (a 1,000-page evidence PDF costs the pages used),
each document is opened once per report, and equal requests share one file. Coordinates
are the extraction's: PDF points, top-left origin, unrotated page space (PyMuPDF's
rawdict), so they are turned by the page's rotation before clipping. Scans (PNG, JPEG,
TIFF) are read with Pillow as the image extractor reads them (72 dpi when none is given).
HWP and HWPX files are drawn by the HWP extractor's renderer into a PDF first.
Spreadsheets and Word files get no image: `place_text` describes the place instead.
No image is drawn or kept above the render pixel limit (`Limits.max_render_megapixels`,
the operator's `--max-render-mp`): a scan bigger than that is reduced once decoded.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import fitz
import numpy as np
from PIL import Image

from smartcert.core.findings import BBox, Location
from smartcert.core.masking import personal_matches
from smartcert.extractors.hwp.render import HwpPages
from smartcert.extractors.image import Frame, frames
from smartcert.extractors.limits import Limits

FILES_DIR = "report_files"
CROP_DPI = 110.0  # crops: readable Korean at 9 pt, small files
PAGE_DPI = 80.0  # whole-page thumbnails (a location without a bbox)
MAX_PX = 1400  # bound on either side of any image, whatever the region size
MARGIN_X, MARGIN_Y = 48.0, 36.0  # points of context around the highlighted box
MAX_SEARCH_HITS = 6
_FILL = np.array([255, 214, 0], dtype=np.float32)  # highlight yellow
_EDGE = np.array([214, 40, 40], dtype=np.uint8)  # border red
_ALPHA = 0.35
_BAD_SCAN = (OSError, ValueError, EOFError, SyntaxError, MemoryError,
             Image.DecompressionBombError)


@dataclass(frozen=True)
class RegionImage:
    src: str  # relative to the report file: 'report_files/<hash>.png'
    width: int
    height: int
    file: str
    page: int


def place_text(loc: Location) -> str:
    """A Korean description of a place: '파일 · 3쪽', '파일 · 시트 요약표 · B3'."""
    parts = [loc.file]
    if loc.sheet:
        parts.append(f"시트 '{loc.sheet}'")
    if loc.cell:
        parts.append(f"{loc.cell} 셀")
    if loc.page and not loc.sheet:
        parts.append(f"{loc.page}쪽")
    text = " · ".join(parts)
    if loc.twin is not None and loc.twin.page:
        # read from the 한글 file; the committee's PDF shows it on its own page
        text += f" (PDF {loc.twin.file} · {loc.twin.page}쪽)"
    return text


class _Doc:
    """One opened source: a PDF (PyMuPDF) or a scan (Pillow frames, decoded on demand)."""

    def __init__(self, path: Path, max_megapixels: float) -> None:
        self.pdf: fitz.Document | HwpPages | None = None
        self.path = path
        self.max_megapixels = max_megapixels
        self._frames: dict[int, Frame] = {}
        self._is_image = False
        # HWP/HWPX: the pages the extractor laid out, each drawn (in points) when needed
        self.pdf = HwpPages.open(path)
        if self.pdf is not None:
            return
        try:
            doc = fitz.open(path)
        except (RuntimeError, ValueError, OSError):
            return
        if doc.is_pdf:
            self.pdf = doc
        else:  # PyMuPDF opens images too, but with its own 96-dpi units: use Pillow's
            doc.close()
            self._is_image = path.suffix.lower() in {".png", ".jpg", ".jpeg", ".tif", ".tiff"}

    def frame(self, number: int) -> Frame | None:
        if not self._is_image:
            return None
        if number not in self._frames:
            try:
                _total, it = frames(self.path.read_bytes(), limit=number)
                for fr in it:
                    if fr.number == number:
                        self._frames[number] = _within(fr, self.max_megapixels)
            except _BAD_SCAN:  # an unreadable scan just gets no image; the place is named
                return None
        return self._frames.get(number)

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


class RegionRenderer:
    """Render regions into `out_dir/report_files/`; use as a context manager."""

    def __init__(self, sources: Mapping[str, Path], out_dir: Path,
                 max_megapixels: float | None = None) -> None:
        self.sources = sources
        self.out_dir = out_dir
        self.max_megapixels = max_megapixels or Limits().max_render_megapixels
        self.files_dir = out_dir / FILES_DIR
        self._docs: dict[str, _Doc | None] = {}
        self._done: dict[str, RegionImage | None] = {}
        self.rendered = 0

    def __enter__(self) -> RegionRenderer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        for d in self._docs.values():
            if d is not None:
                d.close()
        self._docs.clear()

    def _doc(self, file: str) -> _Doc | None:
        if file not in self._docs:
            path = self.sources.get(file)
            self._docs[file] = (_Doc(path, self.max_megapixels)
                                if path is not None and path.is_file() else None)
        return self._docs[file]

    def render(self, loc: Location, search: Sequence[str] = ()) -> RegionImage | None:
        """The region of `loc` (its bbox highlighted), or the whole page when it has no
        bbox, with any printed occurrence of `search` strings highlighted (PDF only)."""
        if loc.page is None or loc.sheet is not None:
            return None
        ident = repr((loc.file, loc.page, loc.bbox, tuple(search)))
        if ident in self._done:
            return self._done[ident]
        doc = self._doc(loc.file)
        arr: np.ndarray | None = None
        if doc is not None and doc.pdf is not None:
            arr = _render_pdf(doc.pdf, loc.page, loc.bbox, search, self.max_megapixels)
        elif doc is not None:
            frame = doc.frame(loc.page)
            if frame is not None and frame.image is not None:
                arr = _render_scan(frame, loc.bbox, self.max_megapixels)
        image = None if arr is None else self._write(ident, arr, loc)
        self._done[ident] = image
        return image

    def _write(self, ident: str, arr: np.ndarray, loc: Location) -> RegionImage:
        name = hashlib.sha256(ident.encode("utf-8")).hexdigest()[:20] + ".png"
        self.files_dir.mkdir(parents=True, exist_ok=True)
        h, w = arr.shape[:2]
        pix = fitz.Pixmap(fitz.csRGB, w, h, np.ascontiguousarray(arr).tobytes(), False)
        pix.save(self.files_dir / name)
        self.rendered += 1
        return RegionImage(src=f"{FILES_DIR}/{name}", width=w, height=h, file=loc.file,
                           page=loc.page or 0)


def _clip(page_rect: fitz.Rect, box: fitz.Rect) -> fitz.Rect:
    clip = fitz.Rect(box.x0 - MARGIN_X, box.y0 - MARGIN_Y, box.x1 + MARGIN_X, box.y1 + MARGIN_Y)
    if clip.width < page_rect.width * 0.6:  # a lone cell: show the row it sits in
        clip.x0, clip.x1 = page_rect.x0, page_rect.x1
    return clip & page_rect


def _zoom(clip: fitz.Rect, dpi: float, max_megapixels: float) -> float:
    """Pixels per point for `clip`: `dpi`, within MAX_PX a side and the pixel limit. Each
    side may come out a pixel longer (renderers round up): the largest z with
    (w·z + 1)(h·z + 1) ≤ the limit."""
    w, h, cap = max(clip.width, 1.0), max(clip.height, 1.0), max_megapixels * 1e6
    fit = (math.sqrt((w + h) ** 2 + 4 * w * h * (cap - 1)) - (w + h)) / (2 * w * h)
    return min(dpi / 72.0, MAX_PX / max(clip.width, clip.height), fit)


def _within(frame: Frame, max_megapixels: float) -> Frame:
    """`frame` reduced to the pixel limit (its resolution lowered to match, so points
    still map to the same place); as it is when it fits."""
    img = frame.image
    if img is None or img.width * img.height <= max_megapixels * 1e6:
        return frame
    factor = math.sqrt(max_megapixels * 1e6 / (img.width * img.height))
    small = img.resize((max(1, math.floor(img.width * factor)),
                        max(1, math.floor(img.height * factor))))
    return Frame(frame.number, small, (frame.dpi or 72.0) * small.width / img.width,
                 frame.error)


def _render_pdf(pdf: fitz.Document | HwpPages, number: int, bbox: BBox | None,
                search: Sequence[str], max_megapixels: float) -> np.ndarray | None:
    if not 1 <= number <= pdf.page_count:
        return None
    try:
        page = pdf[number - 1]
        boxes = [fitz.Rect(bbox) * page.rotation_matrix] if bbox else []
        if not bbox:
            for term in search:
                hits = page.search_for(term)[:MAX_SEARCH_HITS] if len(term) >= 2 else []
                # search_for gives unrotated coordinates, like the extraction
                boxes += [r * page.rotation_matrix for r in hits]
        clip = _clip(page.rect, boxes[0]) if bbox else page.rect
        if clip.is_empty:
            return None
        zoom = _zoom(clip, CROP_DPI if bbox else PAGE_DPI, max_megapixels)
        pix = page.get_pixmap(matrix=fitz.Matrix(zoom, zoom), clip=clip, alpha=False,
                              colorspace=fitz.csRGB, annots=False)
    except RuntimeError:  # MuPDF could not draw this page: the place is still named
        return None
    arr = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, pix.n)
    arr = arr[:, :, :3].copy()
    for box in boxes:
        _highlight(arr, ((box.x0 - clip.x0) * zoom, (box.y0 - clip.y0) * zoom,
                         (box.x1 - clip.x0) * zoom, (box.y1 - clip.y0) * zoom))
    for box in _personal_boxes(page, clip):
        _cover(arr, ((box.x0 - clip.x0) * zoom, (box.y0 - clip.y0) * zoom,
                     (box.x1 - clip.x0) * zoom, (box.y1 - clip.y0) * zoom))
    return arr


def _personal_boxes(page: fitz.Page, clip: fitz.Rect) -> list[fitz.Rect]:
    """Where the crop prints a 주민등록번호 or phone number (masked in the text of the report,
    so covered in its picture too). Found on the page's text layer, line by line."""
    out: list[fitz.Rect] = []
    try:
        text = page.get_text("text", clip=clip)
    except RuntimeError:
        return out
    for line in text.splitlines():
        for printed in personal_matches(line):
            out += [r * page.rotation_matrix for r in page.search_for(printed, clip=clip)]
    return out


def _cover(arr: np.ndarray, box: tuple[float, float, float, float]) -> None:
    h, w = arr.shape[:2]
    x0, y0 = max(0, int(box[0]) - 1), max(0, int(box[1]) - 1)
    x1, y1 = min(w, int(box[2]) + 2), min(h, int(box[3]) + 2)
    if x1 > x0 and y1 > y0:
        arr[y0:y1, x0:x1] = 60  # a dark bar: legible neither as digits nor as their shape


def _render_scan(frame: Frame, bbox: BBox | None, max_megapixels: float) -> np.ndarray | None:
    img = frame.image
    if img is None:
        return None
    per_pt = (frame.dpi or 72.0) / 72.0  # pixels per point (see extractors/image.py)
    w_pt, h_pt = img.width / per_pt, img.height / per_pt
    page = fitz.Rect(0, 0, w_pt, h_pt)
    clip = _clip(page, fitz.Rect(bbox)) if bbox else page
    if clip.is_empty:
        return None
    zoom = _zoom(clip, CROP_DPI if bbox else PAGE_DPI, max_megapixels)
    crop = img.crop(tuple(round(v * per_pt) for v in clip))
    crop = crop.resize((max(1, round(clip.width * zoom)), max(1, round(clip.height * zoom))))
    arr = np.stack([np.asarray(crop.convert("L"))] * 3, axis=-1).copy()
    if bbox:
        b = fitz.Rect(bbox)
        _highlight(arr, ((b.x0 - clip.x0) * zoom, (b.y0 - clip.y0) * zoom,
                         (b.x1 - clip.x0) * zoom, (b.y1 - clip.y0) * zoom))
    return arr


def _highlight(arr: np.ndarray, box: tuple[float, float, float, float]) -> None:
    """Blend yellow into `box` (pixels) and draw a 2 px red frame around it, in place.
    Drawn on the pixels, not as a PDF annotation, so the document is never modified."""
    h, w = arr.shape[:2]
    x0, y0 = max(0, int(box[0]) - 2), max(0, int(box[1]) - 2)
    x1, y1 = min(w, int(box[2]) + 3), min(h, int(box[3]) + 3)
    if x1 <= x0 or y1 <= y0:
        return
    region = arr[y0:y1, x0:x1].astype(np.float32)
    arr[y0:y1, x0:x1] = (region * (1 - _ALPHA) + _FILL * _ALPHA).astype(np.uint8)
    for ys, xs in ((slice(y0, min(y0 + 2, y1)), slice(x0, x1)),
                   (slice(max(y1 - 2, y0), y1), slice(x0, x1)),
                   (slice(y0, y1), slice(x0, min(x0 + 2, x1))),
                   (slice(y0, y1), slice(max(x1 - 2, x0), x1))):
        arr[ys, xs] = _EDGE
