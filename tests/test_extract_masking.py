"""The extraction records under the output folder (`<out>/<name>/extract/*.extract.json`,
`smartcert extract`) mask 주민등록번호 and phone numbers by default (`--extract-json masked`;
`clear` as read, `none` not written). The cache a re-run resumes from keeps the documents'
own text in the data directory, so masking changes no result."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

import smartcert.pipelines.steps as steps
from smartcert.cli import main
from smartcert.core.masking import RRN_MASK, personal_matches
from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract
from smartcert.pipelines.privacy import ExtractJson
from smartcert.pipelines.steps import write_extract

ROOT = Path(__file__).resolve().parent.parent
CHORONG = ROOT / "samples" / "bundles" / "chorong-word"
RRN, PHONE, OFFICE = "900101-1234567", "010-2345-6789", "031 234 5678"
NAME = "[초롱시]담당자_연락처.docx"


def contacts_docx(path: Path) -> Path:
    """A contact sheet as municipalities attach it: the officer's numbers in a paragraph
    and in a table, beside figures that are no personal data."""
    d = docx.Document()
    d.add_paragraph(f"담당자 김초롱 (주민등록번호 {RRN}), 휴대전화 {PHONE}")
    d.add_paragraph("스마트도시 서비스 예산 1,250,000,000원 (2024년)")
    table = d.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("부서", "전화", "인구"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("스마트도시과", OFFICE, "412,345"), strict=True):
        cell.text = text
    d.save(str(path))
    return path


def texts(doc: DocumentExtract) -> list[str]:
    return ([t for s in doc.spans for t in (s.text, s.key)]
            + [t for tb in doc.tables for c in tb.cells for t in (c.text, c.key)])


def read_record(path: Path) -> DocumentExtract:
    return DocumentExtract.model_validate_json(path.read_bytes())


def test_a_record_is_masked_clear_or_not_written(tmp_path: Path) -> None:
    doc = extract_file(contacts_docx(tmp_path / NAME), ExtractSettings(ocr=False))
    assert {RRN, PHONE, OFFICE} <= set(personal_matches("\n".join(texts(doc))))

    masked = read_record(write_extract(doc, tmp_path / "m"))  # type: ignore[arg-type]
    assert not any(personal_matches(t) for t in texts(masked))  # matching keys too
    joined = "\n".join(texts(masked))
    assert RRN_MASK in joined and "010-****-****" in joined and "031-****-****" in joined
    # what is no personal data, and every identity and place, as read
    assert "1,250,000,000원" in joined and "412,345" in joined
    assert (masked.file, masked.sha256, masked.size) == (doc.file, doc.sha256, doc.size)
    assert [c.bbox for t in masked.tables for c in t.cells] == [
        c.bbox for t in doc.tables for c in t.cells]
    assert PHONE in "\n".join(texts(doc))  # a copy was masked, not the reading

    clear = read_record(write_extract(doc, tmp_path / "c", ExtractJson.CLEAR))  # type: ignore[arg-type]
    assert clear == doc
    assert write_extract(doc, tmp_path / "n", ExtractJson.NONE) is None
    assert not (tmp_path / "n").exists()


def _findings(out: Path) -> tuple[list[dict[str, object]], dict[str, object]]:
    report = json.loads((out / "chorong-contacts" / "findings.json").read_text("utf-8"))
    return report["findings"], report["score"]


@pytest.mark.slow
def test_masked_records_and_a_clear_cache_a_rerun_resumes_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle, out = tmp_path / "chorong-contacts", tmp_path / "out"
    shutil.copytree(CHORONG, bundle)
    contacts_docx(bundle / NAME)
    assert main(["validate", str(bundle), "--out", str(out), "--no-ocr"]) == 0
    record = out / "chorong-contacts" / "extract" / f"{NAME}.extract.json"
    assert PHONE not in record.read_text("utf-8") and "010-****-****" in record.read_text("utf-8")
    cached = [p for p in (out / ".smartcert" / "cache" / "extract").rglob("*.json")
              if PHONE in p.read_text("utf-8")]
    assert len(cached) == 1  # the data directory's cache keeps the document's own text
    first = _findings(out)

    def no_reading(*_a: object, **_k: object) -> DocumentExtract:
        raise AssertionError("a re-run must resume from the cache")

    monkeypatch.setattr(steps, "extract_file", no_reading)
    assert main(["validate", str(bundle), "--out", str(out), "--no-ocr",
                 "--extract-json", "clear"]) == 0
    assert PHONE in record.read_text("utf-8")
    assert _findings(out) == first  # how the records are written changes no result


def test_smartcert_extract_masks_unless_told(tmp_path: Path) -> None:
    src = contacts_docx(tmp_path / NAME)
    assert main(["extract", str(src), "--out", str(tmp_path / "m"), "--no-ocr"]) == 0
    masked = (tmp_path / "m" / f"{NAME}.extract.json").read_text("utf-8")
    assert RRN not in masked and PHONE not in masked and RRN_MASK in masked
    assert main(["extract", str(src), "--out", str(tmp_path / "c"), "--no-ocr",
                 "--extract-json", "clear"]) == 0
    assert PHONE in (tmp_path / "c" / f"{NAME}.extract.json").read_text("utf-8")
