"""The primary value of a summary cell, read by the catalogue's `value_rule`.

`parse_value` reads what the cell says ("국내 12건, 국외 3건" → parts, "1만명 당 2.13" →
ratio); this module picks the one figure the rule asks for: a count, O/X, the 국내+국외
total, the 건 of '000종, 000건', an amount in 백만원, thousands of persons, or the ratio as
written. Unreadable text gives `value=None` with a Korean note, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from smartcert.core.normalize import match_key
from smartcert.core.textmatch import similarity
from smartcert.core.values import ParsedValue, Part, parse_value
from smartcert.schemas.catalogue.indicators import Indicator, ValueRule
from smartcert.schemas.claims import ClaimValue
from smartcert.schemas.mapping.settings import MAPPING

RATIO_KINDS = frozenset({"ratio", "percent", "decrease_percent"})
# a cell that says "nothing here" rather than leaving a figure out
_NONE_WORDS = frozenset({"-", "--", "없음", "해당없음", "미해당", "미도입", "미설치", "미수립",
                         "미운영", "미보유", "무", "x", "n/a", "na"})
_THOUSAND = Decimal(1000)


@dataclass(frozen=True)
class PrimaryValue:
    value: ClaimValue
    unit: str | None
    # why the value is None or was read with an assumption (Korean, for notes/findings)
    notes: tuple[str, ...] = field(default_factory=tuple)
    # False when the rule expects a figure but the cell holds none (or an unfilled 00건)
    readable: bool = True


def _empty(text: str | None) -> bool:
    return not match_key(text or "")


def _none_word(text: str) -> bool:
    return match_key(text).lower() in _NONE_WORDS


def _unit_of(ind: Indicator | None, rule: ValueRule | None) -> str | None:
    if ind is not None and ind.unit:
        return ind.unit
    # a dimensionless ratio (C-1-5 '00.00') is reported as such rather than unit-less
    return "비율" if rule is not None and rule.kind == "ratio" else None


def _part_in(pv: ParsedValue, unit: str | None) -> Part | None:
    """The first filled part in `unit` (as written or its base unit)."""
    if unit is None:
        return None
    for p in pv.parts:
        if p.number is not None and (p.unit == unit or p.base_unit == unit):
            return p
    return None


def _ratio(pv: ParsedValue, kind: str) -> Decimal | None:
    if pv.number is not None:
        return pv.number
    filled = [p for p in pv.parts if p.number is not None]
    if kind != "ratio":
        pct = [p for p in filled if p.unit == "%"]
        if pct:
            return pct[-1].number
    bare = [p for p in filled if p.unit is None]
    return (bare or filled or [Part()])[-1].number


def _bool(text: str, pv: ParsedValue, ind: Indicator | None, rule: ValueRule) -> bool | None:
    flags = [f for f in pv.flags if f.value is not None]
    if flags:
        if rule.primary is None and rule.parts:
            return any(f.value for f in flags)  # '지침 O, 계획 X': one policy is enough
        primary = ind.form.component(rule.primary) if ind and ind.form and rule.primary else None
        if primary is not None:
            labelled = [f for f in flags if f.label]
            best = max(labelled, key=lambda f: similarity(f.label or "", primary.label),
                       default=None)
            if best is not None and similarity(best.label or "", primary.label) >= MAPPING.same_figure:
                return best.value
        return flags[0].value
    # '스마트도시과 3개팀 (총원 14명)': naming the unit/system is the claim that it exists
    return not _none_word(text)


def _number(text: str, pv: ParsedValue, ind: Indicator | None,
            rule: ValueRule) -> tuple[Decimal | None, list[str]]:
    kind, unit = rule.kind, ind.unit if ind else None
    notes: list[str] = []
    if kind == "two_part_sum":
        counted = [p for p in pv.parts if p.number is not None]
        base = {p.base_unit for p in counted}
        if counted and len(base) == 1:
            return sum((p.number for p in counted if p.number is not None), Decimal(0)), notes
        total = pv.total(unit) if unit else None
        return total, notes
    if kind == "kind_count":
        part = _part_in(pv, unit or "건")
        if part is None and pv.parts and pv.parts[-1].number is not None:
            part = pv.parts[-1]
            notes.append(f"'{unit or '건'}' 단위 수치가 없어 마지막 수치를 사용")
        return (part.number if part else None), notes
    if kind == "amount_million_won":
        money = pv.million_won()
        if money is None and pv.parts:
            money = next((p.base()[0] / Decimal(1_000_000) for p in pv.parts
                          if p.number is not None and p.base_unit == "원" and p.base()), None)
        if money is None and pv.number is not None and pv.unit is None:
            notes.append("단위 없이 기재되어 백만원으로 간주")
            money = pv.number
        return money, notes
    if kind == "number_in_thousand_persons":
        persons = pv.persons()
        if persons is not None:
            return persons / _THOUSAND, notes
        if pv.number is not None and pv.unit is None:
            notes.append("단위 없이 기재되어 천명으로 간주")
        return pv.number, notes
    if kind in RATIO_KINDS:
        return _ratio(pv, kind), notes
    # count
    if pv.number is not None:
        if unit and pv.base_unit and pv.base_unit != unit and pv.unit != unit:
            notes.append(f"단위 '{pv.unit}'로 기재 (기준 단위 '{unit}')")
        return pv.number, notes
    part = _part_in(pv, unit) or next((p for p in pv.parts if p.number is not None), None)
    return (part.number if part else None), notes


def primary_value(text: str | None, ind: Indicator | None) -> PrimaryValue:
    """The primary value and unit of a summary cell for indicator `ind` (None: unknown row)."""
    raw = text or ""
    rule = ind.value_rule if ind is not None else None
    if rule is None:
        pv = parse_value(raw)
        value: ClaimValue = pv.number if pv.number is not None else pv.boolean
        return PrimaryValue(value, pv.unit, (), True)
    unit = _unit_of(ind, rule)
    if rule.kind == "free_text":
        return PrimaryValue(None, None, (), True)
    if _empty(raw):
        return PrimaryValue(None, unit, ("작성 지표 요약이 비어 있음",), False)
    pv = parse_value(raw)
    if rule.kind == "bool":
        if any(f.value is None for f in pv.flags) and not any(f.value for f in pv.flags):
            return PrimaryValue(None, None, ("O/X가 기재되지 않음",), False)
        return PrimaryValue(_bool(raw, pv, ind, rule), None, (), True)
    if pv.placeholder:
        return PrimaryValue(None, unit, ("양식의 빈칸(00)이 채워지지 않음",), False)
    number, notes = _number(raw, pv, ind, rule)
    if number is None:
        if _none_word(raw):
            return PrimaryValue(Decimal(0), unit, ("'없음'으로 기재되어 0으로 간주",), True)
        return PrimaryValue(None, unit, ("수치를 읽을 수 없음", *notes), False)
    return PrimaryValue(number, unit, tuple(notes), True)



def value_text(value: ClaimValue) -> str:
    """A value for a message: '2.13', '15', 'O'/'X', '-'."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "O" if value else "X"
    return format(value, "f")
