"""A service bundle to render: the applicant's profile, the self-scores it prints, and what
the planted manifest changed.

The applicant scores itself from its own (unedited) facts; a planted defect edits the
facts the documents print (an old survey, a small sample, an expired certificate), so the
printed self-score stays and the points the documents support drop — as when an applicant
overlooks a rule. Arithmetic defects override the printed numbers directly.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samples.generator.doc import Block
from samples.service.catalogue import ITEMS, Item, items_for, level_area
from samples.service.ladders import supported
from samples.service.render import FactBook

HERE = Path(__file__).resolve().parent
PROFILES = HERE / "profiles"
DOC_KINDS = (
    "application",
    "proposal",
    "self_assessment",
    "evidence",
    "joint_confirmation",
    "privacy_consent",
)


@dataclass
class Bundle:
    name: str
    profile: dict[str, Any]  # as printed (planted edits applied)
    base: dict[str, Any]  # the applicant's own facts (its self-scores follow them)
    claims: dict[str, float]  # sub-item -> printed self-score
    printed_subtotals: dict[str, float]  # '1', '2', '3' -> printed 계
    omit: set[str] = field(default_factory=set)  # document kinds left out
    planted: list[dict[str, Any]] = field(default_factory=list)
    producer: str = "painter"  # painter | libreoffice (producers.py)

    @property
    def level(self) -> str:
        return str(self.profile["level"])

    @property
    def items(self) -> list[Item]:
        return items_for(self.level)

    def subtotal_rows(self, group: str) -> float:
        return sum(self.claims[s.code] for it in self.items if it.group == group for s in it.subs)

    @property
    def printed_total(self) -> float:
        return sum(self.printed_subtotals.values())


def load_profile(name: str) -> dict[str, Any]:
    return json.loads((PROFILES / f"{name}.json").read_text(encoding="utf-8"))


def set_path(obj: dict[str, Any], dotted: str, value: Any, add: bool = False) -> None:
    """Set a dotted key ('items.S-111.survey.end'); list indices are numbers. `add` makes
    a new key; otherwise the key must exist (a typo in the manifest fails)."""
    parts = dotted.split(".")
    cur: Any = obj
    for k in parts[:-1]:
        cur = cur[int(k)] if isinstance(cur, list) else cur[k]
    last = parts[-1]
    if isinstance(cur, list):
        cur[int(last)] = value
    elif (last in cur) == add:
        raise KeyError(f"{dotted}: {'already there' if add else 'no such key'}")
    else:
        cur[last] = value


def make_bundle(
    name: str,
    base_name: str | None = None,
    defects: list[dict[str, Any]] | None = None,
    producer: str = "painter",
) -> Bundle:
    base = load_profile(base_name or name)
    profile = copy.deepcopy(base)
    profile["bundle"] = name
    claims = {k: v for k, (v, _) in supported(base).items()}
    overrides: dict[str, float] = {}
    omit: set[str] = set()
    for d in defects or []:
        for step in d["plant"]:
            op = step["op"]
            if op in ("set", "add"):
                for k, v in step[op].items():
                    set_path(profile, k, v, add=op == "add")
            elif op == "claim":
                claims[step["sub"]] = step["score"]
            elif op == "subtotal":
                overrides[str(step["group"])] = step["printed"]
            elif op == "omit_document":
                omit.add(step["kind"])
            else:
                raise ValueError(f"{d['id']}: unknown op {op}")
    bundle = Bundle(name, profile, base, claims, {}, omit, list(defects or []), producer)
    bundle.printed_subtotals = {
        g: overrides.get(g, bundle.subtotal_rows(g)) for g in ("1", "2", "3")
    }
    return bundle


@dataclass
class EvPage:
    """One evidence page (or a few, when ``blocks`` hold page breaks)."""

    title: str
    blocks: list[Any]


@dataclass
class Content:
    """What an S-item builder returns: the proposal body, the self-score reasons per
    sub-item, and its evidence pages."""

    body: list[Block | Any]
    reasons: dict[str, str]
    evidence: list[EvPage]


@dataclass
class Ctx:
    bundle: Bundle
    item: Item
    fx: FactBook

    @property
    def p(self) -> dict[str, Any]:
        return self.bundle.profile

    @property
    def f(self) -> dict[str, Any]:
        return self.bundle.profile["items"].get(self.item.s) or {}

    def fact(self, name: str, value: Any, text: str) -> str:
        return self.fx.key(f"{self.item.s}.{name}", self.item.s, value, text)

    @property
    def field(self) -> str:
        return str(self.p["field"])


def level_items(level: str) -> list[Item]:
    return [it for it in ITEMS if it.area == level_area(level)]
