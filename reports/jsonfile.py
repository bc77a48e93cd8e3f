"""Write JSON results atomically, so a crash never leaves half a file for other tools."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel

from smartcert.reports.atomic import write_bytes_atomic


def write_model(model: BaseModel, path: Path) -> Path:
    """`model` as `model_dump_json(indent=1)` gives it, and a newline. The serializer's
    UTF-8 bytes are written as they are: an extract is megabytes, and decoding it to a
    string only to encode it again took a third of the write."""
    data = model.__pydantic_serializer__.to_json(model, indent=1, exclude_none=False)
    return write_bytes_atomic(path, data + b"\n")


EXTRACT_SUFFIX = ".extract.json"
NAME_MAX = 255  # bytes per path component on Linux, macOS and Windows file systems


def extract_json_name(file_name: str) -> str:
    """`근거자료/사진.pdf` → `근거자료/사진.pdf.extract.json` (the README's documented name).
    A component too long for the file system once suffixed keeps its start and gets a short
    digest of the whole name, so two long names never collide."""
    *folders, last = file_name.split("/")
    return "/".join([*(fit_name(f) for f in folders), fit_name(last, EXTRACT_SUFFIX)])


def fit_name(name: str, suffix: str = "") -> str:
    """`name + suffix` as one path component of at most NAME_MAX bytes (UTF-8)."""
    whole = name + suffix
    if len(whole.encode("utf-8")) <= NAME_MAX:
        return whole
    digest = "~" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    room = NAME_MAX - len((digest + suffix).encode("utf-8"))
    head = name.encode("utf-8")[:room].decode("utf-8", errors="ignore")
    return head + digest + suffix
