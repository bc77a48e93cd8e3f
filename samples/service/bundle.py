"""Builds one service bundle: item contents, the PDFs through the bundle's producer
(evidence first, so the proposal can cite its pages), and the truth file beside the
bundles."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from samples.generator.pdf_layout import Laid
from samples.service.evidence import evidence_blocks, page_key
from samples.service.forms import (
    application_blocks,
    consent_blocks,
    joint_blocks,
    self_assessment_blocks,
)
from samples.service.manifest import SOURCES
from samples.service.model import Bundle, Content, Ctx
from samples.service.producers import producer
from samples.service.proposal import proposal_blocks
from samples.service.render import FactBook
from samples.service.sections_fit import BUILDERS as FIT
from samples.service.sections_func import BUILDERS as FUNC
from samples.service.sections_ops import BUILDERS as OPS
from samples.service.truth import assemble

BUILDERS = {**FIT, **FUNC, **OPS}
ROUNDS = 3  # layouts after the first, at most
TITLES = {
    "application": "스마트도시서비스 인증 신청서",
    "proposal": "스마트도시서비스 인증 평가제안서",
    "self_assessment": "스마트 서비스 인증 자체평가표",
    "evidence": "근거자료",
    "joint_confirmation": "공동참여기관 확인서",
    "privacy_consent": "신청자 개인정보 수집 및 이용 동의서",
}


def page_range(a: int, b: int) -> str:
    return str(a) if a == b else f"{a}~{b}"


def evidence_ranges(
    b: Bundle, contents: dict[str, Content], laid: Laid
) -> dict[tuple[str, int], tuple[int, int]]:
    keys = [(it.s, k) for it in b.items for k in range(len(contents[it.s].evidence))]
    starts = [laid.anchors[page_key(s, k)] for s, k in keys]
    ends = [*(x - 1 for x in starts[1:]), len(laid.pages)]
    return {key: (a, e) for key, a, e in zip(keys, starts, ends, strict=True)}


def settle(draw: Callable[[Laid | None], Laid], same: Callable[[Laid, Laid], bool],
           what: str) -> Laid:  # fmt: skip
    """Lay out again with the pages the last layout gave until they stay the same (two
    passes for the painter; LibreOffice may need one more)."""
    prev = draw(None)
    for _ in range(ROUNDS):
        laid = draw(prev)
        if same(prev, laid):
            return laid
        prev = laid
    raise RuntimeError(f"{what} changed the pagination {ROUNDS} times")


def build(b: Bundle, out_root: Path, truth_root: Path, sources: Path = SOURCES) -> dict[str, Any]:
    p = b.profile
    fam, files, who = p["family"], p["files"], p["applicant"]["name"]
    fx = FactBook()
    contents = {it.s: BUILDERS[it.s](Ctx(b, it, fx)) for it in b.items}
    out = out_root / b.name
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    pr = producer(b, who, sources / b.name)
    laids: dict[str, Laid] = {}
    docs: list[dict[str, Any]] = []

    def lay(kind: str, blocks: list[Any], family: str, header: str | None = None,
            numbered_from: int = 1) -> Laid:  # fmt: skip
        return pr.lay(blocks, family, TITLES[kind], header, numbered_from)

    def emit(kind: str, laid: Laid) -> None:
        pr.write(laid, out / files[kind], TITLES[kind], who)
        laids[files[kind]] = laid
        docs.append({"file": files[kind], "kind": kind, "media": "pdf", "pages": len(laid.pages)})

    # 근거자료 first, laid out until the 조견표 prints the pages the evidence lands on
    ev_header = f"{who} | 2023년 스마트도시 서비스 인증 근거자료"

    def evidence(prev: Laid | None) -> Laid:
        ranges = evidence_ranges(b, contents, prev) if prev else None
        pages = (lambda s, k: page_range(*ranges[(s, k)])) if ranges else (lambda s, k: "00")
        return lay("evidence", evidence_blocks(b, contents, pages), fam["evidence"], ev_header, 2)

    ev = settle(evidence, lambda a, z: evidence_ranges(b, contents, a)
                == evidence_ranges(b, contents, z), f"{b.name}: the 조견표")  # fmt: skip
    ranges = evidence_ranges(b, contents, ev)
    refs = {
        it.s: [
            (e.title, page_range(*ranges[(it.s, k)])) for k, e in enumerate(contents[it.s].evidence)
        ]
        for it in b.items
    }
    ev_pages = {
        it.s: [
            {"title": e.title, "pages": list(range(ranges[(it.s, k)][0], ranges[(it.s, k)][1] + 1))}
            for k, e in enumerate(contents[it.s].evidence)
        ]
        for it in b.items
    }

    emit("application", lay("application", application_blocks(b), fam["application"]))
    header = f"2023년 스마트도시 서비스 인증 평가제안서 | {who}"

    def proposal(prev: Laid | None) -> Laid:
        page = (lambda k: prev.anchors[k]) if prev else (lambda k: 0)
        return lay("proposal", proposal_blocks(b, contents, refs, page), fam["proposal"], header, 2)

    emit("proposal", settle(proposal, lambda a, z: a.anchors == z.anchors,
                            f"{b.name}: the 목차"))  # fmt: skip
    emit(
        "self_assessment",
        lay(
            "self_assessment",
            self_assessment_blocks(b),
            fam["self_assessment"],
            f"자체평가표 | {p['service']['name']}",
            1,
        ),
    )
    emit("evidence", ev)
    if p.get("joint"):
        emit("joint_confirmation", lay("joint_confirmation", joint_blocks(b), fam["application"]))
    if "privacy_consent" not in b.omit:
        emit("privacy_consent", lay("privacy_consent", consent_blocks(b), fam["application"]))

    truth = assemble(b, contents, fx, laids, files, docs, ev_pages)
    truth_root.mkdir(parents=True, exist_ok=True)
    (truth_root / f"{b.name}.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return truth
