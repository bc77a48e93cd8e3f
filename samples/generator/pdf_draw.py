"""Draws laid-out pages with reportlab, Hancom style: one run per word, no space glyphs."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from samples.generator.fonts import string_width
from samples.generator.pdf_layout import Laid, Op
from samples.generator.pdf_text import gap


def draw_text(cv: Canvas, op: Op) -> None:
    _, x, y, s, font, size, mode, color = op
    cv.setFillColorRGB(*color)
    cv.setFont(font, size)
    if mode == "plain":
        cv.drawString(x, y, s)
        return
    parts = [ch for ch in s if ch != " "] if mode == "spaced" else s.split(" ")
    for part in parts:  # each word (or syllable) positioned on its own, like Hancom
        if part:
            cv.drawString(x, y, part)
        x += string_width(part, font, size) + gap(mode, size)


def draw_op(cv: Canvas, op: Op) -> None:
    kind = op[0]
    if kind == "text":
        draw_text(cv, op)
    elif kind == "line":
        _, x1, y1, x2, y2, width, color = op
        cv.setStrokeColorRGB(*color)
        cv.setLineWidth(width)
        cv.line(x1, y1, x2, y2)
    elif kind == "rect":
        _, x, y, w, h, stroke, fill, color = op
        if fill is not None:
            cv.setFillGray(fill)
        cv.setStrokeColorRGB(*color)
        cv.setLineWidth(stroke or 0.1)
        cv.rect(x, y, w, h, stroke=1 if stroke else 0, fill=1 if fill is not None else 0)
    elif kind == "circle":
        _, x, y, r, width, color = op
        cv.setStrokeColorRGB(*color)
        cv.setLineWidth(width)
        cv.circle(x, y, r, stroke=1, fill=0)
    else:
        raise ValueError(f"unknown op {kind}")


def write_pdf(
    laid: Laid, path: Path, *, title: str, author: str, producer: str = "Hancom PDF 1.3.0.538"
) -> None:
    """Write deterministically (``invariant``): same input, same bytes."""
    cv = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    cv.setTitle(title)
    cv.setAuthor(author)
    cv.setCreator("Hwp 2018 10.0.0.13764" if producer.startswith("Hancom") else producer)
    cv._doc.info.producer = producer
    for ops in laid.pages:
        for op in ops:
            draw_op(cv, op)
        cv.showPage()
    cv.save()
