"""Native HWP 5 / HWPX reading (rhwp-python): see `backend.py`."""

from smartcert.extractors.hwp.backend import HwpBackend

__all__ = ["HwpBackend"]
