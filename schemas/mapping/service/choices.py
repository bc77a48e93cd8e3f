"""The choices a service form prints as boxes — 신청 분야, 신청 서비스 수준, 기관유형 — read
from a document and matched with the rule set's catalogue ids.

A group is found by its labels, not by its row: a box whose label is one of the 12
신청 분야 (seed 003 lines 677–683) belongs to the field group wherever it stands, so a
form retyped with each box in its own cell, or extracted without a table (OCR), still
reads. Table rows come first; page lines outside tables only when no table holds boxes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.core.textmatch import similarity
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue.service import ServiceRuleSet
from smartcert.schemas.mapping.keyvalue import Item, cell_item, location, span_item
from smartcert.schemas.mapping.service.read import line_location
from smartcert.schemas.mapping.service.ticks import Box, boxes
from smartcert.schemas.mapping.tables import GridView

CLOSE = 88.0  # a box label this close to a catalogue name is that name (a typing slip)
_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_LEVEL_ID = re.compile(r"(?<![A-Za-z0-9])L([1-3])(?![0-9])")
# exact names first, then near misses: a label must not meet another level's alias by
# similarity before its own name by equality
_PASSES = (False, True)

Matcher = Callable[[str], tuple[bool, str | None]]  # label → (in the group, catalogue id)


@dataclass(frozen=True)
class Choice:
    """One box of a group as printed, with its catalogue id and where it stands."""

    box: Box
    id: str | None
    location: Location
    ocr: bool = False  # read by OCR: a tick mark may be a slip

    @property
    def doubt(self) -> str | None:
        """Why this box's tick is not certain (Korean), or None."""
        if self.ocr:
            return f"'{self.box.label}' 칸의 표시는 OCR로 읽은 것임"
        if self.box.ticked and not self.box.known:
            return f"'{self.box.label}' 칸의 표시 '{self.box.mark}'은(는) 흔한 체크 기호가 아님"
        return None


def _same(label: str, name: str, fuzzy: bool = True) -> bool:
    a, b = match_key(label), match_key(name)
    return a == b or (fuzzy and len(b) >= 3 and similarity(a, b) >= CLOSE)



def field_matcher(rs: ServiceRuleSet) -> Matcher:
    """A 신청 분야 box: one of the form's 12 choices or an eligible field's name; its id is
    the eligible field's ('transport'), None for a box the call does not certify."""
    fields = rs.eligibility.fields

    def match(label: str) -> tuple[bool, str | None]:
        core = _PAREN.sub("", label) or label
        for fuzzy in _PASSES:
            for f in fields.eligible:
                if any(_same(core, n, fuzzy) for n in (f.form_choice, f.name, *f.aliases)):
                    return True, f.id
            if any(_same(core, c, fuzzy) for c in fields.form_choices):
                return True, None
        return False, None

    return match


def level_matcher(rs: ServiceRuleSet) -> Matcher:
    """A 신청 서비스 수준 box: a level's name or alias ('단위 서비스', '데이터허브 기반 서비스')."""

    def match(label: str) -> tuple[bool, str | None]:
        lid = level_of(rs, label, exact=True)
        return lid is not None, lid

    return match


def level_of(rs: ServiceRuleSet, text: str, exact: bool = False) -> str | None:
    """The level a text names: '네트워크 연계 서비스', '데이터허브 기반 서비스(L3)'; with
    `exact` the whole text must be the name (a box label), else it may stand inside a
    phrase when exactly one level is named there."""
    for fuzzy in _PASSES:
        for t in dict.fromkeys((text, _PAREN.sub("", text) or text)):
            for lv in rs.levels.levels:
                if any(_same(t, n, fuzzy) for n in (lv.name, *lv.aliases)):
                    return lv.id
    if exact:
        return None
    key = match_key(text)
    named = {lv.id for lv in rs.levels.levels
             for n in (lv.name, *lv.aliases) if len(match_key(n)) >= 4 and match_key(n) in key}
    named |= {f"L{m.group(1)}" for m in _LEVEL_ID.finditer(text)}
    return named.pop() if len(named) == 1 else None


def field_of(rs: ServiceRuleSet, text: str) -> tuple[str, str | None] | None:
    """(name as printed, eligible id) of a field a text names plainly ('환경·에너지')."""
    match = field_matcher(rs)
    for part in re.split(r"[,/\n]", text):
        part = part.strip()
        if part:
            hit, fid = match(part)
            if hit:
                return part, fid
    return None


def org_kind_matcher(rs: ServiceRuleSet) -> Matcher:
    """A 기관유형 box of the proposal cover (지자체, 대기업, 중소기업 …, seed 003 line 824);
    its id is the applicant kind of eligibility.yaml ('company') when one names it."""
    kinds = rs.eligibility.applicants.kinds
    types = rs.documents.proposal.org_types

    def match(label: str) -> tuple[bool, str | None]:
        core = _PAREN.sub("", label) or label
        if not any(_same(core, t) for t in types):
            return False, None
        inner = label[len(core):].strip(" ()")
        for text in (core, inner):
            for k in kinds:
                if text and any(_same(text, n) for n in (k.name, *k.aliases)):
                    return True, k.id
        return True, None

    return match


def _table_choices(doc: DocumentExtract, match: Matcher) -> list[Choice]:
    out: list[Choice] = []
    for t in doc.tables:
        view = GridView(t)
        for r in range(view.n_rows):
            cells = [c for c in view.anchors(r) if c.text.strip()]
            for box in boxes("\n".join(c.text for c in cells)):
                hit, cid = match(box.label)
                if not hit:
                    continue
                cell = next((c for c in cells if match_key(box.label) in match_key(c.text)),
                            cells[-1])
                item = cell_item(t, cell)
                out.append(Choice(box, cid, line_location(doc, item, box.label),
                                  any(c.ocr for c in cells)))
    return out


def _span_choices(doc: DocumentExtract, match: Matcher) -> list[Choice]:
    out: list[Choice] = []
    for s in doc.spans:
        item: Item = span_item(s)
        for box in boxes(s.text):
            hit, cid = match(box.label)
            if hit:
                out.append(Choice(box, cid, location(doc, item), s.ocr))
    return out


def read_choices(doc: DocumentExtract, match: Matcher,
                 keep: Callable[[Location], bool] | None = None) -> list[Choice]:
    """Every box of the group `match` recognises, ticked or not, in printed order.
    `keep` limits the places read (a proposal's cover page)."""
    ok = keep or (lambda _: True)
    found = [c for c in _table_choices(doc, match) if ok(c.location)]
    return found or [c for c in _span_choices(doc, match) if ok(c.location)]


def ticked_ones(choices: list[Choice], top_level: bool = True) -> list[Choice]:
    """The ticked boxes, one per label (a form printed twice ticks the same box twice);
    `top_level` leaves out boxes nested in another's parentheses ('중소기업(■ 벤처·이노비즈)')."""
    out: list[Choice] = []
    seen: set[str] = set()
    for c in choices:
        if not c.box.ticked or (top_level and c.box.depth):
            continue
        k = match_key(c.box.label)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out
