"""The qualitative evaluator aid in report.html and findings.xlsx, on a real sample's
report (nuri-hwp through `run_submission`): each 소분류's narrative beside the call's
criteria for the claimed stage and the stage above it (seed 002, criteria table lines
285–358; 작성요령 line 1300 '각 항목의 단계별 평가기준을 확인하고 평가기준에 부합하는 바를 설득력
있게 제시'), the claimed stages without a narrative, and no effect on findings or score."""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from smartcert.extractors.base import ExtractSettings
from smartcert.pipelines.batch import run_submission
from smartcert.pipelines.steps import SubmissionRun
from smartcert.reports.qualaid import AID_NOTE, NO_NARRATIVE, TOP_STAGE, build_aid
from smartcert.reports.write import write_submission_reports
from smartcert.reports.xlsx import AID_HEADERS, AID_SHEET
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import Stage, Submission
from tests.builders.findings_report import PHONE, SCRIPT

RS = load_ruleset("city-2025")
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "bundles" / "nuri-hwp"
pytestmark = pytest.mark.slow


@dataclass
class Row:
    unit: str
    items: list[str]
    lacking: bool
    label: str
    claimed: str
    above: str
    narrative: str


def _text(fragment: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def aid_rows(page: str) -> list[Row]:
    rows = []
    for m in re.finditer(r'<tr class="aid-row" data-unit="([^"]*)" data-items="([^"]*)"'
                         r'( data-lacking="1")?>(.*?)</tr>', page, re.S):
        body = m.group(4)

        def cell(cls: str, body: str = body) -> str:
            found = re.search(rf'<td class="{cls}">(.*?)</td>', body, re.S)
            assert found is not None, cls
            return _text(found.group(1))

        label = re.search(r'<th scope="row">(.*?)</th>', body, re.S)
        assert label is not None
        rows.append(Row(m.group(1), m.group(2).split(), bool(m.group(3)), _text(label.group(1)),
                        cell("aid-claimed"), cell("aid-above"), cell("aid-narrative")))
    return rows


def row_of(rows: list[Row], unit: str, number: str) -> Row:
    (row,) = [r for r in rows if r.unit == unit and number in r.items]
    return row


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[SubmissionRun, Path]:
    tmp = tmp_path_factory.mktemp("qualaid")
    run = run_submission(SAMPLE, tmp, ExtractSettings(ocr=False))
    assert run.report is not None and run.analysed is not None
    return run, tmp


def _write(run: SubmissionRun, out: Path, sub: Submission | None = None) -> tuple[str, Path]:
    assert run.report is not None and run.analysed is not None
    paths = write_submission_reports(run.report, out, {f.name: f.path for f in run.intake.files},
                                     submission=sub or run.analysed.submission, ruleset=RS)
    return paths[0].read_text(encoding="utf-8"), paths[1]


@pytest.fixture(scope="module")
def written(sample: tuple[SubmissionRun, Path]) -> tuple[str, Path]:
    run, tmp = sample
    return _write(run, tmp / "reports")


def test_every_claim_shows_its_stage_criteria_and_the_next_ones(
        sample: tuple[SubmissionRun, Path], written: tuple[str, Path]) -> None:
    run, _tmp = sample
    assert run.analysed is not None
    sub = run.analysed.submission
    rows = aid_rows(written[0])
    stages = {s.id: s for s in RS.qualitative.stages}
    assert len(sub.qualitative) == 22
    for claim in sub.qualitative:
        unit = RS.qualitative_unit(claim.unit)
        assert unit is not None and claim.stage is not None and claim.item_number is not None
        row = row_of(rows, unit.id, claim.item_number)
        assert unit.name in row.label and claim.item_name in row.label
        spec = stages[claim.stage.value]
        assert row.claimed.startswith(f"{spec.name} 단계")
        nxt = next((s for s in stages.values() if s.level == spec.level + 1), None)
        assert nxt is not None  # the sample claims no 최적화
        assert row.above.startswith(f"{nxt.name} 단계")
        item = next(i for i in unit.items if i.number == claim.item_number)
        own = [unit.criteria[spec.id][c] for c in item.criteria_cells] or unit.criteria[spec.id]
        above = [unit.criteria[nxt.id][c] for c in item.criteria_cells] or unit.criteria[nxt.id]
        assert all(c in row.claimed for c in own) and all(c in row.above for c in above)
        first_line = claim.narrative.splitlines()[0]
        assert first_line in row.narrative and not row.lacking


def test_the_seed_criteria_beside_the_right_narrative(written: tuple[str, Path]) -> None:
    """As the call prints them (seed lines 302, 317, 356): claimed stage and the one above."""
    page, _xlsx = written
    rows = aid_rows(page)
    officials = row_of(rows, "public_capacity", "1.1")  # 요건충족 단계 claimed
    assert officials.claimed == "요건 충족 단계 스마트도시 전담을 위한 공식조직 구성 및 운영"
    assert officials.above == "발전 단계 스마트도시 운영을 위한 민간 활용"
    assert "스마트도시과 3개팀 총원 14명 운영" in officials.narrative
    council = row_of(rows, "governance_system", "1.1")  # 발전단계 claimed
    assert "스마트도시 협의체의 의사결정 지원을 위한 정책공유 프로그램 운영" in council.claimed
    assert council.above == "최적화 단계 스마트도시 의사결정에서의 주도적 역할 수행"
    assert "스마트도시 협의체 회의 6건 개최" in council.narrative
    # 정보통신망 prints a row per 소분류: 무선 gets the 무선 row's criteria, 유선 the 유선 row's
    wireless, wired = row_of(rows, "network", "2.2"), row_of(rows, "network", "2.1")
    assert wireless is not wired and wireless.items == ["2.2"]
    assert wireless.claimed == "발전 단계 모든 지역의 망연계"
    assert wireless.above == "최적화 단계 도시 전역의 무선서비스 제공"
    assert wired.claimed == "발전 단계 모든 도시 지능화 시설물과 연계"
    assert "모든 도시 지능화 시설물과 연계" not in wireless.claimed
    # 제도 기반 prints three criteria rows (비전, 계획, 지침): labelled
    basis = row_of(rows, "institutional_basis", "2.1")
    assert "계획: 스마트도시 계획 이행 시 시민의견 반영 및 참여 절차 명시" in basis.claimed
    assert "계획: 스마트도시 계획 성과 파악 등에 시민의견 반영" in basis.above
    # 소분류 sharing one merged cell share one row, all of them named
    civic = row_of(rows, "private_civic_capacity", "2.3")
    assert civic.items == ["2.1", "2.2", "2.3"] and "2.3 리빙랩" in civic.label


def test_it_is_an_aid_only(sample: tuple[SubmissionRun, Path], written: tuple[str, Path]) -> None:
    run, tmp = sample
    assert run.report is not None
    page, _xlsx = written
    assert AID_NOTE in page and '<a href="#qualitative-aid">' in page
    before = run.report.model_dump()
    assert run.report.model_dump() == before
    assert page.count('<article class="finding') == len(run.report.findings)
    # without the submission (a report rebuilt from findings.json alone) there is no aid
    bare = write_submission_reports(run.report, tmp / "bare", {})[0].read_text("utf-8")
    assert 'id="qualitative-aid"' not in bare


def test_claimed_stages_without_a_narrative_and_the_top_stage(
        sample: tuple[SubmissionRun, Path]) -> None:
    run, tmp = sample
    assert run.analysed is not None
    sub = run.analysed.submission.model_copy(deep=True)
    officials = next(c for c in sub.qualitative if c.unit == "public_capacity")
    officials.narrative, officials.achievements = "", []
    center = next(c for c in sub.qualitative if c.unit == "operations_center")
    center.stage, center.stage_text = Stage.OPTIMIZED, "최적화단계"
    center.narrative = f"■ 데이터 오픈형 플랫폼 운영 {SCRIPT} 담당 {PHONE}"
    page, xlsx = _write(run, tmp / "edited", sub)
    rows = aid_rows(page)
    empty = row_of(rows, "public_capacity", "1.1")
    assert empty.lacking and NO_NARRATIVE in empty.narrative
    assert "자체 평가내용이 없는 소분류: 1.1 전담 공무원 (요건 충족 단계)" in _text(page)
    assert [r for r in rows if r.lacking] == [empty]
    top = row_of(rows, "operations_center", "3.1")
    assert top.claimed.startswith("최적화 단계 통합운영센터의 공공 및 민간 서비스의 완벽한 연계")
    assert top.above == TOP_STAGE
    assert SCRIPT not in page and PHONE not in page and "010-****-****" in top.narrative
    ws = load_workbook(xlsx)[AID_SHEET]
    head = [c.value for c in ws[2]]
    flagged = [r for r in ws.iter_rows(min_row=3, values_only=True)
               if r[head.index("자체 평가내용 없음")]]
    assert [r[head.index("소분류")] for r in flagged] == ["1.1 전담 공무원"]


def test_the_sheet_holds_the_same_aid(written: tuple[str, Path],
                                      sample: tuple[SubmissionRun, Path]) -> None:
    run, _tmp = sample
    assert run.analysed is not None
    _page, xlsx = written
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["발견사항", "지표", "점수", AID_SHEET, "정보"]
    ws = wb[AID_SHEET]
    assert ws["A1"].value == AID_NOTE and tuple(c.value for c in ws[2]) == AID_HEADERS
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == len(build_aid(run.analysed.submission, RS).rows)
    col = {h: i for i, h in enumerate(AID_HEADERS)}
    (wireless,) = [r for r in rows if r[col["소분류"]] == "2.2 무선통신망"]
    assert wireless[col["신청 단계"]] == "발전 단계"
    assert wireless[col["신청 단계 평가기준"]] == "· 모든 지역의 망연계"
    assert wireless[col["바로 위 단계"]] == "최적화 단계"
    assert wireless[col["바로 위 단계 평가기준"]] == "· 도시 전역의 무선서비스 제공"
    assert "공공 WiFi" in wireless[col["자체 평가내용"]]


def test_a_unit_claimed_whole_an_unknown_unit_and_no_stage() -> None:
    """A 중분류 row without 소분류 gets every criteria cell of its unit; a row the catalogue
    does not know, or without a stage, is still shown with what is known."""
    from smartcert.schemas.claims import QualitativeClaim

    sub = Submission(id="s", qualitative=[
        QualitativeClaim(unit="unknown", unit_as_printed="스마트 농업", stage=Stage.MEETS,
                         stage_text="요건충족 단계", narrative="■ 스마트팜 운영"),
        QualitativeClaim(unit="information_disclosure", unit_as_printed="3. 정보 공개 및 활용",
                         stage=Stage.PARTIAL, stage_text="레벨2", narrative="■ 데이터 일부 연계"),
        QualitativeClaim(unit="funding", unit_as_printed="4. 자원 조성", item="4.1 집행 예산",
                         item_number="4.1", item_name="집행 예산", narrative="■ 통합 예산"),
    ])
    whole, budget, unknown = build_aid(sub, RS).rows  # catalogue order; unknown last
    assert whole.unit == "정보 공개 및 활용" and whole.items == () and whole.printed_differs
    assert whole.claimed is not None and whole.claimed.cells == (
        "개별 분야간 연계 데이터 및 시스템 일부 존재", "공공기관 간 데이터 일부 연계")
    assert whole.above is not None and whole.above.name == "요건 충족 단계"
    assert budget.claimed is None and budget.stage_text == "단계 미기재"
    assert budget.above_label == "—" and not budget.lacks_narrative
    assert unknown.unit == "스마트 농업" and unknown.unit_id is None
    assert unknown.claimed is not None and unknown.claimed.cells == ()
