"""Round 21 of the claim verifier: "inte … förrän" far from its "förrän", "inte sällan" as "ofta", set phrases that
deny nothing ("som om det inte vore nog", "oavsett"), a bound before "hälften", "år" before a year after millions,
exceptions and departures as ways of saying no, speech verbs after "har", and direction said in other words."""

from __future__ import annotations

from textsamverkan.claims.reasons.entities import spelt_out
from textsamverkan.claims.verdict import judge_evidence


def test_not_until_is_no_denial_however_far_apart() -> None:
    evidence = "Regionen räknar med att det dröjer till början av 2027 innan väntetiderna till hörselvården är nere "
    evidence += "på samma nivå som före pandemin."
    statement = ("Regionen bedömer att väntetiderna till hörselvården inte kommer att vara nere på samma nivå som före "
                 "pandemin förrän i början av 2027.")  # fmt: skip
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert "negation" not in reasons.get("conflict", {}) and verdict == "supported"


def test_not_seldom_is_often() -> None:
    evidence = "Hemtjänstens personal får inte sällan köra flera mil mellan två besök i glesbygden."
    verdict, _c, reasons = judge_evidence("Hemtjänstens personal får ofta köra flera mil mellan två besök i "
                                          "glesbygden.", evidence)  # fmt: skip
    assert verdict == "supported"
    verdict, _c, reasons = judge_evidence("Hemtjänstens personal behöver aldrig köra flera mil mellan två besök i "
                                          "glesbygden.", evidence)  # fmt: skip
    assert verdict == "contradicted" and "negation" in reasons["conflict"]


def test_set_phrases_that_deny_nothing() -> None:
    evidence = "Som om detta inte vore nog stängdes vårdcentralen i Malung vid årsskiftet."
    assert judge_evidence("Vid årsskiftet stängdes vårdcentralen i Malung.", evidence)[0] == "supported"
    # "oavsett" is "regardless", no negative word that excuses the statement's own "inte"
    evidence = "Kommunen måste ha en plan för värmeböljor på äldreboendena oavsett."
    verdict, _c, reasons = judge_evidence("Kommunen behöver inte ha en plan för värmeböljor på äldreboendena.",
                                          evidence)  # fmt: skip
    assert verdict == "contradicted" and "negation" in reasons["conflict"]


def test_a_bound_before_half() -> None:
    evidence = "Minst hälften av platserna ska vara reserverade för personer med demenssjukdom."
    verdict, _c, reasons = judge_evidence("Högst hälften av platserna ska vara reserverade för personer med "
                                          "demenssjukdom.", evidence)  # fmt: skip
    assert verdict == "contradicted" and reasons["conflict"]["number"] == [["Högst hälften", "Minst hälften"]]


def test_the_year_after_millions_is_no_unit() -> None:
    evidence = "Underskottet väntas växa från 12,5 miljoner kronor 2025 till 30,2 miljoner kronor 2028."
    _v, _c, reasons = judge_evidence("Underskottet väntas växa från 12,5 miljoner kr år 2025 till 30,2 miljoner år "
                                     "2028.", evidence)  # fmt: skip
    assert not any("år" in m for m in reasons.get("missing", [])) and "30,2 miljoner" in reasons["found"]["number"]


def test_exception_and_departure_say_no() -> None:
    evidence = "Besöksförbudet gäller alla boenden i kommunen utom korttidsboendet i Ånge."
    verdict, _c, reasons = judge_evidence("Besöksförbudet gäller alla boenden i kommunen, även korttidsboendet i "
                                          "Ånge.", evidence)  # fmt: skip
    assert verdict == "contradicted" and reasons["conflict"]["negation"] == [["(jakande)", "utom"]]
    assert judge_evidence("Besöksförbudet gäller alla boenden i kommunen förutom korttidsboendet i Ånge.",
                          evidence)[0] == "supported"  # fmt: skip
    evidence = "Nämnden frångick därmed förvaltningens förslag om nattbemanning på Solbacken."
    verdict, _c, _r = judge_evidence("Nämnden följde därmed förvaltningens förslag om nattbemanning på Solbacken.",
                                     evidence)  # fmt: skip
    assert verdict == "contradicted"
    assert judge_evidence("Nämnden avvek därmed från förvaltningens förslag om nattbemanning på Solbacken.",
                          evidence)[0] == "supported"  # fmt: skip


def test_speech_verb_after_har_is_attribution() -> None:
    evidence = "IVO har förklarat att bristerna i läkemedelshanteringen på Solbacken är allvarliga."
    _v, _c, reasons = judge_evidence("IVO har uppgett att bristerna i läkemedelshanteringen på Solbacken är "
                                     "allvarliga.", evidence)  # fmt: skip
    assert "uppge" not in reasons.get("missing", []) and reasons["found"]["attribution"] == ["IVO har uppgett att"]


def test_direction_in_other_words() -> None:
    evidence = "Antalet anmälningar till IVO har skjutit i höjden sedan 2022."
    verdict, _c, reasons = judge_evidence("Antalet anmälningar till IVO har sjunkit sedan 2022.", evidence)
    assert verdict == "contradicted" and "direction" in reasons["conflict"]
    evidence = "Rapporten visar att de äldre far illa av de täta personalbytena."
    verdict, _c, reasons = judge_evidence("Rapporten visar att de äldre mår bra av de täta personalbytena.", evidence)
    assert verdict == "contradicted" and "direction" in reasons["conflict"]
    evidence = "Efterfrågan på hemtjänst minskade kraftigt under 2021."
    verdict, _c, reasons = judge_evidence("Efterfrågan på hemtjänst tog rejäl fart under 2021.", evidence)
    assert verdict == "contradicted" and "direction" in reasons["conflict"]


