"""The summary table → claims (schemas/mapping/summary.py), on the sample bundles (every
truth indicator, value, unit and source) and on small hand-built layout variants."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartcert.core.files.media import MediaType
from smartcert.core.normalize import match_key
from smartcert.extractors.api import extract_file
from smartcert.extractors.models import (
    Cell,
    DocumentExtract,
    ExtractorInfo,
    Page,
    Region,
    Span,
    Table,
)
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import Document, DocumentKind, Submission
from smartcert.schemas.mapping.codes import normalise_code
from smartcert.schemas.mapping.forms import map_forms
from smartcert.schemas.mapping.summary import map_summary
from smartcert.validators.registry import RULES
from smartcert.validators.rule import CheckContext
from smartcert.validators.run import run_rules

ROOT = Path(__file__).resolve().parent.parent
TRUTHS = sorted((ROOT / "samples" / "truth").glob("*.json"))
RS = load_ruleset("city-2025")


# ── sample bundles ──


def load_truth(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def proposal_doc(truth: dict[str, Any]) -> dict[str, Any]:
    return next(d for d in truth["documents"] if d["kind"] == "quantitative_proposal")


@cache
def proposal_extract(truth_path: Path) -> DocumentExtract:
    """The bundle's 정량지표 평가제안서, extracted once per test session."""
    truth = load_truth(truth_path)
    path = ROOT / "samples" / "bundles" / truth["bundle"] / proposal_doc(truth)["file"]
    return extract_file(path)


def same_value(got: object, want: object) -> bool:
    if want is None or isinstance(want, bool):
        return got is want
    return isinstance(got, Decimal) and got == Decimal(str(want))


@pytest.fixture(params=TRUTHS, ids=lambda p: p.stem)
def bundle(request: pytest.FixtureRequest) -> tuple[dict[str, Any], DocumentExtract]:
    return load_truth(request.param), proposal_extract(request.param)


def test_every_truth_indicator_is_claimed_with_value_unit_and_source(
        bundle: tuple[dict[str, Any], DocumentExtract]) -> None:
    truth, doc = bundle
    claims, findings = map_summary(doc, RS)
    by_code = {c.code: c for c in claims}
    wrong = []
    for t in truth["indicators"]:
        c = by_code.get(t["code"])
        if c is None:
            wrong.append((t["code"], "missing"))
            continue
        src = c.source
        where_ok = src is not None and (
            (src.sheet, src.cell) == (t["sheet"], t["cell"]) if t.get("sheet")
            # a Word body has no page geometry: the page (1) is all a location can say
            else src.page == t["page"] and (src.bbox is not None or bool(t.get("table"))))
        ev_ok = (c.evidence_pages.raw.strip() or None) == t["evidence_pages"] if t[
            "evidence_pages"] else c.evidence_pages is not None and c.evidence_pages.is_empty
        pages_ok = c.evidence_pages is not None and c.evidence_pages.pages() == t[
            "evidence_page_list"]
        if not (same_value(c.value, t["value"]) and c.unit == t["unit"] and where_ok
                and ev_ok and pages_ok):
            wrong.append((t["code"], c.value, c.unit, src, c.evidence_pages))
    assert wrong == []  # 100 %: the acceptance bar
    assert [c.code for c in claims] == [t["code"] for t in truth["indicators"]]
    # rows printed without their code, or with a wrong one, are reported — and only those
    misprinted = {t["code"] for t in truth["indicators"]
                  if normalise_code(t.get("printed_code", t["code"])) != t["code"]}
    assert {f.rule for f in findings} <= {"completeness.indicator-code-inferred",
                                          "completeness.code-name-mismatch"}
    assert sorted(f.indicator for f in findings) == sorted(misprinted)


