"""QDPX export for several coders and import back into per-coder codings: names, dates, users, evidence notes,
UTF-16 vs code-point positions, code matching and document matching — and the two-coder round trip."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from paths import shared_path
from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.coding.agreement import compare_codings
from textsamverkan.coding.qdpx_import import _new_id, import_codings
from textsamverkan.errors import E_PROJECT_MISMATCH, UserError
from textsamverkan.export.qda_types import Coding, QdaCode
from textsamverkan.export.qdpx import code_guid, source_name, unique_source_names, write_passages_qdpx

NS = {"q": "urn:QDA-XML:project:1.0"}
Q = "{urn:QDA-XML:project:1.0}"
CREATED = "2026-12-02T10:00:00Z"
TEXTS = {
    "seeds/000_podd.txt": "Anna: Vi saknade skyddsutrustning 😷 i våras. 𝐓𝐞𝐬𝐭𝐧𝐢𝐧𝐠 kom sent.",
    "seeds/001_rapport.txt": "Samverkan mellan region och kommun kräver en gemensam plan.",
    "seeds/002_okodad.txt": "Ett dokument som ingen har kodat ännu.",
}
CODES = [QdaCode("ppe", "Skyddsutrustning", color="#d95f02"), QdaCode("samverkan", "Samverkan"),
         QdaCode("testing", "Testning")]


def _passage(doc_id: str, needle: str, theme: str) -> CodedPassage:
    start = TEXTS[doc_id].index(needle)
    return CodedPassage(doc_id, start, start + len(needle), needle, theme, 1.0, "lexical")


PASSAGES = [
    _passage("seeds/000_podd.txt", "Vi saknade skyddsutrustning 😷 i våras.", "ppe"),
    _passage("seeds/000_podd.txt", "𝐓𝐞𝐬𝐭𝐧𝐢𝐧𝐠 kom sent.", "testing"),
    _passage("seeds/001_rapport.txt", "Samverkan mellan region och kommun", "samverkan"),
]
EVIDENCE = {(p.doc_id, p.start, p.end, p.theme): {"rules": [{"rule": f"{p.theme}.term", "text": ["ord"]}]}
            for p in PASSAGES}


def _export(path: Path, **kwargs: object) -> Path:
    return write_passages_qdpx(path, PASSAGES, TEXTS, CODES, docs=[DocInfo("seeds/000_podd.txt", region="Skåne")],
                               user_name="Karin Forskare", coder="textsamverkan", evidence=EVIDENCE,
                               created=CREATED, **kwargs)  # type: ignore[arg-type]


def _validate(path: Path) -> etree._Element:
    schema = etree.XMLSchema(etree.parse(str(shared_path("schemas", "refi-qda", "Project-mrt2019.xsd"))))
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    assert schema.validate(root), schema.error_log
    return root


def test_names_dates_users_variables_and_evidence(tmp_path: Path) -> None:
    root = _validate(_export(tmp_path / "p.qdpx"))
    sources = root.findall(".//q:TextSource", NS)
    assert sorted(s.get("name") for s in sources) == ["000_podd", "001_rapport", "002_okodad"]  # all, uncoded too
    assert all(s.get("creationDateTime") == CREATED for s in sources)
    assert root.get("creationDateTime") == CREATED
    users = {u.get("name"): u.get("guid") for u in root.findall(".//q:User", NS)}
    assert set(users) == {"Karin Forskare", "textsamverkan"}
    assert root.get("creatingUserGUID") == users["Karin Forskare"]
    selections = root.findall(".//q:PlainTextSelection", NS)
    assert {s.get("creatingUser") for s in selections} == {users["textsamverkan"]}
    assert all(s.get("creationDateTime") == CREATED for s in selections)
    notes = [s.findtext("q:Description", namespaces=NS) for s in selections]
    assert all("automatic coding (lexical), score 1.000" in n and "matched: ord" in n for n in notes)
    podd = next(s for s in sources if s.get("name") == "000_podd")
    assert podd.findtext("q:Description", namespaces=NS) == "textsamverkan document seeds/000_podd.txt"
    assert "positions: utf-16" in root.get("origin", "")


def test_clean_source_names() -> None:
    assert source_name("seeds/000_podd.txt") == "000_podd"
    assert source_name(r"C:\data\rapport.final.pdf") == "rapport.final"
    assert source_name("https://example.se/sida?id=3") == "sida_id=3"
    assert source_name(".hidden") == "hidden"
    assert unique_source_names(["a/x.txt", "b/x.txt", "b/X.pdf"]) == {"a/x.txt": "x", "b/x.txt": "x (2)",
                                                                       "b/X.pdf": "X (3)"}


def test_positions_count_utf16_units_by_default_and_code_points_on_request(tmp_path: Path) -> None:
    ppe = PASSAGES[1]  # after the emoji: its UTF-16 start is one more than its code-point start
    for positions, shift in (("utf16", 1), ("codepoints", 0)):
        path = _export(tmp_path / f"{positions}.qdpx", positions=positions)
        root = _validate(path)
        starts = {int(s.get("startPosition")) for s in root.findall(".//q:PlainTextSelection", NS)}
        assert ppe.start + shift in starts
        imported = import_codings(path, TEXTS, CODES)
        assert imported.positions == positions
        back = imported.by_coder["textsamverkan"]
        assert {(c.source, c.start, c.end, c.code) for c in back} == {
            (p.doc_id, p.start, p.end, p.theme) for p in PASSAGES}
        assert all(TEXTS[c.source][c.start : c.end] in {p.quote for p in PASSAGES} for c in back)


def _foreign(path: Path, origin: str, start: int, end: int) -> Path:
    """A one-source project as another tool would write it, with the given origin and positions."""
    text = TEXTS["seeds/000_podd.txt"]
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="x" origin="{origin}">
 <Users><User guid="00000000-0000-0000-0000-00000000000a" name="Bo"/></Users>
 <CodeBook><Codes><Code guid="00000000-0000-0000-0000-0000000000c1" name="testning" isCodable="true"/></Codes>
 </CodeBook>
 <Sources><TextSource guid="00000000-0000-0000-0000-0000000000f1" name="Podd">
  <PlainTextContent>{text}</PlainTextContent>
  <PlainTextSelection guid="00000000-0000-0000-0000-0000000000e1" startPosition="{start}" endPosition="{end}"
   creatingUser="00000000-0000-0000-0000-00000000000a">
   <Coding guid="00000000-0000-0000-0000-0000000000d1" creatingUser="00000000-0000-0000-0000-00000000000a">
    <CodeRef targetGUID="00000000-0000-0000-0000-0000000000c1"/></Coding></PlainTextSelection>
 </TextSource></Sources></Project>"""
    path.write_text(xml, encoding="utf-8")
    return path


