"""Turns a born-digital PDF into an image-only 'scan': raster, tilt, noise, no text layer.

Pages come out as a black-and-white 200 dpi scan (an office MFP's text mode), except the
pages listed as ``gray`` (certificates), which are greyscale JPEGs.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import fitz
import numpy as np
from PIL import Image

DPI = 200
META = {
    "producer": "Canon iR-ADV C5535 PDF",
    "creator": "Canon iR-ADV C5535",
    "creationDate": "D:20250918103000+09'00'",
    "modDate": "D:20250918103000+09'00'",
}


def raster(page: fitz.Page, rng: np.random.Generator) -> np.ndarray:
    pix = page.get_pixmap(dpi=DPI, colorspace=fitz.csGRAY, alpha=False)
    img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    img = img.rotate(
        float(rng.uniform(-1.2, 1.2)), resample=Image.Resampling.BICUBIC, fillcolor=255
    )
    return np.asarray(img, dtype=np.float32)


def specks(arr: np.ndarray, rng: np.random.Generator, share: float, value: float) -> None:
    n = int(arr.size * share)
    ys, xs = rng.integers(0, arr.shape[0] - 3, n), rng.integers(0, arr.shape[1] - 3, n)
    for dy in range(2):
        for dx in range(2):
            arr[ys + dy, xs + dx] = value


def bilevel(arr: np.ndarray, rng: np.random.Generator) -> bytes:
    arr = arr + rng.normal(0, 22, arr.shape)  # ragged glyph edges after thresholding
    specks(arr, rng, 0.00003, 0.0)
    img = Image.fromarray(((arr > 150) * 255).astype(np.uint8)).convert("1")
    buf = BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def greyscale(arr: np.ndarray, rng: np.random.Generator) -> bytes:
    arr = arr * 0.93 + 12 + rng.normal(0, 2, arr.shape)  # greyish paper
    specks(arr, rng, 0.00002, 90.0)
    buf = BytesIO()
    Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).save(
        buf, format="JPEG", quality=40, optimize=True
    )
    return buf.getvalue()


def scan_pdf(src: Path, dst: Path, seed: int, gray: set[int] | frozenset[int] = frozenset()) -> int:
    """Write ``dst`` with one full-page image per page of ``src`` (1-based ``gray`` pages in
    greyscale); deterministic for a given seed. Returns the page count."""
    rng = np.random.default_rng(seed)
    doc, out = fitz.open(src), fitz.open()
    for i, page in enumerate(doc, 1):
        arr = raster(page, rng)
        data = greyscale(arr, rng) if i in gray else bilevel(arr, rng)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=data)
    out.set_metadata(META)
    out.save(dst, deflate=True, garbage=4, no_new_id=True)
    return doc.page_count
