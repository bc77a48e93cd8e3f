"""Reports written atomically (`core.files.atomic`): a reader never opens half a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from smartcert.core.files.atomic import atomic_path

if TYPE_CHECKING:  # a command that writes only JSON need not load openpyxl
    from openpyxl import Workbook


def write_text_atomic(path: Path, text: str) -> Path:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return path


def save_workbook_atomic(wb: Workbook, path: Path) -> Path:
    with atomic_path(path, suffix=".xlsx") as tmp:  # openpyxl wants the extension
        wb.save(tmp)
    return path
