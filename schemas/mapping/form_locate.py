"""Finding each indicator's 자료구축양식 in a proposal and deciding whose it is.

A form starts at its '지표 | title | summary' row (a table of its own in the HWP style,
rows of a sheet in a workbook); the blocks after it, up to the next form, are its data
tables. Whose form it is comes from a code printed in the title or heading, else from the
title and the '① …' heading matched against the catalogue wordings; the shared
'지자체 자체 설정 지표' is settled by the section ('1) 교통', sheet 'C-1 교통') and by
order — forms follow the summary's order, so the next unassigned claim wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.core.textmatch import similarity
from smartcert.extractors.models import Cell, DocumentExtract
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import IndicatorClaim
from smartcert.schemas.mapping.codes import normalise_code, split_code
from smartcert.schemas.mapping.identify import area_of, candidates, clean_name
from smartcert.schemas.mapping.settings import MAPPING
from smartcert.schemas.mapping.stream import Block, Line, is_indicator_row, stream
from smartcert.schemas.mapping.summary_table import summary_header
from smartcert.schemas.mapping.tables import cell_location, flat, row_location

_SECTION = re.compile(r"^\s*(?:\d{1,2}\)|[A-C]-\d{1,2}\.?)\s*(.+)$")
_GROUP_PREFIX = re.compile(r"([A-C])\s*-\s*(\d{1,2})(?!\s*-\s*\d)")


@dataclass
class FormBlock:
    anchor: Block
    title: Cell | None
    text: Cell | None
    headings: list[Line] = field(default_factory=list)  # nearest last
    lines: list[Line] = field(default_factory=list)  # notes inside the form
    data: list[Block] = field(default_factory=list)
    section: str | None = None  # '교통', or the sheet name

    @property
    def title_text(self) -> str:
        return flat(self.title.text) if self.title is not None else ""

    def source(self, doc: DocumentExtract) -> Location:
        view = self.anchor.view
        if view.table.sheet is not None:
            cell = self.text or self.title
            return cell_location(doc, view.table, cell) if cell else row_location(
                doc, view, self.anchor.start)
        return row_location(doc, view, self.anchor.start)


def locate(doc: DocumentExtract) -> list[FormBlock]:
    """Every data form of a proposal extraction, in reading order."""
    forms: list[FormBlock] = []
    since: list[Line] = []
    section: str | None = None
    sheet: str | None = None
    for el in stream(doc):
        if el.sheet is not None and el.sheet != sheet:
            sheet, section = el.sheet, None  # a new sheet opens a new section
        if isinstance(el, Line):
            since.append(el)
            m = _SECTION.match(el.text)
            if m and not re.match(r"^\s*[①-⑳]", el.text):
                section = m.group(1).strip()
            if forms:
                forms[-1].lines.append(el)
            continue
        if is_indicator_row(el.view, el.start):
            filled = el.view.filled(el.start)
            forms.append(FormBlock(anchor=el, title=filled[1] if len(filled) > 1 else None,
                                   text=filled[2] if len(filled) > 2 else None,
                                   headings=list(since), section=section or sheet))
            if sheet and section:
                forms[-1].section = f"{sheet} {section}"
        elif forms and not _is_summary(el):
            forms[-1].data.append(el)
        since = []
    return forms


def _is_summary(block: Block) -> bool:
    """The summary table printed after the forms is nobody's data table."""
    return summary_header(block.view, block.start, block.start + 2) is not None


def _texts(form: FormBlock) -> list[str]:
    heads = [ln.text for ln in reversed(form.headings) if re.match(r"^\s*[①-⑳]", ln.text)]
    return [form.title_text, *heads[:1]]


def _codes_printed(form: FormBlock) -> list[str]:
    out = []
    for text in _texts(form):
        code, _ = split_code(text)
        code = code or normalise_code(text)
        if code:
            out.append(code)
    return out


def named_indicator(rs: RuleSet, form: FormBlock) -> tuple[str | None, bool]:
    """The catalogue indicator a form's title or heading names, and whether a code printed
    there says so (False: one indicator's wording matched, no code)."""
    for code in _codes_printed(form):
        if rs.get(code) is not None:
            return code, True
    found = {ind.code for text in _texts(form) for ind in candidates(rs, text)[0]}
    if len(found) == 1:
        area = area_of(rs, [form.section]) if form.section else None
        code = found.pop()
        ind = rs.get(code)
        # the shared '지자체 자체 설정 지표' wording names one only within its section
        if ind is not None and (area is None or ind.area == area):
            return code, False
    return None, False


def assign(doc: DocumentExtract, rs: RuleSet, forms: list[FormBlock],
           claims: list[IndicatorClaim]) -> dict[int, int]:
    """form index → claim index; forms nobody claims are left out."""
    index: dict[str, list[int]] = {}
    for k, c in enumerate(claims):
        index.setdefault(match_key(c.code).upper(), []).append(k)
    taken: set[int] = set()
    out: dict[int, int] = {}
    last = -1
    for f, form in enumerate(forms):
        pool = [k for code in _codes_printed(form) for k in index.get(code, [])]
        if not pool:
            found: list[str] = []
            for text in _texts(form):
                for ind in candidates(rs, text)[0]:
                    if ind.code not in found:
                        found.append(ind.code)
            pool = [k for code in found for k in index.get(code, [])]
            area = area_of(rs, [form.section]) if form.section else None
            prefix = _group_prefix(form.section)
            narrowed = [k for k in pool if _in_section(rs, claims[k].code, area, prefix)]
            pool = narrowed or pool
        free = [k for k in pool if k not in taken]
        if not free:
            k = _positional(claims, taken, last, form)
            if k is None:
                continue
            free = [k]
        after = [k for k in free if k > last]
        k = min(after) if after else min(free)
        out[f] = k
        taken.add(k)
        last = k
    return out


def _group_prefix(section: str | None) -> str | None:
    m = _GROUP_PREFIX.search(section or "")
    return f"{m.group(1)}-{int(m.group(2))}" if m else None


def _in_section(rs: RuleSet, code: str, area: str | None, prefix: str | None) -> bool:
    if prefix is not None:
        return code.startswith(prefix + "-")
    if area is not None:
        ind = rs.get(code)
        return ind is not None and ind.area == area
    return True


def _positional(claims: list[IndicatorClaim], taken: set[int], last: int,
                form: FormBlock) -> int | None:
    """The next claim in summary order, when the form's title resembles its printed name."""
    k = last + 1
    if k >= len(claims) or k in taken:
        return None
    name = claims[k].name_as_printed or ""
    title = clean_name(form.title_text)
    if name and title and similarity(clean_name(name), title) >= MAPPING.same_figure:
        return k
    return None
