"""File types, decided from the bytes."""

from __future__ import annotations

from enum import StrEnum


class MediaType(StrEnum):
    """What a file *is*, decided from its bytes (see `smartcert.core.files.sniff`), never its name."""

    PDF = "application/pdf"
    XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    PNG = "image/png"
    JPEG = "image/jpeg"
    TIFF = "image/tiff"
    ZIP = "application/zip"
    HWP = "application/x-hwp"
    HWPX = "application/hwp+zip"
    OLE = "application/x-ole-storage"  # legacy .xls/.doc
    EMPTY = "application/x-empty"
    UNKNOWN = "application/octet-stream"
