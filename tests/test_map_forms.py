"""Data forms → components, listed items, declared span (schemas/mapping/forms.py): on the
sample bundles against their truth, and on hand-built PDF- and workbook-style forms."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smartcert.core.normalize import match_key
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import IndicatorClaim, ListedItem
from smartcert.schemas.mapping.forms import map_forms
from smartcert.schemas.mapping.summary import map_summary
from tests.test_map_summary import TRUTHS, load_truth, make_doc, make_table, proposal_extract, span

RS = load_ruleset("city-2025")

# where the truth names a component differently from the catalogue (truth key → id or label)
TRUTH_NAMES = {
    ("B-2-1", "approved"): "approval",
    ("C-1-7", "A_public"): "public",
    ("C-1-7", "A_private"): "private",
    ("C-5-1", "A"): "pop_2023", ("C-5-1", "B"): "learners_2023",
    ("C-5-1", "C"): "pop_2024", ("C-5-1", "D"): "learners_2024",
    ("C-11-1", "officials"): "전담공무원", ("C-11-1", "dispatched"): "외부기관 파견인력",
    ("C-11-1", "operators"): "관제요원", ("C-11-1", "other"): "기타",
}


def norm(text: object) -> str:
    return re.sub(r"\s+", "", str(text))


def same(got: object, want: object) -> bool:
    if isinstance(want, bool) or want is None:
        return got is want
    return isinstance(got, Decimal) and got == Decimal(str(want))


def mapped(truth_path: Path) -> tuple[dict[str, Any], DocumentExtract, dict[str, IndicatorClaim]]:
    truth, doc = load_truth(truth_path), proposal_extract(truth_path)
    claims, _ = map_summary(doc, RS)
    findings = map_forms(doc, RS, claims)
    assert findings == []
    return truth, doc, {c.code: c for c in claims}


def catalogue_place(code: str, key: str) -> str | None:
    """The component id or list-field header the truth key corresponds to, if any."""
    name = TRUTH_NAMES.get((code, key), key)
    form = RS.indicator(code).form
    if form is None:
        return None
    if form.component(name) is not None:
        return name
    fields = {f.name for lst in form.lists for f in lst.fields}
    return name if name in fields else None


def component_share(truth: dict[str, Any], claims: dict[str, IndicatorClaim]
                    ) -> tuple[int, int, list[tuple[str, str]], list[tuple[str, str]]]:
    ok = total = 0
    failed: list[tuple[str, str]] = []
    outside: list[tuple[str, str]] = []
    for t in truth["indicators"]:
        claim = claims[t["code"]]
        for key, want in t["components"].items():
            place = catalogue_place(t["code"], key)
            if place is None:
                outside.append((t["code"], key))
                continue
            total += 1
            got = [c.value for c in claim.components
                   if c.id == place or (c.id is None and norm(c.label) == norm(place))]
            if got and same(got[0], want):
                ok += 1
            else:
                failed.append((t["code"], key))
    return ok, total, failed, outside


def in_proposal(doc: DocumentExtract, text: str) -> bool:
    """Is `text` printed as a whole cell, a line or a listed entry of the proposal?"""
    key = norm(text)
    lines = [c.text for t in doc.tables for c in t.cells] + [s.text for s in doc.spans]
    lines += [ln.lstrip("-·• ") for c in lines for ln in c.split("\n")]
    return any(key == norm(ln) for ln in lines)


def item_fields_ok(item: ListedItem, want: dict[str, Any]) -> list[str]:
    """Truth fields that map onto ListedItem attributes and disagree."""
    bad = []
    dates = [str(d) for d in (item.date, item.span.start if item.span else None) if d]
    checks = {
        "name": lambda v: norm(item.name or "") == norm(v),
        "no": lambda v: item.number == v,
        "date": lambda v: any(v.startswith(d) for d in dates),
        "start": lambda v: item.span is not None and v.startswith(str(item.span.start)),
        "end": lambda v: item.span is not None and v.startswith(str(item.span.end)),
        "amount": lambda v: item.amount == Decimal(str(v)),
        "category": lambda v: norm(item.kind or "") == norm(v),
        "scope": lambda v: norm(item.kind or "") == norm(v),
    }
    for key, check in checks.items():
        if key in want and not check(want[key]):
            bad.append(key)
    return bad


def item_share(truth: dict[str, Any], doc: DocumentExtract, claims: dict[str, IndicatorClaim]
               ) -> tuple[int, int, list[str], list[str]]:
    ok = total = 0
    failed: list[str] = []
    evidence_only: list[str] = []
    for t in truth["indicators"]:
        want = t["items"]
        if not want:
            continue
        label = next((v for v in want[0].values() if isinstance(v, str)), "")
        if not in_proposal(doc, label):
            evidence_only.append(t["code"])  # listed on the evidence pages, not in the form
            continue
        got = claims[t["code"]].items
        if len(got) != len(want):
            failed.append(f"{t['code']}: {len(got)} items, truth {len(want)}")
        for n, w in enumerate(want):
            total += 1
            bad = item_fields_ok(got[n], w) if n < len(got) else ["missing"]
            if bad:
                failed.append(f"{t['code']}#{n + 1}: {bad}")
            else:
                ok += 1
    return ok, total, failed, evidence_only


@pytest.fixture(params=TRUTHS, ids=lambda p: p.stem)
def bundle(request: pytest.FixtureRequest) -> tuple[dict[str, Any], DocumentExtract,
                                                    dict[str, IndicatorClaim]]:
    return mapped(request.param)


def test_every_form_is_found_where_the_truth_says(bundle: Any) -> None:
    truth, _, claims = bundle
    wrong = []
    for t in truth["indicators"]:
        src = claims[t["code"]].form_source
        if t.get("form_sheet"):
            ok = src is not None and (src.sheet, src.cell) == (t["form_sheet"], t["form_cell"])
        else:  # a Word body has no page geometry: page 1 is all a location can say
            ok = src is not None and src.page == t["form_page"] and (
                src.bbox is not None or bool(t.get("form_table")))
        if not ok:
            wrong.append((t["code"], src))
    assert wrong == []


def test_components_match_the_truth(bundle: Any) -> None:
    truth, _, claims = bundle
    ok, total, failed, outside = component_share(truth, claims)
    assert failed == [] and ok == total > 0
    # truth figures the catalogue has no component or list field for (reported, not read)
    assert len(outside) <= 1


def test_listed_items_match_the_truth(bundle: Any) -> None:
    truth, doc, claims = bundle
    ok, total, failed, _ = item_share(truth, doc, claims)
    assert failed == [] and ok == total > 0


def test_declared_spans_follow_the_form_titles(bundle: Any) -> None:
    truth, _, claims = bundle
    start, end = truth["period"]["start"], truth["period"]["end"]
    two_year = [c for c in claims.values() if c.declared_span_text and "~" in c.declared_span_text
                and not c.declared_span_text.strip("'(").startswith("25")]
    assert len(two_year) >= 10
    for c in two_year:
        span = c.declared_span
        assert span is not None
        assert str(span.start)[:4] == start[:4] and str(span.end)[:4] == end[:4]
        if span.start.month is not None:
            assert (str(span.start), str(span.end)) == (start, end)


# ── hand-built forms ──

AWARD_HEAD = ["구 분", "N o .", "표 창 명", "수 상 일 시", "수상부서 (수상자)", "수 여 기 관"]


def indicator_table(tid: str, title: str, text: str, page: int, top: float) -> Any:
    return make_table(tid, [["지 표", title, text], ["분 석 자 료", "■ …", "<"],
                            ["자 료 출 처", "지자체 자체 자료", "<"]], page=page, top=top)


def summary_table(rows: list[list[str]]) -> Any:
    head = ["분류", "<", "지표명", "<", "작성 지표 요약", "증빙 페이지"]
    return make_table("s", [head, *[["A", "x", *r] for r in rows]], page=1, top=100)


def pdf_bundle() -> DocumentExtract:
    summary = summary_table([
        ["A-1-2", "2년간 스마트도시 관련 표창 건수", "3건", "5-7"],
        ["B-3-1", "2년간 스마트도시 관련 행사 개최 및 참여 건수", "국내 2건, 국외 1건", "8"],
        ["C-1-4", "도로 길이 1km당 대비 교통 CCTV 수", "1km 당 CCTV 수 0.35", "9"],
        ["C-1-8", "지자체 자체 설정 지표 제시", "스마트 버스정류장 42개소 운영", "10"],
        ["C-2-1", "인구 1천명 당 방범 CCTV 수", "1천명 당 CCTV 수 8.34", "11"],
    ])
    tables = [
        summary,
        indicator_table("f1", "스마트도시 관련 표창 건수 ('23~'24년)", "표창 총 3건", 2, 100),
        make_table("d1", [
            ["수 상 일 시", "N o .", "표 창 명", "구 분", "수 여 기 관", "수상부서 (수상자)"],
            ["'23.05", "1", "데이터기반행정 우수기관", "기관", "행정안전부", "스마트도시과"],
            ["'24.3.22", "2", "공공 빅데이터 분석\n최우수상", None, "NIA", "스마트도시과"],
            ["2024. 6. 25.", "3", "국가정보화 유공 표창", "개인", "과기정통부", "스마트도시과(조○○)"],
        ], page=2, top=200),
        indicator_table("f2", "2년간 스마트도시 관련 행사 개최 및 참여 건수 ('23~'24년)",
                        "국내 2건 국외 1건", 2, 400),
        make_table("d2", [
            ["구 분", "N o .", "명 칭", "주 최 기 관", "참 여 일"],
            ["국내", "1", "스마트시티 포럼 개최", "누리시", "'23.09.07"],
            [None, "2", "스마트도시 아카데미", "누리시", "'24.05.08"],
            ["국외", "3", "Smart City Expo", "Fira", "'24.11.05"],
        ], page=2, top=500),
        indicator_table("f3", "도로 길이 1km당 대비 교통 CCTV 수", "1km 당 CCTV 수 0.35", 3, 100),
        make_table("d3", [
            ["도 로 유 형", "도 로 길 이 ( k m )", "C C T V 수", "1 k m 당 C C T V 수", "비 고"],
            ["주간선도로", "148.1", "45", "0.30", ""],
            ["보조간선도로", "84.8", "37", "0.44", ""],
            ["총계", "232.9", "82", "0.35", "'25.06 기준"],
        ], page=3, top=200),
        indicator_table("f4", "지자체 자체 설정 지표 : 스마트 버스정류장 운영 개소 수",
                        "스마트 버스정류장 42개소 운영", 3, 400),
        make_table("d4", [["지 표 명", "정 의", "실 적"],
                          ["스마트 버스정류장 운영 개소 수", "냉난방 정류장", "42개소 ('24.12 기준)"]],
                   page=3, top=500),
        make_table("f5", [
            ["지 표", "인구 1천명 당 방범 CCTV 수", "1천명 당 CCTV 수 8.34"],
            ["분 석 자 료", "■ 인구 1천명 당 방범 CCTV 수", "<"],
            ["기 준 연 도", "인 구 수 ( 천 명 )", "방 범 C C T V 수"],  # data in the same table
            ["2024", "412.35", "3,441"],
        ], page=4, top=100),
    ]
    spans = [span("① 2년간 스마트도시 관련 표창 건수", 2, 80),
             span("① 2년간 스마트도시 관련 행사 개최 및 참여 건수", 2, 380),
             span("1) 교통", 3, 60), span("⑧ 지자체 자체 설정 지표 제시", 3, 380),
             span("2) 안전", 4, 60)]
    return make_doc(tables, spans)


def test_pdf_style_forms_give_components_items_and_spans() -> None:
    doc = pdf_bundle()
    claims, _ = map_summary(doc, RS)
    findings = map_forms(doc, RS, claims)
    assert findings == []
    c = {x.code: x for x in claims}
    awards = c["A-1-2"].items
    assert [(i.number, i.name, i.kind, str(i.date), i.org) for i in awards] == [
        (1, "데이터기반행정 우수기관", "기관", "2023-05", "행정안전부"),
        (2, "공공 빅데이터 분석 최우수상", "기관", "2024-03-22", "NIA"),
        (3, "국가정보화 유공 표창", "개인", "2024-06-25", "과기정통부")]
    assert all(i.list_id == "awards" and i.location.page == 2 for i in awards)
    assert awards[0].cells[0].name == "수 상 일 시" and awards[0].date_text == "'23.05"
    assert str(c["A-1-2"].declared_span) == "2023~2024"
    assert c["A-1-2"].form_source.page == 2
    events = c["B-3-1"]
    assert {x.id: x.value for x in events.components} == {"domestic": 2, "overseas": 1}
    assert [i.kind for i in events.items] == ["국내", "국내", "국외"]
    roads = c["C-1-4"]
    comps = {x.id: x.value for x in roads.components if x.id}
    assert comps == {"A": Decimal("232.9"), "B": 82, "ratio": Decimal("0.35")}
    # the 총계 row's 비고 base date is kept as a text component (period.base-date reads it)
    assert [x.text for x in roads.components if x.id is None] == ["'25.06 기준"]
    assert [(i.kind, i.cells[1].text) for i in roads.items] == [
        ("주간선도로", "148.1"), ("보조간선도로", "84.8")]
    assert roads.component("A").location.page == 3
    own = c["C-1-8"].items
    assert [i.name for i in own] == ["스마트 버스정류장 운영 개소 수"]
    cctv = {x.id: x.value for x in c["C-2-1"].components}
    # the ratio is not in the table: the form's own summary cell states it
    assert cctv == {"A": Decimal("412.35"), "B": 3441, "ratio": Decimal("8.34")}


def test_workbook_forms_stacked_on_one_sheet() -> None:
    rows = [
        ["B-3 참여네트워크", "<", "<", "<", "<"],
        ["① 2년간 스마트도시 관련 행사 개최 및 참여 건수", "<", "<", "<", "<"],
        ["지표", "행사 개최 및 참여 건수 ('23.8~'25.7)", "국내 1건 국외 1건", "", ""],
        ["분석자료", "■ …", "<", "", ""],
        ["", "", "", "", ""],
        ["○ 자료구축양식", "<", "<", "<", "<"],
        ["참여일", "명칭", "구분", "No.", "주최기관"],
        ["2023.09.07", "포럼", "국내", "1", "한빛시"],
        ["2025.03.01", "엑스포", "국외", "2", "Fira"],
        ["", "", "", "", ""],
        ["② 인구 1만명 당 신규 도입 스마트도시 서비스의 시민 의견 반영 건수", "<", "<", "<", "<"],
        ["지표", "인구 1만명 당 … 시민 의견 반영 건수 ('23~'24년)", "1만명 당 반영 건수 0.12", "",
         ""],
        ["", "", "", "", ""],
        ["연도", "인구수(만명)", "시민 의견 반영 건수", "비율", ""],
        ["2023", "40.99", "3", "0.07", ""],
        ["2024", "41.23", "7", "0.17", ""],
        ["총계", "82.22", "10", "0.12", ""],
    ]
    summary = make_table("s", [
        ["지표코드", "지표명", "작성 지표 요약", "증빙 페이지"],
        ["B-3-1", "2년간 스마트도시 관련 행사 개최 및 참여 건수", "국내 1건, 국외 1건", "8"],
        ["B-3-2", "인구 1만명 당 신규 도입 스마트도시 서비스의 시민 의견 반영 건수", "0.12%", "9"],
    ], sheet="요약표")
    doc = make_doc([summary, make_table("b3", rows, sheet="B-3 참여네트워크")],
                   file="p.xlsx", sheets=["요약표", "B-3 참여네트워크"])
    claims, _ = map_summary(doc, RS)
    assert map_forms(doc, RS, claims) == []
    events, opinions = claims
    assert (events.form_source.sheet, events.form_source.cell) == ("B-3 참여네트워크", "C3")
    assert str(events.declared_span) == "2023-08~2025-07"
    assert [(i.number, i.name, i.kind, str(i.date)) for i in events.items] == [
        (1, "포럼", "국내", "2023-09-07"), (2, "엑스포", "국외", "2025-03-01")]
    assert events.items[1].cells[0].location.cell == "A9"
    comps = {x.id: x.value for x in opinions.components}
    assert {k: comps[k] for k in ("A", "B", "C", "D", "cases_total", "ratio_total")} == {
        "A": Decimal("40.99"), "B": 3, "C": Decimal("41.23"), "D": 7, "cases_total": 10,
        "ratio_total": Decimal("0.12")}
    assert opinions.component("D").location.cell == "C16"


def test_missing_and_unclaimed_forms_are_reported() -> None:
    summary = summary_table([["A-1-2", "2년간 스마트도시 관련 표창 건수", "3건", "5"],
                             ["A-2-3", "2년간 리빙랩 운영 건수", "2건", "6"]])
    stray = indicator_table("f9", "스마트 가로등 디밍 제어 구간", "12구간", 2, 100)
    doc = make_doc([summary, stray])
    claims, _ = map_summary(doc, RS)
    findings = map_forms(doc, RS, claims)
    got = sorted((f.rule, f.indicator, f.severity) for f in findings)
    assert got == [("completeness.form-missing", "A-1-2", "warning"),
                   ("completeness.form-missing", "A-2-3", "warning"),
                   ("completeness.form-unmatched", None, "warning")]
    unmatched = next(f for f in findings if f.rule == "completeness.form-unmatched")
    assert unmatched.locations[0].page == 2 and "가로등" in unmatched.message


def test_listing_cell_gives_one_item_per_entry() -> None:
    summary = summary_table([["A-1-3", "스마트도시 서비스 성과 관리 (KPI 등) 여부",
                              "성과관리시스템 (성과지표 3개)", "8"]])
    form = indicator_table("f", "스마트도시 서비스 성과 관리(KPI 등) 여부", "성과지표 3개", 2, 100)
    data = make_table("d", [["명 칭", "도입시기", "지 표 목 록", "관 련 규 정"],
                            ["성과관리시스템", "'22.02", "총 3개\n- 주차 단속 시간\n- 앱 가입자 수\n"
                             "- 민원 처리 비율", "조례 제12조"]], page=2, top=300)
    doc = make_doc([summary, form, data])
    claims, _ = map_summary(doc, RS)
    map_forms(doc, RS, claims)
    items = claims[0].items
    assert [i.name for i in items] == ["주차 단속 시간", "앱 가입자 수", "민원 처리 비율"]
    assert {str(i.date) for i in items} == {"2022-02"}
    assert match_key(items[0].org or "") == "성과관리시스템"


def test_a_proposal_without_forms_is_one_finding_not_one_per_row() -> None:
    summary = summary_table([["A-1-2", "2년간 스마트도시 관련 표창 건수", "3건", "5"],
                             ["A-2-3", "2년간 리빙랩 운영 건수", "2건", "6"]])
    doc = make_doc([summary])
    claims, _ = map_summary(doc, RS)
    findings = map_forms(doc, RS, claims)
    assert [(f.rule, f.severity, f.locations[0].page) for f in findings] == [
        ("completeness.no-data-forms", "error", 1)]
    assert all(c.components == [] and c.items == [] for c in claims)
    assert map_forms(doc, RS, []) == []  # no summary rows: nothing to attach forms to
