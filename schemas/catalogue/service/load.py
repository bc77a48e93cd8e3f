"""Loading a service rule set: read its folder, report every problem at once, self-check.

A service rule set is a folder `schemas/rulesets/<id>/` whose ruleset.yaml says
`program: service`; its files differ from a city rule set's, so it has its own reader.
Each 세부평가항목 is validated on its own, so one broken S-page is reported next to the
others instead of hiding them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from smartcert.schemas.catalogue.base import CatalogueError
from smartcert.schemas.catalogue.read import _errors, _read_yaml
from smartcert.schemas.catalogue.service.checks import check_service_ruleset
from smartcert.schemas.catalogue.service.items import Items, SubItem
from smartcert.schemas.catalogue.service.ruleset import ServiceRuleSet
from smartcert.schemas.catalogue.service.sections import (
    Documents,
    Eligibility,
    Levels,
    Periods,
    ServiceMeta,
)

# file → model (every file is required: the service rule set is complete)
SECTIONS: dict[str, type[BaseModel]] = {
    "ruleset.yaml": ServiceMeta,
    "levels.yaml": Levels,
    "eligibility.yaml": Eligibility,
    "documents.yaml": Documents,
    "periods.yaml": Periods,
}
ITEMS_FILE = "items.yaml"


def _validate(model: type[BaseModel], data: Any, where: str,
              problems: list[str]) -> BaseModel | None:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        problems.extend(_errors(where, e))
        return None


def _read_items(folder: Path, problems: list[str]) -> tuple[Items | None, list[SubItem]]:
    path = folder / ITEMS_FILE
    if not path.is_file():
        problems.append(f"{ITEMS_FILE}: missing")
        return None, []
    data = _read_yaml(path, problems)
    if not isinstance(data, dict) or not isinstance(data.get("sub_items"), list):
        problems.append(f"{ITEMS_FILE}: no 'sub_items' list")
        return None, []
    subs: list[SubItem] = []
    for i, raw in enumerate(data.pop("sub_items")):
        code = raw.get("code") if isinstance(raw, dict) else None
        item = _validate(SubItem, raw, f"{ITEMS_FILE}: {code or f'sub_items[{i}]'}", problems)
        if isinstance(item, SubItem):
            subs.append(item)
    items = _validate(Items, data, ITEMS_FILE, problems)
    return items if isinstance(items, Items) else None, subs


def load_service_ruleset_from(folder: Path) -> ServiceRuleSet:
    """Load and check a service rule-set folder (uncached); raises CatalogueError naming
    every problem found."""
    problems: list[str] = []
    parsed: dict[str, BaseModel | None] = {}
    for name, model in SECTIONS.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: missing")
            parsed[name] = None
            continue
        parsed[name] = _validate(model, _read_yaml(path, problems), name, problems)
    items, subs = _read_items(folder, problems)
    if items is None or any(v is None for v in parsed.values()):
        raise CatalogueError(folder.name, problems or ["unreadable rule set"])
    rs = ServiceRuleSet(
        meta=parsed["ruleset.yaml"], levels=parsed["levels.yaml"],
        eligibility=parsed["eligibility.yaml"], documents=parsed["documents.yaml"],
        periods=parsed["periods.yaml"], indicators=items.indicators,
        eval_items=items.eval_items, press_tiers=items.press_tiers, sub_items=subs,
        folder=str(folder))
    problems += check_service_ruleset(rs, folder.name)
    if problems:
        raise CatalogueError(folder.name, problems)
    return rs
