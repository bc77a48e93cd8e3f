"""Mapping a service-certification application (seed 003) into a ServiceSubmission: the
sample bundles (samples/service/bundles, PDFs) against their truth files, and Word forms
built from the seed's own layouts — the 신청서 with other tick styles (the ticked box is
read, not guessed) and the 자체평가표 as the call prints it (its numbering slips and its
unscored 2.2.2.2 row)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from docx import Document as Docx

from smartcert.core.findings import Severity
from smartcert.core.values import PartialDate
from smartcert.extractors.api import extract_file
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import load_service_ruleset
from smartcert.schemas.claims import Basis
from smartcert.schemas.mapping.service import ServiceMapped, map_service_submission
from smartcert.schemas.mapping.service.ticks import boxes
from smartcert.schemas.service_claims import CitedFact, SelfScore

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "service" / "bundles"
TRUTH = ROOT / "samples" / "service" / "truth"
NAMES = ("service-l1-clean", "service-l2-clean", "service-l3-clean", "service-l1-planted")
RS = load_service_ruleset("service-2023")
KINDS = {"privacy_consent": "consent"}  # the truth's kind names → ServiceDocumentKind
FIELDS = {"교통": "transport", "환경·에너지": "environment_energy"}


def _truth(name: str) -> dict[str, Any]:
    return json.loads((TRUTH / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def mapped() -> dict[str, ServiceMapped]:
    if not all((BUNDLES / n).is_dir() and (TRUTH / f"{n}.json").is_file() for n in NAMES):
        pytest.skip("service sample bundles not drawn (python -m samples.service)")
    out = {}
    for name in NAMES:
        docs = [extract_file(p) for p in sorted((BUNDLES / name).iterdir())]
        out[name] = map_service_submission(name, docs, RS)
    return out


# ── the sample bundles ────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", NAMES)
def test_documents_are_classified_by_content(mapped: dict[str, ServiceMapped], name: str) -> None:
    got = {d.file: d.kind.value for d in mapped[name].submission.documents}
    assert got == {d["file"]: KINDS.get(d["kind"], d["kind"]) for d in _truth(name)["documents"]}


@pytest.mark.parametrize("name", NAMES)
def test_applicant_field_and_level_are_read_from_the_form(
        mapped: dict[str, ServiceMapped], name: str) -> None:
    sub, t = mapped[name].submission, _truth(name)
    a, s = t["applicant"], t["service"]
    assert (sub.applicant, sub.business_no) == (a["name"], a["reg_no"])
    assert sub.representative == f"{a['head_title']} {a['head']}"
    assert (sub.service_name, sub.service_name_en) == (s["name"], s["name_en"])
    assert sub.track_record == s["track_record"]
    assert sub.application_date == PartialDate(**dict(zip(
        ("year", "month", "day"), map(int, t["submitted"].split("-")), strict=True)))
    assert sub.applicant_kind_choice is not None
    assert sub.applicant_kind_choice.text == a["org_kind_printed"]
    # the ticked boxes of [별지 제3호서식], where the form prints them
    assert sub.field is not None and sub.level is not None
    assert sub.field.id == FIELDS[s["field"]] and sub.level.id == s["level"]
    for choice in (sub.field, sub.level):
        assert choice.basis is Basis.LABEL
        assert choice.location is not None and choice.location.file == a["file"]
        assert choice.location.page == a["page"] and choice.location.bbox is not None
    assert sub.level.text == RS.level(s["level"]).name
    assert sub.locations["applicant"].file == a["file"]
    assert sub.locations["applicant"].page == a["page"]
    assert sub.partners == [j["name"] for j in t["joint_applicants"]]
    assert sub.joint is bool(t["joint_applicants"])
    assert mapped[name].findings == []  # nothing the reading itself reveals


def _scores(sub_scores: list[SelfScore]) -> dict[str, SelfScore]:
    return {s.row: s for s in sub_scores}


@pytest.mark.parametrize("name", NAMES)
def test_every_self_score_and_subtotal(mapped: dict[str, ServiceMapped], name: str) -> None:
    sub, t = mapped[name].submission, _truth(name)
    sa_file = next(d["file"] for d in t["documents"] if d["kind"] == "self_assessment")
    got = _scores(sub.self_scores)
    want = {x["code"]: (it, x) for it in t["items"] for x in it["sub_items"]}
    for row, (it, x) in want.items():
        s = got[row]
        assert (s.item, s.criterion) == (it["code"], row), row
        assert s.score == Decimal(str(x["self_score"])), row
        assert s.points_printed == Decimal(str(x["points"])), row
        assert s.location is not None and s.location.file == sa_file
        assert s.location.page == x["self_assessment_page"], row
    # the other levels' blocks are printed blank ('평가항목 중 택1')
    assert all(s.score is None and s.score_text == "" for r, s in got.items() if r not in want)
    level_group = RS.level(t["service"]["level"]).group
    for g, v in t["subtotals"].items():
        st = sub.subtotal(level_group if g == "2" else g)
        assert st is not None and st.value == Decimal(str(v["printed"])), g
        assert st.location is not None and st.location.page == v["self_assessment_page"]
    total = sub.subtotal("total")
    assert total is not None and total.value == Decimal(str(t["total"]["printed"]))
    assert total.location is not None and total.location.page == t["total"]["self_assessment_page"]
    verdict = {v.group: v.value for v in sub.verdict}
    assert verdict == {**{(level_group if g == "2" else g): Decimal(str(v["printed"]))
                          for g, v in t["subtotals"].items()},
                       "total": Decimal(str(t["total"]["printed"]))}


def _survey(label: str) -> tuple[str, str | None]:
    return "survey", label


# truth fact name pattern → (kind, label or None) of the CitedFact that reads it, and what
# the fact's value must equal: 'number', 'date', 'text' (contained) or None (page only)
FACTS: list[tuple[str, tuple[str, str | None], str | None]] = [
    (r"S-11[12]\.survey\.period$", _survey("조사기간"), "end"),
    (r"S-11[12]\.survey\.n$", _survey("표본 수"), "number"),
    (r"S-11[12]\.survey\.confidence$", _survey("신뢰수준"), "number"),
    (r"S-11[12]\.survey\.margin$", _survey("오차범위"), "number"),
    (r"S-11[12]\.survey\.population$", _survey("모집단"), "number"),
    (r"S-11[12]\.survey\.agency$", _survey("조사기관"), "text"),
    (r"S-111\.survey\.aware$", _survey("인지 응답"), "number"),
    (r"S-112\.survey\.mean$", _survey("만족도 평균"), "number"),
    (r"S-112\.app\.(Google Play|App Store)$", ("rating", None), "number"),
    (r"S-1[12]1\.press\.\d+\.date$", ("press", "언론사"), "date"),
    (r"S-1[12]1\.press\.\d+\.outlet$", ("press", "언론사"), "text"),
    (r"S-121\.report\.date$", ("report", "발행일"), "date"),
    (r"S-121\.report\.improvement$", ("improvement", None), "number"),
    (r"S-121\.report\.(before|after)$", ("improvement", None), None),
    (r"S-122\.ip\.\d+\.no$", ("patent", None), "text"),
    (r"S-122\.rnd\.staff$", ("rnd_staff", None), "number"),
    (r"S-123\.jobs\.local$", ("jobs", None), None),
    (r"S-131\.(before|after)\.\d+\.date$", ("participation", None), "date"),
    (r"S-133\.fnpv$", ("fnpv", "FNPV"), "number"),
    (r"S-133\.discount_rate$", ("fnpv", "할인율"), "number"),
    (r"S-311\.external$", ("external_data", None), "number"),
    (r"S-311\.api_formats$", ("open_api", None), None),
    (r"S-312\.cert\.no$", ("certificate", "인증번호"), "text"),
    (r"S-312\.cert\.valid_from$", ("certificate", "유효기간 시작"), "date"),
    (r"S-312\.cert\.valid_to$", ("certificate", "유효기간 종료"), "date"),
    (r"S-322\.manuals$", ("manuals", None), "number"),
    (r"S-323\.paid_libraries$", ("paid_libraries", None), "number"),
    (r"S-331\.date$", ("security_check", "점검일"), "date"),
    (r"S-331\.checked$", ("security_check", "점검 항목 수"), "number"),
    (r"S-331\.tools$", ("security_check", "진단도구"), "number"),
    (r"S-332\.officer$", ("security_response", None), "text"),
]


def _matches(f: CitedFact, fact: dict[str, Any], want: str | None) -> bool:
    v = fact["value"]
    if want == "number":
        return f.number is not None and f.number == Decimal(str(v))
    if want in ("date", "end"):
        iso = v["end"] if want == "end" else v
        return f.date is not None and str(f.date) == iso
    if want == "text":
        return str(v) in f.text
    return True


@pytest.mark.parametrize("name", NAMES)
def test_cited_facts_are_found_on_their_pages(mapped: dict[str, ServiceMapped], name: str) -> None:
    sub, t = mapped[name].submission, _truth(name)
    prop = next(d["file"] for d in t["documents"] if d["kind"] == "proposal")
    checked = 0
    for fact in t["facts"]:
        spec = next(((k, w) for pat, k, w in FACTS if re.search(pat, fact["name"])), None)
        pages = {p["page"] for p in fact["printed"] if p["file"] == prop}
        if spec is None or not pages:
            continue  # S-2xx figures and evidence-only facts are not cited facts here
        (kind, label), want = spec
        hits = [f for f in sub.facts if f.item == fact["item"] and f.kind == kind
                and (label is None or f.label == label) and f.location is not None
                and f.location.file == prop and f.location.page in pages
                and _matches(f, fact, want)]
        assert hits, (fact["name"], fact["value"], pages)
        checked += 1
    assert checked >= 20
    assert all(f.item and f.location and f.location.bbox for f in sub.facts)


def test_the_planted_bundle_prints_its_edited_facts(mapped: dict[str, ServiceMapped]) -> None:
    facts = mapped["service-l1-planted"].submission.facts
    n = [f.number for f in facts if f.item == "S-112" and f.label == "표본 수"]
    valid = [str(f.date) for f in facts if f.item == "S-312" and f.label == "유효기간 종료"]
    survey = [str(f.date) for f in facts if f.item == "S-111" and f.label == "조사기간"]
    assert (n, valid, survey) == ([Decimal(212)], ["2022-08-31"], ["2020-08-21"])
    press = [f for f in facts if f.kind == "press" and f.item == "S-111"]
    assert press and all(f.attributes.get("매체분류") for f in press)
    (effect,) = [f for f in facts if f.item == "S-121" and f.label == "개선 효과"]
    assert effect.number == 40 and str(effect.date) == "2023-05-17"


# ── the 신청서 as Word, ticked in other styles ─────────────────────────────────

FORM_HEAD = ["■ 스마트도시 및 스마트도시서비스 인증 운영지침 [별지 제3호서식]",
             "스마트도시서비스 인증 신청서", "(앞 쪽)"]
DECLARATION = ("「스마트도시 조성 및 산업진흥 등에 관한 법률」 제32조 및 같은 법 시행령 제31조에 따라 "
               "위와 같이 스마트도시서비스 인증을 신청합니다.")
FIELD_CHOICES = RS.eligibility.fields.form_choices
LEVEL_NAMES = ["단위 서비스", "네트워크 연계 서비스", "데이터허브 기반 서비스"]


def _boxes(labels: list[str], on: set[str], tick: str, empty: str) -> str:
    return "  ".join(f"{tick if lab in on else empty} {lab}" for lab in labels)


def application_docx(path: Path, field_cell: str, level_cell: str,
                     letter: list[list[str]] | None = None,
                     level_row: list[str] | None = None) -> Path:
    """The seed's [별지 제3호서식] (lines 650–699) filled for ㈜누리모빌리티; `letter`: a cover
    letter's 신청 개요 table before it; `level_row`: the 신청 서비스 수준 row as cells."""
    doc = Docx()
    if letter:
        doc.add_paragraph("제목  「2023년 스마트도시 서비스 인증」 신청")
        t = doc.add_table(rows=len(letter), cols=2)
        for r, (k, v) in enumerate(letter):
            t.cell(r, 0).text, t.cell(r, 1).text = k, v
    for line in FORM_HEAD:
        doc.add_paragraph(line)
    rows = [
        ["신청 기관", "기관명", "㈜누리모빌리티", "사업자(법인)등록번호", "214-86-52731"],
        ["", "대표자", "대표이사 김도윤", "전화번호", "043-910-5100"],
        ["", "주 소", "충청북도 다온시 중앙로 12", "", ""],
        ["서비스 명칭", "한 글", "다온 스마트 공영주차 안내 서비스", "", ""],
        ["", "영 문", "Daon Smart Public Parking Guidance Service", "", ""],
        ["신청 분야", field_cell, "", "", ""],
        level_row or ["신청 서비스 수준", level_cell, "", "", ""],
        ["인증 실적", "해당 없음", "", "", ""],
    ]
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.add_paragraph(DECLARATION)
    doc.add_paragraph("2023년 10월 25일")
    doc.add_paragraph("신청인(대표자) ㈜누리모빌리티 대표이사 김도윤 (서명 또는 인)")
    doc.save(str(path))
    return path


