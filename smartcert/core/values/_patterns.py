"""spaCy Matcher patterns for dates, periods, amounts, counts, percentages and ratios.

Patterns describe token *shapes* only (on NORM, the NFKC form of a token); every match
is then read by the parsers in `dates`/`numbers`, which decide whether it is a value and
what it says, so the styles live in one place. The Kiwi tokenizer in `nlp` keeps
"1,250", "2023.08" and "’" as single tokens and splits "12건" into "12" + "건", which is
what these shapes assume.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Any

from smartcert.core.values._text import APOSTROPHES, RANGE_SEPARATORS
from smartcert.core.values.units import UNIT_WORDS

Token = dict[str, Any]
Pattern = list[Token]

_SCALE_RE = r"(?:[십백천]?[만억조]|[십백천])"
_UNITS_RE = "|".join(re.escape(u) for u in UNIT_WORDS if u not in ("%", "%p", "퍼센트"))
_APOS_RE = "".join(re.escape(a) for a in APOSTROPHES)

# Anything a written date is made of: numerals, dots, apostrophes, 년/월/일, "-" and "/".
# A run of these is a candidate; `parse_date`/`parse_span` (strict) judge every run.
DATE_PIECE: Token = {"NORM": {"REGEX": rf"^(?:\d+(?:[.,]\d+)*|[.{_APOS_RE}/-]|년|년도|월|일)$"}}
SEP: Token = {"NORM": {"IN": list(RANGE_SEPARATORS)}}
WEEKDAY: Pattern = [
    {"NORM": "(", "SPACY": False},
    {"NORM": {"IN": list("월화수목금토일")}, "SPACY": False},
    {"NORM": ")"},
]

NUM: Token = {"NORM": {"REGEX": r"^\d+(?:[.,]\d+)*$"}}
SIGN: Token = {"NORM": {"IN": ["-", "−", "–", "△", "+"]}, "SPACY": False}
SCALE: Token = {"NORM": {"REGEX": rf"^{_SCALE_RE}$"}}
# A unit, possibly with its scale glued on by the tokenizer ("백만원", "천명").
UNIT: Token = {"NORM": {"REGEX": rf"^{_SCALE_RE}?(?:{_UNITS_RE}|원)$"}}
PERCENT: Token = {"NORM": {"IN": ["%", "퍼센트"]}}
PER_UNIT: Token = {
    "NORM": {"IN": ["명", "인", "km", "km2", "가구", "세대", "개소", "개", "대", "건"]}
}
PER: Token = {"NORM": {"REGEX": r"^(?:명|인|km)?당$"}}
LABEL: Token = {"IS_ALPHA": True, "OP": "{0,6}"}


def _opt(token: Token) -> Token:
    return {**token, "OP": "?"}


def date_patterns() -> dict[str, list[Pattern]]:
    """ "’24.10", "2023. 5. 12.", "2023년 5월"; periods are two such runs around a separator."""
    run = {**DATE_PIECE, "OP": "+"}
    dates = [[run], [run, *WEEKDAY]]  # "2023. 5. 12.(금)"
    # up to three spaces around the separator, as `find_dates` allows (one rides on a token)
    gap = {"NORM": {"REGEX": r"^ {1,2}$"}, "OP": "?"}
    spans = [[*start, gap, SEP, gap, *end] for start, end in product(dates, dates)]
    return {"DATE": dates, "SPAN": spans}


def quantity_patterns() -> dict[str, list[Pattern]]:
    """Amounts with a unit ("12건", "1,250백만원", "15억 3천만원", "12.34%", "3.2%p") and
    ratios ("1만명 당 3.21", "1km당 CCTV 12.5대")."""
    bodies: list[Pattern] = [
        [NUM],
        [NUM, SCALE],
        [NUM, SCALE, NUM],
        [NUM, SCALE, NUM, SCALE],
        [NUM, SCALE, NUM, SCALE, NUM],
        [NUM, SCALE, NUM, SCALE, NUM, SCALE],
    ]
    figures = [[*body, UNIT] for body in bodies]
    figures.append([NUM, PERCENT])
    figures.append([NUM, {"NORM": "%", "SPACY": False}, {"NORM": "p"}])
    # Every pattern starts with a required token: an optional first token would make the
    # Matcher open a state at every token of the document.
    qty = [*figures, *([SIGN, *f] for f in figures)]
    heads: list[Pattern] = [[NUM, _opt(SCALE), _opt(PER_UNIT), PER], [SCALE, _opt(PER_UNIT), PER]]
    tails: list[Pattern] = [[_opt(SIGN), NUM, _opt(UNIT)], [_opt(SIGN), NUM, PERCENT]]
    ratio = [[*head, LABEL, *tail] for head, tail in product(heads, tails)]
    return {"QUANTITY": qty, "RATIO": ratio}
