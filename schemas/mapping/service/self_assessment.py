"""The 자체평가표 (seed 003 lines 3269–3620): each printed row with its 배점 and the
applicant's 평가점수, the '(…) 계' subtotal rows, and the 평가결과 판정 block.

    read_self_assessment(doc, rs) → SelfAssessmentRead(scores, subtotals, verdict, findings)

A row is a grid row starting with its number '1.1.1.1' (in its own cell or before the
wording); the 배점 and 평가점수 columns are found by their header labels, and a table
continued on the next page without its header keeps the previous one's columns. Each row
is read as a criterion of the rule set (`self_rows.py`). A score cell that prints
something other than a number becomes a finding, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from smartcert.core.findings import Finding, Location
from smartcert.core.normalize import match_key, tidy
from smartcert.extractors.models import DocumentExtract, Table
from smartcert.schemas.catalogue.service import ServiceRuleSet
from smartcert.schemas.mapping.keyvalue import find_values, location
from smartcert.schemas.mapping.service import rules as R
from smartcert.schemas.mapping.service.choices import level_of
from smartcert.schemas.mapping.service.read import is_blank, row_loc, score_of
from smartcert.schemas.mapping.service.self_rows import form_only_rows, read_row
from smartcert.schemas.mapping.tables import Column, GridView, find_header
from smartcert.schemas.service_claims import SelfScore, Subtotal

_ROW = re.compile(r"^\s*(\d)\s*\.\s*(\d)\s*\.\s*(\d)\s*\.\s*(\d)(?![\d.])\s*")
# '(1. 스마트 도시 부합성) 계', '(2.1 단위 서비스) 계', '2.2 소계'
_SUBTOTAL = re.compile(r"^\(?\s*(\d(?:\s*\.\s*\d)?)\s*\.?\s*[^()]*\)?\s*(?:소)?계$")
_GROUP = re.compile(r"^\s*(\d(?:\s*\.\s*\d)?)\s*\.?(?:\s|$)")
COLUMNS = (Column("points", ("배점",)),
           Column("score", ("평가점수", "자체평가점수", "자체평가", "평가 점수", "점수")))
VERDICT = (Column("score", ("점수", "자체평가점수")), Column("cutoff", ("과락",)))


@dataclass
class SelfAssessmentRead:
    scores: list[SelfScore] = field(default_factory=list)
    subtotals: list[Subtotal] = field(default_factory=list)  # the '(…) 계' rows
    verdict: list[Subtotal] = field(default_factory=list)  # the 평가결과 판정 block
    verdict_level: str | None = None  # the level whose 합계 row is filled
    findings: list[Finding] = field(default_factory=list)
    applicant: tuple[str, Location] | None = None  # □ 신청기관 :
    service_name: tuple[str, Location] | None = None  # □ 서비스명 :
    tables_read: int = 0

    def filled_blocks(self) -> list[str]:
        """The 구성 및 기능 blocks ('2.1' …) with at least one score."""
        return sorted({s.row[:3] for s in self.scores
                       if s.row.startswith("2.") and s.score is not None})


def _group(text: str) -> str:
    return re.sub(r"\s", "", text)


@dataclass
class _Cols:
    points: list[int]
    score: list[int]
    n_cols: int


def _columns(view: GridView, last: _Cols | None) -> tuple[_Cols | None, int]:
    """The table's 배점 / 평가점수 columns and its first data row."""
    header = find_header(view, COLUMNS, required=("points", "score"), stop=4)
    if header is not None:
        return _Cols(header.cols["points"], header.cols["score"], view.n_cols), header.end + 1
    if last is not None and last.n_cols == view.n_cols:
        return last, 0
    if view.n_cols >= 3:  # the form's layout: 배점 and 평가점수 are the last two columns
        return _Cols([view.n_cols - 2], [view.n_cols - 1], view.n_cols), 0
    return None, 0


def _cell_text(view: GridView, r: int, cols: list[int]) -> tuple[str, object]:
    for c in cols:
        cell = view.own(r, c)
        if cell is not None:
            return cell.text, cell
    return "", None


def _row_code(view: GridView, r: int, skip: set[int]) -> tuple[str, str] | None:
    """(printed number, wording) of a criterion row."""
    cells = [c for c in view.anchors(r) if c.col not in skip]
    for i, c in enumerate(cells):
        m = _ROW.match(c.text)
        if m is None:
            continue
        text = tidy(c.text[m.end():])
        if not text:
            text = next((tidy(x.text) for x in cells[i + 1:]
                         if x.text.strip() and score_of(x.text) is None), "")
        return ".".join(m.groups()), " ".join(text.split())
    return None


