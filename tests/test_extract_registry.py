"""The backend registry loads a reader when a file of its format comes: the command's own
process (which only hands documents to workers and joins their parts) and a worker that
reads only PDFs never load the other formats' libraries."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from smartcert.core.files.media import MediaType
from smartcert.extractors import registry

ROOT = Path(__file__).resolve().parents[1]
NURI = ROOT / "samples" / "bundles" / "nuri-hwp"
FORM = NURI / "1. 공모신청서_누리시.pdf"
EVIDENCE = NURI / "4. 근거자료_누리시.pdf"  # over SPLIT_MIN_BYTES: read in parts
SHEET = ROOT / "samples" / "bundles" / "hanbit-xlsx" / "2. 정량지표 평가제안서(한빛광역시).xlsx"
READER_LIBRARIES = ("fitz", "pymupdf", "openpyxl", "docx", "pdfplumber")


def test_each_line_lists_the_media_types_its_class_declares() -> None:
    seen: set[MediaType] = set()
    for types, backend in registry.registered():
        assert types == backend.media_types, backend.__name__
        assert not (types & seen), f"{backend.__name__} claims a type twice"
        seen |= types
        assert all(registry.backend_for(t) is backend for t in types)
        assert all(registry.has_backend(t) for t in types)
    assert registry.backend_for(MediaType.ZIP) is None
    assert not registry.has_backend(MediaType.ZIP)


def _modules_after(code: str) -> set[str]:
    """The reader libraries loaded by a fresh interpreter once `code` has run."""
    probe = textwrap.dedent(code) + textwrap.dedent(f"""
        import sys
        print(" ".join(m for m in {READER_LIBRARIES!r} if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return set(out.stdout.split())


def test_the_command_process_loads_no_reader_library() -> None:
    # what `smartcert extract` imports, and a form read in a worker
    command = f"""
        from pathlib import Path
        import smartcert.cli, smartcert.pipelines.privacy, smartcert.reports.jsonfile
        from smartcert.extractors.api import extract_file
        from smartcert.extractors.base import ExtractSettings
        settings = ExtractSettings(ocr=False, page_workers=2)
        assert extract_file(Path({str(FORM)!r}), settings).pages
    """
    assert _modules_after(command) == set()
    # a PDF read in parts by two workers and joined here: the join needs the PDF
    # backend's name (its module, hence PyMuPDF), nothing of the other formats
    joined = _modules_after(command + f"""
        assert len(extract_file(Path({str(EVIDENCE)!r}), settings).pages) > 8
    """)
    assert joined <= {"fitz", "pymupdf"}, joined


def test_a_reader_is_loaded_with_its_first_file() -> None:
    pdf_only = _modules_after(f"""
        from pathlib import Path
        from smartcert.extractors.api import read_document
        from smartcert.extractors.base import ExtractSettings
        assert read_document(Path({str(FORM)!r}), ExtractSettings(ocr=False), "f").pages
    """)
    assert {"fitz", "pymupdf"} <= pdf_only
    assert "openpyxl" not in pdf_only and "docx" not in pdf_only
    with_sheet = _modules_after(f"""
        from pathlib import Path
        from smartcert.extractors.api import read_document
        from smartcert.extractors.base import ExtractSettings
        assert read_document(Path({str(SHEET)!r}), ExtractSettings(ocr=False), "s").tables
    """)
    assert "openpyxl" in with_sheet
