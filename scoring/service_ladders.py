"""The S-pages' scoring ladders read from the facts a service proposal cites: per criterion
row, the points the documents support, or None when the ladder cannot be read from them
(the committee's judgement). Fact vocabulary: validators/support/service_facts.py.

A reader is chosen by the params its criterion's steps carry (items.py vocabulary) and
returns None when the proposal cites nothing of its kind (the type of evidence was not
used), a `Reading` of 0 when what is cited reaches no step (too old, too small a sample),
and a `Reading` without points when what is cited cannot be read for sure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from smartcert.core.normalize import match_key
from smartcert.core.values.numbers import to_million_won
from smartcert.schemas.catalogue.service import Criterion, ServiceRuleSet, Step
from smartcert.schemas.service_claims import CitedFact, ServiceSubmission
from smartcert.validators.support.service_facts import (
    PRESS_IMPROVEMENT,
    PRESS_OUTLET,
    Survey,
    certificate_validity,
    facts_of,
    last_day,
    required_sample,
    surveys,
)
from smartcert.validators.support.service_rows import fmt

_PCT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_NUM = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Reading:
    points: float | None  # None: cited, but not readable for sure
    reason: str  # Korean: what was read


@dataclass(frozen=True)
class Facts:
    """What a reader sees: the submission's facts, the rule set, the application day."""

    sub: ServiceSubmission
    rs: ServiceRuleSet
    applied: date | None

    def of(self, kind: str, item: str) -> list[CitedFact]:
        return facts_of(self.sub, kind, item)

    def within(self, fact: CitedFact, c: Criterion, step: Step | None = None) -> bool | None:
        """Whether a dated fact falls in its criterion's (or step's) window; None: undated."""
        wid = (step.params.get("window") if step else None) or c.params.get("window")
        day = last_day(fact)
        if wid is None:
            return True
        if day is None:
            return None
        start, _ = self.rs.window(str(wid), self.applied)
        return day >= start


Reader = Callable[[Facts, str, Criterion], Reading | None]


def _plain(c: Criterion) -> list[Step]:
    """The steps a machine may award, best first (committee and bonus steps excluded)."""
    return sorted((s for s in c.steps if not s.committee and not s.bonus),
                  key=lambda s: -s.points)


def _highest(c: Criterion, met: Callable[[Step], bool]) -> float:
    return next((s.points for s in _plain(c) if met(s)), 0.0)


def _f(x: Decimal | float | int) -> float:
    return float(x)


# ── surveys ───────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _SurveyCheck:
    survey: Survey
    problem: str | None = None  # why it does not count (None: it counts)
    decided: bool = True  # the problem is certain (too old, too small), not a reading gap


def _survey(fx: Facts, item: str, c: Criterion) -> _SurveyCheck | None:
    """The item's survey, checked against its criterion's window and sample design."""
    sv = next((s for s in surveys(fx.sub) if s.item == item), None)
    if sv is None:
        return None
    sample, pop, when = sv.one("sample"), sv.one("population"), sv.one("date")
    if when is None:
        return _SurveyCheck(sv, "조사 시점을 읽지 못함", decided=False)
    if fx.within(when, c) is False:
        return _SurveyCheck(sv, f"조사 시점 {last_day(when)}이(가) 인정 기간 밖")
    if sample is None or sample.number is None:
        return _SurveyCheck(sv, "표본 수를 읽지 못함", decided=False)
    design = (float(c.params["confidence_level"]), float(c.params["error_margin"]))
    population = int(pop.number) if pop is not None and pop.number and pop.number > 0 \
        else None
    need = required_sample(*design, population)
    if sample.number >= need.n:
        return _SurveyCheck(sv)
    if population is None:
        return _SurveyCheck(sv, f"표본 {fmt(sample.number)}명, 모집단 미확인 (대규모 모집단이면 "
                                f"{need.n}명 필요)", decided=False)
    return _SurveyCheck(sv, f"표본 {fmt(sample.number)}명 < 필요 {need.n}명")


def _survey_reading(fx: Facts, item: str, c: Criterion, role: str,
                    value: Callable[[Survey, CitedFact], float | None],
                    param: str, what: str) -> Reading | None:
    check = _survey(fx, item, c)
    if check is None:
        return None
    if check.problem is not None:
        return Reading(0.0 if check.decided else None, f"설문조사 인정 불가: {check.problem}")
    fact = check.survey.one(role)
    x = value(check.survey, fact) if fact is not None else None
    if x is None:
        return Reading(None, f"설문조사 {what}을(를) 읽지 못함")
    pts = _highest(c, lambda s: param in s.params and x >= _threshold(s.params[param]))
    return Reading(pts, f"설문조사 {what} {x:.3g} → {pts:g}점")


