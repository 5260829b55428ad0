"""Round 20 of the claim verifier: periods said in words, number words of a hundred or more, hours and minutes
abbreviated, seasons of every year, exclusion as a way of saying no, and antonyms of safety, care and opening."""

from __future__ import annotations

from textsamverkan.claims.verdict import judge_evidence


def test_periods_said_in_words() -> None:
    evidence = "Föreningen har i femtio år drivit en stödlinje för anhöriga till personer med demens."
    assert judge_evidence("Föreningen har under ett halvt sekel drivit en stödlinje för anhöriga till personer med "
                          "demens.", evidence)[0] == "supported"  # fmt: skip
    evidence = "Flera kommuner har väntat i mer än sex månader på besked om statsbidraget."
    assert judge_evidence("Flera kommuner har väntat i över ett halvår på besked om statsbidraget.", evidence)[0] == (
        "supported"
    )
    verdict, _c, reasons = judge_evidence(
        "Flera kommuner har väntat i över ett halvår på besked om statsbidraget.",
        "Flera kommuner har väntat i mer än tre månader på besked om statsbidraget.",
    )
    assert verdict == "contradicted" and "number" in reasons["conflict"]


def test_a_number_word_of_a_hundred_or_more_is_an_amount() -> None:
    evidence = "Enligt Socialstyrelsen fick 180 000 personer hemtjänst under året."
    assert judge_evidence("Enligt Socialstyrelsen fick etthundraåttiotusen personer hemtjänst under året.", evidence)[
        0
    ] == "supported"
    verdict, _c, reasons = judge_evidence("Enligt Socialstyrelsen uppgick antalet med hemtjänst till "
                                          "tvåhundraåttiotusen.", evidence)  # fmt: skip
    assert verdict != "supported" and "280 000" in reasons["missing"]


def test_hours_and_minutes_abbreviated() -> None:
    evidence = "En resa med färdtjänst till sjukhuset tar mellan två timmar och tjugo minuter och tre timmar."
    _v, _c, reasons = judge_evidence("Färdtjänst till sjukhuset: restid 2 tim. 20 min. till 3 tim.", evidence)
    assert "number" not in reasons.get("conflict", {})
    assert "20 minuter" in " ".join(reasons["found"]["number"])


def test_seasons_of_every_year() -> None:
    evidence = "Personalen får inte bära shorts på somrarna i hemtjänsten."
    _v, _c, reasons = judge_evidence("Personalen får inte bära shorts på sommaren i hemtjänsten.", evidence)
    assert "sommaren" not in reasons.get("missing", []) and reasons["found"]["date"] == ["sommaren"]


def test_exclusion_says_no() -> None:
    evidence = "Många elever med funktionsnedsättning exkluderades från att göra de nationella proven."
    assert judge_evidence("Många elever med funktionsnedsättning fick inte göra de nationella proven.", evidence)[
        0
    ] == "supported"


def test_antonyms_of_safety_care_and_opening() -> None:
    evidence = "Kortare besökstider gör situationen än mer prekär för de anhöriga."
    assert judge_evidence("Kortare besökstider gör situationen tryggare för de anhöriga.", evidence)[0] == (
        "contradicted"
    )
    evidence = "De flesta har blivit noggrannare med handhygienen på boendet."
    assert judge_evidence("De flesta har blivit slarvigare med handhygienen på boendet.", evidence)[0] == (
        "contradicted"
    )
    evidence = "Dagverksamheten har varit stängd för besök sedan mars."
    verdict, _c, reasons = judge_evidence("Dagverksamheten har varit öppen för besök sedan mars.", evidence)
    assert verdict == "contradicted" and reasons["conflict"]["direction"] == [["öppen", "stängd"]]
