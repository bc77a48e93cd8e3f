from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.exclusion_words import entries, has_any, quoted, where, words


class PrivateUnmanaged(Rule):
    """C-1-7 counts private parking spaces only where the public side manages their
    information. When the form counts private spaces (entry param `component`, > 0) and no
    text of the form (비고, rows) says so (param `words`), the evaluator has to ask. An info,
    not a warning: the call's own form gives 비고 to the base date ('24.12기준) and has no
    place to say who manages the spaces, so a submission filled exactly as printed would
    otherwise carry a warning it could not avoid."""

    kinds: ClassVar[frozenset[str]] = frozenset({"private_if_managed"})
    spec = RuleSpec(
        id="exclusion.private-unmanaged",
        severity=Severity.INFO,
        template="지표 {code}에 민간 주차면수 {value}면이 포함되어 있으나 양식(비고)에 {words} 중 "
                 "어느 말도 없습니다 — 공공에서 민간주차장 정보를 관리하는지 확인 필요: {rule} "
                 "({where})",
        clause=("지침 V.제출서류 및 양식 > C.서비스 기술 및 인프라 부문 > C-1. 필수 서비스 부문 > "
                "1) 교통 > ⑦ 전체 공공주차장 주차면수 대비 스마트 공공주차장 주차면수 > 분석자료"),
        example={
            "code": "C-1-7", "value": "13,784", "words": "'관리', '연계', '정보 제공', '공유'",
            "rule": "민간주차장 수는 공공에서 민간주차장 정보를 관리하는 경우 작성",
            "where": "C-1-7 분석자료",
        },
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            for ind, entry in entries(ctx.ruleset, claim.code, self.kinds):
                cid = entry.params.get("component")
                private = claim.component(str(cid)) if cid else None
                if private is None or not isinstance(private.value, Decimal) \
                        or private.value <= 0:
                    continue
                shown = private.text.strip() or str(private.value)
                text_ids = {c.id for c in (ind.form.components if ind.form else [])
                            if c.role == "text"}
                texts = [c.text for c in claim.components if c.id in text_ids]
                texts += [c.text for it in claim.items for c in it.cells]
                sought = words(entry, "words")
                if not sought or any(has_any(t, sought) for t in texts):
                    continue
                yield self.finding(
                    indicator=claim.code, code=claim.code, value=shown, words=quoted(sought),
                    rule=entry.text, where=where(claim.code, entry), claimed=shown,
                    expected=f"{entry.text} ({entry.clause})",
                    uncertain=None if private.certain else "민간 주차면수의 위치를 추정함",
                    locations=[private.location, claim.form_source])
