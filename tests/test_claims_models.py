"""Claim models: JSON round trips with Korean content, evidence-page parsing, stages."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import BaseModel, ValidationError

from smartcert.core.findings import Location
from smartcert.core.report import FindingsReport
from smartcert.core.values import parse_date, parse_span
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import (
    Achievement,
    Component,
    Document,
    DocumentKind,
    DocumentStatus,
    FieldValue,
    IndicatorClaim,
    ListedItem,
    PageRange,
    QualitativeClaim,
    Stage,
    Submission,
    parse_evidence_pages,
)

PROPOSAL = "정량지표_평가제안서.pdf"


def _loc(page: int, top: float = 100.0) -> Location:
    return Location(file=PROPOSAL, page=page, bbox=(72.0, top, 530.25, top + 17.5))


def _award(no: int, name: str, when: str, kind: str) -> ListedItem:
    return ListedItem(
        list_id="awards", number=no, name=name, kind=kind, date=parse_date(when),
        date_text=when, org="행정안전부", text=f"{kind} {no} {name} {when}",
        cells=[FieldValue(name="표창명", text=name, location=_loc(7, 300 + no * 18)),
               FieldValue(name="수상일시", text=when)],
        location=_loc(7, 300 + no * 18))


def _claims() -> list[BaseModel]:
    awards = IndicatorClaim(
        code="A-1-2", name_as_printed="2년간 스마트도시 관련 표창 건수", value=Decimal("2"),
        unit="건", text="2건", evidence_pages=parse_evidence_pages("12~15, 18"),
        components=[Component(id="total", label="표창 총 건수", value=Decimal("2"), unit="건",
                              text="표창 총 2건", location=_loc(7, 280))],
        items=[_award(1, "2024 공공데이터 제공 우수기관", "'23.05", "기관"),
               _award(2, "첨단 정보기술 활용 서비스 구축 유공", "2024. 10. 2.", "개인")],
        declared_span=parse_span("2023.08~2025.07"), declared_span_text="'23.08~'25.07",
        source=_loc(3, 410.5), form_source=_loc(7), notes=["수기 수정 흔적"])
    ratio = IndicatorClaim(
        code="C-1-4", value=Decimal("12.30"), text="1km 당 CCTV 수 12.30",
        components=[Component(id="A", label="도로 길이(km)", value=Decimal("100.0"), unit="km"),
                    Component(id="B", label="CCTV 수", value=Decimal("1230"), unit="대"),
                    Component(id="ratio", label="1km당 CCTV 수", value=Decimal("12.30"))],
        source=_loc(4))
    plan = IndicatorClaim(
        code="B-2-1", value=True, text="계획 수립 O (승인 X)",
        components=[Component(id="plan", label="계획 수립", value=True, text="O"),
                    Component(id="approval", label="국토부 승인", value=False, text="X")],
        evidence_pages=parse_evidence_pages("붙임 3"),
        items=[ListedItem(name="누리시 스마트도시계획", span=parse_span("2023~2027"),
                          date_text="2023~2027")])
    invest = IndicatorClaim(
        code="B-4-3", value=Decimal("6000"), unit="백만원", text="6,000백만원",
        items=[ListedItem(name="누리시 스마트시티 챌린지 사업", amount=Decimal("1000"),
                          amount_unit="백만원", org="(주)누리")])
    free = IndicatorClaim(code="C-5-3", value=None, text="AI 튜터 이용자 만족도 87.5%")
    quali = QualitativeClaim(
        unit="governance_system", unit_as_printed="1. 추진체계", item="1.1 스마트도시협의체",
        item_number="1.1", item_name="스마트도시 협의체",
        item_source=Location(file="자체평가표.pdf", page=2, bbox=(60.0, 144.0, 180.0, 166.0)),
        stage=Stage.ADVANCED, stage_text="발전단계",
        narrative="■ 민간전문가 중심의 스마트도시위원회 구성·운영\n- 스마트 함께해요!",
        achievements=[Achievement(text="스마트도시위원회 본회의 개최", date=parse_date("'24.5.10"),
                                  location=Location(file="자체평가표.pdf", page=2)),
                      Achievement(text="정책공유 프로그램 운영", span=parse_span("'23.3.~'24.2."))],
        source=Location(file="자체평가표.pdf", page=2))
    docs = [Document(file=PROPOSAL, sha256="ab" * 32, kind=DocumentKind.QUANTITATIVE_PROPOSAL,
                     pages=84, media_type="application/pdf"),
            Document(file="증빙자료/근거자료.pdf", sha256="cd" * 32, kind=DocumentKind.EVIDENCE,
                     pages=310, status=DocumentStatus.PARTIAL),
            Document(file="신청서.hwp", sha256="ef" * 32, kind=DocumentKind.APPLICATION,
                     status=DocumentStatus.UNSUPPORTED)]
    sub = Submission(
        id="sub-9f05", applicant="누리시", applicant_kind="시", city_type_claimed="중소도시",
        population=412345, population_text="412,345명", selected_areas=["행정", "교육", "환경 에너지"],
        purpose="new", documents=docs, indicators=[awards, ratio, plan, invest, free],
        qualitative=[quali], source=Location(file="신청서.pdf", page=1), notes=["USB 제출"])
    return [*docs, *awards.components, *awards.items, awards.items[0].cells[0], awards, ratio,
            plan, invest, free, *quali.achievements, quali, sub]


def test_qualitative_claim_labels_its_sub_item() -> None:
    row = QualitativeClaim(unit="network", item="2.1 무선통신망", item_number="2.2",
                           item_name="무선통신망")
    assert row.item_label == "2.2 무선통신망"  # the catalogue's number, not the form's
    assert QualitativeClaim(unit="x", item="2.4 기금").item_label == "2.4 기금"
    assert QualitativeClaim(unit="funding").item_label is None  # a 중분류 claimed as a whole
    # the fields added for 소분류 are optional: claims stored before them still load
    old = QualitativeClaim.model_validate({"unit": "funding", "stage": "meets"})
    assert old.item is None and old.item_number is None and old.stage is Stage.MEETS


@pytest.mark.parametrize("model", _claims(), ids=lambda m: type(m).__name__)
def test_json_round_trip(model: BaseModel) -> None:
    again = type(model).model_validate_json(model.model_dump_json())
    assert again == model
    assert again.model_dump_json() == model.model_dump_json()


def test_round_trip_keeps_value_types() -> None:
    # Decimal('1') == True in Python: compare types, not just values
    for value in (True, False, Decimal("0"), Decimal("1"), Decimal("12.30"), None):
        claim = IndicatorClaim(code="X-1-1", value=value)
        again = IndicatorClaim.model_validate_json(claim.model_dump_json())
        assert type(again.value) is type(value) and str(again.value) == str(value)


def test_submission_feeds_the_findings_report() -> None:
    sub = _claims()[-1]
    report = FindingsReport(submission=sub.summary(),
                            indicators=[i.entry() for i in sub.indicators])
    assert report.submission.documents[1].status == "partial"
    assert report.indicators[0].evidence_pages == "12~15, 18"
    assert report.indicators[1].value == 12.3 and report.indicators[2].value is True
    assert sub.indicator("a–1–2").code == "A-1-2"
    assert [d.file for d in sub.documents_of(DocumentKind.EVIDENCE)] == ["증빙자료/근거자료.pdf"]


@pytest.mark.parametrize(("text", "ranges", "annexes", "unparsed"), [
    ("12-15", ["12-15"], [], []),
    ("12~15, 18", ["12-15", "18"], [], []),
    ("12 ～ 15", ["12-15"], [], []),
    ("12–15,18–20", ["12-15", "18-20"], [], []),
    ("p.12", ["12"], [], []),
    ("pp. 3-5", ["3-5"], [], []),
    ("P12~P15", ["12-15"], [], []),
    ("12쪽", ["12"], [], []),
    ("제12~13쪽", ["12-13"], [], []),
    ("12, 14 페이지", ["12", "14"], [], []),
    ("증빙 12-15", ["12-15"], [], []),
    ("붙임 3", [], ["붙임 3"], []),
    ("붙임3 p.5-7", ["붙임 3 p.5-7"], ["붙임 3"], []),
    ("별첨 제2호", [], ["별첨 2"], []),
    ("(별첨) 21-24", ["별첨 p.21-24"], ["별첨"], []),
    ("붙임 1, 붙임 2", [], ["붙임 1", "붙임 2"], []),
    ("", [], [], []),
    ("-", [], [], []),
    ("해당없음", [], [], []),
    ("15-12", [], [], ["15-12"]),
    ("0", [], [], ["0"]),
    ("홈페이지 참조", [], [], ["홈페이지 참조"]),
])
def test_evidence_pages(text, ranges, annexes, unparsed) -> None:
    ep = parse_evidence_pages(text)
    assert ep.raw == text
    assert [str(r) for r in ep.ranges] == ranges
    assert ep.annexes == annexes
    assert ep.unparsed == unparsed
    assert ep.is_empty == (not ranges and not annexes and not unparsed)


def test_evidence_page_numbers() -> None:
    ep = parse_evidence_pages("12~14, 13, 붙임2 p.1")
    assert ep.pages() == [12, 13, 14]  # annex pages are not evidence pages
    assert parse_evidence_pages(None).raw == ""
    with pytest.raises(ValidationError):
        PageRange(start=15, end=12)


@pytest.mark.parametrize(("text", "stage"), [
    ("착수단계", Stage.INITIATION), ("일부요건 충족단계", Stage.PARTIAL),
    ("일부 요건 충족", Stage.PARTIAL), ("요건충족 단계", Stage.MEETS), ("발전", Stage.ADVANCED),
    ("최적화 단계", Stage.OPTIMIZED), ("레벨4", Stage.ADVANCED), ("Level 5", Stage.OPTIMIZED),
    ("레벨6", None), ("우수", None), ("", None),
])
def test_stage_parse(text, stage) -> None:
    assert Stage.parse(text) is stage


def test_enums_follow_the_catalogue() -> None:
    rs = load_ruleset("city-2025")
    assert [s.value for s in Stage] == [s.id for s in rs.qualitative.stages]
    assert [s.label for s in Stage] == [s.name for s in rs.qualitative.stages]
    assert [s.level for s in Stage] == [1, 2, 3, 4, 5]
    assert [k.value for k in DocumentKind] == [d.kind for d in rs.documents.documents]