def test_foreign_positions_are_read_by_origin_or_by_what_fits(tmp_path: Path) -> None:
    p = PASSAGES[1]
    inside = sum(ord(ch) > 0xFFFF for ch in p.quote)  # the mathematical letters of "Testning"
    utf16 = (p.start + 1, p.end + 1 + inside)  # the emoji before, and each letter inside, take two units
    cases = [("NVivo 14", utf16, "utf16"), ("QualCoder 3.6", (p.start, p.end), "codepoints"),
             ("SomeTool", utf16, "utf16")]
    for origin, (start, end), expected in cases:
        imported = import_codings(_foreign(tmp_path / "f.qde", origin, start, end), TEXTS, CODES)
        assert imported.positions == expected, origin
        assert [(c.start, c.end, c.code) for c in imported.by_coder["Bo"]] == [(p.start, p.end, "testing")]
        assert any("positions read as" in n for n in imported.notes)
    # a start inside a surrogate pair is impossible in UTF-16, so the file must count code points
    emoji = TEXTS["seeds/000_podd.txt"].index("😷")
    odd = import_codings(_foreign(tmp_path / "g.qde", "SomeTool", emoji + 1, emoji + 3), TEXTS, CODES)
    assert odd.positions == "codepoints"


def test_codes_match_by_guid_then_name_and_unknown_codes_are_reported(tmp_path: Path) -> None:
    path = _export(tmp_path / "p.qdpx")
    renamed = [QdaCode("ppe", "PPE"), QdaCode("samverkan", "Samverkan")]  # same ids: GUIDs still match
    imported = import_codings(path, TEXTS, renamed)
    assert imported.codes_by_guid == 2
    assert [c.name for c in imported.new_codes] == ["Testning"]
    assert imported.new_codes[0].id == "imported_testning"  # an id the codebook accepts, so a run can keep it
    assert any("not in the codebook" in n for n in imported.notes)
    swedish = import_codings(path, TEXTS, [QdaCode("ppe", "PPE"), QdaCode("testing", "Testning")])
    assert swedish.new_codes[0].id == "imported_samverkan"
    assert _new_id("Åtgärd / Vårdplan", set()) == "imported_atgard_vardplan"
    by_name = import_codings(path, TEXTS, [QdaCode("other_id", "skyddsutrustning")])
    assert by_name.codes_by_name == 1 and {c.code for c in by_name.by_coder["textsamverkan"]} >= {"other_id"}


