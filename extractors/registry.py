"""Explicit backend registry: one line per format, no module scanning."""

from __future__ import annotations

from smartcert.core.files.media import MediaType
from smartcert.extractors.base import Backend
from smartcert.extractors.docx import DocxBackend
from smartcert.extractors.hwp import HwpBackend
from smartcert.extractors.image import ImageBackend
from smartcert.extractors.pdf import PdfBackend
from smartcert.extractors.xlsx import XlsxBackend

_BACKENDS: tuple[type[Backend], ...] = (
    PdfBackend, XlsxBackend, DocxBackend, HwpBackend, ImageBackend,
)

_BY_TYPE: dict[MediaType, type[Backend]] = {
    mt: backend for backend in _BACKENDS for mt in backend.media_types
}


def backend_for(media_type: MediaType) -> type[Backend] | None:
    return _BY_TYPE.get(media_type)
