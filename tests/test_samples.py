"""The committed sample bundles (samples/bundles): consistent truth, deterministic generator.

These tests read only the committed output, except the determinism tests, which re-run
the generator (dev tool: needs reportlab and fonts-nanum) into a temporary folder.
"""

from __future__ import annotations

import ast
import csv
import json
import operator
import subprocess
import sys
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import fitz
import openpyxl
import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "bundles"
# the base bundles; layout variants print values differently and are checked by
# tests/test_samples_variants.py (consistency) and tests/test_validate_command.py (mapping)
TRUTHS = [p for p in sorted((ROOT / "samples" / "truth").glob("*.json"))
          if "variant" not in json.loads(p.read_text(encoding="utf-8"))]
CATALOGUE = ROOT / "samples" / "generator" / "indicators.csv"
AREAS = ["행정", "주거", "교육", "문화관광", "경제", "보건복지", "환경에너지"]
STAGES = ["착수", "일부요건 충족", "요건 충족", "발전", "최적화"]
CUTOFF = "2025-07"  # achievements count if before the call's cut-off
DATE_KEYS = ("date", "award_date", "start", "end", "adopted", "enacted", "introduced")


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(params=TRUTHS, ids=lambda p: p.stem)
def truth(request: pytest.FixtureRequest) -> dict[str, Any]:
    return load(request.param)


def quantize(v: Decimal, decimals: int) -> Decimal:
    return v.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def evaluate(expr: str, names: dict[str, Any]) -> Decimal:
    """Exact decimal arithmetic over + - * / and component names (nothing else allowed)."""

    def ev(node: ast.AST) -> Decimal:
        if isinstance(node, ast.BinOp) and type(node.op) in OPS:
            return OPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.Name):
            return Decimal(str(names[node.id]))
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return Decimal(str(node.value))
        raise ValueError(f"unsupported expression {expr!r}")

    return ev(ast.parse(expr, mode="eval").body)


