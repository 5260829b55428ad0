"""REFI-QDA codebook (QDC) export and import: schema-valid XML, stable GUIDs, and a lossless round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from paths import shared_path
from textsamverkan.errors import UserError
from textsamverkan.themes.codebook import Codebook, parse_codebook
from textsamverkan.themes.codebook_files import load_codebook
from textsamverkan.themes.qdc import PROJECT_NAMESPACE, code_guid, parse_qdc, qdc_bytes, read_qdc, slug, write_qdc

FOREIGN = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder">
  <Codes>
    <Code guid="{0B9D5E6A-1111-4A6B-9C1D-0123456789AB}" name="Ensamhet &amp; isolering" isCodable="false"
          color="#FF0000">
      <Description>Äldres ensamhet under pandemin.</Description>
      <Code guid="0b9d5e6a-2222-4a6b-9c1d-0123456789ab" name="Besöksförbud" isCodable="true"/>
    </Code>
  </Codes>
</CodeBook>
"""


def test_guids_are_stable_uuid5_of_the_id() -> None:
    assert code_guid("ppe") == code_guid("ppe") == "846459d6-d628-5983-b747-f70e909d598d"
    assert code_guid("ppe") != code_guid("testing")


def test_export_is_valid_against_the_refi_qda_schema(default_codebook: Codebook) -> None:
    xsd = shared_path("schemas", "refi-qda", "Project-mrt2019.xsd")
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    nsmap: Any = {None: PROJECT_NAMESPACE}
    project = etree.Element(f"{{{PROJECT_NAMESPACE}}}Project", nsmap=nsmap, name="test")
    project.append(etree.fromstring(qdc_bytes(default_codebook, namespace=PROJECT_NAMESPACE)))
    assert schema.validate(project), schema.error_log
    root = etree.fromstring(qdc_bytes(default_codebook))
    assert root.tag == "{urn:QDA-XML:codebook:1.0}CodeBook"
    guids = [c.get("guid") for c in root.iter("{urn:QDA-XML:codebook:1.0}Code")]
    assert guids == [code_guid(c.id) for c in default_codebook.codes]


def test_round_trip_keeps_ids_and_rules(default_codebook: Codebook, tmp_path: Path) -> None:
    path = tmp_path / "codebook.qdc"
    write_qdc(default_codebook, path)
    again = read_qdc(path)
    assert again == default_codebook
    assert load_codebook(path) == default_codebook  # .qdc is accepted wherever a codebook file is


def test_edits_in_another_program_come_back_with_our_rules(default_codebook: Codebook) -> None:
    xml = qdc_bytes(default_codebook).decode("utf-8").replace('name="Skyddsutrustning"', 'name="PPE (skydd)"')
    again = parse_qdc(xml.encode("utf-8"))
    ppe = again.code("ppe")
    assert ppe.label_sv == "PPE (skydd)"
    assert ppe.terms == default_codebook.code("ppe").terms


def test_foreign_codebook_gets_ids_hierarchy_and_fallback_rules() -> None:
    cb = parse_qdc(FOREIGN.encode("utf-8"), source="foreign.qdc")
    assert cb.ids == ["ensamhet_isolering", "besoksforbud"]
    parent, child = cb.codes
    assert not parent.codable and parent.color == "#FF0000"
    assert child.parent == "ensamhet_isolering" and child.codable
    assert [p.written for p in child.phrases] == ["besöksförbud"]
    assert parent.exemplars[0].text == "Äldres ensamhet under pandemin."
    # hierarchy survives export and import
    again = parse_qdc(qdc_bytes(cb), base=cb)
    assert again.codes == cb.codes


def test_malformed_qdc_names_file_and_line() -> None:
    broken = FOREIGN.replace("</Codes>", "</Code>")
    with pytest.raises(UserError) as info:
        parse_qdc(broken.encode("utf-8"), source="bad.qdc")
    assert info.value.code == "E109" and info.value.message.startswith("bad.qdc:9:")
    missing = FOREIGN.replace(' isCodable="true"', "")
    with pytest.raises(UserError) as info:
        parse_qdc(missing.encode("utf-8"), source="bad.qdc")
    assert info.value.message.startswith("bad.qdc:7:") and "isCodable" in info.value.message


def test_slug() -> None:
    assert slug("Vårdhygien & smittskydd") == "vardhygien_smittskydd"
    assert slug("1177 Vårdguiden") == "c_1177_vardguiden"


def test_yaml_parent_and_codable_survive_qdc() -> None:
    cb = parse_codebook(
        "codebook: h\ncodes:\n  top:\n    label_sv: Topp\n    codable: false\n"
        "  leaf:\n    label_sv: Löv\n    parent: top\n    terms: [löv]\n",
        source="h.yaml",
    )
    assert parse_qdc(qdc_bytes(cb), base=cb).codes == cb.codes