def test_bundle_claims_keep_printed_text(bundle: tuple[dict[str, Any], DocumentExtract]) -> None:
    truth, doc = bundle
    claims, _ = map_summary(doc, RS)
    for c, t in zip(claims, truth["indicators"], strict=True):
        assert match_key(c.text or "") == match_key(t["text"])
        assert match_key(c.name_as_printed or "") == match_key(t["name"])


# ── hand-built tables ──

INFO = ExtractorInfo(name="test", version="0")


def make_table(tid: str, rows: list[list[str | None]], *, page: int = 1, top: float = 100.0,
               sheet: str | None = None, first_row: int = 1,
               row_pages: dict[int, int] | None = None) -> Table:
    """A table from a text grid: None = covered by the cell above, '<' = by the cell to the
    left, '' = an empty cell. PDF tables get boxes (20 pt rows, 80 pt columns); a sheet gets
    refs starting at row `first_row`. `row_pages` moves rows (and below) to later pages."""
    n_rows, n_cols = len(rows), max(len(r) for r in rows)
    cells: list[Cell] = []
    pages = sorted({page, *(row_pages or {}).values()})

    def page_of(r: int) -> int:
        got = page
        for start, p in sorted((row_pages or {}).items()):
            if r >= start:
                got = p
        return got

    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None or text == "<":
                continue
            cs = 1
            while c + cs < len(row) and row[c + cs] == "<":
                cs += 1
            rs = 1
            while r + rs < n_rows and c < len(rows[r + rs]) and rows[r + rs][c] is None:
                rs += 1
            y = top + r * 20 if page_of(r) == page else 60 + (r % 40) * 20
            cells.append(Cell(
                row=r, col=c, rowspan=rs, colspan=cs, text=text, key=match_key(text),
                bbox=None if sheet else (50 + c * 80, y, 50 + (c + cs) * 80, y + rs * 20),
                page=None if sheet else page_of(r),
                ref=f"{chr(65 + c)}{first_row + r}" if sheet else None))
    bbox = None if sheet else (50.0, top, 50.0 + n_cols * 80, top + n_rows * 20)
    return Table(id=tid, pages=[1] if sheet else pages, sheet=sheet, n_rows=n_rows,
                 n_cols=n_cols, bbox=bbox, cells=cells,
                 regions=[] if sheet or bbox is None else [Region(page=page, bbox=bbox)])


def make_doc(tables: list[Table], spans: list[Span] | None = None, file: str = "제안서.pdf",
             sheets: list[str] | None = None) -> DocumentExtract:
    if sheets:
        pages = [Page(number=i + 1, sheet=s) for i, s in enumerate(sheets)]
        media = MediaType.XLSX
    else:
        n = max([p for t in tables for p in t.pages] + [s.page for s in spans or []] + [1])
        pages, media = [Page(number=i + 1) for i in range(n)], MediaType.PDF
    return DocumentExtract(extractor=INFO, file=file, sha256="0" * 64, size=1,
                           media_type=media, pages=pages, spans=spans or [], tables=tables)


def span(text: str, page: int, top: float, x: float = 56.0) -> Span:
    return Span(page=page, text=text, key=match_key(text), bbox=(x, top, x + 200, top + 10))


HEADER = ["분 류", "<", "지 표 명", "<", "작 성 지 표 요 약", "증 빙 페 이 지"]


def by_code(claims: list[Any]) -> dict[str, Any]:
    return {c.code: c for c in claims}


