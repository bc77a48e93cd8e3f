"""Write JSON results atomically, so a crash never leaves half a file for other tools."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from smartcert.reports.atomic import write_text_atomic


def write_model(model: BaseModel, path: Path) -> Path:
    return write_text_atomic(path, model.model_dump_json(indent=1, exclude_none=False) + "\n")


def extract_json_name(file_name: str) -> str:
    """`근거자료/사진.pdf` → `근거자료/사진.pdf.extract.json` (the README's documented name)."""
    return f"{file_name}.extract.json"
