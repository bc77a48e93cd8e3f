"""The certification registry: which municipality was certified when, how, under which call.

    reg = load_registry()                      # renewals/data/registry.yaml, validated
    cert = reg.get("2023:대전광역시")
    reg.chain(cert)                            # [2021:대전광역시, 2023:대전광역시]
    reg.expiry(cert)                           # ExpiryWindow(2025-01-01 … 2025-12-31, 'year')

The data is transcribed from the seeds; every row cites its seed line (`sources`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

REGISTRY_FILE = Path(__file__).resolve().parent / "data" / "registry.yaml"

# Only grades 1–3 are ever certified: 002 line 116 "그 중 1,2,3 등급까지 인증 부여"
# (지침 II.2025년 공모계획(안) > 평가내용 > 인증부여); the 2021 release says the same (001 line 112).
CERTIFIED_GRADES = (1, 2, 3)
APPLICANT_TYPES = ("대도시", "중소도시")  # 000 lines 220–251; 004 line 13 (인구 50만 기준)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Kind(StrEnum):
    FIRST = "first"  # listed as the year's certification, 신규인증 or 추가인증
    RENEWAL = "renewal"  # 재인증: the same certification kept after two years
    UPGRADE = "upgrade"  # a new certification at a higher grade (서울특별시(등급 상향), 2023)


class SourceRef(_Model):
    """Where a fact is printed: seed file, 1-based line (to `end_line` when wrapped), words."""

    seed: str
    line: int = Field(ge=1)
    end_line: int | None = None
    quote: str = Field(min_length=1)

    def cite(self) -> str:
        lines = f"{self.line}" if self.end_line is None else f"{self.line}–{self.end_line}"
        return f"{self.seed}:{lines} \u201c{self.quote}\u201d"


class ExpiryWindow(_Model):
    """When a certification's validity ends: one day when the date is known, else a range."""

    earliest: date
    latest: date
    basis: Literal["printed", "certified_on", "year"]

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest


class CertificationBase(_Model):
    """What every certification row holds, whichever program certified it."""

    id: str  # "<year>:<holder>" — the municipality, or the service's name
    year: int
    kind: Kind
    listed_as: str  # the seed's heading: "2021년(8곳)", "신규인증(7곳)", "재인증(7곳)" …
    previous: str | None = None  # id of the certification this one renews or upgrades
    ruleset: str  # the call certified under, e.g. "city-2023" (need not be loadable)
    certified_on: date | None = None
    announced_on: date | None = None
    valid_until: date | None = None  # only when printed; else see Registry.expiry
    sources: list[SourceRef] = Field(min_length=1)
    notes: list[str] = Field(default_factory=list)

    @property
    def label(self) -> str:
        """The name the row is known by (its id without the year)."""
        return self.id.split(":", 1)[-1]


class Certification(CertificationBase):
    """A municipality's smart city certification."""

    municipality: str  # as the seed list prints it ("경기 부천시")
    applicant_type: str  # 대도시 / 중소도시 as printed
    grade: int | None = None


class Validity(_Model):
    years: int = Field(ge=1)
    sources: list[SourceRef]
    clause: str
    end_rule: str


class Total(_Model):
    what: str
    value: int
    source: SourceRef


class Discrepancy(_Model):
    id: str
    text: str
    resolution: str


class Covers(_Model):
    from_year: int
    to_year: int


class Header(_Model):
    format_version: int
    title: str
    covers: Covers
    seeds: dict[str, str]
    validity: Validity
    totals: list[Total] = Field(default_factory=list)
    discrepancies: list[Discrepancy] = Field(default_factory=list)


C = TypeVar("C", bound=CertificationBase)


