"""Nanum fonts for reportlab (embedded as subsets, so the PDFs carry their own glyphs)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(os.environ.get("SAMPLES_FONT_DIR", "/usr/share/fonts/truetype/nanum"))
FILES = {
    ("gothic", False): "NanumGothic",
    ("gothic", True): "NanumGothicBold",
    ("myeongjo", False): "NanumMyeongjo",
    ("myeongjo", True): "NanumMyeongjoBold",
}
# more faces for the variant bundles (registered only when used)
EXTRA = {
    ("barun", False): "NanumBarunGothic",
    ("barun", True): "NanumBarunGothicBold",
    ("square", False): "NanumSquareR",
    ("square", True): "NanumSquareB",
}


@cache
def register() -> None:
    for name in FILES.values():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))


@cache
def register_extra(name: str) -> None:
    pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))


def font_name(family: str, bold: bool) -> str:
    register()
    if (family, bold) in EXTRA:
        register_extra(EXTRA[(family, bold)])
        return EXTRA[(family, bold)]
    return FILES[(family, bold)]


def string_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)
