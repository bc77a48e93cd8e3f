"""Content edits that plant a defect in a built bundle before it is rendered.

Each edit changes what the generator is about to print (form tables, evidence pages,
summary cells, 증빙 페이지 ranges), so the defect ends up inside real PDF/XLSX/DOCX files.
An edit that finds nothing to change raises: a defect that is silently not planted would
make the recall figure meaningless.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from samples.generator.doc import Figure, Para, Table
from samples.generator.model import Built, Spec


class PlantError(ValueError):
    """A planting step did not apply (the manifest and the generated content disagree)."""


class _SubstPainter:
    """Forwards figure drawing, replacing text drawn by certificates and captures."""

    def __init__(self, inner: Any, subst: Callable[[str], str]) -> None:
        self._inner, self._subst = inner, subst

    def text(self, x: float, y: float, s: str, *args: Any, **kw: Any) -> None:
        self._inner.text(x, y, self._subst(s), *args, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _number(text: str) -> float | int | None:
    raw = text.replace(",", "").strip()
    try:
        return int(raw)
    except ValueError:
        try:
            return float(raw)
        except ValueError:
            return None


class Replacer:
    """Replaces ``old`` by ``new`` in the chosen parts of one indicator and counts hits."""

    def __init__(self, old: str, new: str, row: str | None = None) -> None:
        self.old, self.new, self.row, self.hits = old, new, row, 0

    def text(self, s: str) -> str:
        if self.old in s:
            self.hits += 1
            return s.replace(self.old, self.new)
        return s

    def table(self, t: Table) -> None:
        rows = None
        if self.row is not None:  # only the rows holding this text
            rows = {c.row for c in t.cells if self.row in c.text}
        for c in t.cells:
            if rows is not None and c.row not in rows:
                continue
            new = self.text(c.text)
            if new != c.text:
                c.text = new
                if c.number is not None:  # a workbook writes the number, not the text
                    c.number = _number(new)

    def blocks(self, blocks: list[Any]) -> None:
        for i, b in enumerate(blocks):
            if isinstance(b, Table):
                self.table(b)
            elif isinstance(b, Para):
                b.text = self.text(b.text)
            elif isinstance(b, Figure):
                # drawn later: certificates and captures get the same replacement; their
                # strings are also in the page's ``shows``, which is where hits are counted
                blocks[i] = replace(
                    b, draw=lambda p, w, d=b.draw: d(_SubstPainter(p, self._sub), w)
                )

    def _sub(self, s: str) -> str:
        return s.replace(self.old, self.new)


def replace_text(
    built: Built, old: str, new: str, parts: list[str], row: str | None = None
) -> None:
    """Replace a string in the summary cell, the data form and/or the evidence pages."""
    r = Replacer(old, new, row)
    if "summary" in parts:
        built.text = r.text(built.text)
    if "form" in parts:
        built.form_text = r.text(built.form_text)
        for t in built.tables:
            r.table(t)
    if "evidence" in parts:
        for page in built.evidence:
            r.blocks(page.blocks)
            page.shows = [r.text(s) for s in page.shows]
    if r.hits == 0:
        raise PlantError(f"'{old}' not found in {parts}")


def duplicate_row(built: Built, match: str) -> None:
    """List a form row twice: a copy of the row holding ``match`` goes right below it;
    merged cells spanning the row grow by one (as when a row is pasted inside a group)."""
    for t in built.tables:
        hit = [c for c in t.cells if match in c.text]
        if not hit:
            continue
        r = hit[0].row
        copies = [replace(c, row=r + 1) for c in t.cells if c.row == r and c.rowspan == 1]
        for c in t.cells:
            if c.row > r:
                c.row += 1
            elif c.row <= r < c.row + c.rowspan and c.rowspan > 1:
                c.rowspan += 1
        t.cells.extend(copies)
        t.cells.sort(key=lambda c: (c.row, c.col))
        t.row_keys = {(k + 1 if k > r else k): v for k, v in t.row_keys.items()}
        return
    raise PlantError(f"no form row holds '{match}'")


def drop_indicator(specs: list[Spec], code: str) -> None:
    """The indicator's summary row, form and evidence pages are all left out."""
    keep = [s for s in specs if s.code != code]
    if len(keep) == len(specs):
        raise PlantError(f"{code} is not in this bundle")
    specs[:] = keep


def apply_content(step: dict[str, Any], specs: list[Spec], built: dict[str, Built]) -> None:
    op, code = step["op"], step.get("code")
    if op == "drop_indicator":
        drop_indicator(specs, code)
        return
    if code not in built or code not in {s.code for s in specs}:
        raise PlantError(f"{code} is not in this bundle")
    if op == "replace":
        parts = step.get("in", ["summary", "form", "evidence"])
        row = step.get("row")
        replace_text(
            built[code], str(step["old"]), str(step["new"]), parts, None if row is None else str(row)
        )
    elif op == "duplicate_row":
        duplicate_row(built[code], str(step["row"]))
    else:
        raise PlantError(f"unknown content edit '{op}'")


def apply_ranges(step: dict[str, Any], ranges: dict[str, str]) -> None:
    code = step["code"]
    if code not in ranges:
        raise PlantError(f"{code} has no 증빙 페이지 cell")
    ranges[code] = str(step["pages"])
