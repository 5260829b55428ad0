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


def test_a_month_with_its_year_is_a_date_and_the_closest_rival_is_named() -> None:
    evidence = "För stödmånader under perioden 1 juli–30 september 2021 ska jämförelsemånaden vara april 2021."
    statement = "För stödmånader under perioden 1 juli–30 september 2021 ska jämförelsemånaden vara januari 2021."
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted" and reasons["conflict"]["date"] == [["januari 2021", "april 2021"]]


def test_keeping_down_best_worst_and_importance_are_antonyms() -> None:
    down = "Bestämmelserna gör att antalet deltagare som närvarar personligen vid stämman kan hållas nere."
    more = "Bestämmelserna gör det möjligt att öka antalet deltagare vid stämman."
    verdict, _c, reasons = judge_evidence(more, down)
    assert verdict == "contradicted" and reasons["conflict"]["direction"] == [["öka", "hållas nere"]]
    worst = "För många barn är sommarlovet troligtvis en av de värsta perioderna på året."
    best = "För många barn är sommarlovet en av de bästa perioderna på året."
    assert judge_evidence(best, worst)[0] == "contradicted"
    important = "Sydafrika är en viktig partner i arbetet för att möta globala utmaningar."
    minor = "Sydafrika är en obetydlig partner i arbetet för att möta globala utmaningar."
    assert judge_evidence(minor, important)[0] == "contradicted"
    favours = "Åtgärden gynnar särskilt dem som redovisar förlust men gick med vinst föregående år."
    disfavours = "Åtgärden missgynnar särskilt dem som redovisar förlust men gick med vinst föregående år."
    assert judge_evidence(disfavours, favours)[0] == "contradicted"


def test_being_spared_is_a_denial() -> None:
    paid = "Den som väljer bilen som färdmedel har under pandemin fått betala trängselskatt."
    spared = "Den som valt bilen har under pandemin sluppit betala trängselskatt."
    verdict, _c, reasons = judge_evidence(spared, paid)
    assert verdict == "contradicted" and reasons["conflict"]["negation"] == [["sluppit", "(jakande)"]]
    unpaid = "Den som väljer bilen har under pandemin inte behövt betala trängselskatt."
    assert judge_evidence(spared, unpaid)[0] == "supported"


def test_abbreviated_billions_a_range_end_and_sweden_by_default() -> None:
    facility = "Faciliteten föreslås uppgå till 560 miljarder euro, varav 310 miljarder euro i bidrag."
    verdict, _c, reasons = judge_evidence("Faciliteten: 560 mdr euro, varav 310 mdr i bidrag.", facility)
    assert verdict == "supported" and reasons["found"]["number"] == ["560 miljarder", "310 miljarder"]
    ages = "Avgiften sänks för personer som vid årets ingång har fyllt 18 år men inte 23 år."
    assert judge_evidence("Avgiften sänks för dem som vid årets början fyllt 18 men inte 23.", ages)[0] == "supported"
    survey = "CAN har undersökt narkotikaanvändningen i olika socioekonomiska grupper."
    in_sweden = "CAN har undersökt narkotikaanvändningen i olika socioekonomiska grupper i Sverige."
    assert judge_evidence(in_sweden, survey)[0] == "supported"
    abroad = "Personal som deltar i internationella insatser ska kunna vaccineras."
    assert judge_evidence("Personal i Sverige ska kunna vaccineras.", abroad)[0] != "supported"


def test_a_hedge_after_a_filler_and_rough_reckoning_are_no_content() -> None:
    assert {"förstå", "så"} <= frame_words("Alltså, som jag förstår det så måste man ha ett revisorsyttrande.")
    assert {"grovt", "räknat"} <= frame_words("Grovt räknat handlar det om en kostnad på 3 miljoner kronor.")
    # a country is no direction word: "Frankrike" is not "rik"
    from textsamverkan.claims.reasons.direction import pole

    assert pole("Frankrike") is None and pole("rikare") is not None


def test_amounts_paired_the_other_way_round_conflict_and_a_plain_restatement_does_not() -> None:
    evidence = "Faciliteten blir 560 miljarder euro, varav 310 miljarder euro i bidrag och 250 miljarder i lån."
    swapped = "Faciliteten blir 560 miljarder euro, varav 310 miljarder euro i lån och 250 miljarder i bidrag."
    verdict, _c, reasons = judge_evidence(swapped, evidence)
    assert verdict == "contradicted"
    assert reasons["conflict"]["number"][0] == ["310 miljarder (lån)", "310 miljarder (bidrag)"]
    assert judge_evidence("Faciliteten: 560 mdr euro – 310 mdr i bidrag, 250 mdr i lån.", evidence)[0] == "supported"
    # one amount beside words the evidence puts elsewhere is no swap: both sides must have moved
    single = "Det var runt 88 000 äldre som bodde permanent på särskilt boende 2016."
    held = "Runt 88 000 personer bodde 2016 permanent på särskilt boende, och ytterligare 12 000 var nära anhöriga."
    assert "conflict" not in judge_evidence(single, held)[2]
