"""OCR with Tesseract, run as a subprocess with TSV output so every word has a confidence.

Used by the image backend and by the PDF backend for pages without a usable text layer.
Text is kept as Tesseract prints it (Korean often comes back with spaces between
syllables: '공 공 데이터'); matching is done later on the whitespace-free key.

Page segmentation: ``--psm 4`` (one column of text of variable sizes). Tesseract 5.3's
automatic layout analysis (``--psm 3``) drops or rotates whole Korean lines — it takes
Hangul blocks for vertical text or for images — and recovered only 12–71 % of the
characters of clean 300 dpi renders of an official letter, a ruled table and a two-column
page, where psm 4 recovered 94–99 % (psm 6 fails on tables, psm 11 is noisy on prose).
On real Hancom PDF exports psm 4 matched psm 3 within 2 points where
psm 3 worked and read 93 % of a page where psm 3 read 60 %. psm 4 joins columns into one
line; runs are split again at wide gaps (see `_runs`).
``textord_use_cjk_fp_model`` added 0.5–3 points on the same pages.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from statistics import fmean, median

import fitz

from smartcert.core.findings import Finding
from smartcert.core.normalize import match_key
from smartcert.extractors import findings as R
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import Span

DEFAULT_PSM = 4
DEFAULT_TIMEOUT_S = 300.0
# A page whose mean word confidence is below this deserves a reviewer's look.
LOW_CONFIDENCE = 60.0
# Words further apart than this many line heights belong to different runs (columns,
# table cells); Korean word spaces are ~0.3 em, column gutters and cell gaps wider.
_RUN_GAP = 1.2
# Table rulings that Tesseract reads as 'words': dropped, and they split a run.
_RULE_GLYPHS = frozenset("|¦│┃ㅣ")
_CONFIG = ("-c", "preserve_interword_spaces=1", "-c", "textord_use_cjk_fp_model=1")


class OcrError(RuntimeError):
    """Base of the OCR errors; callers turn them into findings."""


class OcrUnavailable(OcrError):
    """Tesseract or one of the requested languages is not installed."""


class OcrFailed(OcrUnavailable):
    """Tesseract ran but could not read this image (bad image data, timeout).

    A subclass of `OcrUnavailable` so a caller that only handles "no OCR for this
    page" never lets one bad page abort a whole document.
    """


@dataclass(frozen=True, slots=True)
class OcrWord:
    line: tuple[int, int, int]  # block, paragraph, line
    left: int
    top: int
    right: int
    bottom: int
    conf: float
    text: str


@dataclass
class OcrResult:
    spans: list[Span] = field(default_factory=list)
    mean_confidence: float | None = None  # word-weighted, 0–100; None when no words
    words: int = 0
    seconds: float = 0.0

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.spans)

    @property
    def low_confidence(self) -> bool:
        return self.mean_confidence is not None and self.mean_confidence < LOW_CONFIDENCE


# Told the wall seconds of every Tesseract run: the isolation worker reports them so that a
# document's time limit does not count OCR (bounded by its own budget and timeout).
_tesseract_listeners: list[Callable[[float], None]] = []


def on_tesseract_run(listener: Callable[[float], None]) -> None:
    _tesseract_listeners.append(listener)


def _binary() -> str:
    return os.environ.get("SMARTCERT_TESSERACT", "tesseract")


@cache
def _languages(binary: str) -> frozenset[str]:
    exe = shutil.which(binary)
    if exe is None:
        return frozenset()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = out.stdout.decode("utf-8", "replace").splitlines()
    return frozenset(x.strip() for x in lines[1:] if x.strip())  # first line is a heading


def tesseract_available(languages: str = "kor+eng") -> bool:
    """True when the tesseract binary runs and has every language of `languages`."""
    have = _languages(_binary())
    return bool(have) and all(lang in have for lang in languages.split("+"))


# How to get OCR on the project's machines (scripts/setup.sh installs the same packages).
INSTALL_HINT = "Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-kor"


def unavailable_reason(languages: str = "kor+eng") -> str | None:
    """Why OCR cannot run here (Korean), or None when Tesseract has every language.
    Asked once per document, so a scan without Tesseract is one finding, not one per page."""
    try:
        _check(languages)
    except OcrUnavailable as exc:
        return str(exc)
    return None


class OcrGate:
    """Whether one document's pages without a usable text layer can be OCR'd, decided once
    (--no-ocr, or Tesseract missing), and the pages left unread for that reason: reported
    as one finding for the document (`findings`), not one per page."""

    def __init__(self, settings: ExtractSettings) -> None:
        self.off = not settings.ocr
        self._langs = settings.ocr_languages
        self._asked = False  # Tesseract is looked for when a page first needs it
        self.reason: str | None = None
        self.unread: list[int] = []

    @property
    def open(self) -> bool:
        if self.off:
            return False
        if not self._asked:
            self._asked = True
            self.reason = self.reason or unavailable_reason(self._langs)
        return self.reason is None

    def refuse(self, page: int, reason: str | None = None) -> None:
        """`page` needed OCR and did not get it (`reason`: Tesseract went missing mid-way)."""
        if reason is not None and self.reason is None:
            self.reason = reason
        self.unread.append(page)

    def findings(self, file: str) -> list[Finding]:
        if not self.unread:
            return []
        if self.off:
            return [R.ocr_skipped(file, self.unread)]
        return [R.ocr_unavailable(file, self.unread, self.reason or "?", INSTALL_HINT)]


def _check(languages: str) -> str:
    binary = _binary()
    have = _languages(binary)
    if not have:
        raise OcrUnavailable(f"tesseract 실행 파일을 찾을 수 없음 ({binary})")
    missing = [lang for lang in languages.split("+") if lang not in have]
    if missing:
        raise OcrUnavailable(f"tesseract 언어 데이터 없음: {', '.join(missing)}")
    return shutil.which(binary) or binary


# Tesseract reads stdin that is not an image as a list of file names to open: only ever
# hand it real image bytes.
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM",
                b"P4", b"P5", b"P6")


def _run_tesseract(image: bytes, languages: str, dpi: float | None, psm: int,
                   timeout: float) -> str:
    exe = _check(languages)
    if not image.startswith(_IMAGE_MAGIC):
        raise OcrFailed("이미지 형식이 아님")
    cmd = [exe, "stdin", "stdout", "-l", languages, "--psm", str(psm), *_CONFIG]
    if dpi:
        cmd += ["--dpi", str(round(dpi))]
    cmd.append("tsv")
    env = dict(os.environ)
    # OpenMP threads only slow Tesseract down on a shared 2-core machine (measured);
    # parallelism belongs to the caller, one page per process.
    env.setdefault("OMP_THREAD_LIMIT", "1")
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, input=image, capture_output=True, timeout=timeout,
                              env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise OcrFailed(f"{timeout:.0f}초 안에 끝나지 않음") from exc
    finally:
        for listener in _tesseract_listeners:
            listener(time.perf_counter() - started)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrFailed(f"tesseract 오류: {err[-1] if err else proc.returncode}")
    return proc.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str) -> list[OcrWord]:
    """Word rows (level 5) with a confidence and some text; layout rows are skipped."""
    words: list[OcrWord] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t", 11)
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        conf = float(cols[10])
        if not text or conf < 0:
            continue
        left, top, width, height = (int(v) for v in cols[6:10])
        words.append(OcrWord((int(cols[2]), int(cols[3]), int(cols[4])),
                           left, top, left + width, top + height, conf, text))
    return words


def _runs(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Group words into lines, then split a line where a wide gap or a ruling separates it."""
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    runs: list[list[OcrWord]] = []
    for line in lines.values():
        line.sort(key=lambda w: w.left)
        height = median(w.bottom - w.top for w in line) or 1
        run: list[OcrWord] = []
        for w in line:
            if w.text and all(ch in _RULE_GLYPHS for ch in w.text):
                if run:
                    runs.append(run)
                run = []
                continue
            if run and w.left - run[-1].right > _RUN_GAP * height:
                runs.append(run)
                run = []
            run.append(w)
        if run:
            runs.append(run)
    return runs


