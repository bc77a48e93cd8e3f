"""A value read on a page the extraction OCR'd (no usable text layer) is not certain: a
rule that compares or judges it reports a warning ending '(확인 필요: '<file>' N쪽은 OCR로
읽음)', never an error; the same value read from a text layer keeps the rule's severity,
and a page OCR'd elsewhere than the values the rule used changes nothing.

End to end on real samples with one page's fonts remapped to private-use glyphs (the helper
of tests/test_pdf_textlayer_pua.py): the service sample's 자체평가표 cover (its 신청기관 read
as '준 누 리 모빌리티') and a city application's first page (its 선택 서비스 분야 misread).
Then rule by rule on hand-built submissions.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.report import FindingsReport
from smartcert.extractors.models import DocumentExtract, ExtractorInfo, Page, TextLayer
from smartcert.pipelines.batch import run_submission
from smartcert.pipelines.cache import ExtractCache
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import (
    Basis,
    Document,
    DocumentKind,
    IndicatorClaim,
    Submission,
)
from smartcert.schemas.mapping.ocr_read import ocr_note
from smartcert.schemas.mapping.service import map_service_submission
from smartcert.schemas.service_claims import (
    PrintedChoice,
    ServiceDocument,
    ServiceSubmission,
)
from smartcert.validators.consistency.summary_vs_form import SummaryVsForm
from smartcert.validators.eligibility.applicant_kind import ApplicantKind
from smartcert.validators.eligibility.optional_area_count import OptionalAreaCount
from smartcert.validators.eligibility.service_field import ServiceField
from smartcert.validators.eligibility.type_vs_population import TypeVsPopulation
from smartcert.validators.eligibility.unselected_area import UnselectedArea
from smartcert.validators.evidence.service_survey_sample import ServiceSurveySample
from smartcert.validators.period.item_outside_window import ItemOutsideWindow
from smartcert.validators.period.service_certificate_expired import ServiceCertificateExpired
from smartcert.validators.period.service_fact_outside_window import ServiceFactOutsideWindow
from smartcert.validators.period.span_too_long import SpanTooLong
from smartcert.validators.rule import CheckContext
from smartcert.validators.support.service_rule import ServiceContext
from tests.builders.service_submission import APP as S_APP
from tests.builders.service_submission import EV as S_EV
from tests.builders.service_submission import PROP as S_PROP
from tests.builders.service_submission import RS as S_RS
from tests.builders.service_submission import at as s_at
from tests.builders.service_submission import clean, clean_facts, fact
from tests.test_pdf_textlayer_pua import _hangul_to_pua, _remap_page
from tests.test_rules_consistency import a21
from tests.test_rules_consistency import sub as consistency_sub
from tests.test_rules_period import TWO_YEAR, d, item, span

ROOT = Path(__file__).resolve().parent.parent
SERVICE = ROOT / "samples" / "service" / "bundles" / "service-l1-clean"
CITY = ROOT / "samples" / "bundles" / "solnae-split"
RS = load_ruleset("city-2025")
APP, PROPOSAL = "1. 공모신청서.pdf", "2. 정량지표 평가제안서.pdf"
LIMIT = RS.applicants.population_threshold.value


def loc(file: str, page: int) -> Location:
    return Location(file=file, page=page)


# ── end to end ────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> ExtractCache:
    return ExtractCache(tmp_path_factory.mktemp("cache"))


def _run(source: Path, tmp: Path, cache: ExtractCache, glob: str, page: int
         ) -> tuple[FindingsReport, str]:
    """The bundle validated with `page` of its document `glob` made private-use (OCR'd)."""
    bundle = tmp / "bundle"
    shutil.copytree(source, bundle)
    [doc] = bundle.glob(glob)
    _remap_page(doc, tmp / "edited.pdf", page, _hangul_to_pua)
    shutil.move(tmp / "edited.pdf", doc)
    report = run_submission(bundle, tmp / "out", cache=cache).report
    assert report is not None
    [said] = [f for f in report.findings if f.rule == "intake.unusable-text-layer"]
    assert [(x.file, x.page) for x in said.locations] == [(doc.name, page)]
    return report, doc.name


def _of(report: FindingsReport, rule: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule]


def _errors(report: FindingsReport) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in report.findings if f.severity is Severity.ERROR]


