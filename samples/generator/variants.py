"""Layout variants: how other municipalities print the same codes, figures and page refs.

Only profiles with a ``variant`` section use this. The primary values never change: a
style rewrites how a figure is *printed* ('15억 3천만원' for 1,530 백만원, '１２건',
'관련 조례 ○'), so a mapping that generalises reads the same value back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from samples.generator.model import Built, Profile, Spec

FULL = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")
EN_DASH = "\u2013"


def fullwidth(text: str) -> str:
    """Digits, separators and % as full-width forms (Hancom's 전각 input)."""
    return text.translate(FULL)


def eok(amount: int) -> str:
    """An amount in 백만원 in 억/만원: 1530 -> '15억 3천만원', 4304 -> '43억 400만원'."""
    hundred_m, rest = divmod(amount, 100)
    man = rest * 100  # 1 백만원 = 100 만원
    parts = [f"{hundred_m:,}억"] if hundred_m else []
    if man:
        parts.append(f"{man // 1000}천만원" if man % 1000 == 0 else f"{man:,}만원")
    else:
        parts[-1] += "원"
    return " ".join(parts)


def circled(text: str) -> str:
    """O/X marks as ○/× (the marks most Hancom forms offer)."""
    text = re.sub(r"(?<![A-Za-z])O(?![A-Za-z])", "○", text)
    return re.sub(r"(?<![A-Za-z])X(?![A-Za-z])", "×", text)


def kinds_last(text: str) -> str:
    """'16종, 1,883건' -> '1,883건 (16종)'."""
    m = re.fullmatch(r"([\d,]+종), ([\d,]+건)", text)
    if not m:
        raise ValueError(f"not a 종/건 figure: {text!r}")
    return f"{m[2]} ({m[1]})"


def unit_space(text: str) -> str:
    """'12건' -> '12 건', '0.70%' -> '0.70 %'."""
    return re.sub(r"(\d)(건|개|명|%|백만원)", r"\1 \2", text)


def slash(text: str) -> str:
    """'국내 8건, 국외 4건' -> '국내 8건 / 국외 4건'."""
    return text.replace(", ", " / ")


TEXT_STYLES: dict[str, Callable[[Built], str]] = {
    "fullwidth": lambda b: fullwidth(b.text),
    "eok": lambda b: eok(b.value),
    "circle": lambda b: circled(b.text),
    "kinds_last": lambda b: kinds_last(b.text),
    "unit_space": lambda b: unit_space(b.text),
    "total_prefix": lambda b: f"총 {b.text}",
    "slash": lambda b: slash(b.text),
}
FORM_STYLES: dict[str, Callable[[str], str]] = {"fullwidth": fullwidth, "circle": circled}
# styles that keep the text but write a number with a format in the workbook
XLSX_STYLES = {"xlsx_count", "xlsx_percent", "xlsx_money"}


def printed_pages(rng: str, style: str | None) -> str:
    """The 증빙 페이지 cell: '5-7' as '5~7', 'p.5-7', '5-7쪽' or 'pp. 5~7'."""
    if rng == "-" or style in (None, "numeric"):
        return rng
    return {
        "tilde": rng.replace("-", "~"),
        "p": f"p.{rng}",
        "pp": f"pp. {rng.replace('-', '~')}",
        "jjok": f"{rng}쪽",
    }[style]


def printed_code(code: str, variant: dict[str, Any]) -> str:
    """The code as this municipality typed it ('' when the cell is left empty)."""
    if code in variant.get("codes", {}):
        return str(variant["codes"][code])
    if code[0] in variant.get("en_dash_groups", ""):
        return code.replace("-", EN_DASH)
    return code


@dataclass
class Printed:
    """What the variant summary prints per code (truth keeps these as printed)."""

    code: dict[str, str] = field(default_factory=dict)
    name: dict[str, str] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    cell_style: dict[str, str] = field(default_factory=dict)  # xlsx numeric summary cells


def apply_variants(
    city: Profile, specs: list[Spec], built: dict[str, Built], ranges: dict[str, str]
) -> Printed:
    """Rewrite the printed summary (and form) texts; return codes/names/pages as printed."""
    v: dict[str, Any] = city.variant
    out = Printed()
    for code, style in v.get("text", {}).items():
        if style in XLSX_STYLES:
            out.cell_style[code] = style
        else:
            built[code].text = TEXT_STYLES[style](built[code])
    for code, style in v.get("form_text", {}).items():
        built[code].form_text = FORM_STYLES[style](built[code].form_text)
    for s in specs:
        out.code[s.code] = printed_code(s.code, v)
        out.name[s.code] = v.get("names", {}).get(s.code, s.name)
        out.pages[s.code] = printed_pages(ranges[s.code], v.get("pages", {}).get(s.code))
    return out


def _labels(rows: list[list[list[Any]]] | None) -> list[list[str]] | None:
    return None if rows is None else [[str(h[0]) for h in row] for row in rows]


def decorate_truth(truth: dict[str, Any], city: Profile, printed: Printed) -> None:
    """Additive truth keys: the code/name/pages as printed and the variant's features."""
    for ind in truth["indicators"]:
        code = ind["code"]
        ind["name"] = printed.name[code]
        ind["printed_code"] = printed.code[code]
        if ind["evidence_pages"] is not None:
            ind["evidence_pages"] = printed.pages[code]
    v = city.variant
    summary = v["summary"]
    truth["variant"] = {
        "proposal_layout": v["proposal"],
        "summary_columns": summary["columns"],
        # 'A-1-1. 스마트도시 …' when code and name share a cell
        "code_name_separator": summary.get("code_name_sep", " ")
        if "code_name" in summary["columns"]
        else None,
        "summary_group_rows": bool(summary.get("group_rows")),
        "summary_tables": 2 if summary.get("split_before") else 1,
        "summary_split_before": summary.get("split_before"),
        # header labels per row as typed (before letter spacing); None: no header
        "summary_header": _labels(summary["header"]),
        "continuation_header": _labels(summary.get("continuation_header")),
        "codes": {c: p for c, p in printed.code.items() if p != c},
        "names": dict(v.get("names", {})),
        "text_styles": dict(v.get("text", {})),
        "form_text_styles": dict(v.get("form_text", {})),
        "page_styles": dict(v.get("pages", {})),
        "form_breaks": bool(v.get("form_breaks")),  # each form section on a new page
        "fonts": dict(city.raw.get("fonts", {})),
        "letter_spaced_typed": bool(v.get("spaced_typed")),
        "column_offset": int(v.get("col_offset", 0)),
    }
