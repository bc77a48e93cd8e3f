"""Calls into rhwp, with bad data turned into `BadHwp` (a message, never a crash).

rhwp raises ValueError for a file it rejects and, on bytes its parser never expected,
panics: PyO3 surfaces that as `PanicException`, a BaseException, so it is caught here by
name and everything else (KeyboardInterrupt, bugs of ours) still propagates.
A document object is bound to the thread that made it (rhwp's `unsendable`): each call
here opens, uses and drops it in the caller's thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from smartcert.extractors.hwp.layout import PageLayout, read_page
from smartcert.extractors.hwp.library import is_panic, rhwp

_MAX_REASON = 160
_WRAPPED = re.compile(r'^\w+\("(.*)"\)$')


class BadHwp(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = text.removeprefix("parse failed: ")
    wrapped = _WRAPPED.match(text)  # rhwp's Rust error name around the message
    if wrapped:
        text = wrapped.group(1)
    return text if len(text) <= _MAX_REASON else text[: _MAX_REASON - 1] + "…"


@dataclass
class Opened:
    document: Any  # rhwp.Document
    ir: Any  # rhwp.ir.nodes.HwpDocument


def open_document(path: Path) -> Opened:
    lib = rhwp()
    try:
        document = lib.parse(str(path))
        return Opened(document, document.to_ir())
    except ValueError as exc:
        raise BadHwp(_reason(exc)) from exc
    except BaseException as exc:
        if is_panic(exc):
            raise BadHwp(f"해석 중단: {_reason(exc)}") from None
        raise


def _svg(document: Any, index: int) -> str | None:
    try:
        return str(document.render_svg(index))
    except ValueError:
        return None
    except BaseException as exc:
        if not is_panic(exc):
            raise
        return None


def page_svgs(opened: Opened, limit: int | None = None) -> list[str | None]:
    """Every page (the first `limit`) as rhwp lays it out, as SVG; None for a page it could
    not draw."""
    count = opened.document.page_count
    return [_svg(opened.document, i) for i in range(min(count, limit or count))]


def layouts(opened: Opened, limit: int | None = None) -> list[PageLayout | None]:
    out: list[PageLayout | None] = []
    for n, svg in enumerate(page_svgs(opened, limit), start=1):
        try:
            out.append(None if svg is None else read_page(svg, n))
        except etree.XMLSyntaxError:
            out.append(None)
    return out
