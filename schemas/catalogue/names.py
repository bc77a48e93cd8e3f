"""How a printed indicator name is looked up: its match keys, and the fuzzy-matching hook."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol

from smartcert.core.normalize import match_key

# a trailing period or basis in parentheses: ('23~'24년), (2년간), (현재 기준), ('25~'26년)
_PERIOD_PAREN = re.compile(r"\((?:[^()]*\d[^()]*년[^()]*|[^()]*년간|[^()]*기준)\)")


def name_keys(text: str) -> set[str]:
    """Keys a printed name is looked up by: the match key, and the same without a
    parenthesised period ("('23~'24년)") that forms add to the summary-table wording."""
    key = match_key(text)
    return {k for k in (key, _PERIOD_PAREN.sub("", key)) if k}


class NameMatcher(Protocol):
    """Hook for fuzzy matching: given a key and the catalogue's keys → codes, return codes."""

    def __call__(self, key: str, candidates: Mapping[str, tuple[str, ...]]) -> list[str]: ...
