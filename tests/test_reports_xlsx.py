"""findings.xlsx: layout, inert text, and the verdict round trip (write → a reviewer edits
the sheet with Excel-like operations → read back)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from smartcert.reports.keys import resolve_keys
from smartcert.reports.verdicts import Verdict, VerdictInfo
from smartcert.reports.write import write_submission_reports
from smartcert.reports.xlsx import (
    AID_SHEET,
    VerdictSheetError,
    read_submission_id,
    read_verdicts,
)
from smartcert.reports.xlsx_layout import FINDING_HEADERS
from tests.builders.findings_report import PHONE, RRN, SCRIPT, hostile_report, sources


@pytest.fixture
def sheet(tmp_path: Path) -> tuple[Path, list[str]]:
    report = hostile_report()
    paths = write_submission_reports(report, tmp_path / "out", sources(tmp_path))
    return paths[1], resolve_keys(report.findings)


def _col(ws, name: str) -> int:  # type: ignore[no-untyped-def]
    return [c.value for c in ws[1]].index(name) + 1


def test_layout(sheet: tuple[Path, list[str]]) -> None:
    path, keys = sheet
    wb = load_workbook(path)
    assert wb.sheetnames == ["발견사항", "지표", "점수", "정보"]
    ws = wb["발견사항"]
    assert tuple(c.value for c in ws[1]) == FINDING_HEADERS
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:O6"
    assert [ws.cell(row=r, column=2).value for r in range(2, 7)] == keys
    dv = ws.data_validations.dataValidation
    assert len(dv) == 1 and dv[0].formula1 == '"인정,기각"' and "M2" in str(dv[0].sqref)
    assert ws.cell(row=2, column=_col(ws, "이미지")).hyperlink.target.startswith("report_files/")
    assert [c.value for c in wb["지표"][1]][:3] == ["코드", "값", "단위"]
    assert wb["지표"].max_row == 3
    score = {r[0]: r[1] for r in wb["점수"].iter_rows(values_only=True) if r[0]}
    assert score["등급"] == "3등급" and score["등급 위험"] == "있음"
    assert score["정량 환산 기준"] == "단독 산정 (기본값: 함께 접수된 다른 제출과 무관)"
    assert score["현장실사 대상"] == "—"  # the builder's score predates the threshold


def test_score_sheet_says_method_and_site_inspection(tmp_path: Path) -> None:
    report = hostile_report()
    report.score = report.score.model_copy(update={
        "total": 1399.9, "relative": True, "relative_requested": True, "batch_size": 3,
        "site_inspection_from": 1400.0, "site_inspection": False})
    path = write_submission_reports(report, tmp_path / "out", sources(tmp_path))[1]
    wb = load_workbook(path)
    assert AID_SHEET not in wb.sheetnames  # no submission given: no evaluator aid
    score = {r[0]: r[1] for r in wb["점수"].iter_rows(values_only=True) if r[0]}
    assert score["현장실사 대상 (1,400점 이상)"] == "미해당 (잠정 합계 1,399.9점 < 1,400점)"
    assert score["정량 환산 기준"] == "일괄 상대 환산 (운영자 요청, 같은 신청 유형 3건 대비)"
    assert read_submission_id(path) == "sub-test"


def test_document_text_is_inert_and_masked(sheet: tuple[Path, list[str]]) -> None:
    path, _keys = sheet
    ws = load_workbook(path)["발견사항"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    formula = next(c for c in cells if "HYPERLINK" in c.value)
    assert formula.data_type == "s"  # a string, not a formula
    text = "\n".join(c.value for c in cells)
    assert SCRIPT in text  # no HTML in a sheet: kept as text, never executed
    assert RRN not in text and PHONE not in text and "******-*******" in text


def test_verdict_round_trip(sheet: tuple[Path, list[str]]) -> None:
    path, keys = sheet
    wb = load_workbook(path)
    ws = wb["발견사항"]
    v, c, who = _col(ws, "검토 의견"), _col(ws, "코멘트"), _col(ws, "검토자")
    # a reviewer sorts the rows (here: reversed) before deciding
    rows = [[cell.value for cell in row] for row in ws.iter_rows(min_row=2)]
    for r, values in enumerate(reversed(rows), 2):
        for col, value in enumerate(values, 1):
            ws.cell(row=r, column=col).value = value
    by_key = {ws.cell(row=r, column=2).value: r for r in range(2, 7)}
    ws.cell(row=by_key[keys[0]], column=v).value = "인정"
    ws.cell(row=by_key[keys[1]], column=v).value = " Rejected "
    ws.cell(row=by_key[keys[1]], column=c).value = "같은 값입니다"
    ws.cell(row=by_key[keys[1]], column=who).value = "김검토"
    ws.cell(row=by_key[keys[2]], column=c).value = "나중에 판단"  # comment, verdict blank
    ws.cell(row=by_key[keys[3]], column=v).value = "아마도"  # not a verdict word
    ws.cell(row=by_key[keys[4]], column=v).value = 1  # a number typed in
    ws.append([None, "f-unknown", *[None] * 10, "기각"])
    ws.append([None, None, *[None] * 10, "인정"])  # a verdict without a key
    wb.save(path)

    got = {r.key: r for r in read_verdicts(path, known_keys=set(keys))}
    assert got[keys[0]].verdict is Verdict.ACCEPT and got[keys[0]].usable
    assert got[keys[1]].info() == VerdictInfo(verdict=Verdict.DISMISS,
                                              comment="같은 값입니다", reviewer="김검토")
    assert got[keys[2]].verdict is None and got[keys[2]].comment == "나중에 판단"
    assert not got[keys[2]].usable and not got[keys[2]].problems
    assert "아마도" in got[keys[3]].problems[0] and not got[keys[3]].usable
    assert got[keys[4]].problems and not got[keys[4]].usable
    assert "이 보고서에 없습니다" in got["f-unknown"].problems[0]
    assert "키가 비어" in got[None].problems[0]
    assert sum(r.usable for r in got.values()) == 2


def test_verdicts_survive_a_rewrite(tmp_path: Path) -> None:
    report = hostile_report()
    keys = resolve_keys(report.findings)
    verdicts = {keys[1]: VerdictInfo(verdict=Verdict.ACCEPT, comment="확인", reviewer="이")}
    path = write_submission_reports(report, tmp_path / "o", sources(tmp_path), verdicts)[1]
    rows = read_verdicts(path)
    assert [(r.key, r.verdict, r.comment, r.reviewer) for r in rows] == [
        (keys[1], Verdict.ACCEPT, "확인", "이")]


def test_moved_columns_and_english_headers(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["검토 메모 시트"])  # a title row above the header
    ws.append(["Comment", "Verdict", "Finding key"])
    ws.append(["ok", "accepted", "f-1"])
    ws.append([None, "기각", "f-2"])
    ws.append(["f-2 again", "인정", "f-2"])  # conflicting verdicts for one key
    wb.save(tmp_path / "e.xlsx")
    rows = read_verdicts(tmp_path / "e.xlsx")
    assert rows[0].key == "f-1" and rows[0].verdict is Verdict.ACCEPT and rows[0].comment == "ok"
    assert rows[1].problems and rows[2].problems  # neither of the conflicting pair is used


def test_unreadable_file_raises_sheet_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(VerdictSheetError):
        read_verdicts(bad)
    wb = Workbook()
    wb.active.append(["a", "b"])
    wb.save(tmp_path / "y.xlsx")
    with pytest.raises(VerdictSheetError):
        read_verdicts(tmp_path / "y.xlsx")
