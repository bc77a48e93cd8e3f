"""Free drawings of the service documents: the 개요도, certificates, bar charts, screens.

Drawings whose words a reader needs (a certificate's number and validity, who signs) are
`Drawn`: they carry what they print, so a word processor can type them as text instead of
pasting a picture (office.py); the painter draws them as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from samples.generator.doc import Figure
from samples.generator.fmt import korean_date
from samples.generator.fonts import font_name
from samples.generator.kit import seal
from samples.generator.pdf_text import wrap

BLUE = (0.12, 0.23, 0.5)
GREY = (0.35, 0.35, 0.35)


@dataclass
class Drawn(Figure):
    """A drawing that says what it prints: ``kind`` ('certificate', 'signature',
    'closing') and the words, as ``data``."""

    kind: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def overview(ov: dict[str, Any], height: float = 230.0) -> Figure:
    """The 서비스 개요도: field infrastructure → platform → users, external links below."""

    def draw(p: Any, w: float) -> None:
        col = (w - 60) / 3

        def box(x: float, y: float, bw: float, title: str, lines: list[str]) -> float:
            h = 26 + 13 * len(lines)
            p.rect(x, y, bw, h, stroke=0.8, fill=0.95, color=BLUE)
            p.text(x + bw / 2, y + 15, title, size=9, bold=True, align="center", color=BLUE)
            for i, s in enumerate(lines):
                p.text(x + 6, y + 30 + 13 * i, s, size=7.6)
            return h

        h1 = box(0, 10, col, "현장 인프라", [f"· {s}" for s in ov["infra"]])
        h2 = box(col + 30, 10, col, "서비스 플랫폼", wrap_lines(ov["platform"], col - 12))
        h3 = box(2 * col + 60, 10, col, "이용자", [f"· {s}" for s in ov["users"]])
        mid = 10 + min(h1, h2, h3) / 2
        for x in (col + 2, 2 * col + 32):
            p.line(x, mid, x + 26, mid, width=1.2, color=BLUE)
            p.line(x + 20, mid - 4, x + 26, mid, width=1.2, color=BLUE)
            p.line(x + 20, mid + 4, x + 26, mid, width=1.2, color=BLUE)
        top = 10 + max(h1, h2, h3) + 24
        p.line(col + 30 + col / 2, 10 + h2, col + 30 + col / 2, top, width=1.0, color=GREY)
        box(col * 0.5, top, 2 * col + 60, "외부 연계", [" · ".join(ov["links"])])

    return Figure(height=height, draw=draw)


def wrap_lines(text: str, width: float, size: float = 7.6) -> list[str]:
    return wrap(text, width, font_name("gothic", False), size, "words")


def certificate(
    title: str,
    no: str,
    rows: list[tuple[str, str]],
    body: str,
    date_iso: str,
    issuer: str,
    seal_text: str = "직인",
    height: float = 420.0,
) -> Figure:
    """A framed certificate (특허증, 품질인증서, 등록증): number, labelled rows, issuer, seal."""

    def draw(p: Any, w: float) -> None:
        x0, w0 = 30.0, w - 60
        p.rect(x0, 4, w0, height - 14, stroke=2.0, color=BLUE)
        p.rect(x0 + 6, 10, w0 - 12, height - 26, stroke=0.6, color=BLUE)
        p.text(x0 + 22, 34, no, size=9)
        p.text(x0 + w0 / 2, 78, title, size=22, bold=True, align="center", mode="spaced")
        y = 118.0
        for label, value in rows:
            p.text(x0 + 36, y, label, size=10, bold=True, mode="spaced")
            lines = wrap_lines(value, w0 - 170, 10)
            for i, line in enumerate(lines):
                p.text(x0 + 130, y + 15 * i, line, size=10)
            y += 15 * (len(lines) - 1) + 24
        for i, line in enumerate(wrap_lines(body, w0 - 72, 10)):
            p.text(x0 + 36, y + 10 + 16 * i, line, size=10)
        p.text(x0 + w0 / 2, height - 84, korean_date(date_iso), size=11, align="center")
        p.text(
            x0 + w0 / 2 - 16,
            height - 52,
            issuer,
            size=13 if len(issuer) < 16 else 10.5,
            bold=True,
            align="center",
        )
        seal(p, x0 + w0 - 50, height - 80, seal_text, size=34)

    data = {"title": title, "no": no, "rows": rows, "body": body, "date": korean_date(date_iso),
            "issuer": issuer, "seal": seal_text}  # fmt: skip
    return Drawn(height=height, draw=draw, kind="certificate", data=data)


def bars(labels: list[str], values: list[float], unit: str, height: float = 150.0) -> Figure:
    """A bar chart as printed from a statistics screen (value above each bar)."""

    def draw(p: Any, w: float) -> None:
        base, top = height - 22, 16.0
        p.line(24, base, w - 4, base, width=0.6)
        vmax = max(values) or 1
        step = (w - 32) / len(values)
        for i, (lab, v) in enumerate(zip(labels, values, strict=True)):
            h = (base - top) * v / vmax
            x = 28 + i * step
            p.rect(x + step * 0.15, base - h, step * 0.7, h, stroke=0.3, fill=0.55)
            p.text(x + step / 2, base - h - 3, f"{v:g}", size=6.2, align="center")
            p.text(x + step / 2, base + 10, lab, size=6.4, align="center")
        p.text(2, 10, unit, size=7, color=GREY)

    return Figure(height=height, draw=draw)


def signature(
    lines: list[tuple[str, str]], seals: list[str], height: float = 30.0, size: float = 10.5
) -> Figure:
    """Right-aligned 'label  name (인)' lines, each with a red seal over its '(인)'."""

    def draw(p: Any, w: float) -> None:
        for i, ((label, name), st) in enumerate(zip(lines, seals, strict=True)):
            y = 18 + i * 34
            p.text(w - 40, y, f"{label}  {name}", size=size, align="right")
            p.text(w - 4, y, "(인)", size=size, align="right")
            if st:
                seal(p, w - 34, y - 22, st, 30)

    return Drawn(
        height=max(height, 34 * len(lines) + 6),
        draw=draw,
        kind="signature",
        data={"lines": lines, "seals": seals, "size": size},
    )


def closing(text: str, seal_text: str) -> Drawn:
    """A letter's closing: the sender's title, letter-spaced, with its seal beside it."""

    def draw(p: Any, w: float) -> None:
        p.text(w / 2, 30, text, size=18, bold=True, align="center", mode="spaced")
        seal(p, w / 2 + 92, 6, seal_text, 40)

    return Drawn(height=56, draw=draw, kind="closing", data={"text": text, "seal": seal_text})
