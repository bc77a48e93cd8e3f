"""Active content in a submitted PDF — JavaScript, launch actions, attached files — is
reported (one warning per document: what and where), never run or opened; the text is read
as usual and an attachment's content is not."""

from __future__ import annotations

from pathlib import Path

import fitz

from smartcert.core.findings import Severity
from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract
from tests.shared_paths import REAL_HANCOM, require

ROOT = Path(__file__).resolve().parent.parent
ACTIVE = "intake.pdf-active-content"
SECRET = "첨부된비밀내용"


def _pages(n: int) -> fitz.Document:
    pdf = fitz.open()
    for i in range(n):
        pdf.new_page().insert_text((72, 100), f"Smart city page {i + 1}", fontsize=12)
    return pdf


def _js(pdf: fitz.Document, script: str) -> int:
    xref = pdf.get_new_xref()
    pdf.update_object(xref, f"<< /S /JavaScript /JS ({script}) >>")
    return xref


def _only(doc: DocumentExtract) -> list:
    return [f for f in doc.findings if f.rule == ACTIVE]


def test_scripts_launches_and_attachments_are_one_warning(tmp_path: Path) -> None:
    pdf = _pages(3)
    cat = pdf.pdf_catalog()
    pdf.xref_set_key(cat, "OpenAction", f"{_js(pdf, 'app.alert(1);')} 0 R")
    names = pdf.get_new_xref()
    pdf.update_object(names, f"<< /Names [(init) {_js(pdf, 'this.print();')} 0 R] >>")
    pdf.xref_set_key(cat, "Names", f"<< /JavaScript {names} 0 R >>")
    pdf[1].insert_link({"kind": fitz.LINK_LAUNCH, "from": fitz.Rect(72, 200, 200, 220),
                        "file": "calc.exe"})
    pdf.embfile_add("명단.xlsx", SECRET.encode(), filename="명단.xlsx")
    pdf[2].add_file_annot(fitz.Point(300, 300), SECRET.encode(), filename="첨부.hwp")
    pdf.save(tmp_path / "active.pdf")

    doc = extract_file(tmp_path / "active.pdf")
    [f] = _only(doc)
    assert f.severity is Severity.WARNING
    for said in ("문서를 열 때 실행(/OpenAction)", "/Names /JavaScript", "실행(Launch) 동작(2쪽)",
                 "첨부 파일 2개('명단.xlsx', '첨부.hwp'(3쪽))", "실행하거나 열지 않았고"):
        assert said in f.message, said
    assert [loc.page for loc in f.locations] == [2, 3]
    # the pages are read as always; nothing of the attachments is
    assert {s.page for s in doc.spans} == {1, 2, 3}
    assert not any(SECRET in s.text for s in doc.spans)


def test_a_scripted_link_and_a_page_action_name_their_pages(tmp_path: Path) -> None:
    pdf = _pages(3)
    js = _js(pdf, "app.launchURL('x');")
    link = pdf.get_new_xref()
    pdf.update_object(link, f"<< /Type /Annot /Subtype /Link /Rect [72 200 200 220] /A {js} 0 R >>")
    pdf.xref_set_key(pdf.page_xref(0), "Annots", f"[{link} 0 R]")
    launch = pdf.get_new_xref()
    pdf.update_object(launch, "<< /S /Launch /F (setup.exe) >>")
    chained = pdf.get_new_xref()  # a harmless action whose /Next launches a program
    pdf.update_object(chained, f"<< /S /Named /N /NextPage /Next {launch} 0 R >>")
    pdf.xref_set_key(pdf.page_xref(2), "AA", f"<< /O {chained} 0 R >>")
    pdf.save(tmp_path / "scripted.pdf")

    [f] = _only(extract_file(tmp_path / "scripted.pdf"))
    assert "JavaScript(1쪽 링크·양식·쪽 동작)" in f.message
    assert "실행(Launch) 동작(3쪽)" in f.message
    assert [loc.page for loc in f.locations] == [1, 3]


def test_ordinary_links_and_real_documents_are_silent(tmp_path: Path) -> None:
    pdf = _pages(2)
    pdf[0].insert_link({"kind": fitz.LINK_URI, "from": fitz.Rect(72, 200, 200, 220),
                        "uri": "https://www.smartcity.go.kr"})
    pdf[1].insert_link({"kind": fitz.LINK_GOTO, "from": fitz.Rect(72, 200, 200, 220),
                        "page": 0})
    pdf.save(tmp_path / "links.pdf")
    real = sorted(require(REAL_HANCOM).rglob("*.pdf"))[:3]
    samples = sorted((ROOT / "samples" / "bundles" / "nuri-hwp").glob("*.pdf"))
    assert real and samples
    for path in [tmp_path / "links.pdf", *real, *samples]:
        doc = extract_file(path, ExtractSettings(ocr=False, max_pages=3))
        assert not _only(doc), path


def test_active_content_beyond_the_page_limit_is_not_looked_for(tmp_path: Path) -> None:
    """Pages past the reading limit are not read, so not searched either."""
    pdf = _pages(3)
    pdf[2].insert_link({"kind": fitz.LINK_LAUNCH, "from": fitz.Rect(72, 200, 200, 220),
                        "file": "calc.exe"})
    pdf.save(tmp_path / "late.pdf")
    assert _only(extract_file(tmp_path / "late.pdf"))
    assert not _only(extract_file(tmp_path / "late.pdf", ExtractSettings(max_pages=2)))
