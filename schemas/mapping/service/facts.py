"""The facts a proposal cites for the scoring ladders, read from its tables by label.

The S-pages' 평가방법 (seed 003) score figures a reviewer looks up: a survey's period,
sample, confidence level and margin (S-111/S-112: '신뢰수준 95%, 오차범위 ±5%', '3년 이내'),
an app-store rating (S-112), press articles with outlet and date (S-111/S-121, 가·나·다군),
a quantified improvement (S-121), IP registrations and dedicated R&D staff (S-122), local
hires (S-123), 의견수렴 dates (S-131), the FNPV (S-133), an accessibility certificate's
validity (S-312), a security check's coverage and date (S-331) …  Two shapes are read:
- label | value rows ('표 본 크 기 | 400명', '유효기간 종료 | 2024. 3. 1.') — `ROWS`;
- lists under a header ('보도일 | 언론사 | 제목 | 매체 분류') — `LISTS`, one fact per row.
The printed text stays with each fact; what is parsed from it (a number, a date) is left
None when the text does not say it plainly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key, tidy
from smartcert.core.values import PartialDate, find_dates, parse_date, parse_number, parse_span
from smartcert.core.values.mention import MentionKind
from smartcert.extractors.models import Cell, DocumentExtract
from smartcert.schemas.mapping.keyvalue import label_rank
from smartcert.schemas.mapping.service.read import first_number, is_blank
from smartcert.schemas.mapping.tables import (
    Column,
    GridView,
    cell_location,
    find_header,
    row_location,
)
from smartcert.schemas.service_claims import CitedFact

_COUNT = re.compile(r"(\d[\d,]*)\s*(?:명|개소|개|종|건|인|곳|회)")
_PEOPLE = re.compile(r"(\d[\d,]*)\s*명")
_PERCENT = re.compile(r"([+-]?\d+(?:\.\d+)?)\s*%")


def _date(text: str) -> PartialDate | None:
    d = parse_date(text)
    if d is not None:
        return d
    span = parse_span(text)
    if span is not None:
        return span.end
    dates = [m.value for m in find_dates(text) if m.kind is MentionKind.DATE]
    return dates[0] if dates and isinstance(dates[0], PartialDate) else None


def _span_end(text: str) -> PartialDate | None:
    span = parse_span(text)
    if span is None:
        m = re.search(r"[~∼〜～\-–]", text)
        span = parse_span(text[:m.start()] + "~" + text[m.end():]) if m else None
    return span.end if span is not None else _date(text)


def _count(text: str) -> Decimal | None:
    m = _COUNT.search(text)
    return parse_number(m.group(1)) if m else None


def _people_last(text: str) -> Decimal | None:
    found = _PEOPLE.findall(text)
    return parse_number(found[-1]) if found else None


def _percent(text: str) -> Decimal | None:
    m = _PERCENT.search(text)
    return Decimal(m.group(1)) if m else None


Reader = Callable[[str], tuple[Decimal | None, PartialDate | None]]
READERS: dict[str, Reader] = {
    "text": lambda t: (None, None),
    "number": lambda t: (first_number(t), None),
    "count": lambda t: (_count(t), None),
    "people": lambda t: (_people_last(t), None),
    "date": lambda t: (None, _date(t)),
    "span_end": lambda t: (None, _span_end(t)),
}


@dataclass(frozen=True)
class Row:
    """A label | value row: what the value is, and how its figure is read."""

    labels: tuple[str, ...]
    kind: str
    label: str
    read: str = "text"


ROWS = (
    Row(("조사기간", "조사일", "조사일자", "조사시기", "설문기간", "조사일시"), "survey", "조사기간",
        "span_end"),
    Row(("표본크기", "표본수", "표본", "유효표본", "응답자수", "유효응답"), "survey", "표본 수", "count"),
    Row(("신뢰수준",), "survey", "신뢰수준", "number"),
    Row(("표본오차", "오차범위", "허용오차", "추정오차", "최대허용오차"), "survey", "오차범위", "number"),
    Row(("모집단", "모집단수", "조사대상"), "survey", "모집단", "people"),
    Row(("조사기관", "조사수행기관"), "survey", "조사기관"),
    Row(("발행일", "보고서발행일", "작성일"), "report", "발행일", "date"),
    Row(("상시연구인력", "전담연구인력", "연구인력", "상시연구원"), "rnd_staff", "상시 연구인력", "count"),
    Row(("지역신규채용", "지역채용", "지역주민채용"), "jobs", "지역 채용"),
    Row(("소득창출", "주민소득", "지역주민소득"), "income", "주민 소득", "number"),
    Row(("FNPV", "재무적순현재가치", "순현재가치", "NPV"), "fnpv", "FNPV", "number"),
    Row(("재무적할인율", "할인율"), "fnpv", "할인율", "number"),
    Row(("인증종류", "인증명"), "certificate", "인증종류"),
    Row(("인증번호",), "certificate", "인증번호"),
    Row(("유효기간시작", "인증일", "인증일자", "발급일"), "certificate", "유효기간 시작", "date"),
    Row(("유효기간종료", "유효기간만료", "만료일"), "certificate", "유효기간 종료", "date"),
    Row(("유효기간", "인증기간"), "certificate", "유효기간", "span_end"),
    Row(("점검일", "점검일자", "진단일", "진단일자"), "security_check", "점검일", "date"),
    Row(("점검범위", "점검항목수", "점검항목"), "security_check", "점검 항목 수", "number"),
    Row(("진단도구",), "security_check", "진단도구", "count"),
    Row(("제공형식", "제공포맷"), "open_api", "제공 형식"),
    Row(("외부연계", "외부연계데이터"), "external_data", "외부 연계 데이터", "count"),
    Row(("구비매뉴얼",), "manuals", "구비 매뉴얼", "count"),
    Row(("유상라이선스", "상용라이선스"), "paid_libraries", "유상 라이선스", "count"),
    Row(("책임자", "대응책임자", "보안책임자"), "security_response", "책임자"),
)
_ROW_LABELS = [lab for r in ROWS for lab in r.labels]
_JOBS = re.compile(r"(전일제|시간제|정규직|비정규직)\s*(\d+)\s*명")


@dataclass(frozen=True)
class ListSpec:
    """A list under a header: one fact per data row."""

    kind: str
    columns: tuple[Column, ...]
    required: tuple[str, ...]
    text: str  # the role whose cell is the fact's text
    label: str | None = None  # the role whose cell is the fact's label (else `fixed`)
    fixed: str = ""
    number: str | None = None  # the role holding the figure
    number_read: str = "number"
    date: str | None = None  # the role holding the date
    # roles printed as the text when the text role's cell is blank ('-'): before → after
    instead: tuple[str, ...] = ()
    # (role, label): a figure printed beside the fact, cited as a fact of its own
    # (a press row's '개선 효과 40%' is S-121's quantified improvement)
    extras: tuple[tuple[str, str], ...] = ()


LISTS = (
    ListSpec("press", (Column("date", ("보도일", "보도일자", "게재일", "일자")),
                       Column("outlet", ("언론사", "매체", "매체명", "언론매체")),
                       Column("title", ("제목", "기사제목")),
                       Column("tier", ("매체분류", "매체구분", "언론사분류")),
                       Column("effect", ("개선효과", "개선율"))),
             ("date", "outlet"), text="outlet", fixed="언론사", date="date",
             extras=(("effect", "개선 효과"),)),
    ListSpec("rating", (Column("store", ("앱스토어", "스토어", "앱마켓", "마켓")),
                        Column("rating", ("평점", "별점", "평점(5점만점)")),
                        Column("count", ("평가수", "리뷰수", "평가자수")),
                        Column("date", ("확인일", "조회일", "기준일"))),
             ("store", "rating"), text="rating", label="store", number="rating", date="date"),
    ListSpec("patent", (Column("kind", ("구분", "종류", "권리구분")),
                        Column("no", ("번호", "등록번호", "출원번호")),
                        Column("name", ("명칭", "발명의명칭")),
                        Column("date", ("등록(출원)일", "등록일", "출원일")),
                        Column("holder", ("권리자",))),
             ("no", "name"), text="no", label="kind", date="date"),
    ListSpec("improvement", (Column("metric", ("성과지표", "지표", "측정지표")),
                             Column("before", ("도입전",)), Column("after", ("도입후",)),
                             Column("effect", ("개선효과", "개선율"))),
             ("before", "after"), text="effect", label="metric", number="effect",
             number_read="percent", instead=("before", "after")),
    ListSpec("participation", (Column("what", ("구분", "회의명", "행사명")),
                               Column("date", ("일자", "일시", "개최일")),
                               Column("place", ("장소",)), Column("people", ("참석", "참석자", "인원"))),
             ("date", "place"), text="what", fixed="의견수렴", date="date"),
)


def _fact(item: str | None, kind: str, text: str, label: str, number: Decimal | None,
          date: PartialDate | None, loc: Location | None,
          attributes: dict[str, str] | None = None) -> CitedFact:
    return CitedFact(item=item, kind=kind, text=text, number=number, date=date, label=label,
                     location=loc, attributes=attributes or {})


def _rows(doc: DocumentExtract, view: GridView, item: str | None) -> list[CitedFact]:
    out: list[CitedFact] = []
    t = view.table
    for r in range(view.n_rows):
        filled = view.filled(r)
        if len(filled) < 2 or filled[0].col != 0:
            continue
        rank = label_rank(filled[0].text, _ROW_LABELS)
        if rank is None:
            continue
        spec = next(x for x in ROWS if _ROW_LABELS[rank] in x.labels)
        cell: Cell = filled[1]
        text = tidy(cell.text).replace("\n", " ")
        loc = cell_location(doc, t, cell)
        if spec.kind == "jobs":
            for m in _JOBS.finditer(text):
                out.append(_fact(item, "jobs", text, m.group(1), Decimal(m.group(2)), None, loc))
            continue
        number, date = READERS[spec.read](text)
        if spec.read != "text" and number is None and date is None:
            continue  # a header row or a note, not this figure
        out.append(_fact(item, spec.kind, text, spec.label, number, date, loc))
    return out


def _lists(doc: DocumentExtract, view: GridView, item: str | None) -> list[CitedFact]:
    for spec in LISTS:
        header = find_header(view, spec.columns, spec.required, stop=2)
        if header is None:
            continue
        out: list[CitedFact] = []
        for r in range(header.end + 1, view.n_rows):
            cells = {role: view.own(r, cols[0]) for role, cols in header.cols.items()}
            texts = {role: tidy(c.text).replace("\n", " ") if c is not None else ""
                     for role, c in cells.items()}
            if not all(texts.get(x) for x in spec.required):
                continue
            if is_blank(texts.get(spec.text)) and spec.instead:
                texts[spec.text] = " → ".join(texts.get(x, "") for x in spec.instead)
            if is_blank(texts.get(spec.text)):
                continue
            number = None
            if spec.number and texts.get(spec.number):
                raw = texts[spec.number]
                number = _percent(raw) if spec.number_read == "percent" else first_number(raw)
            date = _date(texts[spec.date]) if spec.date and texts.get(spec.date) else None
            label = texts.get(spec.label, "") if spec.label else spec.fixed
            attrs = {match_key(header.cells[role].text): v for role, v in texts.items()
                     if role not in (spec.text,) and v}
            loc = row_location(doc, view, r)
            out.append(_fact(item, spec.kind, texts[spec.text], label or spec.fixed, number,
                             date, loc, attrs))
            for role, extra in spec.extras:
                value = _percent(texts.get(role, ""))
                if value is not None:
                    out.append(_fact(item, spec.kind, texts[role], extra, value, date, loc,
                                     {k: v for k, v in attrs.items() if v != texts[role]}))
        return out
    return []


def table_facts(doc: DocumentExtract, view: GridView, item: str | None) -> list[CitedFact]:
    """The facts one table of a proposal section prints."""
    return _lists(doc, view, item) or _rows(doc, view, item)


def survey_figures(doc: DocumentExtract, view: GridView, item: str | None) -> list[CitedFact]:
    """A survey's result table: the mean of a satisfaction scale ('종합만족도(5점 척도 평균)
    | 420명 | 4.04점') and the share aware of the service ('… | 400명 | 233명 (58.3%) | …')."""
    out: list[CitedFact] = []
    aware = find_header(view, (Column("question", ("문항", "질문")),
                               Column("aware", ("알고있다", "인지", "안다"))), ("aware",), 1, stop=2)
    if aware is not None:
        col = aware.cols["aware"][0]
        for r in range(aware.end + 1, view.n_rows):
            cell = view.own(r, col)
            if cell is not None and _count(cell.text) is not None:
                text = tidy(cell.text)
                out.append(_fact(item, "survey", text, "인지 응답", _count(text), None,
                                 cell_location(doc, view.table, cell),
                                 {"비율": str(_percent(text))} if _percent(text) else {}))
    for r in range(view.n_rows):
        filled = view.filled(r)
        # the row named for the mean ('종합만족도(5점 척도 평균)', '평균 만족도') ending in 'N.NN점'
        if len(filled) >= 2 and "평균" in match_key(filled[0].text):
            last = filled[-1]
            m = re.search(r"(\d+(?:\.\d+)?)\s*점\s*$", last.text)
            if m:
                out.append(_fact(item, "survey", tidy(last.text), "만족도 평균",
                                 Decimal(m.group(1)), None, cell_location(doc, view.table, last)))
    return out
