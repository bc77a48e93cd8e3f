"""Loading rhwp-python, the HWP 5 / HWPX parser and renderer the backend is built on.

Its wheel links a FreeType that expects the system's to be loaded already: without it
the import fails with an undefined symbol. So the system library is loaded into the
global namespace first, here, in code — never by asking users for LD_PRELOAD.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from types import ModuleType

_FREETYPE = ("libfreetype.so.6", "libfreetype.so")


class HwpLibraryMissing(ImportError):
    """rhwp-python, or the system FreeType it needs, is not installed."""


@cache
def rhwp() -> ModuleType:
    """The imported `rhwp` module (once per process)."""
    candidates = [*_FREETYPE]
    found = ctypes.util.find_library("freetype")
    if found:
        candidates.insert(0, found)
    for name in candidates:
        try:
            ctypes.CDLL(name, mode=ctypes.RTLD_GLOBAL)
            break
        except OSError:
            continue
    else:
        raise HwpLibraryMissing("rhwp-python needs the system FreeType (Debian: libfreetype6)")
    try:
        import rhwp as module
    except ImportError as exc:
        raise HwpLibraryMissing(f"rhwp-python cannot be imported: {exc}") from exc
    return module


def library_version() -> str:
    try:
        return str(rhwp().version())
    except HwpLibraryMissing:
        return "unavailable"


def is_panic(exc: BaseException) -> bool:
    """A Rust panic surfaced by PyO3 (`pyo3_runtime.PanicException`, a BaseException):
    the parser met bytes it could not handle — bad data, not a bug of ours."""
    return type(exc).__name__ == "PanicException"
