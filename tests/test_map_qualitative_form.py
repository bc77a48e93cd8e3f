"""The 자체평가표 drawn the call's way (seed 002, lines 1305–1352: 구분 | 단계 | 자체 평가내용,
중분류 heading rows, one stage per 소분류 row, '종합 자체평가 의견' per 대분류) → one claim per
소분류, with its own stage and where it is printed; and a 소분류 row stating two stages."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from smartcert.extractors.api import extract_file
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import Stage, Submission
from smartcert.schemas.mapping.qualitative import map_qualitative
from smartcert.scoring import score_submission
from tests.builders.hwp_pdf import Grid, draw_grid, new_pdf, put_words

RS = load_ruleset("city-2025")
AREAS = ["행정", "교육", "환경에너지"]
ST1, ST2, ST3, ST4, ST5 = "착수단계", "일부요건 충족단계", "요건충족 단계", "발전단계", "최적화단계"
# (구분, 단계, 자체 평가내용) as the form prints them; '' = the cell is left empty
GROUPS: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("○ 대분류1 : 혁신성", [
        ("1. 공공 역량", "", ""),
        ("1.1 전담 공무원", ST3, "■ 스마트도시 전담부서 구성 (2024. 3. 신설)"),
        ("2. 민간 시민 역량", "", ""),
        ("2.1 기업 부문", ST2, "■ 기업 지원 프로그램 운영"),
        ("2.2 민간 부문", ST3, "■ 민간 참여 플랫폼 운영"),
        ("2.3 리빙랩", ST4, "■ 리빙랩 6건 운영"),
        ("3. 정보 공개 및 활용", "", ""),
        ("3.1 데이터 연계", ST3, "■ 공공 데이터 연계"),  # merged over 3.1–3.3 (MERGES)
        ("3.2 정보 공개", "", ""),
        ("3.3 시스템 연계", "", ""),
        ("종합 자체평가 의견", "", "혁신성 분야는 요건충족 단계로 자체평가함"),
    ]),
    ("○ 대분류2 : 거버넌스 및 제도", [
        ("1. 추진체계", "", ""),
        ("1.1 스마트도시협의체", ST4, "■ 정책공유 프로그램 운영"),
        ("2. 제도 기반", "", ""),
        ("2.1 제도 기반", ST3, "■ 스마트도시계획 수립"),
        ("3. 참여 네트워크", "", ""),
        ("3.1 정책 네트워크", ST2, "■ 시민 참여 프로그램"),
        ("3.2 사회 네트워크", ST1, "■ 사회 네트워크 구성"),
        ("4. 자원 조성", "", ""),
        ("4.1 집행 예산", ST3, "■ 통합 예산 계획"),
        ("4.2 중장기 예산", ST2, "■ 중기 재정계획 반영"),
        ("4.3 민간 투자", ST4, "■ 민간투자 유치"),
        ("종합 자체평가 의견", "", ""),
    ]),
    ("○ 대분류3 : 서비스 기술 및 인프라", [
        ("1. 지능화 시설 및 서비스", "", ""),
        ("1.1 교통", ST5, "■ 전체 서비스간 융복합 달성"),
        ("1.2 안전", ST4, "■ 교통·안전 통합관리"),
        ("1.3 행정", ST3, "■ 행정 서비스 연계"),
        ("1.4 주거", "", ""),  # not selected: left empty, not expected
        ("1.5 교육", ST2, "■ 교육 서비스 일부 연계"),
        ("1.6 문화 관광", "", ""),
        ("1.7 경제", "", ""),
        ("1.8 보건 복지", "", ""),
        ("1.9 환경 에너지", ST1, "■ 에너지 관리 시스템 구축"),
        ("2. 정보통신망", "", ""),
        ("2.1 무선통신망", ST4, "■ 공공 WiFi 확대"),  # the form's number for 2.2 무선통신망
        ("3. 도시통합운영센터", "", ""),
        ("3.1 통합운영센터", ST4, "■ 데이터 오픈형 플랫폼 보유"),
        ("종합 자체평가 의견", "", ""),
    ]),
]
MERGES = {0: [(8, 1, 3, 1), (8, 2, 3, 1)]}  # group index → (row, col, rowspan, colspan)
WIDTHS, HEIGHT, TOP = [120, 100, 260], 22.0, 100.0
EXPECTED = [  # (unit id, 소분류 number, stage) in reading order
    ("public_capacity", "1.1", Stage.MEETS),
    ("private_civic_capacity", "2.1", Stage.PARTIAL),
    ("private_civic_capacity", "2.2", Stage.MEETS),
    ("private_civic_capacity", "2.3", Stage.ADVANCED),
    ("information_disclosure", "3.1", Stage.MEETS),
    ("information_disclosure", "3.2", Stage.MEETS),
    ("information_disclosure", "3.3", Stage.MEETS),
    ("governance_system", "1.1", Stage.ADVANCED),
    ("institutional_basis", "2.1", Stage.MEETS),
    ("participation_network", "3.1", Stage.PARTIAL),
    ("participation_network", "3.2", Stage.INITIATION),
    ("funding", "4.1", Stage.MEETS),
    ("funding", "4.2", Stage.PARTIAL),
    ("funding", "4.3", Stage.ADVANCED),
    ("intelligent_services", "1.1", Stage.OPTIMIZED),
    ("intelligent_services", "1.2", Stage.ADVANCED),
    ("intelligent_services", "1.3", Stage.MEETS),
    ("intelligent_services", "1.5", Stage.PARTIAL),
    ("intelligent_services", "1.9", Stage.INITIATION),
    ("network", "2.2", Stage.ADVANCED),
    ("operations_center", "3.1", Stage.ADVANCED),
]


def _rect(row: int, col: int, rowspan: int = 1) -> tuple[float, float, float, float]:
    """The cell's box on its page (row 0 = the header)."""
    x0 = 60 + sum(WIDTHS[:col])
    return x0, TOP + row * HEIGHT, x0 + WIDTHS[col], TOP + (row + rowspan) * HEIGHT


