"""The PDF reader: pages joined by a form feed with page locators, safe header/footer removal, clear errors."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from textsamverkan.errors import E_EMPTY, E_MALFORMED, E_UNSUPPORTED, ReadError
from textsamverkan.ingest.readers.base import format_ranges
from textsamverkan.ingest.readers.pdf import strip_furniture
from textsamverkan.model import RawDocument

ReadAll = Callable[..., list[RawDocument]]
ReadFails = Callable[..., ReadError]


def make_pdf(pages: list[list[str]], *, numbers: bool = True, header: str = "", footer: str = "",
             title: str = "Rapport om samverkan", encrypt: object = None) -> bytes:
    """A PDF with one line of text per string, a header/footer line and a page number when asked."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
    pdf.setTitle(title)
    pdf.setAuthor("Region Skåne")
    for number, lines in enumerate(pages, start=1):
        if header:
            pdf.drawString(72, 810, header)
        y = 770
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 16
        if footer:
            pdf.drawString(72, 50, footer.format(n=number))
        if numbers:
            pdf.drawString(290, 30, str(number))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def write(tmp_path: Path, data: bytes, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_two_pages_sentence_across_the_break(tmp_path: Path, read_all: ReadAll) -> None:
    data = make_pdf([["Samverkan under pandemin", "Regionen och kommunerna behövde samordna"],
                     ["sina insatser för äldre. Det gick bra."]])
    [doc] = read_all(write(tmp_path, data))
    assert doc.text == ("Samverkan under pandemin\nRegionen och kommunerna behövde samordna"
                        "\n\f\nsina insatser för äldre. Det gick bra.")
    assert [(loc.kind, loc.value) for loc in doc.locators] == [("page", "1"), ("page", "2")]
    assert [doc.text[loc.raw_start:loc.raw_end] for loc in doc.locators] == [
        "Samverkan under pandemin\nRegionen och kommunerna behövde samordna",
        "sina insatser för äldre. Det gick bra.",
    ]
    assert doc.metadata["title"] == "Rapport om samverkan"
    assert doc.metadata["author"] == "Region Skåne"
    assert doc.metadata["pages"] == 2
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d.*", doc.metadata["created"])
    assert doc.notes == ["dropped page numbers on 2 page(s)"]


def test_repeated_header_and_footer_are_dropped(tmp_path: Path, read_all: ReadAll) -> None:
    bodies = ["Om äldreomsorgen.", "Om hemtjänsten.", "Om testningen.", "Om skyddsutrustningen."]
    data = make_pdf([[body] for body in bodies], numbers=False,
                    header="Socialstyrelsen – Lägesrapport 2020", footer="Sida {n} av 4")
    [doc] = read_all(write(tmp_path, data))
    assert doc.text == "\n\f\n".join(bodies)
    assert doc.notes == [
        "dropped a repeated page header/footer (e.g. 'Socialstyrelsen – Lägesrapport 2020') on 4 pages"]


def test_lines_differing_in_numbers_off_the_page_sequence_are_kept(tmp_path: Path, read_all: ReadAll) -> None:
    pages = [[f"Tabell {n} visar antalet fall.", f"Text om tabell {n}."] for n in (5, 9, 2, 7)]
    [doc] = read_all(write(tmp_path, make_pdf(pages, numbers=False)))
    assert doc.text == "\n\f\n".join(f"Tabell {n} visar antalet fall.\nText om tabell {n}." for n in (5, 9, 2, 7))
    assert doc.notes == []


def test_running_page_numbers_only_in_short_outermost_lines() -> None:
    pages = [["Socialstyrelsen – Lägesrapport",
              f"Rad 0 på sidan {n} om äldreomsorg och samverkan mellan region och kommun.",
              f"Avsnitt {chr(64 + n)}.", f"Sida {n} av 4"] for n in range(1, 5)]
    cleaned, notes = strip_furniture(pages)
    assert cleaned == [[page[1], page[2]] for page in pages]
    assert notes == ["dropped a repeated page header/footer (e.g. 'Socialstyrelsen – Lägesrapport') on 4 pages"]


def test_lines_repeated_on_only_some_pages_are_kept(tmp_path: Path, read_all: ReadAll) -> None:
    pages = [["Gemensam rad", "Text A."], ["Gemensam rad", "Text B."], ["Text C."], ["Text D."]]
    [doc] = read_all(write(tmp_path, make_pdf(pages, numbers=False)))
    assert doc.text.count("Gemensam rad") == 2  # on 2 of 4 pages: not "most pages"
    assert doc.notes == []


def test_two_page_documents_keep_repeated_lines(tmp_path: Path, read_all: ReadAll) -> None:
    pages = [["Tabell", "Rad ett."], ["Tabell", "Rad två."]]
    [doc] = read_all(write(tmp_path, make_pdf(pages, numbers=False)))
    assert doc.text == "Tabell\nRad ett.\n\f\nTabell\nRad två."


def test_a_numbered_two_page_document_loses_its_running_header(tmp_path: Path, read_all: ReadAll) -> None:
    pages = [["Regionen och kommunerna behövde samordna"], ["sina insatser för äldre. Det gick bra."]]
    [doc] = read_all(write(tmp_path, make_pdf(pages, header="Region Norrland – Uppföljning 2021")))
    # the header would otherwise sit inside the sentence that runs over the page break
    assert doc.text == "Regionen och kommunerna behövde samordna\n\f\nsina insatser för äldre. Det gick bra."
    assert doc.notes[0] == (
        "dropped a repeated page header/footer (e.g. 'Region Norrland – Uppföljning 2021') on 2 pages")
    # a page number read out just below the header, as some writers draw it
    cleaned, _ = strip_furniture([["Rapport 2021", "1", "Text som fortsätter"], ["Rapport 2021", "2", "här."]])
    assert cleaned == [["Text som fortsätter"], ["här."]]


def test_strip_furniture_keeps_numbers_off_the_page_sequence() -> None:
    pages = [["Resultat", "42"], ["Mer text", "7"], ["Slut", "1999"]]
    cleaned, notes = strip_furniture(pages)
    assert cleaned == pages and notes == []
    # numbers that follow the sequence with an offset (an unnumbered cover page) are page numbers
    cleaned, notes = strip_furniture([["Omslag"], ["Text", "1"], ["Mer", "2"]])
    assert cleaned == [["Omslag"], ["Text"], ["Mer"]]
    assert notes == ["dropped page numbers on 2 page(s)"]
    cleaned, _ = strip_furniture([["- 3 -", "Text"], ["- 4 -", "Mer"]])
    assert cleaned == [["Text"], ["Mer"]]


def test_truncated_pdf_is_e_malformed(tmp_path: Path, read_fails: ReadFails,
                                      caplog: pytest.LogCaptureFixture) -> None:
    data = make_pdf([["Text på första sidan."], ["Text på andra sidan."]])
    with caplog.at_level(logging.WARNING):
        error = read_fails(write(tmp_path, data[: len(data) // 2]))
    assert error.code == E_MALFORMED
    assert error.message.endswith("doc.pdf: the PDF is damaged or truncated "
                                  "(PdfStreamError: Stream has ended unexpectedly)")
    assert error.hint == "Re-export it from the source program or convert it to text."
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]  # no warnings spilled


def test_repaired_structure_is_a_note(tmp_path: Path, read_all: ReadAll) -> None:
    data = make_pdf([["Första sidan."], ["Andra sidan."]])
    offset = re.search(rb"startxref\s+(\d+)", data)
    assert offset
    broken = data.replace(b"startxref\n" + offset.group(1), b"startxref\n" + str(int(offset.group(1)) + 7).encode())
    [doc] = read_all(write(tmp_path, broken))
    assert doc.text == "Första sidan.\n\f\nAndra sidan."
    assert doc.notes[0].startswith("pypdf worked around ")
    assert "incorrect startxref pointer" in doc.notes[0]


def test_password_protected_pdf(tmp_path: Path, read_fails: ReadFails) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    locked = make_pdf([["Hemligt."]], encrypt=StandardEncryption("hemligt", ownerPassword="ägare"))
    error = read_fails(write(tmp_path, locked))
    assert error.code == E_UNSUPPORTED
    assert "password-protected" in error.message


def test_pdf_restricted_only_by_owner_password_is_read(tmp_path: Path, read_all: ReadAll) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    restricted = make_pdf([["Öppen text."]], numbers=False, encrypt=StandardEncryption("", ownerPassword="ägare"))
    [doc] = read_all(write(tmp_path, restricted))
    assert doc.text == "Öppen text."


def test_pdf_without_text_asks_for_ocr(tmp_path: Path, read_fails: ReadFails) -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.rect(100, 100, 300, 500, fill=1)  # a page that is only a picture, like a scan
    pdf.showPage()
    pdf.save()
    error = read_fails(write(tmp_path, buffer.getvalue()))
    assert error.code == E_EMPTY
    assert "no extractable text" in error.message
    assert "OCR" in error.hint


def test_pages_without_text_are_noted(tmp_path: Path, read_all: ReadAll) -> None:
    [doc] = read_all(write(tmp_path, make_pdf([["Text."], [], ["Mer text."]], numbers=False)))
    assert doc.text == "Text.\n\f\n\n\f\nMer text."
    assert [(loc.value, loc.raw_start, loc.raw_end) for loc in doc.locators] == [
        ("1", 0, 5), ("2", 8, 8), ("3", 11, 20)]
    assert doc.notes == ["no text on page(s) 2 (images or scans?); OCR the PDF to include them"]


def test_format_ranges() -> None:
    assert format_ranges([9, 1, 3, 4, 5]) == "1, 3–5, 9"
