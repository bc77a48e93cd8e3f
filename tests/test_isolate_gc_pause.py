"""Unpickling an extract runs with the collector paused (`isolate._GcPause`), and leaves it
as it found it, whichever of several threads ends last."""

from __future__ import annotations

import gc
import io
import pickle
from collections.abc import Iterator

import pytest

from smartcert.extractors import isolate


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


_SEEN: list[bool] = []


def _probe() -> str:
    _SEEN.append(gc.isenabled())
    return "probe"


class _Probe:
    """Unpickles as `_probe()`, noting whether the collector was on at that moment."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (_probe, ())


def test_recv_pauses_the_collector_and_turns_it_back_on(collector_on: None) -> None:
    _SEEN.clear()
    stream = io.BytesIO()
    isolate._send(stream, ["extract", _Probe()])
    stream.seek(0)
    assert isolate._recv(stream) == ["extract", "probe"]
    assert _SEEN == [False]  # off while unpickling
    assert gc.isenabled()


def test_overlapping_pauses_end_with_the_last(collector_on: None) -> None:
    pause = isolate._GcPause()
    first, second = pause(), pause()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second thread is still unpickling
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(collector_on: None) -> None:
    gc.disable()
    with isolate._GcPause()():
        pass
    assert not gc.isenabled()
    gc.enable()


def test_a_failed_unpickling_turns_the_collector_back_on(collector_on: None) -> None:
    stream = io.BytesIO()
    stream.write(isolate._HEADER.pack(3) + b"bad")
    stream.seek(0)
    with pytest.raises(pickle.UnpicklingError):
        isolate._recv(stream)
    assert gc.isenabled()
