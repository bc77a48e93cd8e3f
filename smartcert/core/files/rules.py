"""The file rule both intake and the extractors raise: they do not import each other, so
it lives on the ground floor, next to the sniffing that tells an empty file."""

from __future__ import annotations

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec

EMPTY_FILE = RuleSpec(
    "intake.empty-file", Severity.ERROR, "'{member}'은(는) 크기가 0바이트인 빈 파일입니다")


def empty_file(name: str) -> Finding:
    """The finding for an empty file, located at its display name."""
    return EMPTY_FILE.finding(member=name, claimed="0바이트", locations=[Location(file=name)])
