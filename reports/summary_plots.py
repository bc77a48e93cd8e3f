"""The batch summary's charts, drawn by matplotlib as inline SVG (text kept as text, so the
browser sets the Korean in its own fonts; no script, nothing fetched):

- each city's provisional total against the grade bounds and the site-inspection line;
- each service application's total against its pass mark;
- the batch's findings by category, stacked by severity.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from smartcert.core.findings import Category, Severity
from smartcert.core.report import FindingsReport
from smartcert.reports.labels import CATEGORY, SEVERITY, SEVERITY_ORDER

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# matplotlib (1.4 s to import) is loaded by the first chart, not by whoever imports the
# reports: `smartcert validate` writes no batch summary and never needs it.

# Korean faces in order of preference, kept to those installed (fonts-nanum on Debian) so
# matplotlib does not warn about each missing one; the browser sets the text itself anyway
_KOREAN = ("NanumGothic", "Noto Sans CJK KR", "Malgun Gothic", "AppleGothic")


@cache
def font() -> list[str]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in _KOREAN if f in installed] + ["sans-serif"]


SEVERITY_COLOUR = {Severity.ERROR: "#c0392b", Severity.WARNING: "#e6a23c",
                   Severity.INFO: "#7f8c8d"}
BAR = "#2f6fa3"
WIDTH_IN = 12.0  # the page is read at 1,400 px: the charts take most of it
ROW_IN = 0.32


@dataclass(frozen=True)
class Line:
    """A vertical reference line: a grade's lower bound, the site-inspection or pass mark."""

    at: float
    label: str
    dashed: bool = False


def _svg(fig: Figure) -> str:
    from matplotlib import rc_context

    buf = io.StringIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "smartcert"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buf.getvalue()
    # inline in the page: no XML prolog or DOCTYPE, a width that follows the page
    text = text[text.index("<svg"):]
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 width="100%"', text,
                  count=1)


def total_chart(entries: Sequence[tuple[str, float]], lines: Sequence[Line],
                scale: float, unit: str) -> str | None:
    """Horizontal bars: each submission's total on `scale`, with the reference `lines`."""
    if not entries:
        return None
    from matplotlib import rc_context
    from matplotlib.figure import Figure  # the object API: no pyplot state, no display backend

    with rc_context({"font.family": font(), "font.size": 10}):
        fig = Figure(figsize=(WIDTH_IN, 1.2 + ROW_IN * len(entries)))
        ax = fig.subplots()
        names = [n for n, _ in entries][::-1]
        ax.barh(names, [t for _, t in entries][::-1], color=BAR, height=0.6)
        for k, line in enumerate(_merged(lines)):
            ax.axvline(line.at, color="#444", linewidth=1, linestyle="--" if line.dashed else "-")
            # neighbouring labels alternate between two heights so they never overprint
            ax.annotate(line.label, (line.at, 1.0), xycoords=("data", "axes fraction"),
                        xytext=(3, 2 + 12 * (k % 2)), textcoords="offset points", fontsize=9,
                        color="#333")
        ax.set_xlim(0, scale)
        ax.set_xlabel(f"잠정 점수 ({unit})")
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)


def _merged(lines: Sequence[Line]) -> list[Line]:
    """Lines at one value drawn once with their labels joined ('3등급 · 현장실사 1,400점'),
    so two labels never print over each other."""
    by_value: dict[float, list[Line]] = {}
    for line in lines:
        by_value.setdefault(line.at, []).append(line)
    return [Line(at, " · ".join(x.label for x in group), any(x.dashed for x in group))
            for at, group in sorted(by_value.items())]


def finding_counts(reports: Sequence[FindingsReport]) -> Counter[tuple[Category, Severity]]:
    """Findings of the batch by (category, severity): what `findings_chart` shows."""
    return Counter((f.category, f.severity) for r in reports for f in r.findings)


def findings_chart(reports: Sequence[FindingsReport]) -> str | None:
    """Horizontal bars per category, stacked by severity, over the whole batch."""
    counts = finding_counts(reports)
    cats = [c for c in Category if any(counts[(c, s)] for s in Severity)]
    if not cats:
        return None
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with rc_context({"font.family": font(), "font.size": 10}):
        fig = Figure(figsize=(WIDTH_IN, 1.2 + ROW_IN * len(cats)))
        ax = fig.subplots()
        labels = [CATEGORY[c] for c in cats][::-1]
        left = [0] * len(cats)
        for sev in SEVERITY_ORDER:
            values = [counts[(c, sev)] for c in cats][::-1]
            ax.barh(labels, values, left=left, color=SEVERITY_COLOUR[sev], height=0.6,
                    label=SEVERITY[sev])
            left = [a + b for a, b in zip(left, values, strict=True)]
        ax.set_xlabel("발견사항 수")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)