def test_reordered_columns_letter_spacing_and_code_variants() -> None:
    rows = [
        ["증 빙 페 이 지", "작성 지표 요약", "지표명", "<", "분류"],
        ["5-7", "6건", "A–1–2", "2년간 스마트도시 관련 표창 건수", "공공역량"],
        ["8", "성과관리시스템 (성과지표 7개)", "A-1 -3", "스마트도시 서비스 성과 관리 (KPI 등) 여부",
         None],
        ["25", "국내 12건, 국외 3건", "Ｂ－３－１", "2년간 스마트도시 관련 행사 개최 및 참여 건수",
         "참여네트워크"],
        ["29", "15억 3천만원", "B‐4‐3", "2년간 스마트도시 관련 민간 투자유치 규모", "재원조성"],
        ["44", "12천명", "c-3-1", "시민 참여 시스템 유무 및 참여자 수", "행정"],
    ]
    claims, findings = map_summary(make_doc([make_table("t1", rows, page=3)]), RS)
    got = {c.code: (c.value, c.unit, c.evidence_pages.pages()) for c in claims}
    assert got == {
        "A-1-2": (Decimal(6), "건", [5, 6, 7]),
        "A-1-3": (True, None, [8]),
        "B-3-1": (Decimal(15), "건", [25]),
        "B-4-3": (Decimal(1530), "백만원", [29]),
        "C-3-1": (Decimal(12), "천명", [44]),
    }
    assert findings == []
    first = claims[0].source
    assert first is not None and first.page == 3 and first.bbox == (50, 120, 370, 140)  # merged 분류 left out


def test_code_and_name_in_one_cell() -> None:
    rows = [["구분", "지표명", "작성 지표 요약", "증빙 페이지"],
            ["공공역량", "A-1-2 2년간 스마트도시 관련 표창 건수", "6건", "5"],
            ["", "[A-2-3] 2년간 리빙랩 운영 건수", "4건", "11"]]
    claims, findings = map_summary(make_doc([make_table("t", rows)]), RS)
    assert [(c.code, c.name_as_printed, c.value) for c in claims] == [
        ("A-1-2", "2년간 스마트도시 관련 표창 건수", Decimal(6)),
        ("A-2-3", "2년간 리빙랩 운영 건수", Decimal(4))]
    assert findings == []


def test_missing_or_mistyped_code_is_matched_by_name() -> None:
    rows = [HEADER,
            ["A. 혁신성", "공공역량", "", "2년간 스마트도시 관련 표창 건수", "6건", "5-7"],
            [None, None, "A-l-3", "스마트도시 서비스 성과관리(KPI 등) 여부", "시스템 O", "8"],
            [None, "민간시민역량", "A-2-9", "2년간 리빙랩 운영건수", "4건", "11"]]
    claims, findings = map_summary(make_doc([make_table("t", rows)]), RS)
    assert [c.code for c in claims] == ["A-1-2", "A-1-3", "A-2-3"]
    assert [f.rule for f in findings] == ["completeness.indicator-code-inferred"] * 3
    assert findings[1].claimed == "A-l-3" and findings[1].indicator == "A-1-3"
    assert all(f.locations and f.locations[0].page == 1 for f in findings)
    assert "A-2-3" in claims[2].notes[0]


def test_self_set_indicator_without_code_takes_the_area_of_its_row() -> None:
    rows = [HEADER,
            ["C. 서비스", "교통", "C-1-7", "전체 공공 주차장 주차면수 대비 스마트 공공주차장 주차면수",
             "27.63%", "36"],
            [None, None, "", "지자체 자체 설정 지표 제시", "스마트 버스정류장 42개소", "37"],
            [None, "안전", "", "지자체 자체 설정 지표 제시", "AI 횡단보도 28개소", "43"],
            [None, "환경 에너지", "", "지자체 자체 설정 지표", "BEMS 11개소", "52"]]
    claims, findings = map_summary(make_doc([make_table("t", rows)]), RS)
    assert [c.code for c in claims] == ["C-1-7", "C-1-8", "C-2-6", "C-9-3"]
    assert all(c.value is None and c.unit is None for c in claims[1:])
    assert {f.rule for f in findings} == {"completeness.indicator-code-inferred"}


