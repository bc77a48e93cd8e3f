"""An HWP/HWPX document and its PDF export in one bundle: the same document twice.

Municipalities write in 한글 and e-mail what they wrote (공고 3. 신청방법: "전자문서로 공문
제출하고 … 이메일 제출"), often the .hwp/.hwpx beside the PDF they exported from it. Read
as two documents, the pair would be classified twice (one of them demoted to evidence,
where its pages would pass for 근거자료 pages) and mapped twice.

    find_twins(docs) → [Twin(native=….hwpx, pdf=….pdf, similarity=0.80, same_name=True)]

A pair is decided by content: the text of both (spans and table cells, whitespace removed)
cut into character 6-grams, and their Jaccard overlap. A Hancom export keeps the text as
typed, so twins share most 6-grams (0.74–0.84 on the real Hancom pairs, 0.80 on the
samples) while two documents of one bundle that merely share a form, or the 근거자료 that
repeats the proposal's items, stay far below (≤ 0.35 on the samples). A shared file stem
lowers the bar a little; a name alone never pairs two files.

Which member is read follows from what the document is for (`Pair.read`): the native one,
whose grid and numbers are exact, except for the 근거자료, whose page numbers — the ones the
요약표 cites — are the PDF's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from smartcert.core.files.media import MediaType
from smartcert.core.normalize import match_key
from smartcert.extractors.models import DocumentExtract, DocumentStatus
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import DocumentKind
from smartcert.schemas.mapping.classify import Classification, classify

NATIVE = (MediaType.HWP, MediaType.HWPX)
_READ = (DocumentStatus.OK, DocumentStatus.PARTIAL)
GRAM = 6
# Jaccard of the 6-gram sets: content alone / with the same file stem
MIN_SIMILARITY = 0.6
MIN_SIMILARITY_SAME_NAME = 0.5
# the kinds whose page numbers are cited by other documents: read from the PDF
PDF_PAGED = (DocumentKind.EVIDENCE,)


@dataclass(frozen=True)
class Twin:
    native: DocumentExtract
    pdf: DocumentExtract
    similarity: float  # Jaccard of the two texts' 6-grams
    same_name: bool  # the file stems agree (whitespace and case aside)


@dataclass(frozen=True)
class Pair:
    """A twin with the kind its native member was classified as."""

    twin: Twin
    kind: DocumentKind

    @property
    def read(self) -> DocumentExtract:
        """The member the claims are read from."""
        return self.twin.pdf if self.kind in PDF_PAGED else self.twin.native

    @property
    def aside(self) -> DocumentExtract:
        """The member only compared with the one read (and listed)."""
        return self.twin.native if self.kind in PDF_PAGED else self.twin.pdf


def grams(doc: DocumentExtract) -> frozenset[str]:
    """The document's text (spans, then table cells) as a set of character 6-grams."""
    parts = [s.text for s in doc.spans] + [c.text for t in doc.tables for c in t.cells]
    text = match_key(" ".join(parts))
    return frozenset(text[i:i + GRAM] for i in range(len(text) - GRAM + 1))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _stem(file: str) -> str:
    return match_key(PurePosixPath(file).stem).lower()


def _candidates(docs: Iterable[DocumentExtract], media: Iterable[MediaType]) -> list[DocumentExtract]:
    wanted = set(media)
    return [d for d in docs if d.media_type in wanted and d.status in _READ]


def find_twins(docs: list[DocumentExtract]) -> list[Twin]:
    """Each HWP/HWPX document paired with the PDF that is its export, best matches first
    taken; a document is in at most one pair."""
    natives = _candidates(docs, NATIVE)
    pdfs = _candidates(docs, (MediaType.PDF,))
    if not natives or not pdfs:
        return []
    keys = {d.file: grams(d) for d in [*natives, *pdfs]}
    options: list[Twin] = []
    for n in natives:
        for p in pdfs:
            same = _stem(n.file) == _stem(p.file)
            score = similarity(keys[n.file], keys[p.file])
            if score >= (MIN_SIMILARITY_SAME_NAME if same else MIN_SIMILARITY):
                options.append(Twin(native=n, pdf=p, similarity=round(score, 3), same_name=same))
    options.sort(key=lambda t: (t.similarity, t.same_name), reverse=True)
    taken: set[str] = set()
    out: list[Twin] = []
    for t in options:
        if t.native.file not in taken and t.pdf.file not in taken:
            taken |= {t.native.file, t.pdf.file}
            out.append(t)
    order = {d.file: i for i, d in enumerate(docs)}
    return sorted(out, key=lambda t: order[t.native.file])


def settle(twins: list[Twin], kinds: dict[str, Classification], ruleset: RuleSet) -> list[Pair]:
    """Each twin with its native member's kind (`kinds` holds the natives, classified with
    the rest of the bundle); the PDF member is given the same kind in `kinds`, with its
    own signals kept for the log."""
    pairs = []
    for t in twins:
        mine = kinds[t.native.file]
        own = classify(t.pdf, ruleset)
        why = (f"PDF export of '{t.native.file}' (6-gram Jaccard {t.similarity:g}"
               f"{', same name' if t.same_name else ''}): takes its kind {mine.kind.value}")
        kinds[t.pdf.file] = Classification(kind=mine.kind, score=mine.score,
                                           reasons=[*own.reasons, why], points=own.points)
        pairs.append(Pair(twin=t, kind=mine.kind))
    return pairs