def _map(*docs: DocumentExtract) -> ServiceMapped:
    return map_service_submission("svc-docx", list(docs), RS)


STYLES = [("[V]", "[ ]", "L2"), ("[■]", "[  ]", "L3"), ("☑", "☐", "L1"), ("[O]", "[ ]", "L3"),
          ("■", "□", "L2"), ("[✓]", "[ ]", "L1"), ("[v]", "[ ]", "L3"), ("[√]", "[ ]", "L2")]


@pytest.mark.parametrize(("tick", "empty", "level"), STYLES)
def test_the_ticked_box_is_read_in_any_tick_style(
        tmp_path: Path, tick: str, empty: str, level: str) -> None:
    name = RS.level(level).name
    fld = "교통" if level != "L2" else "환경·에너지·수자원"
    path = application_docx(tmp_path / "1. 인증 신청서.docx",
                            _boxes(list(FIELD_CHOICES), {fld}, tick, empty),
                            _boxes(LEVEL_NAMES, {name}, tick, empty))
    m = _map(extract_file(path))
    sub = m.submission
    assert [d.kind.value for d in sub.documents] == ["application"]
    assert sub.level is not None and (sub.level.id, sub.level.text) == (level, name)
    assert sub.level.basis is Basis.LABEL and sub.level.location is not None
    assert sub.level.location.file == path.name
    assert sub.field is not None and sub.field.text == fld
    assert sub.field.id == ("transport" if fld == "교통" else "environment_energy")
    assert (sub.applicant, sub.business_no) == ("㈜누리모빌리티", "214-86-52731")
    assert sub.service_name == "다온 스마트 공영주차 안내 서비스"
    assert sub.application_date == PartialDate(year=2023, month=10, day=25)
    assert m.findings == []


