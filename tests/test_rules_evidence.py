"""Each evidence rule fires on a hand-built submission whose evidence does not show what
the form claims, and stays silent when it does; OCR'd pages soften a miss.

Fires/silent are asserted through the `rule_probe` fixture, which records them: the final
'rule coverage' test fails for a registered rule not shown both ways (tests/rule_coverage.py)."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from decimal import Decimal

import pytest

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.core.values.periods import PartialDate
from smartcert.extractors.models import Cell, DocumentExtract, ExtractorInfo, Page, Span, Table
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import (
    Basis,
    Component,
    FieldValue,
    IndicatorClaim,
    ListedItem,
    Submission,
    parse_evidence_pages,
)
from smartcert.validators import rule as rule_module
from smartcert.validators.evidence.figure_not_on_page import FigureNotOnPage
from smartcert.validators.evidence.item_amount_differs import ItemAmountDiffers
from smartcert.validators.evidence.item_date_differs import ItemDateDiffers
from smartcert.validators.evidence.item_not_found import ItemNotFound
from smartcert.validators.evidence.page_out_of_range import PageOutOfRange
from smartcert.validators.rule import CheckContext
from smartcert.validators.support.evidence_index import EvidenceIndex, build_index
from tests.rule_coverage import RuleProbe

RS = load_ruleset("city-2025")
FORM = Location(file="2. 정량지표 평가제안서.pdf", page=5)
SUMMARY = Location(file="2. 정량지표 평가제안서.pdf", page=3)
PAGES = {
    1: ["붙임. 표창장 사본", "2023 지능형 CCTV 통합관제 우수기관", "2023년 9월 10일",
        "2024 스마트 교통 서비스 우수기관", "2024년 4월 22일"],
    2: ["붙임. 인증기업 조회 결과", "검색결과 총 34건", "주민등록인구 283,604"],
}


def evidence(pages: dict[int, list[str]] = PAGES, ocr: float | None = None) -> DocumentExtract:
    spans = [Span(page=n, text=t, key=match_key(t), ocr=ocr is not None,
                  confidence=ocr) for n, lines in pages.items() for t in lines]
    return DocumentExtract(
        extractor=ExtractorInfo(name="test", version="0"), file="4. 근거자료.pdf",
        sha256="0" * 64, size=1, media_type=MediaType.PDF, spans=spans,
        pages=[Page(number=n, ocr=ocr is not None, ocr_confidence=ocr) for n in pages])


def award(name: str, date: PartialDate) -> ListedItem:
    return ListedItem(name=name, date=date, date_text=str(date), text=name,
                      location=Location(file=FORM.file, page=5, bbox=(0, 0, 1, 1)))


def submission(*, pages: str = "1", names: tuple[str, ...] = (
        "2023 지능형 CCTV 통합관제 우수기관", "2024 스마트 교통 서비스 우수기관"),
               dates: tuple[PartialDate, ...] = (PartialDate(year=2023, month=9),
                                                PartialDate(year=2024, month=4)),
               firms: int = 34, population: int = 283604) -> Submission:
    a12 = IndicatorClaim(code="A-1-2", value=Decimal(len(names)), form_source=FORM,
                         source=SUMMARY, evidence_pages=parse_evidence_pages(pages),
                         items=[award(n, d) for n, d in zip(names, dates, strict=True)])
    a21 = IndicatorClaim(code="A-2-1", value=Decimal("0.12"), form_source=FORM, source=SUMMARY,
                         evidence_pages=parse_evidence_pages("2"), components=[
                             # read from the form's lettered cells: certain readings
                             Component(id="A", label="인구수", value=Decimal(population),
                                       basis=Basis.LETTER),
                             Component(id="B", label="인증기업 수", value=Decimal(firms),
                                       basis=Basis.LETTER),
                             Component(id="ratio", label="비율", value=Decimal("0.12"),
                                       basis=Basis.LABEL)])
    return Submission(id="sub-test", indicators=[a12, a21])


def ctx(doc: DocumentExtract | None = None) -> CheckContext:
    """The context of a run whose one evidence document is `doc` (default: `PAGES`)."""
    doc = doc or evidence()
    return CheckContext(ruleset=RS, evidence_page_count=len(doc.pages), evidence=(doc,))


EVIDENCE_RULES = (PageOutOfRange, FigureNotOnPage, ItemNotFound, ItemDateDiffers,
                  ItemAmountDiffers)


def test_clean_submission_is_silent_for_every_evidence_rule(rule_probe: RuleProbe) -> None:
    for rule in EVIDENCE_RULES:
        rule_probe.silent(rule, submission(), ctx())


def test_page_out_of_range(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(PageOutOfRange, submission(pages="1-3"), ctx())
    assert f.indicator == "A-1-2" and f.severity == "error" and f.locations == [SUMMARY]
    assert "3" in f.message and f.expected == "1-2"


def test_page_out_of_range_silent_without_evidence(rule_probe: RuleProbe) -> None:
    no_bundle = CheckContext(ruleset=RS)  # no evidence bundle known: nothing to compare with
    rule_probe.silent(PageOutOfRange, submission(pages="1-9"), no_bundle)


def test_figure_not_on_page_numbers_exact_after_separators(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(FigureNotOnPage, submission(firms=43), ctx())
    assert f.indicator == "A-2-1" and f.severity == "error" and "43" in f.message
    assert Location(file="4. 근거자료.pdf", page=2) in f.locations
    # '283,604' on the page
    rule_probe.silent(FigureNotOnPage, submission(population=283604), ctx())


def test_figure_miss_on_ocr_page_is_never_an_error(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(FigureNotOnPage, submission(firms=43), ctx(evidence(ocr=88.0)))
    assert f.severity == "warning"
    (g,) = rule_probe.fires(FigureNotOnPage, submission(firms=43), ctx(evidence(ocr=41.0)))
    assert g.severity == "info"


def test_item_not_found(rule_probe: RuleProbe) -> None:
    sub = submission(names=("2023 지능형 CCTV 통합관제 우수기관", "2024 드론 배송 혁신상"))
    (f,) = rule_probe.fires(ItemNotFound, sub, ctx())
    assert f.indicator == "A-1-2" and "드론" in f.message and f.severity == "error"
    assert f.locations[0].page == 5


def test_item_names_match_fuzzily(rule_probe: RuleProbe) -> None:
    sub = submission(names=("2023 지능형CCTV 통합 관제 우수기관", "2024 스마트교통서비스 우수 기관"))
    rule_probe.silent(ItemNotFound, sub, ctx())


def test_item_not_found_on_low_confidence_ocr_is_info(rule_probe: RuleProbe) -> None:
    sub = submission(names=("2023 지능형 CCTV 통합관제 우수기관", "2024 드론 배송 혁신상"))
    (f,) = rule_probe.fires(ItemNotFound, sub, ctx(evidence(ocr=50.0)))
    assert f.severity == "info"


def test_scanned_pages_without_ocr_cannot_show_anything(rule_probe: RuleProbe) -> None:
    """A scan not OCR'd (--no-ocr) has pages without text: no miss is reported on them
    alone, and a miss that one of them might explain is at most a warning."""
    sub = submission(names=("2023 지능형 CCTV 통합관제 우수기관", "2024 드론 배송 혁신상"), firms=35)
    blank = evidence({1: [], 2: []})
    for rule in (FigureNotOnPage, ItemNotFound, ItemDateDiffers, ItemAmountDiffers):
        rule_probe.silent(rule, sub, ctx(blank))
    (f,) = rule_probe.fires(ItemNotFound, sub, ctx(evidence({**PAGES, 3: []})))
    assert f.severity == "warning" and "드론" in f.message


def test_item_date_differs(rule_probe: RuleProbe) -> None:
    sub = submission(dates=(PartialDate(year=2023, month=9), PartialDate(year=2024, month=5)))
    (f,) = rule_probe.fires(ItemDateDiffers, sub, ctx())
    assert f.indicator == "A-1-2" and "2024-04-22" in f.message and f.expected == "2024-04-22"
    assert Location(file="4. 근거자료.pdf", page=1) in f.locations


def test_item_date_agrees_at_the_coarser_precision(rule_probe: RuleProbe) -> None:
    sub = submission(dates=(PartialDate(year=2023, month=9, day=10), PartialDate(year=2024)))
    rule_probe.silent(ItemDateDiffers, sub, ctx())


INVESTMENTS = [["No.", "사업명", "민간기업", "민투예산"],
               ["1", "누리 스마트시티 챌린지 사업", "(주)가온데이터", "358"],
               ["2", "누리 스마트 주차공유 실증 사업", "(주)도담모빌리티", "1,173"]]


def investment_evidence() -> DocumentExtract:
    doc = evidence({3: ["붙임. 민간투자 협약 현황", *(t for row in INVESTMENTS for t in row)]})
    cells = [Cell(row=r, col=c, text=t, page=3) for r, row in enumerate(INVESTMENTS)
             for c, t in enumerate(row)]
    doc.tables = [Table(id="t1", pages=[3], n_rows=3, n_cols=4, header_rows=1, cells=cells)]
    return doc


def investments(first: str, second: str) -> Submission:
    items = [ListedItem(name=n, amount=Decimal(a), amount_unit="백만원", text=n,
                        location=Location(file=FORM.file, page=9))
             for n, a in [("누리 스마트시티 챌린지 사업", first),
                          ("누리 스마트 주차공유 실증 사업", second)]]
    claim = IndicatorClaim(code="B-4-3", value=Decimal(first) + Decimal(second), items=items,
                           evidence_pages=parse_evidence_pages("3"), form_source=FORM)
    return Submission(id="sub-test", indicators=[claim])


def test_item_amount_differs_reads_the_evidence_table_row(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(ItemAmountDiffers, investments("385", "1173"),
                            ctx(investment_evidence()))
    assert f.indicator == "B-4-3" and "385백만원" in f.message and f.expected == "358"
    assert Location(file="4. 근거자료.pdf", page=3) in f.locations


def test_item_amount_agrees_across_separators_and_units(rule_probe: RuleProbe) -> None:
    rule_probe.silent(ItemAmountDiffers, investments("358", "1173"), ctx(investment_evidence()))


def test_item_amount_differs_in_running_text_with_units(rule_probe: RuleProbe) -> None:
    doc = evidence({3: ["누리 스마트시티 챌린지 사업", "민간투자 12억 5천만원 협약 체결"]})
    (f,) = rule_probe.fires(ItemAmountDiffers, investments("1300", "1173"), ctx(doc))
    assert "12억 5천만원" in f.message
    rule_probe.silent(ItemAmountDiffers, investments("1250", "1173"), ctx(doc))


def test_page_numbers_of_a_word_evidence_file_are_not_compared(rule_probe: RuleProbe) -> None:
    doc = evidence({1: ["붙임. 표창장 사본"]}).model_copy(update={"media_type": MediaType.DOCX})
    rule_probe.silent(PageOutOfRange, submission(pages="1-3"), ctx(doc))


def test_page_out_of_range_uses_the_page_count_when_no_extract_is_given(
        rule_probe: RuleProbe) -> None:
    counted = CheckContext(ruleset=RS, evidence_page_count=2)
    (f,) = rule_probe.fires(PageOutOfRange, submission(pages="1-3"), counted)
    assert f.expected == "1-2"


def _defective() -> Submission:
    """An award the evidence does not show, one dated otherwise, a firm count not printed."""
    return submission(names=("2023 지능형 CCTV 통합관제 우수기관", "2024 드론 배송 혁신상"),
                      dates=(PartialDate(year=2023, month=10), PartialDate(year=2024, month=4)),
                      firms=43)


def test_the_evidence_is_indexed_once_per_run_and_shared_by_its_rules(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The context builds the index on first use and keeps it for the run; a new run (a new
    context) builds its own, so no index outlives the submission it was built for."""
    built: list[tuple[DocumentExtract, ...]] = []

    def counted(docs: tuple[DocumentExtract, ...]) -> EvidenceIndex:
        built.append(docs)
        return build_index(docs)

    monkeypatch.setattr(rule_module, "build_index", counted)
    run = ctx()
    found = [f for rule in EVIDENCE_RULES for f in rule().check(_defective(), run)]
    assert found and len(built) == 1 and built[0] == run.evidence
    assert run.evidence_items.index is run.evidence_index
    assert ctx().evidence_index is not run.evidence_index and len(built) == 2
    with pytest.raises(FrozenInstanceError):  # the inputs of a built view cannot change
        run.evidence = ()  # type: ignore[misc]


