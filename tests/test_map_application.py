"""Applicant facts from the application, the proposal cover and the self-assessment:
the sample bundles against their truth, a bundle without application, conflicting
documents, and Word layouts the mapping was not written against."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest

from smartcert.core.values import PartialDate
from smartcert.extractors.api import extract_file
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import Document, DocumentKind, Submission
from smartcert.schemas.mapping.application import map_application
from smartcert.schemas.mapping.classify import classify_bundle
from smartcert.validators.completeness.missing_applicant_fact import MissingApplicantFact
from smartcert.validators.completeness.missing_document import MissingDocument
from smartcert.validators.rule import CheckContext

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "bundles"
TRUTHS = sorted((ROOT / "samples" / "truth").glob("*.json"))
K = DocumentKind
READ = (K.APPLICATION, K.QUANTITATIVE_PROPOSAL, K.QUALITATIVE_SELF_ASSESSMENT)


@cache
def extract(path: Path) -> DocumentExtract:
    return extract_file(path)


def load(p: Path) -> dict[str, Any]:
    return json.loads(p.read_text(encoding="utf-8"))


def bundle_docs(t: dict[str, Any], skip: tuple[K, ...] = ()) -> list[tuple[DocumentExtract, K]]:
    return [(extract(BUNDLES / t["bundle"] / d["file"]), K(d["kind"])) for d in t["documents"]
            if K(d["kind"]) in READ and K(d["kind"]) not in skip]


@pytest.fixture(params=TRUTHS, ids=lambda p: p.stem)
def truth(request: pytest.FixtureRequest) -> dict[str, Any]:
    return load(request.param)


def submission(docs: list[tuple[DocumentExtract, K]], **fields: object) -> Submission:
    # the evidence file is not read here; it is listed so only the application is missing
    evidence = Document(file="4. 근거자료.pdf", sha256="0" * 64, kind=K.EVIDENCE)
    return Submission(id="test", documents=[Document(file=d.file, sha256=d.sha256, kind=k)
                                            for d, k in docs] + [evidence], **fields)


@pytest.mark.slow
def test_sample_applicant_facts_equal_the_truth(truth: dict[str, Any]) -> None:
    facts = map_application(bundle_docs(truth))
    app = truth["applicant"]
    assert facts.applicant == app["name"]
    assert facts.applicant_kind == app["kind"] and not facts.applicant_kind_stated
    assert facts.city_type_claimed == truth["city_type"]
    assert facts.population == truth["population"]
    y, m = map(int, truth["population_base"].split("-"))
    assert facts.population_base == PartialDate(year=y, month=m)
    assert [a.name for a in facts.selected_areas] == truth["selected_areas"]
    assert not facts.selected_areas_inferred
    assert facts.period is not None
    assert str(facts.period.start) == truth["period"]["start"]
    assert str(facts.period.end) == truth["period"]["end"]
    fields = facts.submission_fields()  # the span reaches the Submission, with its place
    assert fields["declared_span"] == facts.period and fields["declared_span_source"] is not None
    # read from the application form itself, on the page the truth names
    loc = facts.locations["applicant"]
    assert (loc.file, loc.page) == (app["file"], app["page"]) and loc.bbox is not None
    for fact in ("city_type", "population", "selected_areas"):
        assert facts.locations[fact].file == app["file"]
        assert facts.locations[fact].page is not None
    assert all(a.location == facts.locations["selected_areas"] for a in facts.selected_areas)
    assert facts.findings == []  # the documents agree with each other
    # the places a population finding shows are the population's own, not the 기관명's
    fields = facts.submission_fields()
    assert fields["population_source"] == facts.locations["population"]
    assert fields["city_type_source"] == facts.locations["city_type"]
    assert fields["population_source"] != fields["source"]


@pytest.mark.slow
def test_kinds_from_classification_give_the_same_facts() -> None:
    t = load(ROOT / "samples" / "truth" / "pureun-scan.json")
    docs = [d for d, _ in bundle_docs(t)]
    kinds = classify_bundle(docs)
    facts = map_application([(d, kinds[d.file].kind) for d in docs])
    assert (facts.applicant, facts.population) == ("푸른군", 62418)


@pytest.mark.slow
def test_without_application_the_cover_still_speaks_and_findings_follow(
        truth: dict[str, Any]) -> None:
    docs = bundle_docs(truth, skip=(K.APPLICATION,))
    facts = map_application(docs)  # never raises
    assert facts.applicant == truth["applicant"]["name"]  # printed on the covers
    assert [a.name for a in facts.selected_areas] == truth["selected_areas"]
    assert not [f for f in facts.findings if f.category.value == "consistency"]
    sub = submission(docs, **facts.submission_fields())
    ctx = CheckContext(ruleset=load_ruleset())
    missing = list(MissingDocument().check(sub, ctx))
    assert [f.rule for f in missing] == ["completeness.missing-document"]
    assert "공모 신청서" in missing[0].message
    # what the proposal states is right; what no document states is a finding, not a guess
    gaps = {f.message for f in MissingApplicantFact().check(sub, ctx)}
    for value, want, fact in ((facts.city_type_claimed, truth["city_type"], "신청 유형"),
                              (facts.population, truth["population"], "인구")):
        if value is None:
            assert any(fact in g for g in gaps)
        else:
            assert value == want
    if facts.selected_areas_inferred:  # no document names them: read off the indicator codes
        [f] = [f for f in facts.findings if f.rule == "completeness.inferred-areas"]
        assert len(f.locations) == 3 and all(loc.file == docs[0][0].file for loc in f.locations)


@pytest.mark.slow
def test_proposal_contents_page_states_type_and_population() -> None:
    t = load(ROOT / "samples" / "truth" / "nuri-hwp.json")
    facts = map_application(bundle_docs(t, skip=(K.APPLICATION,)))
    assert (facts.city_type_claimed, facts.population) == ("중소도시", 412345)
    assert facts.locations["population"].page == 2  # '※ 신청 유형: 중소도시 (인구 412,345명, …)'
    assert facts.locations["population"].file == t["documents"][1]["file"]


def test_data_form_labels_are_not_applicant_facts(tmp_path: Path) -> None:
    """A proposal's forms print '(A) 인구수' and '기관명' columns: only its cover counts."""
    d = docx.Document()
    d.add_paragraph("정량지표 평가제안서")
    d.add_paragraph("※ 신청 유형: 대도시")
    d.add_paragraph("[A-2-1] 인구 1만명 당 혁신성 인증 기업 수")
    d.add_paragraph("(A) 인구수: 1,234,567명")
    t = d.add_table(rows=2, cols=2)
    for c, (head, value) in enumerate([("기관명", "한국지능정보사회진흥원"), ("인구수", "98,765")]):
        t.cell(0, c).text, t.cell(1, c).text = head, value
    path = tmp_path / "제안서.docx"
    d.save(str(path))
    facts = map_application([(extract_file(path), K.QUANTITATIVE_PROPOSAL)])
    assert facts.city_type_claimed == "대도시"
    assert facts.population is None and facts.applicant is None


