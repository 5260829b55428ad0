"""Claim verification, ninth round: restatements that came out `contradicted` through misreadings — a range said
"mellan 5 och 10 procent", a year read as the bound of a range, a total whose count is unsaid ("av totalt 37"), a
number nothing follows ("har passerat 12 400,"), a period "mars till juni", "vid utgången av oktober", an authority
named by its acronym, "statliga" against a named authority — each with the near-miss that must stay one."""

from __future__ import annotations

from textsamverkan.claims.reasons.dates import compare_dates, dates
from textsamverkan.claims.reasons.entities import compare_entities
from textsamverkan.claims.reasons.numbers import amounts, compare_numbers
from textsamverkan.claims.verdict import judge_evidence


def test_a_range_said_with_mellan_holds_its_bounds() -> None:
    evidence = "Man räknar med att mellan 5 och 10 procent av alla barn i Sverige lider av sjuklig fetma."
    outcome = compare_numbers("Omkring 5–10 procent av barnen har sjuklig fetma.", evidence)
    assert outcome.found and not outcome.conflict, outcome
    assert compare_numbers("Omkring 20–30 procent av barnen har sjuklig fetma.", evidence).conflict


def test_a_year_is_no_bound_of_a_range() -> None:
    found = amounts("Andelen steg från 30 procent 2017 till 37 procent 2020.")
    assert sorted(a.value for a in found) == [30.0, 37.0]
    _verdict, _, reasons = judge_evidence(
        "Andelen företagare som drabbats av brott steg från 30 procent 2017 till 37 procent 2020.",
        "Andelen företagare som utsatts för brott har ökat från 30 till 37 procent mellan åren 2017 och 2020.",
    )
    assert "number" not in reasons.get("conflict", {}), reasons


def test_a_total_whose_count_is_unsaid_holds_the_statements_amount() -> None:
    evidence = "I Sverige har vi också 10 konstaterat drabbade gårdar av totalt 37."
    outcome = compare_numbers("Av Sveriges sammanlagt 37 gårdar har 10 konstaterats vara drabbade.", evidence)
    assert outcome.found == ["37", "10"] and not outcome.conflict
    assert "17" not in compare_numbers("Smitta har konstaterats på 17 av totalt 37 gårdar.", evidence).found


def test_a_number_nothing_follows_holds_a_bare_number() -> None:
    evidence = "Då hade fler än 7 000 människor avlidit. Den siffran har nu passerat 12 400, och nio av tio var äldre."
    outcome = compare_numbers("Antalet döda har stigit från drygt 7 000 till mer än 12 400.", evidence)
    assert not outcome.conflict and len(outcome.found) == 2, outcome
    assert not compare_numbers("Antalet döda har stigit till mer än 30 000.", evidence).found


def test_the_first_month_of_a_period_is_a_date() -> None:
    evidence = "Under perioden mars till juni 2020 ska uppdraget varje månad redovisas."
    assert [d.text for d in dates(evidence)] == ["mars", "till juni 2020"]
    outcome = compare_dates("Från mars till juni 2020 ska myndigheten rapportera månadsvis.", evidence)
    assert not outcome.conflict and len(outcome.found) == 2
    assert compare_dates("Från april till juni 2020 ska myndigheten rapportera månadsvis.", evidence).conflict
    # "mars" alone stays no date: it could be the planet
    assert not dates("Sonden landade på Mars i februari.")[0].text.startswith("Mars")


def test_utgangen_av_is_the_end() -> None:
    evidence = "Senast den 31 oktober 2021 ska myndigheten lämna en redogörelse."
    assert compare_dates("Redogörelsen lämnas senast vid utgången av oktober 2021.", evidence).found
    assert compare_dates("Redogörelsen lämnas senast i början av oktober 2021.", evidence).conflict
    # the end of a year is its last day (round 17): "t.o.m. 31 december 2022" says it
    fields = {"day": 31, "half": 2, "month": 12, "season": "vinter", "third": 3, "year": 2022}
    assert dict(dates("vid utgången av 2022")[0].fields) == fields