def test_one_context_shared_by_the_rules_or_one_each_give_the_same_findings() -> None:
    shared = ctx()
    together = [f for rule in EVIDENCE_RULES for f in rule().check(_defective(), shared)]
    apart = [f for rule in EVIDENCE_RULES for f in rule().check(_defective(), ctx())]
    assert together == apart
    assert [f.rule for f in together] == ["evidence.figure-not-on-page",
                                          "evidence.item-not-found", "evidence.item-date-differs"]


# -- evidence that supports a claim without repeating it (forms drawn the call's way) -------

def lettered(cid: str, label: str, value: str) -> Component:
    """A figure read from the form's (A)/(B) cell: a certain reading."""
    return Component(id=cid, label=label, value=Decimal(value.replace(",", "")), text=value,
                     basis=Basis.LETTER, location=FORM)


def c41(households: str = "51,565", metered: str = "20,884", ratio: str = "40.50",
        pages: str = "4") -> Submission:
    """C-4-1 '기준연도 2024 | 전체 가구 수 (A) | 원격검침시스템 도입 가구 수 (B) | 비율'."""
    claim = IndicatorClaim(code="C-4-1", value=Decimal(ratio), text=f"{ratio}%", source=SUMMARY,
                           form_source=FORM, evidence_pages=parse_evidence_pages(pages),
                           components=[lettered("A", "전체 가구 수", households),
                                       lettered("B", "원격검침시스템 도입 가구 수", metered),
                                       Component(id="ratio", label="비율", value=Decimal(ratio),
                                                 text=ratio, basis=Basis.LABEL)])
    return Submission(id="sub-test", indicators=[claim])


