"""How listed items are compared across lists: names on a normalised key (their dates are
compared with `window.item_when` and `window.overlap`)."""

from __future__ import annotations

import re

from smartcert.core.normalize import match_key

_NOT_WORD = re.compile(r"[\W_]+")


def name_key(text: str | None) -> str:
    """'「스마트 리빙랩」 운영' and '스마트리빙랩 운영' share a key: NFKC, no spaces, no
    punctuation or brackets, lower case."""
    return _NOT_WORD.sub("", match_key(text or "")).lower()
