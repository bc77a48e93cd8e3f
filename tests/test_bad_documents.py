"""The bad-input catalogue: documents that break the libraries, each through every entry
point (the `extract` and `validate` commands, the batch flow's extract step). Each ends as a
finding on its own document, the rest of the bundle goes through, nothing crashes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from smartcert.cli import main
from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentStatus
from tests.builders.bad_pdf import cyclic_page_tree, lying_page_count

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "samples" / "bundles" / "chorong-word"

# PDFs that break the reader itself: the safety net makes each a finding
BAD: dict[str, Callable[[Path], Path]] = {
    "lying-page-count": lying_page_count,
}


def test_a_page_tree_that_contains_itself_is_named_by_the_reader(tmp_path: Path) -> None:
    """MuPDF's FzErrorFormat on loading a page is not a RuntimeError: it went to the safety
    net ('운영자 확인이 필요합니다') until `extractors/pdf/errors.py`. Each page is now an
    unreadable page of a partly read document."""
    doc = extract_file(cyclic_page_tree(tmp_path / "cyclic.pdf"), ExtractSettings(ocr=False))
    assert doc.status is DocumentStatus.PARTIAL
    assert [(f.rule, f.locations[0].page) for f in doc.findings] == [
        ("intake.page-unreadable", 1), ("intake.page-unreadable", 2)]
    assert all("cycle in page tree" in f.message for f in doc.findings)


@pytest.mark.parametrize("kind", sorted(BAD))
def test_extract_file_makes_a_finding(kind: str, tmp_path: Path) -> None:
    doc = extract_file(BAD[kind](tmp_path / f"{kind}.pdf"), ExtractSettings(ocr=False))
    assert doc.status is DocumentStatus.FAILED
    (f,) = doc.findings
    assert f.rule == "intake.extractor-failed" and f.locations[0].file == f"{kind}.pdf"


@pytest.mark.parametrize("kind", sorted(BAD))
def test_the_extract_command_writes_the_record(kind: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    src = BAD[kind](tmp_path / f"{kind}.pdf")
    assert main(["extract", str(src), "--out", str(tmp_path / "out"), "--no-ocr"]) == 0
    record = json.loads((tmp_path / "out" / f"{kind}.pdf.extract.json").read_text("utf-8"))
    assert record["status"] == "failed"
    assert "Traceback" not in capsys.readouterr().err  # the operator's log has it, not the screen


def test_validate_goes_through_the_rest_of_the_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "chorong-word"
    shutil.copytree(BUNDLE, bundle)
    for kind, make in BAD.items():
        make(bundle / f"붙임_{kind}.pdf")
    assert main(["validate", str(bundle), "--out", str(tmp_path / "out"), "--no-ocr"]) == 0
    report = json.loads((tmp_path / "out" / "chorong-word" / "findings.json").read_text("utf-8"))
    failed = sorted(f["locations"][0]["file"] for f in report["findings"]
                    if f["rule"] == "intake.extractor-failed")
    assert failed == sorted(f"붙임_{k}.pdf" for k in BAD)
    assert len(report["indicators"]) == 53  # the bundle's own documents were all read


def test_a_file_name_at_the_length_limit(tmp_path: Path) -> None:
    """250 bytes (81 syllables and '-xy.pdf') is a legal name; with '.extract.json'
    it is not — the record is written under a shortened, still distinct name."""
    from smartcert.reports.jsonfile import NAME_MAX, extract_json_name

    bundle = tmp_path / "chorong-word"
    shutil.copytree(BUNDLE, bundle)
    evidence = next(bundle.glob("*.pdf"))
    long_a, long_b = "가" * 80 + "나-xy.pdf", "가" * 80 + "다-xy.pdf"
    assert len(long_a.encode("utf-8")) == 250
    shutil.copy(evidence, bundle / long_a)
    shutil.copy(evidence, bundle / long_b)
    assert extract_json_name(long_a) != extract_json_name(long_b)
    assert main(["validate", str(bundle), "--out", str(tmp_path / "out"), "--no-ocr"]) == 0
    written = sorted((tmp_path / "out" / "chorong-word" / "extract").iterdir())
    assert all(len(p.name.encode("utf-8")) <= NAME_MAX for p in written)
    records = [json.loads(p.read_text("utf-8"))["file"] for p in written]
    assert long_a in records and long_b in records


def test_every_entry_of_a_batch_is_accounted_for(tmp_path: Path, prefect_harness: None) -> None:
    """A submission folder named like the batch's summary, a '.smartcert' folder and a loose
    file at the batch root: the submission is read (its output renamed), the others are
    reported, the summary is written."""
    from smartcert.pipelines.flows import batch_intake

    batch = tmp_path / "batch"
    shutil.copytree(BUNDLE, batch / "batch-summary.html")
    (batch / ".smartcert").mkdir()
    (batch / "메모.txt").write_text("접수 메모", encoding="utf-8")
    result = batch_intake(str(batch), str(tmp_path / "out"), ocr=False)
    (outcome,) = result.outcomes
    assert outcome.out_dir.name == "batch-summary.html_제출물"
    assert len(outcome.report.indicators) == 53
    assert (tmp_path / "out" / "batch-summary.html").is_file()
    assert sorted(x.path.name for x in result.strays) == [".smartcert", "메모.txt"]
    assert all(x.reason for x in result.strays)


def test_two_submissions_of_one_name_are_refused_before_work(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for d in ("a", "b"):
        shutil.copytree(BUNDLE, tmp_path / d / "chorong-word")
    argv = ["intake", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out")]
    assert main(argv) == 2
    assert "같은 이름의 제출물" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["submission-member-mimetype-encrypted.zip",
                                  "submission-top-mimetype-encrypted.zip"])
def test_an_unreadable_mimetype_member_does_not_stop_intake(name: str, tmp_path: Path) -> None:
    """Found by the fuzz run: sniffing read an HWPX's 'mimetype' member outside the safety
    net, so an encrypted one (or an unknown method, corrupt data) raised out of intake."""
    from smartcert.intake.bundle import open_submission

    zipped = ROOT / "tests" / "fuzz_regressions" / name
    result = open_submission(zipped, tmp_path / "work")
    assert result.files or result.findings  # accounted for, not raised


def test_a_lone_surrogate_in_a_text_layer_can_still_be_written(tmp_path: Path) -> None:
    """Found by the fuzz run: a ToUnicode map pointing at half a UTF-16 pair gave a span
    that could not be written as JSON, so `smartcert extract` stopped with an internal
    error. The half character is now U+FFFD and the record is written."""
    src = ROOT / "tests" / "fuzz_regressions" / "pdf-text-with-lone-surrogate.pdf"
    assert main(["extract", str(src), "--out", str(tmp_path), "--no-ocr"]) == 0
    record = json.loads((tmp_path / f"{src.name}.extract.json").read_text("utf-8"))
    assert any("\ufffd" in s["text"] for s in record["spans"])


def test_a_page_that_fails_past_its_glyphs_has_one_record(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """MuPDF can fail on a page's drawings after its glyphs were read and its record
    written: the page is then one unreadable page, not two records of one number."""
    import fitz

    from smartcert.extractors.api import read_document
    from smartcert.extractors.pdf import pagefind

    def broken(page: fitz.Page, chars: object) -> object:
        if page.number == 1:
            raise fitz.mupdf.FzErrorSyntax("invalid key in dict")
        return real(page, chars)

    real = pagefind.page_edges
    monkeypatch.setattr(pagefind, "page_edges", broken)
    pdf = next(BUNDLE.glob("*정량지표*.pdf"))
    doc = read_document(pdf, ExtractSettings(ocr=False, page_workers=1), pdf.name)
    numbers = [p.number for p in doc.pages]
    assert numbers == sorted(set(numbers)) and numbers[:3] == [1, 2, 3]
    assert doc.pages[1].text_layer.value == "unusable"
    assert doc.status is DocumentStatus.PARTIAL
    assert [f.locations[0].page for f in doc.findings if f.rule == "intake.page-unreadable"] == [2]
