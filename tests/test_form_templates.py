"""forms.yaml against the call it transcribes (seed 002): every printed text is where the
template says, every indicator with a 자료구축양식 has a template, spans add up, and label
and total rows are recorded where the seed prints them."""

from __future__ import annotations

import csv
import re
from collections.abc import Collection
from itertools import pairwise
from pathlib import Path

import pytest
from pydantic import ValidationError

from smartcert.schemas.catalogue.forms import (
    Cell,
    Column,
    FormTemplates,
    Table,
    WithoutForm,
    leaf_headers,
    load_form_templates,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
CATALOGUE = SHARED / "reference" / "city-2025-indicators.csv"
_TAGS = re.compile(r"</?(?:table|tr|td|th|div|ul|li|p|small|br)\b[^>]*>")
_LETTER = re.compile(r"\([A-D]\)")
_FREE_TEXT = "지자체 자체 설정 지표 제시"


def norm(text: str) -> str:
    """Compare without HTML tags and whitespace (the seed wraps and letter-spaces cells)."""
    return re.sub(r"\s+", "", _TAGS.sub("", text))


@pytest.fixture(scope="module")
def templates() -> FormTemplates:
    return load_form_templates()


@pytest.fixture(scope="module")
def seed(templates: FormTemplates) -> list[str]:
    path = SEEDS / templates.seed_file
    if not path.is_file():
        pytest.fail(f"seed {path} is missing: the templates are checked against it "
                    "(CI needs shared/ beside the clone)")
    return path.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def catalogue() -> list[dict[str, str]]:
    if not CATALOGUE.is_file():
        pytest.fail(f"indicator catalogue {CATALOGUE} is missing (shared/reference)")
    with CATALOGUE.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def span(seed: list[str], lines: tuple[int, int]) -> list[str]:
    return seed[lines[0] - 1:lines[1]]


def _trim(cells: list[str]) -> list[str]:
    return cells[:max((i + 1 for i, c in enumerate(cells) if c), default=0)]


def seed_rows(text: str) -> list[tuple[list[str], bool]]:
    """The rows a seed line prints, each with whether its cells keep their positions: HTML
    rows drop the cells a rowspan covers, tab lines keep one cell per column."""
    if "<tr" in text:
        return [([norm(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr)], False)
                for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", text)]
    return [([norm(c) for c in text.split("\t")], True)]


def row_line(seed: list[str], lines: tuple[int, int], row: list[str] | tuple[str, ...],
             loose: Collection[int] = ()) -> int | None:
    """First seed line in `lines` printing `row`: cell by cell on tab lines (after the outer
    자료구축양식 column, if any), else its non-empty cells in order. `loose` lines (those a
    discrepancy names) only need the non-empty cells."""
    want = [norm(c) for c in row]
    for n in range(lines[0], lines[1] + 1):
        for got, positional in seed_rows(seed[n - 1]):
            if positional and n not in loose:
                outer = got[:1] == [""] or "자료구축양식" in got[0]
                if _trim(want) in (_trim(got), _trim(got[1:]) if outer else None):
                    return n
            elif [c for c in got if c] == [c for c in want if c]:
                return n
    return None


def header_grid(rows: tuple[tuple[Cell, ...], ...], width: int) -> list[list[str]]:
    """Header rows one cell per leaf column; cells under a span from the left/above are ''."""
    grid, busy = [], {}
    for row in rows:
        line, nxt, col = [""] * width, {c: k - 1 for c, k in busy.items() if k > 1}, 0
        for cell in row:
            while col in busy:
                col += 1
            line[col] = cell.text
            nxt.update({c: cell.rowspan - 1 for c in range(col, col + cell.colspan)
                        if cell.rowspan > 1})
            col += cell.colspan
        grid.append(line)
        busy = nxt
    return grid


def loose_lines(discrepancies: tuple) -> set[int]:
    """Seed lines a discrepancy names ('line 489', 'lines 797-800'): printed misaligned."""
    out: set[int] = set()
    for d in discrepancies:
        for a, b in re.findall(r"lines? (\d+)(?:-(\d+))?", d.what):
            out.update(range(int(a), int(b or a) + 1))
    return out


def all_tables(t: FormTemplates) -> list[tuple[str, Table, set[int]]]:
    """(owner, table, seed lines its discrepancies call misaligned) for every table."""
    out = [("summary", tb, loose_lines(t.summary.discrepancies)) for tb in t.summary.tables]
    out += [("qualitative", tb, loose_lines(t.qualitative.discrepancies))
            for tb in t.qualitative.form.tables]
    return out + [(f.code, tb, loose_lines(f.discrepancies)) for f in t.forms for tb in f.tables]


def test_loads_with_version_and_source(templates: FormTemplates) -> None:
    assert templates.version == 1
    assert templates.source == "seed 002"


def test_every_catalogue_indicator_with_a_data_form_has_a_template(
        templates: FormTemplates, catalogue: list[dict[str, str]]) -> None:
    with_form = [r["code"] for r in catalogue if r["name"] != _FREE_TEXT]
    assert [f.code for f in templates.forms] == with_form  # seed order is code order
    assert sorted(w.code for w in templates.without_form) == sorted(
        r["code"] for r in catalogue if r["name"] == _FREE_TEXT)


def test_each_template_covers_exactly_one_data_form_of_the_seed(
        templates: FormTemplates, seed: list[str]) -> None:
    marks = [n for n, text in enumerate(seed, 1) if "자료구축양식" in text]
    assert len(marks) == len(templates.forms)
    for form, mark in zip(templates.forms, marks, strict=True):
        first, last = form.seed_lines
        assert first < mark <= last, (form.code, mark)
        assert seed[first - 1].lstrip()[0] in "①②③④⑤⑥⑦⑧", form.code
        assert norm(form.title) in norm(seed[first - 1]), form.code
        assert all(norm(part.strip()) in {norm(s) for s in seed[:first]}
                   for part in form.section.split(">")), form.code
    ends = [f.seed_lines for f in templates.forms]
    assert all(a[1] < b[0] for a, b in pairwise(ends))


def test_without_form_rows_are_the_summarys_free_text_rows(
        templates: FormTemplates, seed: list[str]) -> None:
    for w in templates.without_form:
        assert w.code in seed[w.summary_line - 1] and _FREE_TEXT in seed[w.summary_line - 1]


def test_every_printed_text_occurs_in_the_lines_it_cites(
        templates: FormTemplates, seed: list[str]) -> None:
    for owner, table, loose in all_tables(templates):
        where = norm("".join(span(seed, table.seed_lines)))
        texts = [c.text for row in table.header_rows for c in row]
        texts += [c.header for c in table.columns] + [table.heading or "", table.unit_line or ""]
        texts += list(table.body.keys)
        missing = [t for t in texts if norm(t) not in where]
        assert not missing, (owner, table.seed_lines, missing)
        wrapped = loose & set(range(table.seed_lines[0], table.seed_lines[1] + 1))
        for row in header_grid(table.header_rows, len(table.columns)) if not wrapped else []:
            assert row_line(seed, table.seed_lines, row), (owner, "header", row)
        rows = list(table.example_rows) + [r.cells for r in table.label_rows]
        rows += [table.total_row.cells] if table.total_row else []
        for row in rows:
            assert row_line(seed, table.seed_lines, row, loose), (owner, table.seed_lines, row)
    for form in templates.forms:
        where = norm("".join(span(seed, form.seed_lines)))
        for text in [*form.heading_lines, *form.notes, form.unit_line or ""]:
            assert norm(text) in where, (form.code, text)


def test_application_and_qualitative_texts_stand_on_their_lines(
        templates: FormTemplates, seed: list[str]) -> None:
    app, q = templates.application, templates.qualitative
    printed = [app.form_id, app.title, app.page_marker, *app.fields, app.declaration,
               app.date_line, *app.signature, *app.addressee, app.documents, app.fee,
               *app.procedure, *q.group_headings, *q.form.instructions, *q.subitems,
               *(s.subgroup for s in q.subitems)]
    for p in printed:
        assert norm(p.text) in norm(seed[p.line - 1]), (p.line, p.text)
    assert all(norm(d) in norm(seed[app.documents.line - 1]) for d in app.document_items)
    stages = norm("".join(span(seed, q.stage_lines)))
    assert all(norm(s) in stages for s in q.stages)
    assert len(q.subitems) == 26 and len({s.subgroup.text for s in q.subitems}) == 10


def test_summary_lists_the_catalogue_in_order(
        templates: FormTemplates, catalogue: list[dict[str, str]]) -> None:
    table = templates.summary.tables[0]
    assert [c.header for c in table.columns][:4] == ["분류", "분류", "지표명", "지표명"]
    assert [r[2] for r in table.example_rows] == [r["code"] for r in catalogue]


def test_spans_cover_the_leaf_columns(templates: FormTemplates) -> None:
    for owner, table, _ in all_tables(templates):
        if table.header_rows:
            assert leaf_headers(table.header_rows, len(table.columns)) == [
                c.header for c in table.columns], owner
        widths = {len(r) for r in table.example_rows} | {len(r.cells) for r in table.label_rows}
        assert widths <= {len(table.columns)}, owner
    c17 = templates.form("C-1-7").tables[0]
    assert [(c.text, c.rowspan, c.colspan) for c in c17.header_rows[0]][:2] == [
        ("전체 공공 주차면수", 1, 3), ("스마트 주차면수", 2, 1)]


def test_inconsistent_spans_and_codes_are_rejected() -> None:
    cols = [Column(header="구분", role="category"), Column(header="No.", role="no")]
    good = {"seed_lines": [1, 2], "columns": cols,
            "body": {"kind": "list", "multi_row_items": False, "example_rows": 0}}
    Table(header_rows=[[Cell(text="구분"), Cell(text="No.")]], **good)
    bad_headers = [
        [[Cell(text="구분", colspan=2), Cell(text="No.")]],  # spans 3 leaves, not 2
        [[Cell(text="구분", rowspan=2), Cell(text="No.")]],  # rowspan past the header
        [[Cell(text="No."), Cell(text="구분")]],  # leaves in the wrong order
    ]
    for rows in bad_headers:
        with pytest.raises(ValidationError):
            Table(header_rows=rows, **good)
    with pytest.raises(ValidationError):
        Cell(text="x", rowspan=0)
    with pytest.raises(ValidationError):
        Table(header_rows=[], label_rows=[{"cells": ["(A)"], "letters": {"(A)": "구분"},
                                           "formula": None}], **good)
    with pytest.raises(ValidationError):
        WithoutForm(code="D-1-1", summary_line=1, note="x")


def test_label_rows_where_the_seed_prints_letters(
        templates: FormTemplates, seed: list[str]) -> None:
    for form in templates.forms:
        printed = bool(_LETTER.search("".join(span(seed, form.seed_lines))))
        recorded = any(t.label_rows or t.header_letters for t in form.tables)
        assert printed == recorded, form.code
        for t in form.tables:  # letters and formulas never pose as example figures
            assert not any(_LETTER.fullmatch(c) for r in t.example_rows for c in r), form.code
    a21 = templates.form("A-2-1").tables[0].label_rows[0]
    assert a21.cells == ("2024년", "(A)", "(B)", "(C)", "(A+B/C)")
    assert a21.letters["(C)"] == "인구수(만명)" and a21.formula == "(A+B/C)"
    c23 = templates.form("C-2-3").tables
    assert len(c23) == 2 and not c23[0].label_rows
    assert c23[1].label_rows[0].cells == ("(A)", "(B)", "(B/A) * 100")
    with_labels = {f.code for f in templates.forms if any(t.label_rows for t in f.tables)}
    assert {"A-2-1", "A-2-2", "B-3-2", "B-4-2", "C-1-4", "C-5-1", "C-5-2", "C-8-2"} <= with_labels


def _seed_total_lines(seed: list[str], lines: tuple[int, int]) -> list[int]:
    """Lines whose first cell (after the outer column) or an HTML cell ends in 총계/합계."""
    out = []
    for n in range(lines[0], lines[1] + 1):
        text = seed[n - 1]
        cells = [c.strip() for c in text.split("\t")]
        first = next((c for c in cells[1:] if c), "") if text.startswith("\t") else cells[0]
        if re.search(r"(총계|합계)$", first) or re.search(r"<td[^>]*>[^<]*(총계|합계)</td>", text):
            out.append(n)
    return out


def test_total_rows_where_the_seed_prints_them(templates: FormTemplates, seed: list[str]) -> None:
    for form in templates.forms:
        printed = bool(_seed_total_lines(seed, form.seed_lines))
        totals = [t.total_row for t in form.tables if t.total_row]
        assert printed == bool(totals), form.code
        for t in form.tables:
            if t.total_row is None:
                continue
            assert t.total_row.label in ("총계", "합계") or t.total_row.label.endswith("총계")
            loose = loose_lines(form.discrepancies)
            total_at = row_line(seed, t.seed_lines, t.total_row.cells, loose)
            assert total_at and all(total_at >= (row_line(seed, t.seed_lines, r, loose) or 0)
                                    for r in t.example_rows), form.code
    assert all(t.total_row is None for t in templates.form("A-3-2").tables)
    c52 = templates.form("C-5-2").tables[0]
    assert c52.body.kind == "breakdown" and c52.total_row is not None
    assert (c52.total_row.label, c52.total_row.position) == ("총계", "last")
    assert [r[0] for r in c52.example_rows] == ["초등학교", "중학교", "고등학교"]
    assert c52.label_rows[0].letters == {"(A)": "학교 수", "(B)": "스마트 스쿨 수"}


def test_merged_columns_and_multi_row_items_show_in_the_examples(
        templates: FormTemplates) -> None:
    for owner, table, _ in all_tables(templates):
        rows = table.example_rows
        for i, col in enumerate(table.columns):
            under_anchor = any(rows[k][i] == "" and any(r[i] for r in rows[:k])
                               for k in range(1, len(rows)))
            if col.merged_over_rows:  # some row leaves the cell empty under a filled anchor
                assert under_anchor, (owner, col.header)
            elif col.role == "category":  # an empty category cell is the merged one above
                assert not under_anchor, (owner, col.header)
        if table.body.multi_row_items:
            assert any(c.merged_over_rows for c in table.columns), owner
    c24 = templates.form("C-2-4").tables[0]
    assert c24.body.multi_row_items and c24.example_rows[1][:2] == ("", "")
    assert templates.form("A-3-8").tables[0].body.multi_row_items is False


def test_discrepancies_are_recorded_where_the_seed_contradicts_itself(
        templates: FormTemplates) -> None:
    for code in ("A-2-1", "B-4-2", "C-5-2", "C-4-1", "C-9-2"):
        assert templates.form(code).discrepancies, code
    assert any("2.1 무선통신망" in d.what for d in templates.qualitative.discrepancies)
    assert any("B-2-1" in d.what for d in templates.summary.discrepancies)