def test_unknown_row_is_kept_and_reported() -> None:
    rows = [HEADER,
            ["A. 혁신성", "공공역량", "A-1-2", "2년간 스마트도시 관련 표창 건수", "6건", "5-7"],
            [None, None, "D-9-9", "스마트 반려동물 돌봄 서비스 수", "3개", "9"],
            [None, None, "", "드론 배송 시범 운영 실적", "12건", "10"]]
    claims, findings = map_summary(make_doc([make_table("t", rows)]), RS)
    assert [c.code for c in claims] == ["A-1-2", "D-9-9", "?"]
    unknown = claims[1]
    assert unknown.value == 3 and unknown.unit == "개" and unknown.notes
    assert unknown.name_as_printed == "스마트 반려동물 돌봄 서비스 수"
    assert findings == []  # the rows are kept as claims; the validator reports them
    reported = validated(claims)
    assert [f.rule for f in reported] == ["completeness.unknown-row"] * 2
    assert all(f.severity == "warning" and f.locations[0].page == 1 for f in reported)
    assert "D-9-9" in reported[0].message


def test_summary_in_two_tables_on_consecutive_pages_and_repeated_headers() -> None:
    first = make_table("t1", [
        HEADER,
        ["A. 혁신성", "공공역량", "A-1-1", "스마트도시 전담부서 지정 여부", "스마트도시과 (총원 14명)", "4"],
        [None, None, "A-1-2", "2년간 스마트도시 관련 표창 건수", "6건", "5-7"],
    ], page=3, top=600)
    second = make_table("t2", [
        ["분류", "<", "지표명", "<", "작성지표요약", "증빙페이지"],
        ["", "", "A-1-3", "스마트도시 서비스 성과 관리 (KPI 등) 여부", "성과관리시스템 O", "8"],
        ["분 류", "<", "지 표 명", "<", "작 성 지 표 요 약", "증 빙 페 이 지"],  # repeated again
        ["", "민간시민역량", "A-2-1", "인구 1만명 당 혁신성 인증 기업 수", "1만명 당 기업 수 2.13", "9"],
    ], page=4, top=60)
    headless = make_table("t3", [
        ["", "", "A-2-2", "인구 1만명 당 연구개발업 종사자 수", "1만명 당 19.30", "10"],
    ], page=5, top=60)
    claims, findings = map_summary(make_doc([first, second, headless]), RS)
    assert [(c.code, c.source.page) for c in claims] == [
        ("A-1-1", 3), ("A-1-2", 3), ("A-1-3", 4), ("A-2-1", 4), ("A-2-2", 5)]
    assert claims[3].value == Decimal("2.13") and findings == []


def test_split_rows_of_one_joined_table_keep_their_pages() -> None:
    rows = [HEADER,
            ["A. 혁신성", "공공역량", "A-1-1", "스마트도시 전담부서 지정 여부", "전담과 O", "4"],
            [None, None, "A-1-2", "2년간 스마트도시 관련 표창 건수", "6건", "5-7"],
            ["", "", "A-1-3", "스마트도시 서비스 성과 관리 (KPI 등) 여부", "시스템 O", "8"]]
    table = make_table("t", rows, page=3, top=700, row_pages={3: 4})
    claims, _ = map_summary(make_doc([table]), RS)
    assert [c.source.page for c in claims] == [3, 3, 4]


def test_workbook_summary_with_title_rows_and_notes_after() -> None:
    rows = [["정량지표 평가제안서", "<", "<", "<", "<"],
            ["", "", "", "", ""],
            ["지표코드", "지표명", "분류", "증빙 페이지", "작성 지표 요약"],
            ["A-1-2", "2년간 스마트도시 관련 표창 건수", "공공역량", "5-8", "8건"],
            ["A-3-2", "지자체 데이터 오픈 API 제공 건수", "정보공개", "15", "16종, 1,883건"],
            ["", "", "", "", ""],
            ["※ 증빙 페이지는 근거자료의 쪽 번호", "<", "<", "<", "<"],
            ["① 스마트도시 전담부서 지정 여부", "<", "<", "<", "<"]]
    doc = make_doc([make_table("t1", rows, sheet="요약표", first_row=3)],
                   file="제안서.xlsx", sheets=["요약표"])
    claims, findings = map_summary(doc, RS)
    assert [(c.code, c.value, c.source.sheet, c.source.cell) for c in claims] == [
        ("A-1-2", Decimal(8), "요약표", "E6"), ("A-3-2", Decimal(1883), "요약표", "E7")]
    assert findings == []


