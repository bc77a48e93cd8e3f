"""File-level defects, made after rendering: what intake must refuse or report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from samples.generator.fonts import font_name


def encrypted_pdf(path: Path, password: str, title: str) -> None:
    """A one-page PDF opened only with a password. reportlab with ``invariant`` derives the
    document id, hence the RC4 key, from fixed data: the bytes repeat on every run."""
    enc = StandardEncryption(password, ownerPassword=password + "-owner", strength=128)
    cv = Canvas(str(path), pagesize=A4, invariant=1, encrypt=enc)
    cv.setTitle(title)
    cv.setFont(font_name("gothic", True), 16)
    cv.drawString(72, 760, title)
    cv.setFont(font_name("gothic", False), 11)
    cv.drawString(72, 730, "※ 보안 문서: 열람 시 비밀번호가 필요합니다.")
    cv.showPage()
    cv.save()


def apply_file(step: dict[str, Any], folder: Path) -> None:
    target = folder / step["file"]
    if target.exists():
        raise FileExistsError(f"{target} would overwrite a rendered document")
    op = step["op"]
    if op == "encrypted_pdf":
        encrypted_pdf(target, step["password"], Path(step["file"]).stem)
    elif op == "truncated_copy":
        data = (folder / step["source"]).read_bytes()
        target.write_bytes(data[: int(len(data) * float(step["keep"]))])
    elif op == "empty_file":
        target.write_bytes(b"")
    else:
        raise ValueError(f"unknown file op '{op}'")