def test_a_box_printed_in_its_own_cell_is_read(tmp_path: Path) -> None:
    row = ["신청 서비스 수준", "[ ]", "단위 서비스", "[V]", "네트워크 연계 서비스", "[ ]",
           "데이터허브 기반 서비스"]
    path = application_docx(tmp_path / "신청서.docx", "[V] 교통  [ ] 행정", "", level_row=row)
    sub = _map(extract_file(path)).submission
    assert sub.level is not None and sub.level.id == "L2" and sub.level.basis is Basis.LABEL
    assert sub.field is not None and sub.field.id == "transport"


def test_the_form_beats_what_a_cover_letter_says(tmp_path: Path) -> None:
    """Not guessed from the letter's words: the form ticks 단위 서비스."""
    letter = [["신청기관", "㈜누리모빌리티"], ["서비스 수준", "네트워크 연계 서비스(L2)"],
              ["인증분야", "환경·에너지"]]
    path = application_docx(tmp_path / "신청서.docx",
                            _boxes(list(FIELD_CHOICES), {"교통"}, "[V]", "[ ]"),
                            _boxes(LEVEL_NAMES, {"단위 서비스"}, "[V]", "[ ]"), letter=letter)
    sub = _map(extract_file(path)).submission
    assert sub.level is not None and (sub.level.id, sub.level.basis) == ("L1", Basis.LABEL)
    assert sub.field is not None and sub.field.id == "transport"


