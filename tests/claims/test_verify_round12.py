"""Round 12 of the claim verifier: the writer's own hedges, denied bounds, countries, organisations named by their bare
head, and antonyms of trade, extent and keeping."""

from __future__ import annotations

from textsamverkan.claims.quantities import parse_quantities
from textsamverkan.claims.reasons.attribution import attribution, frame_words
from textsamverkan.claims.reasons.entities import compare_entities
from textsamverkan.claims.verdict import judge_evidence

BAN = "Kommuner får meddela förbud mot att vistas i park eller badplats, om det finns risk för trängsel."
LIMIT = "Utgångspunkten är att begränsningen inte ska gälla längre än fyra veckor."


def test_the_writers_hedge_is_no_content_first_or_last() -> None:
    statement = (
        "Vad jag förstår får kommunerna förbjuda folk att vistas i park eller badplats om det finns risk för trängsel."
    )
    assert {"förstå", "jag"} <= frame_words(statement)
    verdict, _c, reasons = judge_evidence(statement, BAN)
    assert verdict == "supported", reasons
    trailing = "Kommunerna får förbjuda folk att vistas i park eller badplats vid trängsel, så förstod jag det."
    assert judge_evidence(trailing, BAN)[0] == "supported"
    # a hedge changes nothing that is claimed: a country the evidence does not name is still no support
    hedged = "Vad jag förstår får kommunerna i Norge förbjuda folk att vistas i park eller badplats."
    verdict, _c, reasons = judge_evidence(hedged, BAN)
    assert verdict == "partly" and reasons["missing"] == ["Norge"]


def test_a_speaker_after_a_hedge_or_a_fronted_adverb_is_a_frame() -> None:
    assert attribution("Om jag förstått det rätt sa hon att regionen ökade testerna.") is None  # the hedge is no frame
    frame = attribution("Dessutom påpekade ministern att regionen ökade testerna.")
    assert frame is not None and frame.speaker == ("ministern",)
    verdict, _c, reasons = judge_evidence(
        "Om jag förstått det rätt sa hon att regionen ökade antalet tester.", "Regionen ökade antalet tester."
    )
    assert verdict == "supported" and reasons["unchecked"] == ["sa hon att"]


def test_a_denied_bound_is_the_opposite_bound() -> None:
    (denied,) = parse_quantities("Dock inte fler än 50 deltagare.")
    assert denied.approx == "högst"
    (said,) = parse_quantities("ska inte gälla längre än fyra veckor")
    assert said.approx == "högst"
    assert parse_quantities("max fyra veckor")[0].approx == "högst"
    verdict, _c, reasons = judge_evidence("Utgångspunkt: begränsningen gäller max fyra veckor.", LIMIT)
    assert verdict == "supported" and reasons["found"]["number"] == ["högst 4 veckor"]
    # the bound the evidence denies is contradicted, not supported
    verdict, _c, reasons = judge_evidence("Begränsningen gäller längre än fyra veckor.", LIMIT)
    assert verdict == "contradicted" and reasons["conflict"]["number"] == [["längre än 4 veckor", "högst 4 veckor"]]
    evidence = "Målet är att ingen ska behöva vänta längre än maximalt 61 dagar mellan remiss och kirurgi."
    assert judge_evidence("Målet är att ingen ska vänta mer än 61 dagar från remiss till kirurgi.", evidence)[0] == (
        "supported"
    )


def test_another_country_is_another_place_even_first_in_a_sentence() -> None:
    evidence = "Norge rankas högst i världen i UNDP:s index för mänsklig utveckling 2020."
    statement = "Danmark rankas högst i världen i UNDP:s index för mänsklig utveckling 2020."
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted" and reasons["conflict"]["entity"] == [["Danmark", "Norge"]]
    restated = "Norges index för mänsklig utveckling rankas högst i världen 2020."
    assert judge_evidence(restated, evidence)[0] == "supported"
    # Sweden is still found as "landet"
    assert judge_evidence("Sverige har flest vårdplatser.", "Landet har flest vårdplatser.")[0] == "supported"


def test_an_organisation_named_by_its_bare_head_is_found_in_lower_case() -> None:
    evidence = "Strategin att skydda de äldre har, enligt kommissionen, misslyckats."
    outcome = compare_entities("Kommissionen: strategin att skydda de äldre har misslyckats.", evidence)
    assert outcome.found == ["Kommissionen"] and not outcome.missing


def test_antonyms_of_trade_extent_and_keeping() -> None:
    sell = "Utredaren ska identifiera möjligheter att avyttra vaccin mot covid-19."
    buy = "Utredaren ska identifiera möjligheter att köpa in vaccin mot covid-19."
    verdict, _c, reasons = judge_evidence(buy, sell)
    assert verdict == "contradicted" and reasons["conflict"]["direction"] == [["köpa", "avyttra"]]
    partly = "Regeringen instämmer delvis i Riksrevisionens övriga iakttagelser."
    wholly = "Regeringen instämmer helt i Riksrevisionens övriga iakttagelser."
    assert judge_evidence(wholly, partly)[0] == "contradicted"
    in_part = "Regeringen instämmer till viss del i Riksrevisionens iakttagelser."
    assert judge_evidence(in_part, partly)[0] == "supported"
    abolished = "Det föreslås att karensvillkoret avskaffas."
    assert judge_evidence("Det föreslås att karensvillkoret ska finnas kvar.", abolished)[0] == "contradicted"


def test_first_time_and_exemption_say_no_in_words_of_their_own() -> None:
    first = "Regelverket har under pandemin tillämpats för första gången."
    assert judge_evidence("Regelverket hade aldrig tillämpats före pandemin.", first)[0] != "contradicted"
    exempt = "Förslaget syftar till att från förmånsbeskattning undanta måltider som allmänheten skänker anställda."
    untaxed = "Måltider som allmänheten skänker anställda ska inte förmånsbeskattas."
    verdict, _c, reasons = judge_evidence(untaxed, exempt)
    assert verdict == "supported", reasons
