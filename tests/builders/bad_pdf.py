"""Malformed PDFs written byte by byte: structures no producer should write but that arrive
anyway, each breaking the PDF libraries in its own way."""

from __future__ import annotations

from pathlib import Path

CATALOG = "<< /Type /Catalog /Pages 2 0 R >>"
PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


def raw_pdf(objects: list[str]) -> bytes:
    """A PDF of `objects` (numbered from 1, the first the catalogue) with a correct xref."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return out


def cyclic_page_tree(path: Path) -> Path:
    """The page tree lists itself among its kids (PyMuPDF raises FzErrorFormat, not a
    RuntimeError, when a page is loaded)."""
    path.write_bytes(raw_pdf([CATALOG, "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", PAGE]))
    return path


def lying_page_count(path: Path) -> Path:
    """/Count says a billion pages, the tree holds one (PyMuPDF's page count itself fails)."""
    path.write_bytes(raw_pdf([CATALOG, "<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>",
                              PAGE]))
    return path
