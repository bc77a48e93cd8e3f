"""Region images: rotated PDF pages and scans are cropped where the extraction's bbox
says, the box highlighted; pages nobody points at are never rendered."""

from __future__ import annotations

from pathlib import Path

import fitz
import numpy as np
from PIL import Image

from smartcert.core.findings import Location
from smartcert.reports.regions import RegionRenderer, place_text


def _pixels(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB")).astype(int)


def _yellow(arr: np.ndarray) -> np.ndarray:  # highlighted background: red+green high, blue low
    return (arr[:, :, 0] > 200) & (arr[:, :, 1] > 180) & (arr[:, :, 2] < 190)


def test_rotated_pdf_page_crop_shows_the_text(tmp_path: Path) -> None:
    doc = fitz.open()
    page = doc.new_page(width=600, height=800)
    page.insert_text((100, 400), "HELLO WORLD", fontsize=20)
    page.set_rotation(90)
    x0, y0, x1, y1 = page.get_text("words")[0][:4]  # unrotated space, as extraction gives
    doc.save(tmp_path / "r.pdf")
    with RegionRenderer({"r.pdf": tmp_path / "r.pdf"}, tmp_path) as r:
        img = r.render(Location(file="r.pdf", page=1, bbox=(x0, y0, x1, y1)))
    assert img is not None
    arr = _pixels(tmp_path / img.src)
    dark = arr.sum(axis=2) < 200
    assert dark.sum() > 50  # the word is inside the crop (a wrong rotation crops blank paper)
    assert _yellow(arr).sum() > 100


def test_scan_crop_uses_its_dpi(tmp_path: Path) -> None:
    im = Image.new("L", (1200, 1600), 255)
    im.paste(0, (600, 800, 800, 840))  # a black bar at 144 dpi = points (300,400)-(400,420)
    im.save(tmp_path / "scan.png", dpi=(144, 144))
    with RegionRenderer({"scan.png": tmp_path / "scan.png"}, tmp_path) as r:
        img = r.render(Location(file="scan.png", page=1, bbox=(300.0, 400.0, 400.0, 420.0)))
        again = r.render(Location(file="scan.png", page=1, bbox=(300.0, 400.0, 400.0, 420.0)))
    assert img is not None and again == img and r.rendered == 1
    arr = _pixels(tmp_path / img.src)
    assert (arr.sum(axis=2) < 250).sum() > 500  # the bar (under the highlight) is in the crop


def test_only_named_pages_and_no_image_for_sheets(tmp_path: Path) -> None:
    doc = fitz.open()
    for _ in range(50):
        doc.new_page()
    doc.save(tmp_path / "big.pdf")
    with RegionRenderer({"big.pdf": tmp_path / "big.pdf"}, tmp_path) as r:
        assert r.render(Location(file="big.pdf", page=7)) is not None
        assert r.render(Location(file="big.pdf", page=99)) is None  # out of range
        assert r.render(Location(file="missing.pdf", page=1)) is None
        assert r.render(Location(file="x.xlsx", sheet="요약", cell="B3")) is None
    assert len(list((tmp_path / "report_files").glob("*.png"))) == 1
    assert place_text(Location(file="x.xlsx", sheet="요약", cell="B3")) == "x.xlsx · 시트 '요약' · B3 셀"
