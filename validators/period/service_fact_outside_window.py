from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.schemas.service_claims import CitedFact, ServiceSubmission
from smartcert.validators.support.service_facts import (
    KIND_CRITERIA,
    application_day,
    last_day,
    survey_role,
    window_of,
)
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule

_WHAT = {"survey": "설문조사", "press": "언론보도", "rating": "앱스토어 평점"}
_SURVEY_DATES = (None, "date", "start")  # survey figures that say when it was surveyed


class ServiceFactOutsideWindow(ServiceRule):
    """A survey, article or app-store rating the proposal cites that is older than its
    criterion's window (periods.yaml: '신청일 기준 3년 이내'). The window counts back from the
    printed 신청일 when it is a full date within the submission period, else from the first
    day of submission (the widest window any application date allows). A fact's latest
    possible day is used (a span's end, '2020.10' as 31 October), so a fact is never called
    old that some reading would accept. A date labelled as a survey's start is a warning (it
    may have ended within the window)."""

    spec = RuleSpec(
        id="period.fact-outside-window",
        severity=Severity.ERROR,
        template="{item} {what} '{text}'({day})은(는) {window} 기간({start} 이후)에 해당하지 "
                 "않아 인정되지 않습니다",
        clause="2023 서비스 인증 S-111 평가방법 1)·2) (lines 873, 878); S-112 평가방법 1)·2) "
               "(lines 1049, 1058); S-121 평가방법 2) (line 1136): 신청일 기준 3년 이내",
        example={"item": "S-111", "what": "언론보도", "text": "전자신문 2019.05.02",
                 "day": "2019-05-02", "window": "신청일 기준 3년 이내", "start": "2020-10-24"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        rs = ctx.ruleset
        applied = application_day(sub, rs)
        for fact in sub.facts:
            if fact.kind not in KIND_CRITERIA or not _dated(fact):
                continue
            day, window = last_day(fact), window_of(rs, fact)
            if day is None or window is None:
                continue
            start, _ = rs.window(window.id, applied)
            if day >= start:
                continue
            doubts = []
            if survey_role(fact) == "start":
                doubts.append(f"'{fact.label}'은(는) 조사 시작일이며 조사가 더 늦게 끝났을 수 있음")
            if fact.location is None:
                doubts.append("인용 위치를 확인하지 못함")
            # the 신청일 counts only where the widest window would accept the fact
            by_date = applied is not None and day >= rs.window(window.id)[0]
            read = [fact.location, sub.locations.get("application_date") if by_date else None]
            if (ocr := ocr_read(sub.documents, read)) is not None:
                doubts.append(ocr)
            yield self.finding(
                indicator=fact.item, claimed=day.isoformat(), expected=f"{start} 이후",
                locations=[fact.location], uncertain="; ".join(doubts) or None,
                item=fact.item or "", what=_WHAT[fact.kind], text=fact.text,
                day=day.isoformat(), window=_window_text(window.text), start=start.isoformat())


def _dated(fact: CitedFact) -> bool:
    """A fact that says when: every dated press or rating fact; of a survey, only the
    figures for its date (a sample size with a date is not the survey's date)."""
    return fact.kind != "survey" or survey_role(fact) in _SURVEY_DATES


def _window_text(text: str) -> str:
    return text.split(" (")[0]  # '신청일 기준 3년 이내 (설문조사, …)' → its first words
