"""Round 17 of the claim verifier: advice, price and winding down as antonyms, minutes against seconds, shares said
"i fyra fall av fem", things swapped in a replacement, years said relative to the text's own, Riksdag parties by
their letters and hyphenated names said in pieces."""

from __future__ import annotations

from textsamverkan.claims.verdict import judge_evidence


def test_antonyms_of_advice_price_and_winding_down() -> None:
    evidence = "I rapporten avråder Socialstyrelsen från att sänka åldersgränsen för vaccinet."
    statement = "I rapporten förordar Socialstyrelsen att åldersgränsen för vaccinet sänks."
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted" and reasons["conflict"]["direction"] == [["förordar", "avråder"]]
    evidence = "Regionen valde det billigare alternativet för nya journalsystemet."
    assert judge_evidence("Regionen valde det dyrare alternativet för nya journalsystemet.", evidence)[0] == (
        "contradicted"
    )
    evidence = "Kommunen beslutade att korttidsboendet skulle återupptas efter sommaren."
    assert judge_evidence("Kommunen beslutade att korttidsboendet skulle avvecklas efter sommaren.", evidence)[0] == (
        "contradicted"
    )
    # advising against is not recommending, said with a negation
    evidence = "Folkhälsomyndigheten rekommenderar inte munskydd i hemtjänsten."
    assert judge_evidence("Folkhälsomyndigheten avråder från munskydd i hemtjänsten.", evidence)[0] != "contradicted"


def test_minutes_are_not_seconds() -> None:
    evidence = "Vid mötet ägnades endast 25 sekunder åt frågan om äldreomsorgen."
    verdict, _c, reasons = judge_evidence("Vid mötet ägnades endast 25 minuter åt frågan om äldreomsorgen.", evidence)
    assert verdict == "contradicted" and reasons["conflict"]["number"] == [["25 minuter", "25 sekunder"]]
    evidence = "Överlämningen mellan passen tar två timmar på avdelningen."
    assert judge_evidence("Överlämningen mellan passen tar 120 minuter på avdelningen.", evidence)[0] == "supported"


def test_shares_said_in_cases_and_one_of_five() -> None:
    evidence = "Handläggarna misstänker i 80 procent av fallen att räkningarna är överdrivna."
    assert judge_evidence("I fyra fall av fem misstänker handläggarna att räkningarna är överdrivna.", evidence)[0] == (
        "supported"
    )
    verdict, _c, reasons = judge_evidence(
        "I tre fall av fem misstänker handläggarna att räkningarna är överdrivna.", evidence
    )
    assert verdict == "contradicted" and "number" in reasons["conflict"]
    evidence = "Var femte sökande fick avslag på sin ansökan."
    assert judge_evidence("En av fem sökande fick avslag på sin ansökan.", evidence)[0] == "supported"


def test_things_swapped_in_a_replacement_or_a_move() -> None:
    evidence = "När vårdbidraget ersattes av omvårdnadsbidraget 2019 hade 65 000 barn rätt till stöd."
    verdict, _c, reasons = judge_evidence(
        "När omvårdnadsbidraget ersattes av vårdbidraget 2019 hade 65 000 barn rätt till stöd.", evidence
    )
    assert verdict == "contradicted" and "order" in reasons["conflict"]
    # "B ersatte A" says "A ersattes av B"
    assert judge_evidence(
        "När omvårdnadsbidraget ersatte vårdbidraget 2019 hade 65 000 barn rätt till stöd.", evidence
    )[0] == "supported"
    evidence = "Ansvaret för hemsjukvården flyttades från regionen till kommunerna 2014."
    assert judge_evidence("Ansvaret för hemsjukvården flyttades från kommunerna till regionen 2014.", evidence)[0] == (
        "contradicted"
    )


def test_years_relative_to_the_text() -> None:
    evidence = "Den 23 juni i år beslutade regionfullmäktige om en ny plan för palliativ vård."
    verdict, _c, reasons = judge_evidence(
        "Den 23 juni förra året beslutade regionfullmäktige om en ny plan för palliativ vård.", evidence
    )
    assert verdict == "contradicted" and reasons["conflict"]["date"] == [["förra året", "i år"]]
    _v, _c, reasons = judge_evidence(
        "Regionfullmäktige beslutade den 23 juni i år om en ny plan för palliativ vård.", evidence
    )
    assert reasons["found"]["date"] == ["23 juni", "i år"]
    # a year the evidence gives as a number asks nothing of a relative one
    assert judge_evidence(
        "Förra året beslutade regionfullmäktige om en ny plan för palliativ vård.",
        "År 2020 beslutade regionfullmäktige om en ny plan för palliativ vård.",
    )[0] == "supported"


def test_parties_by_their_letters_and_hyphenated_names_in_pieces() -> None:
    evidence = "Tillsammans med M, C och KD föreslog vi att tandvårdsstödet för äldre bör finnas kvar."
    statement = (
        "Tillsammans med Moderaterna, Centerpartiet och Kristdemokraterna föreslog vi att tandvårdsstödet för äldre "
        "bör finnas kvar."
    )
    assert judge_evidence(statement, evidence)[0] == "supported"
    verdict, _c, reasons = judge_evidence(
        "Tillsammans med Socialdemokraterna föreslog vi att tandvårdsstödet för äldre bör finnas kvar.", evidence
    )
    assert verdict == "contradicted" and reasons["conflict"]["entity"][0][0] == "Socialdemokraterna"
    evidence = "Tack vare samarbetet i EU fick regionen skyddsutrustning till äldreboendena."
    statement = "Tack vare EU-samarbetet fick regionen skyddsutrustning till äldreboendena."
    assert judge_evidence(statement, evidence)[0] == "supported"
    elsewhere = "Tack vare samarbetet i Norden fick regionen skyddsutrustning till äldreboendena."
    assert judge_evidence(statement, elsewhere)[0] != "supported"


def test_content_words_in_a_row_the_evidence_lacks_are_an_added_claim() -> None:
    evidence = "Statistiken visar att var femte förälder fick avslag på sin ansökan om omvårdnadsbidrag."
    statement = (
        "Statistiken visar att var femte förälder fick avslag på sin ansökan om omvårdnadsbidrag, främst familjer med "
        "barn med autism."
    )
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "partly" and reasons["missing"] == ["främst", "familj", "barn", "autism"]
    # two short words in other words are no claim of their own
    assert judge_evidence(
        "Statistiken visar att var femte förälder fick nej på sin ansökan om omvårdnadsbidrag.", evidence
    )[0] == "supported"
