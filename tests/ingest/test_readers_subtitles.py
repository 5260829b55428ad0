"""The SRT/WebVTT reader: one cue per line, cue locators, voice tags as merged turn spans, broken cues noted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textsamverkan.errors import E_MALFORMED, ReadError
from textsamverkan.model import RawDocument

ReadAll = Callable[..., list[RawDocument]]
ReadFails = Callable[..., ReadError]

VTT = """WEBVTT - Podd om samverkan
Kind: captions

NOTE Den här kommentaren
är inte text

STYLE
::cue { color: yellow }

intro
00:00:01.000 --> 00:00:04.000 align:start position:10%
<v Anna Svensson>Välkommen till podden.
Idag pratar vi <i>samverkan</i>.

00:00:04.500 --> 00:00:07.000
<v Anna Svensson>Med mig har jag Bo Ek.

00:00:07.000 --> 00:00:0X.000
<v Bo Ek>Den här cuen är trasig.

00:07.500 --> 00:09.000
<v.loud Bo Ek>Tack <c.yellow>Anna</c>! Regioner &amp; kommuner {\\an8}

00:10.000 --> 00:12.000
Musik utan röst.

00:12.000 --> 00:14.000
<v Anna Svensson>Hej.</v> <v Bo Ek>Hej hej.
"""

SRT = """1
00:00:01,000 --> 00:00:04,000
ANNA: Välkommen till podden.
<i>Idag</i> pratar vi <b>samverkan</b>.

2
00:00:04,500 --> 00:00:07,000
- Bo: Tack!
- Anna: Varsågod.

3
00:00:07,000 -> 00:00:09,000
Pilen är fel.

