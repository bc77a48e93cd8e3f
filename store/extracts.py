"""The store as a cross-process extraction cache, with the interface of
`pipelines.cache.ExtractCache` (get/put, hits/misses), so a flow can use either."""

from __future__ import annotations

from typing import TYPE_CHECKING

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract

if TYPE_CHECKING:
    from smartcert.store.api import Store


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


class StoreExtractCache:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.hits = 0
        self.misses = 0

    def get(self, sha256: str, media_type: MediaType, settings: ExtractSettings,
            name: str) -> DocumentExtract | None:
        doc = self.store.get_extract(sha256, media_type, settings, name)
        if doc is None:
            self.misses += 1
        else:
            self.hits += 1
        return doc

    def put(self, doc: DocumentExtract, settings: ExtractSettings) -> None:
        self.store.save_extract(doc, settings)
