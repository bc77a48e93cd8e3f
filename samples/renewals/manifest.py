"""The renewal-sample manifest (manifest.yaml): planted-format bundles that carry a
registry city's identity, the registry row they stand for and the facts to read back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from samples.planted.manifest import PlantedBundle
from samples.planted.manifest import load as load_planted

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.yaml"
BUNDLES = HERE / "bundles"
EXPECT_KEYS = {"applicant", "kind", "city_type", "population"}


@dataclass(frozen=True)
class Expected:
    """Applicant facts the pipeline must read from the rendered bundle."""

    applicant: str
    kind: str
    city_type: str
    population: int


@dataclass(frozen=True)
class RenewalBundle:
    bundle: PlantedBundle  # rendered by samples.planted.render
    registry: str  # row id in renewals/data/registry.yaml, e.g. "2024:경기 오산시"
    expect: Expected

    @property
    def name(self) -> str:
        return self.bundle.name


def _expected(name: str, raw: dict[str, object]) -> Expected:
    if set(raw) != EXPECT_KEYS:
        raise ValueError(f"{name}: expect needs exactly {sorted(EXPECT_KEYS)}, got {sorted(raw)}")
    return Expected(str(raw["applicant"]), str(raw["kind"]), str(raw["city_type"]),
                    int(str(raw["population"])))


def load(path: Path = MANIFEST) -> list[RenewalBundle]:
    """The planted loader reads the bundles; this adds the renewal keys and checks that the
    profile changes print what `expect` says."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["bundles"]
    planted = load_planted(path)
    out = []
    for b, entry in zip(planted, raw, strict=True):
        expect = _expected(b.name, entry["expect"])
        changed = b.profile.get("set", {})
        if changed.get("name") != expect.applicant:
            raise ValueError(f"{b.name}: profile name is not {expect.applicant}")
        if int(changed.get("population", {}).get("2024-12", -1)) != expect.population:
            raise ValueError(f"{b.name}: profile population.2024-12 is not {expect.population}")
        out.append(RenewalBundle(bundle=b, registry=str(entry["registry"]), expect=expect))
    return out
