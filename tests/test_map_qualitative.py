"""The qualitative self-assessment → claimed stage per 소분류 (or per 중분류 when a table
prints no 소분류 rows): the sample bundles (stage merged over each 중분류's 소분류) against
their truth, a Word table with one column per stage and marks, a workbook with its
columns reordered and continued on a second sheet, and incomplete tables. The call's own
layout: test_map_qualitative_form.py."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import Workbook

from smartcert.core.findings import Severity
from smartcert.extractors.api import extract_file
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import QualitativeClaim, Stage
from smartcert.schemas.mapping.qualitative import map_qualitative

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "bundles"
TRUTHS = sorted((ROOT / "samples" / "truth").glob("*.json"))
RS = load_ruleset()
UNITS = RS.qualitative.units if RS.qualitative else []


@cache
def extract(path: Path) -> DocumentExtract:
    return extract_file(path)


def by_name(claims: list[QualitativeClaim]) -> dict[str, QualitativeClaim]:
    names = {u.id: u.name for u in UNITS}
    return {names.get(c.unit, c.unit): c for c in claims}


@pytest.fixture(params=TRUTHS, ids=lambda p: p.stem)
def truth(request: pytest.FixtureRequest) -> dict[str, Any]:
    return json.loads(request.param.read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("with_areas", [True, False], ids=["areas", "no-areas"])
def test_sample_stages_equal_the_truth(truth: dict[str, Any], with_areas: bool) -> None:
    """Each 소분류 printed gets the stage of the cell merged over its 중분류's rows."""
    d = next(x for x in truth["documents"] if x["kind"] == "qualitative_self_assessment")
    areas = truth["selected_areas"] if with_areas else None
    claims, findings = map_qualitative(extract(BUNDLES / truth["bundle"] / d["file"]), RS, areas)
    assert findings == []
    names = {u.id: u.name for u in UNITS}
    got = {(names[c.unit], c.item_label): c for c in claims}
    expected = [(q["unit"], item) for q in truth["qualitative"] for item in q["sub_items"]]
    assert [(names[c.unit], c.item_label) for c in claims] == expected  # one claim each
    for q in truth["qualitative"]:
        for item in q["sub_items"]:
            c = got[q["unit"], item]
            assert c.stage is not None and c.stage.level == q["stage_index"], item
            assert c.stage.label == q["stage"]
            assert c.stage_text == q["stage_text"]
            assert c.source is not None and (c.source.file, c.source.page) == (q["file"], q["page"])
            assert c.source.bbox is not None
            assert c.item_source is not None and c.item_source.page == q["page"]
            assert c.item == item and c.item_number == item.split()[0]
            assert c.unit_as_printed is not None and q["unit"].replace(" ", "") in \
                c.unit_as_printed.replace(" ", "")  # the 중분류 heading, not the next one's
            assert len(c.narrative) > 30
            assert "향후" not in " ".join(a.text for a in c.achievements)
        # the stage cell is merged over the 중분류's 소분류: one cell, one place
        assert len({got[q["unit"], i].source for i in q["sub_items"]}) == 1
    # the plan line of 제도기반 is a dated achievement with its span
    plan = [a for a in got["제도기반", "2.1 제도 기반"].achievements if a.span is not None]
    assert plan and "스마트도시계획" in plan[0].text and plan[0].location is not None


def _stage_columns_docx(path: Path, rows: list[tuple[str, str | None, dict[int, str]]]) -> Path:
    """구분 | 자체평가 단계 (5 columns under one merged header) | 자체평가 내용."""
    d = docx.Document()
    d.add_paragraph("정성지표 자체평가표")
    t = d.add_table(rows=2 + len(rows), cols=7)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 6).text = "구 분", "자체평가 단계", "자체평가 내용"
    for i, s in enumerate(Stage):
        t.cell(1, 1 + i).text = s.label
    t.cell(0, 1).merge(t.cell(0, 5))
    t.cell(0, 0).merge(t.cell(1, 0))
    t.cell(0, 6).merge(t.cell(1, 6))
    for r, (label, text, marks) in enumerate(rows, start=2):
        t.cell(r, 0).text = label
        for col, mark in marks.items():
            t.cell(r, 1 + col).text = mark
        t.cell(r, 6).text = text or ""
    d.save(str(path))
    return path


