"""The PDF export read against its HWP/HWPX original (`twins.py` pairs them).

The claims come from the native file; the PDF is mapped the same way, only to be compared:
every figure both readings hold — the 요약표 value and 증빙 페이지, each form component, the
number of listed items and each item's date and amount, each qualitative stage — must agree.
One that differs means the PDF the committee reads is not the export of the file the claims
were read from (`consistency.twin-differs`, with the native place and the PDF place); an
error only when both values were located with certainty.

The PDF's places are kept on the native claims (`Location.twin`), so every finding that
points at a value read from the HWP also says where the PDF prints it: the page an
evaluator turns to (the HWP's own pages are rhwp's layout, not 한글's).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Finding, Location
from smartcert.core.normalize import match_key
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import (
    Component,
    DocumentKind,
    EvidencePages,
    IndicatorClaim,
    ListedItem,
    QualitativeClaim,
    UnclaimedForm,
)
from smartcert.schemas.mapping import rules as R
from smartcert.schemas.mapping.forms import map_forms
from smartcert.schemas.mapping.qualitative import map_qualitative
from smartcert.schemas.mapping.summary import map_summary
from smartcert.schemas.mapping.twins import PDF_PAGED, Pair

T = TypeVar("T")
_FORMAT = {MediaType.HWP: "HWP", MediaType.HWPX: "HWPX"}
_NO_ROW = "한쪽에서 같은 행을 읽지 못했을 수 있음"


@dataclass(frozen=True)
class Difference:
    """One figure read differently from the two members of a pair."""

    what: str  # Korean: '지표 A-1-2의 작성 지표 요약'
    native: str  # as printed (or '없음')
    pdf: str
    native_at: Location | None
    pdf_at: Location | None
    indicator: str | None = None
    uncertain: str | None = None  # why the rule cannot be sure (an error becomes a warning)


def with_twin(loc: Location | None, other: Location | None) -> Location | None:
    """`loc` with `other` as its twin place (one level: a twin has no twin)."""
    if loc is None or other is None:
        return loc
    return loc.model_copy(update={"twin": other.model_copy(update={"twin": None})})


def format_name(doc: DocumentExtract) -> str:
    """'HWP' / 'HWPX' (what a reviewer calls the file)."""
    return _FORMAT.get(doc.media_type, doc.media_type.value)


def _aligned(native: Sequence[T], pdf: Sequence[T],
             key: Callable[[T], str]) -> Iterator[tuple[T | None, T | None]]:
    """Pairs with the same key, in the native order; a key's n-th with its n-th."""
    theirs: dict[str, list[T]] = defaultdict(list)
    for x in pdf:
        theirs[key(x)].append(x)
    for x in native:
        same = theirs.get(key(x))
        yield x, (same.pop(0) if same else None)
    for rest in theirs.values():
        for y in rest:
            yield None, y


# -- the proposal ------------------------------------------------------------------------

def check_proposal(native: DocumentExtract, pdf: DocumentExtract, claims: list[IndicatorClaim],
                   ruleset: RuleSet) -> list[Finding]:
    """Map the PDF like the native proposal, compare, and keep its places on `claims`."""
    theirs, _ = map_summary(pdf, ruleset)
    scratch: list[UnclaimedForm] = []
    map_forms(pdf, ruleset, theirs, scratch)
    diffs = compare_indicators(claims, theirs)
    for mine, other in _aligned(claims, theirs, _code):
        if mine is not None and other is not None:
            _keep_places(mine, other)
    return [finding(d, format_name(native)) for d in diffs]


def compare_indicators(native: Sequence[IndicatorClaim],
                       pdf: Sequence[IndicatorClaim]) -> list[Difference]:
    """Every figure the two readings of one proposal hold differently."""
    out: list[Difference] = []
    for mine, other in _aligned(native, pdf, _code):
        if mine is not None and other is not None:
            out += _indicator(mine, other)
            continue
        one = mine or other
        assert one is not None
        out.append(Difference(
            what=f"요약표의 지표 {one.code} 행", native=(mine.text or "") if mine else "없음",
            pdf=(other.text or "") if other else "없음", native_at=mine.source if mine else None,
            pdf_at=other.source if other else None, indicator=one.code, uncertain=_NO_ROW))
    return out


def _code(c: IndicatorClaim) -> str:
    return match_key(c.code).upper()


def _pages(p: EvidencePages | None) -> tuple[list[int], list[str]]:
    if p is None:
        return [], []
    return p.pages(), [match_key(a) for a in p.annexes]


