"""The call's checkable requirements and what smartcert does with each (`requirements.yaml`
of a rule set): the traceability table behind docs/requirements.md.

A requirement is a sentence of the call a pre-committee check could verify, with its place
in the seed (section, lines) and one status:

    checked        rule ids that report a breach of it (validators, mapping, intake rules)
    applied        the project applies it rather than checks it (scoring, renewals): `where`
    aid            shown to evaluators beside the claim, not judged: `where`
    not-checkable  a bundle cannot show it (an arrival time, an on-site inspection): `why`
    open           checkable from documents but not checked yet: `why`

`entries` names the indicators.yaml `rules:` entries ('B-3-2.services_from') the
requirement covers; tests/test_requirements.py holds every entry to a requirement and every
`checked` entry to code that reads it.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

import yaml
from pydantic import Field, model_validator

from smartcert.schemas.catalogue.base import CatalogueError, CatalogueModel
from smartcert.schemas.catalogue.read import RULESETS_DIR

REQUIREMENTS_FILE = "requirements.yaml"
_ENTRY = re.compile(r"^[A-C]-\d+-\d+\.[a-z0-9_]+$")


class Status(StrEnum):
    CHECKED = "checked"
    APPLIED = "applied"
    AID = "aid"
    NOT_CHECKABLE = "not-checkable"
    OPEN = "open"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {Status.CHECKED: "검사함", Status.APPLIED: "적용함", Status.AID: "평가 보조",
           Status.NOT_CHECKABLE: "문서로 확인 불가", Status.OPEN: "미구현"}


class Section(CatalogueModel):
    id: str  # '1.1'
    title: str


class Requirement(CatalogueModel):
    id: str = Field(pattern=r"^[A-Z]\d+[a-z]?$")  # 'E1', 'I21'
    section: str
    text: str  # what the call requires, in its own words where possible
    lines: list[int] = Field(min_length=1)  # line numbers of the seed file
    status: Status
    rules: list[str] = Field(default_factory=list)
    where: str | None = None
    why: str | None = None
    entries: list[str] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _status_says_how(self) -> Requirement:
        need = {Status.CHECKED: ("rules", self.rules), Status.APPLIED: ("where", self.where),
                Status.AID: ("where", self.where), Status.NOT_CHECKABLE: ("why", self.why),
                Status.OPEN: ("why", self.why)}[self.status]
        if not need[1]:
            raise ValueError(f"{self.id}: status {self.status.value} needs `{need[0]}`")
        if self.status is not Status.CHECKED and self.rules:
            raise ValueError(f"{self.id}: only a checked requirement lists rules")
        bad = [e for e in self.entries if not _ENTRY.match(e)]
        if bad:
            raise ValueError(f"{self.id}: entries must read '<code>.<rule id>': {bad}")
        return self


class Requirements(CatalogueModel):
    seed: str  # the seed file the line numbers refer to
    sections: list[Section]
    requirements: list[Requirement]

    @model_validator(mode="after")
    def _consistent(self) -> Requirements:
        ids = [r.id for r in self.requirements]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        known = {s.id for s in self.sections}
        stray = sorted({r.section for r in self.requirements} - known)
        if dup or stray:
            raise ValueError(f"duplicate ids {dup}; unknown sections {stray}")
        return self

    def by_status(self) -> dict[Status, list[Requirement]]:
        return {s: [r for r in self.requirements if r.status is s] for s in Status}


def load_requirements(ruleset: str) -> Requirements:
    """The rule set's requirements table; CatalogueError when it is missing or broken."""
    path = RULESETS_DIR / ruleset / REQUIREMENTS_FILE
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return Requirements.model_validate(data)
    except (OSError, yaml.YAMLError, ValueError) as e:
        raise CatalogueError(ruleset, [f"{REQUIREMENTS_FILE}: {e}"]) from e
