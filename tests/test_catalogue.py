"""The rule-set catalogue: city-2025 against the call and the reference CSV, the loader's
self-checks on broken copies, and the partial city-2023 sibling."""

from __future__ import annotations

import csv
import shutil
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from smartcert.schemas.catalogue import (
    CatalogueError,
    available_rulesets,
    load_ruleset,
    load_ruleset_from,
)
from smartcert.schemas.catalogue.read import RULESETS_DIR
from tests.shared_paths import REFERENCE, require

CSV = REFERENCE / "city-2025-indicators.csv"
OPTIONAL = ["행정", "주거", "교육", "문화관광", "경제", "보건복지", "환경에너지"]


@pytest.fixture(scope="module")
def rs():
    return load_ruleset("city-2025")


@pytest.fixture(scope="module")
def csv_rows() -> list[dict[str, str]]:
    with require(CSV).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_rulesets_are_listed_and_cached(rs) -> None:
    assert {"city-2025", "city-2023"} <= set(available_rulesets())
    assert load_ruleset() is rs
    assert rs.id == "city-2025" and rs.version == "2025-07-30" and rs.can_score


def test_codes_points_and_names_match_the_csv(rs, csv_rows) -> None:
    assert len(rs.indicators) == 64
    assert rs.codes == [r["code"] for r in csv_rows]
    groups = {g.id: g.name for g in rs.structure.groups}
    subgroups = {s.id: s.name for s in rs.structure.subgroups}
    for row in csv_rows:
        ind = rs.indicator(row["code"])
        assert ind.points == int(row["points"]), row["code"]
        assert groups[ind.group] == row["group"]
        assert subgroups[ind.subgroup] == row["subgroup"]
        assert ind.name == row["name"], row["code"]
        area = rs.structure.areas[[a.id for a in rs.structure.areas].index(ind.area)] \
            if ind.area else None
        printed = f"{area.name}({'필수' if area.mandatory else '선택'})" if area else ""
        assert printed == row["area"], row["code"]


def test_every_optional_area_is_in_the_catalogue(rs) -> None:
    assert [a.name for a in rs.optional_areas] == OPTIONAL
    assert [a.name for a in rs.mandatory_areas] == ["교통", "안전"]
    for area in rs.structure.areas:
        assert any(i.area == area.id for i in rs.indicators), area.name


@pytest.mark.parametrize("choice", list(combinations(OPTIONAL, 3)))
def test_points_are_300_300_400_for_every_choice(rs, choice) -> None:
    chosen = rs.indicators_for(choice)
    by_group = {g.id: sum(i.points for i in chosen if i.group == g.id)
                for g in rs.structure.groups}
    assert by_group == {"A": 300, "B": 300, "C": 400}
    assert len(chosen) == (52 if "문화관광" in choice else 53)
    assert rs.selection_problems(choice) == []


def test_selection_rules(rs) -> None:
    assert rs.selection_problems(["행정", "교육"]) == ["2 optional areas selected, exactly 3 required"]
    assert "unknown area '관광'" in rs.selection_problems(["관광", "행정", "교육"])
    assert any("mandatory" in p for p in rs.selection_problems(["교통", "행정", "교육", "경제"]))
    # spacing variants of the printed area names resolve
    assert rs.area("문화 관광").id == "culture_tourism"
    with pytest.raises(ValueError, match="unknown service area"):
        rs.indicators_for(["우주"])


def test_qualitative_units_and_stages(rs) -> None:
    q = rs.qualitative
    assert [s.name for s in q.stages] == ["착수", "일부요건 충족", "요건 충족", "발전", "최적화"]
    assert [s.level for s in q.stages] == [1, 2, 3, 4, 5]
    assert len(q.units) == 10
    assert [u.subgroup for u in q.units] == [s.id for s in rs.structure.subgroups]
    assert all(set(u.criteria) == {s.id for s in q.stages} for u in q.units)
    assert q.stage_points.published is False  # an assumption, labelled as such
    assert rs.qualitative_unit("자원 조성").id == "funding"  # the call's other wording
    assert rs.stage("요건충족 단계").id == "meets"


