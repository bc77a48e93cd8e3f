"""From extracted documents to claims: classify each document, then one mapper per kind.

`map_submission` only wires the mappers together; each mapper reads `DocumentExtract`s,
never files, and reports what it cannot read as findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from smartcert.core.findings import Finding, Location
from smartcert.core.rulespec import RuleSpec
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.markers import ProgramMarkers, program_markers
from smartcert.schemas.claims import Document, DocumentKind, Purpose, Submission
from smartcert.schemas.mapping.application import map_application
from smartcert.schemas.mapping.application_history import override_purpose
from smartcert.schemas.mapping.classify import Classification, classify_bundle
from smartcert.schemas.mapping.document_parts import evidence_parts, proposal_parts
from smartcert.schemas.mapping.forms import map_forms
from smartcert.schemas.mapping.programs import ProgramHit, Routing, route
from smartcert.schemas.mapping.qualitative import map_qualitative
from smartcert.schemas.mapping.rules import MIXED_PROGRAMS, OTHER_PROGRAM, make_finding
from smartcert.schemas.mapping.summary import map_summary
from smartcert.schemas.mapping.twin_check import (
    check_proposal,
    check_qualitative,
    lend_twins,
    pair_finding,
)
from smartcert.schemas.mapping.twins import Pair, find_twins, settle
from smartcert.schemas.mapping.unread import ocr_pages, unread_pages


@dataclass
class Mapped:
    submission: Submission
    classifications: dict[str, Classification]
    findings: list[Finding] = field(default_factory=list)
    summary_location: Location | None = None
    evidence_page_count: int | None = None
    evidence: list[DocumentExtract] = field(default_factory=list)  # the 근거자료 extracts
    twins: list[Pair] = field(default_factory=list)  # HWP/HWPX documents with their PDF export


def _documents(docs: list[DocumentExtract], kinds: dict[str, Classification]) -> list[Document]:
    return [_document(d, kinds[d.file].kind) for d in docs]


def _document(d: DocumentExtract, kind: DocumentKind) -> Document:
    """The claims' view of an extract, with the pages not read from a text layer (rules
    concluding absence from the document weigh them)."""
    return Document(file=d.file, sha256=d.sha256, kind=kind, pages=len(d.pages) or None,
                    status=d.status, media_type=d.media_type.value,
                    ocr_pages=ocr_pages(d), unread_pages=unread_pages(d))


def map_submission(sub_id: str, docs: list[DocumentExtract], ruleset: RuleSet,
                   purpose: Purpose | None = None) -> Mapped:
    """`purpose`: the operator's (a renewal run's), overriding the application's reading.

    Documents of another certification program are not read as this one's: a bundle of
    another program is mapped to its documents only (`Submission.other_program` set: no
    rule or score of this program applies), a mixed bundle without the foreign ones.
    An HWP/HWPX document and its PDF export are one document (`twins.py`): read once — the
    native file, but the PDF for the 근거자료, whose pages the 요약표 cites — and the other
    member compared with it (`twin_check.py`); both are listed with the pair's kind."""
    programs = {m.ruleset: m for m in program_markers()}
    routing = route(docs, ruleset.id, {k: m.markers for k, m in programs.items()})
    if routing.only_foreign:
        return _foreign(sub_id, docs, ruleset, routing, programs)
    mixed = [_program_finding(MIXED_PROGRAMS, h, ruleset, programs) for h in routing.foreign]
    foreign = [d for d in docs if d not in routing.own]
    docs = routing.own
    # a document delivered as HWP/HWPX and as its PDF export is classified and read once
    twins = find_twins(docs)
    exports = {t.pdf.file for t in twins}
    kinds = classify_bundle([d for d in docs if d.file not in exports], ruleset)
    pairs = settle(twins, kinds, ruleset)
    aside = {p.aside.file: p for p in pairs}  # listed and compared, not read
    paired = {p.read.file: p for p in pairs}
    read = [d for d in docs if d.file not in aside]
    of_kind = {k: [d for d in read if kinds[d.file].kind is k] for k in DocumentKind}
    facts = map_application([(d, kinds[d.file].kind) for d in read], ruleset)
    sub = Submission(id=sub_id, ruleset=ruleset.id, documents=_documents(docs, kinds),
                     **facts.submission_fields())
    override_purpose(sub, purpose)
    sub.documents += [_other_document(d) for d in foreign]  # listed, not read
    out = Mapped(submission=sub, classifications=kinds, findings=[*mixed, *facts.findings],
                 twins=pairs)
    out.findings += [pair_finding(p) for p in pairs]
    for proposal in of_kind[DocumentKind.QUANTITATIVE_PROPOSAL]:
        claims, found = map_summary(proposal, ruleset)
        found += map_forms(proposal, ruleset, claims, sub.unclaimed_forms)
        if (pair := paired.get(proposal.file)) is not None:
            differs = check_proposal(proposal, pair.aside, claims, ruleset)  # places kept first
            found = [*lend_twins(found, claims, proposal.file), *differs]
        out.findings += found
        sub.indicators += claims
        if out.summary_location is None and claims and claims[0].source is not None:
            first = claims[0].source
            out.summary_location = Location(file=first.file, page=first.page, sheet=first.sheet,
                                            twin=_page_of(first.twin))
    for doc in of_kind[DocumentKind.QUALITATIVE_SELF_ASSESSMENT]:
        claims_q, found = map_qualitative(doc, ruleset, sub.selected_areas)
        if (pair := paired.get(doc.file)) is not None:
            differs = check_qualitative(doc, pair.aside, claims_q, ruleset, sub.selected_areas)
            found = [*lend_twins(found, claims_q, doc.file), *differs]
        out.findings += found
        sub.qualitative += claims_q
    evidence = of_kind[DocumentKind.EVIDENCE]
    out.evidence = evidence
    _find_parts(sub, of_kind, ruleset)
    if len(evidence) == 1:  # 증빙 페이지 numbers point into the one evidence bundle
        out.evidence_page_count = len(evidence[0].pages)
    return out