def test_empty_cells_duplicates_and_mismatches_are_findings() -> None:
    rows = [HEADER,
            ["A", "공공역량", "A-1-2", "2년간 스마트도시 관련 표창 건수", "", "5"],
            [None, None, "A-2-3", "2년간 리빙랩 운영 건수", "4건", ""],
            [None, None, "A-2-3", "2년간 리빙랩 운영 건수", "4건", "11"],
            [None, None, "A-3-5", "통합운영센터 관리 DB 목록 공개 목록 수", "00개", "p.12, 별지"]]
    claims, findings = map_summary(make_doc([make_table("t", rows)]), RS)
    assert [c.code for c in claims] == ["A-1-2", "A-2-3", "A-2-3", "A-3-4"]
    rules = sorted((f.rule, f.indicator) for f in findings)
    assert rules == [  # what only the mapping can see
        ("completeness.code-name-mismatch", "A-3-4"),
        ("completeness.duplicate-indicator-row", "A-2-3"),
        ("completeness.unparsed-evidence-pages", "A-3-4"),
    ]
    judged = sorted((f.rule, f.indicator) for f in validated(claims)
                    if f.rule in {"completeness.empty-value", "completeness.empty-evidence-pages"})
    assert judged == [  # blank cells are judged on the claims, once, by the validators
        ("completeness.empty-evidence-pages", "A-2-3"),
        ("completeness.empty-value", "A-1-2"),
        ("completeness.empty-value", "A-3-4"),  # '00개' is the template left unfilled
    ]
    assert all(re.search(r"[가-힣]", f.message) for f in findings)


def test_no_summary_table_is_one_error() -> None:
    doc = make_doc([make_table("t", [["지 표", "표창 건수", "표창 총 6건"]])],
                   spans=[span("정량지표 평가제안서", 1, 100)])
    claims, findings = map_summary(doc, RS)
    assert claims == [] and findings == []
    sub = Submission(id="sub-t", documents=[Document(
        file=doc.file, sha256="0" * 64, kind=DocumentKind.QUANTITATIVE_PROPOSAL)])
    reported = run_rules(sub, CheckContext(ruleset=RS))
    assert [(f.rule, f.severity) for f in reported
            if f.rule.startswith("completeness.missing-summary")] == [
        ("completeness.missing-summary", "error")]


# ── bad data never raises ──

_WORDS = ["분 류", "지 표 명", "작성 지표 요약", "증빙 페이지", "지 표", "분석자료", "No.", "총계", "A-1-2",
          "A–1–2", "C-1-8", "Z-9-9", "지자체 자체 설정 지표 제시", "2년간 리빙랩 운영 건수", "6건",
          "국내 1건, 국외 2건", "1,250백만원", "O", "X", "'23.05", "'23~'24년", "5-7", "p.", "-",
          "00건", "", "총 3개\n- 가\n- 나", "(단위: 건)", "① 2년간 리빙랩 운영 건수", None, "<"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6), min_size=1,
                max_size=8), st.booleans())
def test_any_grid_maps_without_raising(rows: list[list[str | None]], sheet: bool) -> None:
    rows[0] = [w if w not in (None, "<") else "" for w in rows[0]]  # nothing covers row 0
    for row in rows:
        if row and row[0] == "<":
            row[0] = ""
    table = make_table("t", rows, sheet="S" if sheet else None)
    doc = make_doc([table, make_table("u", rows, page=2)], file="x.xlsx" if sheet else "x.pdf",
                   sheets=["S"] if sheet else None)
    claims, findings = map_summary(doc, RS)
    findings += map_forms(doc, RS, claims)
    assert all(c.source is not None for c in claims)
    assert all(f.locations for f in findings)


