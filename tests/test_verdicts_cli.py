"""An evaluator's round trip through the commands: validate → edit findings.xlsx →
`smartcert verdicts import` → validate again: the verdict is on the finding in both
reports, and importing the same sheet twice records nothing new."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from smartcert.cli import main
from smartcert.store import Store, VerdictKind

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "samples" / "planted" / "bundles" / "planted-nuri"


def _edit(sheet: Path, target: Path, rule: str, verdict: str, comment: str) -> str:
    wb = load_workbook(sheet)
    ws = wb["발견사항"]
    head = [c.value for c in ws[1]]
    col = {name: head.index(name) + 1 for name in ("발견사항 키", "규칙", "검토 의견", "코멘트")}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col["규칙"]).value == rule)
    ws.cell(row, col["검토 의견"], verdict)
    ws.cell(row, col["코멘트"], comment)
    wb.save(target)
    return str(ws.cell(row, col["발견사항 키"]).value)


@pytest.mark.slow
def test_verdicts_survive_a_re_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    args = ["validate", str(BUNDLE), "--out", str(out), "--no-ocr"]
    assert main(args) == 0
    sheet = out / "planted-nuri" / "findings.xlsx"
    edited = tmp_path / "out" / "planted-nuri" / "검토완료.xlsx"
    key = _edit(sheet, edited, "exclusion.candidate", "기각", "후보가 아닌 본상 수상 <b>확인</b>")
    assert main(["verdicts", "import", str(edited), "--reviewer", "김심사"]) == 0
    assert "1건 기록" in capsys.readouterr().err
    assert main(["verdicts", "import", str(edited), "--reviewer", "김심사"]) == 0
    assert "기록, 변경 없음 1건" in capsys.readouterr().err.replace("0건 기록", "기록")

    shutil.rmtree(out / "planted-nuri")  # a later run from scratch, same data directory
    assert main(args) == 0
    html = (out / "planted-nuri" / "report.html").read_text("utf-8")
    assert "검토 의견: <strong>기각</strong> (김심사)" in html
    assert "&lt;b&gt;확인&lt;/b&gt;" in html  # the reviewer's text is escaped too
    ws = load_workbook(out / "planted-nuri" / "findings.xlsx")["발견사항"]
    head = [c.value for c in ws[1]]
    rows = {r[head.index("발견사항 키")]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows[key][head.index("검토 의견")] == "기각"
    store = Store.open(None, out / ".smartcert")
    (v,) = store.verdict_history(key)
    assert v.verdict is VerdictKind.DISMISS and v.reviewer == "김심사"


@pytest.mark.slow
def test_a_sheet_speaks_for_its_own_submission_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two submissions in one data directory: a key of the other submission pasted into
    this one's sheet is refused; a formula in a verdict cell is reported, not dropped."""
    out = tmp_path / "out"
    other = ROOT / "samples" / "bundles" / "chorong-word"
    for bundle in (BUNDLE, other):
        assert main(["validate", str(bundle), "--out", str(out), "--no-ocr"]) == 0
    theirs = load_workbook(out / "chorong-word" / "findings.xlsx")["발견사항"]
    their_key = str(theirs.cell(2, [c.value for c in theirs[1]].index("발견사항 키") + 1).value)
    edited = out / "planted-nuri" / "검토완료.xlsx"
    mine = _edit(out / "planted-nuri" / "findings.xlsx", edited, "exclusion.candidate", "기각",
                 "확인")
    wb = load_workbook(edited)
    ws = wb["발견사항"]
    head = [c.value for c in ws[1]]
    col = {name: head.index(name) + 1 for name in ("발견사항 키", "검토 의견")}
    ws.cell(ws.max_row + 1, col["발견사항 키"], their_key)
    ws.cell(ws.max_row, col["검토 의견"], "기각")
    ws.cell(ws.max_row + 1, col["발견사항 키"], mine)
    ws.cell(ws.max_row, col["검토 의견"], '=IF(1=1,"기각","인정")')
    wb.save(edited)
    capsys.readouterr()
    assert main(["verdicts", "import", str(edited), "--reviewer", "김심사"]) == 1
    err = capsys.readouterr().err
    assert "이 보고서에 없습니다" in err and "수식" in err
    store = Store.open(None, out / ".smartcert")
    assert store.verdict_history(their_key) == []  # nothing recorded on the other submission