def test_qualitative_sub_items(rs) -> None:
    """One stage per 소분류: 26 of them under the 10 중분류, numbered per 대분류."""
    q = rs.qualitative
    labels = {u.id: [i.label for i in u.items] for u in q.units}
    assert labels["private_civic_capacity"] == ["2.1 기업 부문", "2.2 민간 부문", "2.3 리빙랩"]
    assert labels["funding"] == ["4.1 집행 예산", "4.2 중장기 예산", "4.3 민간 투자"]
    assert sum(len(u.items) for u in q.units) == 26
    basis = next(u for u in q.units if u.id == "institutional_basis").items[0]
    assert basis.criteria_rows == ["비전", "계획", "지침"]
    services = next(u for u in q.units if u.id == "intelligent_services")
    assert [i.area for i in services.items] == [a.id for a in rs.structure.areas]
    chosen = {a.id for a in rs.mandatory_areas} | {rs.area(n).id for n in ("행정", "교육", "환경에너지")}
    assert [i.label for i in services.expected_items(chosen)] == [
        "1.1 교통", "1.2 안전", "1.3 행정", "1.5 교육", "1.9 환경 에너지"]
    # the form prints '2.1 무선통신망' only: recorded, and the wired row is not expected
    network = next(u for u in q.units if u.id == "network")
    wired, wireless = network.items
    assert (wired.on_form, wireless.form_number) == (False, "2.1")
    assert [i.label for i in network.expected_items(chosen)] == ["2.2 무선통신망"]
    assert {d.id for d in q.discrepancies} == {"qualitative-stage-per-item",
                                               "qualitative-network-items"}


def test_qualitative_items_accept_the_older_string_form() -> None:
    from smartcert.schemas.catalogue.program import QualitativeUnit

    u = QualitativeUnit(id="x", name="공공 역량", group="A", subgroup="x", clause="c",
                        items=["1.1 전담 공무원", {"number": "1.2", "name": "전담 조직"}])
    assert [(i.number, i.name) for i in u.items] == [("1.1", "전담 공무원"), ("1.2", "전담 조직")]
    with pytest.raises(ValueError, match=r"not '<n\.n> <name>'"):
        QualitativeUnit(id="x", name="x", group="A", subgroup="x", clause="c", items=["전담"])


@pytest.mark.parametrize(("total", "grade"), [
    (2000, 1), (1800, 1), (1799.5, 2), (1600, 2), (1599, 3), (1400, 3),
    (1399.9, 4), (1000.5, 4), (1000, 5), (0, 5),
])
def test_grade_thresholds(rs, total, grade) -> None:
    g = rs.grade_for(total)
    assert g.grade == grade
    assert g.certified == (grade <= 3)


def test_period_rules_and_dates(rs) -> None:
    assert rs.indicator("A-1-2").period_rule.kind == "2y"
    assert rs.indicator("C-1-4").period_rule.code == "base:2025-06"
    assert rs.indicator("C-1-4").form.base_date == "2025-06"
    assert rs.indicator("B-4-2").period_rule.years == [2025, 2026]
    assert rs.indicator("C-2-2").period_rule.alternatives == ["2024"]
    p = rs.periods
    assert p.call_date == "2025-07-30"
    assert (p.two_year.earliest_start, p.two_year.latest_end, p.two_year.max_months) \
        == ("2023-01", "2025-07", 24)
    assert rs.applicants.population_threshold.value == 500_000
    assert rs.applicants.renewal.simplified_review.criteria_ruleset == "city-2023"


def test_forms_value_rules_and_exclusions(rs) -> None:
    c14 = rs.indicator("C-1-4")
    assert [c.id for c in c14.form.components] == ["A", "B", "ratio"]
    assert (c14.value_rule.numerator, c14.value_rule.denominator) == (["B"], ["A"])
    a12 = rs.indicator("A-1-2")
    awards = a12.form.lists[0]
    assert [f.name for f in awards.fields] == ["구분", "No.", "표창명", "수상일시",
                                                "수상부서 (수상자)", "수여기관"]
    assert awards.date_field.name == "수상일시" and awards.name_field.name == "표창명"
    assert {e.id for e in a12.exclusions} == {"candidate", "model_civil_servant"}
    assert rs.indicator("A-3-1").exclusion("own_smart_city_plan") is not None
    assert rs.indicator("C-3-2").exclusion("analysis_report") is not None
    assert rs.indicator("A-2-4").exclusion("living_lab") is not None
    assert rs.indicator("B-3-1").rule("no_overlap").params == {"with": "B-1-1"}
    free = [i.code for i in rs.indicators if i.value_rule.kind == "free_text"]
    assert len(free) == 9 and all(rs.indicator(c).form.free for c in free)


