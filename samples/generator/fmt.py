"""Number and date formatting exactly as municipalities print them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def dec(value: int | float | str | Decimal) -> Decimal:
    """Exact decimal of a printed figure (floats go through their repr, never binary)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """The rounding every form states ('소수점 셋째 자리에서 반올림')."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def as_json_number(value: Decimal) -> int | float:
    """A Decimal as a JSON number: int when integral, float of its exact text otherwise."""
    return (
        int(value)
        if value == value.to_integral_value() and value.as_tuple().exponent >= 0
        else float(str(value))
    )


def num(n: int | float | Decimal) -> str:
    """'1,208' — thousands separators, no decimals."""
    return f"{int(n):,}"


def fixed(v: int | float | Decimal, decimals: int = 2) -> str:
    """'3.21', '1,476.53' — fixed decimals with thousands separators."""
    return f"{dec(v):,.{decimals}f}"


def yy_mm(iso: str) -> str:
    """'2024-05' -> "'24.05"."""
    y, m = iso.split("-")[:2]
    return f"'{y[2:]}.{m}"


def yy_m_d(iso: str) -> str:
    """'2024-05-10' -> "'24.5.10"."""
    y, m, d = iso.split("-")
    return f"'{y[2:]}.{int(m)}.{int(d)}"


def yy_mm_dd(iso: str) -> str:
    """'2024-11-21' -> "'24.11.21"."""
    y, m, d = iso.split("-")
    return f"'{y[2:]}.{m}.{d}"


def dotted(iso: str) -> str:
    """'2023-08-01' -> '2023.08.01'; '2023-08' -> '2023.08'."""
    return iso.replace("-", ".")


def korean_date(iso: str) -> str:
    """'2025-09-19' -> '2025년 9월 19일'."""
    y, m, d = iso.split("-")
    return f"{y}년 {int(m)}월 {int(d)}일"


def spaced_date(iso: str) -> str:
    """'2025-09-19' -> '2025. 9. 19.' (the official-letter style)."""
    y, m, d = iso.split("-")
    return f"{y}. {int(m)}. {int(d)}."


def span_label(start: str, end: str) -> str:
    """The 2-year window as the forms print it: "'23~'24년" or "'23.8~'25.7"."""
    (ys, ms), (ye, me) = start.split("-"), end.split("-")
    if ms == "01" and me == "12":
        return f"'{ys[2:]}~'{ye[2:]}년"
    return f"'{ys[2:]}.{int(ms)}~'{ye[2:]}.{int(me)}"


def month_index(iso: str) -> int:
    y, m = iso.split("-")[:2]
    return int(y) * 12 + int(m) - 1


def month_of(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_range(start: str, end: str) -> str:
    """ "'23.01~02", "'23.12~'24.01", or "'23.05" for a one-month run."""
    if start == end:
        return yy_mm(start)
    if start[:4] == end[:4]:
        return f"{yy_mm(start)}~{end[5:7]}"
    return f"{yy_mm(start)}~{yy_mm(end)}"
