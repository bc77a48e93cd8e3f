"""`garam-hwpx`: the garam-docx submission with its 정량지표 평가제안서 delivered as HWPX only
(issue 13, part 5). The proposal is the generator's blocks written as OWPML by
`samples/generator/hwpx_render.py`; the other three documents are garam-docx's own.

Checked end to end: the committed file is what a re-run writes, it is a valid HWPX
package, the native extract has every table of the blocks with its spans, and
`smartcert validate` reads the same indicator values as from the Word proposal, with
the report's evidence crops drawn from the HWPX pages."""

from __future__ import annotations

import json
import zipfile
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import hwpx
import numpy as np
import pytest
from PIL import Image

from samples.generator.doc import Table, letter_spaced
from samples.generator.hwpx_bundle import BUNDLE, CITY, SOURCE, build_hwpx_bundle, proposal_blocks
from samples.generator.model import Profile
from smartcert.cli import main
from smartcert.extractors.api import extract_file

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "bundles"
HWPX = BUNDLES / BUNDLE / "02 가람광역시 정량지표 평가제안서.hwpx"


@cache
def block_tables() -> list[Table]:
    return [b for b in proposal_blocks(Profile.load(CITY)) if isinstance(b, Table)]


def test_fresh_render_equals_the_committed_bundle(tmp_path: Path) -> None:
    path, placed = build_hwpx_bundle(tmp_path, BUNDLES)
    assert path.name == HWPX.name and placed.tables == len(block_tables())
    committed = sorted(p.name for p in (BUNDLES / BUNDLE).iterdir())
    assert sorted(p.name for p in (tmp_path / BUNDLE).iterdir()) == committed
    for name in committed:
        assert (tmp_path / BUNDLE / name).read_bytes() == (BUNDLES / BUNDLE / name).read_bytes()
    # HWPX only: the Word proposal is not in the bundle, the other documents are garam-docx's
    assert not any(name.endswith(".docx") for name in committed)
    assert {n for n in committed if n != HWPX.name} < {p.name for p in (BUNDLES / SOURCE).iterdir()}


def test_the_file_is_an_owpml_package() -> None:
    with zipfile.ZipFile(HWPX) as zf:
        infos = zf.infolist()
        assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
        assert zf.read("mimetype") == b"application/hwp+zip"
        names = set(zf.namelist())
        section = zf.read("Contents/section0.xml").decode("utf-8")
    assert {"Contents/header.xml", "Contents/section0.xml", "Contents/content.hpf",
            "META-INF/container.xml", "version.xml"} <= names
    assert section.count("<hp:tbl ") == len(block_tables())
    assert 'rowSpan="2"' in section and 'colSpan="2"' in section
    report = hwpx.validate_package(HWPX)  # an independent reader's checks
    assert not [i for i in report.issues if i.level == "error"], report.issues


def _typed(text: str, spaced: bool) -> str:
    return (letter_spaced(text) if spaced else text).strip()  # garam types labels spaced


def test_extract_has_every_block_table_with_its_spans() -> None:
    doc = extract_file(HWPX)
    assert doc.status == "ok" and len(doc.pages) > 1
    tables = block_tables()
    assert len(doc.tables) == len(tables)
    merged = 0
    for want, got in zip(tables, doc.tables, strict=True):
        assert (got.n_rows, got.n_cols, got.header_rows) == (
            want.n_rows, want.n_cols, want.header_rows), got.id
        expected = sorted((c.row, c.col, c.rowspan, c.colspan, _typed(c.text, c.spaced))
                          for c in want.cells)
        read = sorted((c.row, c.col, c.rowspan, c.colspan, c.text) for c in got.cells)
        assert read == expected, got.id
        merged += sum(1 for c in got.cells if c.rowspan > 1 or c.colspan > 1)
        # every value is placed on a page, so findings and crops can point at it
        assert all(c.page and c.bbox for c in got.cells if c.text), got.id
    assert merged > 100
    # a second reader (python-hwpx) sees the same merges
    other = hwpx.HwpxDocument.open(HWPX).tables
    assert len(other) == len(tables)
    for want, t in zip(tables, other, strict=True):
        spans = {pos.anchor: pos.span for pos in t.iter_grid()}
        assert spans == {(c.row, c.col): (c.rowspan, c.colspan) for c in want.cells}


@pytest.fixture(scope="module")
def validated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, Any], Path]]:
    out = tmp_path_factory.mktemp("hwpx-validate")
    runs = {}
    for bundle in (SOURCE, BUNDLE):
        assert main(["validate", str(BUNDLES / bundle), "--out", str(out), "--no-ocr"]) == 0
        folder = out / bundle
        runs[bundle] = (json.loads((folder / "findings.json").read_text(encoding="utf-8")), folder)
    return runs


def test_same_indicator_values_as_the_word_proposal(validated: dict[str, Any]) -> None:
    original = {i["code"]: i for i in validated[SOURCE][0]["indicators"]}
    got = {i["code"]: i for i in validated[BUNDLE][0]["indicators"]}
    assert set(got) == set(original) and len(got) == 52
    for code, i in original.items():
        g = got[code]
        assert (g["value"], g["unit"], g["text"], g["evidence_pages"]) == (
            i["value"], i["unit"], i["text"], i["evidence_pages"]), code
        # read from the HWPX, on the page rhwp laid the summary row on
        assert g["source"]["file"] == HWPX.name and g["source"]["page"] >= 2, code
        assert g["source"]["bbox"], code


def _issues(findings: dict[str, Any], severity: str) -> set[tuple[str, str | None]]:
    return {(f["rule"], f["indicator"]) for f in findings["findings"] if f["severity"] == severity}


def test_no_error_finding_the_original_does_not_have(validated: dict[str, Any]) -> None:
    original, got = validated[SOURCE][0], validated[BUNDLE][0]
    assert _issues(got, "error") <= _issues(original, "error")
    assert _issues(got, "warning") == _issues(original, "warning")
    assert got["score"]["total"] == original["score"]["total"]


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.imgs: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.imgs.append(dict(attrs))


def test_report_crops_exist_for_findings_in_the_hwpx(validated: dict[str, Any]) -> None:
    findings, folder = validated[BUNDLE]
    located = [loc for f in findings["findings"] for loc in f["locations"]
               if loc["file"] == HWPX.name and loc["page"] and loc["bbox"]]
    assert len(located) >= 4  # code inferred, code/name mismatch, proposal order, C-1-7
    parser = _Images()
    parser.feed((folder / "report.html").read_text(encoding="utf-8"))
    for loc in located:
        alt = f"{HWPX.name} · {loc['page']}쪽"
        imgs = [a for a in parser.imgs if a.get("alt") == alt]
        assert imgs, alt
        for a in imgs:
            src = str(a["src"])
            assert src.startswith("report_files/") and (folder / src).is_file(), src
            pixels = np.asarray(Image.open(folder / src).convert("L"))
            assert (pixels < 128).sum() > 200, src  # the page was drawn: text in the crop
    per_page = {loc["page"] for loc in located}
    assert len({a["src"] for a in parser.imgs}) >= len(per_page)
