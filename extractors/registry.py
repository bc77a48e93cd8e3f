"""Explicit backend registry: one line per format, no module scanning.

A backend's module is imported the first time a file of its format is read: a process that
reads only PDFs (an extraction worker, most of the time) does not load openpyxl,
python-docx and the HWP readers at start (~150 ms each worker). Each line must list the
media types its class declares (`tests/test_extract_registry.py` holds them equal).
"""

from __future__ import annotations

import importlib
from functools import cache

from smartcert.core.files.media import MediaType
from smartcert.extractors.base import Backend

# (media types, module, class)
_BACKENDS: tuple[tuple[frozenset[MediaType], str, str], ...] = (
    (frozenset({MediaType.PDF}), "smartcert.extractors.pdf.backend", "PdfBackend"),
    (frozenset({MediaType.XLSX}), "smartcert.extractors.xlsx", "XlsxBackend"),
    (frozenset({MediaType.DOCX}), "smartcert.extractors.docx", "DocxBackend"),
    (frozenset({MediaType.HWP, MediaType.HWPX}), "smartcert.extractors.hwp", "HwpBackend"),
    (frozenset({MediaType.PNG, MediaType.JPEG, MediaType.TIFF}), "smartcert.extractors.image",
     "ImageBackend"),
)

_BY_TYPE: dict[MediaType, tuple[str, str]] = {
    mt: (module, cls) for types, module, cls in _BACKENDS for mt in types
}


def has_backend(media_type: MediaType) -> bool:
    """Whether a backend reads this type, without loading it."""
    return media_type in _BY_TYPE


def backend_for(media_type: MediaType) -> type[Backend] | None:
    where = _BY_TYPE.get(media_type)
    return _load(*where) if where else None


def registered() -> list[tuple[frozenset[MediaType], type[Backend]]]:
    """Every line of the registry with its class loaded (for tests and tools)."""
    return [(types, _load(module, cls)) for types, module, cls in _BACKENDS]


@cache
def _load(module: str, cls: str) -> type[Backend]:
    loaded: type[Backend] = getattr(importlib.import_module(module), cls)
    return loaded
