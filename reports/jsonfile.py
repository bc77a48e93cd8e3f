"""Write JSON results atomically, so a crash never leaves half a file for other tools."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pydantic import BaseModel


def write_model(model: BaseModel, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = model.model_dump_json(indent=1, exclude_none=False)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
            f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def extract_json_name(file_name: str) -> str:
    """`근거자료/사진.pdf` → `근거자료/사진.pdf.extract.json` (the README's documented name)."""
    return f"{file_name}.extract.json"
