"""SERVICE-certification bundles from a second producer (samples/service, `producer:
libreoffice`): the same forms typed into Word and converted by LibreOffice, whose
pagination we do not control. Each goes through the reading and the `smartcert validate`
pipeline exactly as the painter bundles do (tests/test_map_service.py,
tests/test_service_pipeline.py): classified, applicant / field / level / every self-score
and cited fact read on the pages its truth gives, the provisional total equal to the
truth's, no finding on a clean bundle, every planted defect found at its severity and no
error unexplained. The committed PDFs are what the committed Word documents convert to."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import fitz
import pytest

from samples.service.manifest import BUNDLES, SOURCES, TRUTH, raw
from samples.service.office import page_texts, soffice
from smartcert.core.normalize import match_key
from smartcert.core.values import PartialDate
from smartcert.extractors.api import extract_file
from smartcert.schemas.claims import Basis
from smartcert.schemas.mapping.service import ServiceMapped, map_service_submission
from tests import test_map_service as reading
from tests.test_service_pipeline import validated

ENTRIES = {e["name"]: e for e in raw()}
OFFICE = [n for n, e in ENTRIES.items() if e["producer"] == "libreoffice"]
CLEAN = [n for n in OFFICE if not ENTRIES[n]["defects"]]
PLANTED = [n for n in OFFICE if ENTRIES[n]["defects"]]
SOFFICE = shutil.which("soffice")
TWINS = {"service-l2-lo-clean": "service-l2-clean", "service-l3-lo-clean": "service-l3-clean",
         "service-l1-lo-planted": "service-l1-planted"}  # fmt: skip


def truth(name: str) -> dict[str, Any]:
    return json.loads((TRUTH / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def mapped() -> dict[str, ServiceMapped]:
    out = {}
    for name in OFFICE:
        docs = [extract_file(p) for p in sorted((BUNDLES / name).iterdir())]
        out[name] = map_service_submission(name, docs, reading.RS)
    return out


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("service-lo"))


def test_the_manifest_has_libreoffice_bundles_of_each_kind() -> None:
    assert {"service-l2-lo-clean", "service-l3-lo-clean", "service-l1-lo-planted"} <= set(OFFICE)
    # the planted one carries the painter's planted defects, under ids of its own
    painter = [{k: v for k, v in d.items() if k != "id"}
               for d in ENTRIES["service-l1-planted"]["defects"]]  # fmt: skip
    lo = ENTRIES["service-l1-lo-planted"]["defects"]
    assert [{k: v for k, v in d.items() if k != "id"} for d in lo] == painter
    # the painter twin's facts under another applicant and other file names
    for name, painter_twin in TWINS.items():
        twin, t = truth(painter_twin), truth(name)
        assert t["applicant"]["name"] != twin["applicant"]["name"]
        assert t["total"] == twin["total"] and t["planted"] == [
            f"{i}-lo" for i in twin["planted"]]  # fmt: skip
        assert not {d["file"] for d in t["documents"]} & {d["file"] for d in twin["documents"]}


@pytest.mark.parametrize("name", list(ENTRIES))
def test_each_pdf_comes_from_its_producer(name: str) -> None:
    want = {"painter": "Hancom PDF", "libreoffice": "LibreOffice"}[ENTRIES[name]["producer"]]
    for pdf in sorted((BUNDLES / name).iterdir()):
        with fitz.open(pdf) as doc:
            assert doc.metadata["producer"].startswith(want), pdf.name


@pytest.mark.parametrize("name", OFFICE)
def test_the_contents_and_the_index_print_the_pages_libreoffice_gave(name: str) -> None:
    t = truth(name)
    files = {d["kind"]: d["file"] for d in t["documents"]}
    with fitz.open(BUNDLES / name / files["proposal"]) as doc:
        contents = re.sub(r"\s+", "", doc[1].get_text())
    for it in t["items"]:  # 목차: 'S-111 1.1.1 시민체감도 향상 | 4'
        assert f"{it['code']}{it['number']}{it['name'].replace(' ', '')}{it['proposal_page']}" \
            in contents, it["code"]  # fmt: skip
    with fitz.open(BUNDLES / name / files["evidence"]) as doc:
        index = "".join(re.sub(r"\s+", "", doc[p].get_text()) for p in (1, 2))
    for it in t["items"]:
        for e in it["evidence"]:
            pages = e["pages"]
            printed = str(pages[0]) if len(pages) == 1 else f"{pages[0]}~{pages[-1]}"
            assert f"{e['title'].replace(' ', '')}{printed}" in index, (it["code"], e)


@pytest.fixture(scope="module")
def reconverted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if SOFFICE is None:
        pytest.skip("needs LibreOffice (scripts/setup.sh --dev)")
    out = tmp_path_factory.mktemp("reconverted")
    soffice(sorted(SOURCES.glob("*/*.docx")), out)  # one run: soffice starts slowly
    return out


@pytest.mark.parametrize("name", OFFICE)
def test_the_committed_pdfs_are_what_the_word_documents_convert_to(
        name: str, reconverted: Path) -> None:  # fmt: skip
    # LibreOffice output is not byte-deterministic: the same text on every page
    pdfs = sorted((BUNDLES / name).iterdir())
    assert sorted(p.stem for p in (SOURCES / name).iterdir()) == [p.stem for p in pdfs]
    for pdf in pdfs:
        assert page_texts(reconverted / pdf.name) == page_texts(pdf), pdf.name


# ── read as the painter bundles are (tests/test_map_service.py) ──────────────────


@pytest.mark.parametrize("name", OFFICE)
def test_documents_are_classified_by_content(mapped: dict[str, ServiceMapped], name: str) -> None:
    reading.test_documents_are_classified_by_content(mapped, name)


def same_text(read: str | None, printed: str) -> bool:
    """Equal but for spaces: LibreOffice sets a small gap between Hangul and Latin letters
    or digits (Word's East Asian/Latin autospace), which the extractor reads as a space
    ('제10-2531447 호', '2022 년'); the PDF draws no space glyph there."""
    return read is not None and match_key(read) == match_key(printed)


@pytest.mark.parametrize("name", OFFICE)
def test_applicant_field_and_level_are_read_from_the_form(
        mapped: dict[str, ServiceMapped], name: str) -> None:  # fmt: skip
    sub, t = mapped[name].submission, truth(name)
    a, s = t["applicant"], t["service"]
    for read, printed in ((sub.applicant, a["name"]), (sub.business_no, a["reg_no"]),
                          (sub.representative, f"{a['head_title']} {a['head']}"),
                          (sub.service_name, s["name"]), (sub.service_name_en, s["name_en"]),
                          (sub.track_record, s["track_record"])):  # fmt: skip
        assert same_text(read, printed), (read, printed)
    year, month, day = map(int, t["submitted"].split("-"))
    assert sub.application_date == PartialDate(year=year, month=month, day=day)
    assert sub.applicant_kind_choice is not None
    assert same_text(sub.applicant_kind_choice.text, a["org_kind_printed"])
    assert sub.field is not None and sub.level is not None
    assert sub.field.id == reading.FIELDS[s["field"]] and sub.level.id == s["level"]
    for choice in (sub.field, sub.level):  # the ticked boxes of [별지 제3호서식]
        assert choice.basis is Basis.LABEL
        assert choice.location is not None and choice.location.file == a["file"]
        assert choice.location.page == a["page"] and choice.location.bbox is not None
    assert sub.level.text == reading.RS.level(s["level"]).name
    assert (sub.locations["applicant"].file, sub.locations["applicant"].page) == (
        a["file"], a["page"])  # fmt: skip
    assert sub.partners == [j["name"] for j in t["joint_applicants"]]
    assert sub.joint is bool(t["joint_applicants"])
    assert mapped[name].findings == []  # nothing the reading itself reveals


@pytest.mark.parametrize("name", OFFICE)
def test_every_self_score_and_subtotal(mapped: dict[str, ServiceMapped], name: str) -> None:
    reading.test_every_self_score_and_subtotal(mapped, name)


@pytest.mark.parametrize("name", OFFICE)
def test_cited_facts_are_found_on_their_pages(mapped: dict[str, ServiceMapped], name: str) -> None:
    # the painter's check (reading.FACTS: which CitedFact reads each truth fact), with
    # printed texts compared as `same_text`
    sub, t = mapped[name].submission, truth(name)
    prop = next(d["file"] for d in t["documents"] if d["kind"] == "proposal")
    checked = 0
    for fact in t["facts"]:
        spec = next(((k, w) for pat, k, w in reading.FACTS if re.search(pat, fact["name"])), None)
        pages = {p["page"] for p in fact["printed"] if p["file"] == prop}
        if spec is None or not pages:
            continue
        (kind, label), want = spec
        hits = [f for f in sub.facts if f.item == fact["item"] and f.kind == kind
                and (label is None or f.label == label) and f.location is not None
                and f.location.file == prop and f.location.page in pages
                and (match_key(str(fact["value"])) in match_key(f.text) if want == "text"
                     else reading._matches(f, fact, want))]  # fmt: skip
        assert hits, (fact["name"], fact["value"], pages)
        checked += 1
    assert checked >= 20
    assert all(f.item and f.location and f.location.bbox for f in sub.facts)


@pytest.mark.parametrize("name", PLANTED)
def test_the_planted_bundle_prints_its_edited_facts(
        mapped: dict[str, ServiceMapped], name: str) -> None:  # fmt: skip
    # the painter's check, on the LibreOffice bundle planted with the same defects
    reading.test_the_planted_bundle_prints_its_edited_facts({"service-l1-planted": mapped[name]})


# ── through `smartcert validate` (tests/test_service_pipeline.py) ──────────────────


@pytest.mark.parametrize("name", CLEAN)
def test_a_clean_bundle_passes_with_no_finding(name: str, out: str) -> None:
    r, t = validated(name, out), truth(name)
    assert r["program"] == "service-2023"
    assert r["submission"]["applicant"] == t["applicant"]["name"]
    assert [f["rule"] for f in r["findings"] if f["severity"] != "info"] == []
    score = r["score"]
    assert score["pass_mark"] == 70 and score["passed"] is True and score["shortfalls"] == []
    assert t["outcome"]["supported"]["pass"] is True


@pytest.mark.parametrize("name", OFFICE)
def test_the_provisional_total_is_what_the_documents_support(name: str, out: str) -> None:
    assert validated(name, out)["score"]["total"] == truth(name)["total"]["supported"]


@pytest.mark.parametrize("name", PLANTED)
def test_every_planted_defect_is_found_at_its_severity(name: str, out: str) -> None:
    r = validated(name, out)
    found = {(f["rule"], f["severity"]) for f in r["findings"]}
    planted = ENTRIES[name]["defects"]
    lost = [f"{d['id']} {d['rule']}" for d in planted
            if (d["rule"], d.get("severity", "error")) not in found]  # fmt: skip
    assert not lost
    errors = {f["rule"] for f in r["findings"] if f["severity"] == "error"}
    assert errors <= {d["rule"] for d in planted}, errors  # nothing unexplained
