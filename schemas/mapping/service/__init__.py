"""From extracted documents to a service-certification submission (seed 003).

    mapped = map_service_submission("svc-01", extracts, load_service_ruleset("service-2023"))
    mapped.submission.level        # PrintedChoice(text='네트워크 연계 서비스', id='L2', …)
    mapped.submission.self_scores  # SelfScore(row='2.2.5.1', item='S-224', criterion='2.2.4.1', …)
    mapped.findings                # completeness.no-level-ticked, … (rules.py)

Each document is classified by content (`classify.py`), then read by its kind: the 신청서
(`application.py`), the 평가제안서's cover and cited facts (`proposal.py`), the 자체평가표
(`self_assessment.py`) and the 공동참여기관 확인서. The field and the level are the ticked
boxes of the 신청서; only when none is ticked do other documents stand in, with a finding
that says which. Every value keeps the Location it was read at, and every document its
pages OCR'd or not read (`ServiceDocument.ocr_pages`): a value read on an OCR'd page is
compared as uncertain (`schemas/mapping/ocr_read.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from smartcert.core.findings import Finding, Location
from smartcert.core.normalize import match_key
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue.service import ServiceRuleSet
from smartcert.schemas.claims import Basis
from smartcert.schemas.mapping.ocr_read import extracts_ocr, ocr_note
from smartcert.schemas.mapping.service import rules as R
from smartcert.schemas.mapping.service.application import (
    ApplicationRead,
    read_application,
    read_partners,
)
from smartcert.schemas.mapping.service.choices import Choice, ticked_ones
from smartcert.schemas.mapping.service.classify import (
    ServiceClassification,
    classify_service_bundle,
)
from smartcert.schemas.mapping.service.proposal import ProposalRead, read_proposal
from smartcert.schemas.mapping.service.self_assessment import (
    SelfAssessmentRead,
    read_self_assessment,
)
from smartcert.schemas.mapping.unread import ocr_pages, unread_pages
from smartcert.schemas.service_claims import (
    PrintedChoice,
    ServiceDocument,
    ServiceDocumentKind,
    ServiceSubmission,
)

K = ServiceDocumentKind
# legal-form marks printed around an organisation's name ('(주)' is NFKC of '㈜')
_LEGAL = re.compile(r"\((?:주|사|재|유|합)\)|주식회사|사단법인|재단법인|유한회사")

__all__ = ["ServiceClassification", "ServiceMapped", "map_service_submission"]


@dataclass
class ServiceMapped:
    submission: ServiceSubmission
    classifications: dict[str, ServiceClassification]
    findings: list[Finding] = field(default_factory=list)


def _choice(c: Choice) -> PrintedChoice:
    """A ticked box as the claim: read from its label (LABEL) unless the tick itself is in
    doubt (OCR, an unusual mark), which a rule relying on it must say (FUZZY)."""
    basis = Basis.LABEL if c.doubt is None else Basis.FUZZY
    return PrintedChoice(text=c.box.label, id=c.id, location=c.location, basis=basis)


def _labels(choices: list[Choice]) -> str:
    return ", ".join(c.box.label for c in choices)


def _doubt(choices: list[Choice]) -> str | None:
    doubts = [d for c in choices if (d := c.doubt)]
    return "; ".join(doubts) or None


class _Builder:
    def __init__(self, sub: ServiceSubmission, rs: ServiceRuleSet,
                 ocr: dict[str, set[int]]) -> None:
        self.sub, self.rs = sub, rs
        self.ocr = ocr  # the OCR'd pages by file: a value read there may be misread
        self.findings: list[Finding] = []

    def field(self, app: ApplicationRead | None, cover: ProposalRead | None) -> None:
        ticks = ticked_ones(app.field_boxes) if app else []
        cover_ticks = ticked_ones(cover.field_boxes) if cover else []
        if len(ticks) > 1:
            self.findings.append(R.SEVERAL_FIELDS_TICKED.finding(
                locations=[c.location for c in ticks], claimed=_labels(ticks),
                uncertain=_doubt(ticks), count=str(len(ticks)), fields=_labels(ticks)))
            return
        if len(ticks) == 1:
            self.sub.field = _choice(ticks[0])
            if len(cover_ticks) == 1 and match_key(cover_ticks[0].box.label) != match_key(
                    ticks[0].box.label):
                self._differ("신청 분야", ticks[0].box.label, ticks[0].location,
                             cover_ticks[0].box.label, cover_ticks[0].location)
            return
        used = "다른 문서에서도 신청 분야를 확인할 수 없습니다"
        if len(cover_ticks) == 1:
            self.sub.field = _choice(cover_ticks[0])
            used = f"평가제안서 표지의 인증분야 '{cover_ticks[0].box.label}'을(를) 사용했습니다"
        elif app is not None and app.field_stated is not None:
            st = app.field_stated
            self.sub.field = PrintedChoice(text=st.text, id=st.id, location=st.location,
                                           basis=Basis.FUZZY)
            used = f"신청 공문 등에 적힌 '{st.text}'을(를) 사용했습니다"
        if app is not None:
            self.findings.append(R.NO_FIELD_TICKED.finding(
                locations=[c.location for c in app.field_boxes[:1]], used=used))

    def level(self, app: ApplicationRead | None, sa: SelfAssessmentRead | None) -> None:
        ticks = ticked_ones(app.level_boxes) if app else []
        if len(ticks) > 1:
            self.findings.append(R.SEVERAL_LEVELS_TICKED.finding(
                locations=[c.location for c in ticks], claimed=_labels(ticks),
                uncertain=_doubt(ticks), count=str(len(ticks)), levels=_labels(ticks)))
            return
        if len(ticks) == 1:
            self.sub.level = _choice(ticks[0])
            return
        used = "다른 문서에서도 서비스 수준을 확인할 수 없습니다"
        blocks = sa.filled_blocks() if sa else []
        if app is not None and app.level_stated is not None:
            st = app.level_stated
            self.sub.level = PrintedChoice(text=st.text, id=st.id, location=st.location,
                                           basis=Basis.FUZZY)
            used = f"신청 공문 등에 적힌 '{st.text}'(으)로 보았습니다"
        elif len(blocks) == 1 and sa is not None:
            lv = next((x for x in self.rs.levels.levels if x.group == blocks[0]), None)
            first = next(s for s in sa.scores if s.row.startswith(blocks[0] + "."))
            name = f"{blocks[0]} {self.rs.eval_item(blocks[0]).name}"
            self.sub.level = PrintedChoice(text=name, id=lv.id if lv else None,
                                           location=first.location, basis=Basis.FUZZY)
            used = f"자체평가표에 점수가 적힌 구성 및 기능 블록({name})으로 추정했습니다"
        if app is not None:
            self.findings.append(R.NO_LEVEL_TICKED.finding(
                locations=[c.location for c in app.level_boxes[:1]], used=used))

    def _differ(self, fact: str, first: str, first_loc: Location | None, other: str,
                other_loc: Location | None) -> None:
        self.findings.append(R.SERVICE_FACTS_DIFFER.finding(
            locations=[first_loc, other_loc], claimed=other, expected=first, fact=fact,
            uncertain=ocr_note(self.ocr, [first_loc, other_loc]),
            first=first, first_file=first_loc.file if first_loc else "",
            other=other, other_file=other_loc.file if other_loc else ""))

    def same(self, fact: str, seen: list[tuple[str | None, Location | None]]) -> None:
        """One finding when documents print a fact differently (spaces and the legal-form
        mark aside: '㈜누리모빌리티' and '누리모빌리티 주식회사' are one name)."""
        got = [(v, loc) for v, loc in seen if v]
        for v, loc in got[1:]:
            if _bare_name(v) != _bare_name(got[0][0]):
                self._differ(fact, got[0][0], got[0][1], v, loc)
                return


def _bare_name(text: str) -> str:
    return _LEGAL.sub("", match_key(text))


def _documents(docs: list[DocumentExtract],
               kinds: dict[str, ServiceClassification]) -> list[ServiceDocument]:
    return [ServiceDocument(file=d.file, sha256=d.sha256, kind=kinds[d.file].kind,
                            pages=len(d.pages) or None, status=d.status,
                            media_type=d.media_type.value, ocr_pages=ocr_pages(d),
                            unread_pages=unread_pages(d)) for d in docs]


def _applicant(sub: ServiceSubmission, b: _Builder, app: ApplicationRead | None,
               cover: ProposalRead | None, sa: SelfAssessmentRead | None) -> None:
    """Who applies with what service: the 신청서 first, then the proposal's cover, then the
    자체평가표's heading lines; documents naming them differently are a finding."""
    sources = [(app.values, app.locations) if app else ({}, {}),
               (cover.values, cover.locations) if cover else ({}, {})]
    heading = {k: getattr(sa, k) for k in ("applicant", "service_name")} if sa else {}
    for key, fact in (("applicant", "기관명"), ("representative", None),
                      ("service_name", "서비스 명칭")):
        seen = [(v.get(key), loc.get(key)) for v, loc in sources]
        seen.append(heading.get(key) or (None, None))
        value, where = next(((v, loc) for v, loc in seen if v), (None, None))
        setattr(sub, key, value)
        if where is not None:
            sub.locations[key] = where
        if fact:
            b.same(fact, seen)
    values, locations = sources[0]
    for key in ("business_no", "service_name_en", "track_record", "application_date"):
        if key in locations:
            sub.locations[key] = locations[key]
    sub.business_no, sub.track_record = values.get("business_no"), values.get("track_record")
    sub.service_name_en = values.get("service_name_en")
    sub.application_date = app.application_date if app else None
    sub.source = sub.locations.get("applicant")