def _threshold(v: object) -> float:
    if isinstance(v, list):  # [num, den]
        return float(v[0]) / float(v[1])
    return float(v)  # type: ignore[arg-type]


def _aware_share(sv: Survey, fact: CitedFact) -> float | None:
    """Respondents aware over the sample ('233명 (58.3%)' of 400), else the share printed
    (the row's 비율, or '58.3%')."""
    sample = sv.one("sample")
    n = _f(sample.number) if sample is not None and sample.number else None
    if fact.number is not None and n and "명" in fact.text:
        return _f(fact.number) / n
    pct = _percent(fact.attributes.get("비율", ""), bare=True) or _percent(fact.text)
    if pct is not None:
        return pct / 100
    if fact.number is not None and n and "%" not in fact.text:
        return _f(fact.number) / n
    return None


def _percent(text: str, bare: bool = False) -> float | None:
    """The one percentage a text shows ('100%'); with `bare`, a lone figure too ('58.3')."""
    found = _PCT.findall(text)
    if len(found) == 1:
        return float(found[0])
    return float(text) if bare and _NUM.fullmatch(text.strip()) else None


def read_aware(fx: Facts, item: str, c: Criterion) -> Reading | None:
    return _survey_reading(fx, item, c, "aware", _aware_share, "aware_ratio_min", "인지 비율")


def read_mean(fx: Facts, item: str, c: Criterion) -> Reading | None:
    return _survey_reading(fx, item, c, "mean",
                           lambda _, f: _f(f.number) if f.number is not None else None,
                           "mean_score_min", "종합만족도")


# ── ratings, press ────────────────────────────────────────────────────────────


def read_rating(fx: Facts, item: str, c: Criterion) -> Reading | None:
    facts = [f for f in fx.of("rating", item) if f.number is not None]
    if not facts:
        return None
    ok = [f for f in facts if fx.within(f, c)]
    undated = [f for f in facts if fx.within(f, c) is None]
    if undated:
        return Reading(None, "앱스토어 평점의 확인 시점을 읽지 못함")
    if not ok:
        return Reading(0.0, "앱스토어 평점이 모두 인정 기간 밖")
    best = max(_f(f.number) for f in ok if f.number is not None)
    pts = _highest(c, lambda s: "rating_min" in s.params and best >= float(s.params["rating_min"]))
    return Reading(pts, f"앱스토어 평점 {best:g} → {pts:g}점")


def _outlet(f: CitedFact) -> str | None:
    if f.label and not any(w in match_key(f.label) for w in PRESS_OUTLET):
        return None
    return f.text.strip() or None


PRINTED_TIER = "매체분류"  # the article row's column naming its tier ('가군')


def _tier(fx: Facts, outlet: str, printed: str = "") -> tuple[str, bool] | None:
    """The lowest tier the outlet can be in, and whether it could be higher: an outlet
    listed once has its tier; one listed in two (KBS 전국 가군 / 지역 나군) the tier the
    article's row prints (`printed`, its 매체분류 '가군') when that is one of them, else its
    lower one; an unlisted one is 다군 ('가군과 나군에 속하지 않은 모든 언론사'), which a
    foreign outlet may beat (나군's G20 / ASEAN 주요매체)."""
    tiers = fx.rs.tiers_of(outlet)
    if not tiers:
        rest = next((t for t in fx.rs.press_tiers if t.rest), None)
        korean = any("가" <= ch <= "힣" for ch in outlet)
        return (rest.tier, not korean) if rest is not None else None
    stated = [t for t in tiers if printed and match_key(t.name) in match_key(printed)]
    if len(tiers) > 1 and len(stated) == 1:
        return stated[0].tier, False
    low = min(tiers, key=lambda t: t.points)
    return low.tier, len(tiers) > 1


