"""A sample bundle's claims as the mapping reads them, built from its truth file
(samples/truth/<bundle>.json): the summary values and the qualitative stages per 소분류, with
no extraction (scoring tests compare whole submissions quickly)."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import IndicatorClaim, QualitativeClaim, Stage, Submission

TRUTH = Path(__file__).resolve().parents[2] / "samples" / "truth"


@cache
def truth(bundle: str) -> dict[str, Any]:
    return json.loads((TRUTH / f"{bundle}.json").read_text(encoding="utf-8"))


def _value(v: object) -> object:
    return Decimal(str(v)) if isinstance(v, float) else v


def _key(text: str) -> str:
    return "".join(text.split())


def _qualitative(t: dict[str, Any]) -> list[QualitativeClaim]:
    rs = load_ruleset(t.get("ruleset", "city-2025"))
    out = []
    for q in t["qualitative"]:
        unit = rs.qualitative_unit(q["unit"])
        assert unit is not None, q["unit"]
        for label in q["sub_items"]:
            number, name = label.split(maxsplit=1)
            item = next((i for i in unit.items
                         if _key(name) in {_key(n) for n in (i.name, *i.aliases)}), None) \
                or next(i for i in unit.items if i.number == number.rstrip("."))
            out.append(QualitativeClaim(
                unit=unit.id, unit_as_printed=q["unit"], item=label, item_number=item.number,
                item_name=item.name, stage=Stage.parse(q["stage_text"]),
                stage_text=q["stage_text"]))
    return out


def truth_submission(bundle: str) -> Submission:
    t = truth(bundle)
    return Submission(
        id=f"truth:{bundle}", applicant=t["applicant"]["name"], city_type_claimed=t["city_type"],
        population=t["population"], selected_areas=t["selected_areas"],
        indicators=[IndicatorClaim(code=i["code"], value=_value(i["value"]), unit=i["unit"],
                                   text=i["text"]) for i in t["indicators"]],
        qualitative=_qualitative(t))
