"""Personal data (주민등록번호, phone numbers) is masked everywhere smartcert writes it: the
report itself (findings.json and the store get the masked report), a reviewer's comment, and
the pictures of the report (a crop that prints a number covers it)."""

from __future__ import annotations

from pathlib import Path

import fitz
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from smartcert.core.findings import Location
from smartcert.core.masking import RRN_MASK, mask_model, personal_matches
from smartcert.reports.assemble import (
    ServiceAnalysed,
    build_service_report,
    write_findings_json,
)
from smartcert.reports.regions import MARGIN_Y, RegionRenderer
from smartcert.reports.verdicts import Verdict, VerdictInfo
from smartcert.reports.view import build_findings
from smartcert.schemas.catalogue import load_service_ruleset
from smartcert.schemas.mapping.service import ServiceMapped
from smartcert.validators.service_registry import run_service_rules
from smartcert.validators.support.service_rule import ServiceContext
from tests.builders.findings_report import FORM, PHONE, RRN, hostile_report
from tests.builders.service_submission import clean


def test_the_report_model_is_masked_but_its_identifiers_kept() -> None:
    report = hostile_report()
    report.submission.applicant = f"누리시 (담당 {PHONE})"
    masked = mask_model(report)
    text = masked.model_dump_json()
    assert PHONE not in text and RRN not in text and RRN_MASK in text
    assert "010-****-****" in masked.submission.applicant  # the kind of number stays legible
    # places, rules and indicators are identifiers: untouched, so links and keys still work
    assert [f.rule for f in masked.findings] == [f.rule for f in report.findings]
    assert [[loc.file for loc in f.locations] for f in masked.findings] == [
        [loc.file for loc in f.locations] for f in report.findings]
    assert PHONE in report.model_dump_json()  # a copy: the original is left as it was


def test_findings_json_is_written_from_the_masked_report(tmp_path: Path) -> None:
    """build_service_report (as build_report) returns the masked model: findings.json, the
    store and the human reports all start from it."""
    sub = clean("L1", applicant=f"㈜누리모빌리티 (대표전화 {PHONE})")
    rs = load_service_ruleset("service-2023")
    mapped = ServiceMapped(submission=sub, classifications={})
    found = run_service_rules(sub, ServiceContext(ruleset=rs, evidence=()))
    report = build_service_report([], [], ServiceAnalysed(ruleset=rs, mapped=mapped,
                                                          rule_findings=found))
    written = write_findings_json(report, tmp_path).read_text("utf-8")
    assert PHONE not in written and "010-****-****" in written


def test_a_reviewers_comment_is_masked() -> None:
    report = hostile_report()
    views = build_findings(report, None)
    key = views[0].key
    verdicts = {key: VerdictInfo(verdict=Verdict.DISMISS, comment=f"담당자 {PHONE} 확인",
                                 reviewer="심사위원")}
    (first, *_) = build_findings(report, None, verdicts=verdicts)
    assert first.verdict is not None and PHONE not in first.verdict.comment
    assert "010-****-****" in first.verdict.comment


def test_a_crop_covers_a_printed_number(tmp_path: Path) -> None:
    pdf = tmp_path / "form.pdf"
    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 300), f"담당자 연락처 {PHONE}", fontsize=12, fontname="korea")
    page.insert_text((72, 330), "value 1,234", fontsize=12)
    doc.save(pdf)
    doc.close()
    with fitz.open(pdf) as d:
        (hit,) = d[0].search_for(PHONE)
        assert personal_matches(d[0].get_text()) == [PHONE]
    with RegionRenderer({FORM: pdf}, tmp_path / "out") as renderer:
        image = renderer.render(Location(file=FORM, page=1, bbox=(70.0, 285.0, 300.0, 335.0)))
    assert image is not None
    pix = fitz.Pixmap(str(tmp_path / "out" / image.src))
    arr = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, pix.n)
    # the bar covers the number: its middle row is one flat dark value, no glyph strokes
    zoom = pix.width / 595.0  # a lone cell's crop spans the page width
    y = int(((hit.y0 + hit.y1) / 2 - (285.0 - MARGIN_Y)) * zoom)
    xs = slice(int(hit.x0 * zoom) + 2, int(hit.x1 * zoom) - 2)
    row = arr[y, xs, 0]
    assert row.size > 10 and int(row.max()) == int(row.min()) == 60


# -- the quick pass over text without two digits in a row (`masking._TWO_DIGITS`) ----------
_DIGITISH = st.text(alphabet=st.sampled_from("0123456789 -‐‑–—.+()\t가나١٢"), max_size=40)


@given(_DIGITISH)
def test_text_passed_over_could_not_have_matched(text: str) -> None:
    """Masking looks at text only when it holds two digits in a row: neither pattern can
    match anything else (else a number would be left unmasked)."""
    from smartcert.core import masking

    if masking._TWO_DIGITS.search(text) is None:
        assert masking._RRN.search(text) is None and masking._PHONE.search(text) is None
        assert masking.mask_personal(text) == text and masking.personal_matches(text) == []