def _indicator(a: IndicatorClaim, b: IndicatorClaim) -> list[Difference]:
    code = a.code
    out: list[Difference] = []
    if a.value != b.value:
        unsure = None if a.value_certain and b.value_certain else "값을 읽은 방식이 추정임"
        out.append(Difference(f"지표 {code}의 작성 지표 요약", a.text or "", b.text or "",
                              a.source, b.source, code, unsure))
    if _pages(a.evidence_pages) != _pages(b.evidence_pages):
        unread = any(p is not None and p.unparsed for p in (a.evidence_pages, b.evidence_pages))
        out.append(Difference(
            f"지표 {code}의 증빙 페이지", a.evidence_pages.raw if a.evidence_pages else "",
            b.evidence_pages.raw if b.evidence_pages else "", a.source, b.source, code,
            "쪽 번호로 읽지 못한 부분이 있음" if unread else None))
    for x, y in _aligned(a.components, b.components, _component_key):
        if x is not None and y is not None and x.value != y.value:
            unsure = None if x.certain and y.certain else "값의 위치를 추정함"
            out.append(Difference(f"지표 {code}의 자료구축양식 '{x.label}'", x.text, y.text,
                                  x.location, y.location, code, unsure))
    out += _items(a, b)
    return out


def _component_key(c: Component) -> str:
    return c.id or match_key(c.label)


def _items(a: IndicatorClaim, b: IndicatorClaim) -> list[Difference]:
    out: list[Difference] = []
    mine, theirs = _by_list(a.items), _by_list(b.items)
    for lid in dict.fromkeys([*mine, *theirs]):
        xs, ys = mine.get(lid, []), theirs.get(lid, [])
        if len(xs) != len(ys):
            out.append(Difference(
                f"지표 {a.code}의 목록 항목 수", f"{len(xs)}건", f"{len(ys)}건",
                a.form_source, b.form_source, a.code, "표의 행 나눔에 따라 달라질 수 있음"))
            continue
        for n, (x, y) in enumerate(zip(xs, ys, strict=True), 1):
            row = f"지표 {a.code}의 목록 {x.number or n}번 행"
            if (x.date, x.span) != (y.date, y.span):
                out.append(Difference(f"{row}의 일자", x.date_text or "", y.date_text or "",
                                      x.location, y.location, a.code))
            if x.amount != y.amount:
                out.append(Difference(f"{row}의 금액", _amount(x), _amount(y), x.location,
                                      y.location, a.code))
    return out


def _by_list(items: list[ListedItem]) -> dict[str, list[ListedItem]]:
    out: dict[str, list[ListedItem]] = defaultdict(list)
    for it in items:
        out[it.list_id or ""].append(it)
    return out


def _amount(it: ListedItem) -> str:
    if it.amount is None:
        return ""
    value = it.amount if it.amount != it.amount.to_integral_value() else Decimal(int(it.amount))
    return f"{value}{it.amount_unit or ''}"


def _keep_places(a: IndicatorClaim, b: IndicatorClaim) -> None:
    a.source = with_twin(a.source, b.source)
    a.form_source = with_twin(a.form_source, b.form_source)
    for x, y in _aligned(a.components, b.components, _component_key):
        if x is not None and y is not None:
            x.location = with_twin(x.location, y.location)
            if len(x.cells) == len(y.cells):
                x.cells = [with_twin(c, d) or c for c, d in zip(x.cells, y.cells, strict=True)]
    mine, theirs = _by_list(a.items), _by_list(b.items)
    for lid, xs in mine.items():
        ys = theirs.get(lid, [])
        if len(xs) != len(ys):
            continue
        for x, y in zip(xs, ys, strict=True):
            x.location = with_twin(x.location, y.location)
            if len(x.cells) == len(y.cells):
                for fx, fy in zip(x.cells, y.cells, strict=True):
                    fx.location = with_twin(fx.location, fy.location)


# -- places for the mapping's own findings ------------------------------------------------

def _claim_places(claims: Sequence[IndicatorClaim | QualitativeClaim]) -> list[Location]:
    out: list[Location | None] = []
    for c in claims:
        if isinstance(c, IndicatorClaim):
            out += [c.source, c.form_source]
            for comp in c.components:
                out += [comp.location, *comp.cells]
            for it in c.items:
                out += [it.location, *(f.location for f in it.cells)]
        else:
            out += [c.source, c.item_source, *(a.location for a in c.achievements)]
    return [loc for loc in out if loc is not None and loc.twin is not None and loc.bbox]


def lend_twins(findings: list[Finding], claims: Sequence[IndicatorClaim | QualitativeClaim],
               file: str) -> list[Finding]:
    """The mapping's findings on `file` with a twin place for each location inside a place
    the claims know the twin of (a code cell inside its summary row): the same relative box
    within that place's twin."""
    known = _claim_places(claims)
    if not known:
        return findings
    out = []
    for f in findings:
        locs = [_borrow(loc, known) if loc.file == file and loc.twin is None else loc
                for loc in f.locations]
        out.append(f if locs == f.locations else f.model_copy(update={"locations": locs}))
    return out


