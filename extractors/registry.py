"""Explicit backend registry: one line per format, no module scanning."""

from __future__ import annotations

from extractors.base import Backend
from extractors.docx import DocxBackend
from extractors.image import ImageBackend
from extractors.models import MediaType
from extractors.pdf import PdfBackend
from extractors.xlsx import XlsxBackend

_BACKENDS: tuple[type[Backend], ...] = (PdfBackend, XlsxBackend, DocxBackend, ImageBackend)

_BY_TYPE: dict[MediaType, type[Backend]] = {
    mt: backend for backend in _BACKENDS for mt in backend.media_types
}


def backend_for(media_type: MediaType) -> type[Backend] | None:
    return _BY_TYPE.get(media_type)
