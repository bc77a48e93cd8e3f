"""Laying out and writing the service documents with the generator's Hancom-style painter.

`Anchor` is the one block kind added here: it records keys (facts printed inside a free
drawing, e.g. a certificate's validity) on the page where it stands, drawing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samples.generator.doc import Block
from samples.generator.pdf_draw import write_pdf
from samples.generator.pdf_layout import Laid, Layout

PRODUCER = "Hancom PDF 1.3.0.538"


@dataclass
class Anchor:
    keys: list[str] = field(default_factory=list)


class ServiceLayout(Layout):
    def place(self, blocks: list[Any], i: int) -> None:
        b = blocks[i]
        if isinstance(b, Anchor):
            for k in b.keys:
                self.mark(k)
            return
        super().place(blocks, i)


def lay(
    blocks: list[Block | Anchor],
    family: str,
    header: str | None = None,
    numbered_from: int = 1,
) -> Laid:
    return ServiceLayout(
        hancom=True, family=family, header=header, numbered_from=numbered_from
    ).run(
        blocks  # type: ignore[arg-type]
    )


def write(laid: Laid, path: Path, title: str, author: str) -> None:
    """Deterministic: reportlab ``invariant`` (fixed ids and dates), fonts as subsets."""
    write_pdf(laid, path, title=title, author=author, producer=PRODUCER)


class FactBook:
    """The figures a ladder uses, each printed with a key so the truth knows its pages."""

    def __init__(self) -> None:
        self.facts: dict[str, dict[str, Any]] = {}

    def key(self, name: str, item: str, value: Any, text: str) -> str:
        prev = self.facts.get(name)
        if prev is not None and (prev["value"], prev["text"]) != (value, text):
            raise ValueError(f"fact {name} recorded twice with different values")
        self.facts[name] = {"name": name, "item": item, "value": value, "text": text}
        return f"fact:{name}"