@pytest.mark.slow
def test_a_service_applicant_read_by_ocr_is_compared_as_uncertain(
        tmp_path: Path, cache: ExtractCache) -> None:
    report, sa = _run(SERVICE, tmp_path, cache, "03_*.pdf", 1)
    [differs] = _of(report, "consistency.service-facts-differ")
    assert differs.severity is Severity.WARNING
    assert "'㈜누리모빌리티'" in differs.message
    assert differs.message.endswith(f"(확인 필요: '{sa}' 1쪽은 OCR로 읽음)")
    # the application's name, read from its text layer, is not said to be OCR'd
    assert "01_인증신청서" not in differs.message.split("확인 필요")[1]
    assert _errors(report) == []


@pytest.mark.slow
def test_city_areas_read_by_ocr_make_their_count_a_warning(
        tmp_path: Path, cache: ExtractCache) -> None:
    """The application's first page OCR'd: '주거' of its 선택 서비스 분야 is misread, so two
    areas are counted — an error before, a warning naming the page now."""
    report, app = _run(CITY, tmp_path, cache, "*1_인증신청서.pdf", 1)
    note = f"'{app}' 1쪽은 OCR로 읽음"
    [count] = _of(report, "eligibility.optional-area-count")
    assert count.severity is Severity.WARNING and count.message.endswith(f"(확인 필요: {note})")
    assert [(x.file, x.page) for x in count.locations] == [(app, 1)]  # where the areas are
    [differs] = _of(report, "consistency.applicant-facts-differ")
    assert differs.message.endswith(f"(확인 필요: {note})")
    unselected = _of(report, "eligibility.unselected-area")
    assert unselected and all(note in f.message for f in unselected)
    assert _errors(report) == []


# ── rule by rule ──────────────────────────────────────────────────────────────


AnySub = Submission | ServiceSubmission


def with_ocr(sub: AnySub, where: Location) -> AnySub:
    """A copy of `sub` whose document `where.file` has `where.page` OCR'd."""
    out = sub.model_copy(deep=True)
    docs: list = out.documents
    doc = next((d for d in docs if d.file == where.file), None)
    if doc is None:
        doc = (ServiceDocument if isinstance(out, ServiceSubmission) else Document)(
            file=where.file, sha256="0" * 64)
        docs.append(doc)
    doc.ocr_pages = sorted({*doc.ocr_pages, where.page or 1})
    return out


@dataclass(frozen=True)
class Case:
    name: str
    rule: type
    build: Callable[[], AnySub]
    value_at: Location  # where a value the rule used was read
    elsewhere: Location  # a page of the submission the rule used nothing from


def _check(case: Case, sub: AnySub) -> list[Finding]:
    if isinstance(sub, ServiceSubmission):
        return list(case.rule().check(sub, ServiceContext(ruleset=S_RS)))
    return list(case.rule().check(sub, CheckContext(ruleset=RS)))


def _city(**fields: object) -> Submission:
    base: dict[str, object] = dict(id="sub-test", applicant="누리시", city_type_claimed="중소도시",
                                   population=412345, selected_areas=["행정", "교육", "환경에너지"],
                                   selected_areas_source=loc(APP, 1), source=loc(APP, 2),
                                   documents=[Document(file=APP, sha256="0" * 64,
                                                       kind=DocumentKind.APPLICATION)])
    base.update(fields)
    return Submission.model_validate(base)


def _unselected_code() -> str:
    chosen = {RS.area(a).id for a in ("행정", "교육", "환경에너지")}
    area = next(a for a in RS.structure.areas if not a.mandatory and a.id not in chosen)
    return next(i.code for i in RS.indicators if i.area and RS.area(i.area) == area)


def _outside_item(declared: bool) -> Submission:
    claim = IndicatorClaim(code=TWO_YEAR, form_source=loc(PROPOSAL, 9),
                           declared_span=span(d(2023, 8), d(2025, 7)) if declared else None,
                           items=[item("리빙랩 B", d(2023, 5))])
    sub = _city(indicators=[claim])
    if not declared:
        sub.declared_span, sub.declared_span_source = span(d(2023, 8), d(2025, 7)), loc(APP, 1)
    return sub