UNIT_ROWS = [  # printed as municipalities print them; (label, narrative, {stage index: mark})
    ("1. 공공역량", "■ 전담 조직 운영\n- 2024. 3. 스마트도시과 신설", {2: "●"}),
    ("2. 민간 시민 역량", "■ 리빙랩 운영", {0: "○", 1: "●", 2: "○", 3: "○", 4: "○"}),
    ("3. 정보공개 및 활용", "■ 공공데이터 개방", {3: "V"}),
    ("추진 체계", "■ 협의체 운영 ('24.05 구성)", {1: "O"}),
    ("제도 기반", "■ 조례 제정", {4: "✓"}),
    ("참여네트워크", "■ 시민 참여 프로그램", {0: "●"}),
    ("재원조성", "■ 중기 재정계획 반영", {2: "●"}),
    ("지능화 시설·서비스", "■ 교통·안전 연계", {3: "●"}),
    ("정보 통신망", "■ 자가망 구축", {2: "●"}),
    ("도시 통합 운영 센터", "■ 센터 운영", {4: "●"}),
]


def test_stage_columns_with_marks(tmp_path: Path) -> None:
    path = _stage_columns_docx(tmp_path / "q.docx", UNIT_ROWS)
    claims, findings = map_qualitative(extract_file(path))
    assert findings == []
    got = by_name(claims)
    levels = [next(iter(m)) + 1 if len(m) == 1 else 2 for _, _, m in UNIT_ROWS]
    assert [got[u.name].stage.level for u in UNITS] == levels  # type: ignore[union-attr]
    assert got["공공 역량"].unit_as_printed == "1. 공공역량"
    assert got["민간·시민 역량"].stage_text == "●"  # ● wins over the hollow ○ around it
    [a] = got["공공 역량"].achievements
    assert a.date is not None and (a.date.year, a.date.month) == (2024, 3)
    assert got["추진체계"].achievements[0].date is not None


def test_incomplete_and_unclear_tables_give_findings(tmp_path: Path) -> None:
    rows = [r for r in UNIT_ROWS if r[0] != "재원조성"]  # a unit left out
    rows[0] = ("1. 공공역량", "■ 전담 조직", {})  # no stage marked
    rows[2] = ("3. 정보공개 및 활용", "■ 개방", {1: "●", 3: "●"})  # two stages marked
    rows.append(("11. 디지털 포용", "■ 어르신 교육", {2: "●"}))  # not a catalogue unit
    claims, findings = map_qualitative(extract_file(_stage_columns_docx(tmp_path / "q.docx", rows)))
    rules = sorted(f.rule for f in findings)
    assert rules == sorted(["completeness.missing-qualitative-stage",
                            "completeness.ambiguous-qualitative-stage",
                            "completeness.unknown-qualitative-unit",
                            "completeness.missing-qualitative-unit"])
    got = by_name(claims)
    assert got["공공 역량"].stage is None
    assert {c.stage for c in claims if c.unit == "information_disclosure"} == {
        Stage.PARTIAL, Stage.ADVANCED}
    assert got["11. 디지털 포용"].stage is Stage.MEETS  # kept, reported, not dropped
    missing = next(f for f in findings if f.rule == "completeness.missing-qualitative-unit")
    assert "재원 조성" in missing.message
    unstaged = next(f for f in findings if f.rule == "completeness.missing-qualitative-stage")
    assert unstaged.message == ("정성지표 소분류 '공공 역량 1.1 전담 공무원'에 자체평가 단계가 "
                                "표시되어 있지 않습니다")  # the 중분류's only 소분류
    ambiguous = next(f for f in findings if f.rule == "completeness.ambiguous-qualitative-stage")
    assert ambiguous.message == ("정성지표 중분류 '정보 공개 및 활용'에 단계가 여러 개 표시되어 "
                                 "있습니다: 일부요건 충족, 발전")  # its own row marks two
    assert all(f.locations for f in findings)
    assert all(c.item is None for c in claims)  # no 소분류 rows printed: 중분류 claims


