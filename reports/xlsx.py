"""findings.xlsx: one row per finding for reviewers (verdict, comment, reviewer columns),
the indicator table, the score breakdown and, when the submission was at hand, the
qualitative evaluator aid. Reading it back: `reports.xlsx_read`.

Every text cell is written as a string, never a formula: a document printing
'=HYPERLINK(…)' stays text in the committee's spreadsheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from smartcert.core.report import FindingsReport
from smartcert.reports.atomic import save_workbook_atomic
from smartcert.reports.qualaid import AID_NOTE, NO_NARRATIVE, AidRow, QualitativeAid, StageCriteria
from smartcert.reports.scoreview import AT_RISK_HEADERS, at_risk, at_risk_cells, score_rows
from smartcert.reports.view import FindingView, IndicatorView
from smartcert.reports.xlsx_layout import (
    COL_VERDICT,
    FINDING_HEADERS,
    FINDINGS_SHEET,
    INFO_SHEET,
    VERDICT_CHOICES,
)
from smartcert.reports.xlsx_read import VerdictSheetError, read_submission_id, read_verdicts

__all__ = ["VerdictSheetError", "read_submission_id", "read_verdicts", "write_findings_xlsx",
           "write_table"]

Cell = str | int | float | None
_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="F2F4F7")
_EDIT_FILL = PatternFill("solid", fgColor="FFFAEB")  # the columns a reviewer fills in
_WIDTHS = {"번호": 6, "발견사항 키": 20, "심각도": 7, "분류": 10, "지표": 8, "규칙": 30,
           "내용": 60, "신고값": 16, "기대값": 16, "위치": 36, "공고 조항": 40, "이미지": 8,
           "검토 의견": 10, "코멘트": 30, "검토자": 10}
_WRAP_COLS = [FINDING_HEADERS.index(h) + 1 for h in ("내용", "위치", "공고 조항", "코멘트")]


def _put(ws: Worksheet, row: int, col: int, value: Cell) -> None:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # openpyxl would read a leading '=' as a formula
    else:
        cell.value = value


def write_table(ws: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Cell]],
           start: int = 1) -> None:
    for c, h in enumerate(headers, 1):
        _put(ws, start, c, h)
        ws.cell(row=start, column=c).font = _HEAD_FONT
        ws.cell(row=start, column=c).fill = _HEAD_FILL
    for r, values in enumerate(rows, start + 1):
        for c, v in enumerate(values, 1):
            _put(ws, r, c, v)


def _finding_row(f: FindingView) -> list[Cell]:
    v = f.verdict
    return [f.number, f.key, f.severity_label, f.category_label, f.indicator or "", f.rule,
            f.message, f.claimed or "", f.expected or "", f.place_text, f.clause, "",
            v.label if v else "", v.comment if v else "", v.reviewer if v else ""]


def _findings_sheet(ws: Worksheet, findings: Sequence[FindingView]) -> None:
    ws.title = FINDINGS_SHEET
    write_table(ws, FINDING_HEADERS, [_finding_row(f) for f in findings])
    image_col = FINDING_HEADERS.index("이미지") + 1
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, f in enumerate(findings, 2):
        image = next((p.image for p in f.places if p.image), None)
        if image is not None:  # the PNG sits beside findings.xlsx, as beside report.html
            cell = ws.cell(row=r, column=image_col)
            cell.value, cell.hyperlink, cell.style = "보기", image.src, "Hyperlink"
        for c in _WRAP_COLS:
            ws.cell(row=r, column=c).alignment = wrap
    last = max(2, len(findings) + 1)
    for name in ("검토 의견", "코멘트", "검토자"):
        col = FINDING_HEADERS.index(name) + 1
        for r in range(2, last + 1):
            ws.cell(row=r, column=col).fill = _EDIT_FILL
    dv = DataValidation(type="list", formula1=f'"{",".join(VERDICT_CHOICES)}"',
                        allow_blank=True, showErrorMessage=True, errorStyle="warning",
                        errorTitle="검토 의견", error="인정 또는 기각을 선택하세요",
                        promptTitle="검토 의견", prompt="인정: 발견사항이 맞음 / 기각: 오탐",
                        showInputMessage=True)
    verdict_letter = ws.cell(row=1, column=COL_VERDICT).column_letter
    dv.add(f"{verdict_letter}2:{verdict_letter}{max(last, 500)}")
    ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{ws.cell(row=1, column=len(FINDING_HEADERS)).column_letter}{last}"
    for c, h in enumerate(FINDING_HEADERS, 1):
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = _WIDTHS.get(h, 12)


def _indicator_sheet(ws: Worksheet, indicators: Sequence[IndicatorView]) -> None:
    headers = ["코드", "값", "단위", "작성 내용", "증빙 페이지", "출처", "발견사항 수"]
    write_table(ws, headers, [[i.code, i.value, i.unit, i.text, i.evidence_pages, i.source,
                          i.findings] for i in indicators])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:G{max(2, len(indicators) + 1)}"
    for letter, width in zip("ABCDEFG", (8, 12, 8, 50, 12, 40, 10), strict=True):
        ws.column_dimensions[letter].width = width


def _score_sheet(ws: Worksheet, report: FindingsReport) -> None:
    write_table(ws, ["항목", "값"], score_rows(report))
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 26, 80
    risks = at_risk(report)
    if risks:
        start = len(score_rows(report)) + 3
        write_table(ws, AT_RISK_HEADERS, [at_risk_cells(a) for a in risks], start=start)


AID_SHEET = "정성 평가 보조"
AID_HEADERS = ("대분류", "중분류", "소분류", "신청 단계", "신청 단계 평가기준", "바로 위 단계",
               "바로 위 단계 평가기준", "자체 평가내용", "실적", "자체 평가내용 없음", "위치")


def _criteria(c: StageCriteria | None) -> str:
    return "\n".join(f"· {x}" for x in c.cells) if c is not None else ""


def _aid_cells(r: AidRow) -> list[Cell]:
    return [r.group, r.unit, r.item_label, r.claimed.name if r.claimed else r.stage_text,
            _criteria(r.claimed), r.above_label, _criteria(r.above), r.narrative,
            "\n".join(r.achievements), NO_NARRATIVE if r.lacks_narrative else "", r.place]


def _aid_sheet(ws: Worksheet, aid: QualitativeAid) -> None:
    """The aid under a one-line note (an aid only: no finding, no score)."""
    _put(ws, 1, 1, AID_NOTE)
    write_table(ws, AID_HEADERS, [_aid_cells(r) for r in aid.rows], start=2)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=3, max_row=len(aid.rows) + 2):
        for cell in row:
            cell.alignment = wrap
    ws.freeze_panes = "D3"
    for c, width in enumerate((10, 14, 22, 12, 40, 12, 40, 70, 40, 10, 30), 1):
        ws.column_dimensions[ws.cell(row=2, column=c).column_letter].width = width


def write_findings_xlsx(path: Path, report: FindingsReport, findings: Sequence[FindingView],
                        indicators: Sequence[IndicatorView],
                        aid: QualitativeAid | None = None) -> Path:
    wb = Workbook()
    _findings_sheet(wb.active, findings)
    _indicator_sheet(wb.create_sheet("지표"), indicators)
    _score_sheet(wb.create_sheet("점수"), report)
    if aid is not None:
        _aid_sheet(wb.create_sheet(AID_SHEET), aid)
    info = wb.create_sheet(INFO_SHEET)
    write_table(info, ["항목", "값"], [["제출 ID", report.submission.id], ["규칙 세트", report.program],
                                  ["발견사항 수", len(findings)]])
    return save_workbook_atomic(wb, path)
