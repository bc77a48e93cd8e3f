"""Each completeness rule fires on a hand-built submission with the defect and stays silent
on the same submission without it.

Fires/silent are asserted through the `rule_probe` fixture, which records them: the final
'rule coverage' test fails for a registered rule not shown both ways (tests/rule_coverage.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location
from smartcert.extractors.models import DocumentExtract, ExtractorInfo, Page, Span
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import (
    Document,
    DocumentKind,
    DocumentPart,
    IndicatorClaim,
    Submission,
    parse_evidence_pages,
)
from smartcert.schemas.mapping.document_parts import evidence_parts, proposal_parts
from smartcert.validators.rule import CheckContext
from smartcert.validators.run import run_rules
from tests.rule_coverage import RuleProbe

RS = load_ruleset("city-2025")
SUMMARY = Location(file="2. 정량지표 평가제안서.pdf", page=3)
AREAS = ["행정", "교육", "환경에너지"]


def _claim(code: str) -> IndicatorClaim:
    ind = RS.indicator(code)
    kind = ind.value_rule.kind if ind.value_rule else "free_text"
    value, text = {
        "free_text": (None, "스마트 가로등 설치율 45%"),
        "bool": (True, "O"),
    }.get(kind, (Decimal(3), "3건"))
    return IndicatorClaim(code=code, value=value, text=text,
                          evidence_pages=parse_evidence_pages("12-15"),
                          source=Location(file=SUMMARY.file, page=3))


def clean() -> Submission:
    docs = [Document(file=f, sha256="0" * 64, kind=k) for f, k in [
        ("1. 공모신청서.pdf", DocumentKind.APPLICATION),
        ("2. 정량지표 평가제안서.pdf", DocumentKind.QUANTITATIVE_PROPOSAL),
        ("3. 정성지표 자체평가표.pdf", DocumentKind.QUALITATIVE_SELF_ASSESSMENT),
        ("4. 근거자료.pdf", DocumentKind.EVIDENCE)]]
    claims = [_claim(i.code) for i in RS.indicators_for(AREAS)]
    return Submission(id="sub-test", applicant="누리시", city_type_claimed="중소도시",
                      population=412345, selected_areas=AREAS, documents=docs,
                      indicators=claims)


def ctx() -> CheckContext:
    return CheckContext(ruleset=RS, summary_location=SUMMARY)


def test_clean_submission_has_no_completeness_findings() -> None:
    assert run_rules(clean(), ctx()) == []


def test_missing_document(rule_probe: RuleProbe) -> None:
    sub = clean()
    sub.documents = [d for d in sub.documents if d.kind is not DocumentKind.EVIDENCE]
    (f,) = rule_probe.fires("completeness.missing-document", sub, ctx())
    assert "근거자료" in f.message and f.severity == "error"
    # the kind counts, not the file name: evidence under another name is there
    sub.documents.append(Document(file="별첨 증빙 모음.pdf", sha256="1" * 64,
                                  kind=DocumentKind.EVIDENCE))
    rule_probe.silent("completeness.missing-document", sub, ctx())


def test_missing_indicator_points_at_the_summary(rule_probe: RuleProbe) -> None:
    sub = clean()
    sub.indicators = [c for c in sub.indicators if c.code != "A-2-3"]
    (f,) = rule_probe.fires("completeness.missing-indicator", sub, ctx())
    assert f.indicator == "A-2-3" and f.locations == [SUMMARY]
    assert "리빙랩" in f.message


def test_missing_summary_is_one_finding_not_fifty(rule_probe: RuleProbe) -> None:
    sub = clean()
    sub.indicators = []
    assert len(rule_probe.fires("completeness.missing-summary", sub, ctx())) == 1
    rule_probe.silent("completeness.missing-indicator", sub, ctx())


def test_missing_summary_needs_the_proposal_and_no_rows(rule_probe: RuleProbe) -> None:
    rule_probe.silent("completeness.missing-summary", clean(), ctx())
    sub = clean()
    sub.indicators = []
    sub.documents = [d for d in sub.documents
                     if d.kind is not DocumentKind.QUANTITATIVE_PROPOSAL]
    # no proposal at all is completeness.missing-document's finding, not a missing summary
    rule_probe.silent("completeness.missing-summary", sub, ctx())


def test_unknown_row_is_kept_and_reported(rule_probe: RuleProbe) -> None:
    sub = clean()
    rule_probe.silent("completeness.unknown-row", sub, ctx())  # every code is in the catalogue
    sub.indicators.append(IndicatorClaim(code="A-9-9", name_as_printed="스마트 가로등 설치 수",
                                         text="12개", source=SUMMARY))
    (f,) = rule_probe.fires("completeness.unknown-row", sub, ctx())
    assert f.severity == "warning" and "A-9-9" in f.message


@pytest.mark.parametrize("text", ["", "00건"])
def test_empty_or_template_value(text: str, rule_probe: RuleProbe) -> None:
    sub = clean()
    claim = next(c for c in sub.indicators if c.code == "A-1-2")
    claim.text, claim.value = text, None
    (f,) = rule_probe.fires("completeness.empty-value", sub, ctx())
    assert f.indicator == "A-1-2" and f.locations == [claim.source]


def test_free_text_row_needs_text_but_no_number(rule_probe: RuleProbe) -> None:
    sub = clean()
    rule_probe.silent("completeness.empty-value", sub, ctx())  # C-x 자체 설정 지표 hold prose
    claim = next(c for c in sub.indicators if c.code == "C-1-8")
    claim.text = ""
    found = rule_probe.fires("completeness.empty-value", sub, ctx())
    assert [f.indicator for f in found] == ["C-1-8"]


def test_empty_evidence_pages_but_not_for_an_x(rule_probe: RuleProbe) -> None:
    sub = clean()
    claim = next(c for c in sub.indicators if c.code == "B-2-2")
    claim.evidence_pages = parse_evidence_pages("")
    found = rule_probe.fires("completeness.empty-evidence-pages", sub, ctx())
    assert [f.indicator for f in found] == ["B-2-2"]
    claim.value, claim.text = False, "X"  # not achieved: nothing to prove
    rule_probe.silent("completeness.empty-evidence-pages", sub, ctx())


def test_selected_area_without_its_indicators(rule_probe: RuleProbe) -> None:
    sub = clean()
    edu = {i.code for i in RS.indicators if i.area == RS.area("교육").id}
    sub.indicators = [c for c in sub.indicators if c.code not in edu]
    (f,) = rule_probe.fires("completeness.area-without-indicators", sub, ctx())
    assert "교육" in f.message
    # one row of the area is enough (the others are completeness.missing-indicator's)
    sub.indicators.append(next(c for c in clean().indicators if c.code in edu))
    rule_probe.silent("completeness.area-without-indicators", sub, ctx())


def test_missing_applicant_fact_names_each_fact(rule_probe: RuleProbe) -> None:
    sub = clean()
    rule_probe.silent("completeness.missing-applicant-fact", sub, ctx())  # all four read
    sub.city_type_claimed, sub.population = None, None
    found = rule_probe.fires("completeness.missing-applicant-fact", sub, ctx())
    assert len(found) == 2
    assert any("대도시/중소도시" in f.message for f in found)
    assert all(f.locations[0].file.startswith(("1.", "2.")) for f in found)


def test_every_registered_rule_tolerates_an_unknown_row() -> None:
    """Unknown rows are kept as claims; no rule may stop the run on them."""
    sub = clean()
    sub.indicators += [
        IndicatorClaim(code="D-9-9", name_as_printed="스마트 반려동물 돌봄 서비스 수",
                       value=Decimal(3), text="3개", source=SUMMARY),
        IndicatorClaim(code="?", name_as_printed="드론 배송 시범 운영 실적", text="12건",
                       source=SUMMARY),
    ]
    found = run_rules(sub, ctx())
    assert sorted(f.claimed for f in found if f.rule == "completeness.unknown-row") == [
        "? 드론 배송 시범 운영 실적", "D-9-9 스마트 반려동물 돌봄 서비스 수"]


# ── the proposal's order (표지, 목차, 요약표, 지표별 양식) and the evidence's 조견표 ──

PROPOSAL = "2. 정량지표 평가제안서.pdf"
EVIDENCE = "4. 근거자료.pdf"


def _parts(file: str, *named: tuple[str, int]) -> list[DocumentPart]:
    return [DocumentPart(name=n, location=Location(file=file, page=p), position=(p, 80.0))
            for n, p in named]


def with_parts(proposal: list[DocumentPart] | None = None,
               evidence: list[DocumentPart] | None = None) -> Submission:
    sub = clean()
    for d in sub.documents:
        if d.kind is DocumentKind.QUANTITATIVE_PROPOSAL:
            d.file, d.parts = PROPOSAL, proposal
        elif d.kind is DocumentKind.EVIDENCE:
            d.file, d.parts = EVIDENCE, evidence
    return sub


IN_ORDER = (("표지", 1), ("목차", 2), ("요약표", 3), ("지표별 양식", 5))


def test_proposal_in_the_calls_order(rule_probe: RuleProbe) -> None:
    rule_probe.silent("completeness.proposal-order", with_parts(_parts(PROPOSAL, *IN_ORDER)),
                      ctx())
    rule_probe.silent("completeness.proposal-order", with_parts(None), ctx())  # not readable


def test_proposal_without_contents_or_out_of_order(rule_probe: RuleProbe) -> None:
    sub = with_parts(_parts(PROPOSAL, ("표지", 1), ("요약표", 2), ("지표별 양식", 4)))
    (f,) = rule_probe.fires("completeness.proposal-order", sub, ctx())
    assert f.severity == "warning" and "목차이(가) 없습니다" in f.message
    assert f.locations == [Location(file=PROPOSAL, page=2)]  # where it should come before
    sub = with_parts(_parts(PROPOSAL, ("표지", 1), ("요약표", 2), ("목차", 3), ("지표별 양식", 5)))
    (f,) = rule_probe.fires("completeness.proposal-order", sub, ctx())
    assert "목차(3쪽)이(가) 요약표(2쪽)보다 뒤에 있습니다" in f.message
    # a missing summary is completeness.missing-summary's, not this rule's
    sub = with_parts(_parts(PROPOSAL, ("표지", 1), ("목차", 2)))
    rule_probe.silent("completeness.proposal-order", sub, ctx())


def test_evidence_index(rule_probe: RuleProbe) -> None:
    sub = with_parts(evidence=_parts(EVIDENCE, ("조견표", 2)))
    rule_probe.silent("completeness.missing-evidence-index", sub, ctx())
    rule_probe.silent("completeness.missing-evidence-index", with_parts(evidence=None), ctx())
    (f,) = rule_probe.fires("completeness.missing-evidence-index", with_parts(evidence=[]), ctx())
    assert f.severity == "warning" and "조견표" in f.message and EVIDENCE in f.message


def _extract(file: str, pages: dict[int, list[str]]) -> DocumentExtract:
    """A PDF extraction with these lines per page, top to bottom."""
    spans = [Span(page=p, text=t, bbox=(60.0, 80.0 + 20 * i, 500.0, 95.0 + 20 * i))
             for p, lines in pages.items() for i, t in enumerate(lines)]
    return DocumentExtract(extractor=ExtractorInfo(name="test", version="1"), file=file,
                           sha256="0" * 64, size=1, media_type=MediaType.PDF,
                           pages=[Page(number=p) for p in sorted(pages)], spans=spans)


COVER_LINES = ["2025년 스마트도시 인증", "정량지표 평가제안서", "2025. 9.", "누 리 시"]
TOC_LINES = ["목 차", "Ⅰ. 정량지표 요약표 ······ 3", "Ⅱ. 지표별 자료구축양식 ······ 5"]


def _rows() -> list[IndicatorClaim]:
    """Summary rows on page 3, their forms from page 5 (as map_summary/map_forms place them)."""
    return [IndicatorClaim(code="A-1-1", source=Location(file=PROPOSAL, page=3,
                                                         bbox=(50, 130, 550, 150)),
                           form_source=Location(file=PROPOSAL, page=5, bbox=(50, 190, 550, 210)))]


def test_mapping_finds_the_proposal_parts() -> None:
    doc = _extract(PROPOSAL, {1: COVER_LINES, 2: TOC_LINES, 3: ["Ⅰ. 정량지표 요약표"],
                              5: ["Ⅱ. 지표별 자료구축양식"]})
    parts = proposal_parts(doc, _rows(), RS)
    assert parts is not None and [p.name for p in parts] == ["표지", "목차", "요약표", "지표별 양식"]
    # the summary straight after the title on page 1: no cover, no 목차
    doc = _extract(PROPOSAL, {1: [*COVER_LINES[:2], "Ⅰ. 정량지표 요약표"], 5: ["①"]})
    rows = _rows()
    rows[0].source = Location(file=PROPOSAL, page=1, bbox=(50, 200, 550, 220))
    parts = proposal_parts(doc, rows, RS)
    assert parts is not None and [p.name for p in parts] == ["요약표", "지표별 양식"]
    assert proposal_parts(_extract(PROPOSAL, {1: []}), rows, RS) is None  # no text: unknown
    # an OCR'd cover page whose title the OCR garbled: its absence proves nothing
    doc = _extract(PROPOSAL, {1: ["2O25넌 스마트도시 인층", "정랑지표 펑가제안서"], 2: TOC_LINES,
                              3: ["Ⅰ. 정량지표 요약표"], 5: ["①"]})
    doc.pages[0].ocr = True
    assert proposal_parts(doc, _rows(), RS) is None


def test_mapping_finds_the_evidence_index() -> None:
    index = ["근거자료 목차", "지 표 지 표 명 증 빙 내 용 쪽",
             "A-1-1 스마트도시 전담부서 지정 여부 조직도 및 부서 정원 현황 4",
             "A-1-2 2년간 스마트도시 관련 표창 건수 표창장 사본 (1~2) 5-8",
             "A-1-3 스마트도시 서비스 성과 관리 (KPI 등) 여부 성과관리시스템 화면 9"]
    doc = _extract(EVIDENCE, {1: ["근 거 자 료", "누리시"], 2: index,
                              3: ["[A-1-1] 스마트도시 전담부서 지정 여부", "붙임. 조직도"]})
    parts = evidence_parts(doc, RS)
    assert parts is not None and [(p.name, p.location.page if p.location else None)
                                  for p in parts] == [("조견표", 2)]
    # evidence pages citing codes, but no index page
    doc = _extract(EVIDENCE, {1: ["근 거 자 료"], 2: index[2:], 3: ["[A-1-1] 조직도"]})
    assert evidence_parts(doc, RS) == []
    doc.pages[1].ocr = True  # a scanned index page the OCR could not read as one: unknown
    assert evidence_parts(doc, RS) is None


def test_b21_approval_b32_results_and_a33_annex(rule_probe: RuleProbe) -> None:
    """B-2-1's 국토부 승인 (row and summary), B-3-2's 의견 반영 결과 and A-3-3's list of 50 or
    more data sets belonging in the annex, on rows built the way the call prints them."""
    from smartcert.schemas.claims import Basis, FieldValue, ListedItem
    from smartcert.validators.completeness.approval_not_stated import ApprovalNotStated
    from smartcert.validators.completeness.list_not_in_annex import ListNotInAnnex
    from smartcert.validators.completeness.result_missing import ResultMissing

    form = Location(file=SUMMARY.file, page=14)

    def row(list_id: str, n: int, cells: dict[str, str], name: str) -> ListedItem:
        fields = [FieldValue(name=h, text=t, location=form) for h, t in cells.items()]
        return ListedItem(list_id=list_id, number=n, name=name, cells=fields,
                          text=" | ".join(cells.values()), location=form)

    def plan(name: str, approval: str | None) -> ListedItem:
        cells = {"계획명": name, "연도": "2023~2027"}
        return row("plans", 0, cells | ({"국토부 승인": approval} if approval is not None
                                        else {}), name)

    def b21(summary: str, *plans: ListedItem) -> Submission:
        claim = IndicatorClaim(code="B-2-1", text=summary, value=True, source=SUMMARY,
                               value_basis=Basis.LABEL, form_source=form, items=list(plans))
        return Submission(id="sub-test", applicant="누리시", indicators=[claim])

    call_plan = plan("00시 스마트도시계획", "x")  # the call's example row
    rule_probe.silent(ApprovalNotStated, b21("계획 수립 O (승인 X)", call_plan), ctx())
    rule_probe.silent(ApprovalNotStated, b21("계획 수립 0 (승인 0)", call_plan), ctx())
    (f,) = rule_probe.fires(ApprovalNotStated, b21("계획 수립 O", call_plan), ctx())
    assert f.severity == "error" and f.locations == [SUMMARY] and "요약표 '계획 수립 O'" in f.message
    (f,) = rule_probe.fires(ApprovalNotStated,
                            b21("계획 수립 O (승인 X)", plan("00시 스마트도시계획", "")), ctx())
    assert f.severity == "error" and "'00시 스마트도시계획' 행의 '국토부 승인' 칸" in f.message
    (f,) = rule_probe.fires(ApprovalNotStated,
                            b21("계획 수립 O (승인 X)", plan("00시 스마트도시계획", None)), ctx())
    assert f.severity == "warning"  # no such column read: its header may be worded otherwise
    # a related plan (디지털, 데이터) needs no approval; nor does '계획 수립 X'
    rule_probe.silent(ApprovalNotStated, b21("계획 수립 O (승인 X)", call_plan,
                                             plan("00시 데이터 기반 행정 활성화 계획", "")), ctx())
    none = b21("계획 수립 X")
    none.indicators[0].value = False
    rule_probe.silent(ApprovalNotStated, none, ctx())

    def opinion(n: int, service: str, result: str) -> ListedItem:
        cells = {"No.": str(n), "서비스 명": service, "서비스 도입 시기": "2024.01.01",
                 "시민 의견": "A 정류장 공유자전거 고장 신고", "의견 반영 결과": result,
                 "의견 반영 시기": "2024.05.23"}
        return row("opinions", n, cells, service)

    def b32(*rows: ListedItem) -> Submission:
        claim = IndicatorClaim(code="B-3-2", form_source=form, items=list(rows))
        return Submission(id="sub-test", applicant="누리시", indicators=[claim])

    done = opinion(1, "공유자전거 서비스", "고장난 공유자전거 2대 수리 및 교체")
    rule_probe.silent(ResultMissing, b32(done), ctx())
    (f,) = rule_probe.fires(ResultMissing, b32(done, opinion(2, "공유자전거 서비스", "")), ctx())
    assert f.severity == "error" and "No.2 '공유자전거 서비스' 행" in f.message
    bare = opinion(2, "스마트폴", "")
    bare.cells = [c for c in bare.cells if c.name != "의견 반영 결과"]
    (f,) = rule_probe.fires(ResultMissing, b32(bare), ctx())
    assert f.severity == "warning" and "열을 찾지 못함" in f.message

    def a33(rows: int) -> Submission:
        items = [row("datasets", n, {"카테고리": "재난안전", "파일분류": f"{n} CSV",
                                     "제공데이터 (데이터 중)": f"재난 데이터 {n}",
                                     "23년~24년 제공 건 수": "12", "관리부서": "119종합상황실"},
                     f"재난 데이터 {n}") for n in range(1, rows + 1)]
        claim = IndicatorClaim(code="A-3-3", text=f"{rows}종, {12 * rows}건", form_source=form,
                               value=Decimal(12 * rows), items=items)
        return Submission(id="sub-test", applicant="누리시", indicators=[claim])

    assert RS.indicator("A-3-3").rule("annex_over").params["threshold"] == 50
    rule_probe.silent(ListNotInAnnex, a33(49), ctx())
    (f,) = rule_probe.fires(ListNotInAnnex, a33(50), ctx())
    assert f.severity == "warning" and "목록 50건이 양식에 직접 작성" in f.message