def _cover(sub: ServiceSubmission, cover: ProposalRead, rs: ServiceRuleSet) -> None:
    sub.author, sub.author_position = cover.values.get("author"), cover.values.get(
        "author_position")
    for key in ("author", "author_position"):
        if key in cover.locations:
            sub.locations[key] = cover.locations[key]
    sub.applicant_kind_choice = cover.org_kind
    kind = next((k for k in rs.eligibility.applicants.kinds
                 if cover.org_kind and k.id == cover.org_kind.id), None)
    sub.applicant_kind = kind.name if kind else None
    sub.facts = cover.facts


def map_service_submission(sub_id: str, docs: list[DocumentExtract],
                           rs: ServiceRuleSet) -> ServiceMapped:
    """Classify and read every document of a service application."""
    kinds = classify_service_bundle(docs, rs)
    of = {k: [d for d in docs if kinds[d.file].kind is k] for k in K}
    sub = ServiceSubmission(id=sub_id, ruleset=rs.id, documents=_documents(docs, kinds))
    app = read_application(of[K.APPLICATION], rs) if of[K.APPLICATION] else None
    cover = read_proposal(of[K.PROPOSAL][0], rs) if of[K.PROPOSAL] else None
    sas = [read_self_assessment(d, rs) for d in of[K.SELF_ASSESSMENT]]
    sa = next((x for x in sas if x.scores), sas[0] if sas else None)
    b = _Builder(sub, rs, extracts_ocr(docs))
    _applicant(sub, b, app, cover, sa)
    if cover is not None:
        _cover(sub, cover, rs)
    b.field(app, cover)
    b.level(app, sa)
    for x in sas:
        sub.self_scores += x.scores
        # the total is printed only in the 평가결과 판정 block
        sub.subtotals += x.subtotals + [v for v in x.verdict if v.group == "total"]
        sub.verdict += x.verdict
        b.findings += x.findings
    for d in of[K.JOINT_CONFIRMATION]:
        sub.joint = True
        for name, loc in read_partners(d):
            sub.partners.append(name)
            sub.locations.setdefault("partners", loc)
    return ServiceMapped(submission=sub, classifications=kinds, findings=b.findings)
