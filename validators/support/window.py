"""The call's period facts (`periods.yaml`) as dates, and the dated things of a claim."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from smartcert.core.values import parse_date, parse_span
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.indicators import Indicator, ItemList
from smartcert.schemas.catalogue.meta import TwoYear
from smartcert.schemas.claims import FieldValue, IndicatorClaim, ListedItem, Submission
from smartcert.schemas.mapping.tables import label_score

# a cell that is a date, a span or a year and nothing more ('2023', "'24.5.10", '2023년
# 10월 10일', "'23.08~'25.07"): digits, separators and date words only
_DATE_ONLY = re.compile(r"[\d\s.,'’‘~\-/()년월일]*\d[\d\s.,'’‘~\-/()년월일]*")
# … with its year written out: '2023', "'23", '23년' ('12.5' is a figure, not 2012-05)
_YEAR_MARK = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|['’‘]\d{2}|\d{2}\s*년")
# a bare number read as a year only within the years a submission speaks of
_PLAUSIBLE_YEARS = range(1990, 2036)
_FIGURE_ROLES = ("count", "amount", "ratio")
HEADER_FITS = 75.0  # a printed header reads as the catalogue's field (as the mapping takes it)


def month(text: str) -> PartialDate | None:
    """'2023-01' → PartialDate(2023, 1); '2023' → the year; anything else → None."""
    try:
        parts = [int(p) for p in text.split("-")]
        return PartialDate(year=parts[0], month=parts[1] if len(parts) > 1 else None)
    except (ValueError, IndexError):
        return None


@dataclass(frozen=True)
class CallPeriods:
    """The period facts of the rule set as dates (`CheckContext.periods`); None where the
    rule set states none or an unreadable month."""

    two_year: TwoYear | None = None  # the limits of a declared 2-year span
    earliest_start: PartialDate | None = None  # no 2-year span starts before it
    latest_end: PartialDate | None = None  # … nor ends after it
    cutoff: PartialDate | None = None  # point-in-time (asof) achievements count up to it
    qualitative_from: PartialDate | None = None  # qualitative achievements count from it

    @classmethod
    def of(cls, ruleset: RuleSet) -> CallPeriods:
        periods = ruleset.periods
        if periods is None:
            return cls()
        ty, asof, qual = periods.two_year, periods.asof, periods.qualitative
        return cls(two_year=ty,
                   earliest_start=month(ty.earliest_start) if ty else None,
                   latest_end=month(ty.latest_end) if ty else None,
                   cutoff=month(asof.cutoff) if asof else None,
                   qualitative_from=month(qual.achievements_from) if qual else None)

    @property
    def outer_window(self) -> DateSpan | None:
        """Earliest start ~ latest end of any 2-year span the call allows ('23.01~'25.07)."""
        if self.earliest_start is None or self.latest_end is None:
            return None
        return DateSpan(start=self.earliest_start, end=self.latest_end)


def claims_of_kind(sub: Submission, ruleset: RuleSet, kind: str) -> Iterator[IndicatorClaim]:
    """The submission's claims whose catalogue period rule is of `kind` ('2y', 'asof' …)."""
    for claim in sub.indicators:
        ind = ruleset.get(claim.code)
        if ind is not None and ind.period_rule is not None and ind.period_rule.kind == kind:
            yield claim


def item_when(item: ListedItem) -> PartialDate | DateSpan | None:
    return item.span or item.date


def list_of(item: ListedItem, ind: Indicator | None) -> ItemList | None:
    """The catalogue list the item was read as (None: a table the catalogue does not name)."""
    lists = ind.form.lists if ind is not None and ind.form is not None else []
    return next((lst for lst in lists if lst.id == item.list_id), None)


def item_date(item: ListedItem, lst: ItemList | None) -> PartialDate | DateSpan | None:
    """The item's date or span, whatever its column is called. The mapping reads it from the
    column named like the list's date field; when that gave nothing, a list the catalogue
    dates still has it in a cell of its own: C-11-2 prints its 연도 column under the 'No.'
    header merged over both ('2023 | 1 | CCTV 관제 | …'). Such a cell holds a date or a year
    and nothing else; cells of figures (counts, amounts) never give one."""
    when = item_when(item)
    if when is not None:
        return when
    found = _date_cells(item, lst)
    return found[0][1] if found else None


def date_doubt(item: ListedItem, lst: ItemList | None) -> str | None:
    """Why `item_date` may not be the item's date: read from a cell not named as a date
    when the list has several date fields or the row several date cells (which is which?)."""
    if item_when(item) is not None or lst is None:
        return None
    found = _date_cells(item, lst)
    dated = [f for f in lst.fields if f.role in ("date", "span", "year")]
    if not found or (len(found) == 1 and len(dated) == 1):
        return None
    cell = found[0][0]
    return f"일자를 '{cell.name}' 칸의 '{cell.text}'에서 읽음 (일자 칸이 여럿)"


def _date_cells(item: ListedItem,
                lst: ItemList | None) -> list[tuple[FieldValue, PartialDate | DateSpan]]:
    """The row's cells holding a date and nothing else, in a list the catalogue dates."""
    if lst is None or lst.date_field is None:
        return []
    figures = [f.name for f in lst.fields if f.role in _FIGURE_ROLES]
    out = []
    for cell in item.cells:
        text = cell.text.strip()
        if not (_DATE_ONLY.fullmatch(text) and _YEAR_MARK.search(text)) or (
                figures and label_score(cell.name, figures) >= HEADER_FITS):
            continue
        found = parse_span(text) or parse_date(text)
        if found is not None and _start(found).year in _PLAUSIBLE_YEARS:
            out.append((cell, found))
    return out


def _start(when: PartialDate | DateSpan) -> PartialDate:
    return when.start if isinstance(when, DateSpan) else when


def overlap(a: PartialDate | DateSpan | None, b: PartialDate | DateSpan | None) -> bool:
    """Whether two dates may stand for a common day; an unknown date overlaps anything."""
    if a is None or b is None:
        return True
    return a.first_day() <= b.last_day() and b.first_day() <= a.last_day()
