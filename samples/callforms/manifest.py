"""The call-style test bed (manifest.yaml): bundles, their producer, city, filling styles
and planted defects (plant steps as in samples/planted: replace, duplicate_row)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from samples.callforms.style import Break, Style
from samples.planted.manifest import CATEGORIES, check_step

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.yaml"
BUNDLES = HERE / "bundles"
TRUTH = HERE / "truth"
SOURCES = HERE / "sources"  # the Word documents LibreOffice converted (not submitted)
Producer = Literal["libreoffice", "painter"]
STEP_OPS = {"replace", "duplicate_row", "profile"}


@dataclass(frozen=True)
class Defect:
    id: str
    category: str
    rule: str
    indicator: str | None  # None: an application-level defect (the applicant, its areas)
    description: str
    plant: tuple[dict[str, Any], ...]
    truth_value: int | float | bool | None = None  # the summary's value once planted
    sets_value: bool = False  # the plant changes the summary's primary value
    # how the defect must be reported: an error, or a warning where the call's rule needs
    # judgement (is a name related to 스마트도시?) and precision-first reports no error
    severity: Literal["error", "warning"] = "error"


@dataclass(frozen=True)
class CallBundle:
    name: str
    producer: Producer
    city: str  # a profile in samples/cities/
    style: Style
    styles: tuple[str, ...]  # the filling styles it shows, as listed in the manifest
    defects: tuple[Defect, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.defects


def _step(defect: str, step: dict[str, Any]) -> dict[str, Any]:
    op = step.get("op")
    if op not in STEP_OPS:  # content and profile edits only: the call-style bed adds no files
        raise ValueError(f"{defect}: unknown op {op!r}")
    check_step(defect, step)
    return dict(step)


def _defect(raw: dict[str, Any]) -> Defect:
    d = Defect(id=str(raw["id"]), category=str(raw["category"]), rule=str(raw["rule"]),
               indicator=None if raw["indicator"] is None else str(raw["indicator"]),
               description=str(raw["description"]),
               plant=tuple(_step(str(raw["id"]), s) for s in raw["plant"]),
               truth_value=raw.get("truth_value"), sets_value="truth_value" in raw,
               severity=raw.get("severity", "error"))  # fmt: skip
    if d.category not in CATEGORIES or not d.rule.startswith(d.category + "."):
        raise ValueError(f"{d.id}: rule {d.rule} is not in category {d.category}")
    if not d.plant:
        raise ValueError(f"{d.id}: no plant steps")
    if d.severity not in ("error", "warning"):
        raise ValueError(f"{d.id}: severity {d.severity!r} is neither error nor warning")
    return d


def _style(raw: dict[str, Any]) -> Style:
    breaks = tuple(Break(**b) for b in raw.pop("breaks", []))
    feet = tuple(raw.pop("foot_headings", []))
    return Style(breaks=breaks, foot_headings=feet, **raw)


def load(path: Path = MANIFEST) -> list[CallBundle]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if raw.get("format_version") != 1:
        raise ValueError(f"{path}: unsupported format_version")
    bundles = [
        CallBundle(name=b["name"], producer=b["producer"], city=b["city"],
                   style=_style(dict(b["style"])), styles=tuple(b["styles"]),
                   defects=tuple(_defect(d) for d in b.get("defects") or []))
        for b in raw["bundles"]
    ]  # fmt: skip
    ids = [d.id for b in bundles for d in b.defects]
    if len(ids) != len(set(ids)) or len({b.name for b in bundles}) != len(bundles):
        raise ValueError(f"{path}: bundle names or defect ids repeat")
    for b in bundles:
        if b.producer not in ("libreoffice", "painter"):
            raise ValueError(f"{b.name}: unknown producer {b.producer}")
        if list(b.styles) != b.style.features():
            raise ValueError(f"{b.name}: styles {list(b.styles)} != {b.style.features()}")
    return bundles
