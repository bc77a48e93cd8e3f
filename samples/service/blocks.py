"""Small block shapes shared by the S-item builders: headings, key-value and list tables,
evidence page heads, screen-capture frames, and number formats."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from samples.generator.doc import C, Cell, H, L, Para, Spacer, Table, TableBuilder
from samples.generator.fmt import korean_date, spaced_date
from samples.generator.kit import capture
from samples.service.catalogue import Item


def pts(x: float) -> str:
    """A score as printed: '3', '21.5', '1.5'."""
    return f"{x:g}"


def pct(a: float, b: float, decimals: int = 1) -> str:
    """a/b in percent, half-up: '58.3'."""
    q = Decimal(1).scaleb(-decimals)
    return str((Decimal(a) * 100 / Decimal(b)).quantize(q, rounding=ROUND_HALF_UP))


def half_up(x: float, decimals: int = 2) -> str:
    q = Decimal(1).scaleb(-decimals)
    return str(Decimal(str(x)).quantize(q, rounding=ROUND_HALF_UP))


def dots(iso: str) -> str:
    """'2023-06-12' -> '2023. 6. 12.'"""
    return spaced_date(iso)


def span(a: str, b: str) -> str:
    return f"{dots(a)} ~ {dots(b)}"


def kdate(iso: str) -> str:
    return korean_date(iso)


def head(text: str, size: float = 11.0) -> Para:
    return Para(text, size=size, bold=True, before=8, after=3, keep_with_next=True)


def text(s: str, indent: float = 10.0, size: float = 10.0) -> Para:
    return Para(s, size=size, indent=indent, after=3)


def kv(
    pairs: list[tuple[str, str] | tuple[str, str, str | None]],
    widths: tuple[float, float] = (120, 340),
    size: float = 9.0,
) -> Table:
    """Label | value rows; a third element is the value cell's fact key."""
    tb = TableBuilder(list(widths), size=size)
    for pair in pairs:
        label, value = pair[0], pair[1]
        key = pair[2] if len(pair) > 2 else None
        tb.row(H(label, spaced=len(label) <= 6), L(value, key=key))
    return tb.build()


def grid(
    headers: list[str],
    rows: list[list[Any]],
    widths: list[float],
    size: float = 8.8,
    total: list[Cell | str] | None = None,
) -> Table:
    """A ruled list with a header row repeated on each page it continues on."""
    tb = TableBuilder(widths, header_rows=1, size=size)
    tb.row(*[H(h, spaced=len(h) <= 5) for h in headers])
    for r in rows:
        tb.row(*[x if isinstance(x, Cell) else C(x) for x in r])
    if total:
        tb.row(*total)
    return tb.build()


def ev_head(item: Item, subtitle: str, key: str | None = None) -> list[Any]:
    return [
        Para(f"[{item.s}] {item.number} {item.name}", size=11.5, bold=True, after=2, key=key),
        Para(subtitle, size=10, after=6, color=(0.15, 0.15, 0.4)),
    ]


def report_head(title: str, org: str, date_iso: str, doc_no: str | None = None) -> list[Any]:
    """The head of a report or official document as filed into the evidence."""
    tb = TableBuilder([70, 230, 60, 100], size=9)
    tb.row(H("문서 제목"), L(title, colspan=3))
    tb.row(H("작성 기관"), L(org), H("일 자"), C(dots(date_iso)))
    if doc_no:
        tb.row(H("문서 번호"), L(doc_no, colspan=3))
    return [tb.build(), Spacer(6)]


def screen(url: str, site: str) -> Any:
    return capture(url, site)


def note(s: str) -> Para:
    return Para(s, size=8.2, before=2, after=2, color=(0.3, 0.3, 0.3))