4
00:00:09,5 --> 00:01:02,25
{\\an8}<font color="#ffff00">Kort millisekund.</font>
"""


def write(tmp_path: Path, text: str, name: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_webvtt_cues_voices_and_notes(tmp_path: Path, read_all: ReadAll) -> None:
    [doc] = read_all(write(tmp_path, VTT, "podd.vtt"))
    assert doc.text == (
        "Välkommen till podden. Idag pratar vi samverkan.\n"
        "Med mig har jag Bo Ek.\n"
        "Tack Anna! Regioner & kommuner\n"
        "Musik utan röst.\n"
        "Hej. Hej hej."
    )
    assert doc.format == "vtt"
    assert [(doc.text[loc.raw_start:loc.raw_end], loc.value, loc.attrs["index"]) for loc in doc.locators] == [
        ("Välkommen till podden. Idag pratar vi samverkan.", "00:00:01.000 --> 00:00:04.000", 1),
        ("Med mig har jag Bo Ek.", "00:00:04.500 --> 00:00:07.000", 2),
        ("Tack Anna! Regioner & kommuner", "00:00:07.500 --> 00:00:09.000", 4),
        ("Musik utan röst.", "00:00:10.000 --> 00:00:12.000", 5),
        ("Hej. Hej hej.", "00:00:12.000 --> 00:00:14.000", 6),
    ]
    assert {loc.kind for loc in doc.locators} == {"cue"}
    assert doc.locators[0].attrs["id"] == "intro" and doc.locators[0].attrs["line"] == 11
    # Two cues of Anna make one turn; the broken cue between Bo's is gone, so Bo's turn stands alone.
    assert [(s.layer, s.label, doc.text[s.start:s.end]) for s in doc.structure] == [
        ("turn", "Anna Svensson", "Välkommen till podden. Idag pratar vi samverkan.\nMed mig har jag Bo Ek."),
        ("turn", "Bo Ek", "Tack Anna! Regioner & kommuner"),
        ("turn", "Anna Svensson", "Hej."),
        ("turn", "Bo Ek", "Hej hej."),
    ]
    assert doc.notes == ["line 18: malformed timestamp '00:00:07.000 --> 00:00:0X.000'; cue skipped"]
    assert doc.metadata == {"cues": 5, "title": "Podd om samverkan"}


def test_srt_keeps_written_speakers_and_strips_tags(tmp_path: Path, read_all: ReadAll) -> None:
    [doc] = read_all(write(tmp_path, SRT, "avsnitt.srt"))
    assert doc.text == (
        "ANNA: Välkommen till podden. Idag pratar vi samverkan.\n"
        "- Bo: Tack! - Anna: Varsågod.\n"
        "Kort millisekund."
    )
    assert doc.format == "srt" and doc.structure == []
    assert [(loc.value, loc.attrs["index"], loc.attrs["line"]) for loc in doc.locators] == [
        ("00:00:01.000 --> 00:00:04.000", 1, 2),
        ("00:00:04.500 --> 00:00:07.000", 2, 7),
        ("00:00:09.500 --> 00:01:02.250", 4, 16),
    ]
    assert [doc.text[loc.raw_start:loc.raw_end] for loc in doc.locators] == doc.text.split("\n")
    assert doc.notes == ["line 12: malformed timestamp '00:00:07,000 -> 00:00:09,000'; cue skipped"]


def test_crlf_bom_and_cp1252(tmp_path: Path, read_all: ReadAll) -> None:
    text = "1\r\n00:00:01,000 --> 00:00:02,000\r\nÄldreomsorg i Malmö\r\n"
    [doc] = read_all(write(tmp_path, "\ufeff" + text, "bom.srt"))
    assert doc.text == "Äldreomsorg i Malmö"
    assert doc.notes == ["UTF-8 with byte-order mark"]
    [doc] = read_all(write(tmp_path, text, "latin.srt", encoding="cp1252"))
    assert doc.text == "Äldreomsorg i Malmö"
    assert doc.notes[0].startswith("not valid UTF-8: decoded as Windows-1252")


def test_blank_line_inside_a_cue_keeps_its_text(tmp_path: Path, read_all: ReadAll) -> None:
    text = ("1\n00:00:01,000 --> 00:00:02,000\nFörsta halvan\n\nandra halvan\n\n"
            "2\n00:00:03,000 --> 00:00:04,000\nNästa\n")
    [doc] = read_all(write(tmp_path, text, "glapp.srt"))
    assert doc.text == "Första halvan andra halvan\nNästa"
    assert doc.notes == ["line 5: text without a timing line; joined to the cue before"]


def test_vtt_without_header_is_read_with_a_note(tmp_path: Path, read_all: ReadAll) -> None:
    [doc] = read_all(write(tmp_path, "00:01.000 --> 00:02.000\n<v Anna>Hej\n", "utan.vtt"))
    assert doc.text == "Hej"
    assert doc.notes == ["the file does not start with 'WEBVTT'; read as WebVTT anyway"]
    assert [(s.label, s.start, s.end) for s in doc.structure] == [("Anna", 0, 3)]


def test_no_cues_is_e_malformed(tmp_path: Path, read_fails: ReadFails) -> None:
    error = read_fails(write(tmp_path, "Bara vanlig text.\nIngen tidskod.\n", "text.srt"))
    assert error.code == E_MALFORMED
    assert "no subtitle cues found (line 1: no timing line" in error.message
    assert "--format text" in error.hint
    error = read_fails(write(tmp_path, "WEBVTT\n\n00:00:01.000 --> 99:99\nTrasig\n", "trasig.vtt"))
    assert error.code == E_MALFORMED
    assert "line 3: malformed timestamp" in error.message


def test_many_broken_cues_are_summarised(tmp_path: Path, read_all: ReadAll) -> None:
    broken = "".join(f"{i}\n00:00:0{i},000 --> fel\nText {i}\n\n" for i in range(1, 10))
    good = "".join(f"{i}\n00:00:{i},000 --> 00:00:{i + 1},000\nText {i}\n\n" for i in range(10, 15))
    extra = "".join(f"{i}\n00:00:{i},000 --> fel\nText {i}\n\n" for i in range(15, 20))
    [doc] = read_all(write(tmp_path, broken + good + extra, "manga.srt"))
    assert doc.text == "\n".join(f"Text {i}" for i in range(10, 15))
    assert len(doc.notes) == 11
    assert doc.notes[-1] == "… and 4 more problems like these"
