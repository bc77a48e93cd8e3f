"""The smart city service certifications (스마트도시 서비스 인증): which service was certified
when, held by whom, under which call — and when its 2-year re-review (재검토) falls due.

    reg = load_service_registry()            # renewals/data/services.yaml, validated
    cert = reg.get("2022:스마트 시티패스")
    reg.expiry(cert)                         # ExpiryWindow(2024-09-29 … 2024-09-29, ...)

A service is known by its name, not by its holder: one company may hold several services,
and a 협의체 is several holders. Every row cites the seed line that lists it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field

from smartcert.renewals.registry import (
    CertificationBase,
    RegistryBase,
    parse_rows,
    read_yaml,
)

SERVICE_REGISTRY_FILE = Path(__file__).resolve().parent / "data" / "services.yaml"


class ServiceCertification(CertificationBase):
    """One certified service."""

    service: str  # the service's name as the seed prints it
    holder: str | None = None  # who applied, as printed ("부천시 협의체"); None: not printed
    partners: list[str] = Field(default_factory=list)  # others the seed names as developing it with the holder
    field: str  # 인증 분야 as printed (교통, 환경·에너지)
    level: str | None = None  # L1/L2/L3 when printed


class ServiceRegistry(RegistryBase[ServiceCertification]):
    """The certified services (renewals/data/services.yaml)."""

    def by_name(self, name: str) -> list[ServiceCertification]:
        """Rows of the service called `name` (spacing and case aside), oldest first."""
        key = _key(name)
        return sorted((c for c in self.certifications if _key(c.service) == key),
                      key=lambda c: c.year)


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


def load_service_registry(path: Path = SERVICE_REGISTRY_FILE) -> ServiceRegistry:
    """Read and check the service registry; raises RegistryError naming every problem."""
    return parse_service_registry(read_yaml(path), path.name)


def parse_service_registry(data: Any, source: str = "<data>") -> ServiceRegistry:
    from smartcert.renewals.registry_checks import check_common

    def check(reg: ServiceRegistry) -> list[str]:
        return check_common(reg, "service", {c.id: c.service for c in reg.certifications})

    return parse_rows(data, source, ServiceRegistry, ServiceCertification, check)
