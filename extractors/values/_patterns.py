"""spaCy Matcher patterns for dates, periods, amounts, counts, percentages and ratios.

Patterns describe token *shapes* only (on NORM, the NFKC form of a token); each match
is then read by the parsers in `dates`/`numbers`, which decide whether it is a value.
The Kiwi tokenizer in `nlp` keeps "1,250", "2023.08" and "’" as single tokens and
splits "12건" into "12" + "건", which is what these shapes assume.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Any

from extractors.values._text import APOSTROPHES, RANGE_SEPARATORS
from extractors.values.units import UNIT_WORDS

Token = dict[str, Any]
Pattern = list[Token]

_SCALE_RE = r"(?:[십백천]?[만억조]|[십백천])"
_UNITS_RE = "|".join(re.escape(u) for u in UNIT_WORDS if u not in ("%", "%p", "퍼센트"))


def _opt(token: Token) -> Token:
    return {**token, "OP": "?"}


APOS: Token = {"NORM": {"IN": [*APOSTROPHES, " ́"]}}
Y4: Token = {"NORM": {"REGEX": r"^(?:19|20)\d{2}$"}}
YY: Token = {"NORM": {"REGEX": r"^\d{2}$"}}
D12: Token = {"NORM": {"REGEX": r"^\d{1,2}$"}}
DOTTED: Token = {"NORM": {"REGEX": r"^\d{2,4}\.\d{1,2}(?:\.\d{1,2})?$"}}
MD: Token = {"NORM": {"REGEX": r"^\d{1,2}\.\d{1,2}$"}}
DOT: Token = {"NORM": "."}
DASH: Token = {"NORM": {"IN": ["-", "/"]}}
SEP: Token = {"NORM": {"IN": list(RANGE_SEPARATORS)}}
YEAR: Token = {"NORM": {"IN": ["년", "년도"]}}
MONTH: Token = {"NORM": "월"}
DAY: Token = {"NORM": "일"}

NUM: Token = {"NORM": {"REGEX": r"^\d+(?:[.,]\d+)*$"}}
SIGN: Token = {"NORM": {"IN": ["-", "−", "–", "△", "+"]}, "SPACY": False, "OP": "?"}
SCALE: Token = {"NORM": {"REGEX": rf"^{_SCALE_RE}$"}}
# A unit, possibly with its scale glued on by the tokenizer ("백만원", "천명").
UNIT: Token = {"NORM": {"REGEX": rf"^{_SCALE_RE}?(?:{_UNITS_RE}|원)$"}}
PERCENT: Token = {"NORM": {"IN": ["%", "퍼센트"]}}
PER_UNIT: Token = {
    "NORM": {"IN": ["명", "인", "km", "km2", "가구", "세대", "개소", "개", "대", "건"]}
}
PER: Token = {"NORM": {"REGEX": r"^(?:명|인|km)?당$"}}
LABEL: Token = {"IS_ALPHA": True, "OP": "{0,6}"}


def _year_variants() -> list[Pattern]:
    return [[Y4], [APOS, YY]]


def _dates() -> list[Pattern]:
    """Single dates: "’24.10", "2023. 5. 12.", "2023-05-12", "2023년 5월 12일"."""
    out: list[Pattern] = [[_opt(APOS), DOTTED, _opt(DOT)]]
    for year in _year_variants():
        out.append([*year, DOT, D12, _opt(DOT)])
        out.append([*year, DOT, D12, DOT, D12, _opt(DOT)])
    out.append([Y4, DASH, D12])
    out.append([Y4, DASH, D12, DASH, D12])
    for year in [[Y4], [_opt(APOS), YY]]:
        out.append([*year, YEAR])
        out.append([*year, YEAR, D12, MONTH])
        out.append([*year, YEAR, D12, MONTH, D12, DAY])
    return out


def _span_ends() -> list[Pattern]:
    """What may follow the separator: a full date, a year, or the part that changed."""
    short: list[Pattern] = [
        [D12, _opt(DOT)],
        [MD, _opt(DOT)],
        [D12, DOT, D12, _opt(DOT)],
        [D12, MONTH],
        [D12, MONTH, D12, DAY],
        [D12, DAY],
        [_opt(APOS), YY, _opt(YEAR)],
    ]
    return [*_dates(), *_year_variants(), *short]


def date_patterns() -> dict[str, list[Pattern]]:
    starts = [*_dates(), *_year_variants()]
    spans = [[*start, SEP, *end] for start, end in product(starts, _span_ends())]
    return {"DATE": _dates(), "SPAN": spans}


def quantity_patterns() -> dict[str, list[Pattern]]:
    """Amounts with a unit: "12건", "1,250백만원", "15억 3천만원", "12.34%", "3.2%p"."""
    bodies: list[Pattern] = [
        [NUM],
        [NUM, SCALE],
        [NUM, SCALE, NUM],
        [NUM, SCALE, NUM, SCALE],
        [NUM, SCALE, NUM, SCALE, NUM],
        [NUM, SCALE, NUM, SCALE, NUM, SCALE],
    ]
    qty = [[SIGN, *body, UNIT] for body in bodies]
    qty.append([SIGN, NUM, PERCENT])
    qty.append([SIGN, NUM, {"NORM": "%", "SPACY": False}, {"NORM": "p"}])
    heads: list[Pattern] = [
        [_opt(NUM), _opt(SCALE), _opt(PER_UNIT), PER],
    ]
    tails: list[Pattern] = [[SIGN, NUM], [SIGN, NUM, UNIT], [SIGN, NUM, PERCENT]]
    ratio = [[*head, LABEL, *tail] for head, tail in product(heads, tails)]
    return {"QUANTITY": qty, "RATIO": ratio}