HOUSEHOLDS = {4: ["붙임. 주택 유형별 가구 현황 (2024. 12. 31. 기준)", "구분 | 가구 수",
                  "공동주택 31,326", "단독·다가구 20,239", "상수도 원격검침 도입 가구 20,884"]}


def test_a_figure_the_page_prints_as_a_sum_is_shown(rule_probe: RuleProbe) -> None:
    # 31,326 + 20,239 = 51,565: the two kinds of households, never their total
    rule_probe.silent(FigureNotOnPage, c41(), ctx(evidence(HOUSEHOLDS)))
    (f,) = rule_probe.fires(FigureNotOnPage, c41(households="51,656"), ctx(evidence(HOUSEHOLDS)))
    assert f.severity == "error" and "51656" in f.message and "확인 필요" not in f.message


def test_a_ratio_term_printed_as_one_sum_is_shown(rule_probe: RuleProbe) -> None:
    # A-2-1 (A+B)/C: the page prints the firms of both kinds as one figure, 43 + 45 = 88
    def a21(management: str) -> Submission:
        claim = IndicatorClaim(code="A-2-1", value=Decimal("2.13"), source=SUMMARY,
                               form_source=FORM, evidence_pages=parse_evidence_pages("2"),
                               components=[lettered("A", "기술혁신형 중소기업 수", "43"),
                                           lettered("B", "경영혁신형 중소기업 수", management),
                                           lettered("C", "인구수(만명)", "41.23")])
        return Submission(id="sub-test", indicators=[claim])

    page = {2: ["붙임. 혁신형 중소기업 현황 (2024. 12. 기준)", "기술·경영혁신형 중소기업 합계 88개사"]}
    rule_probe.silent(FigureNotOnPage, a21("45"), ctx(evidence(page)))
    found = rule_probe.fires(FigureNotOnPage, a21("46"), ctx(evidence(page)))
    assert [f.claimed for f in found] == ["43", "46"] and found[0].severity == "error"


