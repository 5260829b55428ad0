"""Riksdag protocol speech headers ("Anf. 12 Socialminister LENA HALLENGREN (S):") become turns."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.segment import segment_turns, speaker_table

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
EXCERPT = SHARED / "data" / "riksdagen" / "records_excerpt" / "prot-201920--106_excerpt.xml"


def _excerpt_text() -> str:
    """The excerpt's speaker notes and utterance segments as paragraphs, as a TEI reader would give them."""
    etree = pytest.importorskip("lxml.etree")
    root = etree.parse(str(EXCERPT)).getroot()
    paragraphs = [" ".join(el.xpath("string()").split()) for el in root.iter("{*}note", "{*}seg")]
    return "\n\n".join(p for p in paragraphs if p)


@pytest.mark.skipif(not EXCERPT.exists(), reason="../shared Riksdag excerpt not available")
def test_riksdag_excerpt_utterances_with_name_and_party() -> None:
    text = _excerpt_text()
    seg = segment_turns(text)
    assert seg.format == "riksdag_protocol"
    assert [(t.label, t.attrs["anf"], t.attrs["party"]) for t in seg.turns] == [
        ("TOBIAS ANDERSSON", 12, "SD"), ("SOFIA NILSSON", 13, "C")]
    first, second = (text[t.start : t.end] for t in seg.turns)
    assert first.startswith("Fru talman! Jag vill börja med att yrka bifall")
    assert first.endswith("rädda så många liv som möjligt.")
    assert first.count("\n\n") == 4  # the five utterances of Anf. 12 in this excerpt
    assert second.startswith("Fru talman! Ett enigt socialutskott")
    assert second.endswith("med anledning av coronaviruset.")
    # the utterance before the first header belongs to a speech that began outside the excerpt
    assert seg.turns[0].label_start > text.index("Därmed, fru talman")
    assert [(s.name, s.aliases, s.party) for s in seg.speakers] == [
        ("Tobias Andersson", ["TOBIAS ANDERSSON"], "SD"), ("Sofia Nilsson", ["SOFIA NILSSON"], "C")]
    rows = speaker_table(text, seg)
    assert sum(int(str(r["words"])) for r in rows) == sum(len(text[t.start : t.end].split()) for t in seg.turns)


PROTOCOL = """Protokoll 2019/20:106

Anf. 1 TALMANNEN:
Jag ger ordet till socialministern.

Anf. 12 Socialminister LENA HALLENGREN (S):
Fru talman! Tack för frågan.

Anf. 13 JOHAN HULTBERG (M) replik:
Fru talman! Jag tackar ministern.

Anf. 14 Socialminister LENA HALLENGREN (S) replik:
Fru talman! Vi gör allt vi kan.

Anf. 15 Justitie- och migrationsminister MORGAN JOHANSSON (S):
Fru talman! Kort kommentar.
"""


def test_protocol_roles_parties_and_replies() -> None:
    seg = segment_turns(PROTOCOL)
    assert seg.format == "riksdag_protocol"
    assert [t.label for t in seg.turns] == ["TALMANNEN", "LENA HALLENGREN", "JOHAN HULTBERG", "LENA HALLENGREN",
                                            "MORGAN JOHANSSON"]
    assert seg.turns[1].attrs == {"anf": 12, "party": "S", "role": "socialminister"}
    assert seg.turns[2].attrs == {"anf": 13, "party": "M", "replik": True}
    hdr = seg.turns[1]
    assert PROTOCOL[hdr.label_start : hdr.label_end] == "Anf. 12 Socialminister LENA HALLENGREN (S):"
    assert PROTOCOL[hdr.start : hdr.end] == "Fru talman! Tack för frågan."
    speakers = {s.name: (s.role, s.party, s.aliases) for s in seg.speakers}
    assert speakers["Lena Hallengren"] == ("socialminister", "S", ["LENA HALLENGREN"])
    assert speakers["Johan Hultberg"] == (None, "M", ["JOHAN HULTBERG"])
    assert speakers["Morgan Johansson"][0] == "justitie- och migrationsminister"
    assert speakers["Talmannen"][0] == "talman"