def test_no_box_ticked_is_reported_and_the_letter_only_stands_in(tmp_path: Path) -> None:
    fields = _boxes(list(FIELD_CHOICES), set(), "[V]", "[ ]")
    levels = _boxes(LEVEL_NAMES, set(), "[V]", "[ ]")
    alone = _map(extract_file(application_docx(tmp_path / "a.docx", fields, levels)))
    assert alone.submission.level is None and alone.submission.field is None
    rules = {f.rule: f for f in alone.findings}
    assert set(rules) == {"completeness.no-level-ticked", "completeness.no-field-ticked"}
    assert all(f.severity is Severity.WARNING for f in rules.values())
    assert "확인할 수 없습니다" in rules["completeness.no-level-ticked"].message
    letter = [["서비스 수준", "네트워크 연계 서비스(L2)"]]
    helped = _map(extract_file(application_docx(tmp_path / "b.docx", fields, levels, letter)))
    lv = helped.submission.level
    assert lv is not None and (lv.id, lv.basis) == ("L2", Basis.FUZZY)
    (f,) = [f for f in helped.findings if f.rule == "completeness.no-level-ticked"]
    assert "네트워크 연계 서비스(L2)" in f.message


def test_two_levels_ticked_is_an_eligibility_error(tmp_path: Path) -> None:
    path = application_docx(tmp_path / "신청서.docx",
                            _boxes(list(FIELD_CHOICES), {"교통"}, "■", "□"),
                            _boxes(LEVEL_NAMES, {"단위 서비스", "네트워크 연계 서비스"}, "■", "□"))
    m = _map(extract_file(path))
    assert m.submission.level is None
    (f,) = m.findings
    assert (f.rule, f.severity) == ("eligibility.several-levels-ticked", Severity.ERROR)
    assert "단위 서비스, 네트워크 연계 서비스" in f.message and f.locations


