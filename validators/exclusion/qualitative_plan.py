from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import QualitativeClaim, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.exclusion_words import find

SNIPPET = 40  # characters of the line shown around a phrase
_BULLETS = "■□▪▫•·-–◦○●◆◇※ "


def _line(text: str, start: int, end: int) -> str:
    """The printed line holding text[start:end], bullets dropped, cut to `SNIPPET`."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    line = text[a:b if b >= 0 else len(text)]
    lead = len(line) - len(line.lstrip(_BULLETS))
    line, s = line[lead:].rstrip(), start - a - lead
    if len(line) <= SNIPPET:
        return line
    lo = max(0, min(s - SNIPPET // 2, len(line) - SNIPPET))
    space = line.find(" ", lo, s)
    lo = space + 1 if lo and space >= 0 else lo  # start on a word
    return ("…" if lo else "") + line[lo:lo + SNIPPET] + ("…" if lo + SNIPPET < len(line) else "")


class QualitativePlan(Rule):
    """The qualitative self-assessment is to present what runs, not what is planned. A
    소분류 whose text says a future or intended action (qualitative.yaml `self_assessment.
    plan_phrases`: '도입 예정', '구축할 계획', '검토 중' …) is a warning quoting the line;
    a plan that exists ('스마트도시계획 수립(2023)') or is followed ('계획에 따라 운영 중')
    is not such a phrase. Rows sharing one merged text make one finding."""

    spec = RuleSpec(
        id="exclusion.qualitative-plan",
        severity=Severity.WARNING,
        template="정성지표 '{item}'의 자체 평가내용에 계획·예정으로 읽히는 말이 있습니다: {hits} — "
                 "확인 필요: 계획이 아닌 실제 운영되는 내용으로 구성",
        clause=("지침 V.제출서류 및 양식 > 정성지표 자체평가표 작성요령 (정성지표는 … 계획이 "
                "아닌 실제 운영되는 내용으로 구성)"),
        example={"item": "3.3 시스템 연계",
                 "hits": "'교통-방범 CCTV 연계 플랫폼 2025년 하반기 도입 예정'('예정')"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        q = ctx.ruleset.qualitative
        rules = q.self_assessment if q is not None else None
        if rules is None or not rules.operating_not_planned or not rules.plan_phrases:
            return
        groups: dict[tuple[str, Location | None], list[QualitativeClaim]] = {}
        for claim in sub.qualitative:
            texts = [claim.narrative, *(a.text for a in claim.achievements)]
            groups.setdefault(("\n".join(texts), claim.source), []).append(claim)
        for (_, source), claims in groups.items():
            first = claims[0]
            hits: list[str] = []
            where: list[Location | None] = []
            for text, loc in [(first.narrative, first.source),
                              *((a.text, a.location) for a in first.achievements)]:
                norm = unicodedata.normalize("NFKC", text)
                for f in find(norm, rules.plan_phrases, rules.not_plan_phrases):
                    hit = f"'{_line(norm, f.start, f.end)}'('{f.printed}')"
                    if hit not in hits:
                        hits.append(hit)
                        where.append(loc)
            if not hits:
                continue
            labels = [c.item_label or c.unit_as_printed or c.unit for c in claims]
            yield self.finding(item=", ".join(dict.fromkeys(labels)), hits=", ".join(hits[:3]),
                               claimed=hits[0], expected="계획이 아닌 실제 운영되는 내용",
                               locations=[*where[:3], first.item_source, source])
