"""Building blocks shared by the indicator builders: list tables and evidence pages."""

from __future__ import annotations

from typing import Any

from samples.generator.doc import C, Cell, Figure, H, L, Para, Spacer, Table, TableBuilder
from samples.generator.fmt import korean_date
from samples.generator.fonts import font_name
from samples.generator.model import EvPage
from samples.generator.pdf_text import wrap

RED = (0.82, 0.1, 0.1)
ROWS_PER_EVIDENCE_PAGE = 22


def list_table(
    headers: list[str],
    rows: list[list[Any]],
    widths: list[float],
    total: list[Cell | str] | None = None,
    size: float = 9.0,
) -> Table:
    """A ruled list with a letter-spaced header row; long lists may break across pages."""
    tb = TableBuilder(widths, header_rows=1, split_cols=frozenset({0}), size=size)
    tb.row(*[H(h) for h in headers])
    for r in rows:
        tb.row(*[x if isinstance(x, Cell) else C(x) for x in r])
    if total:
        tb.row(*total)
    return tb.build()


def grouped_rows(groups: list[tuple[str, list[list[Any]]]]) -> list[list[Any]]:
    """Rows whose first column is one vertically merged cell per group ('기관'/'개인')."""
    out: list[list[Any]] = []
    for label, rows in groups:
        for i, r in enumerate(rows):
            out.append(([C(label, rowspan=len(rows))] if i == 0 else []) + r)
    return out


def ev_page(code: str, name: str, subtitle: str, blocks: list[Any], shows: list[str]) -> EvPage:
    head = [
        Para(f"[{code}] {name}", size=11.5, bold=True, after=2),
        Para(subtitle, size=10, after=6, color=(0.15, 0.15, 0.4)),
    ]
    return EvPage(title=subtitle, blocks=head + blocks, shows=shows)


def chunked_list_pages(
    code: str,
    name: str,
    subtitle: str,
    headers: list[str],
    rows: list[list[Any]],
    widths: list[float],
    shows: list[list[str]],
    intro: list[Any] | None = None,
    per_page: int = ROWS_PER_EVIDENCE_PAGE,
) -> list[EvPage]:
    """A list spread over as many evidence pages as needed, each page proving its rows."""
    pages = []
    for k in range(0, max(len(rows), 1), per_page):
        sub = subtitle if k == 0 else f"{subtitle} (계속)"
        blocks = (intro or []) if k == 0 else []
        tbl = list_table(headers, rows[k : k + per_page], widths, size=8.5)
        pages.append(
            ev_page(
                code, name, sub, [*blocks, tbl], [s for row in shows[k : k + per_page] for s in row]
            )
        )
    return pages


def report_header(doc_title: str, dept: str, date_iso: str) -> list[Any]:
    """The head of an internal report (내부 결재 문서) as scanned into evidence."""
    tb = TableBuilder([60, 200, 60, 120], size=9)
    tb.row(H("문서 제목"), L(doc_title, colspan=3))
    tb.row(H("담당 부서"), C(dept), H("시행 일자"), C(korean_date(date_iso)))
    return [tb.build(), Spacer(8)]


def capture(url: str, site: str, height: float = 34.0) -> Figure:
    """A browser-window frame, as in a printed screen capture."""

    def draw(p: Any, w: float) -> None:
        p.rect(0, 0, w, height - 6, stroke=0.6, fill=0.93)
        for i in range(3):
            p.circle(10 + i * 9, 9, 2.6, width=0.6, color=(0.4, 0.4, 0.4))
        p.rect(42, 3, w - 50, 12, stroke=0.5, fill=1.0)
        p.text(46, 12.5, url, size=7.5, mode="plain")
        p.text(6, 24, site, size=8.5, bold=True)

    return Figure(height=height, draw=draw)


def seal(p: Any, x: float, y: float, text: str, size: float = 34.0) -> None:
    """A red official seal: a square frame with the seal name in 2 columns."""
    p.rect(x, y, size, size, stroke=1.4, color=RED)
    chars = text.replace(" ", "")
    half = (len(chars) + 1) // 2
    for col, part in enumerate((chars[:half], chars[half:])):
        for i, ch in enumerate(part):
            p.text(
                x + size * (0.72 - 0.44 * col),
                y + 8 + i * (size - 10) / max(half, 1),
                ch,
                size=7.5,
                align="center",
                color=RED,
                mode="plain",
            )


def certificate(
    no: str, recipient: list[str], award: str, date_iso: str, issuer: str, height: float = 300.0
) -> Figure:
    """A framed certificate (표창장): award on its own line so it reads as one string."""

    def draw(p: Any, w: float) -> None:
        x0, w0 = 40.0, w - 80
        p.rect(x0, 4, w0, height - 14, stroke=2.2, color=(0.45, 0.3, 0.1))
        p.rect(x0 + 6, 10, w0 - 12, height - 26, stroke=0.6, color=(0.45, 0.3, 0.1))
        p.text(x0 + 20, 32, f"제 {no} 호", size=9)
        p.text(
            x0 + w0 / 2,
            70,
            "표 창 장",
            size=26,
            bold=True,
            align="center",
            family="myeongjo",
            mode="spaced",
        )
        y = 100.0
        for line in recipient:
            p.text(x0 + w0 - 40, y, line, size=10.5, align="right", family="myeongjo")
            y += 16
        p.text(x0 + 30, y + 8, f"수상명 : {award}", size=10.5, bold=True, family="myeongjo")
        body = (
            "위는 스마트도시 분야에서 탁월한 성과를 거두어 타의 모범이 되었으므로 이에 표창합니다."
        )
        font = font_name("myeongjo", False)
        for i, line in enumerate(wrap(body, w0 - 60, font, 10.5, "words")):
            p.text(x0 + 30, y + 34 + i * 17, line, size=10.5, family="myeongjo")
        p.text(
            x0 + w0 / 2,
            height - 62,
            korean_date(date_iso),
            size=10.5,
            align="center",
            family="myeongjo",
        )
        p.text(
            x0 + w0 / 2,
            height - 34,
            issuer + ("장관" if issuer.endswith("부") else "장"),
            size=13,
            bold=True,
            align="center",
            family="myeongjo",
        )
        seal(p, x0 + w0 - 64, height - 60, "직인", size=30)

    return Figure(height=height, draw=draw)


def photos(captions: list[str], height: float = 150.0) -> Figure:
    """Photo placeholders (grey boxes) with captions, as in a result report."""

    def draw(p: Any, w: float) -> None:
        n = len(captions)
        bw = (w - 12 * (n - 1)) / n
        for i, cap in enumerate(captions):
            x = i * (bw + 12)
            p.rect(x, 0, bw, height - 24, stroke=0.4, fill=0.78)
            p.text(
                x + bw / 2,
                (height - 24) / 2 + 4,
                "(현장 사진)",
                size=9,
                align="center",
                color=(0.35, 0.35, 0.35),
            )
            p.text(x + bw / 2, height - 10, cap, size=8.5, align="center")

    return Figure(height=height, draw=draw)


def kv_table(pairs: list[tuple[str, str]], widths: tuple[float, float] = (120, 320)) -> Table:
    tb = TableBuilder(list(widths), size=9.5)
    for k, v in pairs:
        tb.row(H(k), L(v))
    return tb.build()