def test_an_unusual_mark_is_read_but_not_trusted(tmp_path: Path) -> None:
    """'[1]' inside a box ticks it, but a finding built on it is a warning saying so."""
    fields = _boxes(list(FIELD_CHOICES), {"교통"}, "[V]", "[ ]")
    odd = application_docx(tmp_path / "a.docx", fields,
                           "[1] 단위 서비스  [V] 네트워크 연계 서비스  [ ] 데이터허브 기반 서비스")
    (f,) = _map(extract_file(odd)).findings
    assert (f.rule, f.severity) == ("eligibility.several-levels-ticked", Severity.WARNING)
    assert "확인 필요" in f.message and "'[1]'" in f.message
    alone = application_docx(tmp_path / "b.docx", fields,
                             "[ ] 단위 서비스  [1] 네트워크 연계 서비스  [ ] 데이터허브 기반 서비스")
    lv = _map(extract_file(alone)).submission.level
    assert lv is not None and (lv.id, lv.basis) == ("L2", Basis.FUZZY)


def test_box_parsing_keeps_words_in_parentheses() -> None:
    got = [(b.ticked, b.label, b.depth) for b in boxes(
        "□ 지자체 □ 대기업 ■ 중소기업(■ 벤처·이노비즈 □ 기타) □ 개인사업자 □ 기타")]
    assert got[2:5] == [(True, "중소기업", 0), (True, "벤처·이노비즈", 1), (False, "기타", 1)]
    assert [b.label for b in boxes("(V) 교통 ( ) 행정 ㈜누리(주)")] == ["교통", "행정 ㈜누리(주)"]


# ── the 자체평가표 as the call prints it ─────────────────────────────────────────


