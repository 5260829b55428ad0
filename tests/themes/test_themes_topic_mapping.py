"""Topics map honestly: a code only when its rules and terms clearly win (margin shown), `new` otherwise, and
"-plan" words outside care (läroplan, finansplan) are not care plans; topic text loses page furniture and formulae."""

from __future__ import annotations

from textsamverkan.themes.codebook import Codebook
from textsamverkan.themes.topic_text import clean_topic_text, clean_topic_texts
from textsamverkan.themes.topics import MIN_TOPIC_MARGIN, _tokenizer, map_topic_words


def test_clear_topic_gets_its_code_with_margin(default_codebook: Codebook) -> None:
    m = map_topic_words(
        ["skyddsutrustning", "munskydd", "visir", "leverans", "brist"],
        ["Leveranserna av munskydd till kommunerna var för små.", "Det var brist på skyddsutrustning."],
        default_codebook,
    )
    assert (m.code, m.new) == ("ppe", False)
    assert m.margin >= MIN_TOPIC_MARGIN
    assert "munskydd" in m.overlap


def test_off_domain_topics_are_new(default_codebook: Codebook) -> None:
    for words, passages in [
        (["läroplan", "skola", "elev", "lärare"], ["Läroplanen ska revideras."]),
        (["finansplan", "budget", "skatt"], ["Finansplanen innehåller skattesänkningar."]),
        (["iran", "regim", "sanktion"], ["Regimen i Iran slår ned protester."]),
        (["eu", "toppmöte", "bryssel", "möte"], ["Statsministern deltog i toppmötet i Bryssel."]),
    ]:
        m = map_topic_words(words, passages, default_codebook)
        assert m.new, (words, m)


def test_a_topic_split_between_two_codes_is_new(default_codebook: Codebook) -> None:
    m = map_topic_words(["munskydd", "visir", "läkemedel", "apotek"], [], default_codebook)
    assert m.new and m.margin < MIN_TOPIC_MARGIN


def test_a_spoken_topic_the_learned_layer_coded_gets_its_code(default_codebook: Codebook) -> None:
    words = ["pinne", "näsa", "svar", "labb", "vecka"]
    passages = ["Vi fick pinnar i näsan varje vecka.", "Svaren från labbet dröjde.", "Alla på boendet fick göra det."]
    assert map_topic_words(words, passages, default_codebook).new  # the rules know none of this
    coded = [frozenset(["testing"]), frozenset(["testing"]), frozenset()]  # as the run coded them, model hits too
    m = map_topic_words(words, passages, default_codebook, coded=coded)
    assert (m.code, m.new) == ("testing", False) and m.margin >= MIN_TOPIC_MARGIN


def test_passages_get_the_codes_of_the_hits_that_overlap_them() -> None:
    from textsamverkan.stages.themes import passage_codes
    from textsamverkan.themes.topics import Passage
    from textsamverkan.themes.types import ThemeHit

    hits = [ThemeHit("a", 0, 30, "ppe", 1.0, "lexical", {}), ThemeHit("a", 120, 150, "testing", 0.9, "model", {}),
            ThemeHit("b", 0, 10, "sol_hsl", 1.0, "lexical", {})]  # fmt: skip
    passages = [Passage("a", 0, 100, "x"), Passage("a", 100, 200, "y"), Passage("a", 200, 300, "z"),
                Passage("c", 0, 50, "w")]  # fmt: skip
    assert passage_codes(passages, hits) == [
        frozenset(["ppe"]), frozenset(["testing"]), frozenset(), frozenset()
    ]  # fmt: skip


def test_furniture_and_formulae_removed() -> None:
    text = (
        "## Ny lag\nLagen (2020:123) gäller från 1 maj. Bild: https://example.se/bild.jpg\n"
        "Kontakt: Pressekreterare Anna Berg, telefon 08-405 10 00\n"
        "Med anledning av detta vill jag fråga socialministern: Hur säkras skyddsutrustning till **äldreomsorgen**?"
    )
    cleaned = clean_topic_text(text)
    for gone in ("2020:123", "https", "jpg", "Pressekreterare", "08-405", "##", "**", "Med anledning", "1 maj"):
        assert gone not in cleaned, gone
    assert "Hur säkras skyddsutrustning till äldreomsorgen" in cleaned


def test_sentences_recurring_across_documents_are_formulae() -> None:
    texts = [f"Regeringen beslutade i dag om detta. {t}" for t in ("Äldre får vaccin.", "Skolor öppnar.", "Polis.")]
    cleaned = clean_topic_texts(texts, ["a", "b", "c"])
    assert all("beslutade" not in t for t in cleaned)
    assert clean_topic_texts(texts[:2], ["a", "b"])[0].startswith("Regeringen")  # two documents: not a formula


def test_topic_words_keep_aldre_and_drop_months() -> None:
    tokens = _tokenizer(True)("De äldre fick vaccin i maj")
    assert "äldre" in tokens and "gammal" not in tokens
    assert "maj" not in tokens and "maja" not in tokens


def test_other_closing_questions_and_minister_names_removed() -> None:
    cleaned = clean_topic_text("Därför vill jag fråga socialminister Lena Hallengren: Hur säkras munskydd i vården?")
    assert cleaned == "Hur säkras munskydd i vården?"
    assert "Andersson" not in clean_topic_text("Det sa finansminister Magdalena Andersson om skatten.")
