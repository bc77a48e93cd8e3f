"""Which certification program a bundle belongs to, told by content: a service application
(seed 003 [별지 제3호서식]) shares the city form's labels but not its number, title or
declaration; it is never read, validated or scored as a city application."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document as Docx

from smartcert.cli import main
from smartcert.extractors.api import extract_file
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.catalogue.markers import program_markers
from smartcert.schemas.mapping import map_submission
from smartcert.schemas.mapping.programs import route

ROOT = Path(__file__).resolve().parent.parent
CITY = ROOT / "samples" / "bundles" / "nuri-hwp"
RS = load_ruleset("city-2025")
# seed 003 lines 650–690, as the form prints them
SERVICE_FORM = [
    "■ 스마트도시 및 스마트도시서비스 인증 운영지침 [별지 제3호서식]",
    "스마트도시서비스 인증 신청서",
    "(앞 쪽)",
]
SERVICE_TABLE = [
    ["신청 기관", "기관명", "㈜누리모빌리티", "사업자(법인)등록번호", "214-86-31025"],
    ["", "대표자", "김○○", "전화번호", "02-555-0134"],
    ["서비스 명칭", "한 글", "수요응답형 스마트 셔틀", "영 문", "Nuri DRT Shuttle"],
    ["신청 분야", "[V] 교통  [ ] 환경·에너지·수자원", "", "", ""],
    ["신청 서비스 수준", "[ ] 단위 서비스  [V] 네트워크 연계 서비스  [ ] 데이터허브 기반 서비스", "", "", ""],
    ["인증 실적", "해당 없음", "", "", ""],
]
DECLARATION = ("「스마트도시 조성 및 산업진흥 등에 관한 법률」 제32조 및 같은 법 시행령 제31조에 따라 "
               "위와 같이 스마트도시서비스 인증을 신청합니다.")


def service_application(path: Path) -> Path:
    doc = Docx()
    for line in SERVICE_FORM:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(SERVICE_TABLE), cols=5)
    for r, row in enumerate(SERVICE_TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.add_paragraph(DECLARATION)
    doc.save(str(path))
    return path


@pytest.fixture(scope="module")
def city_docs() -> list[DocumentExtract]:
    return [extract_file(p) for p in sorted(CITY.iterdir())]


@pytest.fixture(scope="module")
def service_doc(tmp_path_factory: pytest.TempPathFactory) -> DocumentExtract:
    return extract_file(service_application(tmp_path_factory.mktemp("svc") / "1. 서비스 인증 신청서.docx"))


def markers() -> dict[str, tuple[str, ...]]:
    return {m.ruleset: m.markers for m in program_markers()}


def test_every_program_declares_markers_no_other_program_prints() -> None:
    found = markers()
    assert {"city-2025", "service-2023"} <= set(found)
    # a city marker must not be a piece of a service marker and back (matching ignores spaces)
    city = [m.replace(" ", "") for m in found["city-2025"]]
    service = [m.replace(" ", "") for m in found["service-2023"]]
    assert not [(a, b) for a in city for b in service if a in b or b in a]


def test_city_documents_stay_city(city_docs: list[DocumentExtract]) -> None:
    r = route(city_docs, "city-2025", markers())
    assert r.own == city_docs and not r.foreign and r.own_hits


def test_a_service_application_among_city_documents_is_set_apart(
        city_docs: list[DocumentExtract], service_doc: DocumentExtract) -> None:
    r = route([*city_docs, service_doc], "city-2025", markers())
    assert r.mixed and [h.file for h in r.foreign] == [service_doc.file]
    assert r.foreign[0].program == "service-2023" and "[별지 제3호서식]" in r.foreign[0].markers
    mapped = map_submission("sub-mixed", [*city_docs, service_doc], RS)
    (f,) = [f for f in mapped.findings if f.rule == "eligibility.mixed-programs"]
    assert f.severity == "error" and service_doc.file in f.message
    kinds = {d.file: d.kind for d in mapped.submission.documents}
    assert kinds[service_doc.file] == "other" and len(mapped.submission.indicators) == 53


def test_a_service_bundle_is_not_a_failing_city(tmp_path: Path) -> None:
    """Only a service 신청서: routed to service-2023, where what is missing is that program's
    documents — not a city's summary table, indicators and grade."""
    bundle = tmp_path / "누리모빌리티-서비스"
    bundle.mkdir()
    service_application(bundle / "1. 스마트도시서비스 인증 신청서.docx")
    assert main(["validate", str(bundle), "--out", str(tmp_path / "out")]) == 0
    r = json.loads((tmp_path / "out" / bundle.name / "findings.json").read_text("utf-8"))
    assert r["program"] == "service-2023" and r["indicators"] == []
    rules = {f["rule"] for f in r["findings"]}
    assert "completeness.service-missing-document" in rules
    assert not {x for x in rules if x.startswith(("completeness.missing-", "eligibility.type"))}
    missing = " ".join(f["message"] for f in r["findings"]
                       if f["rule"] == "completeness.service-missing-document")
    assert "평가제안서" in missing and "자체평가표" in missing
    assert r["score"]["grade"] is None and r["score"]["pass_mark"] == 70
