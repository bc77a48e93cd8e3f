"""Workers started before the first document (`isolate.prestart`) are the ones that read
it: their imports overlap the command's own instead of following them."""

from __future__ import annotations

from pathlib import Path

from smartcert.extractors import isolate
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.limits import Limits

ROOT = Path(__file__).resolve().parents[1]
FORM = ROOT / "samples" / "bundles" / "nuri-hwp" / "1. 공모신청서_누리시.pdf"
# a memory limit no other test's workers have: this pool's workers are this test's own
SETTINGS = ExtractSettings(ocr=False, limits=Limits(doc_memory_mb=2_999))


def test_prestarted_workers_read_the_documents(started_workers: list[int]) -> None:
    from smartcert.extractors.api import extract_file

    assert isolate.prestart(SETTINGS.limits, 2) == 2
    assert isolate.prestart(SETTINGS.limits, 2) == 0  # two are there already
    assert len(started_workers) == 2
    started_workers.clear()
    first = extract_file(FORM, SETTINGS)
    second = extract_file(FORM, SETTINGS)
    assert first.status.value == "ok" and first.pages
    assert second.model_dump_json() == first.model_dump_json()
    assert started_workers == []  # both read by a worker started beforehand


def test_nothing_is_started_without_isolation() -> None:
    off = ExtractSettings(ocr=False, limits=Limits(isolate=False, doc_memory_mb=2_998))
    assert isolate.prestart(off.limits, 2) == 0