def test_an_authority_named_by_its_acronym_is_found() -> None:
    evidence = "ESV ska under arbetets gång löpande informera Regeringskansliet."
    outcome = compare_entities("Ekonomistyrningsverket ska hålla Regeringskansliet informerat.", evidence)
    assert outcome.found == ["Ekonomistyrningsverket", "Regeringskansliet"] and not outcome.conflict
    ivo = compare_entities(
        "Inspektionen för vård och omsorg håller departementet informerat.", "IVO informerar departementet löpande."
    )
    assert ivo.found and not ivo.conflict
    # another authority's acronym is still another authority
    assert compare_entities("Socialstyrelsen ska hålla Regeringskansliet informerat.", evidence).conflict or (
        "Socialstyrelsen" not in compare_entities("Socialstyrelsen ska informera.", evidence).found
    )


def test_statliga_is_no_rival_of_a_named_authority_but_of_the_municipality() -> None:
    outcome = compare_entities(
        "Vinnova ska tillsammans med två statliga utredningar jämföra Sveriges förmåga att tillverka vaccin.",
        "Regeringen uppdrar åt Verket för innovationssystem att i samverkan med två utredningar analysera förmågan.",
    )
    assert not outcome.conflict, outcome
    assert compare_entities("Det statliga stödet gick till äldreomsorgen.", "Kommunen betalade stödet.").conflict


def test_a_finding_is_not_backed_by_the_task_to_look_into_it() -> None:
    evidence = (
        "Utvärderingen ska genomföras utifrån ett brukarperspektiv. Den ska innehålla en bedömning av hur "
        "digitaliseringen av äldreomsorgen påverkar kostnaderna."
    )
    verdict, _, reasons = judge_evidence(
        "Utvärderingen görs ur ett brukarperspektiv och visar att digitaliseringen har sänkt äldreomsorgens kostnader.",
        evidence,
    )
    assert verdict == "partly" and "visar" in reasons["missing"], reasons
    # the evidence that reports the finding backs it
    verdict, _, _ = judge_evidence(
        "Utvärderingen visar att digitaliseringen har sänkt äldreomsorgens kostnader.",
        "Utvärderingen visar att äldreomsorgens kostnader har sänkts genom digitaliseringen.",
    )
    assert verdict == "supported"


def test_a_number_that_is_no_amount_is_still_a_claim() -> None:
    evidence = "Nu kommer rapporter om allt fler som förlorar sin ersättning vid dag 365 till följd av pandemin."
    outcome = compare_numbers("Allt fler förlorar sin ersättning redan vid dag 90.", evidence)
    assert outcome.missing == ["90"] and not outcome.conflict  # what a label counts is unknown: never a conflict
    assert compare_numbers("Allt fler förlorar sin ersättning vid dag 365.", evidence).found == ["365"]
    verdict, _, reasons = judge_evidence(
        "Många kommuner har tolkat det som att restaurangerna måste stänga klockan 22.",
        "Många kommuner har tolkat det som att man då måste stänga restaurangen klockan 20.30.",
    )
    # a time of day is judged as a time (it was a missing number before times were read)
    assert verdict == "contradicted" and reasons["conflict"] == {"time": [["klockan 22", "klockan 20.30"]]}
    # a year or a date is the date check's, not a label
    assert not compare_numbers("Under 2020 och vecka 12 ökade antalet.", "Antalet ökade.").missing


def test_the_statements_own_direction_word_said_of_something_else_does_not_back_it() -> None:
    from textsamverkan.claims.reasons.direction import compare_direction

    evidence = (
        "Antalet platser i dagverksamheten har minskat med en femtedel sedan 2015, trots att befolkningen, inte minst "
        "den äldre delen, har ökat sedan dess."
    )
    outcome = compare_direction("Antalet platser i dagverksamheten har ökat med en femtedel sedan 2015.", evidence)
    assert outcome.conflict == [("ökat", "minskat")]
    assert compare_direction("Befolkningen har ökat sedan 2015.", evidence).found == ["ökat"]


def test_a_school_is_no_auxiliary() -> None:
    from textsamverkan.claims.reasons.content import compare_content

    # "skolorna" has the lemma of "ska" ("skola") and the thesaurus lists "ska" as its synonym
    outcome, _ = compare_content(
        "Myndigheten ska räkna positiva prov i skolorna.", "Myndigheten ska räkna positiva prov i vården."
    )
    assert "skola" in outcome.missing
    found, _ = compare_content("Skolorna får mer pengar.", "Mer pengar går till skolan.")
    assert "skola" in found.found
