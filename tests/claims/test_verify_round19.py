"""Round 19 of the claim verifier: ranges with a scale, counts of a compound's head, a denying word without a cue,
a denied antonym, adjectives of countries, a name's shared part, a thing done where the evidence only proposes it,
a claim about all where the evidence speaks of some, and a direction word in an added claim."""

from __future__ import annotations

from textsamverkan.claims.verdict import judge_evidence


def test_ranges_with_a_scale_units_and_every_fourth() -> None:
    evidence = "I länet väntar 12 000–14 000 personer på en första bedömning av sin hörsel."
    assert judge_evidence("I länet väntar 12–14 tusen pers. på en första bedömning av sin hörsel.", evidence)[0] == (
        "supported"
    )
    verdict, _c, reasons = judge_evidence(
        "I länet väntar 12–14 personer på en första bedömning av sin hörsel.", evidence
    )
    assert verdict == "contradicted" and "number" in reasons["conflict"]
    evidence = "Reservkraften vid sjukhuset byggs ut från 2 megawatt till 5 MW."
    assert judge_evidence("Reservkraften vid sjukhuset byggs ut från två till fem megawatt.", evidence)[0] == (
        "supported"
    )
    evidence = "I kommunen har varje fjärde undersköterska i hemtjänsten en tillsvidareanställning."
    assert judge_evidence("Var fjärde undersköterska i kommunens hemtjänst har en tillsvidareanställning.", evidence)[
        0
    ] == "supported"


def test_a_count_of_a_compound_counts_its_head() -> None:
    evidence = "Ett av regionens tre akutsjukhus har fått ny ledning."
    assert judge_evidence("Ett av de tre regionsjukhusen har fått ny ledning.", evidence)[0] == "supported"


def test_a_denying_word_on_one_side_only() -> None:
    evidence = "Hemtjänsten och vårdcentralen saknar i dag en gemensam rutin för läkemedelsgenomgångar."
    verdict, _c, reasons = judge_evidence(
        "Hemtjänsten och vårdcentralen har i dag en gemensam rutin för läkemedelsgenomgångar.", evidence
    )
    assert verdict == "contradicted" and reasons["conflict"]["negation"] == [["(jakande)", "saknar"]]
    assert judge_evidence(
        "Hemtjänsten och vårdcentralen har i dag ingen gemensam rutin för läkemedelsgenomgångar.", evidence
    )[0] == "supported"
    evidence = "Besökare uppmanades att undvika att ta med sig mat till boendet under utbrottet."
    assert judge_evidence("Besökare uppmanades att ta med sig mat till boendet under utbrottet.", evidence)[0] == (
        "contradicted"
    )
    # trouble with a thing is not having it
    evidence = "Under de första veckorna hade boendet stora problem med förkläden."
    assert judge_evidence("Under de första veckorna saknades förkläden på boendet.", evidence)[0] != "contradicted"


def test_a_denied_antonym_is_no_denial() -> None:
    evidence = "För personalen är det enkelt att boka tolk via den nya tjänsten."
    assert judge_evidence("För personalen är det inte svårt att boka tolk via den nya tjänsten.", evidence)[0] == (
        "supported"
    )


def test_adjectives_of_countries_are_places() -> None:
    evidence = "I Danmark har flera kommuner infört trygghetslarm med kamera i hemtjänsten."
    verdict, _c, reasons = judge_evidence(
        "Flera norska kommuner har infört trygghetslarm med kamera i hemtjänsten.", evidence
    )
    assert verdict == "contradicted" and reasons["conflict"]["entity"] == [["norska", "Danmark"]]
    assert judge_evidence("Flera danska kommuner har infört trygghetslarm med kamera i hemtjänsten.", evidence)[0] == (
        "supported"
    )


def test_a_shared_part_of_two_names() -> None:
    evidence = "Både Norrbotten och Västerbotten har infört digitala nattbesök i hemtjänsten."
    statement = "I Norr- och Västerbotten har man infört digitala nattbesök i hemtjänsten."
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "supported" and "Norrbotten" in reasons["found"]["entity"]


def test_done_where_the_evidence_only_proposes_it() -> None:
    evidence = "Vårdförbundet anser att det bör inrättas ett regionalt kunskapscentrum för demensvård."
    verdict, _c, reasons = judge_evidence("Ett regionalt kunskapscentrum för demensvård har inrättats.", evidence)
    assert verdict == "partly" and "har inrättats" in reasons["missing"]
    done = "Regionen har nu inrättat ett regionalt kunskapscentrum för demensvård."
    assert judge_evidence("Ett regionalt kunskapscentrum för demensvård har inrättats.", done)[0] == "supported"

def test_all_where_the_evidence_speaks_of_some() -> None:
    evidence = "Allt fler äldre i särskilt boende får sina läkemedel via dosdispensering."
    statement = "Alla äldre i särskilt boende får sina läkemedel via dosdispensering."
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "partly" and "Alla" in reasons["missing"]


def test_a_direction_word_counts_in_an_added_claim() -> None:
    evidence = "Kommunen betalar hyra för lokalerna till fastighetsbolaget och står för städningen."
    verdict, _c, reasons = judge_evidence(
        "Kommunen betalar hyra för lokalerna till fastighetsbolaget, som dessutom har höjt avgifterna kraftigt "
        "nyligen, och står för städningen.",
        evidence,
    )
    assert verdict == "partly" and "höja" in reasons["missing"]
