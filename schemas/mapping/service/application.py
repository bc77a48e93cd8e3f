"""The 신청서 ([별지 제3호서식], seed 003 lines 650–735) and the 공동참여기관 확인서
([별지 제5호서식], lines 738–812): who applies, with which service, in which field and at
which level, with what track record, on which day — each value with where it was read.

Values come from labelled cells ('기 관 명', '사업자(법인)\\n등록번호', '한 글' under
'서비스 명칭') wherever the form puts them, the form's own labels first, then a cover
letter's ('신청기관', '서비스명'). The field and the level are the ticked boxes
(`choices.py`); a value stated without boxes (a cover letter's '서비스 수준: …') is kept
apart, to stand in only when no box is ticked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key, tidy
from smartcert.core.values import PartialDate, find_dates
from smartcert.core.values.mention import MentionKind
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue.service import ServiceRuleSet
from smartcert.schemas.mapping.keyvalue import LabelValue, find_values, location, span_item
from smartcert.schemas.mapping.service.choices import (
    Choice,
    field_matcher,
    field_of,
    level_matcher,
    level_of,
    read_choices,
)
from smartcert.schemas.mapping.service.ticks import boxes
from smartcert.schemas.mapping.tables import GridView

# Labels, most preferred first: the form's own label beats a cover letter's.
APPLICANT = ["기관명", "신청기관", "신청기관명", "대표신청인"]
BUSINESS_NO = ["사업자(법인)등록번호", "사업자등록번호", "법인등록번호"]
REPRESENTATIVE = ["대표자", "대표자명", "대표자성명"]
NAME_KO = ["한글", "서비스명칭(한글)", "명칭(한글)", "서비스명", "서비스명칭"]
NAME_EN = ["영문", "서비스명칭(영문)", "명칭(영문)", "영문명", "영문명칭"]
TRACK = ["인증실적", "인증 실적"]
LEVEL = ["신청서비스수준", "서비스수준", "신청수준"]
FIELD = ["신청분야", "인증분야", "분야"]
VOCAB = [*APPLICANT, *BUSINESS_NO, *REPRESENTATIVE, *NAME_KO, *NAME_EN, *TRACK, *LEVEL, *FIELD,
         "접수번호", "접수일자", "처리기간", "전화번호", "주소", "서비스명칭", "기관유형",
         "신청인제출서류", "수수료", "공동신청인", "서비스개요", "적용지역", "도입시기", "공동신청"]
DECLARATION = "신청합니다"


@dataclass
class Stated:
    """A choice stated in words, not ticked: '서비스 수준 | 네트워크 연계 서비스(L2)'."""

    text: str
    id: str | None
    location: Location


@dataclass
class ApplicationRead:
    values: dict[str, str] = field(default_factory=dict)  # fact → printed value
    locations: dict[str, Location] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # fact → file it was read in
    field_boxes: list[Choice] = field(default_factory=list)
    level_boxes: list[Choice] = field(default_factory=list)
    field_stated: Stated | None = None
    level_stated: Stated | None = None
    application_date: PartialDate | None = None


def _first(docs: Sequence[DocumentExtract], labels: list[str],
           ok: bool = True) -> tuple[DocumentExtract, LabelValue] | None:
    """The most preferred label's value over the documents (label rank, then document)."""
    found = [(v.rank, n, d, v) for n, d in enumerate(docs)
             for v in find_values(d, labels, VOCAB) if ok and tidy(v.text)]
    found.sort(key=lambda f: f[:2])
    return (found[0][2], found[0][3]) if found else None


def _date(doc: DocumentExtract) -> tuple[PartialDate, Location] | None:
    """The 신청일: the first date printed after the declaration ('… 인증을 신청합니다.')."""
    spans = sorted(doc.spans, key=lambda s: (s.page, s.index or 0,
                                              s.bbox[1] if s.bbox else 0.0))
    start = next((i for i, s in enumerate(spans) if DECLARATION in match_key(s.text)), None)
    if start is None:
        return None
    for s in spans[start + 1:start + 6]:
        for m in find_dates(s.text):
            if m.kind is MentionKind.DATE and isinstance(m.value, PartialDate):
                return m.value, location(doc, span_item(s))
    return None


def _stated(docs: Sequence[DocumentExtract], labels: list[str],
            parse: Callable[[str], Any]) -> Stated | None:
    for d in docs:
        for v in find_values(d, labels, VOCAB):
            if boxes(v.text) or not tidy(v.text):
                continue
            got = parse(v.text)
            if got is not None:
                return Stated(tidy(v.text), got, location(d, v.item))
    return None


def read_application(docs: Sequence[DocumentExtract], rs: ServiceRuleSet) -> ApplicationRead:
    """The applicant facts of the application documents (form and cover letter)."""
    out = ApplicationRead()
    for fact, labels in (("applicant", APPLICANT), ("business_no", BUSINESS_NO),
                         ("representative", REPRESENTATIVE), ("service_name", NAME_KO),
                         ("service_name_en", NAME_EN), ("track_record", TRACK)):
        hit = _first(docs, labels)
        if hit is not None:
            doc, v = hit
            out.values[fact] = tidy(v.text).replace("\n", " ")
            out.locations[fact] = location(doc, v.item)
            out.files[fact] = doc.file
    fields, levels = field_matcher(rs), level_matcher(rs)
    for d in docs:
        out.field_boxes += read_choices(d, fields)
        out.level_boxes += read_choices(d, levels)
    out.level_stated = _stated(docs, LEVEL, lambda t: level_of(rs, t))
    stated_field = _stated(docs, FIELD, lambda t: field_of(rs, t))
    if stated_field is not None:
        name, fid = stated_field.id  # type: ignore[misc]
        out.field_stated = Stated(name, fid, stated_field.location)
    for d in docs:
        got = _date(d)
        if got is not None:
            out.application_date, out.locations["application_date"] = got
            break
    return out


def read_partners(doc: DocumentExtract) -> list[tuple[str, Location]]:
    """The 공동 신청인 of a 공동참여기관 확인서: each block's 기관명, empty blocks left out.
    A block is told by the label cell left of its rows ('공동\\n신청인')."""
    out: list[tuple[str, Location]] = []
    for t in doc.tables:
        view = GridView(t)
        for v in find_values(doc, ["기관명"], [*VOCAB, "대표신청인"]):
            if v.item.table != t.id or v.how != "right":
                continue
            side = next((view.at(v.item.row, k) for k in range(v.item.col - 1, -1, -1)
                         if view.at(v.item.row, k) is not None
                         and "신청인" in match_key(view.at(v.item.row, k).text)), None)
            if side is not None and "공동" in match_key(side.text) and tidy(v.text):
                out.append((tidy(v.text), location(doc, v.item)))
    return out