@pytest.mark.slow
def test_documents_that_disagree_give_a_consistency_finding() -> None:
    t = load(ROOT / "samples" / "truth" / "nuri-hwp.json")
    docs = bundle_docs(t)
    prop, kind = docs[1]
    spans = [s.model_copy(update={"text": s.text.replace("중소도시", "대도시")})
             if "신청 유형" in s.text else s for s in prop.spans]
    assert spans != prop.spans
    docs[1] = (prop.model_copy(update={"spans": spans}), kind)
    facts = map_application(docs)
    assert facts.city_type_claimed == "중소도시"  # the application form rules
    [f] = [f for f in facts.findings if f.rule == "consistency.applicant-facts-differ"]
    assert "신청 유형" in f.message and len(f.locations) == 2
    assert {loc.file for loc in f.locations} == {docs[0][0].file, prop.file}


@pytest.mark.slow
def test_cover_letter_and_form_as_two_files() -> None:
    """The 신청 공문 and the [별지 제1호서식] form delivered separately: both are the
    application; the form names the applicant, the letter type, population and areas."""
    t = load(ROOT / "samples" / "truth" / "solnae-split.json")
    app = bundle_docs(t)[0][0]

    def only(page: int, name: str) -> DocumentExtract:
        return app.model_copy(update={
            "file": name, "pages": [p for p in app.pages if p.number == page],
            "spans": [s for s in app.spans if s.page == page],
            "tables": [x for x in app.tables if x.pages == [page]]})

    letter, form = only(1, "신청공문.pdf"), only(2, "별지1호_신청서.pdf")
    kinds = classify_bundle([letter, form])
    assert {c.kind for c in kinds.values()} == {K.APPLICATION}
    facts = map_application([(letter, K.APPLICATION), (form, K.APPLICATION)])
    assert facts.locations["applicant"].file == "별지1호_신청서.pdf"
    assert facts.locations["population"].file == "신청공문.pdf"
    assert (facts.applicant, facts.population) == (t["applicant"]["name"], t["population"])
    assert facts.findings == []


