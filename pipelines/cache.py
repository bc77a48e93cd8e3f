"""Extraction results kept by content: file sha256 + backend name and version + settings.

An unchanged file is never extracted twice, whatever its name or submission, across
runs and processes (each entry is written atomically; concurrent writers of one key
write the same bytes).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from pathlib import Path

from extractors.base import ExtractSettings
from extractors.models import DocumentExtract, MediaType
from extractors.registry import backend_for
from reports.jsonfile import write_model
from schemas.findings import Location


def _settings_digest(settings: ExtractSettings) -> str:
    return hashlib.sha256(repr(sorted(asdict(settings).items())).encode()).hexdigest()[:12]


class ExtractCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.hits = 0
        self.misses = 0

    def _path(self, sha256: str, media_type: MediaType, settings: ExtractSettings) -> Path:
        backend = backend_for(media_type)
        who = f"{backend.name}-{backend.version}" if backend else "none-1"
        return self.root / sha256[:2] / f"{sha256}-{who}-{_settings_digest(settings)}.json"

    def get(
        self, sha256: str, media_type: MediaType, settings: ExtractSettings, name: str
    ) -> DocumentExtract | None:
        path = self._path(sha256, media_type, settings)
        if not path.exists():
            self.misses += 1
            return None
        self.hits += 1
        return renamed(DocumentExtract.model_validate_json(path.read_bytes()), name)

    def put(self, doc: DocumentExtract, settings: ExtractSettings) -> None:
        write_model(doc, self._path(doc.sha256, doc.media_type, settings))


def renamed(doc: DocumentExtract, name: str) -> DocumentExtract:
    """The same content under another display name (another submission, another folder)."""
    if doc.file == name:
        return doc
    old = doc.file
    findings = [
        f.model_copy(update={"locations": [
            Location(**{**loc.model_dump(), "file": name}) if loc.file == old else loc
            for loc in f.locations
        ]})
        for f in doc.findings
    ]
    return doc.model_copy(update={"file": name, "findings": findings})