def test_a_figure_implied_by_the_printed_ratio_and_its_other_side_is_shown(
        rule_probe: RuleProbe) -> None:
    # C-1-1 (B/A)*100: the page prints all stops and the BIS rate, not the BIS stops
    def c11(stops: str, ratio: str) -> Submission:
        claim = IndicatorClaim(code="C-1-1", value=Decimal(ratio), text=f"BIS 비율 {ratio}%",
                               source=SUMMARY, form_source=FORM,
                               evidence_pages=parse_evidence_pages("6"),
                               components=[lettered("A", "전체 버스 정류소", "7,033"),
                                           lettered("B", "BIS 정류소", stops),
                                           lettered("ratio", "비율(%)", ratio)])
        return Submission(id="sub-test", indicators=[claim])

    page = {6: ["버스정류소 현황", "전체 버스 정류소 7,033개소", "BIS 설치율 61.89%"]}
    rule_probe.silent(FigureNotOnPage, c11("4,353", "61.89"), ctx(evidence(page)))
    (f,) = rule_probe.fires(FigureNotOnPage, c11("4,535", "64.48"), ctx(evidence(page)))
    assert f.severity == "error" and "4535" in f.message


def test_a_guessed_form_figure_not_on_the_page_is_a_warning(rule_probe: RuleProbe) -> None:
    sub = c41(households="51,656")
    sub.indicators[0].components[0].basis = Basis.POSITIONAL
    (f,) = rule_probe.fires(FigureNotOnPage, sub, ctx(evidence(HOUSEHOLDS)))
    assert f.severity == "warning"
    assert f.message.endswith("(확인 필요: (A) 값의 위치가 양식과 일치하지 않아 추정함)")
    rule_probe.silent(FigureNotOnPage, c41(), ctx(evidence(HOUSEHOLDS)))