def _borrow(loc: Location, known: list[Location]) -> Location:
    if loc.page is None or loc.bbox is None:
        return loc
    x, y = (loc.bbox[0] + loc.bbox[2]) / 2, (loc.bbox[1] + loc.bbox[3]) / 2
    holders = [k for k in known if k.page == loc.page and k.bbox is not None
               and k.bbox[0] <= x <= k.bbox[2] and k.bbox[1] <= y <= k.bbox[3]]
    if not holders:
        return loc
    box = min(holders, key=lambda k: _area(k.bbox))
    assert box.bbox is not None and box.twin is not None
    if box.twin.bbox is None:
        return with_twin(loc, box.twin) or loc
    (a0, b0, a1, b1), (c0, d0, c1, d1) = box.bbox, box.twin.bbox
    sx, sy = (c1 - c0) / max(a1 - a0, 1e-6), (d1 - d0) / max(b1 - b0, 1e-6)
    x0, y0, x1, y1 = loc.bbox
    moved = (c0 + (x0 - a0) * sx, d0 + (y0 - b0) * sy, c0 + (x1 - a0) * sx, d0 + (y1 - b0) * sy)
    return with_twin(loc, box.twin.model_copy(update={"bbox": tuple(round(v, 2) for v in moved)}))


def _area(b: tuple[float, float, float, float] | None) -> float:
    return 0.0 if b is None else (b[2] - b[0]) * (b[3] - b[1])


# -- the qualitative self-assessment ------------------------------------------------------

def check_qualitative(native: DocumentExtract, pdf: DocumentExtract,
                      claims: list[QualitativeClaim], ruleset: RuleSet,
                      selected: Sequence[str] | None) -> list[Finding]:
    theirs, _ = map_qualitative(pdf, ruleset, selected)
    # one stage cell merged over a 중분류's 소분류 rows is one difference, named by the 중분류
    differing: dict[tuple[object, ...], list[tuple[QualitativeClaim, QualitativeClaim]]] = {}
    for a, b in _aligned(claims, theirs, _qual_key):
        if a is None or b is None:
            continue  # a row one reading missed is the qualitative mapping's own finding
        if a.stage != b.stage:
            differing.setdefault((a.source, b.source, a.stage, b.stage), []).append((a, b))
        a.source = with_twin(a.source, b.source)
        a.item_source = with_twin(a.item_source, b.item_source)
        if len(a.achievements) == len(b.achievements):
            for x, y in zip(a.achievements, b.achievements, strict=True):
                x.location = with_twin(x.location, y.location)
    diffs = []
    for (mine_at, theirs_at, _, _), rows in differing.items():
        a, b = rows[0]
        label = (a.item_label if len(rows) == 1 else None) or a.unit_as_printed or a.unit
        diffs.append(Difference(f"정성지표 '{label}'의 자체평가 단계", a.stage_text or "",
                                b.stage_text or "", mine_at, theirs_at))
    return [finding(d, format_name(native)) for d in diffs]


def _qual_key(c: QualitativeClaim) -> str:
    return f"{c.unit}|{c.item_number or match_key(c.item or '')}"


def pair_finding(pair: Pair) -> Finding:
    """The note that two files are one document, and which of them was read."""
    t, fmt = pair.twin, format_name(pair.twin.native)
    if pair.kind in PDF_PAGED:
        how = "증빙 페이지 번호는 위원회가 읽는 PDF의 쪽이므로 PDF를 읽었습니다"
    elif pair.kind in (DocumentKind.QUANTITATIVE_PROPOSAL, DocumentKind.QUALITATIVE_SELF_ASSESSMENT):
        how = (f"값은 {fmt} 원본에서 읽고 PDF와 대조했으며, 각 값의 위치에 PDF의 쪽도 함께 "
               "적었습니다")
    else:
        how = f"두 파일을 한 문서로 보고 {fmt} 원본에서 읽었습니다"
    return R.PDF_TWIN.finding(locations=[Location(file=t.native.file), Location(file=t.pdf.file)],
                              claimed=t.pdf.file, expected=t.native.file, pdf=t.pdf.file,
                              native=t.native.file, similarity=f"{t.similarity:.2f}", how=how)


def finding(d: Difference, fmt: str) -> Finding:
    """The `consistency.twin-differs` finding of one difference; `fmt`: 'HWP' / 'HWPX'."""
    return R.TWIN_DIFFERS.finding(
        indicator=d.indicator, claimed=d.native, expected=d.pdf,
        locations=[d.native_at, d.pdf_at], uncertain=d.uncertain,
        what=d.what, fmt=fmt, native=d.native or "빈칸", pdf=d.pdf or "빈칸")
