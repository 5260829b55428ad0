"""Rounds 56–57 of the claim verifier: an acronym of care spelt out in lower case ("SÄBO" is "särskilt boende",
"VC" "vårdcentralen", "MAS" "medicinskt ansvarig sjuksköterska") is found, and amounts swapped between two things
are found by what each is of, matched as content or as a spelt-out acronym ("39 procent på SÄBO" against "39
procent … i ordinärt boende")."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict

from textsamverkan.claims.reasons.entities import spelt_out
from textsamverkan.claims.reasons.numbers import swapped_amounts


@pytest.mark.parametrize(
    ("acronym", "text", "expected"),
    [
        ("SÄBO", "bland boende i särskilt boende", True),
        ("VC", "remissen gick till vårdcentralen", True),
        ("MAS", "den medicinskt ansvariga sjuksköterskan", True),
        ("SIP", "fjorton samordnade individuella planer", True),
        ("APT", "på arbetsplatsträffarna", True),
        ("MSB", "Myndigheten för samhällsskydd och beredskap", True),
        # two letters of one word never spell a whole acronym, nor do short or function words
        ("EU", "Europaparlamentet initierade ett förfarande", False),
        ("IP", "hon ville inte placeras där", False),
        ("IVO", "Socialstyrelsen i uppdrag att följa upp", False),
    ],
)
def test_acronyms_spelt_out(acronym: str, text: str, expected: bool) -> None:
    assert spelt_out(acronym, text) is expected


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Influensavaccination: 71 % av boende i SÄBO, endast 38 % av personalen.",
         "Vaccinationstäckningen mot influensa är 71 procent bland boende i särskilt boende, men endast 38 procent "
         "bland personalen.", "supported"),
        ("Epikris elektroniskt till VC; kopia till er på hemgångsdagen.",
         "Epikrisen skickas elektroniskt till vårdcentralen, och en kopia går till er på hemgångsdagen.", "supported"),
        # another authority is still another authority
        ("IVO har av regeringen fått uppdraget att följa tillämpningen av överenskommelserna.",
         "Regeringen har gett Socialstyrelsen i uppdrag att följa upp hur överenskommelserna tillämpas.",
         NOT_SUPPORTED),
    ],
)
def test_verdicts_with_acronyms(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        ("Under 2025 var 39 procent av hembesöken på SÄBO och 61 procent hemma hos folk i ordinärt boende.",
         "Under 2025 var 61 procent av hembesöken hos personer i särskilt boende och 39 procent hos personer i "
         "ordinärt boende."),
        ("Annika Berglöf, dsk i Ljungsala sedan 6 år; dessförinnan MAS i 20 år.",
         "Annika Berglöf heter jag, medicinskt ansvarig sjuksköterska i Ljungsala sen sex år, och innan dess var jag "
         "distriktssköterska i tjugo år."),
        ("Regionens mobila team: 3 läk. + 2 ssk.", "Vi är två läkare och tre sjuksköterskor i regionens mobila team."),
    ],
)
def test_swapped_amounts_are_found_by_what_they_are_of(statement: str, evidence: str) -> None:
    assert swapped_amounts(statement, evidence)
    assert_verdict(statement, evidence, "contradicted")


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        # a share's two numbers and a change's two values share their words; an abbreviation's period ends nothing
        ("Under året hade två av de tre boendena en stabil läkarmedverkan, medan det återstående boendet hade fyra "
         "olika hyrläkare.",
         "Läkarmedverkan har under året varit stabil på två av tre boenden, medan det tredje har haft fyra olika "
         "hyrläkare."),
        ("Enligt Gun-Britt Sävström är det nu 78 procent av de boende som har en namngiven läkare, mot 61 procent "
         "förra året.",
         "Gun-Britt Sävström redovisade att andelen boende med en namngiven läkare har ökat från 61 till 78 procent "
         "sedan förra året."),
        ("Sju patienter har blivit liggande över tre dygn efter utskrivningsklar status.",
         "7 pat. legat kvar >3 dygn efter utskrivningsklar, väntar på korttids."),
        # the words of the whole phrase ("berörs av arrangerade äktenskap") are no swap with the age range
        ("Ca 70 000 unga i åldrarna 16 till 25 berörs av arrangerade äktenskap, 6,6 procent av de unga kvinnorna.",
         "Arrangerade äktenskap berör cirka 70 000 personer i åldern 16–25 år, vilket är 6,6 procent av unga "
         "kvinnor."),
    ],
)
def test_amounts_said_in_another_order_are_no_swap(statement: str, evidence: str) -> None:
    assert swapped_amounts(statement, evidence) == []