# -- scanned evidence: figures, dates and amounts are looked for on OCR'd pages too --------

def test_ocr_misreads_of_figures_are_read_both_ways(rule_probe: RuleProbe) -> None:
    # a thousands separator read as a period, a zero as the letter O
    scan = {4: ["주택 유형별 가구 현황", "전체 가구 51.565", "원격검침 도입 2O,884"]}
    rule_probe.silent(FigureNotOnPage, c41(), ctx(evidence(scan, ocr=91.0)))
    (f,) = rule_probe.fires(FigureNotOnPage, c41(households="51,656"), ctx(evidence(scan, ocr=91.0)))
    assert f.severity == "warning"
    assert "(확인 필요: 근거자료 4쪽은(는) 스캔 이미지를 OCR로 읽어 인식 오류가 있을 수 있음, " \
           "인식 신뢰도 91%)" in f.message


def test_a_pages_ocr_confidence_comes_from_its_spans_when_it_states_none(
        rule_probe: RuleProbe) -> None:
    doc = evidence(ocr=88.0)
    doc.pages = [p.model_copy(update={"ocr_confidence": None}) for p in doc.pages]
    (f,) = rule_probe.fires(FigureNotOnPage, submission(firms=43), ctx(doc))
    assert f.severity == "warning" and "인식 신뢰도 88%" in f.message  # not a mere hint
    low = evidence(ocr=52.0)
    low.pages = [p.model_copy(update={"ocr_confidence": None}) for p in low.pages]
    (g,) = rule_probe.fires(FigureNotOnPage, submission(firms=43), ctx(low))
    assert g.severity == "info"
    rule_probe.silent(FigureNotOnPage, submission(), ctx(doc))


AWARD_SCAN = {1: ["표 창 장", "2023 지능형 CCTV 통합관제 우수기관", "수상일 23.10.1O",
                  "2024 스마트 교통 서비스 우수기관", "2024년 4월 22일"]}


def test_dates_in_every_style_on_an_ocr_page(rule_probe: RuleProbe) -> None:
    # "'23.10.10" whose apostrophe the OCR lost and whose last 0 it read as O
    sub = submission(dates=(PartialDate(year=2023, month=10, day=10),
                            PartialDate(year=2024, month=4, day=22)))
    rule_probe.silent(ItemDateDiffers, sub, ctx(evidence(AWARD_SCAN, ocr=90.0)))
    text = {1: [*AWARD_SCAN[1][:2], "2023. 10. 10.", *AWARD_SCAN[1][3:4], "2018. 6. 15."]}
    (f,) = rule_probe.fires(ItemDateDiffers, sub, ctx(evidence(text)))
    assert f.expected == "2018-06-15" and "확인 필요" not in f.message
    (g,) = rule_probe.fires(ItemDateDiffers, sub, ctx(evidence(text, ocr=90.0)))
    assert g.severity == "warning" and "OCR로 읽어" in g.message


