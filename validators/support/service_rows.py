"""A service submission's choices and self-scores read against the rule set: the level and
field ticked, the catalogue row each printed 자체평가표 row counts as, the block a row adds up
in ('1', '2.1', '2.2', '2.3', '3'), the rows a level is self-scored on, and what was not read
with certainty (a reason in Korean, or None when every value was located for sure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue.service import Level, ServiceRuleSet, SubItem
from smartcert.schemas.catalogue.service.sections import ServiceField
from smartcert.schemas.claims import Basis
from smartcert.schemas.service_claims import PrintedChoice, SelfScore, ServiceSubmission

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def fmt(value: Decimal | float | int) -> str:
    """A score as the form prints it: '3', '2.5', '70'."""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    return format(d.normalize(), "f")


def choice_doubt(choice: PrintedChoice, what: str) -> str | None:
    """Why a ticked box is not certain (None: read from its label)."""
    if choice.basis is not None and Basis(choice.basis).certain:
        return None
    return f"{what} '{choice.text}'은(는) 체크된 칸에서 확인한 값이 아님"


def level_of(sub: ServiceSubmission, rs: ServiceRuleSet) -> Level | None:
    """The level ticked (신청 서비스 수준), by its matched id or its printed label."""
    if sub.level is None:
        return None
    for key in (sub.level.id, sub.level.text):
        if key:
            try:
                return rs.level(key)
            except KeyError:
                continue
    return None


def _field_keys(f: ServiceField) -> set[str]:
    return {match_key(x) for x in (f.id, f.name, f.form_choice, *f.aliases)}


def field_of(sub: ServiceSubmission, rs: ServiceRuleSet) -> ServiceField | None:
    """The eligible field ticked (교통 / 환경·에너지), or None (none ticked, or another)."""
    if sub.field is None:
        return None
    keys = {match_key(k) for k in (sub.field.id, sub.field.text) if k}
    return next((f for f in rs.eligibility.fields.eligible if keys & _field_keys(f)), None)


def chosen_level(sub: ServiceSubmission, rs: ServiceRuleSet) -> Level | None:
    """The eligible level the self-assessment is scored at: the one ticked."""
    lv = level_of(sub, rs)
    return lv if lv is not None and lv.eligible else None


def field_name(sub: ServiceSubmission, rs: ServiceRuleSet) -> str | None:
    f = field_of(sub, rs)
    return f.name if f is not None else None


# ── rows ──────────────────────────────────────────────────────────────────────


def catalogue_rows(rs: ServiceRuleSet) -> set[str]:
    return {c.row for s in rs.sub_items for c in s.criteria}


def row_of(score: SelfScore, rs: ServiceRuleSet) -> str | None:
    """The catalogue criterion row a printed row counts as ('1.3.4.1' → '1.3.3.1'); None for
    a printed row the rule set does not score (the form's 2.2.2.2) or an unknown one."""
    rows = catalogue_rows(rs)
    if score.criterion and score.criterion in rows:
        return score.criterion
    printed = rs.self_row(score.row)
    if printed is not None:
        return printed.row
    return score.row if score.row in rows else None


def block_of(row: str, rs: ServiceRuleSet) -> str:
    """The block a row adds up in: its 인증지표 ('1', '3'), or for the choose-one 인증지표 its
    평가항목 ('2.2')."""
    parts = row.strip().rstrip(".").split(".")
    ind = next((i for i in rs.indicators if i.number == parts[0]), None)
    if ind is not None and ind.choose_one and len(parts) > 1:
        return ".".join(parts[:2])
    return parts[0]


def score_block(score: SelfScore, rs: ServiceRuleSet) -> str:
    return block_of(row_of(score, rs) or score.row, rs)


def blocks_for(rs: ServiceRuleSet, level: Level | None) -> list[str]:
    """The blocks a level's total adds up ('1', '2.2', '3'); without a level, the blocks
    outside the choose-one 인증지표 only."""
    out = []
    for ind in rs.indicators:
        if not ind.choose_one:
            out.append(ind.number)
        elif level is not None and level.group is not None:
            out.append(level.group)
    return out


def self_scored_items(rs: ServiceRuleSet, level: Level | None) -> list[SubItem]:
    """The items the applicant scores itself on: every scored item of the level (without a
    level, those outside 구성 및 기능), less those the committee alone sets (S-221, S-231)."""
    items = rs.items_for(level.id) if level is not None else [
        s for s in rs.sub_items
        if not rs.indicator(rs.eval_item(s.group).indicator).choose_one]
    return [s for s in items if not s.committee_only]


def expected_rows(rs: ServiceRuleSet, level: Level | None,
                  field: str | None) -> list[tuple[SubItem, str]]:
    """(item, criterion row) the 자체평가표 must score: one per row (a 교통 / 환경·에너지
    특화지표 alternative counts once), less the rows the form does not print (3.2.4.1)."""
    missing = set(rs.documents.self_assessment.missing_rows)
    out: list[tuple[SubItem, str]] = []
    for s in self_scored_items(rs, level):
        rows = dict.fromkeys(c.row for c in s.criteria_for(field))
        out += [(s, r) for r in rows if r not in missing]
    return out


def printed_row(rs: ServiceRuleSet, row: str) -> str:
    """The number the form prints for a criterion row ('1.3.3.1' → '1.3.4.1')."""
    sr = next((r for r in rs.documents.self_assessment.rows if r.row == row), None)
    return sr.printed if sr is not None else row


# ── certainty ─────────────────────────────────────────────────────────────────


def text_number(text: str) -> Decimal | None:
    """The one number a cell shows ('3', '2.5점'); None for none or several."""
    found = _NUMBER.findall(text.replace(",", ""))
    if len(found) != 1:
        return None
    try:
        return Decimal(found[0])
    except InvalidOperation:
        return None


@dataclass(frozen=True)
class ScoreReading:
    score: SelfScore
    row: str | None  # the catalogue row
    doubt: str | None  # why the score or its row is not certain


def read_score(score: SelfScore, rs: ServiceRuleSet) -> ScoreReading:
    row = row_of(score, rs)
    doubts = []
    if score.location is None:
        doubts.append(f"자체평가표 {score.row}행 점수의 위치를 확인하지 못함")
    if score.score is not None and score.score_text.strip():
        shown = text_number(score.score_text)
        if shown is None or shown != score.score:
            doubts.append(f"{score.row}행 점수 '{score.score_text}'을(를) {fmt(score.score)}(으)로 읽음")
    printed = rs.self_row(score.row)
    if printed is not None and row is not None and printed.row not in (None, row):
        doubts.append(f"인쇄된 {score.row}행을 {row}행으로 대응함")
    return ScoreReading(score, row, "; ".join(doubts) or None)