def doc_of(t: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(d for d in t["documents"] if d["kind"] == kind)


def test_at_least_three_bundles_in_the_three_styles() -> None:
    truths = [load(p) for p in TRUTHS]
    assert len(truths) >= 3
    assert {"hwp", "xlsx", "scan"} <= {t["style"] for t in truths}
    assert len({tuple(t["selected_areas"]) for t in truths}) == len(truths), (
        "each city picks its own areas"
    )
    assert len({t["applicant"]["name"] for t in truths}) == len(truths)


def test_rows_are_the_mandatory_ones_plus_three_areas(truth: dict[str, Any]) -> None:
    areas = truth["selected_areas"]
    assert len(areas) == 3 and set(areas) <= set(AREAS)
    with CATALOGUE.open(encoding="utf-8") as f:
        expected = [
            r["code"]
            for r in csv.DictReader(f)
            if "(선택)" not in r["area"] or r["area"].split("(")[0] in areas
        ]
    codes = [i["code"] for i in truth["indicators"]]
    assert codes == expected
    assert 52 <= len(codes) <= 53


def test_city_type_follows_population(truth: dict[str, Any]) -> None:
    kind, pop = truth["applicant"]["kind"], truth["population"]
    big = kind.endswith("광역시") or kind.startswith("특별") or (kind == "시" and pop >= 500_000)
    assert truth["city_type"] == ("대도시" if big else "중소도시")
    assert truth["population_by_month"][truth["population_base"]] == pop


def test_primary_values_follow_their_derivation(truth: dict[str, Any]) -> None:
    for ind in truth["indicators"]:
        d, v, items, comps = ind["derivation"], ind["value"], ind["items"], ind["components"]
        code = ind["code"]
        if d["kind"] == "count_items":
            assert v == len(items) and f"{v:,}" in ind["text"], code
        elif d["kind"] == "sum_items":
            assert v == sum(i[d["field"]] for i in items) and f"{v:,}" in ind["text"], code
        elif d["kind"] == "formula":
            assert quantize(evaluate(d["expr"], comps), d["decimals"]) == Decimal(str(v)), code
            shown = f"{Decimal(str(v)):,.{d['decimals']}f}"
            assert shown in ind["text"] or all(f"{c:,}" in ind["text"] for c in comps.values()), (
                code
            )
        elif d["kind"] == "bool":
            assert isinstance(v, bool), code
            if "O/X" in ind["summary_format"]:  # else the cell names the unit or system
                assert ("O" if v else "X") in ind["text"], code
        else:
            assert d["kind"] == "text" and v is None and ind["text"].strip(), code


def test_components_and_items_add_up(truth: dict[str, Any]) -> None:
    for ind in truth["indicators"]:
        comps, items = ind["components"], ind["items"]
        for link in ind["links"]:
            want = Decimal(str(comps[link["component"]]))
            if "sum" in link:
                got = sum(Decimal(str(i[link["sum"]])) for i in items)
            elif "count" in link:
                got = Decimal(len(items))
            elif "count_where" in link:
                got = Decimal(
                    sum(all(i[k] == val for k, val in link["count_where"].items()) for i in items)
                )
            else:
                got = evaluate(link["expr"], comps)
            assert got == want, (ind["code"], link)
        for check in ind["item_checks"]:
            left, right = check.split("==")
            for i in items:
                assert evaluate(left.strip(), i) == evaluate(right.strip(), i), (
                    ind["code"],
                    check,
                    i,
                )


def test_cross_document_figures_agree(truth: dict[str, Any]) -> None:
    by = {i["code"]: i for i in truth["indicators"]}

    def ref(r: str) -> Any:
        code, comp = r.split(":")
        return by[code]["components"][comp]

    for c in truth["cross_checks"]:
        if c["kind"] == "population":
            pop = Decimal(truth["population_by_month"][c["month"]])
            assert Decimal(str(ref(c["ref"]))) == quantize(pop / c["divisor"], c["decimals"]), c
        elif c["kind"] == "equal":
            assert ref(c["ref"]) == ref(c["equals"]), c
        else:
            (code, path), (ocode, opath) = (x.split(":") for x in (c["ref"], c["of"]))
            have = {i[opath.split(".")[1]] for i in by[ocode]["items"]}
            assert {i[path.split(".")[1]] for i in by[code]["items"]} <= have, c


def test_dates_inside_the_declared_span(truth: dict[str, Any]) -> None:
    start, end = truth["period"]["start"], truth["period"]["end"]
    y0, m0 = map(int, start.split("-"))
    assert start >= "2023-01" and (int(end[:4]) * 12 + int(end[5:])) - (y0 * 12 + m0) == 23
    for ind in truth["indicators"]:
        for item in ind["items"]:
            for key in DATE_KEYS:
                if key not in item:
                    continue
                month = item[key][:7]
                assert month <= CUTOFF, (ind["code"], item)
                if ind["period_rule"] == "2y":
                    assert start <= month <= end, (ind["code"], key, item)
        if ind["code"] == "B-2-1":
            plan = ind["items"][0]
            assert plan["plan_end"] - plan["plan_start"] + 1 <= 5


def test_evidence_references_point_at_pages_that_show_the_items(truth: dict[str, Any]) -> None:
    ev_doc = doc_of(truth, "evidence")
    pages = {e["page"]: e for e in truth["evidence"]}
    assert max(pages) <= ev_doc["pages"]
    for ind in truth["indicators"]:
        lst = ind["evidence_page_list"]
        if ind["evidence_pages"] is None:
            assert not lst and ind["value"] is False, ind["code"]
            continue
        a, _, b = ind["evidence_pages"].partition("-")
        assert lst == list(range(int(a), int(b or a) + 1)), ind["code"]
        assert [p for p, e in pages.items() if e["code"] == ind["code"]] == lst, ind["code"]
        shown = {s for p in lst for s in pages[p]["shows"]}
        assert shown, ind["code"]
        for item in ind["items"]:
            forms = {str(x) for x in item.values() if isinstance(x, str)}
            forms |= {
                f"{x:,}" for x in item.values() if isinstance(x, int) and not isinstance(x, bool)
            }
            forms |= {f"{x:,.1f}" for x in item.values() if isinstance(x, float)}
            assert forms & shown, (ind["code"], item)


def test_qualitative_has_ten_units_on_the_five_stages(truth: dict[str, Any]) -> None:
    q = truth["qualitative"]
    pages = doc_of(truth, "qualitative_self_assessment")["pages"]
    assert len(q) == 10 and len({u["unit"] for u in q}) == 10
    for u in q:
        assert u["stage"] in STAGES and u["stage_index"] == STAGES.index(u["stage"]) + 1
        assert 1 <= u["page"] <= pages


def test_documents_and_locations_match_the_files(truth: dict[str, Any]) -> None:
    folder = BUNDLES / truth["bundle"]
    for d in truth["documents"]:
        path = folder / d["file"]
        if d["media"] == "pdf":
            with fitz.open(path) as pdf:
                assert pdf.page_count == d["pages"], d["file"]
        else:
            assert openpyxl.load_workbook(path, read_only=True).sheetnames == d["sheets"]
    prop = doc_of(truth, "quantitative_proposal")
    last = 0
    for ind in truth["indicators"]:
        assert ind["file"] == prop["file"]
        if prop["media"] == "pdf":
            assert ind["page"] in prop["summary_pages"] and ind["page"] >= last, ind["code"]
            assert max(prop["summary_pages"]) < ind["form_page"] <= prop["pages"], ind["code"]
            last = ind["page"]
        else:
            assert ind["sheet"] == "요약표" and ind["form_sheet"] in prop["sheets"], ind["code"]


def test_summary_table_breaks_across_pages_with_its_header_repeated() -> None:
    t = next(load(p) for p in TRUTHS if load(p)["style"] == "hwp")
    prop = doc_of(t, "quantitative_proposal")
    assert len(prop["summary_pages"]) >= 2
    with pdfplumber.open(BUNDLES / t["bundle"] / prop["file"]) as pdf:
        heads = [pdf.pages[p - 1].extract_tables()[0][0] for p in prop["summary_pages"]]
    assert all(h == heads[0] for h in heads)
    assert "증 빙 페 이 지" in heads[0] and None in heads[0]  # letter-spaced, merged header


def test_scanned_evidence_has_no_text_layer() -> None:
    scans = [load(p) for p in TRUTHS if doc_of(load(p), "evidence")["image_only"]]
    assert scans
    for t in scans:
        with fitz.open(BUNDLES / t["bundle"] / doc_of(t, "evidence")["file"]) as pdf:
            for page in pdf:
                assert page.get_text().strip() == "" and len(page.get_images()) == 1


def test_zip_of_the_scan_bundle_has_cp949_names_without_utf8_flag() -> None:
    t = next(load(p) for p in TRUTHS if load(p)["style"] == "scan")
    zpath = BUNDLES / f"{t['bundle']}.zip"
    with zipfile.ZipFile(zpath, metadata_encoding="cp949") as zf:
        infos = zf.infolist()
        assert all(not i.flag_bits & 0x800 for i in infos)
        names = {i.filename.rsplit("/", 1)[-1]: zf.read(i) for i in infos}
    assert set(names) == {d["file"] for d in t["documents"]}
    for name, data in names.items():
        assert data == (BUNDLES / t["bundle"] / name).read_bytes()


def regenerate(out: Path, bundle: str) -> Path:
    subprocess.run(
        [sys.executable, "-m", "samples.generator", "--out", str(out), "--truth",
         str(out / "truth"), "--only", bundle],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return out / bundle


def pdf_cells(path: Path, pages: list[int]) -> list[list[list[str | None]]]:
    with pdfplumber.open(path) as pdf:
        return [t for p in pages for t in pdf.pages[p - 1].extract_tables()]


def test_generator_is_deterministic_pdf(tmp_path: Path) -> None:
    t = next(load(p) for p in TRUTHS if load(p)["style"] == "hwp")
    fresh = regenerate(tmp_path, t["bundle"])
    assert load(tmp_path / "truth" / f"{t['bundle']}.json") == t
    prop = doc_of(t, "quantitative_proposal")
    # the summary pages and a spread of form pages (all pages would be slow to parse)
    pages = sorted(
        set(prop["summary_pages"])
        | set(range(max(prop["summary_pages"]) + 1, prop["pages"] + 1, 4))
    )
    fresh_cells = pdf_cells(fresh / prop["file"], pages)
    assert fresh_cells and fresh_cells == pdf_cells(BUNDLES / t["bundle"] / prop["file"], pages)


def test_generator_is_deterministic_xlsx(tmp_path: Path) -> None:
    t = next(load(p) for p in TRUTHS if load(p)["style"] == "xlsx")
    fresh = regenerate(tmp_path, t["bundle"])
    assert load(tmp_path / "truth" / f"{t['bundle']}.json") == t
    name = doc_of(t, "quantitative_proposal")["file"]

    def values(p: Path) -> list[list[list[Any]]]:
        wb = openpyxl.load_workbook(p)
        return [[list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets]

    assert values(fresh / name) == values(BUNDLES / t["bundle"] / name)
