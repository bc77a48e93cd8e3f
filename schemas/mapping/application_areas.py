"""The optional service areas a submission selects, as printed and as catalogue areas,
and the front matter of a document (where such facts are stated)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pydantic import BaseModel

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location
from smartcert.core.normalize import match_key, tidy
from smartcert.core.textmatch import best_match
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.program import Area
from smartcert.schemas.mapping.keyvalue import Item, cell_item, label_rank, location, span_item
from smartcert.schemas.mapping.settings import MAPPING

_SEPARATORS = re.compile(r"[,，、/;；\n]|\s및\s|\s및(?=\S)")
_COUNT_NOTE = re.compile(r"^\s*\(\s*\d+\s*개\s*\)\s*")
_CODE = re.compile(r"(?<![A-Za-z0-9])([A-C])-(\d{1,2})-(\d{1,2})(?!\d)")
# Headers that start a document's body: the summary table, a data form, the assessment.
BODY_LABELS = ["작성지표요약", "증빙페이지", "분석자료", "자료출처", "자체평가내용"]


class SelectedArea(BaseModel):
    printed: str  # as printed: '문화 관광'
    area_id: str | None = None  # catalogue id: culture_tourism
    name: str | None = None  # catalogue name: 문화관광
    location: Location | None = None


def _names(rs: RuleSet) -> list[tuple[str, Area]]:
    """Every printed form of every area, longest first (so '문화관광' wins over a part)."""
    pairs = [(match_key(n), a) for a in rs.structure.areas for n in (a.name, *a.aliases)]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def _scan(token: str, rs: RuleSet) -> list[tuple[int, str, Area]]:
    """Area names occurring in `token` (no separators between them), by position."""
    key, hits, taken = match_key(token), [], [False] * len(match_key(token))
    for name, area in _names(rs):
        start = key.find(name)
        while start >= 0:
            if not any(taken[start:start + len(name)]):
                taken[start:start + len(name)] = [True] * len(name)
                hits.append((start, key[start:start + len(name)], area))
            start = key.find(name, start + 1)
    return sorted(hits, key=lambda h: h[0])


def parse_areas(text: str, rs: RuleSet) -> tuple[list[SelectedArea], list[str]]:
    """('행정, 교육, 환경 에너지') → the areas in printed order, and tokens matching none."""
    found: list[SelectedArea] = []
    unknown: list[str] = []
    names = _names(rs)
    for raw in _SEPARATORS.split(_COUNT_NOTE.sub("", text)):
        token = tidy(re.sub(r"\(\s*선택\s*\)", "", raw)).strip(" .·-")
        if not token:
            continue
        area = rs.area(token)
        if area is not None:
            found.append(SelectedArea(printed=token, area_id=area.id, name=area.name))
            continue
        scanned = _scan(token, rs)
        if scanned:
            found += [SelectedArea(printed=p, area_id=a.id, name=a.name) for _, p, a in scanned]
            continue
        hit = best_match(token, [n for n, _ in names], MAPPING.area)  # an OCR or typing slip
        if hit is not None:
            a = names[hit.index][1]
            found.append(SelectedArea(printed=token, area_id=a.id, name=a.name))
        else:
            unknown.append(token)
    seen: set[str | None] = set()
    unique = [a for a in found if not (a.area_id in seen or seen.add(a.area_id))]
    return unique, unknown


def _items(doc: DocumentExtract) -> list[Item]:
    return [cell_item(t, c) for t in doc.tables for c in t.cells] + [
        span_item(s) for s in doc.spans]


def infer_areas(proposals: Sequence[DocumentExtract], rs: RuleSet) -> list[SelectedArea]:
    """The optional areas whose indicator codes (C-3-… for 행정) the proposals use."""
    by_prefix = {a.prefix: a for a in rs.optional_areas if a.prefix}
    first: dict[str, Location] = {}
    for doc in proposals:
        for it in _items(doc):
            for m in _CODE.finditer(it.key):
                prefix = f"{m.group(1)}-{m.group(2)}"
                if prefix in by_prefix and prefix not in first:
                    first[prefix] = location(doc, it)
    areas = [a for a in rs.optional_areas if a.prefix in first]
    return [SelectedArea(printed=a.name, area_id=a.id, name=a.name, location=first[a.prefix or ""])
            for a in areas]


def _position(it: Item) -> tuple[int, float]:
    if it.sheet is not None:
        return it.page, float(it.row)
    if it.index is not None:
        return it.page, float(it.index)
    return it.page, it.bbox[1] if it.bbox else 0.0


def front_matter(doc: DocumentExtract, max_pages: int) -> Callable[[Item], bool]:
    """What precedes a document's body (its first indicator code or table header): the
    cover and contents where a proposal states type, population and areas. Data forms
    further on print labels such as '(A) 인구수' whose values are not the applicant's."""
    word = doc.media_type is MediaType.DOCX
    # Word tables carry no position relative to paragraphs: only paragraphs are placed
    markers = [_position(it) for it in _items(doc) if not (word and it.table is not None)
               and (_CODE.search(it.key) or label_rank(it.text, BODY_LABELS) is not None)]
    cutoff = min(markers, default=(max_pages + 1, 0.0))

    def keep(it: Item) -> bool:
        if it.page > max_pages or (word and it.table is not None):
            return False
        return _position(it) < cutoff

    return keep
