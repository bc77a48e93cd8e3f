"""Every rule set's program markers (`documents.yaml` `program_name`, `markers[].text`),
whatever the program's shape (a city call, a service call): what the mapping needs to tell
a bundle of one program from another's by content (schemas/mapping/programs.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from smartcert.schemas.catalogue.read import RULESETS_DIR

DOCUMENTS_FILE = "documents.yaml"


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
    """The rule sets that declare markers, in folder order."""
    out = []
    for folder in sorted(p for p in RULESETS_DIR.iterdir() if p.is_dir()):
        path = folder / DOCUMENTS_FILE
        if not path.is_file():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        words = tuple(str(m["text"]) for m in data.get("markers") or () if isinstance(m, dict))
        if words:
            out.append(ProgramMarkers(folder.name, str(data.get("program_name") or ""), words))
    return tuple(out)
