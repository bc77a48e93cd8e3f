"""Provisional scoring on small hand-built submissions and the sample bundles' claims:
qualitative stages, quantitative defaults, batch independence by default and batch scaling
on request, grade bands, the site-inspection threshold, grade at risk, and the method's
validation."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from smartcert.core.findings import Category, Finding, Severity
from smartcert.reports.assemble import provisional_score
from smartcert.reports.scoreview import basis_text
from smartcert.schemas.catalogue import CatalogueError, available_rulesets, load_ruleset
from smartcert.schemas.claims import IndicatorClaim, QualitativeClaim, Stage, Submission
from smartcert.scoring import (
    BATCH_RELATIVE_METHOD,
    DEFAULT_METHOD,
    ScoreResult,
    ScoringMethod,
    score_submission,
)
from smartcert.scoring.grade import grade_of, reaches_site_inspection, site_inspection_from
from smartcert.scoring.qualitative import unit_maxima
from tests.builders.truth_submission import truth_submission

RS = load_ruleset("city-2025")
AREAS = ["행정", "교육", "환경에너지"]
AREA_IDS = {"transport", "safety", "administration", "education", "environment_energy"}


def _item_claim(unit: str, number: str, stage: Stage) -> QualitativeClaim:
    """A 소분류 row of the self-assessment, as the mapping claims it."""
    u = next(x for x in RS.qualitative.units if x.id == unit)
    item = next(i for i in u.items if i.number == number)
    return QualitativeClaim(unit=unit, unit_as_printed=u.name, item=item.label,
                            item_number=number, item_name=item.name, stage=stage)


def _claim(code: str) -> IndicatorClaim:
    ind = RS.indicator(code)
    kind = ind.value_rule.kind if ind.value_rule else "free_text"
    value, text = {"free_text": (None, "스마트 가로등 설치율 45%"),
                   "bool": (True, "O")}.get(kind, (Decimal(3), "3건"))
    return IndicatorClaim(code=code, value=value, text=text)


def sub(stage: Stage | None = None, sid: str = "sub-1", city_type: str = "중소도시",
        **values: Decimal | bool | None) -> Submission:
    claims = [_claim(i.code) for i in RS.indicators_for(AREAS)]
    for c in claims:
        key = c.code.replace("-", "_")
        if key in values:
            c.value = values[key]
    quals = [_item_claim(u.id, i.number, stage) for u in RS.qualitative.units
             for i in u.expected_items(AREA_IDS)] if stage else []
    return Submission(id=sid, applicant="누리시", city_type_claimed=city_type,
                      population=412345, selected_areas=AREAS, indicators=claims,
                      qualitative=quals)


def finding(code: str | None, severity: Severity = Severity.ERROR,
            rule: str = "arithmetic.ratio") -> Finding:
    return Finding(rule=rule, category=Category(rule.split(".")[0]), severity=severity,
                   indicator=code, message="테스트")


def points(result, code: str) -> float:
    return next(s.points for s in result.indicators if s.code == code)


# ── qualitative ──
def test_all_optimized_gives_the_qualitative_maximum() -> None:
    r = score_submission(sub(Stage.OPTIMIZED), [], RS)
    assert r.qualitative == RS.qualitative.total == sum(unit_maxima(RS).values()) == 1000
    assert all(u.points == u.max_points and u.stage == "optimized" for u in r.units)
    assert r.quantitative == 1000 and r.total == 2000 and r.grade == 1 and r.certified


def test_stage_fractions_come_from_the_catalogue_and_missing_units_score_zero() -> None:
    r = score_submission(sub(Stage.PARTIAL), [], RS)
    assert r.qualitative == pytest.approx(400)  # 0.4 of every unit maximum
    assert score_submission(sub(), [], RS).qualitative == 0


def _units(claims: list[QualitativeClaim], method: ScoringMethod = DEFAULT_METHOD) -> dict:
    s = Submission(id="q", selected_areas=AREAS, qualitative=claims)
    return {u.unit: u for u in score_submission(s, [], RS, method).units}


def test_sub_item_stages_roll_up_to_the_mean_level_half_up() -> None:
    S = Stage
    claims = [_item_claim("private_civic_capacity", "2.1", S.PARTIAL),
              _item_claim("private_civic_capacity", "2.2", S.MEETS),
              _item_claim("private_civic_capacity", "2.3", S.OPTIMIZED),  # 2, 3, 5 → 3.33 → 3
              _item_claim("participation_network", "3.1", S.PARTIAL),
              _item_claim("participation_network", "3.2", S.MEETS),  # 2, 3 → 2.5 → 3
              _item_claim("funding", "4.1", S.INITIATION),
              _item_claim("funding", "4.2", S.PARTIAL)]  # 4.3 not staged: 1, 2 → 1.5 → 2
    units = _units(claims)
    assert (units["private_civic_capacity"].stage, units["private_civic_capacity"].points) \
        == ("meets", 0.6 * units["private_civic_capacity"].max_points)
    assert units["participation_network"].stage == "meets"
    assert units["funding"].stage == "partial"
    assert units["funding"].fraction == 0.4
    assert units["public_capacity"].stage is None and units["public_capacity"].points == 0


def test_rollup_is_a_method_setting() -> None:
    claims = [_item_claim("participation_network", "3.1", Stage.PARTIAL),
              _item_claim("participation_network", "3.2", Stage.ADVANCED)]
    mean = _units(claims, ScoringMethod(rollup="mean_fraction"))["participation_network"]
    assert mean.fraction == pytest.approx(0.6) and mean.stage == "meets"
    low = _units(claims, ScoringMethod(rollup="lowest"))["participation_network"]
    assert low.stage == "partial" and low.fraction == 0.4
    assert _units(claims)["participation_network"].stage == "meets"  # 2, 4 → 3
    r = score_submission(sub(Stage.MEETS), [], RS, ScoringMethod(rollup="lowest"))
    assert r.method.parameters["rollup"] == "lowest" and "가장 낮은 단계" in r.method.note


def test_a_sub_item_with_two_stages_counts_as_their_mean() -> None:
    claims = [_item_claim("network", "2.1", Stage.INITIATION),
              _item_claim("network", "2.1", Stage.PARTIAL),  # one row, two stages: 1.5
              _item_claim("network", "2.2", Stage.OPTIMIZED)]  # (1.5 + 5) / 2 = 3.25 → 3
    assert _units(claims)["network"].stage == "meets"


def test_a_unit_claimed_as_a_whole_and_unknown_rows() -> None:
    whole = QualitativeClaim(unit="public_capacity", unit_as_printed="1. 공공 역량",
                             stage=Stage.ADVANCED)  # no 소분류 rows printed
    unknown = QualitativeClaim(unit="funding", item="4.4 기금 조성", stage=Stage.OPTIMIZED)
    units = _units([whole, unknown])
    assert units["public_capacity"].stage == "advanced"
    assert units["funding"].stage is None  # a row the catalogue does not know does not count


def test_stage_fraction_override() -> None:
    m = ScoringMethod(stage_fraction=(("initiation", 0), ("partial", 0.25), ("meets", 0.5),
                                      ("advanced", 0.75), ("optimized", 1)))
    assert score_submission(sub(Stage.PARTIAL), [], RS, m).qualitative == pytest.approx(250)


# ── quantitative, single submission ──
def test_single_default_full_half_zero() -> None:
    s = sub(Stage.OPTIMIZED, A_1_2=None, B_2_2=False)
    r = score_submission(s, [finding("A-2-1"), finding("A-3-1", Severity.WARNING)], RS)
    assert points(r, "A-1-2") == 0  # missing
    assert points(r, "B-2-2") == 0  # boolean false
    assert points(r, "A-2-1") == 0  # error
    assert points(r, "A-3-1") == 20  # warning: half of 40
    assert points(r, "C-3-3") == RS.indicator("C-3-3").points  # free text filled
    assert r.provisional is True and not r.method.batch
    assert "잠정" in r.method.note and "공개하지 않" in r.method.note


def test_info_findings_do_not_change_points() -> None:
    r = score_submission(sub(Stage.OPTIMIZED), [finding("A-2-1", Severity.INFO)], RS)
    assert r.quantitative == 1000


# ── grades ──
@pytest.mark.parametrize(("total", "grade"), [
    (2000, 1), (1800, 1), (1799.99, 2), (1600, 2), (1599.99, 3), (1400, 3), (1399.99, 4),
    (1000.01, 4), (1000, 5), (0, 5)])
def test_grade_bands(total: float, grade: int) -> None:
    assert grade_of(total, RS) == grade


def test_partial_ruleset_refuses_to_score() -> None:
    partial = [r for r in available_rulesets() if not load_ruleset(r).complete]
    if not partial:
        pytest.skip("no partial rule set shipped")
    with pytest.raises(CatalogueError):
        score_submission(sub(), [], load_ruleset(partial[0]))


# ── grade at risk ──
def test_error_on_60_point_indicator_near_threshold_puts_grade_at_risk() -> None:
    assert RS.indicator("B-2-1").points == 60
    r = score_submission(sub(Stage.PARTIAL), [finding("B-2-1")], RS)  # 940 + 400
    assert r.total == 1340 and r.grade == 4
    [risk] = r.at_risk
    assert risk.indicator == "B-2-1" and risk.points_now == 0 and risk.points_if_restored == 60
    assert risk.total_if_restored == 1400 and risk.grade_if_restored == 3
    assert risk.points_at_stake == 60 and risk.grade_at_risk


def test_error_far_from_threshold_is_not_at_risk() -> None:
    r = score_submission(sub(Stage.OPTIMIZED),
                         [finding("B-2-1"), finding("A-1-2", Severity.WARNING)], RS)
    [risk] = r.at_risk  # one entry per error finding only
    assert r.grade == 1 and risk.grade_if_restored == 1 and not risk.grade_at_risk


def test_loss_direction_when_errors_keep_points() -> None:
    m = ScoringMethod(error_factor=0.5)  # an error keeps half: losing it can still cost
    r = score_submission(sub(Stage.PARTIAL), [finding("B-2-1")], RS, m)  # 970 + 400
    [risk] = r.at_risk
    assert risk.total_if_lost == 1340 and risk.total_if_restored == 1400
    assert risk.grade_if_lost == 4 and risk.grade_if_restored == 3 and risk.grade_at_risk


def test_error_without_indicator_is_listed_but_not_at_risk() -> None:
    r = score_submission(sub(Stage.PARTIAL), [finding(None, rule="eligibility.city-type")], RS)
    [risk] = r.at_risk
    assert risk.indicator is None and not risk.grade_at_risk and risk.points_at_stake == 0


# ── batch: independent by default, relative within the applicant type on request ──
BATCH = BATCH_RELATIVE_METHOD
SAMPLES = ("nuri-hwp", "chorong-word", "pureun-scan", "solnae-split", "hanbit-xlsx",
           "garam-docx", "saebyeol-sheet")


def test_by_default_a_sample_scores_the_same_alone_and_within_the_demo_batch() -> None:
    """hanbit-xlsx (대도시) is 1등급 alone; among the sample bundles it must stay so unless
    the operator asks for batch-relative scoring, which makes it 2등급."""
    batch = [truth_submission(b) for b in SAMPLES]
    hanbit = batch[SAMPLES.index("hanbit-xlsx")]
    alone = score_submission(hanbit, [], RS)
    assert (alone.total, alone.grade) == (1808.0, 1)
    assert score_submission(hanbit, [], RS, batch=batch) == alone
    assert score_submission(hanbit, [], RS, batch=batch[:2]) == alone
    assert not alone.method.batch and not alone.method.batch_requested
    assert "다른 제출과 무관" in alone.method.note
    relative = score_submission(hanbit, [], RS, BATCH, batch)
    assert relative.method.batch and relative.method.batch_requested
    assert relative.method.batch_size == 3  # 한빛, 가람, 새별: the 대도시 of the batch
    assert (relative.total, relative.grade) == (1689.17, 2)
    assert "일괄 상대 환산" in relative.method.note
    # another batch, another relative score; the default one never moves
    other = score_submission(hanbit, [], RS, BATCH, [hanbit, batch[SAMPLES.index("garam-docx")]])
    assert other.total != relative.total


def test_every_sample_scores_the_same_alone_and_in_any_batch_by_default() -> None:
    subs = [truth_submission(b) for b in SAMPLES]
    for s in subs:
        alone = score_submission(s, [], RS)
        assert score_submission(s, [], RS, batch=subs) == alone, s.id
        assert score_submission(s, [], RS, BATCH, [s]).total == alone.total  # no peers


def test_the_report_says_which_method_was_used() -> None:
    batch = [truth_submission(b) for b in SAMPLES]
    nuri = batch[0]
    alone = provisional_score(nuri, [], RS)
    assert not alone.relative and not alone.relative_requested and alone.batch_size == 0
    within = provisional_score(nuri, [], RS, batch)  # peers given: the operator's request
    assert within.relative and within.relative_requested and within.batch_size == 4
    assert within.total != alone.total
    assert basis_text(alone) == "단독 산정 (기본값: 함께 접수된 다른 제출과 무관)"
    assert basis_text(within) == "일괄 상대 환산 (운영자 요청, 같은 신청 유형 4건 대비)"
    lone = provisional_score(nuri, [], RS, [nuri])  # asked, but no peer of its type
    assert not lone.relative and lone.relative_requested and lone.total == alone.total
    assert "1건뿐" in basis_text(lone) and "1건뿐" in (lone.note or "")


def test_batch_scaling_ranks_two_submissions() -> None:
    hi = sub(Stage.OPTIMIZED, sid="hi", A_2_1=Decimal(10))
    lo = sub(Stage.OPTIMIZED, sid="lo", A_2_1=Decimal(5))
    big = sub(Stage.OPTIMIZED, sid="big", city_type="대도시", A_2_1=Decimal(100))
    batch = [hi, lo, big]
    r_hi, r_lo = (score_submission(s, [], RS, BATCH, batch) for s in (hi, lo))
    assert r_hi.method.batch and r_hi.method.batch_size == 2  # 대도시 not compared
    assert points(r_hi, "A-2-1") == 40 and points(r_lo, "A-2-1") == 20  # ratio: 5 / 10
    assert r_hi.total > r_lo.total
    assert points(r_lo, "A-1-1") == points(r_hi, "A-1-1")  # booleans full/zero
    minmax = ScoringMethod(relative="minmax", batch_relative=True)
    assert points(score_submission(lo, [], RS, minmax, batch), "A-2-1") == 0
    rank = ScoringMethod(relative="rank", batch_relative=True)
    assert points(score_submission(lo, [], RS, rank, batch), "A-2-1") == 20
    # errors still apply after scaling
    assert points(score_submission(hi, [finding("A-2-1")], RS, BATCH, batch), "A-2-1") == 0
    # without the request the batch changes nothing
    assert points(score_submission(lo, [], RS, batch=batch), "A-2-1") == 40


def test_the_same_submission_twice_in_a_batch_is_one_peer() -> None:
    hi = sub(Stage.OPTIMIZED, sid="hi", A_2_1=Decimal(10))
    lo = sub(Stage.OPTIMIZED, sid="lo", A_2_1=Decimal(5))
    r = score_submission(lo, [], RS, BATCH, [hi, lo, hi.model_copy(), lo])
    assert r.method.batch_size == 2 and points(r, "A-2-1") == 20


def test_lower_is_better_and_lone_submission_falls_back() -> None:
    hi = sub(sid="hi", A_2_1=Decimal(10))
    lo = sub(sid="lo", A_2_1=Decimal(5))
    m = ScoringMethod(lower_is_better=("A-2-1",), batch_relative=True)
    assert points(score_submission(lo, [], RS, m, [hi, lo]), "A-2-1") == 40
    alone = score_submission(hi, [], RS, BATCH, [hi])
    assert not alone.method.batch and points(alone, "A-2-1") == 40


# ── site inspection: totals from grades.yaml › site_inspection_from (1,400) ──
def test_site_inspection_threshold_comes_from_the_catalogue() -> None:
    assert RS.grades is not None and RS.grades.site_inspection_from == 1400
    assert site_inspection_from(RS) == RS.grades.site_inspection_from
    assert reaches_site_inspection(1400, RS) is True
    assert reaches_site_inspection(1399.99, RS) is False
    moved = RS.model_copy(update={"grades": RS.grades.model_copy(
        update={"site_inspection_from": 1500.0})})
    assert reaches_site_inspection(1400, moved) is False  # read, not a literal
    none = RS.model_copy(update={"grades": RS.grades.model_copy(
        update={"site_inspection_from": None})})
    assert reaches_site_inspection(1400, none) is None


def test_a_total_at_1400_reaches_site_inspection_and_just_below_does_not() -> None:
    at = score_submission(sub(Stage.PARTIAL), [], RS)  # 1,000 + 10 units × 0.4
    assert (at.total, at.site_inspection, at.site_inspection_from) == (1400.0, True, 1400.0)
    below = score_submission(sub(Stage.PARTIAL), [finding("A-1-2", Severity.WARNING)], RS,
                             ScoringMethod(warning_factor=0.99))  # 10 points × 0.99
    assert (below.total, below.site_inspection) == (1399.9, False)
    score = provisional_score(sub(Stage.PARTIAL), [], RS)
    assert score.site_inspection is True and score.site_inspection_from == 1400


# ── the method ──
@pytest.mark.parametrize("kwargs", [
    {"warning_factor": 1.5}, {"error_factor": -0.1}, {"warning_factor": 0.2, "error_factor": 0.5},
    {"relative": "zscore"}, {"min_batch": 1}, {"name": " "}, {"warning_factor": True},
    {"batch_relative": 1},
    {"stage_fraction": (("initiation", 0.2),)},
    {"stage_fraction": (("initiation", 0.9), ("partial", 0.4), ("meets", 0.6),
                        ("advanced", 0.8), ("optimized", 1.0))},
    {"stage_fraction": (("initiation", 0.2), ("partial", 0.4), ("meets", 0.6),
                        ("advanced", 0.8), ("optimized", 1.5))},
    {"rollup": "median"},
])
def test_method_rejects_bad_parameters(kwargs: dict) -> None:
    with pytest.raises(ValueError, match="invalid scoring method"):
        ScoringMethod(**kwargs)


def test_method_is_frozen_and_reported() -> None:
    with pytest.raises(AttributeError):
        DEFAULT_METHOD.warning_factor = 1  # type: ignore[misc]
    r = score_submission(sub(), [], RS)
    assert r.method.name == "provisional-v2"
    assert r.method.parameters["warning_factor"] == 0.5
    assert r.method.parameters["relative"] == "ratio"
    assert r.method.parameters["batch_relative"] is False  # the default: independent of a batch
    assert ScoreResult.model_validate_json(r.model_dump_json()) == r


# ── the operator's option ──
def test_batch_relative_is_an_operator_option_off_by_default(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import inspect

    from smartcert.cli import _config, build_parser
    from smartcert.pipelines.flows import batch_intake
    from smartcert.pipelines.runtime import RunConfig

    parser = build_parser()
    base = ["intake", str(tmp_path / "batch"), "--out", str(tmp_path / "out")]
    assert _config(parser.parse_args(base)).relative_scoring is False
    assert _config(parser.parse_args([*base, "--batch-relative"])).relative_scoring is True
    assert _config(parser.parse_args([*base, "--score-alone"])).relative_scoring is False
    with pytest.raises(SystemExit):  # one or the other
        parser.parse_args([*base, "--batch-relative", "--score-alone"])
    with pytest.raises(SystemExit):
        parser.parse_args(["intake", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "--batch-relative" in shown and "최고값 대비로 환산" in shown  # Korean help
    assert RunConfig.make(tmp_path).relative_scoring is False
    flow_default = inspect.signature(batch_intake.fn).parameters["relative_scoring"].default
    assert flow_default is False
