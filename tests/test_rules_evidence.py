"""Each evidence rule fires on a hand-built submission whose evidence does not show what
the form claims, and stays silent when it does; OCR'd pages soften a miss."""

from __future__ import annotations

from decimal import Decimal

from extractors.models import Cell, DocumentExtract, ExtractorInfo, MediaType, Page, Span, Table
from extractors.normalize import match_key
from extractors.values.periods import PartialDate
from schemas.catalogue import load_ruleset
from schemas.claims import Component, IndicatorClaim, ListedItem, Submission, parse_evidence_pages
from schemas.findings import Location
from validators.evidence.figure_not_on_page import FigureNotOnPage
from validators.evidence.item_amount_differs import ItemAmountDiffers
from validators.evidence.item_date_differs import ItemDateDiffers
from validators.evidence.item_not_found import ItemNotFound
from validators.evidence.page_out_of_range import PageOutOfRange
from validators.rule import CheckContext, Rule

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
                             Component(id="A", label="인구수", value=Decimal(population)),
                             Component(id="B", label="인증기업 수", value=Decimal(firms)),
                             Component(id="ratio", label="비율", value=Decimal("0.12"))])
    return Submission(id="sub-test", indicators=[a12, a21])


def run(rule: type[Rule], sub: Submission, doc: DocumentExtract | None = None) -> list:
    doc = doc or evidence()
    ctx = CheckContext(ruleset=RS, evidence_page_count=len(doc.pages), evidence=(doc,))
    return list(rule().check(sub, ctx))


def test_clean_submission_is_silent_for_every_evidence_rule() -> None:
    for rule in (PageOutOfRange, FigureNotOnPage, ItemNotFound, ItemDateDiffers,
                 ItemAmountDiffers):
        assert run(rule, submission()) == [], rule.spec.id


def test_page_out_of_range() -> None:
    (f,) = run(PageOutOfRange, submission(pages="1-3"))
    assert f.indicator == "A-1-2" and f.severity == "error" and f.locations == [SUMMARY]
    assert "3" in f.message and f.expected == "1-2"


def test_page_out_of_range_silent_without_evidence() -> None:
    ctx = CheckContext(ruleset=RS)  # no evidence bundle known: nothing to compare with
    assert list(PageOutOfRange().check(submission(pages="1-9"), ctx)) == []


def test_figure_not_on_page_numbers_exact_after_separators() -> None:
    (f,) = run(FigureNotOnPage, submission(firms=43))
    assert f.indicator == "A-2-1" and f.severity == "error" and "43" in f.message
    assert Location(file="4. 근거자료.pdf", page=2) in f.locations
    assert run(FigureNotOnPage, submission(population=283604)) == []  # '283,604' on the page


def test_figure_miss_on_ocr_page_is_never_an_error() -> None:
    (f,) = run(FigureNotOnPage, submission(firms=43), evidence(ocr=88.0))
    assert f.severity == "warning"
    (g,) = run(FigureNotOnPage, submission(firms=43), evidence(ocr=41.0))
    assert g.severity == "info"


def test_item_not_found() -> None:
    sub = submission(names=("2023 지능형 CCTV 통합관제 우수기관", "2024 드론 배송 혁신상"))
    (f,) = run(ItemNotFound, sub)
    assert f.indicator == "A-1-2" and "드론" in f.message and f.severity == "error"
    assert f.locations[0].page == 5


def test_item_names_match_fuzzily() -> None:
    sub = submission(names=("2023 지능형CCTV 통합 관제 우수기관", "2024 스마트교통서비스 우수 기관"))
    assert run(ItemNotFound, sub) == []


def test_item_not_found_on_low_confidence_ocr_is_info() -> None:
    sub = submission(names=("2023 지능형 CCTV 통합관제 우수기관", "2024 드론 배송 혁신상"))
    (f,) = run(ItemNotFound, sub, evidence(ocr=50.0))
    assert f.severity == "info"


def test_scanned_pages_without_ocr_cannot_show_anything() -> None:
    """A scan not OCR'd (--no-ocr) has pages without text: no miss is reported on them
    alone, and a miss that one of them might explain is at most a warning."""
    sub = submission(names=("2023 지능형 CCTV 통합관제 우수기관", "2024 드론 배송 혁신상"), firms=35)
    blank = evidence({1: [], 2: []})
    for rule in (FigureNotOnPage, ItemNotFound, ItemDateDiffers, ItemAmountDiffers):
        assert run(rule, sub, blank) == [], rule.spec.id
    (f,) = run(ItemNotFound, sub, evidence({**PAGES, 3: []}))
    assert f.severity == "warning" and "드론" in f.message


def test_item_date_differs() -> None:
    sub = submission(dates=(PartialDate(year=2023, month=9), PartialDate(year=2024, month=5)))
    (f,) = run(ItemDateDiffers, sub)
    assert f.indicator == "A-1-2" and "2024-04-22" in f.message and f.expected == "2024-04-22"
    assert Location(file="4. 근거자료.pdf", page=1) in f.locations


def test_item_date_agrees_at_the_coarser_precision() -> None:
    sub = submission(dates=(PartialDate(year=2023, month=9, day=10), PartialDate(year=2024)))
    assert run(ItemDateDiffers, sub) == []


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


def test_item_amount_differs_reads_the_evidence_table_row() -> None:
    (f,) = run(ItemAmountDiffers, investments("385", "1173"), investment_evidence())
    assert f.indicator == "B-4-3" and "385백만원" in f.message and f.expected == "358"
    assert Location(file="4. 근거자료.pdf", page=3) in f.locations


def test_item_amount_agrees_across_separators_and_units() -> None:
    assert run(ItemAmountDiffers, investments("358", "1173"), investment_evidence()) == []


def test_item_amount_differs_in_running_text_with_units() -> None:
    doc = evidence({3: ["누리 스마트시티 챌린지 사업", "민간투자 12억 5천만원 협약 체결"]})
    (f,) = run(ItemAmountDiffers, investments("1300", "1173"), doc)
    assert "12억 5천만원" in f.message
    assert run(ItemAmountDiffers, investments("1250", "1173"), doc) == []


def test_page_numbers_of_a_word_evidence_file_are_not_compared() -> None:
    doc = evidence({1: ["붙임. 표창장 사본"]}).model_copy(update={"media_type": MediaType.DOCX})
    assert run(PageOutOfRange, submission(pages="1-3"), doc) == []


def test_page_out_of_range_uses_the_page_count_when_no_extract_is_given() -> None:
    ctx = CheckContext(ruleset=RS, evidence_page_count=2)
    (f,) = PageOutOfRange().check(submission(pages="1-3"), ctx)
    assert f.expected == "1-2"
