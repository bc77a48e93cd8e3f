"""Layout-variant sample bundles (truth files with a ``variant`` section).

The same forms laid out as other municipalities do: summary columns in another order,
the summary cut into two tables, codes typed 'A–1–2' / 'A-1 -2' / left out / mistyped,
figures printed '15억 3천만원', '１２건', '관련 조례 ○', and the proposal as a Word
document or a one-sheet workbook. These tests check that the truth is consistent once
the printing is undone, and that every feature the truth declares is really in the files.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import docx
import fitz
import openpyxl
import pdfplumber
import pytest

from tests import test_samples as base

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "bundles"
ALL = [base.load(p) for p in sorted((ROOT / "samples" / "truth").glob("*.json"))]
VARIANTS = [t for t in ALL if "variant" in t]
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
FULL_DIGIT = re.compile("[\uff10-\uff19]")
GROUP_TITLES = ["A.혁신성", "B.거버넌스및제도", "C.서비스기술및인프라"]
EOK = re.compile(r"(?:([\d,]+)억)?\s*(?:(\d)천만원|([\d,]+)만원|원)?")


def norm(s: Any) -> str:
    return re.sub(r"\s+", "", "" if s is None else str(s))


def canonical_text(text: str) -> str:
    """The figure as the base bundles print it: half-width, O/X, amounts in 백만원."""
    s = unicodedata.normalize("NFKC", text).replace("○", "O").replace("×", "X")
    m = EOK.fullmatch(s)
    if "억" in s and m:
        million = int((m[1] or "0").replace(",", "")) * 100
        million += int(m[2] or 0) * 10 + int((m[3] or "0").replace(",", "")) // 100
        return f"{million:,}백만원"
    return s


def canonical_pages(pages: str | None) -> str | None:
    """'p.5-7', 'pp. 5~7', '5~7', '23쪽' -> '5-7' / '23'."""
    if pages is None:
        return None
    return re.sub(r"^p{1,2}\.|쪽$", "", norm(pages)).replace("~", "-")


def canonical_code(printed: str) -> str:
    s = unicodedata.normalize("NFKC", printed)
    for d in DASHES:
        s = s.replace(d, "-")
    return re.sub(r"\s+", "", s).rstrip("-.")


def doc_of(t: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(d for d in t["documents"] if d["kind"] == kind)


def media(t: dict[str, Any]) -> str:
    return str(doc_of(t, "quantitative_proposal")["media"])


def each(truths: list[dict[str, Any]]) -> Any:
    """Parametrize ``truth`` over these bundles (media-specific tests run only where they apply)."""
    return pytest.mark.parametrize("truth", truths, ids=lambda t: t["bundle"])


@pytest.fixture(params=VARIANTS, ids=lambda t: t["bundle"])
def truth(request: pytest.FixtureRequest) -> dict[str, Any]:
    return request.param


# -- what the variants cover, together -----------------------------------------------


def test_variant_bundles_cover_the_layouts_of_the_issue() -> None:
    assert len(VARIANTS) >= 3
    assert len({t["applicant"]["name"] for t in ALL}) == len(ALL)
    assert len({tuple(t["selected_areas"]) for t in ALL}) == len(ALL)
    kinds = {(t["applicant"]["kind"], t["city_type"]) for t in VARIANTS}
    assert ("광역시", "대도시") in kinds and ("군", "중소도시") in kinds
    assert {media(t) for t in VARIANTS} == {"pdf", "docx", "xlsx"}
    assert any(t["variant"]["form_breaks"] for t in VARIANTS)
    v = [t["variant"] for t in VARIANTS]
    assert any(x["summary_tables"] == 2 and x["continuation_header"] is None for x in v)
    assert any(x["summary_tables"] == 2 and x["continuation_header"] for x in v)
    assert any(x["summary_group_rows"] for x in v)
    assert any("code_name" in x["summary_columns"] for x in v)
    assert any(x["summary_columns"].index("pages") < x["summary_columns"].index("text") for x in v)
    printed = [p for x in v for p in x["codes"].values()]
    assert any("\u2013" in p for p in printed)  # 'A–1–2'
    assert any(re.fullmatch(r"[A-C]-\d+ -\d+", p) for p in printed)  # 'A-1 -2'
    assert "" in printed
    typos = [(c, p) for x in v for c, p in x["codes"].items() if p and canonical_code(p) != c]
    assert typos, "at least one mistyped code"
    texts = [i["text"] for t in VARIANTS for i in t["indicators"]]
    for pattern in (
        r"국내 12건, 국외 3건",
        r"1,250백만원",
        r"15억 3천만원",
        r"12종, 1,208건",
        r"관련 조례 [O○]",
        r".*[○×].*",
        r".*[\uff10-\uff19].*",
    ):
        assert any(re.fullmatch(pattern, s) for s in texts), pattern


# -- the truth, once the printing is undone ------------------------------------------


def canonical(t: dict[str, Any]) -> dict[str, Any]:
    c = copy.deepcopy(t)
    for ind in c["indicators"]:
        ind["text"] = canonical_text(ind["text"])
        ind["evidence_pages"] = canonical_pages(ind["evidence_pages"])
    return c


@pytest.mark.parametrize(
    "check",
    [
        base.test_rows_are_the_mandatory_ones_plus_three_areas,
        base.test_city_type_follows_population,
        base.test_primary_values_follow_their_derivation,
        base.test_components_and_items_add_up,
        base.test_cross_document_figures_agree,
        base.test_dates_inside_the_declared_span,
        base.test_evidence_references_point_at_pages_that_show_the_items,
        base.test_qualitative_has_ten_units_on_the_five_stages,
    ],
    ids=lambda f: f.__name__.removeprefix("test_"),
)
def test_truth_is_consistent_once_printing_is_undone(truth: dict[str, Any], check: Any) -> None:
    check(canonical(truth))


STYLE_SHAPES = {
    "fullwidth": lambda s, i: bool(FULL_DIGIT.search(s)),
    "eok": lambda s, i: "억" in s and canonical_text(s) == f"{i['value']:,}백만원",
    "circle": lambda s, i: bool(re.search("[○×]", s)) and not re.search(r"\b[OX]\b", s),
    "kinds_last": lambda s, i: bool(re.fullmatch(r"[\d,]+건 \(\d+종\)", s)),
    "unit_space": lambda s, i: bool(re.search(r"\d (건|개|명|%|백만원)", s)),
    "total_prefix": lambda s, i: s.startswith("총 "),
    "slash": lambda s, i: " / " in s,
    "xlsx_count": lambda s, i: s == f"{i['value']:,}{i['unit']}",
    "xlsx_money": lambda s, i: s == f"{i['value']:,}백만원",
    "xlsx_percent": lambda s, i: s == f"{i['value']:.2f}%",
}


def test_printed_codes_texts_and_pages_follow_the_declared_styles(truth: dict[str, Any]) -> None:
    v = truth["variant"]
    for ind in truth["indicators"]:
        code, printed = ind["code"], ind["printed_code"]
        if code not in v["codes"]:
            assert printed == code
        elif printed:
            assert printed != code
        style = v["text_styles"].get(ind["code"])
        if style:
            assert STYLE_SHAPES[style](ind["text"], ind), (code, style, ind["text"])
        else:  # untouched rows print as the base bundles do
            assert not FULL_DIGIT.search(ind["text"]) and "억" not in ind["text"], code
        form_style = v["form_text_styles"].get(code)
        if form_style:
            assert STYLE_SHAPES[form_style](ind["form_text"], ind), (code, ind["form_text"])
        if code in v["page_styles"] and ind["evidence_pages"] is not None:
            assert ind["evidence_pages"] != canonical_pages(ind["evidence_pages"]), code


# -- the files -----------------------------------------------------------------------


def test_documents_match_the_files(truth: dict[str, Any]) -> None:
    folder = BUNDLES / truth["bundle"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        d["file"] for d in truth["documents"]
    ), "a bundle folder holds only the submitted documents"
    for d in truth["documents"]:
        path = folder / d["file"]
        if d["media"] == "pdf":
            with fitz.open(path) as pdf:
                assert pdf.page_count == d["pages"], d["file"]
                assert not d.get("image_only") and all(p.get_text().strip() for p in pdf)
        elif d["media"] == "xlsx":
            assert openpyxl.load_workbook(path, read_only=True).sheetnames == d["sheets"]
        else:
            assert d["media"] == "docx" and len(docx.Document(str(path)).tables) == d["tables"]


def test_pdf_fonts_are_the_declared_faces(truth: dict[str, Any]) -> None:
    faces = {"barun": "NanumBarunGothic", "square": "NanumSquare", "myeongjo": "NanumMyeongjo"}
    kinds = {"application": "application", "proposal": "quantitative_proposal",
             "qualitative": "qualitative_self_assessment"}  # fmt: skip
    for doc_key, family in truth["variant"]["fonts"].items():
        d = doc_of(truth, kinds[doc_key])
        if d["media"] != "pdf" or family not in faces:
            continue
        with fitz.open(BUNDLES / truth["bundle"] / d["file"]) as pdf:
            used = {f[3] for page in pdf for f in page.get_fonts()}
        assert any(faces[family] in f for f in used), (d["file"], used)


@cache
def pdf_rows(path: Path, pages: tuple[int, ...]) -> dict[int, list[list[list[str | None]]]]:
    """page -> its tables as rows of cells (pdfplumber)."""
    with pdfplumber.open(path) as pdf:
        return {p: pdf.pages[p - 1].extract_tables() for p in pages}


def summary_row_ok(ind: dict[str, Any], row: list[Any], v: dict[str, Any]) -> bool:
    """The row prints the text and pages in their declared columns, and the code."""
    cols = v["summary_columns"]
    if row[cols.index("text")] is None or norm(row[cols.index("text")]) != norm(ind["text"]):
        return False
    pages = ind["evidence_pages"] or "-"
    if norm(row[cols.index("pages")]) != norm(pages):
        return False
    if "name" in cols and norm(row[cols.index("name")]) != norm(ind["name"]):
        return False
    if "code" in cols:
        return norm(row[cols.index("code")]) == norm(ind["printed_code"])
    code, name = ind["printed_code"], ind["name"]
    want = f"{code}{v['code_name_separator']}{name}" if code else name
    return norm(row[cols.index("code_name")]) == norm(want)


def test_summary_rows_sit_where_the_truth_says(truth: dict[str, Any]) -> None:
    prop = doc_of(truth, "quantitative_proposal")
    path = BUNDLES / truth["bundle"] / prop["file"]
    cols = truth["variant"]["summary_columns"]
    bad = []
    if prop["media"] == "pdf":
        tables = pdf_rows(path, tuple(prop["summary_pages"]))
        for ind in truth["indicators"]:
            rows = [r for t in tables[ind["page"]] for r in t if len(r) == len(cols)]
            if not any(summary_row_ok(ind, r, truth["variant"]) for r in rows):
                bad.append(ind["code"])
    elif prop["media"] == "docx":
        document = docx.Document(str(path))
        for ind in truth["indicators"]:
            row = document.tables[int(ind["table"][1:]) - 1].rows[ind["row"]]
            texts: list[Any] = [c.text for c in row.cells]
            if not summary_row_ok(ind, texts, truth["variant"]):
                bad.append(ind["code"])
    else:
        ws = openpyxl.load_workbook(path)[prop["sheets"][0]]
        for ind in truth["indicators"]:
            cell = ws[ind["cell"]]
            row = [shown(c) for c in ws[cell.row]][cell.column - 1 - cols.index("text") :]
            if not summary_row_ok(ind, row, truth["variant"]):
                bad.append(ind["code"])
    assert not bad


def shown(cell: Any) -> str | None:
    """What Excel shows for the formats the variant workbook uses."""
    v, fmt = cell.value, cell.number_format
    if isinstance(v, int | float) and not isinstance(v, bool):
        if fmt == "0.00%":
            return f"{v * 100:.2f}%"
        m = re.fullmatch(r'#,##0"(.+)"', fmt)
        if m:
            return f"{int(v):,}{m[1]}"
        return f"{int(v):,}" if fmt in ("#,##0", "0", "General") else None
    return None if v is None else str(v)


def test_form_values_sit_where_the_truth_says(truth: dict[str, Any]) -> None:
    prop = doc_of(truth, "quantitative_proposal")
    path = BUNDLES / truth["bundle"] / prop["file"]
    bad = []
    if prop["media"] == "pdf":
        with fitz.open(path) as pdf:
            for ind in truth["indicators"]:
                if norm(ind["form_text"]) not in norm(pdf[ind["form_page"] - 1].get_text()):
                    bad.append(ind["code"])
    elif prop["media"] == "docx":
        tables = docx.Document(str(path)).tables
        for ind in truth["indicators"]:
            row = tables[int(ind["form_table"][1:]) - 1].rows[ind["form_row"]]
            if ind["form_text"] not in {c.text for c in row.cells}:
                bad.append(ind["code"])
    else:
        wb = openpyxl.load_workbook(path)
        for ind in truth["indicators"]:
            if wb[ind["form_sheet"]][ind["form_cell"]].value != ind["form_text"]:
                bad.append(ind["code"])
    assert not bad


# -- the declared layout features, read back from the files --------------------------


@each([t for t in VARIANTS if media(t) == "pdf"])
def test_pdf_summary_header_order_and_split(truth: dict[str, Any]) -> None:
    prop = doc_of(truth, "quantitative_proposal")
    v = truth["variant"]
    tables = pdf_rows(BUNDLES / truth["bundle"] / prop["file"], tuple(prop["summary_pages"]))
    first = tables[prop["summary_pages"][0]][0]
    assert [norm(c) for c in first[0] if c] == [norm(h) for h in v["summary_header"][0]]
    second_page = tables[prop["summary_pages"][1]][0]
    if v["summary_tables"] == 2 and v["continuation_header"] is None:
        # a separate table: it opens on the next page with a data row, no header
        split = next(i for i in truth["indicators"] if i["code"] == v["summary_split_before"])
        assert split["page"] == prop["summary_pages"][1]
        assert norm(split["printed_code"]) in [norm(c) for c in second_page[0]]
        before = truth["indicators"][truth["indicators"].index(split) - 1]
        assert before["page"] == prop["summary_pages"][0]
        assert not any(norm(h) in map(norm, second_page[0]) for h in v["summary_header"][0])
    elif v["summary_tables"] == 1:  # one table broken across pages: its header comes back
        assert [norm(c) for c in second_page[0]] == [norm(c) for c in first[0]]
    if v["summary_group_rows"]:
        rows = [r for t in tables.values() for tb in t for r in tb]
        titles = [norm(r[0]) for r in rows if r[0] and r[1:] == [None] * (len(r) - 1)]
        assert titles == GROUP_TITLES


@each([t for t in VARIANTS if t["variant"]["form_breaks"]])
def test_pdf_forms_start_each_section_on_a_new_page(truth: dict[str, Any]) -> None:
    inds = truth["indicators"]
    section = [i["area"] or i["subgroup"] for i in inds]
    breaks = [
        (a["code"], b["code"])
        for a, b, sa, sb in zip(inds, inds[1:], section, section[1:], strict=False)
        if sa != sb and a["form_page"] == b["form_page"]
    ]
    assert not breaks


@each([t for t in VARIANTS if media(t) == "docx"])
def test_docx_summary_is_two_word_tables_with_merges(truth: dict[str, Any]) -> None:
    prop = doc_of(truth, "quantitative_proposal")
    v = truth["variant"]
    document = docx.Document(str(BUNDLES / truth["bundle"] / prop["file"]))
    assert prop["summary_tables"] == ["t1", "t2"] and v["summary_tables"] == 2
    t1, t2 = document.tables[0], document.tables[1]
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for tbl in (t1, t2):
        xml = tbl._tbl
        assert xml.findall(f".//{w}gridSpan") and xml.findall(f".//{w}vMerge")
        assert xml.findall(f".//{w}tblHeader")  # header rows repeat on each page
    head1 = [norm(c.text) for r in t1.rows[: len(v["summary_header"])] for c in r.cells]
    for label in (h for row in v["summary_header"] for h in row):
        assert norm(label) in head1
    assert "작 성 지 표 요 약" in [c.text for c in t1.rows[0].cells]  # typed letter spacing
    head2 = [norm(c.text) for c in t2.rows[0].cells]
    assert "증빙자료쪽수" in head2 and "증빙페이지" not in head2
    codes = [c.text for r in t2.rows for c in r.cells]
    assert any("\u2013" in c for c in codes)
    split = next(i for i in truth["indicators"] if i["code"] == v["summary_split_before"])
    assert split["table"] == "t2" and split["row"] == len(v["continuation_header"])


@each([t for t in VARIANTS if media(t) == "xlsx"])
def test_xlsx_summary_layout(truth: dict[str, Any]) -> None:
    prop = doc_of(truth, "quantitative_proposal")
    v = truth["variant"]
    wb = openpyxl.load_workbook(BUNDLES / truth["bundle"] / prop["file"])
    assert len(wb.sheetnames) == 1  # summary and every form on one sheet
    ws = wb[prop["sheets"][0]]
    offset, width = v["column_offset"], len(v["summary_columns"])
    for col in range(1, offset + 1):  # the tables start right of an empty margin column
        assert all(ws.cell(row=r, column=col).value is None for r in range(1, ws.max_row + 1))
    first = truth["indicators"][0]
    head_row = ws[first["cell"]].row - 1 - (1 if v["summary_group_rows"] else 0)
    head = [ws.cell(row=head_row, column=offset + 1 + i).value for i in range(width)]
    assert [norm(h) for h in head] == [norm(h) for h in v["summary_header"][0]]
    assert "증 빙 페 이 지" in head  # typed letter spacing
    if v["summary_group_rows"]:  # group titles merged across the whole table
        titles = [
            norm(ws.cell(row=m.min_row, column=m.min_col).value)
            for m in ws.merged_cells.ranges
            if m.min_col == offset + 1
            and m.max_col == offset + width
            and m.min_row > head_row
            and m.min_row <= ws[truth["indicators"][-1]["cell"]].row
        ]
        assert sorted(titles) == GROUP_TITLES
    numeric = [
        i for i in truth["indicators"] if v["text_styles"].get(i["code"], "").startswith("xlsx_")
    ]
    assert numeric
    for ind in numeric:
        cell = ws[ind["cell"]]
        assert isinstance(cell.value, int | float) and shown(cell) == ind["text"], ind["code"]
    pages_col = offset + 1 + v["summary_columns"].index("pages")
    typed = [ws.cell(row=ws[i["cell"]].row, column=pages_col).value for i in truth["indicators"]]
    assert any(isinstance(p, int) for p in typed) and any(isinstance(p, str) for p in typed)


# -- the generator -------------------------------------------------------------------


def test_generator_is_byte_deterministic_for_a_variant(tmp_path: Path) -> None:
    t = next(t for t in VARIANTS if media(t) == "docx")
    subprocess.run(
        [sys.executable, "-m", "samples.generator", "--out", str(tmp_path), "--truth",
         str(tmp_path / "truth"), "--only", t["bundle"]],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )  # fmt: skip
    assert base.load(tmp_path / "truth" / f"{t['bundle']}.json") == t
    for d in t["documents"]:
        fresh = (tmp_path / t["bundle"] / d["file"]).read_bytes()
        assert fresh == (BUNDLES / t["bundle"] / d["file"]).read_bytes(), d["file"]