def test_amounts_with_units_on_an_ocr_page(rule_probe: RuleProbe) -> None:
    scan = {3: ["누리 스마트시티 챌린지 사업", "민간투자 358,000천원 협약 체결",
                "누리 스마트 주차공유 실증 사업", "민간투자 1.173 백만원"]}
    rule_probe.silent(ItemAmountDiffers, investments("358", "1173"), ctx(evidence(scan, ocr=85.0)))
    (f,) = rule_probe.fires(ItemAmountDiffers, investments("385", "1173"),
                            ctx(evidence(scan, ocr=85.0)))
    assert f.indicator == "B-4-3" and "358,000천원" in f.message and "OCR로 읽어" in f.message


# -- look only for what the indicator asks to prove ---------------------------------------

def plans(*rows: tuple[str, str | None]) -> Submission:
    """B-2-1 '계획명 | 연도 | 국토부 승인', a 구분 column added when given."""
    items = [ListedItem(list_id="plans", number=n, name=name, kind=kind, text=name,
                        location=Location(file=FORM.file, page=5, bbox=(0, 20 * n, 1, 1)))
             for n, (name, kind) in enumerate(rows, 1)]
    claim = IndicatorClaim(code="B-2-1", value=True, text="계획 수립 O (승인 O)", items=items,
                           evidence_pages=parse_evidence_pages("7"), form_source=FORM)
    return Submission(id="sub-test", indicators=[claim])


PLAN_PAGE = {7: ["누리시 스마트도시 기본계획(2024~2028)", "국토교통부 승인 알림 (2024. 3. 5.)"]}


def test_a_related_plan_listed_beside_the_smart_city_plan_is_not_looked_for(
        rule_probe: RuleProbe) -> None:
    by_name = plans(("누리시 스마트도시 기본계획(2024~2028)", None),
                    ("누리시 데이터 기반 행정 활성화 계획", None))
    rule_probe.silent(ItemNotFound, by_name, ctx(evidence(PLAN_PAGE)))
    by_kind = plans(("누리시 스마트도시 기본계획(2024~2028)", "스마트도시계획"),
                    ("누리 디지털 전환 종합계획", "관련 계획"))
    rule_probe.silent(ItemNotFound, by_kind, ctx(evidence(PLAN_PAGE)))
    # the smart city plan itself must be shown
    page = {7: ["누리시 데이터 기반 행정 활성화 계획"]}
    (f,) = rule_probe.fires(ItemNotFound, by_name, ctx(evidence(page)))
    assert f.severity == "error" and "스마트도시 기본계획" in f.message


def warning_system(name: str = "대국민통합 상황전파 시스템") -> Submission:
    """C-2-5 '구분 | 관리부서 | 내용 | 비고' as the call prints it."""
    cells = [FieldValue(name="구분", text=name), FieldValue(name="관리부서", text="자연재난과"),
             FieldValue(name="내용", text="자동음성통보, 재해문자, 전광판, CBS 등")]
    item = ListedItem(list_id="systems", name=name, cells=cells, text=" | ".join(
        c.text for c in cells), location=Location(file=FORM.file, page=12))
    claim = IndicatorClaim(code="C-2-5", value=True, text="시스템 도입 O", items=[item],
                           evidence_pages=parse_evidence_pages("8"), form_source=FORM)
    return Submission(id="sub-test", indicators=[claim])


def test_a_system_shown_by_its_parts_is_a_judgement_call(rule_probe: RuleProbe) -> None:
    parts = {8: ["재난 예·경보 시설 현황", "예경보 방송 단말 42개소", "문자전광판 15개소",
                 "자동음성통보 시스템 운영 (자연재난과)"]}
    (f,) = rule_probe.fires(ItemNotFound, warning_system(), ctx(evidence(parts)))
    assert f.severity == "warning" and f.rule == "evidence.item-not-found"
    assert "이름 '대국민통합 상황전파 시스템'과(와) 내용" in f.message
    assert "'자동음성통보'" in f.message.split("이름은 없고")[1]
    named = {8: ["대국민통합 상황전파 시스템 운영 현황", *parts[8][1:]]}
    rule_probe.silent(ItemNotFound, warning_system(), ctx(evidence(named)))
    # neither the name nor any part: still an error
    (g,) = rule_probe.fires(ItemNotFound, warning_system(), ctx(evidence({8: ["CCTV 현황"]})))
    assert g.severity == "error"


