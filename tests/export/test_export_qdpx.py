"""REFI-QDA export: valid against the published schema, offsets intact, and read back by our own reader."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from paths import shared_path
from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.errors import UserError
from textsamverkan.export.qda_types import Coding, QdaCode, QdaSource, codes_from_codebook
from textsamverkan.export.qdpx import project_xml, write_passages_qdpx, write_qdpx
from textsamverkan.export.qdpx_read import coding_set, read_qdpx

NS = {"q": "urn:QDA-XML:project:1.0"}
CREATED = "2026-12-02T10:00:00Z"
NAMES = {"podd/avsnitt-1.txt": "avsnitt-1", "rapport.pdf": "rapport"}
TEXTS = {
    "podd/avsnitt-1.txt": "Anna: Vi saknade skyddsutrustning 😷 i våras.\nBo: Testningen kom igång sent & <långsamt>.",
    "rapport.pdf": "Samverkan mellan region och kommun kräver en gemensam plan.",
}


def _passage(doc_id: str, needle: str, theme: str, score: float = 1.0) -> CodedPassage:
    text = TEXTS[doc_id]
    start = text.index(needle)
    return CodedPassage(doc_id, start, start + len(needle), needle, theme, score, "lexical")


PASSAGES = [
    _passage("podd/avsnitt-1.txt", "Vi saknade skyddsutrustning 😷 i våras.", "ppe"),
    _passage("podd/avsnitt-1.txt", "Testningen kom igång sent & <långsamt>.", "testing", 0.8),
    _passage("podd/avsnitt-1.txt", "Testningen kom igång sent & <långsamt>.", "ppe", 0.6),
    _passage("rapport.pdf", "Samverkan mellan region och kommun", "samverkan"),
]
CODES = codes_from_codebook(
    ["ppe", "testing", "samverkan", "care"],
    ["Skyddsutrustning", "Testning", "Samverkan", "Vård"],
    ["Brist på skyddsutrustning", "Testning och smittspårning", "Region och kommun", ""],
    ["#d95f02", None, "#1b9e77", None],
)
DOCS = [DocInfo("podd/avsnitt-1.txt", region="Skåne", kind="transcript", date="2020-04", title="Avsnitt 1"),
        DocInfo("rapport.pdf", region="Stockholm", kind="report")]


@pytest.fixture
def qdpx(tmp_path: Path) -> Path:
    return write_passages_qdpx(tmp_path / "p.qdpx", PASSAGES, TEXTS, CODES, docs=DOCS, project_name="Test",
                               created=CREATED)


def test_project_validates_against_the_refi_qda_schema(qdpx: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(shared_path("schemas", "refi-qda", "Project-mrt2019.xsd"))))
    with zipfile.ZipFile(qdpx) as archive:
        project = etree.fromstring(archive.read("project.qde"))
    assert schema.validate(project), schema.error_log


def test_selections_point_at_the_quotes_in_the_source_files(qdpx: Path) -> None:
    with zipfile.ZipFile(qdpx) as archive:
        project = etree.fromstring(archive.read("project.qde"))
        names = archive.namelist()
        sources = project.findall(".//q:TextSource", NS)
        assert len(sources) == 2
        found = set()
        for source in sources:
            path = source.get("plainTextPath")
            assert path.startswith("internal://")
            member = "sources/" + path.removeprefix("internal://")
            assert member in names
            text = archive.read(member).decode("utf-8")
            doc_id = {v: k for k, v in NAMES.items()}[source.get("name")]
            assert text == TEXTS[doc_id]
            units = text.encode("utf-16-le")  # positions count UTF-16 units by default
            for sel in source.findall("q:PlainTextSelection", NS):
                start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
                found.add((doc_id, units[2 * start : 2 * end].decode("utf-16-le")))
    assert found == {(p.doc_id, p.quote) for p in PASSAGES}


def test_codebook_and_variables_are_in_the_project(qdpx: Path) -> None:
    with zipfile.ZipFile(qdpx) as archive:
        project = etree.fromstring(archive.read("project.qde"))
    codes = {c.get("name"): c for c in project.findall(".//q:CodeBook//q:Code", NS)}
    assert set(codes) == {"Skyddsutrustning", "Testning", "Samverkan", "Vård"}
    assert codes["Skyddsutrustning"].get("color") == "#d95f02"
    assert codes["Testning"].get("color", "").startswith("#")
    assert codes["Samverkan"].findtext("q:Description", namespaces=NS) == "Region och kommun"
    variables = {v.get("name") for v in project.findall(".//q:Variables/q:Variable", NS)}
    assert {"region", "kind", "date", "title"} <= variables
    # one selection with two codings where two themes share the same sentence
    shared = [s for s in project.findall(".//q:PlainTextSelection", NS) if len(s.findall("q:Coding", NS)) == 2]
    assert len(shared) == 1


def test_round_trip_through_our_reader(qdpx: Path) -> None:
    project = read_qdpx(qdpx)
    assert project.name == "Test" and project.missing_text == []
    assert {s.variables["document_id"]: s.text for s in project.sources} == TEXTS
    assert {s.name for s in project.sources} == set(NAMES.values())
    assert {c.name for c in project.codes} == {"Skyddsutrustning", "Testning", "Samverkan", "Vård"}
    names = {c.id: c.name for c in CODES}
    expected = sorted(Coding(NAMES[p.doc_id], p.start, p.end, names[p.theme]) for p in PASSAGES)
    assert coding_set(project) == expected
    texts = {s.id: s.text for s in project.sources}
    for coding in coding_set(project, by="guid"):
        assert texts[coding.source][coding.start : coding.end] in {p.quote for p in PASSAGES}


def test_same_inputs_give_a_byte_identical_archive(tmp_path: Path) -> None:
    one = write_passages_qdpx(tmp_path / "1.qdpx", PASSAGES, TEXTS, CODES, docs=DOCS, created=CREATED).read_bytes()
    two = write_passages_qdpx(tmp_path / "2.qdpx", list(reversed(PASSAGES)), TEXTS, CODES, docs=DOCS,
                              created=CREATED).read_bytes()
    assert one == two


def test_nested_codes_and_inline_text_are_read(tmp_path: Path) -> None:
    codes = [QdaCode("parent", "Förutsättningar"), QdaCode("child", "Bemanning", parent="parent")]
    xml = project_xml([QdaSource("s1", "Källa", "Bemanningen räcker inte.")], codes,
                      [Coding("s1", 0, 11, "child")])
    # the same project with the text inline instead of in a file, as some tools write it
    root = etree.fromstring(xml)
    source = root.find(".//q:TextSource", NS)
    del source.attrib["plainTextPath"]
    content = etree.Element("{urn:QDA-XML:project:1.0}PlainTextContent")
    content.text = "Bemanningen räcker inte."
    source.insert(0, content)
    path = tmp_path / "inline.qde"
    path.write_bytes(etree.tostring(root))
    project = read_qdpx(path)
    assert [(c.name, c.parent is not None) for c in project.codes] == [("Förutsättningar", False), ("Bemanning", True)]
    assert coding_set(project) == [Coding("Källa", 0, 11, "Bemanning")]


def test_bad_inputs_are_user_errors(tmp_path: Path) -> None:
    stale = CodedPassage("rapport.pdf", 0, 9, "Något annat", "samverkan")
    with pytest.raises(UserError, match="no longer matches"):
        write_passages_qdpx(tmp_path / "x.qdpx", [stale], TEXTS, CODES)
    unknown = CodedPassage("rapport.pdf", 0, 9, "Samverkan", "okänd")
    with pytest.raises(UserError, match="not a code"):
        write_passages_qdpx(tmp_path / "x.qdpx", [unknown], TEXTS, CODES)
    with pytest.raises(UserError, match="outside the source"):
        write_qdpx(tmp_path / "x.qdpx", [QdaSource("s", "s", "kort")], CODES, [Coding("s", 0, 99, "ppe")])
    with pytest.raises(UserError, match="not #rrggbb"):
        write_qdpx(tmp_path / "x.qdpx", [], [QdaCode("a", "A", color="red")], [])
    not_qda = tmp_path / "not.qdpx"
    with zipfile.ZipFile(not_qda, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(UserError, match=r"no project\.qde"):
        read_qdpx(not_qda)
