"""Who draws a service bundle's PDFs (manifest.yaml `producer`): the Hancom-style painter
(deterministic, the default) or LibreOffice converting Word documents (office.py). Both
lay out blocks into pages with the page of every key, then write the laid document."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from samples.generator.pdf_layout import Laid
from samples.service import office
from samples.service.model import Bundle
from samples.service.render import lay, write


class Producer(Protocol):
    def lay(self, blocks: list[Any], family: str, title: str, header: str | None,
            numbered_from: int) -> Laid: ...  # fmt: skip

    def write(self, laid: Laid, path: Path, title: str, author: str) -> None: ...


class Painter:
    def lay(self, blocks: list[Any], family: str, title: str, header: str | None,
            numbered_from: int) -> Laid:  # fmt: skip
        return lay(blocks, family, header, numbered_from)

    def write(self, laid: Laid, path: Path, title: str, author: str) -> None:
        write(laid, path, title, author)


class LibreOffice:
    """Word documents kept in `sources` (what was converted; not submitted)."""

    def __init__(self, author: str, spaced: bool, sources: Path) -> None:
        self.author, self.spaced, self.sources = author, spaced, sources

    def lay(self, blocks: list[Any], family: str, title: str, header: str | None,
            numbered_from: int) -> Laid:  # fmt: skip
        return office.render(blocks, family, title=title, author=self.author,
                             spaced=self.spaced, header=header,
                             numbered_from=numbered_from)  # fmt: skip

    def write(self, laid: Laid, path: Path, title: str, author: str) -> None:
        assert isinstance(laid, office.OfficeLaid)
        office.submit(laid, path, self.sources / (path.stem + ".docx"))


def producer(b: Bundle, author: str, sources: Path) -> Producer:
    if b.producer == "painter":
        return Painter()
    if b.producer == "libreoffice":
        if not office.available():
            raise RuntimeError(f"{b.name}: needs LibreOffice (scripts/setup.sh --dev)")
        if sources.exists():
            for old in sources.glob("*.docx"):
                old.unlink()
        return LibreOffice(author, bool(b.profile.get("spaced_labels", True)), sources)
    raise ValueError(f"{b.name}: unknown producer {b.producer!r}")