def test_workbook_with_reordered_columns_continued_on_a_second_sheet(tmp_path: Path) -> None:
    wb = Workbook()
    first = wb.active
    first.title = "혁신성"
    first.append(["자체평가 내용", "평가 항목", "자체평가 단계"])
    first.append(["", "1. 공공 역량", ""])
    first.append(["전담 조직 운영 (2023. 7. 신설)", "1.1 전담 공무원", "레벨 4"])
    first.append(["", "2. 민간·시민 역량", ""])
    first.append(["리빙랩 운영", "2.1 기업 부문", "요건충족 단계"])
    first.append(["", "2.2 민간 부문", ""])
    first.merge_cells("A5:A6")
    first.merge_cells("C5:C6")
    second = wb.create_sheet("혁신성(계속)")  # same columns, header not repeated
    second.append(["", "3. 정보 공개 및 활용", ""])
    second.append(["API 개방", "3.1 데이터 연계", "최적화 단계"])
    path = tmp_path / "자체평가.xlsx"
    wb.save(path)
    claims, findings = map_qualitative(extract_file(path))
    got = {c.item_number: c for c in claims}
    assert [(c.unit, c.item_number) for c in claims] == [
        ("public_capacity", "1.1"), ("private_civic_capacity", "2.1"),
        ("private_civic_capacity", "2.2"), ("information_disclosure", "3.1")]
    assert got["1.1"].stage is Stage.ADVANCED
    assert got["2.1"].stage is Stage.MEETS
    assert got["2.2"].stage is Stage.MEETS  # C5:C6 merged over 2.1 and 2.2
    src = got["2.2"].source
    assert src is not None and (src.sheet, src.cell) == ("혁신성", "C5")
    assert got["3.1"].stage is Stage.OPTIMIZED
    src = got["3.1"].source
    assert src is not None and (src.sheet, src.cell) == ("혁신성(계속)", "C2")
    assert got["3.1"].unit_as_printed == "3. 정보 공개 및 활용"
    assert sorted(f.rule for f in findings) == \
        ["completeness.missing-qualitative-stage"] * 3 + ["completeness.missing-qualitative-unit"] * 7
    assert sorted(f.message.split("'")[1] for f in findings
                  if f.rule == "completeness.missing-qualitative-stage") == [
        "민간·시민 역량 2.3 리빙랩", "정보 공개 및 활용 3.2 정보 공개",
        "정보 공개 및 활용 3.3 시스템 연계"]


def test_a_document_without_the_table(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("회의록")
    d.add_paragraph("참석자: 12명")
    path = tmp_path / "x.docx"
    d.save(str(path))
    claims, findings = map_qualitative(extract_file(path))
    assert claims == []
    assert [f.rule for f in findings] == ["completeness.missing-qualitative-table"]
    assert findings[0].locations[0].file == "x.docx"


@pytest.mark.slow
def test_scanned_self_assessment_claims_no_wrong_stage(tmp_path: Path) -> None:
    """A printed-and-scanned page (OCR, no table found): what is read is right, and a
    stage the OCR garbles is reported as missing rather than guessed."""
    import fitz

    t = json.loads((ROOT / "samples" / "truth" / "nuri-hwp.json").read_text(encoding="utf-8"))
    d = next(x for x in t["documents"] if x["kind"] == "qualitative_self_assessment")
    src = fitz.open(BUNDLES / "nuri-hwp" / d["file"])
    scan = fitz.open()
    page = scan.new_page(width=src[0].rect.width, height=src[0].rect.height)
    page.insert_image(page.rect, pixmap=src[0].get_pixmap(dpi=200, colorspace=fitz.csGRAY))
    scan.save(tmp_path / "scan.pdf")
    doc = extract_file(tmp_path / "scan.pdf")
    assert not doc.tables and doc.pages[0].ocr
    claims, findings = map_qualitative(doc)
    page1 = [q for q in t["qualitative"] if q["page"] == 1]
    truth = {q["unit"]: q["stage_index"] for q in page1}
    names = {u.id: u.name for u in UNITS}
    assert set(truth) <= {names[c.unit] for c in claims}
    # a stage is read for a 소분류 row, or for the 중분류 when its 소분류 label is garbled
    staged = {(names[c.unit], c.item_label): c.stage.level for c in claims if c.stage is not None}
    assert len({u for u, _ in staged}) >= 2 and all(truth[u] == lv for (u, _), lv in staged.items())
    unstaged = {(q["unit"], i) for q in page1 for i in q["sub_items"]
                if (q["unit"], i) not in staged and (q["unit"], None) not in staged}
    assert unstaged  # the merged cells' rows OCR cannot tie to the stage
    # the page was OCR'd: a stage not found may be the OCR's miss, so a warning that says so
    missing = [f for f in findings if f.rule == "completeness.missing-qualitative-stage"]
    doubt = " (확인 필요: 1쪽은 글자 정보가 없거나 쓸 수 없어 OCR로 읽었거나 읽지 못해 그 쪽의 표와 " \
            "단계 표시를 놓쳤을 수 있음)"
    assert {f.message for f in missing} \
        == {f"정성지표 소분류 '{u} {i}'에 자체평가 단계가 표시되어 있지 않습니다{doubt}" for u, i in unstaged}
    assert {f.severity for f in missing} == {Severity.WARNING}