def build_result(words: list[OcrWord], to_page: fitz.Matrix, page_number: int,
                 started: float | None = None) -> OcrResult:
    """Spans (one per run of a line) in page coordinates from Tesseract's words."""
    spans: list[Span] = []
    kept = 0
    confs: list[float] = []
    for run in _runs(words):
        px = fitz.Rect(min(w.left for w in run), min(w.top for w in run),
                       max(w.right for w in run), max(w.bottom for w in run))
        r = px * to_page  # the bounding box of the mapped rectangle (handles rotation)
        conf = fmean(w.conf for w in run)
        text = " ".join(w.text for w in run)
        bbox = (round(r.x0, 2), round(r.y0, 2), round(r.x1, 2), round(r.y1, 2))
        spans.append(Span(page=page_number, text=text, key=match_key(text), bbox=bbox,
                          ocr=True, confidence=round(conf, 2)))
        kept += len(run)
        confs.extend(w.conf for w in run)
    mean = round(fmean(confs), 2) if confs else None
    seconds = 0.0 if started is None else round(time.perf_counter() - started, 3)
    return OcrResult(spans=spans, mean_confidence=mean, words=kept, seconds=seconds)


def ocr_image(
    png_bytes: bytes,
    *,
    languages: str = "kor+eng",
    scale: float = 1.0,
    page_number: int = 1,
    dpi: float | None = None,
    psm: int = DEFAULT_PSM,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> OcrResult:
    """OCR an encoded image (PNG, or any format Leptonica reads).

    `scale` is page points per image pixel (72/dpi for a scan); bboxes come back in page
    points, top-left origin. `dpi`, when known, is passed on so Tesseract need not guess.
    Raises `OcrUnavailable` without Tesseract/languages, `OcrFailed` on a bad image.
    """
    started = time.perf_counter()
    tsv = _run_tesseract(png_bytes, languages, dpi, psm, timeout)
    return build_result(parse_tsv(tsv), fitz.Matrix(scale, scale), page_number, started)


def capped_dpi(width_pt: float, height_pt: float, dpi: int, max_megapixels: float) -> int:
    """`dpi`, lowered as far as needed for a `width_pt` × `height_pt` region to render
    within `max_megapixels` (a 14,400-pt page at 300 dpi would be 3.6 gigapixels)."""
    area_in2 = max(width_pt, 1.0) * max(height_pt, 1.0) / (72.0 * 72.0)
    fit = math.floor(math.sqrt(max_megapixels * 1e6 / area_in2))
    return max(1, min(dpi, fit))


def render_page(
    page: fitz.Page, dpi: int, clip: fitz.Rect | None = None
) -> tuple[bytes, fitz.Matrix]:
    """Grey PNG of `page` (or of `clip`, in unrotated page coordinates) and the matrix that
    maps its pixels back to the coordinates `page.get_text()` uses (unrotated, top-left)."""
    zoom = dpi / 72.0
    shown = None if clip is None else fitz.Rect(clip) * page.rotation_matrix
    pix = page.get_pixmap(dpi=dpi, colorspace=fitz.csGRAY, alpha=False, clip=shown)
    # pixel → displayed page (pix.x/y: where a clipped pixmap starts) → unrotated page
    to_page = (fitz.Matrix(1, 0, 0, 1, pix.x, pix.y) * fitz.Matrix(1 / zoom, 1 / zoom)
               * page.derotation_matrix)
    return pix.tobytes("png"), to_page


def page_dpi(page: fitz.Page, settings: ExtractSettings, clip: fitz.Rect | None = None) -> int:
    """The resolution `page` (or `clip` of it) is rendered at for OCR: `settings.ocr_dpi`
    unless that would exceed the limit on rendered pixels."""
    rect = page.rect if clip is None else fitz.Rect(clip)
    return capped_dpi(rect.width, rect.height, settings.ocr_dpi,
                      settings.limits.max_render_megapixels)


def ocr_pdf_page(page: fitz.Page, settings: ExtractSettings, *,
                 clip: fitz.Rect | None = None, psm: int = DEFAULT_PSM) -> OcrResult:
    """OCR one PDF page (or the `clip` region of it) rendered at `settings.ocr_dpi`
    (lower for a page too big for the pixel limit: `page_dpi`).

    Span bboxes are in PDF points in the space of PyMuPDF's text extraction (unrotated
    page, top-left origin), so OCR spans and text-layer spans of a document line up.
    """
    dpi = page_dpi(page, settings, clip)
    png, to_page = render_page(page, dpi, clip)
    return ocr_rendered(png, to_page, page.number + 1, settings, psm=psm, dpi=dpi)


def ocr_rendered(png: bytes, to_page: fitz.Matrix, page_number: int, settings: ExtractSettings,
                 *, psm: int = DEFAULT_PSM, dpi: int | None = None) -> OcrResult:
    """OCR a page already rendered by `render_page` (at `dpi`, default `settings.ocr_dpi`).
    Touches no PyMuPDF document, so it may run in a worker thread while the caller renders
    the next page."""
    started = time.perf_counter()
    tsv = _run_tesseract(png, settings.ocr_languages, dpi or settings.ocr_dpi, psm,
                         DEFAULT_TIMEOUT_S)
    return build_result(parse_tsv(tsv), to_page, page_number, started)
