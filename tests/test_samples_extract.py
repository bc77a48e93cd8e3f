"""The extractors find every truth value of the sample bundles where the truth says it is.

Summary-table values must sit in the row of their indicator code on the recorded page (or
the recorded sheet cell), data-form values on the form page, and every evidence string on
its evidence page. Scanned evidence has no text layer; a few pages are OCR'd as a check.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract, TextLayer

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "bundles"
# the base bundles; layout variants print values differently and are checked by
# tests/test_samples_variants.py (consistency) and tests/test_validate_command.py (mapping)
TRUTHS = [p for p in sorted((ROOT / "samples" / "truth").glob("*.json"))
          if "variant" not in json.loads(p.read_text(encoding="utf-8"))]


def norm(s: str | None) -> str:
    """Whitespace-free: wrapped cells, letter-spaced labels and word gaps compare equal."""
    return re.sub(r"\s+", "", s or "")


@cache
def extract(path: Path, ocr: bool = True, max_pages: int | None = None) -> DocumentExtract:
    return extract_file(path, ExtractSettings(ocr=ocr, max_pages=max_pages))


def load(p: Path) -> dict[str, Any]:
    return json.loads(p.read_text(encoding="utf-8"))


def doc_of(t: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(d for d in t["documents"] if d["kind"] == kind)


@pytest.fixture(params=TRUTHS, ids=lambda p: p.stem)
def truth(request: pytest.FixtureRequest) -> dict[str, Any]:
    return load(request.param)


def page_cells(doc: DocumentExtract, page: int) -> list[tuple[Any, Any]]:
    """(table, cell) pairs printed on ``page``."""
    return [(t, c) for t in doc.tables for c in t.cells if (c.page or t.pages[0]) == page]


def page_text(doc: DocumentExtract, page: int) -> str:
    return "".join(norm(s.text) for s in doc.spans if s.page == page)


def test_summary_rows_hold_text_and_evidence_pages(truth: dict[str, Any]) -> None:
    prop = doc_of(truth, "quantitative_proposal")
    doc = extract(BUNDLES / truth["bundle"] / prop["file"])
    missing = []
    for ind in truth["indicators"]:
        if prop["media"] == "xlsx":
            hits = [
                c
                for t in doc.tables
                if t.sheet == ind["sheet"]
                for c in t.cells
                if c.ref == ind["cell"]
            ]
            ok = [c for c in hits if norm(c.text) == norm(ind["text"])]
        else:
            cells = page_cells(doc, ind["page"])
            rows = {(id(t), c.row) for t, c in cells if norm(c.text) == ind["code"]}
            row_texts = {norm(c.text) for t, c in cells if (id(t), c.row) in rows}
            ok = (
                [norm(ind["text"])]
                if norm(ind["text"]) in row_texts
                and (ind["evidence_pages"] is None or norm(ind["evidence_pages"]) in row_texts)
                else []
            )
        if not ok:
            missing.append((ind["code"], ind["text"]))
    assert not missing


def test_form_values_are_on_the_form_page(truth: dict[str, Any]) -> None:
    prop = doc_of(truth, "quantitative_proposal")
    doc = extract(BUNDLES / truth["bundle"] / prop["file"])
    missing = []
    for ind in truth["indicators"]:
        if prop["media"] == "xlsx":
            texts = {
                norm(c.text)
                for t in doc.tables
                if t.sheet == ind["form_sheet"]
                for c in t.cells
                if c.ref == ind["form_cell"]
            }
        else:
            texts = {norm(c.text) for _, c in page_cells(doc, ind["form_page"])}
        if norm(ind["form_text"]) not in texts:
            missing.append((ind["code"], ind["form_text"]))
    assert not missing


def test_application_and_self_assessment_values(truth: dict[str, Any]) -> None:
    app = truth["applicant"]
    doc = extract(BUNDLES / truth["bundle"] / app["file"])
    texts = {norm(c.text) for _, c in page_cells(doc, app["page"])}
    assert {
        norm(app["name"]),
        norm(app["registration_no"]),
        norm(f"{app['head_title']} {app['head_name']}"),
    } <= texts
    q = doc_of(truth, "qualitative_self_assessment")
    doc = extract(BUNDLES / truth["bundle"] / q["file"])
    for unit in truth["qualitative"]:
        assert norm(unit["stage_text"]) in {
            norm(c.text) for _, c in page_cells(doc, unit["page"])
        }, unit["unit"]


TEXT_LAYER = [p for p in TRUTHS if not doc_of(load(p), "evidence")["image_only"]]


@pytest.mark.parametrize("path", TEXT_LAYER, ids=lambda p: p.stem)
def test_evidence_pages_show_their_items(path: Path) -> None:
    truth = load(path)
    ev = doc_of(truth, "evidence")
    doc = extract(BUNDLES / truth["bundle"] / ev["file"])
    missing = []
    for e in truth["evidence"]:
        text = page_text(doc, e["page"])
        cells = [norm(c.text) for _, c in page_cells(doc, e["page"])]
        missing += [
            (e["page"], s)
            for s in e["shows"]
            if norm(s) not in text and not any(norm(s) in c for c in cells)
        ]
    assert not missing


def scanned() -> list[dict[str, Any]]:
    return [t for t in map(load, TRUTHS) if doc_of(t, "evidence")["image_only"]]


def test_scanned_evidence_pages_are_reported_without_text_layer() -> None:
    for t in scanned():
        doc = extract(BUNDLES / t["bundle"] / doc_of(t, "evidence")["file"], ocr=False)
        assert len(doc.pages) == doc_of(t, "evidence")["pages"]
        assert all(p.text_layer is TextLayer.MISSING and not p.ocr for p in doc.pages)


@pytest.mark.slow
def test_scanned_evidence_is_readable_by_ocr() -> None:
    first = 5  # OCR is slow: the opening pages carry an org chart and certificates
    for t in scanned():
        doc = extract(BUNDLES / t["bundle"] / doc_of(t, "evidence")["file"], max_pages=first)
        shows = [(e["page"], s) for e in t["evidence"] if e["page"] <= first for s in e["shows"]]
        found = [s for p, s in shows if norm(s) in page_text(doc, p)]
        assert shows and len(found) >= len(shows) * 0.6, (found, shows)
