"""Compound splitting on domain words from Swedish health and elderly care texts."""

from __future__ import annotations

import pytest

from textsamverkan.nlp.compounds import compound_head, split_compound


@pytest.mark.parametrize(
    ("word", "parts", "head", "lemma"),
    [
        ("skyddsutrustningen", ("skydd", "utrustning"), "utrustning", "skyddsutrustning"),
        ("smittskyddsläkarna", ("smittskydd", "läkare"), "läkare", "smittskyddsläkare"),
        ("testutrustning", ("test", "utrustning"), "utrustning", "testutrustning"),
        ("hemsjukvårdsläkare", ("hemsjukvård", "läkare"), "läkare", "hemsjukvårdsläkare"),
        ("äldreboenden", ("äldre", "boende"), "boende", "äldreboende"),
        ("Socialtjänstlagen", ("socialtjänst", "lag"), "lag", "socialtjänstlag"),
    ],
)
def test_domain_compounds_split_into_parts_and_head(word: str, parts: tuple[str, ...], head: str, lemma: str) -> None:
    c = split_compound(word)
    assert c.is_compound
    assert c.parts == parts
    assert c.head == head
    assert c.lemma == lemma
    assert "".join(c.surface) == word  # the surface pieces tile the word, original casing kept


@pytest.mark.parametrize("word", ["ansvar", "förslag", "kommunen", "regionerna", "Stockholm"])
def test_simplex_words_and_names_stay_whole(word: str) -> None:
    c = split_compound(word)
    assert not c.is_compound
    assert c.surface == (word,)


def test_compound_head_lemmatises_an_inflected_simplex_word() -> None:
    assert compound_head("kommunerna") == "kommun"
    assert compound_head("vårdcentralerna") == "central"


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("folkhälsomyndigheten", ("folkhälsa", "myndighet")),  # not folkhälsa + omyndighet
        ("gatubelysningen", ("gata", "belysning")),
        ("kvinnoorganisationer", ("kvinna", "organisation")),
    ],
)
def test_a_final_a_turned_into_a_linking_vowel(word: str, parts: tuple[str, ...]) -> None:
    assert split_compound(word).parts == parts
