"""Units and Korean number scales used in submissions.

A unit as written may carry a scale prefix ("백만원", "천명", "만명"): `split_unit`
separates it into the base unit and its factor so amounts can be compared exactly.
"""

from __future__ import annotations

from decimal import Decimal

# Korean scale words. Small ones (십/백/천) multiply within a block of four digits;
# big ones (만/억/조) close the block: "1천 2백만" = (1000 + 200) x 10^4.
SMALL_SCALES: dict[str, int] = {"십": 10, "백": 100, "천": 1_000}
BIG_SCALES: dict[str, int] = {"만": 10**4, "억": 10**8, "조": 10**12}

# Base units as printed after NFKC (㎞ → km, ㎡ → m2, ％ → %), mapped to the canonical form.
UNIT_ALIASES: dict[str, str] = {
    "%p": "%p",
    "%": "%",
    "퍼센트": "%",
    "원": "원",
    "명": "명",
    "인": "명",
    "건": "건",
    "개소": "개소",
    "개월": "개월",
    "개": "개",
    "종": "종",
    "회": "회",
    "차례": "회",
    "대": "대",
    "곳": "곳",
    "편": "편",
    "권": "권",
    "가구": "가구",
    "세대": "세대",
    "팀": "팀",
    "시간": "시간",
    "km2": "km²",
    "km²": "km²",
    "km": "km",
    "m2": "m²",
    "m²": "m²",
    "m": "m",
}

MONEY_UNIT = "원"
PERSON_UNIT = "명"
PERCENT_UNITS = frozenset({"%", "%p"})
COUNT_UNITS = frozenset(u for u in UNIT_ALIASES.values() if u not in PERCENT_UNITS | {"원"})

# Longest first so that "개소" wins over "개" and "km2" over "km" in regex alternations.
UNIT_WORDS: tuple[str, ...] = tuple(sorted(UNIT_ALIASES, key=len, reverse=True))


def scale_factor(scale: str) -> int | None:
    """Factor of a scale word such as "천", "백만", "천억"; None if it is not one."""
    if not scale:
        return 1
    small, big = scale[:-1], scale[-1]
    if big in BIG_SCALES:
        if small == "":
            return BIG_SCALES[big]
        if small in SMALL_SCALES:
            return SMALL_SCALES[small] * BIG_SCALES[big]
        return None
    return SMALL_SCALES.get(scale)


def split_scale(scale: str) -> tuple[int, int | None] | None:
    """("천만") -> (1000, 10**4): the small multiplier and the big unit that closes the block."""
    if not scale:
        return 1, None
    if scale[-1] in BIG_SCALES:
        small = scale[:-1]
        if small and small not in SMALL_SCALES:
            return None
        return SMALL_SCALES.get(small, 1), BIG_SCALES[scale[-1]]
    if scale in SMALL_SCALES:
        return SMALL_SCALES[scale], None
    return None


def canonical_unit(word: str) -> str | None:
    """Canonical base unit for a unit word as written (after NFKC), or None."""
    return UNIT_ALIASES.get(word)


def split_unit(unit: str | None) -> tuple[str, Decimal] | None:
    """("백만원") -> ("원", 1000000); ("건") -> ("건", 1); None for no/unknown unit."""
    if not unit:
        return None
    if unit in COUNT_UNITS or unit in PERCENT_UNITS or unit == MONEY_UNIT:
        return unit, Decimal(1)
    for base in (MONEY_UNIT, *sorted(COUNT_UNITS, key=len, reverse=True)):
        if unit.endswith(base):
            factor = scale_factor(unit[: -len(base)])
            if factor is not None:
                return base, Decimal(factor)
    return None