def _inside(bbox: tuple[float, ...] | None, box: tuple[float, float, float, float]) -> bool:
    return bbox is not None and box[0] - 1 <= bbox[0] and bbox[2] <= box[2] + 1 \
        and box[1] - 1 <= bbox[1] and bbox[3] <= box[3] + 1


def _call_form_pdf(path: Path) -> Path:
    pdf = new_pdf(len(GROUPS))
    for g, (heading, rows) in enumerate(GROUPS):
        put_words(pdf[g], 60, TOP - 12, heading, 11)
        texts = {(0, 0): "구분", (0, 1): "단계", (0, 2): "자체 평가내용"}
        for r, (label, stage, text) in enumerate(rows, start=1):
            texts |= {k: v for k, v in {(r, 0): label, (r, 1): stage, (r, 2): text}.items() if v}
        draw_grid(pdf[g], Grid(60, TOP, WIDTHS, [HEIGHT] * (len(rows) + 1), texts,
                               merges=MERGES.get(g, [])))
    pdf.save(path)
    return path


def _place(unit: str, number: str) -> tuple[int, int, tuple[float, float, float, float]]:
    """(page, table row of the 소분류 label, the box of its stage cell)."""
    wanted = next(i for u in RS.qualitative.units if u.id == unit for i in u.items
                  if i.number == number)
    names = {n.replace(" ", "") for n in (wanted.name, *wanted.aliases)}
    for g, (_, rows) in enumerate(GROUPS):
        for r, (label, _, _) in enumerate(rows, start=1):
            number, _, name = label.partition(" ")
            if re.fullmatch(r"\d\.\d", number) and name.replace(" ", "") in names:
                merge = next((m for m in MERGES.get(g, []) if m[1] == 1
                              and m[0] <= r < m[0] + m[2]), (r, 1, 1, 1))
                return g + 1, r, _rect(merge[0], 1, merge[2])
    raise AssertionError(f"{unit} {number} not drawn")


def test_call_form_maps_one_claim_per_sub_item(tmp_path: Path) -> None:
    doc = extract_file(_call_form_pdf(tmp_path / "3. 정성지표 자체평가표.pdf"))
    claims, findings = map_qualitative(doc, RS, AREAS)
    assert findings == []  # no ambiguity, nothing missing (유선통신망: the form omits it)
    assert [(c.unit, c.item_number, c.stage) for c in claims] == EXPECTED
    for c in claims:
        page, label_row, stage_box = _place(c.unit, c.item_number or "")
        assert c.source is not None and c.item_source is not None
        assert (c.source.file, c.source.page) == ("3. 정성지표 자체평가표.pdf", page)
        assert _inside(c.source.bbox, stage_box), c.item
        assert _inside(c.item_source.bbox, _rect(label_row, 0)), c.item
        assert c.stage is not None and c.stage_text is not None
        assert Stage.parse(c.stage_text) is c.stage
    got = {(c.unit, c.item_number): c for c in claims}
    assert got["private_civic_capacity", "2.1"].unit_as_printed == "2. 민간 시민 역량"
    assert got["private_civic_capacity", "2.3"].item_label == "2.3 리빙랩"
    council = got["governance_system", "1.1"]
    assert (council.item, council.item_name) == ("1.1 스마트도시협의체", "스마트도시 협의체")
    wireless = got["network", "2.2"]
    assert (wireless.item, wireless.item_label) == ("2.1 무선통신망", "2.2 무선통신망")
    # the merged cell: its stage and narrative are each covered row's, and it says so
    merged = [got["information_disclosure", n] for n in ("3.1", "3.2", "3.3")]
    assert {c.narrative for c in merged} == {"■ 공공 데이터 연계"}
    assert merged[0].notes == [] and all(c.notes for c in merged[1:])
    [a] = got["public_capacity", "1.1"].achievements
    assert a.date is not None and (a.date.year, a.date.month) == (2024, 3)
    # the same form without the application's areas: the empty optional rows stay unclaimed
    assert map_qualitative(doc, RS) == (claims, [])