def test_documents_whose_text_differs_are_named(tmp_path: Path) -> None:
    path = _export(tmp_path / "p.qdpx")
    changed = {**TEXTS, "seeds/001_rapport.txt": "Samverkan mellan region och kommun kräver en ny plan."}
    with pytest.raises(UserError) as info:
        import_codings(path, changed, CODES)
    assert info.value.code == E_PROJECT_MISMATCH
    assert "'001_rapport' (document seeds/001_rapport.txt" in info.value.message
    assert "first difference at character 45" in info.value.message
    fewer = {k: v for k, v in TEXTS.items() if k != "seeds/002_okodad.txt"}
    imported = import_codings(path, fewer, CODES)
    assert imported.unmatched_sources == ["002_okodad"]


def test_a_coder_name_can_be_given(tmp_path: Path) -> None:
    imported = import_codings(_export(tmp_path / "p.qdpx"), TEXTS, CODES, coder="Anna")
    assert list(imported.by_coder) == ["Anna"] and len(imported.by_coder["Anna"]) == 3


def test_two_coder_round_trip(tmp_path: Path) -> None:
    # 1. export the automatic coding; 2. a second coder (Bo) adds and removes codings in a QDA tool
    path = _export(tmp_path / "tool.qdpx")
    with zipfile.ZipFile(path) as archive:
        entries = {i.filename: archive.read(i) for i in archive.infolist()}
    root = etree.fromstring(entries["project.qde"])
    users = root.find(f"{Q}Users")
    etree.SubElement(users, f"{Q}User", guid="00000000-0000-0000-0000-0000000000b0", name="Bo")
    rapport = next(s for s in root.iter(f"{Q}TextSource") if s.get("name") == "001_rapport")
    for sel in rapport.findall(f"{Q}PlainTextSelection"):
        rapport.remove(sel)  # Bo does not agree with the automatic "Samverkan" there
    okodad = next(s for s in root.iter(f"{Q}TextSource") if s.get("name") == "002_okodad")
    sel = etree.Element(f"{Q}PlainTextSelection", guid="00000000-0000-0000-0000-0000000000b1", startPosition="0",
                        endPosition="12", creatingUser="00000000-0000-0000-0000-0000000000b0")
    coding = etree.SubElement(sel, f"{Q}Coding", guid="00000000-0000-0000-0000-0000000000b2",
                              creatingUser="00000000-0000-0000-0000-0000000000b0")
    etree.SubElement(coding, f"{Q}CodeRef", targetGUID=code_guid("samverkan"))
    okodad.insert(1, sel)
    entries["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    edited = tmp_path / "bo.qdpx"
    with zipfile.ZipFile(edited, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    # 3. import: the tool's coding and Bo's are separate coders
    imported = import_codings(edited, TEXTS, CODES)
    assert sorted(imported.by_coder) == ["Bo", "textsamverkan"]
    bo, tool = imported.by_coder["Bo"], imported.by_coder["textsamverkan"]
    assert bo == [Coding("seeds/002_okodad.txt", 0, 12, "samverkan")]
    assert len(tool) == 2  # the selection Bo removed was the tool's only one in 001_rapport
    # 4. agreement between them
    rows = {r["code"]: r for r in compare_codings(tool, bo, lengths={k: len(v) for k, v in TEXTS.items()},
                                                  coder_a="textsamverkan", coder_b="Bo")}
    assert rows["samverkan"]["both"] == 0 and rows["samverkan"]["only_b"] == 12
    # 5. export both coders into one project for the consensus meeting, and validate it
    both = write_passages_qdpx(tmp_path / "both.qdpx", PASSAGES, TEXTS, CODES, user_name="Karin Forskare",
                               coder="textsamverkan", extra_codings=[Coding(c.source, c.start, c.end, c.code,
                                                                            user="Bo") for c in bo],
                               created=CREATED)
    out = _validate(both)
    assert {u.get("name") for u in out.findall(".//q:User", NS)} == {"Karin Forskare", "textsamverkan", "Bo"}
    again = import_codings(both, TEXTS, CODES)
    assert again.by_coder["Bo"] == bo