def test_a_staff_count_on_an_ocr_page(rule_probe: RuleProbe) -> None:
    # A-2-2 (A) 연구개발업 종사자수 on a scanned 사업체조사 page, a zero read as 'O'
    def a22(staff: str) -> Submission:
        claim = IndicatorClaim(code="A-2-2", value=Decimal("4.95"), source=SUMMARY,
                               form_source=FORM, evidence_pages=parse_evidence_pages("9"),
                               components=[lettered("A", "연구개발업 종사자수", staff),
                                           lettered("B", "인구수(만명)", "41.23")])
        return Submission(id="sub-test", indicators=[claim])

    scan = evidence({9: ["전국사업체조사 (2023년 기준)", "연구개발업 종사자 수 : 2,O41 명"], }, ocr=87.0)
    rule_probe.silent(FigureNotOnPage, a22("2,041"), ctx(scan))
    (f,) = rule_probe.fires(FigureNotOnPage, a22("2,014"), ctx(scan))
    assert f.severity == "warning" and "2014" in f.message and "인식 신뢰도 87%" in f.message


# -- the defects an evaluator checks first, on scanned pages as Tesseract reads them -------

def staff(code: str, total: int, pages: str = "4") -> Submission:
    """A-1-1 (총 인원, an O/X indicator's detail) or C-11-1 (총계, the value) as a claim."""
    comp = Component(id="headcount" if code == "A-1-1" else "total",
                     label="총 인원" if code == "A-1-1" else "총계", value=Decimal(total),
                     unit="명", basis=Basis.LABEL)
    claim = IndicatorClaim(code=code, value=True if code == "A-1-1" else Decimal(total),
                           source=SUMMARY, form_source=FORM, components=[comp],
                           evidence_pages=parse_evidence_pages(pages))
    return Submission(id="sub-test", indicators=[claim])


ORG_CHART = {4: ["[A-1-1] 스 마 트 도시 전 담 부서 지정 여부",
                 "불임. 조직도 및 부서 정원 현황 (2025. 7. 현재)", "미 래 전략실",
                 "스 마 트 도 시 팀", "정 보 통 신 팀", "4 명", "3 명",
                 "미 래 전략실 정원: 총원 9 명"]}


def test_a_staff_total_the_org_chart_states_must_be_the_forms(rule_probe: RuleProbe) -> None:
    # the 7 of '(2025. 7. 현재)' is a date, and 4 + 3 the teams: the chart says 9
    (f,) = rule_probe.fires(FigureNotOnPage, staff("A-1-1", 7), ctx(evidence(ORG_CHART, ocr=93.0)))
    assert f.indicator == "A-1-1" and f.severity == "warning" and "'총 인원' 7" in f.message
    assert "인식 신뢰도 93%" in f.message
    rule_probe.silent(FigureNotOnPage, staff("A-1-1", 9), ctx(evidence(ORG_CHART, ocr=93.0)))
    # a staffing table's '계 24' on a text page: an error
    table = {6: ["전담공무원 2명", "관제요원 20명", "기타 2명", "계 24"]}
    (g,) = rule_probe.fires(FigureNotOnPage, staff("C-11-1", 26, "6"), ctx(evidence(table)))
    assert g.severity == "error" and "'총계' 26" in g.message
    rule_probe.silent(FigureNotOnPage, staff("C-11-1", 24, "6"), ctx(evidence(table)))


def test_a_staff_total_the_evidence_does_not_state_is_not_looked_for(
        rule_probe: RuleProbe) -> None:
    # only the rows, or the total's figure on a line of its own (an OCR'd cell: '1168' for
    # '16명'): the sum is the arithmetic rules' to check
    rows = {52: ["전 담 공 무원", "2 명", "관 제 요 원", "12 명", "총원", "1168"]}
    rule_probe.silent(FigureNotOnPage, staff("C-11-1", 16, "52"), ctx(evidence(rows, ocr=88.0)))
    chart = {4: ORG_CHART[4][:-1]}
    rule_probe.silent(FigureNotOnPage, staff("A-1-1", 8), ctx(evidence(chart, ocr=93.0)))


