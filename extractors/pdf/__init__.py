"""PDF backend: PyMuPDF reads glyphs and drawings, pdfplumber's table algorithm builds grids."""

from smartcert.extractors.pdf.backend import PdfBackend

__all__ = ["PdfBackend"]