def test_every_fact_cites_the_call(rs) -> None:
    for ind in rs.indicators:
        clauses = [ind.clauses.summary, ind.clauses.points, ind.clauses.form,
                   ind.value_rule.clause, ind.period_rule.clause]
        clauses += [x.clause for x in (*ind.exclusions, *ind.rules, *ind.form.lists)]
        clauses += [a.clause for a in ind.all_names()]
        for clause in clauses:
            assert clause and "§" not in clause, ind.code
            assert clause.startswith(("지침 ", "공고 ", "국토연구원 브리프")), (ind.code, clause)


def test_csv_period_disagreements_are_documented(rs, csv_rows) -> None:
    documented = {d.subject for d in rs.meta.discrepancies if d.kind == "seed-vs-csv"}
    for row in csv_rows:
        if rs.indicator(row["code"]).period_rule.code != row["period_rule"]:
            assert row["code"] in documented, row["code"]


def test_find_by_name(rs) -> None:
    def codes(text: str, **kw) -> list[str]:
        return [i.code for i in rs.find_by_name(text, **kw)]

    assert codes("2년간 스마트도시 관련 표창 건수") == ["A-1-2"]
    assert codes("스마트도시 관련 표창 건수 ('23~'24년)") == ["A-1-2"]  # the form's wording
    assert codes("인구 1천명 당 방법 CCTV 수") == ["C-2-1"]  # the call's typo
    printed = [a for a in rs.indicator("C-2-1").all_names() if "방법" in a.text]
    assert {a.source for a in printed} == {"summary", "points", "form", "heading"}
    assert all(a.typo for a in printed)
    assert codes("BIS(BUS Information System) 도입 비율(%)") == ["C-1-1"]  # points table
    assert codes("스 마 트 도 시  조 례  여 부") == ["B-2-2"]  # letter-spaced cell
    assert codes("A–3–6") == []  # a code is not a name
    assert len(codes("지자체 자체 설정 지표 제시")) == 9
    assert codes("지자체 자체 설정 지표 제시", area="교육") == ["C-5-3"]
    assert codes("없는 지표") == []
    calls = []

    def fuzzy(key, candidates):
        calls.append(key)
        return ["A-1-1"] if "전담" in key else []

    assert codes("스마트도시 전담부서 지정여부?", matcher=fuzzy) == ["A-1-1"]
    assert calls == ["스마트도시전담부서지정여부?"]
    assert rs.indicator("a-1-2").code == "A-1-2"
    with pytest.raises(KeyError):
        rs.indicator("Z-9-9")


# ── broken copies ──────────────────────────────────────────────────────────


def _broken_copy(tmp_path: Path, edit) -> Path:
    folder = tmp_path / "city-2025"
    shutil.copytree(RULESETS_DIR / "city-2025", folder)
    path = folder / "indicators.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    edit({i["code"]: i for i in data["indicators"]}, data["indicators"])
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return folder


def test_broken_copy_names_every_problem(tmp_path) -> None:
    def edit(by_code, items) -> None:
        by_code["A-1-3"]["code"] = "A-1-2"  # duplicate code
        by_code["B-2-1"]["points"] = 50  # wrong points
        del by_code["C-1-4"]["form"]  # missing form
        by_code["C-2-3"]["value_rule"]["denominator"] = ["Z"]  # unknown component
        by_code["A-2-3"]["exclusions"] = [{"id": "x", "text": "제외", "clause": ""}]

    with pytest.raises(CatalogueError) as err:
        load_ruleset_from(_broken_copy(tmp_path, edit))
    problems = err.value.problems
    text = "\n".join(problems)
    assert "A-1-2: duplicate indicator code" in problems
    assert "C-1-4: missing form definition" in problems
    assert "C-2-3: value rule refers to component 'Z', not in the form" in problems
    assert "subgroup 제도기반: indicators add up to 100, the call says 110" in problems
    assert "group 거버넌스 및 제도: wrong points for 35 of 35 area choices" in text
    assert "A-2-3: exclusions[0].clause: empty or unresolved clause" in problems
    assert "city-2025" in str(err.value)