def _articles(fx: Facts, item: str, c: Criterion) -> tuple[list[CitedFact], str | None]:
    """The item's articles inside the window, or why they cannot be told."""
    press = [f for f in fx.of("press", item) if not _has(f.label, PRESS_IMPROVEMENT)]
    dated = [f for f in press if last_day(f) is not None]
    outside = [f for f in dated if not fx.within(f, c)]
    if dated and len(outside) == len(dated):
        return [], None
    if outside and any(last_day(f) is None for f in press):
        return [], "기사별 보도일자를 매체와 짝지을 수 없음"
    return [f for f in press if f not in outside], None


def _has(label: str | None, words: tuple[str, ...]) -> bool:
    return any(w in match_key(label or "") for w in words)


def read_press_tier(fx: Facts, item: str, c: Criterion) -> Reading | None:
    if not fx.of("press", item):
        return None
    articles, why = _articles(fx, item, c)
    if why:
        return Reading(None, why)
    outlets = [(o, f.attributes.get(PRINTED_TIER, "")) for f in articles if (o := _outlet(f))]
    if not outlets:
        return Reading(0.0, "인정 기간 내 언론보도 없음")
    known = [(o, t) for o, printed in outlets if (t := _tier(fx, o, printed)) is not None]
    if not known:
        return Reading(None, "언론보도 매체 등급을 정할 수 없음")
    pts = max(_highest(c, lambda s, t=t: s.params.get("outlet_tier") == t[0]) for _, t in known)
    shown = ", ".join(f"{o}({t}군{' 이상일 수 있음' if higher else ''})"
                      for o, (t, higher) in known)
    return Reading(pts, f"언론보도 {shown} → {pts:g}점")


def read_press_improvement(fx: Facts, item: str, c: Criterion) -> Reading | None:
    if not fx.of("press", item):
        return None
    articles, why = _articles(fx, item, c)
    if why:
        return Reading(None, why)
    if not articles:
        return Reading(0.0, "인정 기간 내 언론보도 없음")
    # the improvement an article states: its own figure (the list's 개선효과 column), or a
    # press fact labelled 개선
    gains = [_f(f.number) for f in [*articles, *fx.of("press", item)]
             if f.number is not None and (f in articles or _has(f.label, PRESS_IMPROVEMENT))]
    best = max(gains, default=0.0)
    pts = _highest(c, lambda s: "improvement_percent_min" not in s.params
                   or best >= float(s.params["improvement_percent_min"]))
    return Reading(pts, f"언론보도 (개선효과 {best:g}%) → {pts:g}점")


# ── counts, IP, jobs, certificates ────────────────────────────────────────────

_IP_KINDS = (  # printed words → the ladder's ip_kinds, first match wins
    (("실용신안",), "실용신안등록"), (("신기술",), "신기술"), (("출원",), "특허출원"),
    (("소프트웨어", "S/W", "SW", "프로그램"), "소프트웨어등록"), (("특허",), "특허등록"),
)


def _ip_kind(f: CitedFact) -> str | None:
    key = match_key(f"{f.label or ''} {f.text}").upper()
    return next((kind for words, kind in _IP_KINDS
                 if any(match_key(w).upper() in key for w in words)), None)


def read_ip(fx: Facts, item: str, c: Criterion) -> Reading | None:
    facts = fx.of("patent", item) + fx.of("ip", item)
    if not facts:
        return None
    kinds = {k for f in facts if (k := _ip_kind(f))}
    if not kinds:
        return Reading(None, "지적재산권의 종류를 읽지 못함")
    pts = _highest(c, lambda s: bool(kinds & set(s.params.get("ip_kinds", []))))
    return Reading(pts, f"지적재산권 {', '.join(sorted(kinds))} → {pts:g}점")


def _count_reader(kind: str, param: str, what: str) -> Reader:
    def read(fx: Facts, item: str, c: Criterion) -> Reading | None:
        values = {f.number for f in fx.of(kind, item) if f.number is not None}
        if not values:
            return None
        if len(values) > 1:
            return Reading(None, f"{what}가 서로 다르게 인용됨")
        n = _f(values.pop())
        pts = _highest(c, lambda s: param in s.params and n >= float(s.params[param]))
        return Reading(pts, f"{what} {n:g} → {pts:g}점")
    return read


