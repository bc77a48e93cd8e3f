"""Read reviewer verdicts back from an edited findings.xlsx.

Tolerant: rows may be re-sorted or filtered, columns moved (found by header, Korean or
English), verdicts blank or typed in Korean or English. A bad cell becomes a problem on its
row (Korean), never an exception; only a file that is no workbook, or has no key and
verdict columns at all, raises `VerdictSheetError`.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Collection
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from smartcert.reports.verdicts import VERDICT_LABEL, VerdictRow, parse_verdict
from smartcert.reports.xlsx_layout import FINDINGS_SHEET, HEADER_ALIASES, INFO_SHEET

HEADER_SCAN_ROWS = 10  # a reviewer may add a title row or two above the header


class VerdictSheetError(ValueError):
    """The file cannot be read as a findings sheet at all (message in Korean)."""


def _norm(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value)).lower()
    return "".join(re.sub(r"\(.*?\)", "", text).split())


def _columns(ws: Worksheet) -> tuple[int, dict[str, int]] | None:
    """The header row and the column of each field, when key and verdict are found."""
    for r, row in enumerate(ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True), 1):
        found: dict[str, int] = {}
        for c, value in enumerate(row, 1):
            if value is None:
                continue
            name = _norm(value)
            for field, aliases in HEADER_ALIASES.items():
                if name in aliases and field not in found:
                    found[field] = c
        if "key" in found and "verdict" in found:
            return r, found
    return None


def _sheet(wb: object) -> tuple[Worksheet, int, dict[str, int]]:
    names = list(wb.sheetnames)  # type: ignore[attr-defined]
    ordered = [n for n in names if n == FINDINGS_SHEET] + [
        n for n in names if n not in (FINDINGS_SHEET, INFO_SHEET)]
    for name in ordered:
        ws = wb[name]  # type: ignore[index]
        cols = _columns(ws)
        if cols is not None:
            return ws, *cols
    raise VerdictSheetError("'발견사항 키'와 '검토 의견' 열이 있는 시트를 찾을 수 없습니다")


LABELS = {"verdict": "검토 의견", "comment": "코멘트", "reviewer": "검토자"}


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_verdicts(path: Path, known_keys: Collection[str] | None = None) -> list[VerdictRow]:
    """Every row with a verdict, comment or reviewer filled in. `known_keys` (the report's
    finding keys), when given, flags rows whose key is not one of them."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise VerdictSheetError(f"'{path.name}'을(를) 엑셀 파일로 읽을 수 없습니다 ({exc})") from exc
    try:
        ws, header_row, cols = _sheet(wb)
        rows = [_row(r, values, cols, known_keys)
                for r, values in enumerate(ws.iter_rows(min_row=header_row + 1,
                                                        values_only=True), header_row + 1)]
    finally:
        wb.close()
    out = {r.row: r for r in rows if r is not None}
    for row in _formula_rows(path, ws.title, header_row, cols):
        if row.row in out:  # a cached value was read: the formula still makes it unusable
            out[row.row].problems += row.problems
        else:
            out[row.row] = row
    ordered = sorted(out.values(), key=lambda r: r.row)
    _flag_conflicts(ordered)
    return ordered


def _formula_rows(path: Path, sheet: str, header_row: int,
                  cols: dict[str, int]) -> list[VerdictRow]:
    """A formula in a verdict, comment or reviewer cell is not a decision smartcert can
    read (its cached value may be stale or absent): each such row is reported, never
    dropped silently and never recorded."""
    wb = load_workbook(path, read_only=True, data_only=False)
    out: list[VerdictRow] = []
    try:
        ws = wb[sheet]
        wanted = {f: c for f, c in cols.items() if f in ("verdict", "comment", "reviewer")}
        for r, values in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True),
                                   header_row + 1):
            bad = [LABELS[f] for f, c in wanted.items()
                   if c <= len(values) and isinstance(values[c - 1], str)
                   and values[c - 1].startswith("=")]
            if not bad:
                continue
            key_col = cols["key"]
            key = _text(values[key_col - 1]) if key_col <= len(values) else ""
            row = VerdictRow(row=r, key=key or None)
            row.problems.append(f"{r}행: {', '.join(bad)} 칸에 수식이 있어 읽지 않았습니다 "
                                "(값으로 입력하세요)")
            out.append(row)
    finally:
        wb.close()
    return out


def _row(r: int, values: tuple[object, ...], cols: dict[str, int],
         known_keys: Collection[str] | None) -> VerdictRow | None:
    def get(field: str) -> object:
        c = cols.get(field)
        return values[c - 1] if c is not None and c <= len(values) else None

    raw_verdict = get("verdict")
    verdict_text, comment, reviewer = _text(raw_verdict), _text(get("comment")), _text(get("reviewer"))
    if not (verdict_text or comment or reviewer):
        return None  # nothing decided on this row
    key = _text(get("key")) or None
    out = VerdictRow(row=r, key=key, comment=comment, reviewer=reviewer)
    if key is None:
        out.problems.append(f"{r}행: 발견사항 키가 비어 있어 검토 의견을 기록할 수 없습니다")
    elif known_keys is not None and key not in known_keys:
        out.problems.append(f"{r}행: 발견사항 키 '{key}'은(는) 이 보고서에 없습니다")
    if verdict_text:
        out.verdict = parse_verdict(verdict_text) if isinstance(raw_verdict, str) else None
        if out.verdict is None:
            choices = "/".join(VERDICT_LABEL.values())
            out.problems.append(f"{r}행: 검토 의견 '{verdict_text[:40]}'을(를) {choices}(으)로 "
                                "읽을 수 없습니다")
    return out


def _flag_conflicts(rows: list[VerdictRow]) -> None:
    """The same key twice with different verdicts: neither is recorded."""
    first: dict[str, VerdictRow] = {}
    for row in rows:
        if row.key is None:
            continue
        prev = first.setdefault(row.key, row)
        if prev is not row and (prev.verdict, prev.comment) != (row.verdict, row.comment):
            for x in (prev, row):
                x.problems.append(f"{x.row}행: 발견사항 키 '{row.key}'이(가) {prev.row}행과 "
                                  f"{row.row}행에 서로 다른 검토 의견으로 있습니다")


def read_submission_id(path: Path) -> str | None:
    """The 제출 ID recorded in the '정보' sheet, to check a sheet belongs to a submission."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        return None
    try:
        if INFO_SHEET not in wb.sheetnames:
            return None
        for label, value, *_ in wb[INFO_SHEET].iter_rows(values_only=True):
            if label == "제출 ID" and value:
                return str(value)
    finally:
        wb.close()
    return None
