"""Every rule set's program markers (`documents.yaml` `program_name`, `markers[].text`),
whatever the program's shape (a city call, a service call): what the mapping needs to tell
a bundle of one program from another's by content (schemas/mapping/programs.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from smartcert.schemas.catalogue.programs import available_programs, load_program


@dataclass(frozen=True)
class ProgramMarkers:
    ruleset: str  # 'service-2023'
    name: str  # '스마트도시서비스 인증'
    markers: tuple[str, ...]

    @property
    def label(self) -> str:
        """'스마트도시서비스 인증(service-2023)', as findings name a program."""
        return f"{self.name}({self.ruleset})" if self.name else self.ruleset


@cache
def program_markers() -> tuple[ProgramMarkers, ...]:
    """The shipped rule sets that declare markers, in id order, each read through its own
    loader (validated: markers are a model's field, not raw YAML)."""
    out = []
    for rid in sorted(available_programs()):
        docs = load_program(rid).documents
        if docs is not None and docs.markers:
            out.append(ProgramMarkers(rid, docs.program_name, tuple(m.text for m in docs.markers)))
    return tuple(out)