def read_local_economy(fx: Facts, item: str, c: Criterion) -> Reading | None:
    """S-123 part 1: local hires within 2 years (전일제 ≥ 1 or 시간제 ≥ 4) or income to
    residents within a year; the '배점 외' bonus is the committee's."""
    jobs, income = fx.of("jobs", item), fx.of("income", item)
    if not jobs and not income:
        return None
    full = part = 0.0
    for f in jobs:
        if f.number is None or fx.within(f, c, _step(c, "full_time_jobs_min")) is False:
            continue
        if _has(f.label, ("시간제", "단시간", "파트")):
            part += _f(f.number)
        elif _has(f.label, ("전일제", "상근", "정규")) and not _has(f.label, ("비정규",)):
            full += _f(f.number)
        else:
            return Reading(None, f"채용 인원 '{f.label}'이(가) 전일제인지 시간제인지 읽지 못함")
    amounts = [_won(f) for f in income]
    if any(a is None for a in amounts):
        return Reading(None, "주민 소득의 금액 단위를 읽지 못함")
    won = max((a for a in amounts if a is not None), default=0.0)

    def met(s: Step) -> bool:
        p = s.params
        if "full_time_jobs_min" in p:
            return full >= float(p["full_time_jobs_min"]) or part >= float(p["part_time_jobs_min"])
        return "annual_income_min_won" in p and won >= float(p["annual_income_min_won"])
    pts = _highest(c, met)
    return Reading(pts, f"지역 채용 전일제 {full:g}명·시간제 {part:g}명, 주민 수익 {won:,.0f}원 → {pts:g}점")


def _won(f: CitedFact) -> float | None:
    """An amount in won from its printed text ('3,600만원' → 36,000,000); a bare figure of a
    million or more is read as won."""
    million = to_million_won(f.text)
    if million is not None:
        return float(million) * 1_000_000
    if f.number is not None and f.number >= 1_000_000:
        return _f(f.number)
    return None


def _step(c: Criterion, param: str) -> Step | None:
    return next((s for s in c.steps if param in s.params), None)


def read_certificate(fx: Facts, item: str, c: Criterion) -> Reading | None:
    certs = certificate_validity(f for f in fx.sub.facts if f.item in (None, item))
    if not certs:
        return None
    deadline = fx.rs.deadline.date()
    valid = [x for x in certs if x.until >= deadline]
    param = "valid_at" if valid else "expired"
    pts = _highest(c, lambda s: param in s.params)
    latest = max(x.until for x in certs)
    return Reading(pts, f"접근성 인증 유효기간 {latest} (마감일 {deadline}) → {pts:g}점")


def read_security(fx: Facts, item: str, c: Criterion) -> Reading | None:
    """S-331: the share of the 47 weaknesses checked, printed as a share (%) or a count."""
    facts = [f for f in fx.of("security_check", item)
             if f.number is not None and not _has(f.label, ("도구", "점검일", "진단일"))]
    if not facts:
        return None
    total = float(c.params.get("weaknesses_total", 0))
    shares = set()
    for f in facts:
        pct, counts = _percent(f.text), _NUM.findall(f.text.replace(",", ""))
        if pct is not None:
            shares.add(pct / 100)
        elif len(counts) == 1 and 0 < float(counts[0]) <= total:
            shares.add(float(counts[0]) / total)  # '47개': one count of the 47
        else:
            shares.add(-1.0)  # '47개 중 45개': not read
    if len(shares) != 1 or -1.0 in shares:
        return Reading(None, "점검한 보안약점의 비율을 읽지 못함")
    share = shares.pop()
    pts = _highest(c, lambda s: "checked_share_min" in s.params
                   and share >= float(s.params["checked_share_min"]) - 1e-9)
    return Reading(pts, f"보안약점 점검 {share:.0%} → {pts:g}점")


# step param → its reader (the first param found among a criterion's steps decides)
READERS: dict[str, Reader] = {
    "aware_ratio_min": read_aware,
    "mean_score_min": read_mean,
    "rating_min": read_rating,
    "outlet_tier": read_press_tier,
    "improvement_percent_min": read_press_improvement,
    "ip_kinds": read_ip,
    "rnd_staff_min": _count_reader("rnd_staff", "rnd_staff_min", "상시 연구인력 수"),
    "full_time_jobs_min": read_local_economy,
    "valid_at": read_certificate,
    "checked_share_min": read_security,
    "external_datasets_min": _count_reader("external_data", "external_datasets_min",
                                           "외부 연계 데이터 종 수"),
}


def reader_of(c: Criterion) -> Reader | None:
    params = {k for s in c.steps for k in s.params}
    return next((r for k, r in READERS.items() if k in params), None)