class RegistryBase(Header, Generic[C]):
    """Rows of one program with the validity rule that ends them; the lookups are the same
    for cities and services."""

    certifications: list[C]

    def get(self, cert_id: str) -> C | None:
        return next((c for c in self.certifications if c.id == cert_id), None)

    def by_year(self) -> dict[int, list[C]]:
        out: dict[int, list[C]] = {}
        for c in sorted(self.certifications, key=lambda c: c.year):
            out.setdefault(c.year, []).append(c)
        return out

    def successor(self, cert: C) -> C | None:
        """The renewal or upgrade of `cert`, if the registry has one."""
        return next((c for c in self.certifications if c.previous == cert.id), None)

    def chain(self, cert: C) -> list[C]:
        """`cert` and what it renews or upgrades, oldest first."""
        out = [cert]
        while out[0].previous is not None:
            prev = self.get(out[0].previous)
            if prev is None or prev in out:  # the loader rejects both; never loop
                break
            out.insert(0, prev)
        return out

    def renewals_since_certification(self, cert: C) -> int:
        """Renewals in a row ending at `cert` since its last first or upgraded certification:
        an upgrade counts as a new certification (002 line 132, 현행기준 적용)."""
        count = 0
        for c in reversed(self.chain(cert)):
            if c.kind is not Kind.RENEWAL:
                break
            count += 1
        return count

    def expiry(self, cert: C) -> ExpiryWindow:
        """When `cert` stops being valid, from the validity rule (`validity`) when not printed."""
        if cert.valid_until is not None:
            return ExpiryWindow(earliest=cert.valid_until, latest=cert.valid_until,
                                basis="printed")
        years = self.validity.years
        if cert.certified_on is not None:
            end = _add_years(cert.certified_on, years)
            return ExpiryWindow(earliest=end, latest=end, basis="certified_on")
        y = cert.year + years
        return ExpiryWindow(earliest=date(y, 1, 1), latest=date(y, 12, 31), basis="year")


class Registry(RegistryBase[Certification]):
    """The municipalities' certifications (renewals/data/registry.yaml)."""


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February → 28 February
        return d.replace(year=d.year + years, day=28)


class RegistryError(Exception):
    """The registry data is broken; `problems` lists every problem found."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"registry {source}: {len(self.problems)} problem(s)\n{lines}")


def load_registry(path: Path = REGISTRY_FILE) -> Registry:
    """Read and check the registry; raises RegistryError naming every problem."""
    return parse_registry(read_yaml(path), path.name)


def read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise RegistryError(path.name, [f"cannot read: {e}"]) from e


def parse_registry(data: Any, source: str = "<data>") -> Registry:
    """Validate already-parsed YAML (a mapping); every row is checked on its own."""
    from smartcert.renewals.registry_checks import check_registry  # checks import the models

    return parse_rows(data, source, Registry, Certification, check_registry)


R = TypeVar("R", bound=RegistryBase[Any])


def parse_rows(data: Any, source: str, registry_cls: type[R], row_cls: type[CertificationBase],
               check: Callable[[R], list[str]]) -> R:
    """A registry of `registry_cls` from parsed YAML: header, then each row on its own, then
    the cross-row `check`; RegistryError names every problem found."""
    if not isinstance(data, dict):
        raise RegistryError(source, ["not a mapping"])
    problems: list[str] = []
    rows = data.get("certifications")
    if not isinstance(rows, list):
        problems.append("certifications: missing or not a list")
        rows = []
    header: Header | None = None
    try:
        header = Header.model_validate({k: v for k, v in data.items() if k != "certifications"})
    except ValidationError as e:
        problems += [f"header: {_error_text(err)}" for err in e.errors()]
    certs: list[CertificationBase] = []
    for i, row in enumerate(rows):
        label = row.get("id", f"row {i + 1}") if isinstance(row, dict) else f"row {i + 1}"
        try:
            certs.append(row_cls.model_validate(row))
        except ValidationError as e:
            problems += [f"{label}: {_error_text(err)}" for err in e.errors()]
    if header is None:
        raise RegistryError(source, problems)
    registry = registry_cls(**dict(header), certifications=certs)
    problems += check(registry)
    if problems:
        raise RegistryError(source, problems)
    return registry


def _error_text(err: Any) -> str:
    where = ".".join(str(p) for p in err.get("loc", ()))
    return f"{where}: {err.get('msg', '')}" if where else str(err.get("msg", ""))
