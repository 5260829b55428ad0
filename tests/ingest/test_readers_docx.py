"""The DOCX reader: paragraphs and tables in order, headings and list items as spans, metadata, clear errors."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from textsamverkan.errors import E_EMPTY, E_MALFORMED, E_UNSUPPORTED, ReadError
from textsamverkan.model import RawDocument

ReadAll = Callable[..., list[RawDocument]]
ReadFails = Callable[..., ReadError]


def save(document: docx.document.Document, tmp_path: Path, name: str = "doc.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def report() -> docx.document.Document:
    document = docx.Document()
    document.core_properties.title = "Samverkan i Skåne"
    document.core_properties.author = "Anna Svensson"
    document.core_properties.created = datetime(2020, 5, 4, 9, 30, tzinfo=UTC)
    document.add_heading("Lägesrapport om äldreomsorgen", 0)
    document.add_heading("Bakgrund", 1)
    paragraph = document.add_paragraph("Regionen och kommunerna ")
    paragraph.add_run("samverkar").bold = True
    paragraph.add_run(" sedan 2019.")
    document.add_paragraph("")  # empty paragraphs are not text
    document.add_paragraph("Skyddsutrustning", style="List Bullet")
    document.add_paragraph("Testning", style="List Bullet")
    document.add_paragraph("- redan markerad", style="List Bullet")
    document.add_paragraph("Smittspårning", style="List Number")
    document.add_heading("Siffror", 2)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Region", "Fall", "Döda"), ("Skåne", "12", ""), ("Halland", "4", "1")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    line = document.add_paragraph("Sista stycket,")
    line.add_run().add_break()
    line.add_run("på två rader.")
    return document


def test_paragraphs_headings_lists_and_tables(tmp_path: Path, read_all: ReadAll) -> None:
    [doc] = read_all(save(report(), tmp_path))
    assert doc.text == (
        "Lägesrapport om äldreomsorgen\n\n"
        "Bakgrund\n\n"
        "Regionen och kommunerna samverkar sedan 2019.\n\n"
        "• Skyddsutrustning\n"
        "• Testning\n"
        "- redan markerad\n"
        "• Smittspårning\n\n"
        "Siffror\n\n"
        "Region | Fall | Döda\n"
        "Skåne | 12 |\n"
        "Halland | 4 | 1\n\n"
        "Sista stycket,\npå två rader."
    )
    headings = [(doc.text[s.start:s.end], s.attrs["level"]) for s in doc.structure if s.label == "heading"]
    assert headings == [("Lägesrapport om äldreomsorgen", 0), ("Bakgrund", 1), ("Siffror", 2)]
    bullets = [doc.text[s.start:s.end] for s in doc.structure if s.label == "bullet"]
    assert bullets == ["• Skyddsutrustning", "• Testning", "- redan markerad", "• Smittspårning"]
    assert doc.metadata == {"title": "Samverkan i Skåne", "author": "Anna Svensson",
                            "created": "2020-05-04T09:30:00+00:00"}
    assert doc.format == "docx" and doc.notes == []


def test_swedish_and_derived_heading_styles_and_direct_numbering(tmp_path: Path, read_all: ReadAll) -> None:
    document = docx.Document()
    rubrik = document.styles.add_style("Rubrik 1", WD_STYLE_TYPE.PARAGRAPH)  # as LibreOffice in Swedish names it
    own = document.styles.add_style("Min rubrik", WD_STYLE_TYPE.PARAGRAPH)
    own.base_style = document.styles["Heading 3"]
    document.add_paragraph("Inledning", style=rubrik)
    document.add_paragraph("Egen rubrikstil", style=own)
    numbered = document.add_paragraph("Numrerad utan liststil")
    numbered._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    not_numbered = document.add_paragraph("numId 0 betyder ingen numrering")
    not_numbered._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))
    [doc] = read_all(save(document, tmp_path))
    assert doc.text == ("Inledning\n\nEgen rubrikstil\n\n• Numrerad utan liststil\n\n"
                        "numId 0 betyder ingen numrering")
    assert [(s.label, doc.text[s.start:s.end], s.attrs.get("level")) for s in doc.structure] == [
        ("heading", "Inledning", 1), ("heading", "Egen rubrikstil", 3), ("bullet", "• Numrerad utan liststil", None)]


def test_tracked_changes_and_title_fallback(tmp_path: Path, read_all: ReadAll) -> None:
    document = docx.Document()
    document.core_properties.title = ""
    document.add_paragraph("Rapporten", style="Title")
    paragraph = document.add_paragraph("Vi ")
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="A"><w:r><w:t xml:space="preserve">har </w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="A"><w:r><w:delText>inte </w:delText></w:r></w:del>'))
    paragraph.add_run("samverkat.\tKlart")
    [doc] = read_all(save(document, tmp_path))
    assert doc.text == "Rapporten\n\nVi har samverkat.\tKlart"  # inserted text in, deleted text out
    assert doc.metadata["title"] == "Rapporten"


def test_single_column_table_is_read_as_body(tmp_path: Path, read_all: ReadAll) -> None:
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = "Faktaruta"
    frame.paragraphs[0].style = document.styles["Heading 2"]
    frame.add_paragraph("Text i rutan.")
    [doc] = read_all(save(document, tmp_path))
    assert doc.text == "Faktaruta\n\nText i rutan."
    assert [(s.label, doc.text[s.start:s.end]) for s in doc.structure] == [("heading", "Faktaruta")]


def test_corrupt_docx_is_e_malformed(tmp_path: Path, read_fails: ReadFails) -> None:
    good = save(report(), tmp_path).read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good[: len(good) // 2])
    error = read_fails(truncated)
    assert error.code == E_MALFORMED
    assert "the DOCX is damaged or not a DOCX file (BadZipFile" in error.message
    text_file = tmp_path / "text.docx"
    text_file.write_text("bara text, ingen zip", encoding="utf-8")
    assert read_fails(text_file).code == E_MALFORMED
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
    no_document = tmp_path / "empty-package.docx"
    no_document.write_bytes(buffer.getvalue())
    assert read_fails(no_document).code == E_MALFORMED


def test_old_word_file_is_unsupported(tmp_path: Path, read_fails: ReadFails) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    error = read_fails(path)
    assert error.code == E_UNSUPPORTED
    assert ".doc" in error.message and "save it as .docx" in error.hint


def test_document_without_text_is_e_empty(tmp_path: Path, read_fails: ReadFails) -> None:
    document = docx.Document()
    document.add_paragraph("   ")
    assert read_fails(save(document, tmp_path)).code == E_EMPTY
