"""What produced a stored row: the project's version and the extraction settings' digest."""

from __future__ import annotations

import hashlib
from dataclasses import asdict

from smartcert.core.files.media import MediaType
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.registry import backend_for


def settings_digest(settings: ExtractSettings) -> str:
    """Which settings an extraction was made with (the file cache `pipelines.cache` keys
    its entries the same way)."""
    return hashlib.sha256(repr(sorted(asdict(settings).items())).encode()).hexdigest()[:12]


def backend_of(media_type: MediaType) -> tuple[str, str]:
    """Backend name and version that reads this media type ('none', '1' when none does),
    as `pipelines.cache` names its entries."""
    backend = backend_for(media_type)
    return (backend.name, backend.version) if backend else ("none", "1")