def _docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    d.save(str(path))
    return path


def test_docx_with_values_below_their_spaced_labels(tmp_path: Path) -> None:
    path = _docx(tmp_path / "신청.docx", ["스마트도시 인증 신청서"], [
        ["기 관 명", "신 청 유 형", "인 구 수", "선택 서비스 분야(3개)"],
        ["솔내시", "대도시", "523,410명 (2025. 6. 기준)", "문화 관광 / 보건·복지 및 경제"],
    ])
    facts = map_application([(extract_file(path), K.APPLICATION)])
    assert facts.applicant == "솔내시" and facts.applicant_kind == "시"
    assert facts.city_type_claimed == "대도시"
    assert facts.population == 523410
    assert facts.population_base == PartialDate(year=2025, month=6)
    assert [a.area_id for a in facts.selected_areas] == [
        "culture_tourism", "health_welfare", "economy"]
    assert [a.printed for a in facts.selected_areas] == ["문화 관광", "보건·복지", "경제"]
    assert facts.findings == []


def test_docx_with_inline_labels_and_an_unknown_area(tmp_path: Path) -> None:
    path = _docx(tmp_path / "공문.docx", [
        "가. 신청 개요",
        "○ 신청기관 : 새별군",
        "○ 신청유형: 중소 도시",
        "○ 선택 서비스 분야: 주거, 우주항공, 환경 에너지",
        "○ 2년간 실적 기준기간: 2023. 3. ~ 2025. 2.",
    ])
    facts = map_application([(extract_file(path), K.APPLICATION)])
    assert (facts.applicant, facts.applicant_kind) == ("새별군", "군")
    assert facts.city_type_claimed == "중소도시"
    assert [a.name for a in facts.selected_areas] == ["주거", "환경에너지"]
    assert facts.period is not None and facts.period.months() == 24
    [f] = facts.findings
    assert f.rule == "completeness.unknown-area" and f.claimed == "우주항공"
    assert f.locations[0].file == "공문.docx"


def test_header_lines_holding_two_facts_are_split_at_the_second_label(tmp_path: Path) -> None:
    """Class 7 of the reading issue: '신청기관: 한빛시    신청유형: 대도시' is two facts; the
    applicant is 한빛시, not '한빛시 신청유형: 대도시'. A colon inside a value stays."""
    path = _docx(tmp_path / "공문.docx", [
        "신청기관: 한빛광역시    신청유형: 대도시",
        "인구수: 1,476,530명    선택 서비스 분야: 문화관광, 경제, 보건복지",
        "접수일시: 2025. 9. 19. 10:30",
    ])
    facts = map_application([(extract_file(path), K.APPLICATION)])
    assert (facts.applicant, facts.applicant_kind) == ("한빛광역시", "광역시")
    assert facts.city_type_claimed == "대도시"
    assert facts.population == 1476530
    assert [a.area_id for a in facts.selected_areas] == [
        "culture_tourism", "economy", "health_welfare"]
    assert facts.findings == []


def test_stated_kind_and_unreadable_type(tmp_path: Path) -> None:
    path = _docx(tmp_path / "a.docx", [], [
        ["기관명", "세종특별자치시", "기관 유형", "특별자치시"],
        ["신청 유형", "스마트 시티", "인구", "없음"],
    ])
    facts = map_application([(extract_file(path), K.APPLICATION)])
    assert facts.applicant_kind == "특별자치시" and facts.applicant_kind_stated
    assert facts.city_type_claimed is None and facts.city_type_text == "스마트 시티"
    assert [f.rule for f in facts.findings] == ["completeness.unreadable-city-type"]
    assert facts.population is None


