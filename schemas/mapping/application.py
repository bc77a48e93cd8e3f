"""Applicant facts from the application, the proposal cover and the self-assessment.

Who applies, as which city type, with what population and which 3 optional areas is
read from labelled cells ('기 관 명', '신청유형', '선택 서비스 분야(3개)') wherever the forms
put them: the [별지 제1호서식] form and its cover letter first, then the proposal's cover
and contents, then the self-assessment's title page. Each fact keeps the place it was
read. A fact no document states stays None (the validator
`completeness.missing-applicant-fact` reports it); a value that cannot be read, an area
the call does not know, or two documents that disagree become findings here. Bad data
never raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from pydantic import BaseModel, Field

from smartcert.core.findings import Finding, Location
from smartcert.core.normalize import match_key, tidy
from smartcert.core.values import (
    DateSpan,
    MentionKind,
    PartialDate,
    find_dates,
    parse_span,
    parse_value,
)
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import RuleSet, load_ruleset
from smartcert.schemas.claims import Basis, DocumentKind, Purpose, StatedCertification
from smartcert.schemas.mapping import rules as R
from smartcert.schemas.mapping.application_areas import (
    SelectedArea,
    front_matter,
    infer_areas,
    parse_areas,
)
from smartcert.schemas.mapping.application_history import (
    HISTORY,
    PURPOSE,
    parse_history,
    purpose_of,
)
from smartcert.schemas.mapping.keyvalue import Item, LabelValue, find_values, location, span_item
from smartcert.schemas.mapping.ocr_read import extracts_ocr, ocr_note
from smartcert.schemas.mapping.rules import make_finding

T = TypeVar("T")

# Labels, most preferred first: the form's own label beats the cover letter's.
APPLICANT = ["기관명", "신청기관명", "지자체명", "기관명칭", "신청기관", "신청지자체"]
KIND = ["기관유형", "지자체유형", "기관구분", "지자체구분"]
CITY_TYPE = ["신청유형", "도시유형", "신청구분", "인증유형", "도시규모", "신청도시유형"]
POPULATION = ["인구", "인구수", "총인구", "총인구수", "주민등록인구", "인구현황"]
AREAS = ["선택서비스분야", "선택분야", "선택영역", "선택서비스부문", "선택서비스영역",
         "선택서비스", "서비스선택분야"]
PERIOD = ["2년간실적기준기간", "실적기준기간", "실적기간", "기준기간", "2년간실적기간"]
# Other labels of the forms: a neighbour that is one of these is not a value.
VOCAB = [*APPLICANT, *KIND, *CITY_TYPE, *POPULATION, *AREAS, *PERIOD,
         "인증신청기관", "사업자(법인)등록번호", "대표자", "전화번호", "주소", *HISTORY, *PURPOSE,
         "접수번호", "접수일자", "처리기간", "수수료", "신청인제출서류"]
# Documents read for applicant facts, in order of authority, and how many of their first
# pages may hold them (None: all); other documents are read only up to their body.
_SOURCES: dict[DocumentKind, int | None] = {
    DocumentKind.APPLICATION: None,
    DocumentKind.QUANTITATIVE_PROPOSAL: 3,
    DocumentKind.QUALITATIVE_SELF_ASSESSMENT: 1,
}
_POP_INLINE = re.compile(r"인\s*구\s*(?:수)?\s*[:：]?\s*(\d{1,3}(?:,\d{3})+|\d{4,})\s*명")
_PAREN = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
# a note in a name, but not a legal form's mark ('(주)스마트시티솔루션' is a company's name)
_NAME_NOTE = re.compile(r"\s*[(\[](?!\s*[주유사재]\s*[)\]])[^()\[\]]*[)\]]")


class ApplicantFacts(BaseModel):
    """What the submission says about itself, each fact with where it was read."""

    applicant: str | None = None
    applicant_basis: Basis | None = None  # LABEL: a labelled cell; POSITIONAL: a cover's print
    applicant_kind: str | None = None  # 시/군/구/광역시 …
    applicant_kind_stated: bool = False  # False: derived from the name's suffix
    city_type_claimed: str | None = None  # 대도시 / 중소도시 (catalogue name)
    city_type_text: str | None = None  # as printed
    population: int | None = Field(default=None, ge=0)
    population_text: str | None = None
    population_base: PartialDate | None = None
    selected_areas: list[SelectedArea] = Field(default_factory=list)
    selected_areas_inferred: bool = False
    period: DateSpan | None = None  # the declared 2-year span, when stated
    period_text: str | None = None
    history_text: str | None = None  # the 인증 실적 cell as printed
    history: list[StatedCertification] = Field(default_factory=list)
    purpose: Purpose | None = None
    locations: dict[str, Location] = Field(default_factory=dict)  # fact name → where read
    findings: list[Finding] = Field(default_factory=list)

    def submission_fields(self) -> dict[str, object]:
        """Keyword arguments for `schemas.claims.Submission`."""
        return {"applicant": self.applicant, "applicant_kind": self.applicant_kind,
                "applicant_basis": self.applicant_basis,
                "city_type_claimed": self.city_type_claimed, "population": self.population,
                "population_text": self.population_text,
                "selected_areas": [a.printed for a in self.selected_areas],
                "selected_areas_inferred": self.selected_areas_inferred,
                "selected_areas_source": self.locations.get("selected_areas"),
                "declared_span": self.period, "declared_span_text": self.period_text,
                "declared_span_source": self.locations.get("period"),
                "purpose": self.purpose, "purpose_source": self.locations.get("purpose"),
                "certification_history_text": self.history_text,
                "certification_history": list(self.history),
                "certification_history_source": self.locations.get("history"),
                "source": self.locations.get("applicant"),
                "city_type_source": self.locations.get("city_type"),
                "population_source": self.locations.get("population")}


def _keep_for(doc: DocumentExtract, kind: DocumentKind) -> Callable[[Item], bool] | None:
    limit = _SOURCES[kind]
    return None if limit is None else front_matter(doc, limit)


class _Reader:
    """The candidate values of one fact across documents, most authoritative first."""

    def __init__(self, docs: Sequence[tuple[DocumentExtract, DocumentKind]]) -> None:
        order = list(_SOURCES)
        self.docs = sorted(((d, k) for d, k in docs if k in _SOURCES),
                           key=lambda dk: order.index(dk[1]))
        self._keep = {id(d): _keep_for(d, k) for d, k in self.docs}

    def values(self, labels: Sequence[str]) -> list[tuple[DocumentExtract, LabelValue]]:
        """By document kind, then label preference: of a cover letter and a form (both
        applications) the form's own '기관명' wins over the letter's '신청기관'."""
        order = list(_SOURCES)
        found = [(order.index(k), v.rank, n, d, v) for n, (d, k) in enumerate(self.docs)
                 for v in find_values(d, labels, VOCAB, self._keep[id(d)])]
        found.sort(key=lambda f: f[:3])
        return [(d, v) for *_, d, v in found]


def _pick(
    facts: ApplicantFacts, reader: _Reader, name: str, fact_ko: str, labels: Sequence[str],
    parse: Callable[[str], T | None], same: Callable[[T], object] = lambda v: v,
) -> tuple[T, LabelValue, DocumentExtract] | None:
    """The first candidate that parses; a different value in another document is reported."""
    chosen: tuple[T, LabelValue, DocumentExtract] | None = None
    for doc, lv in reader.values(labels):
        value = parse(lv.text)
        if value is None:
            continue
        if chosen is None:
            chosen = (value, lv, doc)
            facts.locations[name] = location(doc, lv.item)
        elif same(value) != same(chosen[0]) and doc.file != chosen[2].file:
            places = [facts.locations[name], location(doc, lv.item)]
            facts.findings.append(make_finding(
                R.APPLICANT_FACTS_DIFFER, places, uncertain=ocr_note(
                    extracts_ocr([chosen[2], doc]), places), claimed=lv.text,
                expected=chosen[1].text, fact=fact_ko, first=chosen[1].text,
                first_file=chosen[2].file, other=lv.text, other_file=doc.file))
            break  # one finding per fact is enough for a reviewer
    return chosen


def _name(text: str) -> str | None:
    name = tidy(_NAME_NOTE.sub("", text)).strip()
    return name if 0 < len(match_key(name)) <= 30 else None


def _kind_of(name: str, rs: RuleSet) -> str | None:
    kinds = list(rs.applicants.eligible.kinds) if rs.applicants and rs.applicants.eligible else []
    last = match_key(name.split()[-1]) if name.split() else ""
    for k in sorted({*kinds, "도"}, key=len, reverse=True):
        if last.endswith(match_key(k)) and len(last) > len(match_key(k)):
            return k
    return None


def _city_type(text: str, rs: RuleSet) -> str | None:
    key = match_key(text)
    types = rs.applicants.types if rs.applicants else []
    names = sorted(((match_key(n), t.name) for t in types for n in (t.name, *t.aliases)),
                   key=lambda p: len(p[0]), reverse=True)
    return next((name for k, name in names if k in key), None)


def _population(text: str) -> int | None:
    if (m := _POP_INLINE.search(text)) is not None:
        return int(m.group(1).replace(",", ""))
    parsed = parse_value(_PAREN.sub("", text))
    if parsed is None or parsed.number is None or parsed.unit not in (None, "명"):
        return None
    n = parsed.number
    return int(n) if n == int(n) and n > 0 else None


def _base_date(text: str) -> PartialDate | None:
    dates = [m.value for m in find_dates(text) if m.kind is MentionKind.DATE]
    return dates[0] if dates and isinstance(dates[0], PartialDate) else None


def _cover_name(reader: _Reader, rs: RuleSet) -> tuple[str, Location] | None:
    """A municipality's name printed large on a cover ('누 리 시'), when no label names it."""
    for doc, _ in reader.docs:
        sizes = [s.size for s in doc.spans if s.size]
        floor = max(12.0, 1.3 * sorted(sizes)[len(sizes) // 2]) if sizes else 12.0
        for s in doc.spans:
            key = match_key(s.text)
            if (s.page <= 2 and (s.size or 0) >= floor and 2 <= len(key) <= 12
                    and not re.search(r"\d", key) and _kind_of(key, rs)):
                return key, location(doc, span_item(s))
    return None


def map_application(docs: Sequence[tuple[DocumentExtract, DocumentKind]],
                    ruleset: RuleSet | None = None) -> ApplicantFacts:
    """Applicant facts from the documents of a bundle (each with its classified kind)."""
    rs = ruleset or load_ruleset()
    facts = ApplicantFacts()
    reader = _Reader(docs)

    if (hit := _pick(facts, reader, "applicant", "신청 기관명", APPLICANT, _name)) is not None:
        facts.applicant, facts.applicant_basis = hit[0], Basis.LABEL
    elif (cover := _cover_name(reader, rs)) is not None:
        facts.applicant, facts.locations["applicant"] = cover
        facts.applicant_basis = Basis.POSITIONAL

    kinds = {match_key(k): k for k in (rs.applicants.eligible.kinds if rs.applicants and
                                       rs.applicants.eligible else [])}
    if (hit := _pick(facts, reader, "applicant_kind", "기관 유형", KIND,
                     lambda t: kinds.get(match_key(t)))) is not None:
        facts.applicant_kind, facts.applicant_kind_stated = hit[0], True
    elif facts.applicant:
        facts.applicant_kind = _kind_of(facts.applicant, rs)

    _read_city_type(facts, reader, rs)
    _read_population(facts, reader)
    _read_areas(facts, reader, rs)
    if (hit := _pick(facts, reader, "period", "2년간 실적 기준기간", PERIOD, parse_span)) is not None:
        facts.period, facts.period_text = hit[0], hit[1].text
    _read_history(facts, reader, rs)
    return facts


def _read_history(facts: ApplicantFacts, reader: _Reader, rs: RuleSet) -> None:
    """인증 실적 from the application form (only the application states it), and the
    purpose: a 신청 목적 cell, else the 인증 실적, else the application's own words."""
    apps = [(d, v) for d, v in reader.values(HISTORY) if _is_application(reader, d)]
    if apps:
        doc, lv = apps[0]
        loc = location(doc, lv.item)
        facts.history_text, facts.locations["history"] = lv.text, loc
        facts.history = [h.model_copy(update={"location": loc})
                         for h in parse_history(lv.text, rs)]
    stated = [(d, v) for d, v in reader.values(PURPOSE) if _is_application(reader, d)]
    for doc, lv in [*stated, *apps]:
        if (purpose := purpose_of([lv.text], rs)) is not None:
            facts.purpose, facts.locations["purpose"] = purpose, location(doc, lv.item)
            return
    texts = [(d, s) for d, k in reader.docs if k is DocumentKind.APPLICATION for s in d.spans]
    purpose = purpose_of((s.text for _, s in texts), rs)
    if purpose is not None:  # one purpose across the application's text: where first said
        doc, span = next((d, s) for d, s in texts if purpose_of([s.text], rs) == purpose)
        facts.purpose, facts.locations["purpose"] = purpose, location(doc, span_item(span))


def _is_application(reader: _Reader, doc: DocumentExtract) -> bool:
    return any(d is doc and k is DocumentKind.APPLICATION for d, k in reader.docs)


def _read_city_type(facts: ApplicantFacts, reader: _Reader, rs: RuleSet) -> None:
    if (hit := _pick(facts, reader, "city_type", "신청 유형", CITY_TYPE,
                     lambda t: _city_type(t, rs))) is not None:
        facts.city_type_claimed, facts.city_type_text = hit[0], hit[1].text
        return
    printed = reader.values(CITY_TYPE)
    if printed:  # a label with a value we cannot read as a type
        doc, lv = printed[0]
        facts.city_type_text = lv.text
        facts.locations["city_type"] = location(doc, lv.item)
        facts.findings.append(make_finding(R.UNREADABLE_CITY_TYPE,
                                           [location(doc, lv.item)], claimed=lv.text, text=lv.text))


def _read_population(facts: ApplicantFacts, reader: _Reader) -> None:
    hit = _pick(facts, reader, "population", "인구", POPULATION, _population)
    if hit is None:  # '신청 유형: 중소도시 (인구 412,345명, 2024. 12. 기준)'
        hit = _pick(facts, reader, "population", "인구", [*CITY_TYPE, *AREAS],
                    lambda t: _population(t) if _POP_INLINE.search(t) else None)
    if hit is None:
        return
    facts.population, facts.population_text = hit[0], hit[1].text
    facts.population_base = _base_date(hit[1].text)


def _read_areas(facts: ApplicantFacts, reader: _Reader, rs: RuleSet) -> None:
    def parse(text: str) -> tuple[SelectedArea, ...] | None:
        found, _ = parse_areas(text, rs)
        return tuple(found) or None

    hit = _pick(facts, reader, "selected_areas", "선택 서비스 분야", AREAS, parse,
                lambda v: sorted(str(a.area_id) for a in v))
    if hit is not None:
        value, lv, doc = hit
        loc = location(doc, lv.item)
        facts.selected_areas = [a.model_copy(update={"location": loc}) for a in value]
        for text in parse_areas(lv.text, rs)[1]:
            facts.findings.append(make_finding(R.UNKNOWN_AREA, [loc],
                                               claimed=text, text=text))
        return
    proposals = [d for d, k in reader.docs if k is DocumentKind.QUANTITATIVE_PROPOSAL]
    inferred = infer_areas(proposals, rs)
    if inferred:
        facts.selected_areas, facts.selected_areas_inferred = inferred, True
        facts.findings.append(make_finding(
            R.INFERRED_AREAS, [a.location for a in inferred if a.location],
            areas=", ".join(a.name or a.printed for a in inferred)))