def self_assessment_docx(path: Path, scores: dict[str, str], extra: list[list[str]] = (),
                         applicant: str = "㈜누리모빌리티") -> Path:
    """The seed's form (lines 3269–3620) with its printed rows (documents.yaml), a score
    per printed row given, the '(…) 계' rows and the 평가결과 판정 block."""
    doc = Docx()
    doc.add_paragraph("스마트 서비스 인증 자체평가표")
    doc.add_paragraph("□ 서비스명 : 다온 스마트 공영주차 안내 서비스")
    doc.add_paragraph(f"□ 신청기관 : {applicant}")
    rows = [["평가항목", "세부 평가항목", "내용", "배점", "평가점수"]]
    blocks = {"1": "(1. 스마트 도시 부합성) 계", "2.1": "(2.1 단위 서비스) 계",
              "2.2": "(2.2 네트워크 연계 서비스) 계", "2.3": "(2.3 데이터 허브기반 서비스) 계",
              "3": "(3. 운영) 계"}
    printed = RS.documents.self_assessment.rows
    for i, r in enumerate(printed):
        rows.append([r.printed[:3], r.printed, r.text, f"{r.points:g}", scores.get(r.printed, "")])
        block = r.printed[:3] if r.printed.startswith("2.") else r.printed[0]
        nxt = printed[i + 1].printed if i + 1 < len(printed) else ""
        nxt_block = nxt[:3] if nxt.startswith("2.") else nxt[:1]
        if nxt_block != block:
            total = sum(Decimal(scores[x.printed]) for x in printed
                        if x.printed in scores and score_ok(scores[x.printed])
                        and (x.printed[:3] if x.printed.startswith("2.") else x.printed[0]) == block)
            rows.append([blocks[block], "", "", "", f"{total:g}" if total else ""])
    rows += extra
    t = doc.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    doc.add_paragraph("□ 평가항목 및 배점")
    verdict = [["평가결과 판정", "", "자체평가점수", ""], ["", "", "점수", "과락"],
               ["1. 스마트 도시 부합성", "", "27", "15"], ["2. 구성 및 기능", "2.1 단위 서비스", "", "30"],
               ["", "2.2 네트워크 연계 서비스", "44", "30"], ["", "2.3 데이터허브 기반 서비스", "", "30"],
               ["3. 운영", "", "18", "10"], ["합계", "단위서비스", "", ""],
               ["", "네트워크 연계서비스", "89", ""], ["", "데이터허브 기반 서비스", "", ""]]
    v = doc.add_table(rows=len(verdict), cols=4)
    for (r0, c0), (r1, c1) in (((0, 0), (1, 1)), ((0, 2), (0, 3)), ((2, 0), (2, 1)),
                               ((3, 0), (5, 0)), ((6, 0), (6, 1)), ((7, 0), (9, 0))):
        v.cell(r0, c0).merge(v.cell(r1, c1))  # merged as the form prints them
    for r, row in enumerate(verdict):
        for c, text in enumerate(row):
            if text:
                v.cell(r, c).text = text
    doc.save(str(path))
    return path