def scanned_agreement(amount: str, header: str = "민 투 예산") -> DocumentExtract:
    """B-4-3's 협약 현황 table as OCR lines: its grid lost, amounts without a unit."""
    return evidence({3: ["붙임. 민 간 투자 협약 현황 (협약서 발췌)", "No", "사업명", "민 간 기 업",
                         "협약 일", header, "1", "누리 스 마 트 시티 챌린지 사업",
                         "( 주 ) 가 온 데 이 터", "'24.02", amount, "2",
                         "누리 스마트 주차공유 실증 사업", "(주)도담모빌리티", "'24.05", "1,173",
                         "총계", "1,434"]}, ocr=85.0)


def test_an_amount_in_a_scanned_table_is_read_in_the_forms_unit(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(ItemAmountDiffers, investments("216", "1173"),
                            ctx(scanned_agreement("261")))
    assert f.indicator == "B-4-3" and "양식(216백만원)과 근거자료(261)" in f.message
    assert f.severity == "warning" and "인식 신뢰도 85%" in f.message
    # the row's No., its date and the next row's No. are no amounts; 1,434 is the total
    rule_probe.silent(ItemAmountDiffers, investments("261", "1173"),
                      ctx(scanned_agreement("261")))
    # O for 0 and a period for the thousands separator
    rule_probe.silent(ItemAmountDiffers, investments("2160", "1173"),
                      ctx(scanned_agreement("2.16O")))


def test_bare_figures_are_no_amounts_without_the_forms_amount_header(
        rule_probe: RuleProbe) -> None:
    rule_probe.silent(ItemAmountDiffers, investments("216", "1173"),
                      ctx(scanned_agreement("261", header="비고")))


def ordinance(date: PartialDate, text: str) -> Submission:
    item = ListedItem(list_id="ordinances", name="푸른군 스마트도시 조성 및 운영 조례", date=date,
                      date_text=text, text="푸른군 스마트도시 조성 및 운영 조례",
                      location=Location(file=FORM.file, page=11))
    claim = IndicatorClaim(code="B-2-2", value=True, items=[item], form_source=FORM,
                           evidence_pages=parse_evidence_pages("22"))
    return Submission(id="sub-test", indicators=[claim])


ORDINANCE_SCAN = {22: ["붙임. 자 치 법 규 원문 ( 국 가 법 령 정 보 센터 출력)",
                       "푸 른 군 스 마 트 도시 조성 및 운영 조례",
                       "[시행 2018. 6. 15.] [ 푸 른 군 조례 제 2764 호 , 2018. 6. 15., 제정]"]}
CERTIFICATE_SCAN = {5: ["표창장", "기관명 : 푸 른 군",
                        "Pare : 2023 지능형 CCTV 통 합 관제 우 수 기관",
                        "위 는 스 마 트 도시 분 야 에서 탁월한 성 과 를 거두어",
                        "이에 표 창 합니다.", "2023 년 10 월 10 일"]}


def test_dates_as_ocr_spaces_them_on_certificates_and_ordinances(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(ItemDateDiffers, ordinance(PartialDate(year=2021, month=7),
                                                       "2021. 7."),
                            ctx(evidence(ORDINANCE_SCAN, ocr=90.0)))
    assert f.expected == "2018-06-15" and f.severity == "warning" and "OCR로 읽어" in f.message
    rule_probe.silent(ItemDateDiffers, ordinance(PartialDate(year=2018, month=6), "2018. 6."),
                      ctx(evidence(ORDINANCE_SCAN, ocr=90.0)))
    sub = submission(pages="5", names=("2023 지능형 CCTV 통합관제 우수기관",),
                     dates=(PartialDate(year=2023, month=12),))
    (g,) = rule_probe.fires(ItemDateDiffers, sub, ctx(evidence(CERTIFICATE_SCAN, ocr=91.0)))
    assert g.expected == "2023-10-10"
    ok = submission(pages="5", names=("2023 지능형 CCTV 통합관제 우수기관",),
                    dates=(PartialDate(year=2023, month=10),))
    rule_probe.silent(ItemDateDiffers, ok, ctx(evidence(CERTIFICATE_SCAN, ocr=91.0)))
