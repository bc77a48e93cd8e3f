"""Frozen models for parsed values (pydantic, so they serialise into reports as they are)."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Literal

from pydantic import BaseModel, ConfigDict

from smartcert.core.values.units import MONEY_UNIT, PERCENT_UNITS, PERSON_UNIT, split_unit

ValueKind = Literal[
    "empty", "text", "boolean", "number", "count", "money", "percent", "ratio", "multi"
]

_MILLION = Decimal(1_000_000)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Part(_Frozen):
    """One figure of a value: "국외 3건" → label "국외", number 3, unit "건".

    ``unit`` keeps a scale written with it ("백만원", "천명"); a compound Korean numeral
    ("15억 3천만원") is collapsed into the base unit (1530000000 원).
    """

    label: str | None = None
    number: Decimal | None = None
    unit: str | None = None
    text: str = ""
    placeholder: bool = False  # template figure left unfilled ("00건", "0.00%")

    @property
    def base_unit(self) -> str | None:
        """The unit without its scale ("백만원" → "원"); "" for a bare number, None if unknown."""
        if self.unit is None:
            return ""
        split = split_unit(self.unit)
        return split[0] if split else None

    def base(self) -> tuple[Decimal, str] | None:
        """(amount, base unit): "1,250백만원" → (1250000000, "원"); None if not computable."""
        if self.number is None:
            return None
        if self.unit is None:
            return self.number, ""
        split = split_unit(self.unit)
        if split is None:
            return None
        with localcontext() as ctx:
            ctx.prec = 60
            return self.number * split[1], split[0]


class Per(_Frozen):
    """The base of a ratio: "1만명 당" → amount 10000, unit "명"; "1km 당" → 1, "km"."""

    amount: Decimal
    unit: str | None = None
    text: str = ""


class Flag(_Frozen):
    """A labelled yes/no: "승인 X" → label "승인", value False; None for an unfilled "O/X"."""

    label: str | None = None
    value: bool | None


class ParsedValue(_Frozen):
    """What a summary-table value says.

    ``number`` is the headline figure: the only figure, or the sum when every part has
    the same unit ("국내 12건, 국외 3건" → 15); None when the parts differ in unit
    ("5종, 120건": pick with `part("건")`) or any figure is an unfilled placeholder.
    ``boolean`` is the first flag ("계획 수립 O (승인 X)" → True); all flags are in ``flags``.
    """

    text: str
    number: Decimal | None = None
    unit: str | None = None
    parts: tuple[Part, ...] = ()
    per: Per | None = None
    boolean: bool | None = None
    flags: tuple[Flag, ...] = ()
    placeholder: bool = False

    @property
    def kind(self) -> ValueKind:
        if self.per is not None:
            return "ratio"
        if self.parts:
            units = {p.unit for p in self.parts}
            if len(units) > 1:
                return "multi"
            split = split_unit(self.parts[0].unit)
            if split is None:
                return "number"
            base = split[0]
            if base == MONEY_UNIT:
                return "money"
            return "percent" if base in PERCENT_UNITS else "count"
        if self.flags:
            return "boolean"
        return "text" if self.text.strip() else "empty"

    def total(self, unit: str | None = None) -> Decimal | None:
        """Sum of the parts, in the first part's unit (or in ``unit``, counting only its parts).

        None when a counted part is unfilled or the counted parts differ in base unit.
        """
        if unit is None:
            chosen = list(self.parts)
            split = split_unit(self.parts[0].unit) if self.parts else None
        else:
            split = split_unit(unit)
            wanted = split[0] if split else unit
            chosen = [p for p in self.parts if p.base_unit == wanted]
        bases = [p.base() for p in chosen]
        if not chosen or any(b is None for b in bases):
            return None
        if len({b[1] for b in bases if b is not None}) != 1:
            return None
        factor = split[1] if split else Decimal(1)
        with localcontext() as ctx:
            ctx.prec = 60
            return sum((b[0] for b in bases if b is not None), Decimal(0)) / factor

    def part(self, key: str) -> Part | None:
        """The first part whose label or unit (as written or base) is ``key``."""
        for p in self.parts:
            split = split_unit(p.unit)
            if key in (p.label, p.unit) or (split is not None and split[0] == key):
                return p
        return None

    def flag(self, label: str) -> bool | None:
        for f in self.flags:
            if f.label == label:
                return f.value
        return None

    @property
    def base_unit(self) -> str | None:
        split = split_unit(self.unit)
        return split[0] if split else None

    def base_amount(self) -> Decimal | None:
        """The headline figure in its base unit: "12천명" → 12000, "1,250백만원" → 1250000000."""
        if self.number is None:
            return None
        split = split_unit(self.unit)
        if split is None:
            return None
        with localcontext() as ctx:
            ctx.prec = 60
            return self.number * split[1]

    def persons(self) -> Decimal | None:
        """Head count in persons ("12천명" → 12000); None unless the unit is a 명 unit."""
        return self.base_amount() if self.base_unit == PERSON_UNIT else None

    def million_won(self) -> Decimal | None:
        """Money in 백만원 ("15억 3천만원" → 1530); None unless the unit is a 원 unit."""
        amount = self.base_amount()
        if amount is None or self.base_unit != MONEY_UNIT:
            return None
        with localcontext() as ctx:
            ctx.prec = 60
            return amount / _MILLION