def score_ok(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def _l2_scores() -> dict[str, str]:
    """Every printed row of 부합성, 네트워크 연계 서비스 (with the form's extra 2.2.2.2) and 운영."""
    rows = [r for r in RS.documents.self_assessment.rows
            if r.printed[0] in "13" or r.printed.startswith("2.2.")]
    return {r.printed: f"{max(r.points - 1, 1):g}" for r in rows}


def test_the_forms_own_numbering_is_read_as_the_criteria(tmp_path: Path) -> None:
    path = self_assessment_docx(tmp_path / "3. 자체평가표.docx", _l2_scores())
    m = _map(extract_file(path))
    sub = m.submission
    assert [d.kind.value for d in sub.documents] == ["self_assessment"]
    got = _scores(sub.self_scores)
    assert len(got) == len(RS.documents.self_assessment.rows) == 54
    expect = {"1.3.4.1": ("S-133", "1.3.3.1"), "2.2.2.3": ("S-222", "2.2.2.2"),
              "2.2.5.1": ("S-224", "2.2.4.1"), "2.2.5.2": ("S-224", "2.2.4.2"),
              "2.3.6.4": ("S-235", "2.3.5.4"), "2.2.1.1": ("S-221", "2.2.1.1")}
    for row, (item, criterion) in expect.items():
        assert (got[row].item, got[row].criterion) == (item, criterion), row
    assert got["3.1.1.1"].points_printed == 3  # the form's points stay on its row
    assert got["2.2.2.3"].score == Decimal(2) and got["2.3.6.4"].score is None
    # the form's 2.2.2.2 counts for no criterion: reported, not scored
    assert (got["2.2.2.2"].item, got["2.2.2.2"].criterion) == (None, None)
    (f,) = m.findings
    assert (f.rule, f.severity) == ("completeness.unscored-self-row", Severity.INFO)
    assert "2.2.2.2" in f.message and "제3자에게 공유" in f.message
    assert {s.group for s in sub.subtotals} == {"1", "2.2", "3", "total"}
    assert sub.subtotal("total") is not None and sub.subtotal("total").value == 89
    assert {v.group: v.value for v in sub.verdict} == {"1": 27, "2.2": 44, "3": 18, "total": 89}


def test_a_level_is_inferred_from_the_scored_block_only_with_a_warning(tmp_path: Path) -> None:
    app = application_docx(tmp_path / "1. 신청서.docx",
                           _boxes(list(FIELD_CHOICES), {"교통"}, "[V]", "[ ]"),
                           _boxes(LEVEL_NAMES, set(), "[V]", "[ ]"))
    sa = self_assessment_docx(tmp_path / "3. 자체평가표.docx", _l2_scores())
    m = _map(extract_file(app), extract_file(sa))
    lv = m.submission.level
    assert lv is not None and (lv.id, lv.basis) == ("L2", Basis.FUZZY)
    (f,) = [f for f in m.findings if f.rule == "completeness.no-level-ticked"]
    assert "2.2 네트워크 연계 서비스" in f.message


def test_unreadable_and_unknown_rows_are_findings(tmp_path: Path) -> None:
    scores = {**_l2_scores(), "1.2.1.1": "4점(예정)"}
    extra = [["1.4", "1.4.1.1", "해당 서비스는 탄소중립에 기여한다.", "2", "2"]]
    m = _map(extract_file(self_assessment_docx(tmp_path / "자체평가표.docx", scores, extra)))
    s = _scores(m.submission.self_scores)["1.2.1.1"]
    assert (s.score, s.score_text) == (None, "4점(예정)")
    rules = [f.rule for f in m.findings]
    assert rules.count("completeness.unreadable-self-score") == 1
    assert rules.count("completeness.unknown-self-row") == 1
    (bad,) = [f for f in m.findings if f.rule == "completeness.unreadable-self-score"]
    assert "1.2.1.1" in bad.message and "4점(예정)" in bad.message


def test_documents_naming_the_applicant_differently_are_a_finding(tmp_path: Path) -> None:
    app = application_docx(tmp_path / "1. 신청서.docx",
                           _boxes(list(FIELD_CHOICES), {"교통"}, "[V]", "[ ]"),
                           _boxes(LEVEL_NAMES, {"네트워크 연계 서비스"}, "[V]", "[ ]"))
    same = self_assessment_docx(tmp_path / "s1.docx", _l2_scores(), applicant="누리모빌리티 주식회사")
    other = self_assessment_docx(tmp_path / "s2.docx", _l2_scores(), applicant="㈜다온모빌리티")
    quiet = _map(extract_file(app), extract_file(same))
    assert [f.rule for f in quiet.findings] == ["completeness.unscored-self-row"]
    loud = _map(extract_file(app), extract_file(other))
    (f,) = [f for f in loud.findings if f.rule == "consistency.service-facts-differ"]
    assert "㈜누리모빌리티" in f.message and "㈜다온모빌리티" in f.message


# ── the 평가제안서 as Word: its cover and the S-page heads the call prints ─────────


def proposal_docx(path: Path, cover_field: str) -> Path:
    """The seed's cover (lines 815–853) and two sections headed as the S-pages are
    (평가분야 / 평가지표 / 세부평가항목, lines 856–862), each with the table of a fact."""
    doc = Docx()
    doc.add_paragraph("스마트도시서비스 인증 평가제안서")

    def table(rows: list[list[str]]) -> None:
        t = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                t.cell(r, c).text = text

    table([["기관명", "㈜누리모빌리티", "대표자", "대표이사 김도윤", ""],
           ["기관유형", "□ 지자체 □ 대기업 ■ 중소기업(□ 벤처․이노비즈 ■ 기타) □ 개인사업자 □ 기타",
            "", "", ""],
           ["인증분야", cover_field, "", "", ""],
           ["작성책임자", "성 명", "박서연", "직 위", "사업개발팀장"],
           ["서비스명", "다온 스마트 공영주차 안내 서비스", "", "", ""]])
    doc.add_paragraph("본 기관은 제출한 제반서류의 내용이 사실과 다름이 없음을 확인하며, "
                      "스마트도시 서비스 인증을 신청합니다.")
    table([["평가분야", "1. 스마트 도시 부합성"], ["평가지표", "1.1. 삶의 질 개선"],
           ["세부평가항목", "1.1.1. 시민체감도 향상"]])
    table([["조사기간", "2023. 6. 12. ~ 2023. 6. 23."], ["표본크기", "400명"],
           ["신뢰수준", "95%"], ["오차범위", "±4.9%"]])
    table([["평가분야", "3. 운영"], ["평가지표", "3.1. 운영 용이성"],
           ["세부평가항목", "3.1.2. 웹/모바일 접근성"]])
    table([["인증번호", "WA-2021-0901-0266"], ["유효기간", "2021. 9. 1. ~ 2022. 8. 31."]])
    doc.save(str(path))
    return path


def test_the_proposal_cover_and_its_sections(tmp_path: Path) -> None:
    fields = _boxes(list(FIELD_CHOICES), {"교통"}, "■", "□")
    m = _map(extract_file(proposal_docx(tmp_path / "2. 평가제안서.docx", fields)))
    sub = m.submission
    assert [d.kind.value for d in sub.documents] == ["proposal"]
    assert (sub.author, sub.author_position) == ("박서연", "사업개발팀장")
    kind = sub.applicant_kind_choice
    assert kind is not None and (kind.text, kind.id, sub.applicant_kind) == (
        "중소기업(기타)", "company", "기업")
    facts = {(f.item, f.label): f for f in sub.facts}
    assert facts[("S-111", "표본 수")].number == 400
    assert str(facts[("S-111", "조사기간")].date) == "2023-06-23"
    assert facts[("S-111", "오차범위")].number == Decimal("4.9")
    assert str(facts[("S-312", "유효기간")].date) == "2022-08-31"
    assert facts[("S-312", "인증번호")].text == "WA-2021-0901-0266"
    # no 신청서 in the bundle: the cover's ticked 인증분야 stands, and no finding about it
    assert sub.field is not None and (sub.field.id, sub.field.basis) == ("transport", Basis.LABEL)
    assert m.findings == []


def test_the_cover_fills_in_and_is_checked_against_the_form(tmp_path: Path) -> None:
    levels = _boxes(LEVEL_NAMES, {"단위 서비스"}, "[V]", "[ ]")
    cover = extract_file(proposal_docx(tmp_path / "2. 평가제안서.docx",
                                       _boxes(list(FIELD_CHOICES), {"교통"}, "■", "□")))
    blank = application_docx(tmp_path / "1. 신청서.docx",
                             _boxes(list(FIELD_CHOICES), set(), "[V]", "[ ]"), levels)
    m = _map(extract_file(blank), cover)
    assert m.submission.field is not None and m.submission.field.id == "transport"
    (f,) = m.findings
    assert f.rule == "completeness.no-field-ticked" and "평가제안서 표지" in f.message
    other = application_docx(tmp_path / "1-1. 신청서.docx",
                             _boxes(list(FIELD_CHOICES), {"환경·에너지·수자원"}, "[V]", "[ ]"),
                             levels)
    m = _map(extract_file(other), cover)
    assert m.submission.field is not None and m.submission.field.id == "environment_energy"
    (f,) = m.findings
    assert (f.rule, f.severity) == ("consistency.service-facts-differ", Severity.WARNING)
    assert "환경·에너지·수자원" in f.message and "교통" in f.message
