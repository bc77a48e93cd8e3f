"""The service certification rule set (service-2023, seed 003) as data: its structure and
points against the seed, the ladders read as data, the levels' totals, the pass conditions,
the recorded discrepancies, the program registry beside the city rule sets, and the loader
naming every problem of a broken copy at once."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue import (
    PROGRAMS,
    CatalogueError,
    RuleSet,
    ServiceRuleSet,
    available_programs,
    available_rulesets,
    load_program,
    load_ruleset,
    load_service_ruleset,
)
from smartcert.schemas.catalogue.read import RULESETS_DIR
from smartcert.schemas.catalogue.service import load_service_ruleset_from
from smartcert.schemas.catalogue.service.checks import clauses
from tests.shared_paths import SEEDS, require

SEED = SEEDS / "003_05d8d24826bff78c.txt"
CITY_SEED = SEEDS / "002_9f0503501e20e7db.txt"


@pytest.fixture(scope="module")
def rs() -> ServiceRuleSet:
    return load_service_ruleset("service-2023")


@pytest.fixture(scope="module")
def seed() -> list[str]:
    return require(SEED).read_text(encoding="utf-8").split("\n")


# ── the program registry ────────────────────────────────────────────────────


def test_programs_registry_keeps_service_out_of_city_loading(rs) -> None:
    assert PROGRAMS == {"city-2023": "city", "city-2025": "city", "service-2023": "service"}
    assert available_programs() == dict(PROGRAMS)
    # callers of available_rulesets() load each with load_ruleset and expect a city RuleSet
    assert available_rulesets() == ["city-2023", "city-2025"]
    assert load_ruleset("city-2025").meta.program == "city"
    with pytest.raises(CatalogueError, match="load_service_ruleset"):
        load_ruleset("service-2023")
    with pytest.raises(CatalogueError, match="not a service one"):
        load_service_ruleset("city-2025")
    assert isinstance(load_program("city-2023"), RuleSet)
    assert load_program("service-2023") is rs
    assert rs.id == "service-2023" and rs.program == "service" and rs.complete


# ── structure and points ────────────────────────────────────────────────────


def test_counts_points_and_minimums(rs) -> None:
    assert [(i.name, i.points, i.minimum) for i in rs.indicators] == [
        ("스마트도시 부합성", 30, 15), ("구성 및 기능", 50, 30), ("운영", 20, 10)]
    assert [i.choose_one for i in rs.indicators] == [False, True, False]
    assert [(g.number, g.points) for g in rs.eval_items] == [
        ("1.1", 6), ("1.2", 12), ("1.3", 12), ("2.1", 50), ("2.2", 50), ("2.3", 50),
        ("3.1", 8), ("3.2", 8), ("3.3", 4)]
    assert len(rs.sub_items) == 28
    assert rs.codes[0] == "S-111" and rs.codes[-1] == "S-332"
    assert rs.item("s213").points == rs.item("2.1.3").points == 16
    assert rs.item("S-132").aliases == ["사회적 격차 해소"]
    # 참고1's scored rows: 11 + 34 + 9 (the 특화지표 alternatives share a row)
    rows = {c.row for s in rs.sub_items for c in s.criteria}
    by_indicator = [sum(1 for r in rows if r[0] == n) for n in "123"]
    assert by_indicator == [11, 34, 9]
    assert [i.printed_count for i in rs.indicators] == [11, 35, 9]


def test_each_level_sums_to_100_and_pass_mark(rs) -> None:
    assert [lv.id for lv in rs.scored_levels] == ["L1", "L2", "L3"]
    assert {lv: rs.total_for(lv) for lv in ("L1", "L2", "L3")} == {"L1": 100, "L2": 100, "L3": 100}
    assert [len(rs.items_for(lv)) for lv in ("단위 서비스", "네트워크 연계서비스", "L3")] == [19, 20, 21]
    assert rs.level("데이터 허브기반 서비스").group == "2.3"
    assert rs.level("장치/제품").eligible is False
    with pytest.raises(ValueError, match="not eligible"):
        rs.items_for("장치/제품")
    pm = rs.levels.pass_mark
    assert (pm.min_total, pm.max_total) == (70, 100)
    assert rs.levels.validity.review_years == 2
    # S-221 / S-231: half the lower level's score, set by the committee alone
    for code, lower in (("S-221", "L1"), ("S-231", "L2")):
        item = rs.item(code)
        assert item.committee_only and item.points == 25
        assert item.derived is not None and (item.derived.level, item.derived.share) == (lower, 0.5)
        assert all(st.committee for c in item.criteria for st in c.steps)


def test_shortfalls_name_each_minimum_and_the_total(rs) -> None:
    assert rs.shortfalls("L1", {"1": 22, "2": 38, "3": 12}) == []  # 72
    (low,) = rs.shortfalls("L2", {"1": 14, "2": 41, "3": 16})
    assert (low.subject, low.score, low.required) == ("1", 14, 15)
    assert "3591" in low.clause
    out = rs.shortfalls("L3", {"1": 20, "2": 35, "3": 9})  # 64, 운영 under 10
    assert [(s.subject, s.required) for s in out] == [("3", 10), ("total", 70)]
    with pytest.raises(ValueError, match="no score"):
        rs.shortfalls("L1", {"1": 20})


# ── ladders as data ─────────────────────────────────────────────────────────


def test_app_store_ladder_is_data(rs) -> None:
    app = next(c for c in rs.item("S-112").criteria if c.id == "app_store")
    assert [(st.params["rating_min"], st.points) for st in app.steps] == [
        (4.0, 3), (3.5, 2), (3.0, 1)]
    assert app.params["window"] == "within_3_years"
    assert rs.item("S-112").combine == "max"  # the best type counts


def test_survey_press_and_tiers(rs) -> None:
    survey, press, other = rs.item("S-111").criteria
    assert (survey.params["confidence_level"], survey.params["error_margin"]) == (0.95, 0.05)
    assert [st.params["aware_ratio_min"] for st in survey.steps] == [[1, 2], [1, 3], [1, 4]]
    assert [(st.params["outlet_tier"], st.points) for st in press.steps] == [
        ("가", 3), ("나", 2), ("다", 1)]
    assert other.steps[0].committee
    assert [(t.name, t.points) for t in rs.press_tiers] == [("가군", 3), ("나군", 2), ("다군", 1)]
    assert rs.press_tier("나군").points == 2 and rs.press_tier("다").rest
    assert [t.tier for t in rs.tiers_of("조선일보")] == ["가"]
    assert [t.tier for t in rs.tiers_of("전자신문")] == ["나"]
    assert [t.tier for t in rs.tiers_of("KBS")] == ["가", "나"]  # 전국방송 vs 지역방송
    assert rs.tiers_of("○○일보") == []


def test_thresholds_of_the_other_ladders(rs) -> None:
    report, press, _ = rs.item("S-121").criteria
    assert report.steps[0].committee  # the seed prints no points for it
    assert [st.params.get("improvement_percent_min") for st in press.steps] == [10, 5, 3, None]
    assert [st.points for st in press.steps] == [4, 3, 2, 1]
    ip, rnd = rs.item("S-122").criteria
    assert [(st.params.get("ip_kinds", ["위원회"])[0], st.points) for st in ip.steps] == [
        ("특허등록", 2), ("특허출원", 1), ("위원회", 2)]
    assert [st.params.get("rnd_staff_min") for st in rnd.steps] == [3, 1]
    assert rnd.params["executives_excluded"]
    jobs, income_hi, income_lo, bonus = rs.item("S-123").criteria[0].steps
    assert (jobs.params["full_time_jobs_min"], jobs.params["part_time_jobs_min"]) == (1, 4)
    assert jobs.params["window"] == "last_2_years" and income_hi.params["window"] == "last_1_year"
    assert [s.params["annual_income_min_won"] for s in (income_hi, income_lo)] == [
        30_000_000, 10_000_000]
    assert bonus.bonus and bonus.params["hire_share_min"] == 0.03
    fnpv = rs.item("S-133").criteria[0].steps
    assert [(s.params.get("fnpv_positive"), s.params.get("public_funding"), s.points)
            for s in fnpv] == [(True, False, 3), (True, True, 2), (None, None, 1)]
    cert = rs.item("S-312").criteria[0].steps
    assert cert[0].params["certificates"] == ["WA", "MA", "SA"]
    assert cert[0].params["valid_at"] == "at_deadline" and cert[1].params["expired"]
    weak = rs.item("S-331").criteria[0]
    assert weak.params["weaknesses_total"] == 47 and weak.params["tools_min"] == 2
    assert [s.params["checked_share_min"] for s in weak.steps] == [1.0, 0.85]
    manuals = rs.item("S-322").criteria[0]
    assert manuals.scoring == "deduct" and len(manuals.params["manuals"]) == 3
    assert rs.item("S-323").criteria[0].steps[0].points == 0.5


def test_field_alternatives_count_once(rs) -> None:
    s211 = rs.item("S-211")
    assert [c.id for c in s211.criteria_for("교통")] == [
        "user_id", "user_detail", "usage_records", "special_transport"]
    assert sum(c.points for c in s211.criteria_for("환경·에너지")) == 12
    assert [(s.code, c.id) for s, c in rs.criteria_of_row("2.1.2.6")] == [
        ("S-212", "special_transport"), ("S-212", "special_environment")]


def test_windows_count_back_from_the_application(rs) -> None:
    assert rs.deadline.isoformat() == "2023-10-26T18:00:00"
    # application date unknown: the widest span any day of the submission window allows
    assert rs.window("within_3_years") == (date(2020, 10, 24), date(2023, 10, 26))
    assert rs.window("last_2_years", applied=date(2023, 10, 25)) == (
        date(2021, 10, 25), date(2023, 10, 25))
    assert rs.window("last_1_year", applied=date(2023, 10, 25))[0] == date(2022, 10, 25)
    assert rs.window("at_deadline") == (date(2023, 10, 26), date(2023, 10, 26))
    sub = rs.periods.submission
    assert (sub.start, sub.end) == ("2023-10-24", "2023-10-26T18:00")


def test_eligibility_and_documents(rs) -> None:
    el = rs.eligibility
    assert [k.name for k in el.applicants.kinds] == ["기업", "지자체", "공공기관"]
    assert el.joint.representative_required and el.joint.form == "[별지 제5호서식]"
    assert [f.name for f in el.fields.eligible] == ["교통", "환경·에너지"]
    assert len(el.fields.form_choices) == 12
    assert {k for e in el.exclusions for k in e.keywords} >= {"R&D 시제품", "버스쉘터", "횡단보도"}
    docs = {d.kind: d for d in rs.documents.documents}
    assert docs["application"].form == "[별지 제3호서식]" and docs["application"].signed_by == ["대표자"]
    assert docs["joint_confirmation"].required_when == "joint"
    assert [d.number for d in rs.documents.documents if d.required] == [1, 2, 3, 4]
    p = rs.documents.proposal
    assert (p.pages_about, p.font, p.font_size_pt, p.overview_pages_max) == (30, "휴먼명조", 12, 1)
    assert {"기관유형", "인증분야", "작성책임자"} <= set(p.cover_fields)
    assert "[별지 제3호서식]" in rs.program_markers


# ── discrepancies ───────────────────────────────────────────────────────────


def test_every_discrepancy_is_recorded_with_a_reading(rs) -> None:
    ids = {d.id for d in rs.meta.discrepancies}
    assert {"s213-points", "s224-points", "s212-type-ladders", "s211-usage-records",
            "self-assessment-operation", "self-assessment-l2-rows", "s132-name",
            "numbering-slips", "subitem-count-55"} <= ids
    for d in rs.meta.discrepancies:
        assert d.reading.strip() and d.why.strip() and d.lines, d.id
    # the readings chosen are the ones the data carries
    assert all(c.points == 4 for c in rs.item("S-213").criteria)
    assert [c.points for c in rs.item("S-224").criteria] == [3, 4]
    top = rs.item("S-212").criteria[0].steps[0]
    assert (top.points, top.discrepancy) == (3, "s212-type-ladders")
    usage = rs.item("S-211").criteria[2]
    assert usage.scoring == "sum" and len(usage.steps) == 4 and usage.points == 3


def test_self_assessment_form_as_printed(rs) -> None:
    """The form's own rows: L2 adds up to 53 under a printed '계 50', 운영 re-allocated;
    the rule set reads them onto its criteria rows."""
    sa = rs.documents.self_assessment
    printed = {r.printed: r for r in sa.rows}
    assert sum(r.points for r in sa.rows if r.printed.startswith("2.2.")) == 53
    assert sa.printed_totals["2.2"] == 50 and rs.eval_item("2.2").points == 50
    assert printed["2.2.2.2"].row is None and printed["2.2.2.3"].row == "2.2.2.2"
    assert (printed["3.1.1.1"].points, rs.criteria_of_row("3.1.1.1")[0][1].points) == (3, 2)
    assert sum(r.points for r in sa.rows if r.printed.startswith("3.")) == 20
    assert sa.missing_rows == ["3.2.4.1"]
    assert rs.self_row("1.3.4.1").row == "1.3.3.1"
    assert rs.self_row("2.3.6.4").row == "2.3.5.4"


# ── the data against the seed ───────────────────────────────────────────────


def test_items_rows_and_markers_sit_on_their_seed_lines(rs, seed) -> None:
    for s in rs.sub_items:
        assert s.code in seed[s.line - 1], s.code
        page = seed[s.line - 1:s.end_line]
        assert any(f"평가방법 배점 {s.points}" in line for line in page), s.code
        assert all(seed[c.line - 1].strip() for c in s.criteria), s.code
        for st in (st for c in s.criteria for st in c.steps):
            assert s.line <= st.line <= s.end_line and seed[st.line - 1].strip(), (s.code, st)
        if s.evidence_line:
            assert "제출서류" in seed[s.evidence_line - 1], s.code
    for r in rs.documents.self_assessment.rows:
        assert r.printed in seed[r.line - 1], r.printed
    city = match_key(require(CITY_SEED).read_text(encoding="utf-8"))
    for m in rs.documents.markers:
        assert match_key(m.text) in match_key(seed[m.line - 1]), m.text
        assert match_key(m.text) not in city, m.text  # tells the programs apart
    for t in rs.press_tiers:
        for e in t.entries:
            near = match_key(" ".join(seed[e.line - 1:e.line + 3]))
            assert all(match_key(n) in near for n in e.names), (t.tier, e.line)


def test_clauses_cite_lines_of_the_seed(rs, seed) -> None:
    cited = [int(n) for _, text in clauses(rs.sub_items) for n in re.findall(r"\d{2,4}", text)]
    assert cited and max(cited) <= len(seed)
    for d in rs.meta.discrepancies:
        assert all(1 <= n <= len(seed) for n in d.lines), d.id


# ── broken copies ───────────────────────────────────────────────────────────


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_broken_copy_names_every_problem(tmp_path) -> None:
    folder = tmp_path / "service-2023"
    shutil.copytree(RULESETS_DIR / "service-2023", folder)
    items = _load(folder / "items.yaml")
    subs = {s["code"]: s for s in items["sub_items"]}
    subs["S-213"]["points"] = 17  # no longer the sum of its criteria
    subs["S-112"]["code"] = "S-111"  # duplicate code
    subs["S-331"]["criteria"][0]["steps"][0]["points"] = 3  # a step above the item's 2
    subs["S-332"]["clause"] = "S-332 평가방법"  # no seed lines cited
    del subs["S-324"]["points"]  # a schema error: reported, the rest still checked
    items["indicators"][2]["minimum"] = 20  # 과락 not below the 20 points
    _dump(folder / "items.yaml", items)
    docs = _load(folder / "documents.yaml")
    docs["markers"][0]["text"] = " "
    _dump(folder / "documents.yaml", docs)
    with pytest.raises(CatalogueError) as err:
        load_service_ruleset_from(folder)
    problems = err.value.problems
    expected = [
        "items.yaml: S-324: points: Field required",
        "S-111: duplicate 세부평가항목 code",
        "S-111: code does not match its number 1.1.2",
        "S-213: criteria add up to 16, the item has 17",
        "평가항목 2.1 단위 서비스: items add up to 51, it has 50",
        "level 단위 서비스: scored items add up to 99, not 100",  # 51 + 30 + 18 (S-324 gone)
        "인증지표 운영: 과락 20 is not below its 20 points",
        "S-331 weaknesses: step '행정안전부 지정 보안약점 모두를 점검' is worth 3, more than "
        "the item's 2",
        "S-332: clause: clause cites no seed lines",
        "documents.yaml: empty marker (line 650)",
    ]
    for p in expected:
        assert p in problems, (p, problems)
    assert "service-2023" in str(err.value)


def test_missing_file_is_reported(tmp_path) -> None:
    folder = tmp_path / "service-2023"
    shutil.copytree(RULESETS_DIR / "service-2023", folder)
    (folder / "periods.yaml").unlink()
    levels = _load(folder / "levels.yaml")
    levels["pass_mark"]["min_totl"] = levels["pass_mark"].pop("min_total")  # misspelt key
    _dump(folder / "levels.yaml", levels)
    with pytest.raises(CatalogueError) as err:
        load_service_ruleset_from(folder)
    text = "\n".join(err.value.problems)
    assert "periods.yaml: missing" in text
    assert "levels.yaml: pass_mark.min_totl: Extra inputs are not permitted" in text
    assert "levels.yaml: pass_mark.min_total: Field required" in text
