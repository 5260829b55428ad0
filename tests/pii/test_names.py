"""Person names from context and from the rest of the corpus: cues around a name, full names with a first name
that is also a word, names found in one document recognised alone in another, and the NER's sentence filter.
The names here are in none of the detector's lists unless a test says so."""

from __future__ import annotations

import pytest

from textsamverkan.pii.corpus import detect_corpus
from textsamverkan.pii.detect import detect, merge_adjacent_names
from textsamverkan.pii.ner import name_pieces
from textsamverkan.pii.types import PERSON, Detection


def _names(text: str) -> list[str]:
    return [d.text for d in detect(text) if d.type == PERSON]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hej Vesna, hur mår du i dag?", "Vesna"),
        ("– Vi behöver fler handskar, sa Dzenana.", "Dzenana"),
        ("Radovan berättar att maten kom kall.", "Radovan"),
        ("Ilir (född 19811228-9874) flyttade till korttidsboendet.", "Ilir"),
        ("Kontakta Mersiha Kovač på telefon.", "Mersiha Kovač"),
        ("Sjuksköterskan Hamdija ringde i morse.", "Hamdija"),
        ("Hans Andersson ringde i morse.", "Hans Andersson"),  # "Hans" is listed, but also the pronoun
    ],
)
def test_names_marked_by_context(text: str, name: str) -> None:
    assert name in _names(text)


def test_ordinary_words_next_to_cues_stay() -> None:
    text = ("Hans mamma ringde i går. Region Skåne berättar om testningen. Mötet hölls i Lund. "
            "Andelen positiva prover steg, sa hon. Ring mig i morgon.")
    assert _names(text) == []


def test_a_possessive_is_the_name_without_its_s() -> None:
    text = "Vi träffade Vesna Jovanović i går. Vesnas mamma bor kvar i Malmö."
    found = [(d.text, d.person) for d in detect(text) if d.type == PERSON]
    assert ("Vesna", "vesna jovanovic") in found


def test_a_name_found_in_one_document_is_found_alone_in_another() -> None:
    texts = {"a": "Vi träffade Ognjenka Kovač på boendet.", "b": "Sedan kom Ognjenka hem igen."}
    alone = [d for d in detect(texts["b"]) if d.type == PERSON]
    assert alone == []  # on its own, a lone unlisted name in the middle of nothing is not found
    found = detect_corpus(texts, {}, min_confidence=0.5)
    [mention] = [d for d in found["b"] if d.type == PERSON]
    assert (mention.text, mention.person, mention.source) == ("Ognjenka", "ognjenka kovac", "propagated:corpus")


def test_adjacent_names_are_joined_into_one_person() -> None:
    text = "Det bekräftar Khadra Mire."
    parts = [Detection(14, 20, PERSON, "Khadra", 0.8, "propagated", "khadra mire"),
             Detection(21, 25, PERSON, "Mire", 0.8, "propagated", "khadra mire")]
    [joined] = merge_adjacent_names(text, parts)
    assert (joined.text, joined.person) == ("Khadra Mire", "khadra mire")


def test_the_ner_sees_only_sentences_that_may_hold_an_open_name() -> None:
    text = "Mötet hölls i går. Andelen steg till tolv procent. Vi träffade Vesna där. Anna Berg kom."
    ordinary = {"hölls", "steg", "där", "kom", "vi", "i", "går"}
    pieces = name_pieces(text, ordinary)
    assert [text[s:e].strip() for s, e in pieces] == ["Vi träffade Vesna där. Anna Berg kom."]
    anna = text.index("Anna Berg")
    covered = name_pieces(text, ordinary, [(anna, anna + 9)])
    assert [text[s:e].strip() for s, e in covered] == ["Vi träffade Vesna där."]


@pytest.mark.slow
def test_the_ner_batches_documents_and_keeps_offsets() -> None:
    from textsamverkan.pii.ner import NerPersonFinder

    finder = NerPersonFinder()
    texts = ["Mötet hölls i går. Vi träffade Lejla Hodžić och Tomas Berglund i Malmö.",
             "Andelen steg. Enligt Kerstin Lund var det lugnt."]
    batched = list(finder.pipe(texts))
    assert batched == [finder(t) for t in texts]
    assert any(texts[0][s:e] == "Lejla Hodžić" for s, e in batched[0])


def _ner_found(text: str, names: list[str]) -> dict[str, float]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    found = detect(text, ner_spans=spans, ner_source="ner:test", min_confidence=0.3)
    return {d.text: d.confidence for d in found if d.type == PERSON}


def test_the_ners_own_names_count_unless_they_look_like_places_or_words() -> None:
    assert _ner_found("Vi åkte hem till Ognjenka efter mötet.", ["Ognjenka"])["Ognjenka"] >= 0.5
    assert _ner_found("Det var Zinaida Petrova som larmade.", ["Zinaida Petrova"])["Zinaida Petrova"] >= 0.5
    # A region, an item of a comma list, a short token, a word seen in lower case: only for review.
    places = "Samverkan mellan Sus och regionerna Blekinge, Kronoberg och Vårdval Halland fortsätter."
    for name, confidence in _ner_found(places, ["Sus", "Kronoberg", "Vårdval Halland"]).items():
        assert confidence < 0.5, name
    words = "Patienterna kom sent. Vi tog emot patienterna i går."
    assert _ner_found(words, ["Patienterna"]).get("Patienterna", 0.0) < 0.5
