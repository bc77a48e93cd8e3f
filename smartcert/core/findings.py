"""Findings and locations, exactly as `findings-contract.md` (schema_version 1) describes.

Other tools read these fields: add fields freely, never rename or remove them.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
)

SCHEMA_VERSION = 1


class Category(StrEnum):
    """The nine finding categories of the contract; a rule id starts with one of them."""

    INTAKE = "intake"
    COMPLETENESS = "completeness"
    ARITHMETIC = "arithmetic"
    CONSISTENCY = "consistency"
    PERIOD = "period"
    EVIDENCE = "evidence"
    DUPLICATE = "duplicate"
    EXCLUSION = "exclusion"
    ELIGIBILITY = "eligibility"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


BBox = tuple[float, float, float, float]
"""PDF points, top-left origin: (x0, top, x1, bottom) — pdfplumber's convention."""


class Location(BaseModel):
    """Where a reviewer can see something: a page region of a file, or a spreadsheet cell."""

    model_config = ConfigDict(frozen=True)

    file: str
    page: int | None = Field(default=None, ge=1)
    bbox: BBox | None = None
    sheet: str | None = None
    cell: str | None = None
    # The same place in the document's twin: a value read from an HWP/HWPX file keeps where
    # its PDF export (the file the committee reads) prints it. Written only when set, so a
    # location without a twin serialises exactly as before.
    twin: Location | None = None

    @field_validator("bbox")
    @classmethod
    def _round_bbox(cls, v: BBox | None) -> BBox | None:
        # two decimals are far below a glyph's size and keep findings.json stable across runs
        return None if v is None else tuple(round(float(x), 2) for x in v)  # type: ignore[return-value]

    @model_serializer(mode="wrap")
    def _omit_absent_twin(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        data = handler(self)
        if self.twin is None:
            data.pop("twin", None)
        return data


class Finding(BaseModel):
    rule: str = Field(pattern=r"^[a-z]+\.[a-z0-9][a-z0-9\-]*$")
    category: Category
    severity: Severity
    indicator: str | None = None
    message: str
    claimed: str | None = None
    expected: str | None = None
    locations: list[Location] = Field(default_factory=list)

    @field_validator("category")
    @classmethod
    def _category_matches_rule(cls, v: Category, info) -> Category:  # type: ignore[no-untyped-def]
        rule = info.data.get("rule")
        if rule and rule.split(".", 1)[0] != v.value:
            raise ValueError(f"rule {rule!r} is not in category {v.value!r}")
        return v
