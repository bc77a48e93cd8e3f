"""The shared check of the rules that read a word list of an indicator's `rules:` entry:
an item none of whose decisive columns carries one of the entry's words.

A rule names the entry ids it reads (`kinds`); every indicator with such an entry is checked,
so another indicator is a rule-set change. The entry's params: `keywords` (the words
sought) and `read` (the catalogue field roles whose cells decide, default the name).
Rows listed under one name (the same living lab on several dates) make one finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from smartcert.core.findings import Finding
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.exclusion_words import (
    entries,
    grouped,
    has_any,
    item_list,
    items,
    quoted,
    role_texts,
    where,
    words,
)


class KeywordEntryRule(Rule):
    """Template fields: code, item, rows (' (3행)' or ''), words, rule (the entry's text),
    where ('A-1-2 분석자료')."""

    kinds: ClassVar[frozenset[str]]

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            for ind, entry in entries(ctx.ruleset, claim.code, self.kinds):
                sought = words(entry, "keywords")
                roles = words(entry, "read") or ["name"]
                if not sought:
                    continue
                lacking = [it for it in items(claim)
                           if not any(has_any(t, sought)
                                      for t in role_texts(it, item_list(ind, it), roles))]
                for g in grouped(lacking):
                    yield self.finding(
                        indicator=claim.code, code=claim.code, item=g.label, rows=g.rows_note,
                        words=quoted(sought), rule=entry.text, where=where(claim.code, entry),
                        claimed=g.label, expected=f"{entry.text} ({entry.clause})",
                        locations=[loc for loc in g.locations if loc] or [claim.form_source])