def test_empty_input_gives_empty_facts() -> None:
    facts = map_application([])
    assert facts.applicant is None and facts.selected_areas == [] and facts.findings == []


def test_applicant_kind_from_suffix() -> None:
    from smartcert.schemas.mapping.application import _kind_of

    rs = load_ruleset()
    assert _kind_of("한빛광역시", rs) == "광역시"
    assert _kind_of("서울특별시 강남구", rs) == "구"
    assert _kind_of("제주특별자치도", rs) == "특별자치도"
    assert _kind_of("경기도", rs) == "도"
    assert _kind_of("시", rs) is None


# ── 인증 실적 and the purpose (별지 제1호서식; 지침 II. 기존 인증부여 대상의 타당성 검토) ──


@pytest.mark.slow
def test_sample_certification_history_is_read_from_the_form(truth: dict[str, Any]) -> None:
    facts = map_application(bundle_docs(truth))
    app = truth["applicant"]
    assert facts.history_text == app["track_record"]
    loc = facts.locations["history"]
    assert (loc.file, loc.page) == (app["file"], app["page"])
    if "등급 상향" in app["track_record"]:  # '2023년 스마트도시 인증 3등급 (등급 상향 신청)'
        assert [(h.year, h.grade) for h in facts.history] == [(2023, int(
            app["track_record"].split("등급")[0][-1]))]
        assert facts.purpose == "grade_upgrade"
    else:  # '해당 없음 (신규 신청)'
        assert facts.history == [] and facts.purpose == "new"
    fields = facts.submission_fields()
    assert fields["certification_history_source"] == loc and fields["purpose"] == facts.purpose


def test_form_table_with_certification_history(tmp_path: Path) -> None:
    path = _docx(tmp_path / "신청서.docx", ["스마트도시 인증 신청서"], [
        ["인증 신청 기관", "기관명", "오산시", "사업자(법인)등록번호", "124-83-02417"],
        ["", "대표자", "오산시장", "전화번호", "031-370-2114"],
        ["", "주 소", "경기도 오산시 시청로 100", "", ""],
        ["인증 실적", "2022년 스마트도시 인증(중소도시), 2024년 재인증 (등급유지)", "", "", ""],
    ])
    facts = map_application([(extract_file(path), K.APPLICATION)])
    assert facts.applicant == "오산시" and facts.applicant_basis == "label"
    assert [h.year for h in facts.history] == [2022, 2024]
    assert facts.history[0].text == "2022년 스마트도시 인증(중소도시)"
    assert facts.purpose == "grade_maintenance"


def test_history_and_purpose_words() -> None:
    from smartcert.schemas.mapping.application_history import parse_history, purpose_of

    rs = load_ruleset()
    assert parse_history("해당 없음 (신규 신청)", rs) == [] and parse_history("-", rs) == []
    [h] = parse_history("'23년 스마트도시 인증 2등급", rs)
    assert (h.year, h.grade) == (2023, 2)
    [h] = parse_history("스마트도시 인증 있음", rs)  # kept, but cannot be placed
    assert h.year is None
    assert purpose_of(["2023년 인증 3등급 (등급 상향 신청)"], rs) == "grade_upgrade"
    assert purpose_of(["등급유지 또는 등급상향 중 택일"], rs) is None  # both: undecided
    assert purpose_of(["2022년 스마트도시 인증 (중소도시)"], rs) is None


def test_company_name_keeps_its_legal_mark(tmp_path: Path) -> None:
    path = _docx(tmp_path / "신청서.docx", [], [["기관명", "(주)스마트시티솔루션 (대표 김○○)"]])
    facts = map_application([(extract_file(path), K.APPLICATION)])
    assert facts.applicant == "(주)스마트시티솔루션"


def test_operator_purpose_overrides_the_application_with_a_note() -> None:
    from smartcert.schemas.mapping.application_history import override_purpose

    sub = Submission(id="test", purpose="grade_upgrade")
    override_purpose(sub, None)
    assert sub.purpose == "grade_upgrade" and sub.notes == []
    override_purpose(sub, "grade_maintenance")
    assert sub.purpose == "grade_maintenance"
    [note] = sub.notes
    assert "등급상향" in note and "등급유지" in note
    unread = Submission(id="test")
    override_purpose(unread, "grade_upgrade")
    assert unread.purpose == "grade_upgrade" and unread.notes == []