def test_call_form_scores_per_unit(tmp_path: Path) -> None:
    """소분류 stages roll up into their 중분류: the mean level, rounded half up."""
    claims, _ = map_qualitative(extract_file(_call_form_pdf(tmp_path / "q.pdf")), RS, AREAS)
    sub = Submission(id="s", selected_areas=AREAS, qualitative=claims)
    units = {u.unit: u for u in score_submission(sub, [], RS).units}
    assert units["private_civic_capacity"].stage == "meets"  # levels 2, 3, 4 → 3
    assert units["participation_network"].stage == "partial"  # 2, 1 → 1.5 → 2
    assert units["intelligent_services"].stage == "meets"  # 5, 4, 3, 2, 1 → 3
    assert units["intelligent_services"].points == 0.6 * units["intelligent_services"].max_points
    assert units["network"].stage == "advanced"


def _stage_columns_docx(path: Path, rows: list[tuple[str, dict[int, str]]]) -> Path:
    """구분 | one column per stage (착수 … 최적화) | 자체평가 내용, a mark in the chosen one."""
    d = docx.Document()
    t = d.add_table(rows=1 + len(rows), cols=7)
    t.cell(0, 0).text, t.cell(0, 6).text = "구분", "자체평가 내용"
    for i, s in enumerate(Stage):
        t.cell(0, 1 + i).text = s.label
    for r, (label, marks) in enumerate(rows, start=1):
        t.cell(r, 0).text = label
        for col, mark in marks.items():
            t.cell(r, 1 + col).text = mark
        t.cell(r, 6).text = f"■ {label.split(' ', 1)[-1]} 운영" if marks else ""
    d.save(str(path))
    return path


def test_only_a_row_stating_two_stages_is_ambiguous(tmp_path: Path) -> None:
    rows = [("2. 민간 시민 역량", {}), ("2.1 기업 부문", {1: "●"}),
            ("2.2 민간 부문", {2: "●", 3: "●"}), ("2.3 리빙랩", {4: "●"})]
    claims, findings = map_qualitative(extract_file(_stage_columns_docx(tmp_path / "q.docx", rows)))
    ambiguous = [f for f in findings if f.rule == "completeness.ambiguous-qualitative-stage"]
    [f] = ambiguous
    assert f.message == ("정성지표 소분류 '민간·시민 역량 2.2 민간 부문'에 단계가 여러 개 표시되어 "
                         "있습니다: 요건 충족, 발전")
    assert len(f.locations) == 2
    got = [(c.item_number, c.stage) for c in claims if c.unit == "private_civic_capacity"]
    assert got == [("2.1", Stage.PARTIAL), ("2.2", Stage.MEETS), ("2.2", Stage.ADVANCED),
                   ("2.3", Stage.OPTIMIZED)]
    assert {f.rule for f in findings} - {f.rule} == {"completeness.missing-qualitative-unit"}


def test_stage_on_the_unit_row_and_an_unknown_sub_item(tmp_path: Path) -> None:
    """A stage marked on the 중분류 row is the stage of its 소분류 rows that mark none; a
    numbered row the catalogue does not know is kept, reported and not given a number."""
    rows = [("4. 자원 조성", {2: "●"}), ("4.1 집행 예산", {}), ("4.2 중장기 예산", {3: "●"}),
            ("4.3 민간 투자", {}), ("4.4 기금 조성", {4: "●"})]
    claims, findings = map_qualitative(extract_file(_stage_columns_docx(tmp_path / "q.docx", rows)))
    got = [(c.item, c.item_number, c.stage) for c in claims]
    assert got == [("4.1 집행 예산", "4.1", Stage.MEETS), ("4.2 중장기 예산", "4.2", Stage.ADVANCED),
                   ("4.3 민간 투자", "4.3", Stage.MEETS), ("4.4 기금 조성", None, Stage.OPTIMIZED)]
    assert claims[0].notes and not claims[1].notes  # says where its stage came from
    [unknown] = [f for f in findings if f.rule == "completeness.unknown-qualitative-unit"]
    assert "4.4 기금 조성" in unknown.message
    assert {f.rule for f in findings} == {"completeness.unknown-qualitative-unit",
                                          "completeness.missing-qualitative-unit"}