def _page_of(loc: Location | None) -> Location | None:
    return None if loc is None else Location(file=loc.file, page=loc.page, sheet=loc.sheet)


def _program_finding(rule: RuleSpec, hit: ProgramHit, ruleset: RuleSet,
                     programs: dict[str, ProgramMarkers]) -> Finding:
    theirs, mine = programs.get(hit.program), programs.get(ruleset.id)
    return make_finding(rule, [hit.location] if hit.location else [], claimed=hit.program,
                        expected=ruleset.id, file=hit.file,
                        program=theirs.label if theirs else hit.program,
                        markers=", ".join(f"'{m}'" for m in hit.markers),
                        own=mine.label if mine else ruleset.id)


def _other_document(d: DocumentExtract) -> Document:
    return _document(d, DocumentKind.OTHER)


def _foreign(sub_id: str, docs: list[DocumentExtract], ruleset: RuleSet, routing: Routing,
             programs: dict[str, ProgramMarkers]) -> Mapped:
    """A bundle of another program: its documents listed, one finding, nothing read as
    this program's claims."""
    sub = Submission(id=sub_id, ruleset=ruleset.id, other_program=routing.foreign_programs[0],
                     documents=[_other_document(d) for d in docs])
    best = max(routing.foreign, key=lambda h: len(h.markers))
    return Mapped(submission=sub, classifications={},
                  findings=[_program_finding(OTHER_PROGRAM, best, ruleset, programs)])


def _find_parts(sub: Submission, of_kind: dict[DocumentKind, list[DocumentExtract]],
                ruleset: RuleSet) -> None:
    """The proposal's 표지/목차/요약표/지표별 양식 and the evidence's 조견표 (validators judge them)."""
    docs = {d.file: d for d in sub.documents}
    for doc in of_kind[DocumentKind.QUANTITATIVE_PROPOSAL]:
        docs[doc.file].parts = proposal_parts(doc, sub.indicators, ruleset)
    for doc in of_kind[DocumentKind.EVIDENCE]:
        docs[doc.file].parts = evidence_parts(doc, ruleset)
