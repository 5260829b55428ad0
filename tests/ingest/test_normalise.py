"""Normalisation: characters fixed once, layout cuts joined, every canonical offset maps back to the raw text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from textsamverkan.ingest.normalise import normalise


def raw_behind(raw: str, norm_text: str, start: int, end: int, result: object) -> str:
    rs, re_ = result.offset_map.span_to_raw(start, end)  # type: ignore[attr-defined]
    return raw[rs:re_]


def test_line_endings_controls_soft_hyphens_and_nfc() -> None:
    raw = "Ir\u0065\u0300ne sa:\r\nSkydds\u00adutrustning\x07 finns.\rSlut\u00a0här"
    result = normalise(raw)
    assert result.text == "Irène sa:\nSkyddsutrustning finns.\nSlut här"
    assert unicodedata.is_normalized("NFC", result.text)


def test_page_break_cut_paragraph_is_joined() -> None:
    raw = "- Framförallt den samordningen. Det kan\n\nvara våra avtal och överenskommelser."
    assert (
        normalise(raw).text == "- Framförallt den samordningen. Det kan vara våra avtal och överenskommelser."
    )


def test_form_feed_page_break_mid_sentence_is_joined() -> None:
    assert normalise("Det gäller alla\n\f\nkommuner i länet.").text == "Det gäller alla kommuner i länet."


def test_pdf_wrapped_lines_are_joined_but_bullets_and_headings_are_not() -> None:
    raw = (
        "● För patienter inskrivna i kommunal hälso och sjukvård ansvarar regionen för läkare medan \n"
        "kommunerna ansvarar för övrig vård.\n"
        " Syftet\n"
        "Det övergripande syftet är att:\n"
        "o Omfattning av läkarstöd skiljer sig åt\n"
        "o Avtal för SäBo lämnar \n\ntolkningsutrymme\n"
    )
    text = normalise(raw).text
    assert "läkare medan kommunerna ansvarar" in text
    assert " Syftet\nDet övergripande" in text
    assert "skiljer sig åt\no Avtal" in text
    assert "lämnar tolkningsutrymme" in text


def test_dehyphenation_keeps_suspended_hyphens() -> None:
    assert (
        normalise("Personalen inom äldre-\nomsorgen testas.").text == "Personalen inom äldreomsorgen testas."
    )
    assert normalise("inom hälso-\noch sjukvården").text == "inom hälso- och sjukvården"


def test_sentence_end_and_capital_keep_the_line_break() -> None:
    raw = "Det här är ett stycke.\nNästa rad börjar en ny mening."
    assert normalise(raw).text == raw


def test_spans_map_back_to_raw_text_and_line_numbers() -> None:
    raw = "Rubrik\r\n\r\nDet kan\r\n\r\nvara skydds\u00adutrustning i Ire\u0300ne."
    result = normalise(raw)
    text = result.text
    assert text == "Rubrik\n\nDet kan vara skyddsutrustning i Irène."
    for word in ("Rubrik", "kan vara", "skyddsutrustning", "Irène."):
        start = text.index(word)
        behind = raw_behind(raw, text, start, start + len(word), result)
        assert _loose(behind) == _loose(word)
    start = text.index("vara")
    rs, _ = result.offset_map.span_to_raw(start, start + 4)
    assert raw.count("\n", 0, rs) + 1 == 5  # "vara" is on line 5 of the raw file


def _loose(s: str) -> str:
    folded = unicodedata.normalize("NFC", s)
    return "".join(c for c in folded if c.isalnum())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab -.\n\r\t\f\u00ad\u200bÅö•o\u00a0")), max_size=60))
def test_offsets_map_back_for_any_text(raw: str) -> None:
    result = normalise(raw)
    text = result.text
    for start in range(0, len(text), 3):
        for end in range(start, len(text) + 1, 4):
            behind = raw_behind(raw, text, start, end, result)
            assert _loose(behind) == _loose(text[start:end])
