"""A PDF page whose text layer maps to private-use glyphs (a font's ToUnicode pointing at
U+E000…) or to nothing (U+FFFD): the page is OCR'd, a warning names the file and page, and
the rules that relied on that page's text warn instead of erring.

The test files are a real sample's self-assessment (solnae-split) with the ToUnicode maps
of one page's fonts rewritten, as broken Hancom exports have them: the page looks the same,
its text layer says nothing.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import fitz
import pytest

from smartcert.core.findings import Severity
from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract, TextLayer
from smartcert.pipelines.batch import run_submission
from smartcert.pipelines.cache import ExtractCache

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "samples" / "bundles" / "solnae-split"
UNUSABLE = "intake.unusable-text-layer"
PAGE = 2  # the page made unusable: the self-assessment's middle page
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>")


def _qualitative() -> Path:
    [path] = BUNDLE.glob("*정성지표*.pdf")
    return path


def _hangul_to_pua(code: int) -> int:
    return 0xE000 + (code - 0xAC00) % 0x1900 if 0xAC00 <= code <= 0xD7A3 else code


def _hangul_to_nothing(code: int) -> int:
    return 0xFFFD if 0xAC00 <= code <= 0xD7A3 else code


def _bullet_to_pua(code: int) -> int:
    return 0xF0A7 if code == 0x25A0 else code  # '■' as Hancom's symbol fonts map it


def _remap_page(src: Path, dst: Path, page: int, remap: Callable[[int], int]) -> Path:
    """`src` with the ToUnicode maps of `page`'s fonts rewritten by `remap` (copies of the
    fonts, so the other pages keep theirs)."""
    pdf = fitz.open(src)

    def copy(xref: int) -> int:
        new = pdf.get_new_xref()
        pdf.update_object(new, pdf.xref_object(xref, compressed=True))
        if pdf.xref_is_stream(xref):
            pdf.update_stream(new, pdf.xref_stream(xref))
        return new

    page_xref = pdf.page_xref(page - 1)
    kind, value = pdf.xref_get_key(page_xref, "Resources/Font")
    assert kind == "xref", (kind, value)
    fonts = copy(int(value.split()[0]))
    pdf.xref_set_key(page_xref, "Resources/Font", f"{fonts} 0 R")
    for key in pdf.xref_get_keys(fonts):
        font = copy(int(pdf.xref_get_key(fonts, key)[1].split()[0]))
        pdf.xref_set_key(fonts, key, f"{font} 0 R")
        kind, ref = pdf.xref_get_key(font, "ToUnicode")
        if kind != "xref":
            continue
        cmap = copy(int(ref.split()[0]))
        pdf.update_stream(cmap, _BFCHAR.sub(
            lambda m: b"<%s> <%04X>" % (m.group(1), remap(int(m.group(2), 16))),
            pdf.xref_stream(cmap)))
        pdf.xref_set_key(font, "ToUnicode", f"{cmap} 0 R")
    pdf.save(dst, garbage=1)
    return dst


@pytest.fixture(scope="module")
def pua_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pua") / _qualitative().name
    return _remap_page(_qualitative(), out, PAGE, _hangul_to_pua)


def _unusable(doc: DocumentExtract) -> list:
    return [f for f in doc.findings if f.rule == UNUSABLE]


def test_a_private_use_text_layer_is_ocrd_and_said(pua_pdf: Path) -> None:
    with fitz.open(pua_pdf) as pdf:  # the test file is what it claims to be
        assert sum(0xE000 <= ord(c) <= 0xF8FF for c in pdf[PAGE - 1].get_text()) > 100
    doc = extract_file(pua_pdf)
    assert [(p.number, p.text_layer, p.ocr) for p in doc.pages if p.number != PAGE] \
        == [(p.number, TextLayer.GOOD, False) for p in doc.pages if p.number != PAGE]
    page = doc.pages[PAGE - 1]
    assert page.text_layer is TextLayer.UNUSABLE and page.ocr
    [f] = _unusable(doc)
    assert f.severity is Severity.WARNING
    assert [(loc.file, loc.page) for loc in f.locations] == [(doc.file, PAGE)]
    assert f"'{doc.file}' {PAGE}쪽" in f.message and "사용자 정의 영역" in f.message
    # the page's text is the OCR's, none of the private-use glyphs
    on_page = [s for s in doc.spans if s.page == PAGE]
    assert on_page and all(s.ocr for s in on_page)
    assert "추진체계" in "".join(s.key for s in on_page)
    assert not any(0xE000 <= ord(c) <= 0xF8FF for s in doc.spans for c in s.text)


def test_an_unmappable_text_layer_is_said_as_broken(tmp_path: Path) -> None:
    path = _remap_page(_qualitative(), tmp_path / "q.pdf", PAGE, _hangul_to_nothing)
    doc = extract_file(path, ExtractSettings(ocr=False))
    [f] = _unusable(doc)
    assert [loc.page for loc in f.locations] == [PAGE]
    assert "깨져" in f.message and "사용자 정의 영역" not in f.message
    [skipped] = [f for f in doc.findings if f.rule == "intake.ocr-skipped"]
    assert [loc.page for loc in skipped.locations] == [PAGE]


def test_a_few_private_use_symbols_leave_the_text_layer_alone(tmp_path: Path) -> None:
    """Hancom maps symbol-font bullets to private-use code points: the page's text stays
    usable and nothing is said."""
    path = _remap_page(_qualitative(), tmp_path / "q.pdf", PAGE, _bullet_to_pua)
    with fitz.open(path) as pdf:
        assert "\uf0a7" in pdf[PAGE - 1].get_text()
    for doc in (extract_file(path, ExtractSettings(ocr=False)),
                extract_file(_qualitative(), ExtractSettings(ocr=False))):
        assert all(p.text_layer is TextLayer.GOOD for p in doc.pages)
        assert not _unusable(doc) and not doc.findings


def test_a_submission_with_an_unusable_page_has_warnings_not_false_errors(
        pua_pdf: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "solnae-pua"
    shutil.copytree(BUNDLE, bundle)
    shutil.copyfile(pua_pdf, bundle / pua_pdf.name)
    run = run_submission(bundle, tmp_path / "out", cache=ExtractCache(tmp_path / "cache"))
    report = run.report
    assert report is not None
    assert [f.message for f in report.findings if f.severity is Severity.ERROR] == []
    [said] = [f for f in report.findings if f.rule == UNUSABLE]
    assert [(loc.file, loc.page) for loc in said.locations] == [(pua_pdf.name, PAGE)]
    # what the page held is missing from the mapping: warned about, with why
    missing = [f for f in report.findings if f.rule.startswith("completeness.missing-qualitative")]
    assert missing
    for f in missing:
        assert f.severity is Severity.WARNING
        assert f"(확인 필요: {PAGE}쪽은 글자 정보가 없거나 쓸 수 없어 OCR로 읽었거나" in f.message
