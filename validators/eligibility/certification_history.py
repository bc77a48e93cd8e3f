"""The application's 인증 실적 against the certification registry: a stated certification
the registry does not hold (or holds with another grade), and one the registry holds that
the application leaves out. Silent when the registry was not consulted or the 인증 실적
was not read; a year outside the registry's coverage is neither confirmed nor denied."""

from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.certifications import RegisteredCertification, RegistryRecords
from smartcert.schemas.claims import StatedCertification, Submission
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.validators.rule import CheckContext, Rule

_KIND = {"first": "인증", "renewal": "재인증", "upgrade": "등급 상향 인증"}


def _label(r: RegisteredCertification) -> str:
    grade = f" {r.grade}등급" if r.grade is not None else ""
    return f"{r.year}년 {_KIND.get(r.kind, r.kind)}{grade}"


def _listing(reg: RegistryRecords) -> str:
    return ", ".join(_label(r) for r in reg.records) or "없음"


class CertificationHistory(Rule):
    spec = RuleSpec(
        id="eligibility.certification-history",
        severity=Severity.ERROR,
        template="신청서의 인증 실적이 스마트도시 인증 현황과 다릅니다: {problem}",
        clause="공고 3. 신청방법 < 제 출 서 류 > ① 공모 신청서 ([별지 제1호서식] 인증 실적); "
               "지침 II.2025년 공모계획(안) > 기존 인증부여 대상의 타당성 검토",
        example={"problem": "'2023년 스마트도시 인증 3등급' — 인증 현황(2021–2024년)에 "
                            "누리시의 2023년 인증이 없습니다 (인증 현황: 없음)"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        reg = ctx.certifications
        if reg is None or sub.certification_history_text is None:
            return
        name = sub.applicant or "신청 기관"
        for stated in sub.certification_history:
            if stated.year is not None and reg.covers(stated.year):
                yield from self._stated(sub, reg, stated, name)
        if any(s.year is None for s in sub.certification_history):
            return  # a piece this reading cannot place may be the one 'omitted'
        yield from self._omitted(sub, ctx, reg)

    def _stated(self, sub: Submission, reg: RegistryRecords, stated: StatedCertification,
                name: str) -> Iterator[Finding]:
        same_year = [r for r in reg.records if r.year == stated.year]
        named = sub.applicant_basis is not None and sub.applicant_basis.certain
        if not same_year:
            problem = (f"'{stated.text}' — 인증 현황({reg.covers_from}–{reg.covers_to}년)에 "
                       f"{name}의 {stated.year}년 인증이 없습니다 (인증 현황: {_listing(reg)})")
            uncertain = None
            if not reg.records:
                uncertain = f"인증 현황에 '{name}'이(가) 없음 — 기관명 표기가 다를 수 있음"
            elif not named:
                uncertain = "신청 기관명을 서식의 '기관명' 칸이 아닌 곳에서 읽음"
            # the name the registry was searched by matters when it found nothing
            read = [stated.location or sub.certification_history_source,
                    sub.source if not reg.records else None]
            yield self.finding(problem=problem, claimed=stated.text, expected=_listing(reg),
                               locations=[stated.location or sub.certification_history_source],
                               uncertain=joined(uncertain, ocr_read(sub.documents, read)))
            return
        graded = [r for r in same_year if r.grade is not None]
        if stated.grade is None or not graded or any(r.grade == stated.grade for r in graded):
            return
        problem = (f"'{stated.text}' — 인증 현황의 {stated.year}년 인증은 "
                   f"{', '.join(f'{r.grade}등급' for r in graded)}입니다")
        where = stated.location or sub.certification_history_source
        yield self.finding(problem=problem, claimed=f"{stated.grade}등급",
                           expected="/".join(f"{r.grade}등급" for r in graded),
                           locations=[where],
                           uncertain=joined(None if named else
                                            "신청 기관명을 서식의 '기관명' 칸이 아닌 곳에서 읽음",
                                            ocr_read(sub.documents, [where])))

    def _omitted(self, sub: Submission, ctx: CheckContext,
                 reg: RegistryRecords) -> Iterator[Finding]:
        """A registry row before the call's year the 인증 실적 does not mention: a warning
        (the application may summarise a renewal chain)."""
        call_year = int(ctx.ruleset.periods.call_date[:4]) if ctx.ruleset.periods else None
        # a certification granted after the application's own 2-year span ended cannot be in
        # it when the application is an earlier one (a stored 2024 application re-validated
        # now, whose span ends in 2023, was written before its 2024 certification)
        span_end = sub.declared_span.end.year if sub.declared_span is not None else None
        stated = {s.year for s in sub.certification_history}
        printed = sub.certification_history_text or ""
        for r in reg.records:
            if r.year in stated or (call_year is not None and r.year >= call_year) \
                    or (span_end is not None and r.year > span_end):
                continue
            problem = (f"인증 현황의 {_label(r)}({r.municipality})이(가) 인증 실적 "
                       f"'{printed}'에 없습니다")
            yield self.finding(problem=problem, claimed=printed or None, expected=_label(r),
                               locations=[sub.certification_history_source],
                               uncertain=ocr_read(sub.documents,
                                                  [sub.certification_history_source])
                               ).model_copy(update={"severity": Severity.WARNING})
