"""The batch summary's charts drawn again only when what they show has changed.

Drawing is matplotlib's import and layout (~0.4 s for a batch, most of an unchanged batch's
report time), so each chart is written with a key of what it shows — its kind, its data,
the drawing code and matplotlib's version — and a digest of its SVG, as a comment before
the SVG in `batch-summary.html`. Writing the page again, a chart whose key is found in the
page being replaced, with its SVG intact, is taken from there instead of drawn.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from hashlib import sha256
from importlib import metadata
from pathlib import Path

from smartcert.reports import summary_plots

_MARK = re.compile(r"<!-- smartcert-chart ([0-9a-f]{64}) ([0-9a-f]{64}) -->(<svg\b.*?</svg>)",
                   re.DOTALL)


@cache
def _code_version() -> str:
    """The drawing code and the library that draws: a change to either draws anew."""
    h = sha256(Path(summary_plots.__file__).read_bytes())
    try:
        h.update(metadata.version("matplotlib").encode())
    except metadata.PackageNotFoundError:
        h.update(b"no matplotlib")
    return h.hexdigest()


def chart_key(kind: str, data: object) -> str:
    """The key of a chart of `kind` showing `data` (JSON-able: names, figures, labels)."""
    payload = json.dumps([_code_version(), kind, data], ensure_ascii=False, sort_keys=True)
    return sha256(payload.encode("utf-8")).hexdigest()


def _digest(svg: str) -> str:
    return sha256(svg.encode("utf-8")).hexdigest()


def marked(key: str, svg: str) -> str:
    """The SVG with its key and digest before it, as the page holds it (the digest of the
    text from `<svg` to `</svg>`, which is what is read back)."""
    svg = svg.strip()
    return f"<!-- smartcert-chart {key} {_digest(svg)} -->{svg}"


def drawn_before(page: Path) -> dict[str, str]:
    """Key -> marked SVG of each chart in the page being replaced whose SVG is intact; none
    when there is no such page (or it cannot be read: it is then written anew, and a real
    fault of the folder shows there)."""
    try:
        text = page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return {m[1]: m[0] for m in _MARK.finditer(text) if _digest(m[3]) == m[2]}


class ChartMemo:
    """Charts of a page: from the previous page when their key is there, else drawn."""

    def __init__(self, before: dict[str, str] | None = None) -> None:
        self._before = before or {}
        self.drawn = 0  # charts drawn by this memo (the rest were taken from the page)

    def chart(self, kind: str, data: object, draw: Callable[[], str | None]) -> str | None:
        key = chart_key(kind, data)
        old = self._before.get(key)
        if old is not None:
            return old
        svg = draw()
        if svg is None:
            return None
        self.drawn += 1
        return marked(key, svg)
