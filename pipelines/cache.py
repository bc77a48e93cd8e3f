"""Extraction results kept by content: file sha256 + backend name and version + settings.

An unchanged file is never extracted twice, whatever its name or submission, across
runs and processes (each entry is written atomically; concurrent writers of one key
write the same bytes). The key is the store's (`store.versions`), so the file cache and
the database agree on what 'the same extraction' is.
"""

from __future__ import annotations

from pathlib import Path

from smartcert.core.files.media import MediaType
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract
from smartcert.reports.jsonfile import write_model
from smartcert.store.extracts import renamed
from smartcert.store.versions import backend_of, settings_digest


class ExtractCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.hits = 0
        self.misses = 0

    def _path(self, sha256: str, media_type: MediaType, settings: ExtractSettings) -> Path:
        backend, version = backend_of(media_type)
        return self.root / sha256[:2] / f"{sha256}-{backend}-{version}-{settings_digest(settings)}.json"

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
