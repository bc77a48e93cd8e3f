"""The truth file: every value a checker should find, and where it is printed."""

from __future__ import annotations

from typing import Any

from samples.generator.model import AREAS, Built, EvPage, Profile, Spec

FORMAT_VERSION = 1
# components that restate the population: (code, component, base month, unit)
POPULATION_COMPONENTS = [
    ("A-2-1", "C", "2024-12", 10000),
    ("A-2-2", "B", "2023-12", 10000),
    ("B-3-2", "A", "2023-12", 10000),
    ("B-3-2", "C", "2024-12", 10000),
    ("C-2-1", "A", "2024-12", 1000),
    ("C-4-2", "A", "2023-12", 10000),
    ("C-4-2", "C", "2024-12", 10000),
    ("C-5-1", "A", "2023-12", 1000),
    ("C-5-1", "C", "2024-12", 1000),
    ("C-8-2", "A", "2023-12", 10000),
    ("C-8-2", "C", "2024-12", 10000),
    ("C-10-2", "A", "2024-12", 10000),
]


def page_list(rng: str) -> list[int]:
    if rng == "-":
        return []
    a, _, b = rng.partition("-")
    return list(range(int(a), int(b or a) + 1))


def cross_checks(codes: set[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        {"kind": "population", "ref": f"{c}:{comp}", "month": m, "divisor": d, "decimals": 2}
        for c, comp, m, d in POPULATION_COMPONENTS
        if c in codes
    ]
    out.append(
        {
            "kind": "equal",
            "ref": "C-2-3:A",
            "equals": "C-2-1:B",
            "note": "지능형 CCTV 비율의 분모 = 방범 CCTV 총수",
        }
    )
    out.append(
        {
            "kind": "subset",
            "ref": "B-3-2:items.service",
            "of": "A-3-7:items.name",
            "note": "의견 반영 서비스는 A-3-7 서비스 중 기간 내 도입분",
        }
    )
    return out


def indicator_entry(spec: Spec, b: Built, rng: str, loc: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": spec.code,
        "name": spec.name,
        "group": spec.group,
        "subgroup": spec.subgroup,
        "area": spec.area_name or None,
        "points": spec.points,
        "period_rule": spec.period_rule,
        "summary_format": spec.summary_format,
        "text": b.text,
        "value": b.value,
        "unit": b.unit,
        "evidence_pages": None if rng == "-" else rng,
        "evidence_page_list": page_list(rng),
        **loc,
        "form_title": b.form_title,
        "form_text": b.form_text,
        "derivation": b.derivation,
        "components": b.components,
        "links": b.links,
        "item_checks": b.item_checks,
        "items": b.items,
    }


def assemble(
    city: Profile,
    specs: list[Spec],
    built: dict[str, Built],
    ranges: dict[str, str],
    locs: dict[str, dict[str, Any]],
    documents: list[dict[str, Any]],
    applicant_page: int,
    qualitative: list[dict[str, Any]],
    ev_pages: list[tuple[int, str, EvPage]],
    image_only: bool,
) -> dict[str, Any]:
    head = city.head
    return {
        "format_version": FORMAT_VERSION,
        "bundle": city.bundle,
        "style": city.style,
        "fictional": True,
        "applicant": {
            "name": city.name,
            "kind": city.kind,
            "head_title": head["title"],
            "head_name": head["name"],
            "address": city.address,
            "phone": city.phone,
            "registration_no": city.reg_no,
            "track_record": city.track_record,
            "file": city.files["application"],
            "page": applicant_page,
        },
        "city_type": city.city_type,
        "population": city.population["2024-12"],
        "population_base": "2024-12",
        "population_by_month": city.population,
        "area_km2": city.area_km2,
        "selected_areas": sorted(city.selected_areas, key=AREAS.index),
        "period": city.period,
        "submitted": city.submitted,
        "documents": documents,
        "indicators": [
            indicator_entry(s, built[s.code], ranges[s.code], locs[s.code]) for s in specs
        ],
        "qualitative": qualitative,
        "evidence": [
            {
                "page": p,
                "code": code,
                "title": ev.title,
                "shows": ev.shows,
                "image_only": image_only,
            }
            for p, code, ev in ev_pages
        ],
        "cross_checks": cross_checks({s.code for s in specs}),
    }
