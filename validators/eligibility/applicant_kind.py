"""The applicant must be a 지자체 of an eligible kind: not a company or another body, not
a 읍·면·동. The words that say so are the rule set's (`applicants.non_municipal`)."""

from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.normalize import match_key
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import Submission
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.validators.rule import CheckContext, Rule


def non_municipal(name: str, ruleset: RuleSet) -> str | None:
    """Why `name` is not an eligible 지자체 (Korean, naming the deciding words), or None."""
    apps = ruleset.applicants
    spec = apps.non_municipal if apps else None
    tokens = [match_key(t) for t in name.split()]
    if spec is None or not tokens:
        return None
    key = "".join(tokens)
    for marker in spec.markers:
        for word in marker.words:
            w = match_key(word)
            hit = w in key if marker.at == "anywhere" else any(
                t.endswith(w) and len(t) > len(w) for t in tokens)
            if hit:
                return f"'{word}' — {marker.what}"
    last = tokens[-1]
    kinds = apps.eligible.kinds if apps and apps.eligible else []
    if any(last.endswith(match_key(k)) for k in kinds):
        return None
    for kind in spec.sub_municipal_kinds:
        if last.endswith(kind) and len(last) - len(kind) >= spec.min_stem:
            return f"'{kind}'(으)로 끝나는 이름 — 읍·면·동"
    return None


class ApplicantKind(Rule):
    spec = RuleSpec(
        id="eligibility.applicant-kind",
        severity=Severity.ERROR,
        template="신청 기관 '{applicant}'은(는) 신청자격이 있는 지자체(특·광역시, 특별자치시·도, "
                 "시·군·구)가 아닙니다: {why}",
        clause="공고 2. 신청자격 및 인증방법 (신청자격) 지자체(특·광역시, 특별자치시·도, "
               "시·군·구)에서 응모 가능",
        example={"applicant": "(주)스마트시티솔루션", "why": "'(주)' — 기업"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        if not sub.applicant:
            return
        why = non_municipal(sub.applicant, ctx.ruleset)
        if why is None:
            return
        certain = sub.applicant_basis is not None and sub.applicant_basis.certain
        yield self.finding(applicant=sub.applicant, why=why, claimed=sub.applicant,
                           expected="특·광역시, 특별자치시·도, 시·군·구", locations=[sub.source],
                           uncertain=joined(None if certain else
                                            "신청 기관명을 서식의 '기관명' 칸이 아닌 곳에서 읽음",
                                            ocr_read(sub.documents, [sub.source])))
