"""The cells of a listed item under one column of its catalogue list, found by header.

The mapping keeps one date per item (the last date column: B-3-2's 의견 반영 시기) and every
cell with its header; a rule that needs another column (서비스 도입 시기, 의견 반영 결과,
국토부 승인, 연도) reads it here. A cell belongs to the list field its header reads best as,
so '의견 반영 시기' is never taken for '의견 반영 결과' although the two headers look alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from smartcert.core.values import DateSpan, PartialDate, parse_date, parse_span
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.indicators import Indicator, IndicatorRule, ItemList
from smartcert.schemas.claims import FieldValue, IndicatorClaim, ListedItem, Submission
from smartcert.schemas.mapping.tables import label_score
from smartcert.validators.support.window import HEADER_FITS

# words beside a date ('예정', '착수') make the cell more than a date: it is not read
_EXTRA = re.compile(r"[가-힣A-Za-z]{2,}")


def cells_under(item: ListedItem, lst: ItemList | None, field: str) -> list[FieldValue]:
    """The item's cells whose header reads as `field` (a column of `lst`) better than as any
    other column of the list; a row broken over two lines may give two such cells."""
    names = [f.name for f in lst.fields] if lst is not None else []
    if field not in names:
        names.append(field)
    out = []
    for cell in item.cells:
        score = label_score(cell.name, [field])
        if score >= HEADER_FITS and all(
                label_score(cell.name, [n]) <= score for n in names if n != field):
            out.append(cell)
    return out


def text_under(item: ListedItem, lst: ItemList | None, field: str) -> str | None:
    """The text printed under `field` ('' when the cell is empty); None: no such cell."""
    cells = cells_under(item, lst, field)
    if not cells:
        return None
    return " ".join(c.text.strip() for c in cells if c.text.strip())


def rule_list(ind: Indicator, rule: IndicatorRule) -> ItemList | None:
    """The catalogue list a rule entry's `list` param names."""
    lid = rule.params.get("list")
    lists = ind.form.lists if ind.form is not None else []
    return next((lst for lst in lists if lst.id == lid), None)


def list_rules(sub: Submission, ruleset: RuleSet, rid: str
               ) -> Iterator[tuple[IndicatorClaim, Indicator, IndicatorRule, ItemList]]:
    """Each claim whose indicator declares entry `rid` naming one of its form's lists
    (`params.list`), with the indicator, the entry and that list."""
    for claim in sub.indicators:
        ind = ruleset.get(claim.code)
        rule = ind.rule(rid) if ind is not None else None
        lst = rule_list(ind, rule) if ind is not None and rule is not None else None
        if ind is not None and rule is not None and lst is not None:
            yield claim, ind, rule, lst


def _despaced(text: str) -> str:
    """'2023.06.0 1' (a date a narrow cell wrapped) → '2023.06.01'."""
    return re.sub(r"(?<=[\d.'’~\-])\s+(?=[\d.'’~\-])", "", text.strip())


def cell_date(text: str) -> PartialDate | None:
    """The date a cell holds and nothing else, also when a narrow cell wrapped its digits."""
    for t in dict.fromkeys((text.strip(), _despaced(text))):
        if t and not _EXTRA.search(t):
            found = parse_date(t)
            if found is not None:
                return found
    return None


def cell_span(text: str) -> DateSpan | None:
    """The span a cell holds ('2023~2027', "'23.08~'25.07"), also wrapped."""
    for t in dict.fromkeys((text.strip(), _despaced(text))):
        if t and not _EXTRA.search(t):
            found = parse_span(t)
            if found is not None:
                return found
    return None
