from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.schemas.service_claims import SelfScore, ServiceSubmission
from smartcert.validators.support.service_rows import (
    choice_doubt,
    chosen_level,
    read_score,
    score_block,
)
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule


class ServiceLevelBlocks(ServiceRule):
    """Self-scores in a 구성 및 기능 block of another level than the one ticked on the 신청서
    (the form scores one block: '평가항목 중 택1'). An error when the chosen level's block is
    empty — the level ticked and the block scored disagree; a warning when both are filled:
    the other block may hold the lower level's scores the 5할 item (S-221, S-231) is taken
    from. Zero scores are not counted as filled."""

    spec = RuleSpec(
        id="consistency.level-blocks",
        severity=Severity.ERROR,
        template="신청 서비스 수준은 {level}({group})이나 자체평가표의 {other} 블록에 점수가 "
                 "기재되어 있습니다 ({rows})",
        clause="2023 서비스 인증 자체평가표 2. 구성 및 기능 (평가항목 중 택1, 50점) (line 3350); "
               "참고1 2. 구성 및 기능 (구성형태에 따라 구분하여 평가, lines 425–426); "
               "별지 제3호서식 신청서비스 수준 (lines 685–691)",
        example={"level": "네트워크 연계 서비스", "group": "2.2", "other": "2.1 단위 서비스",
                 "rows": "2.1.1.1, 2.1.1.2, 2.1.2.3 외 9개 행"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        rs = ctx.ruleset
        level = chosen_level(sub, rs)
        if level is None or sub.level is None or level.group is None:
            return
        choose = {g.number for g in rs.eval_items
                  if rs.indicator(g.indicator).choose_one}
        filled: dict[str, list[SelfScore]] = defaultdict(list)
        for s in sub.self_scores:
            block = score_block(s, rs)
            if block in choose and s.score is not None and s.score != 0:
                filled[block].append(s)
        for block, scores in filled.items():
            if block == level.group:
                continue
            doubts = [choice_doubt(sub.level, "신청 서비스 수준"),
                      *(read_score(s, rs).doubt for s in scores),
                      ocr_read(sub.documents, [sub.level.location, *(s.location for s in scores)])]
            if filled.get(level.group):
                lower = next((x for x in rs.scored_levels if x.group == block), None)
                why = (f"선택한 {level.group} 블록도 작성되어 있어, 5할 산정의 근거인 "
                       f"{lower.name if lower else block} 점수를 적은 것일 수 있음"
                       if lower is not None and lower.id == level.builds_on
                       else f"선택한 {level.group} 블록도 작성되어 있음")
                doubts.append(why)
            g = rs.eval_item(block)
            yield self.finding(
                indicator=block, claimed=block, expected=level.group,
                locations=[sub.level.location, *(s.location for s in scores)],
                uncertain="; ".join(d for d in doubts if d) or None,
                level=level.name, group=level.group, other=f"{block} {g.name}",
                rows=_rows(scores))


def _rows(scores: list[SelfScore]) -> str:
    shown = ", ".join(s.row for s in scores[:3])
    return shown + (f" 외 {len(scores) - 3}개 행" if len(scores) > 3 else "")