def _long_span() -> Submission:
    return _city(declared_span=span(d(2022, 1), d(2024, 12)), declared_span_text="2022.01~2024.12",
                 declared_span_source=loc(APP, 1))


def _service_with(*facts: object, **fields: object) -> ServiceSubmission:
    return clean("L2", facts=[*clean_facts(), *facts], **fields)  # type: ignore[arg-type]


def _without(kind: str, item: str, *new: object) -> ServiceSubmission:
    sub = clean("L1" if kind == "certificate" else "L2")
    sub.facts = [f for f in sub.facts if not (f.item == item and f.kind == kind)] + list(new)
    return sub


CASES = [
    Case("optional-area-count", OptionalAreaCount,
         lambda: _city(selected_areas=["행정", "교육"]), loc(APP, 1), loc(APP, 2)),
    Case("type-vs-population: the population decided", TypeVsPopulation,
         lambda: _city(population=LIMIT, city_type_source=loc(APP, 1),
                       population_source=loc(APP, 3)), loc(APP, 3), loc(PROPOSAL, 3)),
    Case("type-vs-population: the type claimed", TypeVsPopulation,
         lambda: _city(population=LIMIT, city_type_source=loc(APP, 1),
                       population_source=loc(APP, 3)), loc(APP, 1), loc(PROPOSAL, 3)),
    Case("applicant-kind", ApplicantKind,
         lambda: _city(applicant="(주)스마트시티솔루션", applicant_basis=Basis.LABEL),
         loc(APP, 2), loc(APP, 1)),
    Case("unselected-area: the areas", UnselectedArea,
         lambda: _city(indicators=[IndicatorClaim(code=_unselected_code(), code_basis=Basis.LABEL,
                                                  source=loc(PROPOSAL, 3))]),
         loc(APP, 1), loc(PROPOSAL, 9)),
    Case("unselected-area: the summary row", UnselectedArea,
         lambda: _city(indicators=[IndicatorClaim(code=_unselected_code(), code_basis=Basis.LABEL,
                                                  source=loc(PROPOSAL, 3))]),
         loc(PROPOSAL, 3), loc(PROPOSAL, 9)),
    Case("summary-vs-form", SummaryVsForm, lambda: consistency_sub(a21(summary="2.31")),
         loc(PROPOSAL, 20), loc(PROPOSAL, 9)),
    Case("item-outside-window: the item", ItemOutsideWindow, lambda: _outside_item(True),
         loc(PROPOSAL, 9), loc(PROPOSAL, 3)),
    Case("item-outside-window: the application's span", ItemOutsideWindow,
         lambda: _outside_item(False), loc(APP, 1), loc(APP, 2)),
    Case("span-too-long", SpanTooLong, _long_span, loc(APP, 1), loc(APP, 2)),
    Case("service-field", ServiceField,
         lambda: clean("L1", field=PrintedChoice(text="방범·방재", location=s_at(S_APP, 1),
                                                 basis=Basis.LABEL)),
         s_at(S_APP, 1), s_at(S_APP, 2)),
    Case("fact-outside-window", ServiceFactOutsideWindow,
         lambda: _without("press", "S-111", fact("S-111", "press", "전자신문", date="2019-05-02",
                                                 label="매체", page=3, file=S_PROP)),
         s_at(S_PROP, 3), s_at(S_PROP, 4)),
    Case("fact-outside-window: the 신청일 decided", ServiceFactOutsideWindow,
         lambda: _service_with(fact("S-112", "rating", "4.3", number=4.3, date="2020-10-25",
                                    label="Google Play", page=5, file=S_PROP),
                               locations={"application_date": s_at(S_APP, 2)}),
         s_at(S_APP, 2), s_at(S_APP, 1)),
    Case("survey-sample", ServiceSurveySample,
         lambda: _without("survey", "S-112",
                          fact("S-112", "survey", "96,400명", number=96400, label="모집단",
                               page=6, file=S_PROP),
                          fact("S-112", "survey", "300명", number=300, label="표본 크기",
                               page=7, file=S_PROP)),
         s_at(S_PROP, 7), s_at(S_EV, 7)),
    Case("certificate-expired", ServiceCertificateExpired,
         lambda: _without("certificate", "S-312",
                          fact("S-312", "certificate", "2020.03.02 ~ 2023.03.01",
                               label="유효기간", page=22, file=S_PROP)),
         s_at(S_PROP, 22), s_at(S_PROP, 21)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_value_read_by_ocr_makes_the_error_a_warning_that_names_its_page(case: Case) -> None:
    sub = case.build()
    [certain] = _check(case, sub)
    assert certain.severity is Severity.ERROR and "OCR" not in certain.message
    # a page OCR'd that holds nothing the rule used: the error stands
    [still] = _check(case, with_ocr(sub, case.elsewhere))
    assert still == certain
    [doubted] = _check(case, with_ocr(sub, case.value_at))
    assert doubted.severity is Severity.WARNING and doubted.rule == certain.rule
    assert (doubted.claimed, doubted.expected, doubted.locations) == (
        certain.claimed, certain.expected, certain.locations)
    note = f"'{case.value_at.file}' {case.value_at.page}쪽은 OCR로 읽음"
    assert doubted.message.startswith(certain.message.split(" (확인 필요")[0])
    assert doubted.message.endswith(f"{note})")


def test_a_population_that_did_not_decide_is_not_a_doubt() -> None:
    """A 군 cannot apply as 대도시 whatever its population: the population's page OCR'd
    leaves the error certain."""
    sub = _city(applicant="푸른군", city_type_claimed="대도시", population=62418,
                city_type_source=loc(APP, 1), population_source=loc(APP, 3))
    ctx = CheckContext(ruleset=RS)
    [certain] = TypeVsPopulation().check(sub, ctx)
    assert certain.severity is Severity.ERROR
    assert list(TypeVsPopulation().check(with_ocr(sub, loc(APP, 3)), ctx)) == [certain]
    [doubted] = TypeVsPopulation().check(with_ocr(sub, loc(APP, 1)), ctx)
    assert doubted.severity is Severity.WARNING


def test_an_article_older_than_any_window_stays_an_error_whatever_the_date_says() -> None:
    """The 신청일 only narrows the window: a fact outside the widest one is outside
    whichever day the OCR'd 신청일 really is."""
    sub = _without("press", "S-111", fact("S-111", "press", "전자신문", date="2019-05-02",
                                         label="매체", page=3, file=S_PROP))
    sub.locations["application_date"] = s_at(S_APP, 2)
    ctx = ServiceContext(ruleset=S_RS)
    [certain] = ServiceFactOutsideWindow().check(sub, ctx)
    assert list(ServiceFactOutsideWindow().check(with_ocr(sub, s_at(S_APP, 2)), ctx)) \
        == [certain] and certain.severity is Severity.ERROR


def test_the_note_names_each_file_with_its_pages() -> None:
    ocr = {"a.pdf": {1, 2, 3, 7}, "b.pdf": {4}}
    places = [loc("a.pdf", 7), loc("a.pdf", 1), loc("a.pdf", 2), loc("b.pdf", 4),
              loc("b.pdf", 5), Location(file="c.xlsx", sheet="A-1-1", cell="B3"), None]
    assert ocr_note(ocr, places) == "'a.pdf' 1-2, 7쪽, 'b.pdf' 4쪽은 OCR로 읽음"
    assert ocr_note(ocr, [loc("b.pdf", 5), Location(file="a.pdf")]) is None
    assert ocr_note({}, [loc("a.pdf", 1)]) is None


def test_ocr_pages_of_a_document_reach_the_service_submission() -> None:
    """The mapping records each document's OCR'd and unread pages (rules weigh them)."""
    doc = DocumentExtract(
        extractor=ExtractorInfo(name="t", version="0"), file="3. 자체평가표.pdf",
        sha256="0" * 64, size=1, media_type="application/pdf",
        pages=[Page(number=1, text_layer=TextLayer.UNUSABLE, ocr=True),
               Page(number=2, text_layer=TextLayer.MISSING), Page(number=3)])
    [got] = map_service_submission("s", [doc], S_RS).submission.documents
    assert (got.ocr_pages, got.unread_pages, got.unsure_pages) == ([1], [2], [1, 2])