def test_broken_qualitative_items_are_named(tmp_path) -> None:
    folder = tmp_path / "city-2025"
    shutil.copytree(RULESETS_DIR / "city-2025", folder)
    path = folder / "qualitative.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    units = {u["id"]: u for u in data["units"]}
    units["private_civic_capacity"]["items"][2]["number"] = "2.2"  # twice in 혁신성
    units["public_capacity"]["items"].append({"number": "2.4", "name": "겸임 공무원"})
    units["intelligent_services"]["items"][0]["area"] = "space"
    units["funding"]["items"] = []
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        load_ruleset_from(folder)
    problems = err.value.problems
    assert "qualitative group A: 소분류 number 2.2 used 2 times" in problems
    text = "\n".join(problems)
    assert "qualitative unit 공공 역량: 소분류 numbers ['1', '2'] mix 중분류 numbers" in text
    assert "qualitative item 1.1 교통: unknown area 'space'" in text
    assert "qualitative: area transport has 0 소분류 rows, expected 1" in text
    assert "qualitative unit 재원 조성: no 소분류 (items)" in text
    # numbers repeat across 대분류 (1.1 전담 공무원, 1.1 스마트도시 협의체, 1.1 교통): fine
    assert "1.1 used" not in text


def test_broken_optional_area_points_fail_only_some_choices(tmp_path) -> None:
    def edit(by_code, items) -> None:
        by_code["C-6-1"]["points"] = 25  # 문화관광 now 45

    with pytest.raises(CatalogueError) as err:
        load_ruleset_from(_broken_copy(tmp_path, edit))
    text = "\n".join(err.value.problems)
    assert "area 문화관광: indicators add up to 45, the call says 40" in text
    # C(6,2) = 15 of the 35 choices contain 문화관광
    assert "group 서비스 기술 및 인프라: wrong points for 15 of 35 area choices" in text


def test_unknown_ruleset_is_refused() -> None:
    with pytest.raises(CatalogueError, match="no rule set folder"):
        load_ruleset("city-1999")


# ── city-2023 ──────────────────────────────────────────────────────────────


def test_city_2023_is_partial_and_cannot_score(rs) -> None:
    old = load_ruleset("city-2023")
    assert not old.complete and not old.can_score and old.meta.missing
    assert len(old.indicators) == 64
    assert [sum(1 for i in old.indicators if i.group == g) for g in "IGS"] == [15, 9, 40]
    assert old.indicator("S09").name == "인구 1천 명당 방범 CCTV 수"
    with pytest.raises(CatalogueError, match="incomplete rule set"):
        old.require_complete()
    with pytest.raises(CatalogueError):
        old.grade_for(1500)
    successors = [i.successor for i in old.indicators if i.successor]
    assert len(successors) == len(set(successors)) == 62  # I07 팹랩, G05 MOU have none
    assert all(rs.get(c) is not None for c in successors)
    assert old.find_by_name("팹랩(메이커스페이스) 운영 건수")[0].code == "I07"


def test_form_templates_are_a_section_of_the_rule_set(rs, tmp_path: Path) -> None:
    """forms.yaml (the call's printed forms) loads with the rule set and must agree with it:
    a template for an indicator the rule set does not have is a catalogue error."""
    assert rs.forms is not None
    c23 = rs.form_template("C-2-3")
    assert c23 is not None and [t.total_row is not None for t in c23.tables] == [True, False]
    assert rs.form_template("C-1-8") is None  # 자체 설정 지표: the call prints no form
    folder = tmp_path / "city-2025"
    shutil.copytree(RULESETS_DIR / "city-2025", folder)
    forms = folder / "forms.yaml"
    forms.write_text(forms.read_text(encoding="utf-8").replace("- code: C-2-3", "- code: C-2-99"),
                     encoding="utf-8")
    with pytest.raises(CatalogueError, match="C-2-99: no such indicator"):
        load_ruleset_from(folder)