def test_a_compound_the_lexicon_lacks_found_as_its_two_words() -> None:
    evidence = "Mottagningen har fått klagomål efter skandalen med läkemedlet trombix."
    _v, _c, reasons = judge_evidence("Mottagningen har fått klagomål efter trombixskandalen.", evidence)
    assert "trombixskandalen" not in reasons.get("missing", [])


def test_an_acronym_from_a_long_part_split_again() -> None:
    # folkhälso|myndigheten (a linking -o-), the long part split again: F + H + M
    assert spelt_out("FHM", "Enligt Folkhälsomyndigheten bör alla över 65 vaccinera sig.")
    assert spelt_out("ESV", "Ekonomistyrningsverket")
    assert not spelt_out("FHM", "Enligt Socialstyrelsen bör alla över 65 vaccinera sig.")


def test_all_against_a_share_in_its_own_clause() -> None:
    evidence = "Var tredje anställd har fått utbildning, och nästan vart femte av boendena saknar larm."
    verdict, _c, reasons = judge_evidence("Var tredje anställd har fått utbildning, och nästan alla boenden saknar "
                                          "larm.", evidence)  # fmt: skip
    assert verdict == "partly" and "alla" in reasons["missing"]
    evidence = "De allra flesta boenden har blivit noggrannare med hygienen."
    assert judge_evidence("Nästan alla boenden har blivit noggrannare med hygienen.", evidence)[0] == "supported"


def test_both_of_two_where_the_evidence_has_one() -> None:
    evidence = "Regionen erbjuder gratis vaccination mot influensa till alla över 65 år."
    verdict, _c, reasons = judge_evidence("Regionen erbjuder gratis vaccination mot både influensa och bältros till "
                                          "alla över 65 år.", evidence)  # fmt: skip
    assert verdict == "partly" and "bältros" in reasons["missing"]


def test_an_age_range_and_a_month_abbreviated() -> None:
    evidence = "Enligt enkäten berörs cirka 3 000 personer i åldern 18–24 år av ensamhet."
    _v, _c, reasons = judge_evidence("Enligt enkäten berörs ca 3 000 personer mellan 18 och 24 år av ensamhet.",
                                     evidence)  # fmt: skip
    assert not reasons.get("missing") and "number" not in reasons.get("conflict", {})
    evidence = "I september 2018 tillsattes en utredning om hemtjänstens kvalitet."
    _v, _c, reasons = judge_evidence("Sept. 2018: utredning om hemtjänstens kvalitet tillsatt.", evidence)
    assert "Sept" not in reasons.get("missing", []) and reasons["found"]["date"] == ["Sept. 2018"]


def test_more_ways_of_saying_no() -> None:
    evidence = "Var fjärde elev i vård- och omsorgsprogrammet har icke godkänt i minst ett ämne."
    _v, _c, reasons = judge_evidence("En fjärdedel av eleverna i vård- och omsorgsprogrammet har underkänt i "
                                     "minst ett ämne.", evidence)  # fmt: skip
    assert "negation" not in reasons.get("conflict", {})
    # the evidence says no in a phrase (a statement's own phrase is a claim to check, as for "i stället för")
    evidence = "Regionen har beslutat att företaget stängs ute från all upphandling av ambulansflyg."
    _v, _c, reasons = judge_evidence("Regionen har beslutat att företaget inte får delta i någon upphandling av "
                                     "ambulansflyg.", evidence)  # fmt: skip
    assert "negation" not in reasons.get("conflict", {})
    evidence = "Förvaltningsrätten har konstaterat att nämnden bryter mot lagen om valfrihetssystem."
    _v, _c, reasons = judge_evidence("Nämnden följer inte lagen om valfrihetssystem, har förvaltningsrätten "
                                     "konstaterat.", evidence)  # fmt: skip
    assert "negation" not in reasons.get("conflict", {})
    evidence = "På många mindre flygplatser ligger all kommersiell trafik nere."
    _v, _c, reasons = judge_evidence("På många mindre flygplatser finns ingen kommersiell trafik alls.", evidence)
    assert "negation" not in reasons.get("conflict", {})


def test_less_often_losing_and_the_most_against_the_least() -> None:
    evidence = "Under pandemin leder fallen allt oftare till att den äldre flyttar till särskilt boende."
    verdict, _c, reasons = judge_evidence("Under pandemin leder fallen allt mer sällan till att den äldre flyttar "
                                          "till särskilt boende.", evidence)  # fmt: skip
    assert verdict == "contradicted" and "direction" in reasons["conflict"]
    evidence = "Under pandemin har hemtjänstföretagen tappat stora delar av sin omsättning."
    verdict, _c, reasons = judge_evidence("Under pandemin har hemtjänstföretagen ökat sin omsättning kraftigt.",
                                          evidence)  # fmt: skip
    assert verdict == "contradicted" and "direction" in reasons["conflict"]
    evidence = "Stockholm är den region som fått mest statligt stöd för att klara pandemin."
    verdict, _c, reasons = judge_evidence("Stockholm är den region som fått minst statligt stöd för att klara "
                                          "pandemin.", evidence)  # fmt: skip
    assert verdict == "contradicted" and "direction" in reasons["conflict"]
    # "inte minst" is "especially", "minst 20" a bound
    evidence = "Arbetet kräver insatser från kommunen, regionen och inte minst staten."
    assert judge_evidence("Arbetet kräver insatser från kommunen, regionen och i synnerhet staten.", evidence)[
        0
    ] == "supported"
