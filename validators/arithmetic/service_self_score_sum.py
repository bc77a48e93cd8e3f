from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.service import ServiceRuleSet
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.schemas.service_claims import ServiceSubmission, Subtotal
from smartcert.validators.support.service_rows import (
    block_of,
    blocks_for,
    chosen_level,
    fmt,
    read_score,
    row_of,
    score_block,
)
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule

TOTAL = "total"
VERDICT = "평가결과 판정 "  # the judgement block under the form (lines 3591–3616)


@dataclass
class _Block:
    """A block's rows as read: their sum, what was not certain, where they stand."""

    sum: Decimal = Decimal(0)
    rows: int = 0
    doubts: list[str] = field(default_factory=list)
    locations: list[Location | None] = field(default_factory=list)


class ServiceSelfScoreSum(ServiceRule):
    """A printed 계 of the 자체평가표 that is not the sum of its block's rows (1., 2.1, 2.2,
    2.3, 3.), and the 합계 that is not the sum of the chosen level's blocks (each block's
    printed 계, or its rows where no 계 is printed); the same for the 평가결과 판정 block
    where it prints other figures than the 계 rows. Rows are added as the applicant filled
    the form (every printed row of the block, the form's own 2.2.2.2 included); a blank score
    counts 0. A row the reading did not find, a score not read as a number, or a 계 whose
    place is unknown makes it a warning that says so."""

    spec = RuleSpec(
        id="arithmetic.self-score-sum",
        severity=Severity.ERROR,
        template="자체평가표 {group} {value}점이 {parts}의 합 {calc}점과 맞지 않습니다",
        clause="2023 서비스 인증 자체평가표 계 (lines 3348, 3416, 3469, 3561, 3585) 및 "
               "평가결과 판정 합계 (lines 3591–3616)",
        example={"group": "(1. 스마트도시 부합성) 계", "value": "27",
                 "parts": "1. 스마트도시 부합성 각 행 점수", "calc": "25"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        rs = ctx.ruleset
        blocks = _blocks(sub, rs)
        # the 계 rows, then the 평가결과 판정 block where it prints something else
        verdict = [v for v in sub.verdict
                   if not any(s.group == v.group and s.value == v.value for s in sub.subtotals)]
        for st, where in [*((s, "") for s in sub.subtotals), *((v, VERDICT) for v in verdict)]:
            b = blocks.get(st.group)
            if st.group == TOTAL or st.value is None or b is None or st.value == b.sum:
                continue
            places = [st.location, *b.locations]
            yield self.finding(
                indicator=st.group, claimed=fmt(st.value), expected=fmt(b.sum),
                locations=places,
                uncertain=joined(*b.doubts, *_where(st), ocr_read(sub.documents, places)),
                group=f"{where}{_label(st.group, rs)} 점수" if where else _name(st.group, rs),
                value=fmt(st.value), parts=f"{_label(st.group, rs)} 각 행 점수", calc=fmt(b.sum))
        yield from self._total(sub, rs, blocks, sub.subtotals, "합계")
        if any(v.group == TOTAL for v in verdict):
            yield from self._total(sub, rs, blocks, sub.verdict, f"{VERDICT}합계")

    def _total(self, sub: ServiceSubmission, rs: ServiceRuleSet, blocks: dict[str, _Block],
               printed: list[Subtotal], name: str) -> Iterator[Finding]:
        """A 합계 against its level's blocks: each block's printed score beside it, or the
        block's rows where none is printed."""
        by_group = {s.group: s for s in printed if s.value is not None}
        st = by_group.get(TOTAL)
        if st is None or st.value is None:
            return
        parts = _total_blocks(sub, rs, blocks)
        if parts is None:
            return
        calc, doubts, texts, locations = Decimal(0), [*_where(st)], [], [st.location]
        for group in parts:
            shown = by_group.get(group)
            if shown is not None and shown.value is not None:
                calc += shown.value
                doubts += _where(shown)
                texts.append(f"{group} 계" if not name.startswith(VERDICT) else f"{group} 점수")
                locations.append(shown.location)
            elif group in blocks:
                calc += blocks[group].sum
                doubts += blocks[group].doubts
                texts.append(f"{group} 각 행")
                locations += blocks[group].locations
            else:
                return  # a block neither printed nor read: nothing to add up
        if calc == st.value:
            return
        yield self.finding(
            indicator=TOTAL, claimed=fmt(st.value), expected=fmt(calc), locations=locations,
            uncertain=joined(*doubts, ocr_read(sub.documents, locations)), group=name,
            value=fmt(st.value),
            parts=" + ".join(texts), calc=fmt(calc))


def _blocks(sub: ServiceSubmission, rs: ServiceRuleSet) -> dict[str, _Block]:
    out: dict[str, _Block] = {}
    seen: dict[str, set[str]] = {}
    for s in sub.self_scores:
        group = score_block(s, rs)
        b = out.setdefault(group, _Block())
        r = read_score(s, rs)
        key = r.row or s.row
        if key in seen.setdefault(group, set()):
            b.doubts.append(f"{s.row}행을 두 번 읽음")
        seen[group].add(key)
        b.rows += 1
        b.locations.append(s.location)
        if r.doubt:
            b.doubts.append(r.doubt)
        if s.score is not None:
            b.sum += s.score
        elif s.score_text.strip():
            b.doubts.append(f"{s.row}행 점수 '{s.score_text.strip()}'을(를) 숫자로 읽지 못함")
    for group, b in out.items():
        unread = [r.printed for r in rs.documents.self_assessment.rows
                  if block_of(r.row or r.printed, rs) == group
                  and not any(s.row == r.printed or (r.row is not None and row_of(s, rs) == r.row)
                              for s in sub.self_scores)]
        if unread:
            b.doubts.append(f"{', '.join(unread)}행을 읽지 못함")
    return out


def _total_blocks(sub: ServiceSubmission, rs: ServiceRuleSet,
                  blocks: dict[str, _Block]) -> list[str] | None:
    """The blocks the 합계 adds: the chosen level's; without a level, the one 구성 및 기능
    block that was filled in (None when several were)."""
    level = chosen_level(sub, rs)
    if level is not None:
        return blocks_for(rs, level)
    base = blocks_for(rs, None)
    filled = {g for g in blocks if g not in base} | {
        s.group for s in sub.subtotals
        if s.group not in (*base, TOTAL) and s.value is not None}
    return sorted([*base, filled.pop()]) if len(filled) == 1 else None


def _where(st: Subtotal) -> list[str]:
    return [] if st.location is not None else [f"{st.group} 계 값의 위치를 확인하지 못함"]


def _label(group: str, rs: ServiceRuleSet) -> str:
    ind = next((i for i in rs.indicators if i.number == group), None)
    if ind is not None:
        return f"{group}. {ind.name}"
    g = next((x for x in rs.eval_items if x.number == group), None)
    return f"{group} {g.name}" if g is not None else group


def _name(group: str, rs: ServiceRuleSet) -> str:
    return f"({_label(group, rs)}) 계"