def validated(claims: list) -> list:
    """The validators' completeness findings on a submission holding just these claims."""
    sub = Submission(id="sub-t", indicators=claims)
    rules = [r for r in RULES if r.spec.id in {
        "completeness.unknown-row", "completeness.empty-value",
        "completeness.empty-evidence-pages"}]
    return run_rules(sub, CheckContext(ruleset=RS), rules)


def test_unreadable_value_is_reported_but_a_readable_one_is_not() -> None:
    rows = [HEADER,
            ["A", "공공역량", "A-1-2", "2년간 스마트도시 관련 표창 건수", "다수", "5"],
            [None, None, "A-2-3", "2년간 리빙랩 운영 건수", "4건", "11"]]
    claims, findings = map_summary(make_doc([make_table("t", rows)]), RS)
    assert [(f.rule, f.indicator) for f in findings] == [("completeness.unreadable-value", "A-1-2")]
    assert claims[0].value is None and claims[1].value == 4
    assert "다수" in findings[0].message and findings[0].locations[0].page == 1


def test_a_row_broken_across_a_page_is_one_row_and_the_rows_after_it_stay() -> None:
    """Word processors let a row break across a page: the tail of C-6-1 ('89 개소', the rest
    of its name) stands alone at the top of the next page, under the repeated header; it
    is that row's end, and every row after it is still read (class 5 of the reading issue)."""
    rows = [HEADER,
            ["C. 서비스 기술 및 인프라", "문화관광", "C-6-1", "최신 IT 기술을 활용한 문화관광",
             "스마트 관광 안내 서비스", "52"],
            ["", "", "", "서비스 제공 건수", "89 개소", ""],
            ["", "", "C-6-2", "지자체 자체 설정 지표 제시", "스마트 관광 앱 운영", "53"],
            ["", "경제", "C-7-1", "스마트도시 관련 기업 지원 건수", "12건", "54"]]
    table = make_table("t", rows, page=3, top=700, row_pages={2: 4})
    claims, findings = map_summary(make_doc([table]), RS)
    assert [(c.code, c.source.page) for c in claims] == [("C-6-1", 3), ("C-6-2", 4), ("C-7-1", 4)]
    assert claims[0].text.endswith("89 개소") and claims[0].value == 89
    assert "서비스 제공 건수" in claims[0].name_as_printed
    assert [f.rule for f in findings] == []


def test_a_codeless_row_on_the_same_page_is_not_taken_for_a_tail() -> None:
    rows = [HEADER,
            ["A. 혁신성", "공공역량", "A-1-1", "스마트도시 전담부서 지정 여부", "전담과 O", "4"],
            ["", "", "", "2년간 스마트도시 관련 표창 건수", "6건", "5-7"]]
    claims, _ = map_summary(make_doc([make_table("t", rows, page=3, top=100)]), RS)
    assert claims[0].text == "전담과 O"
    assert [c.code for c in claims] == ["A-1-1", "A-1-2"]


def test_a_row_without_code_at_the_top_of_a_page_is_still_a_row() -> None:
    """A row that only lacks its code (C-2-4 typed without one) keeps its 증빙 페이지: it is
    an indicator's row even when a page starts with it, not the tail of the row above."""
    rows = [HEADER,
            ["C. 서비스 기술 및 인프라", "안전", "C-2-3", "지능형 방범 CCTV 구축 비율", "12.50%", "39"],
            ["", "", "", "통합운영센터 재난관리서비스(시스템) 운영 건수", "3개", "40"]]
    table = make_table("t", rows, page=3, top=700, row_pages={2: 4})
    claims, _ = map_summary(make_doc([table]), RS)
    assert [(c.code, c.text) for c in claims] == [("C-2-3", "12.50%"), ("C-2-4", "3개")]
