"""Whether an evidence page shows a claimed figure: printed as such, in another unit
('40.99 만명' ← '409,870'), or supported by arithmetic without being repeated — the sum of
two or three figures printed together (C-4-1: 31,326 + 20,239 households = 51,565), the
sum of a ratio's term (A+B printed as one figure), or a ratio and its other component."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.claims import IndicatorClaim
from smartcert.validators.support.evidence_index import EvidencePage
from smartcert.validators.support.figures import number, tolerance

# a figure in 천명/만명/백만원 may be printed in 명/원 on the evidence, rounded to the
# form's decimals ('40.99 만명' ← '409,870'); the scale comes from the unit or the label
_SCALES = {"백만": Decimal(10) ** 6, "천": Decimal(1000), "만": Decimal(10000),
           "억": Decimal(10) ** 8}
_UNIT_IN_LABEL = re.compile(r"\((백만|천|만|억)")
# addends of a sum stand together: within this many lines of each other (a table's rows)
SUM_LINES = 6
# above this many figures on a page only pairs are tried (triples would match by chance)
MAX_TRIPLE_FIGURES = 60
# below this, two or three figures of a page add up to almost any value by chance
MIN_SUM = Decimal(100)


def scale_of(unit: str | None, label: str) -> Decimal | None:
    text = match_key(unit or "")
    for prefix, scale in _SCALES.items():
        if text.startswith(prefix):
            return scale
    m = _UNIT_IN_LABEL.search(match_key(label))
    return _SCALES[m.group(1)] if m else None


def shown(value: Decimal, scale: Decimal | None, numbers: set[Decimal]) -> bool:
    """The figure itself, or a printed number that scales and rounds to it."""
    if value.normalize() in numbers:
        return True
    if scale is None:
        return False
    quantum = Decimal(1).scaleb(value.as_tuple().exponent)  # type: ignore[arg-type]
    return any((n / scale).quantize(quantum, ROUND_HALF_UP) == value for n in numbers)


def sum_on_page(value: Decimal, page: EvidencePage) -> tuple[Decimal, ...] | None:
    """Two or three different figures printed within `SUM_LINES` lines of each other that
    add up to `value` exactly; None when there are none (or `value` is under `MIN_SUM`).
    Addends differ: a page lists a figure twice (its text and its table) more often than it
    prints two equal halves."""
    if value < MIN_SUM:
        return None
    lines: dict[Decimal, set[int]] = {}
    for i, n in page.figures:
        if 0 < n < value:
            lines.setdefault(n, set()).add(i)

    def near(*spots: set[int]) -> bool:  # one line of each within SUM_LINES lines
        return any(all(any(w <= i <= w + SUM_LINES for i in s) for s in spots)
                   for w in set().union(*spots))

    figs = sorted(lines)
    for x in figs:
        y = value - x
        if x < y and y in lines and near(lines[x], lines[y]):
            return x, y
    if len(figs) > MAX_TRIPLE_FIGURES:
        return None
    for a, x in enumerate(figs):
        for y in figs[a + 1:]:
            z = value - x - y
            if z > y and z in lines and near(lines[x], lines[y], lines[z]):
                return x, y, z
    return None


@dataclass(frozen=True)
class RatioTerms:
    """What the claim's value rule says about one input figure: the other figures of its
    term of the ratio (B of A+B), and the ratio with the one figure on its other side."""

    siblings: tuple[Decimal, ...] = ()  # the other figures of its numerator or denominator
    ratio: Decimal | None = None  # the ratio as the form prints it
    other: Decimal | None = None  # the single figure on the other side of the ratio
    numerator: bool = True  # the figure is the numerator (else the denominator)
    multiplier: int = 1


def ratio_terms(claim: IndicatorClaim, ind: Indicator, cid: str) -> RatioTerms:
    """The RatioTerms of input `cid` under the indicator's ratio or percent rule."""
    rule = ind.value_rule
    if rule is None or rule.kind not in ("ratio", "percent"):
        return RatioTerms()
    num, den = rule.numerator, rule.denominator
    if cid not in num and cid not in den:
        return RatioTerms()
    mine, theirs = (num, den) if cid in num else (den, num)
    values = {i: v for i in (*num, *den) if (v := number(claim.component(i))) is not None}
    siblings = tuple(values[i] for i in mine if i != cid and i in values)
    ratio = number(claim.component(rule.primary or ""))
    if ratio is None and isinstance(claim.value, Decimal):
        ratio = claim.value
    single = len(mine) == 1 and len(theirs) == 1
    return RatioTerms(siblings=siblings if len(siblings) == len(mine) - 1 else (),
                      ratio=ratio if single else None,
                      other=values.get(theirs[0]) if single else None,
                      numerator=cid in num, multiplier=rule.multiplier)


def supported(value: Decimal, page: EvidencePage, terms: RatioTerms = RatioTerms()) -> bool:
    """The page supports `value` without printing it: the term the figure belongs to printed
    as one sum, the figure as a sum of figures printed together (`sum_on_page`), or the
    printed ratio with the figure on its other side."""
    if terms.siblings and (value + sum(terms.siblings, Decimal(0))).normalize() in page.numbers:
        return True
    if sum_on_page(value, page) is not None:
        return True
    r, other, m = terms.ratio, terms.other, Decimal(terms.multiplier)
    if not r or not other or r.normalize() not in page.numbers \
            or other.normalize() not in page.numbers:
        return False
    # the ratio is printed rounded: the figure it implies lies within that rounding
    lo, hi = r - tolerance(r), r + tolerance(r)
    if terms.numerator:  # r = value / other × m
        low, high = lo * other / m, hi * other / m
    elif lo > 0:  # r = other / value × m
        low, high = other * m / hi, other * m / lo
    else:
        return False
    return low - tolerance(value) <= value <= high + tolerance(value)
