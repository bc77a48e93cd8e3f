"""The facts a service proposal cites for its ladders (`CitedFact`), read for the service
rules and the provisional scoring: which figure of a survey a fact is, the day a fact counts
from, the window its criterion counts back (periods.yaml), the sample the call's survey
design requires, and an accessibility certificate's validity at the deadline.

Vocabulary read here and by the scoring ladders (`CitedFact.kind`; `label` says which figure,
matched without spaces), as the mapping writes it (schemas/mapping/service/facts.py):
  survey          label 표본/응답자 → sample size n; 모집단 → population N; 인지 → respondents
                  aware (a count; attributes 비율 the share); 만족도/평균 → mean on the 5-point
                  scale; 조사기간/조사일 → when surveyed (a span in the text: its end); 시작 → its
                  start; 오차범위/신뢰수준 → the design as printed
  press           one article: `text` the outlet (label 언론사/매체), `date` the 보도일자,
                  `number` the 개선효과 (%) it states
  rating          app-store rating out of 5, `label` the store, `date` when captured
  certificate     label 유효기간 (a span: its end; a lone date: read as its end, with a doubt),
                  만료/종료 → valid until; 시작/발급/인증일 → valid from (not used)
  patent          `label` the kind (특허등록, 특허출원, 실용신안, S/W등록 …)
  rnd_staff, external_data   a count; jobs: label 전일제/시간제 and a count; income: an amount
                  with its unit in the text ('3,600만원'); security_check: '47개' or '100%'
A fact whose label names no known figure is not used: a rule never guesses which number it is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from statistics import NormalDist

from smartcert.core.normalize import match_key
from smartcert.core.values.dates import parse_span
from smartcert.schemas.catalogue.service import Criterion, ServiceRuleSet
from smartcert.schemas.catalogue.service.sections import Window
from smartcert.schemas.service_claims import CitedFact, ServiceSubmission

# survey figures by label, first match wins ('표본오차' is a margin, not a sample)
_SURVEY_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("margin", ("오차",)),
    ("confidence", ("신뢰",)),
    ("population", ("모집단",)),
    ("aware", ("인지",)),
    ("mean", ("만족도", "평균", "평점")),
    ("sample", ("표본", "응답자", "응답수", "유효응답", "조사대상자수")),
    ("start", ("시작", "착수")),
    ("date", ("조사기간", "조사일", "조사시점", "조사일자", "기간", "일자")),
)
# the criterion (items.yaml id) a fact of each kind is cited for, hence its window
KIND_CRITERIA = {"survey": "survey", "press": "press", "rating": "app_store"}
PRESS_OUTLET = ("매체", "언론사", "방송사", "신문")
PRESS_IMPROVEMENT = ("개선",)
CERT_UNTIL = ("만료", "종료", "까지", "유효기간", "인증기간")
CERT_FROM = ("발급", "인증일", "시작", "부터", "취득")
P_MAX = 0.5  # the proportion that needs the largest sample: the design's safe assumption


def _has(label: str | None, words: Iterable[str]) -> bool:
    key = match_key(label or "")
    return any(w in key for w in words)


def survey_role(fact: CitedFact) -> str | None:
    """Which figure of a survey a fact is ('sample', 'population', 'aware', 'mean', 'date',
    'start', 'margin', 'confidence'); None when its label does not say."""
    if fact.kind != "survey" or not fact.label:
        return None
    key = match_key(fact.label)
    return next((role for role, words in _SURVEY_ROLES if any(w in key for w in words)), None)


def facts_of(sub: ServiceSubmission, kind: str, item: str | None = None) -> list[CitedFact]:
    return [f for f in sub.facts if f.kind == kind and (item is None or f.item == item)]


@dataclass
class Survey:
    """The figures one item cites of its survey."""

    item: str | None
    roles: dict[str, list[CitedFact]] = field(default_factory=dict)

    def one(self, role: str) -> CitedFact | None:
        """The figure, when cited once (or several times alike); None when absent or when
        the item cites figures that disagree."""
        found = self.roles.get(role, [])
        values = {(f.number, f.date) for f in found}
        return found[0] if found and len(values) == 1 else None


def surveys(sub: ServiceSubmission) -> list[Survey]:
    """The cited surveys, one per item (facts of no item together)."""
    by_item: dict[str | None, Survey] = {}
    for f in facts_of(sub, "survey"):
        role = survey_role(f)
        if role is None and (f.date is not None or parse_span(f.text) is not None):
            role = "date"
        if role is not None:
            by_item.setdefault(f.item, Survey(f.item)).roles.setdefault(role, []).append(f)
    return list(by_item.values())


# ── the survey design ─────────────────────────────────────────────────────────


def survey_criteria(rs: ServiceRuleSet, item: str | None) -> list[Criterion]:
    items = [rs.item(item)] if item and rs.get(item) else rs.sub_items
    return [c for s in items for c in s.criteria if "confidence_level" in c.params]


@dataclass(frozen=True)
class SampleNeed:
    n: int  # the smallest sample that meets the design
    formula: str  # how, in Korean with the figures


def survey_design(rs: ServiceRuleSet, item: str | None) -> tuple[float, float] | None:
    """(confidence level, error margin) the call prints for the item's survey (S-111 / S-112:
    95 %, ±5 %); None when unknown or when the candidate items disagree."""
    designs = {(float(c.params["confidence_level"]), float(c.params["error_margin"]))
               for c in survey_criteria(rs, item) if "error_margin" in c.params}
    return designs.pop() if len(designs) == 1 else None


def required_sample(confidence: float, margin: float, population: int | None) -> SampleNeed:
    """n₀ = z²·p(1−p)/e² with p = 0.5, and for a known population N the finite-population
    correction n = n₀ / (1 + (n₀ − 1)/N); rounded up."""
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    n0 = z * z * P_MAX * (1 - P_MAX) / (margin * margin)
    text = (f"n₀ = z²·p(1−p)/e² = {z:.2f}²×{P_MAX:g}×{1 - P_MAX:g}/{margin:g}² = {n0:.1f}")
    n = n0
    if population:
        n = n0 / (1 + (n0 - 1) / population)
        text += f", 모집단 보정 n = n₀/(1+(n₀−1)/N) = {n:.1f} (N = {population:,})"
    return SampleNeed(math.ceil(n - 1e-9), text)


# ── days and windows ──────────────────────────────────────────────────────────


def application_day(sub: ServiceSubmission, rs: ServiceRuleSet) -> date | None:
    """The printed 신청일, when it is a full date between the call and the deadline (a date
    outside that span is a slip, and counting from it could fail a valid fact)."""
    d = sub.application_date
    if d is None or d.day is None:
        return None
    day = d.first_day()
    call = date.fromisoformat(rs.periods.call_date)
    return day if call <= day <= rs.deadline.date() else None


def last_day(fact: CitedFact) -> date | None:
    """The latest day a fact may stand for: the end of a span its text prints, else the last
    day its date allows ('2020.10' → 2020-10-31)."""
    span = parse_span(fact.text) if fact.text else None
    if span is not None:
        return span.end.last_day()
    return fact.date.last_day() if fact.date is not None else None


def window_of(rs: ServiceRuleSet, fact: CitedFact) -> Window | None:
    """The window of the criterion a fact is cited for (KIND_CRITERIA): its item's, or the
    one every item with such a criterion shares when the fact names no item."""
    cid = KIND_CRITERIA.get(fact.kind)
    if cid is None:
        return None
    items = [rs.item(fact.item)] if fact.item and rs.get(fact.item) else rs.sub_items
    ids = {str(c.params["window"]) for s in items for c in s.criteria
           if c.id == cid and "window" in c.params}
    if len(ids) != 1:
        return None
    wid = ids.pop()
    return next(w for w in rs.periods.windows if w.id == wid)


# ── certificates ──────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Validity:
    fact: CitedFact
    until: date
    doubt: str | None  # why the end of validity is not certain


def certificate_validity(facts: Iterable[CitedFact]) -> list[Validity]:
    """When each cited certificate stops being valid: a span's end, or a date labelled as
    the end. A lone date labelled only 유효기간 is read as its end, with a doubt."""
    out = []
    for f in facts:
        if f.kind != "certificate":
            continue
        if _has(f.label, CERT_FROM) or (f.label and not _has(f.label, CERT_UNTIL)):
            continue  # the start, the number or the kind of a certificate
        span = parse_span(f.text) if f.text else None
        if span is not None:
            out.append(Validity(f, span.end.last_day(), None))
        elif f.date is not None and f.label:
            exact = _has(f.label, ("만료", "종료", "까지"))
            out.append(Validity(f, f.date.last_day(), None if exact else
                                f"'{f.label}' {f.date}을(를) 유효기간 종료일로 읽음"))
    return out

