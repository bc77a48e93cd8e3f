"""The certification registry's rows of a submission's applicant, for the validators
(`CheckContext.certifications`): the registry lives in the renewals layer, which the
validators may not import."""

from __future__ import annotations

from smartcert.core.normalize import match_key
from smartcert.renewals.policy import default_registry
from smartcert.renewals.registry import Certification, RegistryError
from smartcert.renewals.revalidate import applicant_name
from smartcert.schemas.certifications import RegisteredCertification, RegistryRecords

# '서울특별시' and '서울시' name the same city; the registry prints the former
_FORMAL = (("특별자치시", "시"), ("특별자치도", "도"), ("특별시", "시"), ("광역시", "시"))


def name_key(name: str) -> str:
    """'경기 부천시' and '부천시' → '부천시'; '서울특별시' and '서울시' → '서울시'."""
    words = name.split()
    last = match_key(words[-1]) if words else ""
    for formal, plain in _FORMAL:
        if last.endswith(formal) and len(last) > len(formal):
            return last[: -len(formal)] + plain
    return last


def registry_records(applicant: str | None) -> RegistryRecords | None:
    """The registry's certifications of `applicant` (none: an empty tuple); None when there
    is no applicant name or the registry cannot be read."""
    if not applicant or not applicant.strip():
        return None
    try:
        registry = default_registry()
    except RegistryError:
        return None
    key = name_key(applicant)
    rows = [c for c in registry.certifications if name_key(applicant_name(c)) == key]
    return RegistryRecords(covers_from=registry.covers.from_year,
                           covers_to=registry.covers.to_year,
                           records=tuple(_record(c) for c in rows))


def _record(c: Certification) -> RegisteredCertification:
    return RegisteredCertification(id=c.id, municipality=c.municipality, year=c.year,
                                   kind=c.kind.value, grade=c.grade,
                                   applicant_type=c.applicant_type)
