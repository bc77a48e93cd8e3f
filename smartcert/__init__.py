"""smartcert: pre-review checks for Korean Smart City Certification submissions."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # looked up when asked: importlib.metadata costs every process (the command and each
    # extraction worker) ~20 ms at start
    if name != "__version__":
        raise AttributeError(f"module 'smartcert' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("smartcert")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0.0.0"
