"""Shared arithmetic over a claim's components: values by catalogue id, the rounding
tolerance of a printed figure (half a unit of its last printed decimal), formatting like
the form, and the recomputation of a ratio/percentage from its value rule."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue.indicators import Indicator, ValueRule
from smartcert.schemas.claims import Component, IndicatorClaim

RATIO_KINDS = ("ratio", "percent", "decrease_percent")
# persons per printed unit of a population column ('인구수(만명)', '(천명)')
POPULATION_SCALES = {"만명": Decimal(10_000), "천명": Decimal(1_000)}
# no Korean municipality has 10 million inhabitants (서울 ~9.4M): a figure that would mean
# more in 만명/천명 was filled in persons (412,345 under '인구수(만명)')
_MAX_PERSONS = Decimal(10_000_000)


def in_persons(value: Decimal, scale: Decimal) -> bool:
    """A population column (in 만명/천명 by its heading) filled with a head count."""
    return value * scale > _MAX_PERSONS


def number(c: Component | None) -> Decimal | None:
    """The component's figure, when it is a number (not an O/X, not empty)."""
    if c is None or isinstance(c.value, bool) or not isinstance(c.value, Decimal):
        return None
    return c.value


def decimals_of(value: Decimal) -> int:
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def tolerance(printed: Decimal) -> Decimal:
    """Half a unit of the last printed decimal: 2.13 → 0.005, 57 → 0.5."""
    return Decimal(5) * Decimal(10) ** (-decimals_of(printed) - 1)


def agrees(printed: Decimal, exact: Decimal) -> bool:
    return abs(printed - exact) <= tolerance(printed) + Decimal("1e-9")


def fmt(value: Decimal, decimals: int) -> str:
    """Like the form: thousands separators, the printed number of decimals."""
    try:
        q = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return str(value)
    return f"{q:,.{decimals}f}"


def population_scale(claim_comp: Component | None, ind: Indicator, cid: str) -> Decimal | None:
    """Persons per unit of a population column: the printed label wins over the catalogue
    (the call prints '인구수(만명)' in one place and '(천명)' in another for the same form)."""
    form_comp = ind.form.component(cid) if ind.form else None
    label = match_key(claim_comp.label if claim_comp else "")
    for unit, scale in POPULATION_SCALES.items():
        if unit in label:
            return scale
    if form_comp is not None and "인구" in form_comp.label:
        return POPULATION_SCALES.get(form_comp.unit or "")
    return None


def _sum(claim: IndicatorClaim, ids: list[str],
         scaled: dict[str, Decimal] | None = None) -> Decimal | None:
    vals = [(scaled or {}).get(i, number(claim.component(i))) for i in ids]
    if not vals or any(v is None for v in vals):
        return None
    return sum((v for v in vals if v is not None), Decimal(0))


def for_year(ind: Indicator, rule: ValueRule, year: int) -> ValueRule | None:
    """The rule restricted to one year's components (B-3-2's 2023 비율 = B/A)."""
    form = ind.form
    if form is None or rule.kind == "decrease_percent":
        return None

    def of_year(ids: list[str]) -> list[str]:
        return [i for i in ids if (c := form.component(i)) is not None and c.year == year]

    num, den = of_year(rule.numerator), of_year(rule.denominator)
    return rule.model_copy(update={"numerator": num, "denominator": den}) if num and den \
        else None


def recompute(claim: IndicatorClaim, ind: Indicator,
              rule: ValueRule | None = None) -> list[Decimal]:
    """The value the rule gives from the claim's components; first the one the rule states,
    then the readings the call also allows (alternative multipliers; a population column
    filled in persons instead of 만명/천명). Empty when a component is missing or zero."""
    rule = rule or ind.value_rule
    if rule is None or rule.kind not in RATIO_KINDS:
        return []
    out: list[Decimal] = []
    for scaled in (None, _persons_as_printed_unit(claim, ind, rule)):
        for mult in (rule.multiplier, *rule.alt_multipliers):
            v = _one(claim, rule, mult, scaled)
            if v is not None and v not in out:
                out.append(v)
    return out


def _one(claim: IndicatorClaim, rule: ValueRule, mult: int,
         scaled: dict[str, Decimal] | None) -> Decimal | None:
    if rule.kind == "decrease_percent":
        base = number(claim.component(rule.base or ""))
        cur = number(claim.component(rule.current or ""))
        if base is None or cur is None or base == 0:
            return None
        return (base - cur) / base * mult
    num, den = _sum(claim, rule.numerator), _sum(claim, rule.denominator, scaled)
    if num is None or den is None or den == 0:
        return None
    return num / den * mult


def _persons_as_printed_unit(claim: IndicatorClaim, ind: Indicator,
                             rule: ValueRule) -> dict[str, Decimal] | None:
    """Population denominators converted from persons to the column's unit, when the form
    was filled with a head count (412,345 under '인구수(만명)')."""
    out: dict[str, Decimal] = {}
    for cid in rule.denominator:
        comp = claim.component(cid)
        scale, v = population_scale(comp, ind, cid), number(comp)
        if scale is not None and v is not None and in_persons(v, scale):
            out[cid] = v / scale
    return out or None


def locations(claim: IndicatorClaim, ids: list[str]) -> list[Location | None]:
    """The summary row, then the form's cells of the given components (else the form)."""
    cells = [c.location for i in ids if (c := claim.component(i)) is not None and c.location]
    return [claim.source, *(cells or [claim.form_source])]
