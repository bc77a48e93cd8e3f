"""How a bundle fills and paginates the forms (chosen per bundle in manifest.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from samples.generator.doc import Table

LabelFill = Literal["above", "instead", "beside"]
AUTO = -1  # CallTable.break_at: the painter breaks where the page ends


@dataclass(frozen=True)
class Break:
    """A page break placed on purpose: in the summary (``where`` = 'summary') or in a
    form's table (an indicator code, ``table`` its index). ``row`` is text of the row;
    ``inside``: the row itself breaks, its first line on one page and its tail on the
    next; otherwise the page ends just before the row."""

    where: str
    row: str
    inside: bool = False
    table: int = 0


@dataclass(frozen=True)
class Style:
    labels: LabelFill  # figures above the (A)/(B) label row, instead of it, or beside it
    summary_repeat: bool  # the summary's header row repeated after a page break
    form_repeat: bool  # a long form's header rows repeated after a page break
    breaks: tuple[Break, ...] = ()
    foot_headings: tuple[str, ...] = ()  # unit line ends a page, the table starts the next
    application_pairs: bool = False  # '신청기관: 한빛시    신청유형: 대도시'
    hancom: bool = True  # painter only: Hancom word runs (else plain Word-like text)
    font: str = "NanumGothic"  # LibreOffice only: the document's face
    family: str = "gothic"  # painter only

    def features(self) -> list[str]:
        """The filling styles this bundle shows (the manifest's `styles`, checked)."""
        out = [f"labels-{self.labels}", "merged-categories", "multi-row-items", "breakdown",
               "total-rows-as-printed"]  # fmt: skip
        out.append("summary-split-" + ("repeated-header" if self.summary_repeat else "no-header"))
        if any(b.where != "summary" for b in self.breaks):
            out.append("form-split-" + ("repeated-header" if self.form_repeat else "no-header"))
        if any(b.inside for b in self.breaks):
            out.append("row-broken-across-pages")
        if self.foot_headings:
            out.append("heading-at-page-foot")
        if self.application_pairs:
            out.append("application-two-facts-per-line")
        return out


@dataclass
class CallTable(Table):
    """A table with the page behaviour a bundle asks for. ``header_rows`` stays the number
    of header rows; ``repeat`` says whether they come back after a page break."""

    repeat: bool = True
    break_before: bool = False  # the table starts a new page
    break_at: int | None = None  # the page ends before this row (or inside it, `inside`)
    inside: bool = False
    tune: str | None = None  # name of the slack that places the break (LibreOffice)
    header_count: int = 0


@dataclass
class Slack:
    """Free space a producer sizes so that what follows lands where a Break wants it:
    the painter moves down so that ``need`` points are left on the page; LibreOffice
    writes an empty paragraph whose height is tuned by rendering."""

    name: str
    need: float = 0.0