class _Reader:
    def __init__(self, doc: DocumentExtract, rs: ServiceRuleSet) -> None:
        self.doc, self.rs = doc, rs
        self.out = SelfAssessmentRead()
        codes = {m.group(0).strip() for t in doc.tables for c in t.cells
                 if (m := _ROW.match(c.text))}
        printed = {re.sub(r"\s", "", c) for c in codes}
        self.form_layout = bool(printed & form_only_rows(rs))
        self.seen: dict[str, SelfScore] = {}

    def table(self, t: Table, last: _Cols | None) -> _Cols | None:
        view = GridView(t)
        if self._verdict(view):
            return last
        cols, start = _columns(view, last)
        if cols is None:
            return last
        rows = 0
        for r in range(start, view.n_rows):
            rows += self._row(view, r, cols)
        self.out.tables_read += bool(rows)
        return cols if rows else last

    def _score(self, view: GridView, r: int, cols: _Cols, what: str) -> tuple[Decimal | None, str]:
        text, _ = _cell_text(view, r, cols.score)
        text = tidy(text)
        if is_blank(text):
            return None, text
        value = score_of(text)
        if value is None:
            self.out.findings.append(R.UNREADABLE_SELF_SCORE.finding(
                locations=[row_loc(self.doc, view, r)], claimed=text, row=what, text=text))
        return value, text

    def _row(self, view: GridView, r: int, cols: _Cols) -> int:
        skip = set(cols.points) | set(cols.score)
        code = _row_code(view, r, skip)
        if code is None:
            self._subtotal(view, r, cols, skip)
            return 0
        printed, text = code
        score, score_text = self._score(view, r, cols, printed)
        points_text, _ = _cell_text(view, r, cols.points)
        reading = read_row(self.rs, printed, text, self.form_layout)
        loc = row_loc(self.doc, view, r)
        s = SelfScore(row=printed, item=reading.item, criterion=reading.criterion, text=text,
                      points_printed=score_of(points_text), score=score, score_text=score_text,
                      location=loc)
        if printed in self.seen:
            first = self.seen[printed]
            if (first.score_text, first.text) != (score_text, text):
                self.out.findings.append(R.DUPLICATE_SELF_ROW.finding(
                    locations=[first.location, loc], row=printed, first=first.score_text,
                    other=score_text))
            return 1
        self.seen[printed] = s
        self.out.scores.append(s)
        if not reading.known:
            self.out.findings.append(R.UNKNOWN_SELF_ROW.finding(
                locations=[loc], claimed=printed, row=printed, text=text))
        elif reading.criterion is None and score is not None:
            self.out.findings.append(R.UNSCORED_SELF_ROW.finding(
                locations=[loc], claimed=score_text, row=printed, text=text, score=score_text))
        return 1

    def _subtotal(self, view: GridView, r: int, cols: _Cols, skip: set[int]) -> None:
        label = next((c for c in view.anchors(r) if c.col not in skip and c.text.strip()), None)
        m = _SUBTOTAL.match(" ".join(label.text.split())) if label is not None else None
        if m is None:
            return
        group = _group(m.group(1))
        value, text = self._score(view, r, cols, f"({group}) 계")
        if value is not None or text:
            self.out.subtotals.append(Subtotal(group=group, value=value, text=text,
                                               location=row_loc(self.doc, view, r)))

    def _verdict(self, view: GridView) -> bool:
        """The 평가결과 판정 block: one score per 인증지표 and the 합계 of the chosen level."""
        header = find_header(view, VERDICT, required=("score", "cutoff"), stop=4)
        if header is None:
            return False
        col = header.cols["score"][0]
        for r in range(header.end + 1, view.n_rows):
            labels = [c for k in range(col) if (c := view.at(r, k)) is not None]
            unique = [c for i, c in enumerate(labels) if all(c is not x for x in labels[:i])]
            texts = [" ".join(c.text.split()) for c in unique if c.text.strip()]
            group = _verdict_group(texts)
            cell = view.own(r, col)
            text = tidy(cell.text) if cell is not None else ""
            if group is None or is_blank(text):
                continue
            value = score_of(text)
            loc = row_loc(self.doc, view, r)
            if value is None:
                self.out.findings.append(R.UNREADABLE_SELF_SCORE.finding(
                    locations=[loc], claimed=text, row=f"평가결과 판정 {' '.join(texts)}",
                    text=text))
            if group == "total":
                self.out.verdict_level = next(
                    (lv for t in texts if (lv := level_of(self.rs, t)) is not None), None)
            self.out.verdict.append(Subtotal(group=group, value=value, text=text, location=loc))
        return True


def _verdict_group(texts: list[str]) -> str | None:
    if any(match_key(t) in {"합계", "총계", "계"} for t in texts):
        return "total"
    groups = [_group(m.group(1)) for t in texts if (m := _GROUP.match(t))]
    return max(groups, key=len) if groups else None


def read_self_assessment(doc: DocumentExtract, rs: ServiceRuleSet) -> SelfAssessmentRead:
    reader = _Reader(doc, rs)
    last: _Cols | None = None
    for t in doc.tables:
        last = reader.table(t, last)
    out = reader.out
    if not out.scores:
        out.findings.append(R.NO_SELF_SCORES.finding(
            locations=[Location(file=doc.file, page=1 if doc.pages else None)], file=doc.file))
    vocab = ["서비스명", "신청기관", "평가자", "소속", "직급", "성명"]
    for attr, label in (("service_name", "서비스명"), ("applicant", "신청기관")):
        found = [v for v in find_values(doc, [label], vocab) if tidy(v.text)]
        if found:
            setattr(out, attr, (tidy(found[0].text), location(doc, found[0].item)))
    return out


