from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.core.textmatch import similarity
from smartcert.schemas.claims import IndicatorClaim, Submission
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.form_cells import rows_of
from smartcert.validators.support.item_names import name_key
from smartcert.validators.support.list_cells import list_rules

RULE_ID = "services_from"  # the indicators.yaml entry (B-3-2: params subset_of A-3-7)
_CONTAINED = 95.0  # one name inside the other ('공유자전거' in '공유자전거 서비스')
_MIN_CONTAINED = 4  # … when the shorter has this many characters at least


def name_score(a: str, b: str) -> float:
    """0–100: how surely two service names name one service (jamo similarity of their
    keys without spaces and punctuation; a name wholly inside the other scores 95)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 100.0
    short, long = sorted((ka, kb), key=len)
    if len(short) >= _MIN_CONTAINED and short in long:
        return _CONTAINED
    return similarity(ka, kb)


class ServiceNotListed(Rule):
    """B-3-2 counts opinions on services 'among A-3-7's smart city services': each service
    named in B-3-2's list must be one A-3-7 lists. Names are compared fuzzily (spacing,
    punctuation and a wrapped cell do not matter); one below the rule's `match_threshold`
    is reported as a warning naming the closest A-3-7 service and its score — a judgement
    on wording, never an error. Silent when A-3-7's list was not read."""

    spec = RuleSpec(
        id="consistency.service-not-listed",
        severity=Severity.WARNING,
        template="지표 {code}의 서비스 '{name}'이(가) 지표 {other}의 서비스 목록에 없습니다 "
                 "(가장 가까운 서비스: '{closest}', 유사도 {score}/100, 기준 {threshold})",
        clause="지침 V.제출서류 및 양식 > B.거버넌스 및 제도 부문 > 3) 참여네트워크 > ② 인구 "
               "1만명 당 신규 도입 스마트도시 서비스의 시민 의견 반영 건수 > 분석자료 (* 해당 "
               "공공 서비스는 정량지표 A-3-7의 스마트도시 서비스 중 …로 한정)",
        example={"code": "B-3-2", "name": "스마트 그늘막 서비스", "other": "A-3-7",
                 "closest": "스마트 버스정류장 서비스", "score": "58", "threshold": "85"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim, _ind, rule, lst in list_rules(sub, ctx.ruleset, RULE_ID):
            if "subset_of" not in rule.params:
                continue
            other_code = str(rule.params["subset_of"])
            listed = _listed(sub.indicator(other_code), ctx, str(rule.params.get(
                "subset_list", "")))
            if not listed:
                continue  # nothing read to compare with
            threshold = float(rule.params.get("match_threshold", 85))
            seen: set[str] = set()
            for item in rows_of(claim, lst):
                name = (item.name or "").strip()
                if not name or name_key(name) in seen:
                    continue
                seen.add(name_key(name))
                score, closest = max((name_score(name, n), n) for n in listed)
                if score >= threshold:
                    continue
                yield self.finding(
                    indicator=claim.code, claimed=name, expected=closest,
                    locations=[item.location or claim.form_source],
                    uncertain=ocr_read(sub.documents, [item.location]),
                    code=claim.code, name=name, other=other_code, closest=closest,
                    score=f"{score:.0f}", threshold=f"{threshold:.0f}")


def _listed(other: IndicatorClaim | None, ctx: CheckContext, list_id: str) -> list[str]:
    """The names the other indicator lists (its catalogue list `list_id`)."""
    if other is None:
        return []
    ind = ctx.ruleset.get(other.code)
    lists = ind.form.lists if ind is not None and ind.form is not None else []
    lst = next((x for x in lists if x.id == list_id), None)
    rows = rows_of(other, lst) if lst is not None else other.items
    return [it.name.strip() for it in rows if it.name and it.name.strip()]
